package provider_test

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// benchSeeds adds user i of a resource type's users to the sandbox and
// returns the id `terraform import` takes for it. Every resource type of the
// provider needs one (the benchmark fails on a type without).
var benchSeeds = map[string]func(sb *acctest.Sandbox, i int) string{
	"saas_qacomplete_user": func(sb *acctest.Sandbox, i int) string {
		u := sb.QAComplete.AddUser(qacsandbox.User{DeptID: qacsandbox.DefaultDepartmentID, FirstName: "Ada", LastName: fmt.Sprintf("Lovelace %d", i),
			Email: fmt.Sprintf("ada.%d@example.com", i), Title: "Analyst", TimeZone: "GMT Standard Time", IsActive: true})
		return fmt.Sprintf("%d/%d", u.DeptID, u.ID)
	},
	"saas_questionpro_user": func(sb *acctest.Sandbox, i int) string {
		u := sb.QuestionPro.AddUser(qpsandbox.User{EmailAddress: fmt.Sprintf("ada.%d@example.com", i), FirstName: "Ada", LastName: fmt.Sprintf("Lovelace %d", i)})
		return strconv.Itoa(u.UserID)
	},
	"saas_quickhelp_user": func(sb *acctest.Sandbox, i int) string {
		u := sb.QuickHelp.AddUser(qhsandbox.User{Email: fmt.Sprintf("grace.%d@example.com", i), FirstName: "Grace", LastName: fmt.Sprintf("Hopper %d", i),
			JobTitle: "Rear Admiral", Department: "Navy", Licensed: true})
		return strconv.Itoa(u.UserID)
	},
	"saas_twosms_admin_user": func(sb *acctest.Sandbox, i int) string {
		id := fmt.Sprintf("1d000000-0000-4000-8000-%012d", i+1)
		sb.TwoSMS.AddUser(smssandbox.User{ID: id, DisplayName: fmt.Sprintf("Grace Hopper %d", i), EmailAddress: fmt.Sprintf("grace.%d@example.com", i),
			Enabled: true, MobilePhone: fmt.Sprintf("+44 7700 9%05d", i), TimeZone: "GMT Standard Time", Username: fmt.Sprintf("grace.hopper.%d", i)})
		return id
	},
}

// noChange is one managed resource as Terraform holds it between runs, and
// the requests Terraform 1.5.7 sends for it in a plan with no change: the
// state as stored (JSON, for UpgradeResourceState), the state as the
// provider last wrote it, the configuration, and the proposed new state
// Terraform derives from them.
type noChange struct {
	rawState []byte
	state    *tfprotov6.DynamicValue
	private  []byte
	config   *tfprotov6.DynamicValue
	proposed *tfprotov6.DynamicValue
}

// noChangeFixture imports the user with importID and reads it, as
// `terraform import` does, and derives the configuration a user would
// write for it: every argument set to the value the user holds, secrets and
// timeouts left out. It fails unless the framework plans no change for it.
func (p *protocolClient) noChangeFixture(importID string) noChange {
	p.t.Helper()
	imported, _ := p.importByID(importID)
	read, err := p.server.ReadResource(p.ctx, &tfprotov6.ReadResourceRequest{TypeName: p.typeName, CurrentState: p.dynamicValue(imported)})
	p.must("read after import", err, read.Diagnostics)
	state := p.decode(p.stateType, read.NewState)
	if state.IsNull() {
		p.t.Fatalf("%s %s: the read after import found no user (seed users before the client's first read: QuickHelp reads from one snapshot per run)", p.typeName, importID)
	}

	var stateVals map[string]tftypes.Value
	if err := state.As(&stateVals); err != nil {
		p.t.Fatal(err)
	}
	configVals := map[string]tftypes.Value{}
	for name, typ := range p.stateType.AttributeTypes {
		configVals[name] = tftypes.NewValue(typ, nil)
	}
	for _, a := range p.schema.Block.Attributes {
		if (a.Required || a.Optional) && !a.WriteOnly && a.NestedType == nil {
			configVals[a.Name] = stateVals[a.Name]
		}
	}
	config := tftypes.NewValue(p.stateType, configVals)
	proposed := p.proposed(state, config)
	if !proposed.Equal(state) {
		p.t.Fatalf("%s %s: the configuration derived from state does not propose the state:\n%v\n%v", p.typeName, importID, proposed, state)
	}
	rawState, err := json.Marshal(jsonValue(p.t, state))
	if err != nil {
		p.t.Fatal(err)
	}
	nc := noChange{rawState: rawState, state: read.NewState, private: read.Private, config: p.dynamicValue(config), proposed: p.dynamicValue(proposed)}

	validate, err := p.server.ValidateResourceConfig(p.ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: p.typeName, Config: nc.config})
	p.must("validate the derived configuration", err, validate.Diagnostics)
	plan, err := p.server.PlanResourceChange(p.ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName: p.typeName, PriorState: nc.state, ProposedNewState: nc.proposed, Config: nc.config, PriorPrivate: nc.private,
	})
	p.must("plan", err, plan.Diagnostics)
	if planned := p.decode(p.stateType, plan.PlannedState); !planned.Equal(state) || len(plan.RequiresReplace) > 0 {
		p.t.Fatalf("%s %s: the plan is not a no-change plan: %v, replace %v", p.typeName, importID, planned, plan.RequiresReplace)
	}
	return nc
}

// jsonValue is v as Terraform writes it in a state file's attributes.
func jsonValue(t testing.TB, v tftypes.Value) any {
	t.Helper()
	if v.IsNull() {
		return nil
	}
	typ := v.Type()
	switch {
	case typ.Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case typ.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case typ.Is(tftypes.Number):
		var f big.Float
		_ = v.As(&f)
		return json.Number(f.Text('f', -1))
	case typ.Is(tftypes.List{}), typ.Is(tftypes.Set{}), typ.Is(tftypes.Tuple{}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		out := []any{}
		for _, e := range elems {
			out = append(out, jsonValue(t, e))
		}
		return out
	case typ.Is(tftypes.Map{}), typ.Is(tftypes.Object{}):
		var attrs map[string]tftypes.Value
		_ = v.As(&attrs)
		out := map[string]any{}
		for k, e := range attrs {
			out[k] = jsonValue(t, e)
		}
		return out
	}
	t.Fatalf("no JSON for %s", strings.TrimSpace(typ.String()))
	return nil
}
