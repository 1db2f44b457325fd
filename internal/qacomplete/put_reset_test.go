package qacomplete

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The plan warns, naming each value, when an update's PUT may reset
// create-only values the user holds; it says nothing when there are none.
func TestWarnPutMayReset(t *testing.T) {
	var none, held userResourceModel
	for _, m := range []*userResourceModel{&none, &held} {
		for _, v := range m.createOnly() {
			*v = types.StringNull()
		}
		m.ID = types.StringValue("8162/7")
	}
	none.CompanyName = types.StringValue("")
	held.CompanyName, held.Custom3 = types.StringValue("ACME"), types.StringValue("blue")

	var quiet diag.Diagnostics
	warnPutMayReset(&none, &quiet)
	if len(quiet) != 0 {
		t.Errorf("no create-only values, yet %v", quiet)
	}
	var diags diag.Diagnostics
	warnPutMayReset(&held, &diags)
	w := diags.Warnings()
	if len(w) != 1 || w[0].Summary() != putMayResetSummary || !strings.Contains(w[0].Detail(), `company_name = "ACME"`) || !strings.Contains(w[0].Detail(), `custom3 = "blue"`) || !strings.Contains(w[0].Detail(), "put_clears_create_only") {
		t.Errorf("want one warning naming company_name and custom3, got %v", diags)
	}
}

// Only a value QAComplete reported both before and after the PUT, and that
// changed, counts as reset.
func TestPutResetCreateOnly(t *testing.T) {
	s := func(v string) *string { return &v }
	before := &User{CompanyName: s("ACME"), TimeZone: s("UTC"), Custom1: s("a")}
	after := &User{CompanyName: s(""), Custom1: s("a")}
	lost := putResetCreateOnly(before, after)
	if len(lost) != 1 || !strings.Contains(lost[0], `company_name was "ACME" and is now ""`) {
		t.Errorf("lost %q", lost)
	}
	if lost := putResetCreateOnly(before, before); len(lost) != 0 {
		t.Errorf("nothing changed, yet %q", lost)
	}
}
