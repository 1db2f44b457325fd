package quickhelp_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

// addUsers stores n plain users with ids 1..n in the default customer.
func addUsers(env *testEnv, n int) {
	for i := 1; i <= n; i++ {
		env.emu.AddUser(quickhelp.User{UserID: i, Email: fmt.Sprintf("u%d@example.com", i)})
	}
}

func span(from, to int) []int {
	out := []int{}
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}

func TestList_Paging(t *testing.T) {
	tests := []struct {
		name         string
		opts         quickhelp.Options
		query        string
		wantIDs      []int
		wantPage     int
		wantPageSize int
	}{
		{"defaults", quickhelp.Options{}, "", span(1, 10), 1, 10},
		{"second page", quickhelp.Options{}, "?page=2", span(11, 20), 2, 10},
		{"short last page", quickhelp.Options{}, "?page=3", span(21, 25), 3, 10},
		{"past the end", quickhelp.Options{}, "?page=4", []int{}, 4, 10},
		{"far past the end", quickhelp.Options{}, "?page=2147483647&pageSize=100", []int{}, 2147483647, 100},
		{"page size", quickhelp.Options{}, "?page=2&pageSize=7", span(8, 14), 2, 7},
		{"exact fit", quickhelp.Options{}, "?pageSize=25", span(1, 25), 1, 25},
		{"page size 1", quickhelp.Options{}, "?page=25&pageSize=1", []int{25}, 25, 1},
		{"clamped to the maximum", quickhelp.Options{MaxPageSize: 4}, "?pageSize=50", span(1, 4), 1, 4},
		{"case-insensitive names", quickhelp.Options{}, "?PAGE=2&PageSize=5", span(6, 10), 2, 5},
		{"zero-based pages", quickhelp.Options{ZeroBasedPages: true}, "?page=0&pageSize=10", span(1, 10), 0, 10},
		{"zero-based default", quickhelp.Options{ZeroBasedPages: true}, "?pageSize=20", span(1, 20), 0, 20},
		{"default size option", quickhelp.Options{DefaultPageSize: 3}, "?page=2", span(4, 6), 2, 3},
		{"offset: page 0 is the first record", quickhelp.Options{PageIsOffset: true}, "?page=0&pageSize=3", span(1, 3), 0, 3},
		{"offset: page N skips N records", quickhelp.Options{PageIsOffset: true}, "?page=2&pageSize=3", span(3, 5), 2, 3},
		{"offset: default page", quickhelp.Options{PageIsOffset: true}, "?pageSize=2", span(1, 2), 0, 2},
		{"offset: near the end", quickhelp.Options{PageIsOffset: true}, "?page=23&pageSize=10", span(24, 25), 23, 10},
		{"offset wins over zero-based", quickhelp.Options{PageIsOffset: true, ZeroBasedPages: true}, "?page=1&pageSize=2", span(2, 3), 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t, tt.opts)
			addUsers(env, 25)
			l := env.list(t, tt.query, nil)
			if got := ids(l); !reflect.DeepEqual(got, tt.wantIDs) {
				t.Errorf("ids %v, want %v", got, tt.wantIDs)
			}
			if l.TotalCount != 25 || l.Page != tt.wantPage || l.PageSize != tt.wantPageSize {
				t.Errorf("totalCount %d page %d pageSize %d, want 25 %d %d", l.TotalCount, l.Page, l.PageSize, tt.wantPage, tt.wantPageSize)
			}
		})
	}
}

// An empty page carries "records": null by default, [] when asked to; a
// page with users carries them either way.
func TestList_Empty(t *testing.T) {
	for _, tt := range []struct {
		opts        quickhelp.Options
		query, want string
	}{
		{quickhelp.Options{}, "", `{"records":null,"totalCount":0,"page":1,"pageSize":10}`},
		{quickhelp.Options{EmptyRecordsAsArray: true}, "", `{"records":[],"totalCount":0,"page":1,"pageSize":10}`},
		{quickhelp.Options{}, "?page=2&pageSize=1", `{"records":null,"totalCount":1,"page":2,"pageSize":1}`},
		{quickhelp.Options{EmptyRecordsAsArray: true}, "?page=2&pageSize=1", `{"records":[],"totalCount":1,"page":2,"pageSize":1}`},
	} {
		env := newEnv(t, tt.opts)
		if strings.Contains(tt.query, "page=2") {
			addUsers(env, 1)
		}
		r := env.do(t, "GET", "/User/List"+tt.query, "", nil)
		if got := strings.TrimSpace(string(r.body)); got != tt.want {
			t.Errorf("%+v %s: body %s, want %s", tt.opts, tt.query, got, tt.want)
		}
	}
}

func TestList_BadPaging(t *testing.T) {
	tests := []struct {
		name  string
		opts  quickhelp.Options
		query string
		field string
	}{
		{"page 0 when pages start at 1", quickhelp.Options{}, "?page=0", "page"},
		{"negative page", quickhelp.Options{ZeroBasedPages: true}, "?page=-1", "page"},
		{"negative offset", quickhelp.Options{PageIsOffset: true}, "?page=-1", "page"},
		{"page not a number", quickhelp.Options{}, "?page=two", "page"},
		{"empty page", quickhelp.Options{}, "?page=", "page"},
		{"page size 0", quickhelp.Options{}, "?pageSize=0", "pageSize"},
		{"page size beyond int32", quickhelp.Options{}, "?pageSize=99999999999", "pageSize"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t, tt.opts)
			got := modelStateKeys(t, env.do(t, "GET", "/User/List"+tt.query, "", nil))
			if _, ok := got[tt.field]; !ok || len(got) != 1 {
				t.Errorf("fields %v, want only %q", got, tt.field)
			}
		})
	}
	env := newEnv(t, quickhelp.Options{})
	env.do(t, "GET", "/User/List?page=0", "", nil)
	if n := env.emu.ListCalls(); n != 0 {
		t.Errorf("ListCalls %d after a rejected list, want 0", n)
	}
}

// TestList_Fields checks the record shape of §3: what is listed, under which
// names, and that confirmed, bypassSso and customerId never are.
func TestList_Fields(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	env.emu.AddUser(fullUser())
	env.emu.AddUser(quickhelp.User{UserID: 8, Email: "bare@example.com"})
	l := env.list(t, "", nil)

	full := l.Records[0]
	keys := make([]string, 0, len(full))
	for k := range full {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	wantKeys := []string{"country", "department", "email", "firstName", "groups", "jobTitle", "lastName", "licenseIssued", "roles", "sso", "userId"}
	if !reflect.DeepEqual(keys, wantKeys) {
		t.Errorf("record keys %v, want %v", keys, wantKeys)
	}
	want := map[string]any{
		"userId": float64(7), "firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com",
		"roles":         []any{map[string]any{"id": roleUserAdmin, "name": "User Administrator"}},
		"groups":        []any{map[string]any{"id": float64(3), "name": "All Users"}},
		"licenseIssued": true, "jobTitle": "Analyst", "department": "Engineering", "country": "GB",
		"sso": map[string]any{"userId": "ada@corp", "company": "Corp", "location": "London", "platform": "Entra ID",
			"customFields": []any{map[string]any{"name": "costCenter", "value": "42"}}},
	}
	if !reflect.DeepEqual(full, want) {
		t.Errorf("record\n got %v\nwant %v", full, want)
	}

	bare := l.Records[1]
	wantBare := map[string]any{
		"userId": float64(8), "firstName": nil, "lastName": nil, "email": "bare@example.com",
		"roles": []any{}, "groups": []any{}, "licenseIssued": false, "jobTitle": nil,
		"department": nil, "country": nil, "sso": nil,
	}
	if !reflect.DeepEqual(bare, wantBare) {
		t.Errorf("bare record\n got %v\nwant %v", bare, wantBare)
	}
}

func TestList_Calls(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	for range 3 {
		env.list(t, "", nil)
	}
	env.do(t, "GET", "/User/List", "", headers{"Authorization": nil})
	if n := env.emu.ListCalls(); n != 3 {
		t.Errorf("ListCalls %d, want 3", n)
	}
}
