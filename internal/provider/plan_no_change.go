package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// PlanResourceChange answers a plan whose proposed new state is the prior
// state, which is nearly every resource of a plan that finds the world as
// configured, without the framework's plan walk.
//
// For such a resource the framework (v1.19) builds the plan in five steps:
// defaults, nulling write-only attributes, marking computed attributes
// unknown (skipped when nothing changed), the schema's plan modifiers and
// the resource's ModifyPlan. The walk over the schema that carries them
// costs more CPU than the rest of the provider's plan and refresh together
// (the path steps rebuild the schema's attribute map at every step), and
// for an unchanged resource it changes nothing. So when the schema's
// defaults and write-only attributes are checked to leave this plan as it
// is, and its plan modifiers are all framework modifiers known to do
// nothing without a change, the answer is the resource's own ModifyPlan
// run on the proposed state, exactly as the framework would run it. Any
// call whose answer might differ from the framework's, or whose ModifyPlan
// says anything at all (a diagnostic, a changed plan, a replacement, private
// data, a deferral, another identity), goes to the framework, which then
// answers as it always has; ModifyPlan then runs twice, which plan logic
// must bear anyway, since Terraform plans a resource again at apply.
func (s *fastPaths) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	if resp := s.planNoChange(ctx, req); resp != nil {
		// The framework's own trace lines for the plan are missing from a
		// TF_LOG=trace log then: say why.
		tflog.Trace(ctx, "Planned no change without the framework's plan walk: the proposed new state is the prior state and the plan logic leaves it alone")
		return resp, nil
	}
	return s.ProviderServer.PlanResourceChange(ctx, req)
}

// planNoChange is the framework's answer to req when req proposes no
// change and the answer is certain to be the proposed state as it is; nil
// otherwise.
func (s *fastPaths) planNoChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) *tfprotov6.PlanResourceChangeResponse {
	t := s.types[req.TypeName]
	data := s.data.Load()
	if t == nil || s.broken || s.planOff.Load() || req.PriorState == nil || req.ProposedNewState == nil {
		return nil
	}
	f := t.planFacts(ctx)
	if f.unfit != "" {
		return nil
	}
	prior, err := req.PriorState.Unmarshal(f.typ)
	if err != nil || prior.IsNull() {
		return nil // a create, or a state the framework reports on
	}
	proposed, err := req.ProposedNewState.Unmarshal(f.typ)
	if err != nil || !proposed.IsFullyKnown() || !proposed.Equal(prior) {
		return nil // a destroy, a change, or values known only after apply
	}
	config := tftypes.NewValue(f.typ, nil)
	if req.Config != nil {
		if config, err = req.Config.Unmarshal(f.typ); err != nil {
			return nil
		}
	}
	if !f.leavesAlone(ctx, proposed, config) {
		return nil
	}
	identity, ok := f.priorIdentity(req.PriorIdentity)
	if !ok {
		return nil
	}
	if !f.modifyPlanLeavesAlone(ctx, t.new(), data, req, config, prior, proposed, identity) {
		return nil
	}

	planned, err := tfprotov6.NewDynamicValue(f.typ, proposed)
	if err != nil {
		return nil
	}
	// The framework hands the prior private data on unchanged when the
	// plan logic leaves it alone, and writes none when it holds no key.
	resp := &tfprotov6.PlanResourceChangeResponse{PlannedState: &planned}
	if !emptyPrivate(req.PriorPrivate) {
		resp.PlannedPrivate = req.PriorPrivate
	}
	if f.hasIdentity {
		id, err := tfprotov6.NewDynamicValue(f.identityType, identity)
		if err != nil {
			return nil
		}
		resp.PlannedIdentity = &tfprotov6.ResourceIdentityData{IdentityData: &id}
	}
	return resp
}

// leavesAlone is true when the framework's defaults, its nulling of
// write-only attributes and its reading of every top-level value leave the
// unchanged plan as it is, without a diagnostic.
func (f *planFacts) leavesAlone(ctx context.Context, plan, config tftypes.Value) bool {
	var planVals, configVals map[string]tftypes.Value
	if plan.As(&planVals) != nil || config.As(&configVals) != nil {
		return false
	}
	if config.IsNull() {
		// The framework reads a null configuration as null everywhere.
		configVals = map[string]tftypes.Value{}
		for name, at := range f.attrTypes {
			configVals[name] = tftypes.NewValue(at.TerraformType(ctx), nil)
		}
	}
	for _, name := range f.writeOnly {
		if !planVals[name].IsNull() {
			return false
		}
	}
	for name, def := range f.defaults {
		if configVals[name].IsNull() && !planVals[name].Equal(def) {
			return false
		}
	}
	for name, at := range f.attrTypes {
		if !readsClean(ctx, path.Root(name), at, planVals[name]) || !readsClean(ctx, path.Root(name), at, configVals[name]) {
			return false
		}
	}
	return true
}

// readsClean is true when the framework reads v as a value of t without a
// diagnostic, as its plan walk reads every top-level value: converted to
// t, then validated by the value or, failing that, by the type (a set's
// type, for one, refuses duplicate elements).
func readsClean(ctx context.Context, p path.Path, t attr.Type, v tftypes.Value) bool {
	value, err := t.ValueFromTerraform(ctx, v)
	if err != nil {
		return false
	}
	if va, ok := value.(xattr.ValidateableAttribute); ok {
		var resp xattr.ValidateAttributeResponse
		va.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: p}, &resp)
		return len(resp.Diagnostics) == 0
	}
	//nolint:staticcheck // the framework still runs the deprecated TypeWithValidate.
	if tv, ok := t.(xattr.TypeWithValidate); ok {
		return len(tv.Validate(ctx, v, p)) == 0
	}
	return true
}

// priorIdentity is the identity the framework plans with: the prior one,
// or a null one when Terraform sent none.
func (f *planFacts) priorIdentity(in *tfprotov6.ResourceIdentityData) (tftypes.Value, bool) {
	if !f.hasIdentity {
		return tftypes.Value{}, in == nil
	}
	if in == nil || in.IdentityData == nil {
		return tftypes.NewValue(f.identityType, nil), true
	}
	v, err := in.IdentityData.Unmarshal(f.identityType)
	return v, err == nil
}

// modifyPlanLeavesAlone runs the resource's ModifyPlan, configured as the
// framework configures it, on the request the framework would give it, and
// is true when it said nothing and changed nothing. A resource without
// ModifyPlan leaves every plan alone.
func (f *planFacts) modifyPlanLeavesAlone(ctx context.Context, r resource.Resource, data *configured, req *tfprotov6.PlanResourceChangeRequest, config, prior, plan, identity tftypes.Value) bool {
	if rc, ok := r.(resource.ResourceWithConfigure); ok {
		var providerData any
		if data != nil {
			providerData = data.resourceData
		}
		var cresp resource.ConfigureResponse
		rc.Configure(ctx, resource.ConfigureRequest{ProviderData: providerData}, &cresp)
		if len(cresp.Diagnostics) > 0 {
			return false
		}
	}
	mp, ok := r.(resource.ResourceWithModifyPlan)
	if !ok {
		return true
	}
	mreq := resource.ModifyPlanRequest{
		Config: tfsdk.Config{Schema: f.schema, Raw: config},
		Plan:   tfsdk.Plan{Schema: f.schema, Raw: plan},
		State:  tfsdk.State{Schema: f.schema, Raw: prior},
		// Private stays nil: the framework's type for it cannot be built
		// outside the framework. Reading nil finds nothing, and writing to
		// it fails with a diagnostic, which sends the call to the
		// framework. A resource whose plan logic reads a private key on a
		// plan that changes nothing would be answered as if the key were
		// absent, so the differential test plans prior private data with
		// every key a resource names (providerdata.PrivateStateKeys, which
		// a convention test requires) and requires the framework's answer.
	}
	if req.ClientCapabilities != nil {
		mreq.ClientCapabilities.DeferralAllowed = req.ClientCapabilities.DeferralAllowed
	}
	mresp := resource.ModifyPlanResponse{Plan: mreq.Plan, RequiresReplace: path.Paths{}}
	if f.hasIdentity {
		mreq.Identity = &tfsdk.ResourceIdentity{Schema: f.identitySchema.IdentitySchema, Raw: identity.Copy()}
		mresp.Identity = &tfsdk.ResourceIdentity{Schema: f.identitySchema.IdentitySchema, Raw: identity.Copy()}
	}
	mp.ModifyPlan(ctx, mreq, &mresp)
	return len(mresp.Diagnostics) == 0 && mresp.Plan.Raw.Equal(plan) && len(mresp.RequiresReplace) == 0 &&
		mresp.Private == nil && mresp.Deferred == nil &&
		(mresp.Identity == nil) == !f.hasIdentity && (mresp.Identity == nil || mresp.Identity.Raw.Equal(identity))
}

// emptyPrivate is true for private data without a key, which the framework
// answers as none.
func emptyPrivate(b []byte) bool {
	var keys map[string]json.RawMessage
	return len(b) == 0 || (json.Unmarshal(b, &keys) == nil && len(keys) == 0)
}
