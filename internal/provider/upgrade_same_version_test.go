package provider_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/saas-users/terraform-provider-saas/internal/provider"
)

// TestSameVersionUpgradeMatchesFramework is the proof that the
// same-version upgrade is the framework's: for every resource type the
// provider has, stored states as Terraform sends them (generated values,
// attributes the schema no longer has, attributes missing or of the wrong
// type, null, broken JSON, flatmap, other versions) go to the provider's
// server and to the framework's alone, and the answers must be the same to
// the byte. Each type must have enough states answered by the
// same-version upgrade itself.
func TestSameVersionUpgradeMatchesFramework(t *testing.T) {
	for _, typeName := range resourceTypes(t) {
		t.Run(typeName, func(t *testing.T) {
			fast, _ := newUnconfiguredClient(t, typeName, provider.NewServer("test")())
			framework, _ := newUnconfiguredClient(t, typeName, provider.NewFrameworkServer("test"))
			g := &planGen{p: fast, rng: rand.New(rand.NewPCG(3, uint64(len(typeName))))}
			answered := 0
			const cases = 300
			for i := range cases {
				req := g.upgradeRequest()
				own := provider.UpgradedWithoutFramework(fast.ctx, fast.server, req)
				want, err := framework.server.UpgradeResourceState(framework.ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				got, err := fast.server.UpgradeResourceState(fast.ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				if diff := upgradeDiff(want, got); diff != "" {
					t.Fatalf("case %d: the provider's answer differs from the framework's: %s\nrequest: version %d, %s", i, diff, req.Version, describeRaw(req.RawState))
				}
				if own != nil {
					answered++
					if diff := upgradeDiff(want, own); diff != "" {
						t.Fatalf("case %d: the same-version upgrade differs from the framework's: %s\nrequest: version %d, %s", i, diff, req.Version, describeRaw(req.RawState))
					}
				}
			}
			t.Logf("%d of %d states passed through without the framework", answered, cases)
			if answered < cases/4 {
				t.Errorf("only %d of %d states took the same-version upgrade: the comparison proves too little", answered, cases)
			}
		})
	}
}

// upgradeRequest is a stored state of the resource type as Terraform sends
// it to UpgradeResourceState, mostly of the current version.
func (g *planGen) upgradeRequest() *tfprotov6.UpgradeResourceStateRequest {
	g.wild = g.rng.IntN(4) == 0
	var attrs map[string]any
	b, err := json.Marshal(jsonValue(g.p.t, g.state()))
	if err == nil {
		err = json.Unmarshal(b, &attrs)
	}
	if err != nil {
		g.p.t.Fatal(err)
	}
	names := make([]string, 0, len(attrs))
	for name := range attrs {
		names = append(names, name)
	}
	some := names[g.rng.IntN(len(names))]
	req := &tfprotov6.UpgradeResourceStateRequest{TypeName: g.p.typeName, Version: g.p.schema.Version}
	switch n := g.rng.IntN(20); {
	case n < 10:
	case n < 12:
		attrs["removed_in_an_older_version"] = "x" // the framework ignores it
	case n < 13:
		delete(attrs, some)
	case n < 14:
		attrs[some] = map[string]any{"not": []any{"what", "the", "schema", "says"}}
	case n < 15:
		req.RawState = &tfprotov6.RawState{JSON: []byte("null")}
	case n < 16:
		req.RawState = &tfprotov6.RawState{JSON: []byte(`{"id": `)}
	case n < 17:
		req.RawState = &tfprotov6.RawState{Flatmap: map[string]string{"id": "1"}}
	case n < 18:
		req.Version++
	default:
		req.Version--
	}
	if req.RawState == nil {
		b, err := json.Marshal(attrs)
		if err != nil {
			g.p.t.Fatal(err)
		}
		req.RawState = &tfprotov6.RawState{JSON: b}
	}
	return req
}

func upgradeDiff(want, got *tfprotov6.UpgradeResourceStateResponse) string {
	if w, g := dynamicBytes(want.UpgradedState), dynamicBytes(got.UpgradedState); !bytes.Equal(w, g) || (want.UpgradedState == nil) != (got.UpgradedState == nil) {
		return fmt.Sprintf("upgraded state: framework %q, provider %q", w, g)
	}
	if w, g := diagnosticsWire(want.Diagnostics), diagnosticsWire(got.Diagnostics); w != g {
		return fmt.Sprintf("diagnostics: framework %s, provider %s", w, g)
	}
	return ""
}

func describeRaw(raw *tfprotov6.RawState) string {
	if raw == nil {
		return "no state"
	}
	if raw.JSON == nil {
		return fmt.Sprintf("flatmap %v", raw.Flatmap)
	}
	return string(raw.JSON)
}
