package providerdata

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rsschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestComputedAttributes(t *testing.T) {
	rs := rsschema.Schema{Attributes: map[string]rsschema.Attribute{
		"email":  rsschema.StringAttribute{Required: true, MarkdownDescription: "E-mail."},
		"id":     rsschema.Int64Attribute{Computed: true, MarkdownDescription: "Id."},
		"roles":  rsschema.SetAttribute{Optional: true, ElementType: types.StringType, MarkdownDescription: "Roles."},
		"sso":    rsschema.ObjectAttribute{Computed: true, AttributeTypes: map[string]attr.Type{"on": types.BoolType}, MarkdownDescription: "SSO."},
		"secret": rsschema.StringAttribute{Optional: true, Sensitive: true, MarkdownDescription: "Secret."},
		"other":  rsschema.BoolAttribute{Optional: true, MarkdownDescription: "Not carried over."},
	}}
	got := ComputedAttributes(rs, "email", "id", "roles", "sso", "secret")
	if len(got) != 5 {
		t.Fatalf("want the 5 named attributes, got %d", len(got))
	}
	if a, ok := got["email"].(dsschema.StringAttribute); !ok || !a.Computed || a.Required || a.MarkdownDescription != "E-mail." {
		t.Errorf("email: %+v", got["email"])
	}
	if a, ok := got["roles"].(dsschema.SetAttribute); !ok || !a.ElementType.Equal(types.StringType) || !a.Computed {
		t.Errorf("roles: %+v", got["roles"])
	}
	if a, ok := got["secret"].(dsschema.StringAttribute); !ok || !a.Sensitive {
		t.Error("a sensitive attribute must stay sensitive")
	}
	if _, ok := got["sso"].(dsschema.ObjectAttribute); !ok {
		t.Error("sso must stay an object")
	}
	defer func() {
		if recover() == nil {
			t.Error("an unknown name must panic")
		}
	}()
	ComputedAttributes(rs, "missing")
}
