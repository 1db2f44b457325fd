package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// UpgradeResourceState answers the call Terraform makes for every resource
// in state before reading it, nearly always with a state already of the
// schema's version, without the framework's walk over the state.
//
// For a state of the current version the framework (v1.19) reads the JSON
// with the schema's type, ignoring attributes the schema no longer has,
// and sends the value back after turning null list and set blocks into
// empty ones, a walk over the whole state that finds nothing to do in a
// schema without blocks. So for such a schema the answer is the JSON read
// the framework's way, encoded as the framework encodes it. Anything else
// (another version, a flatmap state, JSON that does not read) goes to the
// framework.
func (s *fastPaths) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	if resp := s.upgradeSameVersion(ctx, req); resp != nil {
		tflog.Trace(ctx, "Passed the state of the current schema version through without the framework's walk")
		return resp, nil
	}
	return s.ProviderServer.UpgradeResourceState(ctx, req)
}

// upgradeSameVersion is the framework's answer to req when req holds a
// JSON state of the current schema version; nil otherwise.
func (s *fastPaths) upgradeSameVersion(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) *tfprotov6.UpgradeResourceStateResponse {
	t := s.types[req.TypeName]
	if t == nil || s.broken || req.RawState == nil || req.RawState.JSON == nil {
		return nil
	}
	f := t.planFacts(ctx)
	if !f.statePassthrough || req.Version != f.schema.Version {
		return nil
	}
	state, err := req.RawState.UnmarshalWithOpts(f.typ, tfprotov6.UnmarshalOpts{
		ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true},
	})
	if err != nil {
		return nil
	}
	upgraded, err := tfprotov6.NewDynamicValue(f.typ, state)
	if err != nil {
		return nil
	}
	return &tfprotov6.UpgradeResourceStateResponse{UpgradedState: &upgraded}
}
