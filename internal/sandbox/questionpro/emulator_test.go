package questionpro

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// emulator mirrors the sandbox's Emulator interface, so the contract is
// checked here without depending on the shared server package.
type emulator interface {
	Name() string
	BasePath() string
	Routes(mux *http.ServeMux)
	Seed(raw json.RawMessage) error
	Snapshot() any
}

var _ emulator = (*Emulator)(nil)

func TestIdentity(t *testing.T) {
	e := New(Options{})
	if e.Name() != "questionpro" || e.BasePath() != "/a/api/v2" {
		t.Errorf("Name %q BasePath %q", e.Name(), e.BasePath())
	}
}

// TestRoutes pins the registered patterns: they are the route keys of the
// sandbox's counters and faults.
func TestRoutes(t *testing.T) {
	e := New(Options{})
	mux := http.NewServeMux()
	e.Routes(mux)
	tests := []struct{ method, path, pattern string }{
		{"GET", "/users/1", "GET /users/{userID}"},
		{"POST", "/users", "POST /users"},
		{"PUT", "/users/1", "PUT /users/{userID}"},
		{"DELETE", "/organizations/1/users/2", "DELETE /organizations/{organizationID}/users/{userID}"},
		{"GET", "/organizations/1/users", "GET /organizations/{organizationID}/users"},
		{"GET", "/organizations/1/departments/2/users", "GET /organizations/{organizationID}/departments/{departmentID}/users"},
		{"GET", "/organizations/1/users/search", "GET /organizations/{organizationID}/users/search"},
		{"GET", "/organizations/1", "GET /organizations/{organizationID}"},
		{"PUT", "/organizations/1", "PUT /organizations/{organizationID}"},
		{"GET", "/organizations/1/departments", "GET /organizations/{organizationID}/departments"},
		{"POST", "/organizations/1/departments", "POST /organizations/{organizationID}/departments"},
		{"GET", "/organizations/1/departments/2", "GET /organizations/{organizationID}/departments/{departmentID}"},
		{"PUT", "/organizations/1/departments/2", "PUT /organizations/{organizationID}/departments/{departmentID}"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, "http://x"+tt.path, nil)
		if _, got := mux.Handler(req); got != tt.pattern {
			t.Errorf("%s %s routes to %q, want %q", tt.method, tt.path, got, tt.pattern)
		}
	}
}

func TestHelpers(t *testing.T) {
	h := newHarness(t, Options{})

	added := h.e.AddUser(User{EmailAddress: "added@example.com", FirstName: "Ad"})
	if added.UserID != OtherOrgAdminUserID+1 || added.OrganizationID != DefaultOrganizationID ||
		added.UserType != "License" || added.CreationDate != "2025-03-14" {
		t.Errorf("AddUser %+v", added)
	}
	path := "/users/" + strconv.Itoa(added.UserID)
	h.call("GET", path, DefaultAPIKey, nil).wantOK(t)
	if next := h.createUser(map[string]any{"emailAddress": "next@example.com"}); next != added.UserID+1 {
		t.Errorf("API after AddUser assigned %d", next)
	}

	for _, tc := range []struct {
		field string
		value any
		check func(User) bool
	}{
		{"firstName", "Changed", func(u User) bool { return u.FirstName == "Changed" }},
		{"last_name", "Behind", func(u User) bool { return u.LastName == "Behind" }},
		{"departmentID", ResearchDepartmentID, func(u User) bool { return u.DepartmentID == ResearchDepartmentID }},
		{"departmentID", float64(DefaultDepartmentID), func(u User) bool { return u.DepartmentID == DefaultDepartmentID }},
		{"phone", "(IN)+91 1234567890", func(u User) bool { return u.Phone == "(IN)+91 1234567890" }},
		{"licenseType", "Enterprise Annual", func(u User) bool { return u.LicenseType == "Enterprise Annual" }},
	} {
		if err := h.e.SetUserField(added.UserID, tc.field, tc.value); err != nil {
			t.Fatalf("SetUserField(%s): %v", tc.field, err)
		}
		if u, _ := h.e.User(added.UserID); !tc.check(u) {
			t.Errorf("SetUserField(%s, %v) gave %+v", tc.field, tc.value, u)
		}
	}
	// The API shows the drift.
	r := h.call("GET", path, DefaultAPIKey, nil).response(t)
	if r["firstName"] != "Changed" || r["phone"] != "(IN)+91 1234567890" {
		t.Errorf("drift not visible: %v", r)
	}
	if err := h.e.SetUserField(added.UserID, "password", "set-behind"); err != nil || h.e.Password(added.UserID) != "set-behind" {
		t.Errorf("SetUserField(password): %v", err)
	}
	for _, bad := range []struct {
		id    int
		field string
		value any
	}{
		{999, "firstName", "x"},
		{added.UserID, "userID", 5},
		{added.UserID, "nickname", "x"},
		{added.UserID, "firstName", 5},
		{added.UserID, "departmentID", "2001"},
		{added.UserID, "departmentID", 1.5},
	} {
		if err := h.e.SetUserField(bad.id, bad.field, bad.value); err == nil {
			t.Errorf("SetUserField(%d, %s, %v) succeeded", bad.id, bad.field, bad.value)
		}
	}

	n := len(h.e.Users())
	h.e.DeleteUserHard(added.UserID)
	if len(h.e.Users()) != n-1 {
		t.Errorf("DeleteUserHard left %d users", len(h.e.Users()))
	}
	h.call("GET", path, DefaultAPIKey, nil).wantError(t, 404, 1040, "NOT_FOUND")

	// Hard-deleting a key's user revokes the key and keeps the snapshot seedable.
	h.e.DeleteUserHard(DefaultViewerUserID)
	h.call("GET", "/organizations/1001/departments", ViewerAPIKey, nil).wantError(t, 401, 1010, "UNAUTHORIZED")
	snap, _ := json.Marshal(h.e.Snapshot())
	if err := New(Options{}).Seed(snap); err != nil {
		t.Errorf("snapshot after DeleteUserHard does not seed: %v", err)
	}

	users := h.e.Users()
	for i := 1; i < len(users); i++ {
		if users[i-1].UserID >= users[i].UserID {
			t.Errorf("Users not ordered by id")
		}
	}
}

func TestDepartments(t *testing.T) {
	h := newHarness(t, Options{})
	list := h.call("GET", "/organizations/1001/departments", DefaultAPIKey, nil)
	list.wantOK(t)
	depts := list.list(t)
	if len(depts) != 2 || num(depts[0], "departmentID") != DefaultDepartmentID || depts[1]["name"] != "Research" {
		t.Fatalf("departments %s", list.raw)
	}
	want := "departmentID,name,organizationID,primaryAccountID"
	if got := strings.Join(keysOf(depts[0]), ","); got != want {
		t.Errorf("department keys %s, want %s", got, want)
	}
	if num(list.pagination(t), "totalItems") != 2 {
		t.Errorf("department pagination %v", list.body["pagination"])
	}

	created := h.call("POST", "/organizations/1001/departments", DefaultAPIKey, map[string]any{"name": "Sales", "primaryAccountID": DefaultAdminUserID})
	created.wantOK(t)
	id := num(created.response(t), "departmentID")
	dpath := "/organizations/1001/departments/" + strconv.Itoa(id)
	if g := h.call("GET", dpath, DefaultAPIKey, nil); g.response(t)["name"] != "Sales" {
		t.Errorf("get department %s", g.raw)
	}
	// A user can join the new department.
	h.createUser(map[string]any{"emailAddress": "sales@example.com", "departmentID": id})

	// PUT without primaryAccountID resets it (least forgiving reading).
	upd := h.call("PUT", dpath, DefaultAPIKey, map[string]any{"name": "Sales EMEA"})
	upd.wantOK(t)
	if r := upd.response(t); r["name"] != "Sales EMEA" || num(r, "primaryAccountID") != 0 {
		t.Errorf("update department %s", upd.raw)
	}
	h.call("PUT", dpath, DefaultAPIKey, map[string]any{"primaryAccountID": DefaultAdminUserID}).wantError(t, 400, 1002, "BAD_REQUEST")

	for _, tc := range []struct {
		name   string
		method string
		path   string
		body   any
		status int
		id     float64
	}{
		{"missing name", "POST", "/organizations/1001/departments", map[string]any{}, 400, 1002},
		{"empty name", "POST", "/organizations/1001/departments", map[string]any{"name": ""}, 400, 1002},
		{"primary of another organization", "POST", "/organizations/1001/departments", map[string]any{"name": "X", "primaryAccountID": OtherOrgAdminUserID}, 400, 1002},
		{"unknown key", "POST", "/organizations/1001/departments", map[string]any{"name": "X", "budget": 1}, 400, 1002},
		{"department of another organization", "GET", "/organizations/1001/departments/" + strconv.Itoa(OtherOrgDepartmentID), nil, 404, 1040},
		{"other organization's list", "GET", "/organizations/1002/departments", nil, 403, 1013},
		{"bad organization id", "GET", "/organizations/x/departments", nil, 400, 1000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			names := map[int]string{400: "BAD_REQUEST", 403: "FORBIDDEN", 404: "NOT_FOUND"}
			h.call(tc.method, tc.path, DefaultAPIKey, tc.body).wantError(t, tc.status, tc.id, names[tc.status])
		})
	}

	t.Run("merge keeps primaryAccountID", func(t *testing.T) {
		h := newHarness(t, Options{MergeOnUpdate: true})
		a := h.call("PUT", "/organizations/1001/departments/2002", DefaultAPIKey, map[string]any{"name": "R&D"})
		if r := a.response(t); r["name"] != "R&D" || num(r, "primaryAccountID") != DefaultAdminUserID {
			t.Errorf("merge update %s", a.raw)
		}
	})
}

func TestOrganization(t *testing.T) {
	h := newHarness(t, Options{})
	a := h.call("GET", "/organizations/1001", ViewerAPIKey, nil)
	a.wantOK(t)
	r := a.response(t)
	if r["name"] != "Sandbox Organization" || num(r, "organizationID") != DefaultOrganizationID ||
		num(r, "primaryAccountID") != DefaultAdminUserID || num(r, "userCount") != 2 {
		t.Errorf("organization %s", a.raw)
	}
	if _, ok := object(t, r, "usage")["survey"]; !ok {
		t.Errorf("usage block missing: %s", a.raw)
	}

	h.call("PUT", "/organizations/1001", ViewerAPIKey, map[string]any{"name": "X"}).wantError(t, 403, 1013, "FORBIDDEN")
	h.call("PUT", "/organizations/1001", DefaultAPIKey, map[string]any{"license": "X", "name": "Y"}).wantError(t, 400, 1002, "BAD_REQUEST")
	h.call("PUT", "/organizations/1001", DefaultAPIKey, map[string]any{}).wantError(t, 400, 1002, "BAD_REQUEST")
	u := h.call("PUT", "/organizations/1001", DefaultAPIKey, map[string]any{"name": "Renamed"})
	if u.response(t)["name"] != "Renamed" {
		t.Errorf("rename %s", u.raw)
	}
	// The primary user cannot be deleted even once its key is gone.
	h.e.mu.Lock()
	delete(h.e.keys, DefaultAPIKey)
	h.e.mu.Unlock()
	h.call("DELETE", "/organizations/1001/users/3001", OtherOrgAPIKey, nil).wantError(t, 403, 1013, "FORBIDDEN")
}

// TestConcurrentUse exercises the lock under -race.
func TestConcurrentUse(t *testing.T) {
	h := newHarness(t, Options{KeyRateLimit: 1000000})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				email := fmt.Sprintf("c%d-%d@example.com", g, i)
				a := h.call("POST", "/users", DefaultAPIKey, map[string]any{"emailAddress": email, "password": "pw"})
				if a.status != 200 {
					t.Errorf("create %s: %s", email, a.raw)
					return
				}
				h.call("GET", "/organizations/1001/users?perPage=5", DefaultAPIKey, nil)
				_ = h.e.Users()
				_ = h.e.Snapshot()
			}
		}()
	}
	wg.Wait()
	if n := len(h.e.Users()); n != 3+8*20 {
		t.Errorf("%d users after concurrent creates", n)
	}
}
