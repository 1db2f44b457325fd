package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// Every schema the provider serves must pass the framework's own checks.
func TestSchemasAreValid(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	var presp provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &presp)
	if presp.Diagnostics.HasError() {
		t.Fatalf("provider schema: %v", presp.Diagnostics)
	}
	if d := presp.Schema.ValidateImplementation(ctx); d.HasError() {
		t.Fatalf("provider schema: %v", d)
	}
	for _, f := range p.Resources(ctx) {
		r := f()
		var resp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &resp)
		if d := resp.Schema.ValidateImplementation(ctx); d.HasError() || resp.Diagnostics.HasError() {
			t.Fatalf("%T: %v %v", r, d, resp.Diagnostics)
		}
	}
	for _, f := range p.DataSources(ctx) {
		ds := f()
		var resp datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if d := resp.Schema.ValidateImplementation(ctx); d.HasError() || resp.Diagnostics.HasError() {
			t.Fatalf("%T: %v %v", ds, d, resp.Diagnostics)
		}
	}
}

// No resource may have a read-only (computed, not optional) nested
// attribute at the top level: Terraform 1.5.7 crashes with a nil pointer
// dereference when `plan -generate-config-out` writes configuration for
// such a resource, and generating configuration for imported users is the
// adoption workflow the adopt-all guide teaches. Declare read-only structures as
// ListAttribute/ObjectAttribute with an object ElementType/AttributeTypes
// instead: the values in state are the same.
func TestResourceSchemasGenerateConfig(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	for _, f := range p.Resources(ctx) {
		r := f()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "saas"}, &meta)
		var resp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &resp)
		for name, a := range resp.Schema.Attributes {
			if _, nested := a.(rschema.NestedAttribute); nested && a.IsComputed() && !a.IsOptional() && !a.IsRequired() {
				t.Errorf("%s.%s is a read-only nested attribute; Terraform 1.5.7 crashes generating configuration for it", meta.TypeName, name)
			}
		}
	}
}
