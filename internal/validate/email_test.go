package validate

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestEmail(t *testing.T) {
	cases := []struct {
		in    string
		valid bool
	}{
		{"jane.doe@example.com", true},
		{"j+tag@sub.example.co.uk", true},
		{"o'brien@example.com", true},
		{"", false},
		{"jane", false},
		{"jane@", false},
		{"@example.com", false},
		{"jane@localhost", false},
		{"jane@example..com", false},
		{"jane@example.com.", false},
		{" jane@example.com", false},
		{"Jane <jane@example.com>", false},
		{"jane@@example.com", false},
		{"jane doe@example.com", false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			req := validator.StringRequest{Path: path.Root("email"), ConfigValue: types.StringValue(c.in)}
			var resp validator.StringResponse
			Email().ValidateString(context.Background(), req, &resp)
			if got := !resp.Diagnostics.HasError(); got != c.valid {
				t.Fatalf("Email(%q) valid = %v, want %v (%v)", c.in, got, c.valid, resp.Diagnostics)
			}
			if !c.valid && !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "email") {
				t.Fatalf("error detail should name the attribute: %s", resp.Diagnostics.Errors()[0].Detail())
			}
		})
	}
}

func TestEmailSkipsNullAndUnknown(t *testing.T) {
	for _, v := range []types.String{types.StringNull(), types.StringUnknown()} {
		var resp validator.StringResponse
		Email().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("email"), ConfigValue: v}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%v: unexpected error %v", v, resp.Diagnostics)
		}
	}
}
