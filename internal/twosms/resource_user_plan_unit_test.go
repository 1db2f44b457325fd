package twosms

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestWritesNothing(t *testing.T) {
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"display_name":        tftypes.String,
		"password_wo_version": tftypes.Number,
		"on_destroy":          tftypes.String,
		"date_modified":       tftypes.String,
		"timeouts":            tftypes.Object{AttributeTypes: map[string]tftypes.Type{"update": tftypes.String}},
	}}
	obj := func(name, version, onDestroy, modified, update any) tftypes.Value {
		return tftypes.NewValue(typ, map[string]tftypes.Value{
			"display_name":        tftypes.NewValue(tftypes.String, name),
			"password_wo_version": tftypes.NewValue(tftypes.Number, version),
			"on_destroy":          tftypes.NewValue(tftypes.String, onDestroy),
			"date_modified":       tftypes.NewValue(tftypes.String, modified),
			"timeouts":            tftypes.NewValue(typ.AttributeTypes["timeouts"], map[string]tftypes.Value{"update": tftypes.NewValue(tftypes.String, update)}),
		})
	}
	state := obj("Grace", 1, "disable", "2024-01-01", nil)
	cases := []struct {
		name string
		plan tftypes.Value
		want bool
	}{
		{"nothing changes", obj("Grace", 1, "disable", "2024-01-01", nil), true},
		{"on_destroy, timeouts and an unknown date_modified", obj("Grace", 1, "forget", tftypes.UnknownValue, "2m"), true},
		{"a sent attribute", obj("Hopper", 1, "disable", tftypes.UnknownValue, nil), false},
		{"a sent attribute unknown", obj(tftypes.UnknownValue, 1, "disable", tftypes.UnknownValue, nil), false},
		{"a new password version sends the password", obj("Grace", 2, "disable", tftypes.UnknownValue, nil), false},
	}
	for _, c := range cases {
		if got := writesNothing(c.plan, state); got != c.want {
			t.Errorf("%s: writesNothing = %v, want %v", c.name, got, c.want)
		}
	}
}
