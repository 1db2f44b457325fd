package validate

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestIsGUID(t *testing.T) {
	cases := map[string]bool{
		"5a1ca887-9ec4-4ae8-bf61-715056ea9e98":   true,
		"5A1CA887-9EC4-4AE8-BF61-715056EA9E98":   true,
		"5a1ca8879ec44ae8bf61715056ea9e98":       false,
		"{5a1ca887-9ec4-4ae8-bf61-715056ea9e98}": false,
		"5a1ca887-9ec4-4ae8-bf61-715056ea9e9":    false,
		"5a1ca887-9ec4-4ae8-bf61-715056ea9e9g":   false,
		"":                                       false,
		"sandbox.admin":                          false,
	}
	for in, want := range cases {
		if got := IsGUID(in); got != want {
			t.Errorf("IsGUID(%q) = %v, want %v", in, got, want)
		}
	}
	resp := &validator.StringResponse{}
	GUID().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("user_id"), ConfigValue: types.StringValue("nope")}, resp)
	if resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "user_id") {
		t.Errorf("want one error naming the attribute, got %v", resp.Diagnostics)
	}
}
