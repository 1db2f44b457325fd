package providerdata

import (
	"fmt"

	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rsschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// ComputedAttributes derives data source attributes from a resource's
// schema: each named attribute keeps its type and MarkdownDescription and
// becomes computed. A vendor's data sources describe the same user as its
// resource, so their schema is taken from the resource's instead of being
// written twice; the lookup arguments a data source accepts are then set on
// top by the data source itself.
//
// It panics on a name the resource does not have or a type it cannot carry
// over: both are programming errors, caught by every test that loads the
// schema.
func ComputedAttributes(rs rsschema.Schema, names ...string) map[string]dsschema.Attribute {
	out := make(map[string]dsschema.Attribute, len(names))
	for _, name := range names {
		a, ok := rs.Attributes[name]
		if !ok {
			panic(fmt.Sprintf("resource schema has no attribute %q", name))
		}
		desc := a.GetMarkdownDescription()
		switch a := a.(type) {
		case rsschema.StringAttribute:
			out[name] = dsschema.StringAttribute{Computed: true, Sensitive: a.Sensitive, MarkdownDescription: desc}
		case rsschema.Int64Attribute:
			out[name] = dsschema.Int64Attribute{Computed: true, Sensitive: a.Sensitive, MarkdownDescription: desc}
		case rsschema.BoolAttribute:
			out[name] = dsschema.BoolAttribute{Computed: true, Sensitive: a.Sensitive, MarkdownDescription: desc}
		case rsschema.Float64Attribute:
			out[name] = dsschema.Float64Attribute{Computed: true, Sensitive: a.Sensitive, MarkdownDescription: desc}
		case rsschema.ListAttribute:
			out[name] = dsschema.ListAttribute{Computed: true, Sensitive: a.Sensitive, ElementType: a.ElementType, MarkdownDescription: desc}
		case rsschema.SetAttribute:
			out[name] = dsschema.SetAttribute{Computed: true, Sensitive: a.Sensitive, ElementType: a.ElementType, MarkdownDescription: desc}
		case rsschema.MapAttribute:
			out[name] = dsschema.MapAttribute{Computed: true, Sensitive: a.Sensitive, ElementType: a.ElementType, MarkdownDescription: desc}
		case rsschema.ObjectAttribute:
			out[name] = dsschema.ObjectAttribute{Computed: true, Sensitive: a.Sensitive, AttributeTypes: a.AttributeTypes, MarkdownDescription: desc}
		default:
			panic(fmt.Sprintf("attribute %q: %T cannot be carried over to a data source", name, a))
		}
	}
	return out
}
