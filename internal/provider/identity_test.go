package provider_test

import (
	"context"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/provider"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/emulators"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// Resource identity through the plugin protocol, the way the CLIs call the
// provider: every create, read, update and import must answer with the
// user's identity, as the sandbox itself numbers the user. It must do so
// also when the request carries no identity, which is what Terraform before
// 1.12 always sends, and what a state written before identity existed sends
// on its first read or on an apply with -refresh=false; and a read that
// drops a vanished user answers with one too. The framework turns an answer
// without identity into an error diagnostic, which fails these tests.

// identityCase is one resource's story.
type identityCase struct {
	typeName string
	// seed adds the user a resource that can only adopt takes over.
	seed func(sb *acctest.Sandbox)
	// create and update are the resource's configurations: the second
	// changes an attribute in place.
	create, update map[string]any
	// user finds the story's user in the sandbox once the resource holds it.
	user func(t *testing.T, sb *acctest.Sandbox) storyUser
}

// storyUser is the user as the sandbox records it: the identity it must
// have, its string import id, and how to delete it behind the provider's
// back.
type storyUser struct {
	identity map[string]any
	importID string
	vanish   func()
}

// twoSMSGUID is the 2sms user of the story; its configuration spells it in
// upper case, and the identity must still be the lower case 2sms writes.
const twoSMSGUID = "1d000000-0000-4000-8000-0000000000ab"

var identityCases = []identityCase{
	{
		typeName: "saas_qacomplete_user",
		create:   map[string]any{"dept_id": qacsandbox.DefaultDepartmentID, "email": "ada@example.com", "first_name": "Ada", "last_name": "Lovelace"},
		update:   map[string]any{"dept_id": qacsandbox.DefaultDepartmentID, "email": "ada@example.com", "first_name": "Augusta", "last_name": "Lovelace"},
		user: func(t *testing.T, sb *acctest.Sandbox) storyUser {
			for _, u := range sb.QAComplete.Users(qacsandbox.DefaultDepartmentID) {
				if u.Email == "ada@example.com" {
					return storyUser{
						identity: map[string]any{"dept_id": int64(u.DeptID), "user_id": int64(u.ID)},
						importID: fmt.Sprintf("%d/%d", u.DeptID, u.ID),
						vanish:   func() { sb.QAComplete.DeleteUserHard(u.ID) },
					}
				}
			}
			t.Fatal("the QAComplete sandbox holds no ada@example.com")
			return storyUser{}
		},
	},
	{
		typeName: "saas_questionpro_user",
		create:   map[string]any{"email_address": "ada@example.com", "first_name": "Ada", "last_name": "Lovelace"},
		update:   map[string]any{"email_address": "ada@example.com", "first_name": "Augusta", "last_name": "Lovelace"},
		user: func(t *testing.T, sb *acctest.Sandbox) storyUser {
			for _, u := range sb.QuestionPro.Users() {
				if u.EmailAddress == "ada@example.com" {
					return storyUser{
						identity: map[string]any{"user_id": int64(u.UserID)},
						importID: strconv.Itoa(u.UserID),
						vanish:   func() { sb.QuestionPro.DeleteUserHard(u.UserID) },
					}
				}
			}
			t.Fatal("the QuestionPro sandbox holds no ada@example.com")
			return storyUser{}
		},
	},
	{
		typeName: "saas_quickhelp_user",
		seed: func(sb *acctest.Sandbox) {
			sb.QuickHelp.AddUser(qhsandbox.User{Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper", Licensed: true})
		},
		create: map[string]any{"email": "grace@example.com"},
		update: map[string]any{"email": "grace@example.com", "job_title": "Rear Admiral"},
		user: func(t *testing.T, sb *acctest.Sandbox) storyUser {
			for _, u := range sb.QuickHelp.Users() {
				if u.Email == "grace@example.com" {
					return storyUser{
						identity: map[string]any{"user_id": int64(u.UserID)},
						importID: strconv.Itoa(u.UserID),
						vanish:   func() { sb.QuickHelp.DeleteUserHard(strconv.Itoa(u.UserID)) },
					}
				}
			}
			t.Fatal("the QuickHelp sandbox holds no grace@example.com")
			return storyUser{}
		},
	},
	{
		typeName: "saas_twosms_admin_user",
		seed: func(sb *acctest.Sandbox) {
			sb.TwoSMS.AddUser(smssandbox.User{ID: twoSMSGUID, DisplayName: "Grace Hopper", EmailAddress: "grace@example.com", Enabled: true,
				MobilePhone: "+44 7700 900042", TimeZone: "GMT Standard Time", Username: "grace.hopper"})
		},
		create: map[string]any{"user_id": strings.ToUpper(twoSMSGUID)},
		update: map[string]any{"user_id": strings.ToUpper(twoSMSGUID), "display_name": "Rear Admiral Grace Hopper"},
		user: func(t *testing.T, sb *acctest.Sandbox) storyUser {
			for _, u := range sb.TwoSMS.Users() {
				if u.Username == "grace.hopper" {
					return storyUser{
						identity: map[string]any{"id": u.ID},
						importID: strings.ToUpper(u.ID),
						vanish:   func() { sb.TwoSMS.DeleteUserHard(u.ID) },
					}
				}
			}
			t.Fatal("the 2sms sandbox holds no grace.hopper")
			return storyUser{}
		},
	},
}

func TestIdentityThroughTheProtocol(t *testing.T) {
	if len(identityCases) != len(provider.Vendors()) {
		t.Fatalf("%d identity stories for %d vendors: every vendor's resource needs one", len(identityCases), len(provider.Vendors()))
	}
	for _, c := range identityCases {
		t.Run(c.typeName, func(t *testing.T) {
			t.Parallel()
			sb := acctest.StartSandbox(t)
			if c.seed != nil {
				c.seed(sb)
			}
			p := newProtocolClient(t, sb, c.typeName)

			state, identity := p.create(c.create)
			user := c.user(t, sb)
			want := user.identity
			p.checkIdentity("create", identity, want)

			// Read: with no identity (Terraform before 1.12, or the first
			// read of a state from before identity) and with the stored one.
			_, got := p.read(state, nil)
			p.checkIdentity("read without a prior identity", got, want)
			state, got = p.read(state, &identity)
			p.checkIdentity("read", got, want)

			// Update in place: with no identity (apply -refresh=false after
			// an upgrade) and with the stored one.
			_, got = p.update(state, nil, c.update)
			p.checkIdentity("update without a prior identity", got, want)
			state, got = p.update(state, &identity, c.update)
			p.checkIdentity("update", got, want)

			// Import by the string id and by identity, each followed by the
			// read the CLI makes: the same user, the same identity.
			imported, got := p.importByID(user.importID)
			p.checkIdentity("import by id", got, want)
			_, got = p.read(imported, &got)
			p.checkIdentity("read after import by id", got, want)
			imported, got = p.importByIdentity(want)
			p.checkIdentity("import by identity", got, want)
			imported, got = p.read(imported, &got)
			p.checkIdentity("read after import by identity", got, want)
			if a, b := fmt.Sprint(attribute(t, imported, "id")), fmt.Sprint(attribute(t, state, "id")); !strings.EqualFold(a, b) {
				t.Errorf("import by identity stored id %s, the managed user has %s", a, b)
			}

			// A user that vanished leaves state with a warning, and the read
			// still answers with its identity, also when none was stored. The
			// read is the next run's, with a provider of its own (QuickHelp's
			// list snapshot lasts for one run).
			user.vanish()
			gone, got := newProtocolClient(t, sb, c.typeName).read(state, nil)
			if !gone.IsNull() {
				t.Fatalf("a vanished user must leave state, got %v", gone)
			}
			p.checkIdentity("read of a vanished user", got, want)
		})
	}
}

// Invalid identities in an import block fail with a diagnostic that names
// the attribute, before any call to the vendor.
func TestIdentityImportRejectsInvalidValues(t *testing.T) {
	cases := map[string]map[string]any{
		"saas_qacomplete_user":   {"dept_id": int64(8162), "user_id": int64(0)},
		"saas_questionpro_user":  {"user_id": int64(-1)},
		"saas_quickhelp_user":    {"user_id": int64(1) << 40},
		"saas_twosms_admin_user": {"id": "grace.hopper"},
	}
	if len(cases) != len(provider.Vendors()) {
		t.Fatalf("%d cases for %d vendors", len(cases), len(provider.Vendors()))
	}
	sb := acctest.StartSandbox(t)
	for typeName, identity := range cases {
		t.Run(typeName, func(t *testing.T) {
			p := newProtocolClient(t, sb, typeName)
			resp, err := p.server.ImportResourceState(p.ctx, &tfprotov6.ImportResourceStateRequest{
				TypeName: typeName, Identity: &tfprotov6.ResourceIdentityData{IdentityData: p.dynamic(p.identityType, identity)},
			})
			if err != nil {
				t.Fatal(err)
			}
			var found bool
			for _, d := range resp.Diagnostics {
				for name := range identity {
					found = found || (d.Severity == tfprotov6.DiagnosticSeverityError && strings.Contains(d.Detail, "identity."+name))
				}
			}
			if !found || len(resp.ImportedResources) != 0 {
				t.Fatalf("want an error naming the identity attribute and nothing imported, got %d resources and %v", len(resp.ImportedResources), diagnosticsText(resp.Diagnostics))
			}
			if n := len(sb.Requests(strings.Split(typeName, "_")[1])); n != 0 {
				t.Errorf("an invalid identity sent %d requests", n)
			}
		})
	}
}

// protocolClient drives one resource type of a provider server configured
// for the sandbox, as a CLI would.
type protocolClient struct {
	t            testing.TB
	ctx          context.Context
	server       tfprotov6.ProviderServer
	typeName     string
	schema       *tfprotov6.Schema
	stateType    tftypes.Object
	identityType tftypes.Object
}

func newProtocolClient(t testing.TB, sb *acctest.Sandbox, typeName string) *protocolClient {
	t.Helper()
	return newProtocolClientFor(t, sb, typeName, provider.NewServer("test")())
}

// newProtocolClientFor is newProtocolClient for a server of the caller's.
func newProtocolClientFor(t testing.TB, sb *acctest.Sandbox, typeName string, server tfprotov6.ProviderServer) *protocolClient {
	t.Helper()
	p, providerType := newUnconfiguredClient(t, typeName, server)

	// Every vendor's block as the sandbox's descriptors give it, with the
	// client-side rate cap lifted.
	blocks := map[string]any{}
	for _, d := range emulators.All() {
		blockType := objectType(t, providerType.AttributeTypes[d.Vendor])
		settings := map[string]any{"requests_per_second": 1000}
		for _, s := range d.SettingsAt(sb.BaseURL(d.Vendor)) {
			if s.Number {
				n, err := strconv.ParseInt(s.Value, 10, 64)
				if err != nil {
					t.Fatalf("%s.%s: %v", d.Vendor, s.Attribute, err)
				}
				settings[s.Attribute] = n
			} else {
				settings[s.Attribute] = s.Value
			}
		}
		blocks[d.Vendor] = p.object(blockType, settings)
	}
	resp, err := p.server.ConfigureProvider(p.ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.12.0", Config: p.dynamic(providerType, blocks)})
	if err != nil || hasError(resp.Diagnostics) {
		t.Fatalf("configuring the provider: %v %v", err, diagnosticsText(resp.Diagnostics))
	}
	return p
}

// newUnconfiguredClient is a client of server for typeName that has read
// the schemas, as Terraform does first, and not configured the provider. It
// also returns the provider configuration's type.
func newUnconfiguredClient(t testing.TB, typeName string, server tfprotov6.ProviderServer) (*protocolClient, tftypes.Object) {
	t.Helper()
	p := &protocolClient{t: t, ctx: t.Context(), server: server, typeName: typeName}
	schemas, err := p.server.GetProviderSchema(p.ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) > 0 {
		t.Fatalf("provider schema: %v %v", err, diagnosticsText(schemas.Diagnostics))
	}
	identities, err := p.server.GetResourceIdentitySchemas(p.ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil || len(identities.Diagnostics) > 0 {
		t.Fatalf("identity schemas: %v %v", err, diagnosticsText(identities.Diagnostics))
	}
	p.schema = schemas.ResourceSchemas[typeName]
	if p.schema == nil || identities.IdentitySchemas[typeName] == nil {
		t.Fatalf("%s has no schema or no identity schema", typeName)
	}
	p.stateType = objectType(t, p.schema.ValueType())
	p.identityType = objectType(t, identities.IdentitySchemas[typeName].ValueType())
	return p, objectType(t, schemas.Provider.ValueType())
}

// create plans and applies a new resource; the plan's identity is whatever
// the provider planned, as Terraform passes it on.
func (p *protocolClient) create(config map[string]any) (state, identity tftypes.Value) {
	p.t.Helper()
	cfg := p.object(p.stateType, config)
	null := p.dynamicValue(tftypes.NewValue(p.stateType, nil))
	plan, err := p.server.PlanResourceChange(p.ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: p.typeName, PriorState: null, ProposedNewState: p.dynamicValue(cfg), Config: p.dynamicValue(cfg),
	})
	p.must("plan the create", err, plan.Diagnostics)
	apply, err := p.server.ApplyResourceChange(p.ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName: p.typeName, PriorState: null, PlannedState: plan.PlannedState, Config: p.dynamicValue(cfg),
		PlannedPrivate: plan.PlannedPrivate, PlannedIdentity: plan.PlannedIdentity,
	})
	p.must("apply the create", err, apply.Diagnostics)
	return p.decode(p.stateType, apply.NewState), p.identityOf(apply.NewIdentity)
}

// update plans and applies a change in place from prior, passing the prior
// identity on as Terraform does (nil: none).
func (p *protocolClient) update(prior tftypes.Value, priorIdentity *tftypes.Value, config map[string]any) (state, identity tftypes.Value) {
	p.t.Helper()
	cfg := p.object(p.stateType, config)
	var id *tfprotov6.ResourceIdentityData
	if priorIdentity != nil {
		id = &tfprotov6.ResourceIdentityData{IdentityData: p.dynamicValue(*priorIdentity)}
	}
	plan, err := p.server.PlanResourceChange(p.ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: p.typeName, PriorState: p.dynamicValue(prior), ProposedNewState: p.dynamicValue(p.proposed(prior, cfg)),
		Config: p.dynamicValue(cfg), PriorIdentity: id,
	})
	p.must("plan the update", err, plan.Diagnostics)
	if len(plan.RequiresReplace) > 0 {
		p.t.Fatalf("the update must be in place, the plan replaces for %v", plan.RequiresReplace)
	}
	apply, err := p.server.ApplyResourceChange(p.ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName: p.typeName, PriorState: p.dynamicValue(prior), PlannedState: plan.PlannedState, Config: p.dynamicValue(cfg),
		PlannedPrivate: plan.PlannedPrivate, PlannedIdentity: plan.PlannedIdentity,
	})
	p.must("apply the update", err, apply.Diagnostics)
	return p.decode(p.stateType, apply.NewState), p.identityOf(apply.NewIdentity)
}

// read refreshes state, passing the stored identity (nil: none).
func (p *protocolClient) read(state tftypes.Value, identity *tftypes.Value) (tftypes.Value, tftypes.Value) {
	p.t.Helper()
	req := &tfprotov6.ReadResourceRequest{TypeName: p.typeName, CurrentState: p.dynamicValue(state)}
	if identity != nil {
		req.CurrentIdentity = &tfprotov6.ResourceIdentityData{IdentityData: p.dynamicValue(*identity)}
	}
	resp, err := p.server.ReadResource(p.ctx, req)
	p.must("read", err, resp.Diagnostics)
	return p.decode(p.stateType, resp.NewState), p.identityOf(resp.NewIdentity)
}

func (p *protocolClient) importByID(id string) (tftypes.Value, tftypes.Value) {
	p.t.Helper()
	return p.importResource(&tfprotov6.ImportResourceStateRequest{TypeName: p.typeName, ID: id})
}

func (p *protocolClient) importByIdentity(identity map[string]any) (tftypes.Value, tftypes.Value) {
	p.t.Helper()
	return p.importResource(&tfprotov6.ImportResourceStateRequest{
		TypeName: p.typeName, Identity: &tfprotov6.ResourceIdentityData{IdentityData: p.dynamic(p.identityType, identity)},
	})
}

func (p *protocolClient) importResource(req *tfprotov6.ImportResourceStateRequest) (tftypes.Value, tftypes.Value) {
	p.t.Helper()
	resp, err := p.server.ImportResourceState(p.ctx, req)
	p.must("import", err, resp.Diagnostics)
	if len(resp.ImportedResources) != 1 {
		p.t.Fatalf("import answered %d resources, want 1", len(resp.ImportedResources))
	}
	r := resp.ImportedResources[0]
	return p.decode(p.stateType, r.State), p.identityOf(r.Identity)
}

// proposed is Terraform's proposed new state for an update: configured
// values, and the prior value of every computed attribute left out.
func (p *protocolClient) proposed(prior, config tftypes.Value) tftypes.Value {
	var priorVals, configVals map[string]tftypes.Value
	if err := prior.As(&priorVals); err != nil {
		p.t.Fatal(err)
	}
	if err := config.As(&configVals); err != nil {
		p.t.Fatal(err)
	}
	out := map[string]tftypes.Value{}
	for _, a := range p.schema.Block.Attributes {
		out[a.Name] = configVals[a.Name]
		if configVals[a.Name].IsNull() && a.Computed {
			out[a.Name] = priorVals[a.Name]
		}
	}
	return tftypes.NewValue(p.stateType, out)
}

func (p *protocolClient) checkIdentity(step string, identity tftypes.Value, want map[string]any) {
	p.t.Helper()
	got := goValues(p.t, identity)
	if len(got) != len(want) {
		p.t.Fatalf("%s: identity %v, want %v", step, got, want)
	}
	for k, v := range want {
		if got[k] != v {
			p.t.Fatalf("%s: identity %v, want %v", step, got, want)
		}
	}
}

func (p *protocolClient) identityOf(d *tfprotov6.ResourceIdentityData) tftypes.Value {
	p.t.Helper()
	if d == nil || d.IdentityData == nil {
		p.t.Fatal("the answer carries no identity")
	}
	return p.decode(p.identityType, d.IdentityData)
}

func (p *protocolClient) must(what string, err error, diags []*tfprotov6.Diagnostic) {
	p.t.Helper()
	if err != nil || hasError(diags) {
		p.t.Fatalf("%s %s: %v %s", what, p.typeName, err, diagnosticsText(diags))
	}
}

// object is a value of typ with the given Go values and every other
// attribute null.
func (p *protocolClient) object(typ tftypes.Object, values map[string]any) tftypes.Value {
	p.t.Helper()
	for name := range values {
		if _, ok := typ.AttributeTypes[name]; !ok {
			p.t.Fatalf("%v has no attribute %q", typ, name)
		}
	}
	out := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		v, ok := values[name]
		switch {
		case !ok:
			out[name] = tftypes.NewValue(at, nil)
		case at.Is(tftypes.Number):
			out[name] = tftypes.NewValue(at, numberOf(p.t, v))
		default:
			if tv, isValue := v.(tftypes.Value); isValue {
				out[name] = tv
			} else {
				out[name] = tftypes.NewValue(at, v)
			}
		}
	}
	return tftypes.NewValue(typ, out)
}

func (p *protocolClient) dynamic(typ tftypes.Object, values map[string]any) *tfprotov6.DynamicValue {
	p.t.Helper()
	return p.dynamicValue(p.object(typ, values))
}

func (p *protocolClient) dynamicValue(v tftypes.Value) *tfprotov6.DynamicValue {
	p.t.Helper()
	dv, err := tfprotov6.NewDynamicValue(v.Type(), v)
	if err != nil {
		p.t.Fatal(err)
	}
	return &dv
}

func (p *protocolClient) decode(typ tftypes.Type, dv *tfprotov6.DynamicValue) tftypes.Value {
	p.t.Helper()
	if dv == nil {
		p.t.Fatal("the answer carries no value")
	}
	v, err := dv.Unmarshal(typ)
	if err != nil {
		p.t.Fatal(err)
	}
	return v
}

func objectType(t testing.TB, typ tftypes.Type) tftypes.Object {
	t.Helper()
	o, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%v is not an object type", typ)
	}
	return o
}

// attribute is one top-level attribute of an object as a Go value.
func attribute(t testing.TB, obj tftypes.Value, name string) any {
	t.Helper()
	return goValues(t, obj)[name]
}

// goValues turns an object of strings and numbers into Go values: strings,
// int64 for whole numbers, nil for null.
func goValues(t testing.TB, obj tftypes.Value) map[string]any {
	t.Helper()
	var attrs map[string]tftypes.Value
	if err := obj.As(&attrs); err != nil {
		t.Fatalf("not an object: %v", obj)
	}
	out := map[string]any{}
	for name, v := range attrs {
		switch {
		case v.IsNull() || !v.IsKnown():
			out[name] = nil
		case v.Type().Is(tftypes.String):
			var s string
			_ = v.As(&s)
			out[name] = s
		case v.Type().Is(tftypes.Number):
			var f big.Float
			_ = v.As(&f)
			n, _ := f.Int64()
			out[name] = n
		default:
			out[name] = v
		}
	}
	return out
}

func numberOf(t testing.TB, v any) *big.Float {
	t.Helper()
	switch n := v.(type) {
	case int:
		return new(big.Float).SetInt64(int64(n))
	case int64:
		return new(big.Float).SetInt64(n)
	}
	t.Fatalf("%v (%T) is not a number", v, v)
	return nil
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

func diagnosticsText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString("\n  " + d.Severity.String() + ": " + d.Summary + ": " + d.Detail)
	}
	return b.String()
}
