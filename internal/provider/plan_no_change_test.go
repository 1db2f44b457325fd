package provider_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/provider"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// planCasesPerType is how many generated plans each resource type gets
// under each provider configuration.
const planCasesPerType = 300

// TestNoChangePlanMatchesFramework is the proof that the no-change plan is
// the framework's: for every resource type the provider has, plans built
// from generated states, configurations, identities, private data and
// client capabilities (unchanged ones, and changed, unknown, created,
// destroyed ones around them) go to the provider's server and to the
// framework's alone, and the answers must be the same to the byte. It runs
// with the provider configured for the sandbox, configured with no vendor
// (every plan then fails on missing credentials) and not configured at
// all. Each type must have enough plans answered by the no-change plan
// itself, or the comparison would prove nothing. SAAS_PLAN_SEED picks
// another set of cases.
func TestNoChangePlanMatchesFramework(t *testing.T) {
	seed := uint64(1)
	if s := os.Getenv("SAAS_PLAN_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("SAAS_PLAN_SEED: %v", err)
		}
		seed = n
	}
	sb := acctest.StartSandbox(t)
	for _, typeName := range resourceTypes(t) {
		for _, setup := range []string{"sandbox", "no vendor", "not configured"} {
			t.Run(typeName+"/"+setup, func(t *testing.T) {
				fast, framework := pairFor(t, sb, typeName, setup)
				rng := rand.New(rand.NewPCG(seed, uint64(len(typeName))))
				g := &planGen{p: fast, rng: rng}
				answered := 0
				for i := range planCasesPerType {
					req := g.request()
					own := provider.PlannedWithoutFramework(fast.ctx, fast.server, req)
					want, err := framework.server.PlanResourceChange(framework.ctx, req)
					if err != nil {
						t.Fatal(err)
					}
					got, err := fast.server.PlanResourceChange(fast.ctx, req)
					if err != nil {
						t.Fatal(err)
					}
					if diff := planDiff(want, got); diff != "" {
						t.Fatalf("case %d (seed %d): the provider's answer differs from the framework's: %s\nrequest: %s", i, seed, diff, g.describe(req))
					}
					if own != nil {
						answered++
						if hasError(want.Diagnostics) {
							t.Fatalf("case %d (seed %d): the no-change plan answered a plan the framework fails: %s\nrequest: %s", i, seed, diagnosticsText(want.Diagnostics), g.describe(req))
						}
						if diff := planDiff(want, own); diff != "" {
							t.Fatalf("case %d (seed %d): the no-change plan differs from the framework's: %s\nrequest: %s", i, seed, diff, g.describe(req))
						}
					}
				}
				t.Logf("%d of %d plans answered without the framework's plan walk", answered, planCasesPerType)
				if setup == "sandbox" && answered < planCasesPerType/10 {
					t.Errorf("only %d of %d plans took the no-change plan: the comparison proves too little", answered, planCasesPerType)
				}
				if setup == "no vendor" && answered > 0 {
					t.Errorf("%d plans answered without the framework while every plan must fail on missing credentials", answered)
				}
			})
		}
	}
}

// pairFor is the provider's server and the framework's alone, set up alike.
func pairFor(t *testing.T, sb *acctest.Sandbox, typeName, setup string) (fast, framework *protocolClient) {
	t.Helper()
	switch setup {
	case "sandbox":
		return newProtocolClientFor(t, sb, typeName, provider.NewServer("test")()),
			newProtocolClientFor(t, sb, typeName, provider.NewFrameworkServer("test"))
	case "no vendor":
		fast, providerType := newUnconfiguredClient(t, typeName, provider.NewServer("test")())
		framework, _ = newUnconfiguredClient(t, typeName, provider.NewFrameworkServer("test"))
		for _, p := range []*protocolClient{fast, framework} {
			resp, err := p.server.ConfigureProvider(p.ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.5.7", Config: p.dynamic(providerType, nil)})
			if err != nil || hasError(resp.Diagnostics) {
				t.Fatalf("configuring the provider: %v %v", err, diagnosticsText(resp.Diagnostics))
			}
		}
		return fast, framework
	default:
		fast, _ = newUnconfiguredClient(t, typeName, provider.NewServer("test")())
		framework, _ = newUnconfiguredClient(t, typeName, provider.NewFrameworkServer("test"))
		return fast, framework
	}
}

// planDiff describes how two answers differ on the wire, "" when they do
// not. A failed plan is compared by its failing alone: the framework stops
// its walk over the schema's attributes at the first error, in map order,
// so the planned state and the diagnostics of a failed plan differ from one
// call to the next even on the framework alone, and Terraform discards
// them.
func planDiff(want, got *tfprotov6.PlanResourceChangeResponse) string {
	if hasError(want.Diagnostics) || hasError(got.Diagnostics) {
		if hasError(want.Diagnostics) != hasError(got.Diagnostics) {
			return fmt.Sprintf("diagnostics: framework %s, provider %s", diagnosticsWire(want.Diagnostics), diagnosticsWire(got.Diagnostics))
		}
		return ""
	}
	var out []string
	check := func(what string, w, g []byte) {
		if !bytes.Equal(w, g) {
			out = append(out, fmt.Sprintf("%s: framework %q, provider %q", what, w, g))
		}
	}
	check("planned state", dynamicBytes(want.PlannedState), dynamicBytes(got.PlannedState))
	check("planned private", want.PlannedPrivate, got.PlannedPrivate)
	if (want.PlannedIdentity == nil) != (got.PlannedIdentity == nil) {
		out = append(out, fmt.Sprintf("planned identity: framework %v, provider %v", want.PlannedIdentity, got.PlannedIdentity))
	} else if want.PlannedIdentity != nil {
		check("planned identity", dynamicBytes(want.PlannedIdentity.IdentityData), dynamicBytes(got.PlannedIdentity.IdentityData))
	}
	if w, g := fmt.Sprint(want.RequiresReplace), fmt.Sprint(got.RequiresReplace); w != g {
		out = append(out, fmt.Sprintf("requires replace: framework %s, provider %s", w, g))
	}
	if w, g := diagnosticsWire(want.Diagnostics), diagnosticsWire(got.Diagnostics); w != g {
		out = append(out, fmt.Sprintf("diagnostics: framework %s, provider %s", w, g))
	}
	if w, g := fmt.Sprint(want.Deferred), fmt.Sprint(got.Deferred); w != g {
		out = append(out, fmt.Sprintf("deferred: framework %s, provider %s", w, g))
	}
	return strings.Join(out, "; ")
}

// dynamicBytes is a value as it goes on the wire (nil and empty alike).
func dynamicBytes(v *tfprotov6.DynamicValue) []byte {
	if v == nil {
		return nil
	}
	return append(append([]byte{}, v.MsgPack...), v.JSON...)
}

func diagnosticsWire(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		fmt.Fprintf(&b, "[%s %q %q %v]", d.Severity, d.Summary, d.Detail, d.Attribute)
	}
	return b.String()
}

// planGen generates PlanResourceChange requests for one resource type.
type planGen struct {
	p   *protocolClient
	rng *rand.Rand
	// wild lets values break the schema's rules (fractions and huge
	// numbers for whole ones, duplicate set elements); it is drawn anew
	// for every request.
	wild bool
}

// request is one plan: most propose no change, the rest change, create or
// destroy something, and every part Terraform sends is varied.
func (g *planGen) request() *tfprotov6.PlanResourceChangeRequest {
	p := g.p
	g.wild = g.rng.IntN(4) == 0
	prior := g.state()
	config := g.config(prior)
	var proposed tftypes.Value
	switch n := g.rng.IntN(100); {
	case n < 55:
		// Unchanged: proposed is prior. Realistic configurations hold the
		// prior values; write-only ones are null in state and plan.
		proposed = prior
	case n < 65:
		proposed = g.changeOne(prior, func(typ tftypes.Type) tftypes.Value { return g.value(typ, 1) })
	case n < 72:
		proposed = g.changeOne(prior, func(typ tftypes.Type) tftypes.Value { return tftypes.NewValue(typ, tftypes.UnknownValue) })
		if g.wild {
			// No state holds an unknown value, but nothing must go wrong if
			// one did.
			prior = proposed
		}
	case n < 78:
		proposed = tftypes.NewValue(p.stateType, nil) // destroy
	case n < 84:
		prior = tftypes.NewValue(p.stateType, nil) // create
		proposed = config
	default:
		// Unchanged, against a configuration that holds anything at all.
		proposed = prior
		config = g.value(p.stateType, 0)
		if config.IsNull() || g.rng.IntN(4) == 0 {
			config = tftypes.NewValue(p.stateType, nil)
		}
	}
	req := &tfprotov6.PlanResourceChangeRequest{
		TypeName: p.typeName, PriorState: p.dynamicValue(prior), ProposedNewState: p.dynamicValue(proposed), Config: p.dynamicValue(config),
	}
	switch g.rng.IntN(5) {
	case 0:
		// Terraform before 1.12 sends no identity.
	case 1:
		req.PriorIdentity = &tfprotov6.ResourceIdentityData{IdentityData: p.dynamicValue(tftypes.NewValue(p.identityType, nil))}
	default:
		req.PriorIdentity = &tfprotov6.ResourceIdentityData{IdentityData: p.dynamicValue(g.value(p.identityType, 1))}
	}
	// Private data as the framework stores it: provider keys whose values
	// are base64 JSON. The resource's own keys (providerdata.PrivateStateKeys,
	// such as 2sms's pin_read) are planned true and false: plan logic that
	// read one on a plan that changes nothing would answer differently.
	switch g.rng.IntN(8) {
	case 0:
		req.PriorPrivate = []byte(`{"note":"eyJhIjoxfQ=="}`)
	case 1:
		req.PriorPrivate = []byte(`{}`)
	case 2, 3:
		req.PriorPrivate = g.ownPrivate(g.rng.IntN(2) == 0)
	}
	switch g.rng.IntN(4) {
	case 0:
		req.ClientCapabilities = &tfprotov6.PlanResourceChangeClientCapabilities{DeferralAllowed: true}
	case 1:
		req.ClientCapabilities = &tfprotov6.PlanResourceChangeClientCapabilities{}
	}
	return req
}

// state is a prior state. Terraform stores write-only attributes as null,
// so only a wild state holds one.
func (g planGen) state() tftypes.Value {
	v := g.value(g.p.stateType, 1)
	if v.IsNull() {
		return g.state()
	}
	var vals map[string]tftypes.Value
	if err := v.As(&vals); err != nil {
		g.p.t.Fatal(err)
	}
	for _, a := range g.p.schema.Block.Attributes {
		if a.WriteOnly && !g.wild {
			vals[a.Name] = tftypes.NewValue(g.p.stateType.AttributeTypes[a.Name], nil)
		}
	}
	return tftypes.NewValue(g.p.stateType, vals)
}

// config is a configuration for prior: arguments mostly as in state,
// sometimes left out or set to something else; computed-only attributes
// and, mostly, timeouts left out; write-only ones now and then set.
func (g planGen) config(prior tftypes.Value) tftypes.Value {
	var priorVals map[string]tftypes.Value
	if err := prior.As(&priorVals); err != nil {
		g.p.t.Fatal(err)
	}
	out := map[string]tftypes.Value{}
	for _, a := range g.p.schema.Block.Attributes {
		typ := g.p.stateType.AttributeTypes[a.Name]
		out[a.Name] = tftypes.NewValue(typ, nil)
		if !a.Required && !a.Optional {
			continue
		}
		switch n := g.rng.IntN(10); {
		case a.WriteOnly:
			if n < 3 {
				out[a.Name] = g.value(typ, 1)
			}
		case n < 6 || a.Required:
			out[a.Name] = priorVals[a.Name]
		case n < 8:
			out[a.Name] = g.value(typ, 1)
		}
	}
	return tftypes.NewValue(g.p.stateType, out)
}

// changeOne is v with one top-level attribute replaced by change's value
// for its type, or v itself when that happens to be equal.
func (g planGen) changeOne(v tftypes.Value, change func(tftypes.Type) tftypes.Value) tftypes.Value {
	var vals map[string]tftypes.Value
	if err := v.As(&vals); err != nil {
		g.p.t.Fatal(err)
	}
	attrs := g.p.schema.Block.Attributes
	a := attrs[g.rng.IntN(len(attrs))]
	vals[a.Name] = change(g.p.stateType.AttributeTypes[a.Name])
	return tftypes.NewValue(g.p.stateType, vals)
}

// stringPool holds the strings the providers' attributes care about: the
// on_destroy choices and defaults, durations for timeouts, GUIDs, e-mail
// addresses, and the empty string.
var stringPool = []string{"", "Ada", "ada@example.com", "disable", "forget", "delete", "unlicense", "gdpr_delete",
	"5m", "90s", "soon", "1d000000-0000-4000-8000-0000000000ab", "+44 7700 900042", "GMT Standard Time", "Zoë"}

// numberPool holds whole numbers in and out of 32-bit range; wildNumbers
// those an Int64 attribute refuses.
var (
	numberPool  = []string{"0", "1", "42", "-7", "8162", "2147483647", "1099511627776"}
	wildNumbers = []string{"1.5", "1e30", "-0.25", "9223372036854775808"}
)

// value is a random value of typ: null now and then (not at the top of a
// state), nested values generated alike.
func (g planGen) value(typ tftypes.Type, depth int) tftypes.Value {
	if depth > 0 && g.rng.IntN(6) == 0 {
		return tftypes.NewValue(typ, nil)
	}
	switch typ := typ.(type) {
	case tftypes.List:
		return tftypes.NewValue(typ, g.elements(typ.ElementType, depth))
	case tftypes.Set:
		// Duplicates now and then: the framework refuses such a set.
		return tftypes.NewValue(typ, g.elements(typ.ElementType, depth))
	case tftypes.Map:
		out := map[string]tftypes.Value{}
		for i := range g.rng.IntN(3) {
			out[fmt.Sprint("k", i)] = g.value(typ.ElementType, depth+1)
		}
		return tftypes.NewValue(typ, out)
	case tftypes.Object:
		out := map[string]tftypes.Value{}
		for name, at := range typ.AttributeTypes {
			out[name] = g.value(at, depth+1)
		}
		return tftypes.NewValue(typ, out)
	}
	switch {
	case typ.Is(tftypes.String):
		return tftypes.NewValue(typ, stringPool[g.rng.IntN(len(stringPool))])
	case typ.Is(tftypes.Number):
		pool := numberPool
		if g.wild && g.rng.IntN(3) == 0 {
			pool = wildNumbers
		}
		f, _, err := big.ParseFloat(pool[g.rng.IntN(len(pool))], 10, 512, big.ToNearestEven)
		if err != nil {
			g.p.t.Fatal(err)
		}
		return tftypes.NewValue(typ, f)
	case typ.Is(tftypes.Bool):
		return tftypes.NewValue(typ, g.rng.IntN(2) == 0)
	}
	g.p.t.Fatalf("no generator for %s", typ)
	return tftypes.Value{}
}

func (g planGen) elements(typ tftypes.Type, depth int) []tftypes.Value {
	out := []tftypes.Value{}
	for range g.rng.IntN(4) {
		if g.wild && len(out) > 0 && g.rng.IntN(3) == 0 {
			out = append(out, out[0])
			continue
		}
		out = append(out, g.value(typ, depth+1))
	}
	return out
}

func (g planGen) describe(req *tfprotov6.PlanResourceChangeRequest) string {
	decode := func(v *tfprotov6.DynamicValue, typ tftypes.Type) string {
		if v == nil {
			return "none"
		}
		val, err := v.Unmarshal(typ)
		if err != nil {
			return err.Error()
		}
		return val.String()
	}
	identity := "none"
	if req.PriorIdentity != nil {
		identity = decode(req.PriorIdentity.IdentityData, g.p.identityType)
	}
	return fmt.Sprintf("\n prior %s\n proposed %s\n config %s\n identity %s\n private %q capabilities %+v",
		decode(req.PriorState, g.p.stateType), decode(req.ProposedNewState, g.p.stateType), decode(req.Config, g.p.stateType),
		identity, req.PriorPrivate, req.ClientCapabilities)
}

// Terraform plans many resources at once: the no-change plan answers
// concurrent plans of one server, each with its own resource's state (run
// with -race).
func TestNoChangePlanConcurrent(t *testing.T) {
	sb := acctest.StartSandbox(t)
	for _, typeName := range resourceTypes(t) {
		t.Run(typeName, func(t *testing.T) {
			seed := benchSeeds[typeName]
			if seed == nil {
				t.Fatalf("%s has no entry in benchSeeds", typeName)
			}
			var ids []string
			for i := range 4 {
				ids = append(ids, seed(sb, 1000+i))
			}
			p := newProtocolClient(t, sb, typeName)
			var fixtures []noChange
			for _, id := range ids {
				fixtures = append(fixtures, p.noChangeFixture(id))
			}
			errs := make(chan string, 8*len(fixtures))
			for w := range 8 {
				go func() {
					for i := range 25 {
						nc := fixtures[(w+i)%len(fixtures)]
						req := &tfprotov6.PlanResourceChangeRequest{
							TypeName: typeName, PriorState: nc.state, ProposedNewState: nc.proposed, Config: nc.config, PriorPrivate: nc.private,
						}
						own := provider.PlannedWithoutFramework(p.ctx, p.server, req)
						resp, err := p.server.PlanResourceChange(p.ctx, req)
						switch {
						case err != nil || hasError(resp.Diagnostics):
							errs <- fmt.Sprint(err, diagnosticsText(resp.Diagnostics))
							return
						case own == nil:
							errs <- "the no-change plan left an unchanged resource to the framework"
							return
						case !bytes.Equal(dynamicBytes(resp.PlannedState), dynamicBytes(nc.proposed)):
							errs <- "the planned state is not the proposed one"
							return
						}
					}
					errs <- ""
				}()
			}
			for range 8 {
				if e := <-errs; e != "" {
					t.Error(e)
				}
			}
		})
	}
}

// ownPrivate is private data holding every key the resource type names
// through providerdata.PrivateStateKeys, each set to value; nil when it
// names none.
func (g *planGen) ownPrivate(value bool) []byte {
	keys := privateStateKeys(g.p.t, g.p.typeName)
	if len(keys) == 0 {
		return nil
	}
	v := base64.StdEncoding.EncodeToString([]byte(strconv.FormatBool(value)))
	m := map[string]string{}
	for _, k := range keys {
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		g.p.t.Fatal(err)
	}
	return b
}

// privateStateKeys is what the resource of typeName names as its own
// private-state keys.
func privateStateKeys(tb testing.TB, typeName string) []string {
	tb.Helper()
	ctx := context.Background()
	for _, v := range provider.Vendors() {
		for _, f := range v.Resources {
			r := f()
			var meta resource.MetadataResponse
			r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "saas"}, &meta)
			if meta.TypeName != typeName {
				continue
			}
			if k, ok := r.(providerdata.PrivateStateKeys); ok {
				return k.PrivateStateKeys()
			}
			return nil
		}
	}
	tb.Fatalf("no resource %s", typeName)
	return nil
}
