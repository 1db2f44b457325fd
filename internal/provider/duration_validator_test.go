package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestDurationValidator(t *testing.T) {
	tests := []struct {
		value types.String
		ok    bool
	}{
		{types.StringValue("2m"), true},
		{types.StringValue("1m30s"), true},
		{types.StringValue("250ms"), true},
		{types.StringNull(), true},
		{types.StringUnknown(), true},
		{types.StringValue("0s"), false},
		{types.StringValue("-1m"), false},
		{types.StringValue("120"), false},
		{types.StringValue("two minutes"), false},
		{types.StringValue(""), false},
	}
	for _, tt := range tests {
		t.Run(tt.value.String(), func(t *testing.T) {
			req := validator.StringRequest{Path: path.Root("retry_budget"), ConfigValue: tt.value}
			var resp validator.StringResponse
			durationValidator{}.ValidateString(context.Background(), req, &resp)
			if got := !resp.Diagnostics.HasError(); got != tt.ok {
				t.Fatalf("valid = %v, want %v (%v)", got, tt.ok, resp.Diagnostics)
			}
			if tt.ok {
				return
			}
			d := resp.Diagnostics.Errors()[0]
			if d.Summary() != "Invalid retry_budget" || !strings.HasPrefix(d.Detail(), `retry_budget "`+tt.value.ValueString()+`" is not valid: value must be a positive duration`) {
				t.Errorf("diagnostic = %q / %q, want it to name retry_budget and the rule", d.Summary(), d.Detail())
			}
		})
	}
}
