package quickhelp_test

import (
	"reflect"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

// Each paging position, set the way the matrix sets it, changes which users
// page 1 of two shows; selecting the default reading again restores it.
func TestSwitches_pagePositionsChangeTheList(t *testing.T) {
	readings := map[string][]int{}
	for _, s := range quickhelp.Descriptor.Switches {
		if s.Name != "page_meaning" {
			continue
		}
		env := newEnv(t, quickhelp.Options{})
		addUsers(env, 5)
		for _, r := range append(s.Readings, s.Readings[0]) {
			if err := sandbox.SetPosition(env.emu, sandbox.Position(r)); err != nil {
				t.Fatal(err)
			}
			readings[r.Name] = ids(env.list(t, "?page=1&pageSize=2", nil))
		}
	}
	want := map[string][]int{
		"page number from 1": {1, 2},
		"page number from 0": {3, 4},
		"record offset":      {2, 3},
	}
	if !reflect.DeepEqual(readings, want) {
		t.Errorf("page 1 of 2 under each reading: %v, want %v", readings, want)
	}
}

// The empty-records and clamping positions reach the list too.
func TestSwitches_emptyRecordsAndClamp(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	addUsers(env, 3)
	merge := func(raw string) {
		t.Helper()
		if err := env.emu.MergeOptions([]byte(raw)); err != nil {
			t.Fatal(err)
		}
	}
	merge(`{"max_page_size": 2}`)
	if l := env.list(t, "?page=1&pageSize=100", nil); l.PageSize != 2 || !reflect.DeepEqual(ids(l), []int{1, 2}) {
		t.Errorf("clamped page: pageSize %d ids %v", l.PageSize, ids(l))
	}
	if got := env.do(t, "GET", "/User/List?page=9", "", nil).json(t)["records"]; got != nil {
		t.Errorf("empty page records %v, want null", got)
	}
	merge(`{"empty_records_as_array": true}`)
	if got, ok := env.do(t, "GET", "/User/List?page=9", "", nil).json(t)["records"].([]any); !ok || len(got) != 0 {
		t.Errorf("empty page records %v, want []", got)
	}
}

// A merge Seed would refuse leaves the options as they were.
func TestMergeOptions_refusesWhatSeedRefuses(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	addUsers(env, 3)
	for _, raw := range []string{`{"validation_body": "xml"}`, `{"max_page_size": -1, "page_is_offset": true}`, `{"no_such_option": true}`} {
		if err := env.emu.MergeOptions([]byte(raw)); err == nil {
			t.Errorf("MergeOptions(%s) accepted", raw)
		}
	}
	if l := env.list(t, "?page=1&pageSize=2", nil); !reflect.DeepEqual(ids(l), []int{1, 2}) {
		t.Errorf("a refused merge changed the list: %v", ids(l))
	}
}
