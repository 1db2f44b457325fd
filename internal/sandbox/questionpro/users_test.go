package questionpro

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var uuidLike = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func keysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestEnvelopes(t *testing.T) {
	h := newHarness(t, Options{})

	t.Run("success", func(t *testing.T) {
		a := h.call("GET", "/users/"+strconv.Itoa(DefaultAdminUserID), DefaultAPIKey, nil)
		a.wantOK(t)
		if got := strings.Join(keysOf(a.body), ","); got != "requestID,response" {
			t.Errorf("top-level keys %s, want requestID,response", got)
		}
		if id, _ := a.body["requestID"].(string); !uuidLike.MatchString(id) {
			t.Errorf("requestID %q is not a UUID", id)
		}
		want := "creationDate,departmentID,emailAddress,firstName,lastName,licenseStartDate,licenseType,organizationID,phone,userID,userType"
		if got := strings.Join(keysOf(a.response(t)), ","); got != want {
			t.Errorf("user keys %s, want %s", got, want)
		}
		if ct := a.header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("Content-Type %q", ct)
		}
	})

	t.Run("list", func(t *testing.T) {
		a := h.call("GET", "/organizations/1001/users", DefaultAPIKey, nil)
		a.wantOK(t)
		if got := strings.Join(keysOf(a.body), ","); got != "pagination,requestID,response" {
			t.Errorf("top-level keys %s", got)
		}
	})

	t.Run("error", func(t *testing.T) {
		a := h.call("GET", "/users/424242?x=1", DefaultAPIKey, nil)
		a.wantError(t, 404, 1040, "NOT_FOUND")
		if got := strings.Join(keysOf(a.body), ","); got != "response" {
			t.Errorf("top-level keys %s, want only response", got)
		}
		e := a.errorObject(t)
		if got := strings.Join(keysOf(e), ","); got != "docs,httpStatusCode,id,message,name,resourceUrl" {
			t.Errorf("error keys %s", got)
		}
		if e["resourceUrl"] != "http://example.com"+mount+"/users/424242?x=1" {
			t.Errorf("resourceUrl %v", e["resourceUrl"])
		}
		if e["message"] != msgNotFound || e["docs"] != errorDocs {
			t.Errorf("message/docs %v / %v", e["message"], e["docs"])
		}
	})

	t.Run("error id as string", func(t *testing.T) {
		h := newHarness(t, Options{ErrorIDAsString: true})
		a := h.call("GET", "/users/1", "bad", nil)
		if id := a.errorObject(t)["id"]; id != "1010" {
			t.Errorf("id %#v, want \"1010\"", id)
		}
	})
}

func TestUserLifecycle(t *testing.T) {
	h := newHarness(t, Options{})

	created := h.call("POST", "/users", DefaultAPIKey, map[string]any{
		"departmentID": ResearchDepartmentID, "firstName": "Ada", "lastName": "Lovelace",
		"emailAddress": "ada@example.com", "password": "s3cret-Pa55", "userType": "License",
	})
	created.wantOK(t)
	u := created.response(t)
	id := num(u, "userID")
	if id <= OtherOrgAdminUserID {
		t.Fatalf("new userID %d not after the seeded ones", id)
	}
	want := map[string]any{
		"departmentID": float64(ResearchDepartmentID), "organizationID": float64(DefaultOrganizationID),
		"firstName": "Ada", "lastName": "Lovelace", "emailAddress": "ada@example.com", "phone": "",
		"licenseType": defaultLicenseType, "licenseStartDate": "2025-03-14", "creationDate": "2025-03-14",
		"userType": "License",
	}
	for k, v := range want {
		if u[k] != v {
			t.Errorf("created %s = %#v, want %#v", k, u[k], v)
		}
	}
	if strings.Contains(created.raw, "s3cret") || strings.Contains(created.raw, "password") {
		t.Errorf("create response reveals the password: %s", created.raw)
	}
	if got := h.e.Password(id); got != "s3cret-Pa55" {
		t.Errorf("stored password %q", got)
	}

	path := "/users/" + strconv.Itoa(id)
	got := h.call("GET", path, DefaultAPIKey, nil)
	got.wantOK(t)
	if got.response(t)["emailAddress"] != "ada@example.com" || strings.Contains(got.raw, "s3cret") {
		t.Errorf("get: %s", got.raw)
	}

	upd := h.call("PUT", path, DefaultAPIKey, map[string]any{
		"departmentID": DefaultDepartmentID, "firstName": "Augusta", "lastName": "King",
		"emailAddress": "augusta@example.com", "password": "n3w-Pa55",
	})
	upd.wantOK(t)
	r := upd.response(t)
	if r["firstName"] != "Augusta" || r["emailAddress"] != "augusta@example.com" || num(r, "departmentID") != DefaultDepartmentID {
		t.Errorf("update response %s", upd.raw)
	}
	if strings.Contains(upd.raw, "n3w") {
		t.Errorf("update response reveals the password")
	}
	if h.e.Password(id) != "n3w-Pa55" {
		t.Errorf("password not updated")
	}

	del := h.call("DELETE", "/organizations/1001"+path, DefaultAPIKey, nil)
	del.wantOK(t)
	if v, present := del.body["response"]; !present || v != nil {
		t.Errorf("delete response %s, want response null", del.raw)
	}
	h.call("GET", path, DefaultAPIKey, nil).wantError(t, 404, 1040, "NOT_FOUND")
	h.call("PUT", path, DefaultAPIKey, map[string]any{"emailAddress": "a@example.com"}).wantError(t, 404, 1040, "NOT_FOUND")
	h.call("DELETE", "/organizations/1001"+path, DefaultAPIKey, nil).wantError(t, 404, 1040, "NOT_FOUND")
	if h.e.Password(id) != "" {
		t.Errorf("password kept after delete")
	}
}

func TestCreateValidation(t *testing.T) {
	tests := []struct {
		name   string
		opts   Options
		body   any
		status int
		id     float64
	}{
		{name: "minimal body", body: map[string]any{"emailAddress": "min@example.com"}, status: 200},
		{name: "duplicate email", body: map[string]any{"emailAddress": "admin@sandbox.example.com"}, status: 400, id: 1002},
		{name: "duplicate email ignores case", body: map[string]any{"emailAddress": "ADMIN@Sandbox.example.com"}, status: 400, id: 1002},
		{name: "duplicate email of another organization", body: map[string]any{"emailAddress": "admin@other.example.com"}, status: 400, id: 1002},
		{name: "missing email", body: map[string]any{"firstName": "A"}, status: 400, id: 1002},
		{name: "invalid email", body: map[string]any{"emailAddress": "not-an-email"}, status: 400, id: 1002},
		{name: "email with display name", body: map[string]any{"emailAddress": "A <a@example.com>"}, status: 400, id: 1002},
		{name: "unknown department", body: map[string]any{"emailAddress": "a@example.com", "departmentID": 9999}, status: 400, id: 1002},
		{name: "department of another organization", body: map[string]any{"emailAddress": "a@example.com", "departmentID": OtherOrgDepartmentID}, status: 400, id: 1002},
		{name: "departmentID as string", body: map[string]any{"emailAddress": "a@example.com", "departmentID": "2001"}, status: 400, id: 1002},
		{name: "read-only key", body: map[string]any{"emailAddress": "a@example.com", "phone": "1"}, status: 400, id: 1002},
		{name: "unknown key", body: map[string]any{"emailAddress": "a@example.com", "nickname": "x"}, status: 400, id: 1002},
		{name: "read-only and unknown keys ignored with option", opts: Options{IgnoreUnknownFields: true},
			body: map[string]any{"emailAddress": "a@example.com", "phone": "1", "nickname": "x", "userID": 5}, status: 200},
		{name: "empty password", body: map[string]any{"emailAddress": "a@example.com", "password": ""}, status: 400, id: 1002},
		{name: "empty userType", body: map[string]any{"emailAddress": "a@example.com", "userType": ""}, status: 400, id: 1002},
		{name: "password optional by default", body: map[string]any{"emailAddress": "a@example.com"}, status: 200},
		{name: "password required with option", opts: Options{RequirePasswordOnCreate: true},
			body: map[string]any{"emailAddress": "a@example.com"}, status: 400, id: 1002},
		{name: "not JSON", body: "{", status: 400, id: 1001},
		{name: "empty body", body: "", status: 400, id: 1001},
		{name: "JSON array", body: "[]", status: 400, id: 1002},
		{name: "JSON null", body: "null", status: 400, id: 1002},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.opts)
			a := h.call("POST", "/users", DefaultAPIKey, tt.body)
			if tt.status == 200 {
				a.wantOK(t)
				if a.response(t)["phone"] != "" {
					t.Errorf("phone was written: %s", a.raw)
				}
				return
			}
			a.wantError(t, tt.status, tt.id, "BAD_REQUEST")
		})
	}
}

// TestUpdateSemantics pins the reading of PUT /users/{user-id} (§5.3): by
// default omitted writable fields are reset; MergeOnUpdate keeps them.
func TestUpdateSemantics(t *testing.T) {
	full := map[string]any{
		"departmentID": ResearchDepartmentID, "firstName": "Grace", "lastName": "Hopper",
		"emailAddress": "grace@example.com", "password": "first-Pa55", "userType": "License",
	}
	tests := []struct {
		name   string
		opts   Options
		body   any
		status int
		id     float64
		want   map[string]any // fields of the stored user after the call
		pw     string
	}{
		{
			name: "full body", body: map[string]any{"departmentID": DefaultDepartmentID, "firstName": "G", "lastName": "H", "emailAddress": "g@example.com"},
			status: 200, want: map[string]any{"departmentID": DefaultDepartmentID, "firstName": "G", "lastName": "H", "emailAddress": "g@example.com"}, pw: "first-Pa55",
		},
		{
			name: "omitted names and department are reset", body: map[string]any{"emailAddress": "grace@example.com"},
			status: 200, want: map[string]any{"departmentID": 0, "firstName": "", "lastName": "", "userType": "License"}, pw: "first-Pa55",
		},
		{
			name: "null clears", body: map[string]any{"emailAddress": "grace@example.com", "firstName": nil, "lastName": "Hopper", "departmentID": nil},
			status: 200, want: map[string]any{"departmentID": 0, "firstName": "", "lastName": "Hopper"},
		},
		{
			name: "omitted email is refused", body: map[string]any{"firstName": "Grace"},
			status: 400, id: 1002, want: map[string]any{"firstName": "Grace", "emailAddress": "grace@example.com"},
		},
		{
			name: "merge keeps omitted fields", opts: Options{MergeOnUpdate: true}, body: map[string]any{"lastName": "Murray"},
			status: 200, want: map[string]any{"departmentID": ResearchDepartmentID, "firstName": "Grace", "lastName": "Murray", "emailAddress": "grace@example.com"},
		},
		{
			name: "merge refuses an empty email", opts: Options{MergeOnUpdate: true}, body: map[string]any{"emailAddress": ""},
			status: 400, id: 1002,
		},
		{
			name: "same userType accepted", body: map[string]any{"emailAddress": "grace@example.com", "userType": "License"}, status: 200,
		},
		{
			name: "changed userType refused", body: map[string]any{"emailAddress": "grace@example.com", "userType": "Dashboard"},
			status: 400, id: 1002, want: map[string]any{"userType": "License", "firstName": "Grace"},
		},
		{
			name: "read-only key refused", body: map[string]any{"emailAddress": "grace@example.com", "userID": 1}, status: 400, id: 1002,
		},
		{
			name: "read-only key ignored with option", opts: Options{IgnoreUnknownFields: true},
			body:   map[string]any{"emailAddress": "grace@example.com", "organizationID": 1002, "licenseType": "X"},
			status: 200, want: map[string]any{"organizationID": DefaultOrganizationID, "licenseType": defaultLicenseType},
		},
		{
			name: "password changes only when sent", body: map[string]any{"emailAddress": "grace@example.com", "password": "second-Pa55"},
			status: 200, pw: "second-Pa55",
		},
		{
			name: "email taken by another user", body: map[string]any{"emailAddress": "Viewer@sandbox.example.com"}, status: 400, id: 1002,
		},
		{
			name: "own email in another case", body: map[string]any{"emailAddress": "GRACE@example.com"}, status: 200,
			want: map[string]any{"emailAddress": "GRACE@example.com"},
		},
		{
			name: "department of another organization", body: map[string]any{"emailAddress": "grace@example.com", "departmentID": OtherOrgDepartmentID},
			status: 400, id: 1002, want: map[string]any{"departmentID": ResearchDepartmentID},
		},
		{name: "not JSON", body: "nope", status: 400, id: 1001},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.opts)
			id := h.createUser(full)
			a := h.call("PUT", "/users/"+strconv.Itoa(id), DefaultAPIKey, tt.body)
			if tt.status == 200 {
				a.wantOK(t)
			} else {
				a.wantError(t, tt.status, tt.id, "BAD_REQUEST")
			}
			stored := h.call("GET", "/users/"+strconv.Itoa(id), DefaultAPIKey, nil).response(t)
			for k, v := range tt.want {
				if n, isInt := v.(int); isInt {
					v = float64(n)
				}
				if stored[k] != v {
					t.Errorf("%s = %#v, want %#v", k, stored[k], v)
				}
			}
			if tt.pw != "" && h.e.Password(id) != tt.pw {
				t.Errorf("password %q, want %q", h.e.Password(id), tt.pw)
			}
		})
	}
}

func TestSearchByEmail(t *testing.T) {
	h := newHarness(t, Options{})
	id := h.createUser(map[string]any{"emailAddress": "Find.Me@example.com", "departmentID": ResearchDepartmentID})
	base := "/organizations/1001/users/search?emailAddress="

	a := h.call("GET", base+"find.me@example.com", DefaultAPIKey, nil)
	a.wantOK(t)
	if r := a.response(t); num(r, "userID") != id || num(r, "departmentID") != ResearchDepartmentID {
		t.Errorf("search found %s", a.raw)
	}
	if _, isList := a.body["pagination"]; isList {
		t.Errorf("search answered a list: %s", a.raw)
	}

	h.call("GET", base+"nobody@example.com", DefaultAPIKey, nil).wantError(t, 404, 1040, "NOT_FOUND")
	h.call("GET", "/organizations/1001/users/search", DefaultAPIKey, nil).wantError(t, 400, 1003, "BAD_REQUEST")
	// A user of another organization is not found through this one.
	h.call("GET", base+"admin@other.example.com", DefaultAPIKey, nil).wantError(t, 404, 1040, "NOT_FOUND")
	h.call("GET", "/organizations/1002/users/search?emailAddress=admin@other.example.com", DefaultAPIKey, nil).
		wantError(t, 403, 1013, "FORBIDDEN")

	// §5.7: only the primary user's key may search, even another admin's is refused.
	seed := `{"organizations":[{"id":1,"name":"O","primary_account_id":10}],
	  "users":[{"userID":10,"organizationID":1,"emailAddress":"p@example.com"},{"userID":11,"organizationID":1,"emailAddress":"q@example.com"}],
	  "api_keys":[{"key":"primary","organization_id":1,"user_id":10,"admin":true},{"key":"second-admin","organization_id":1,"user_id":11,"admin":true}]}`
	if err := h.e.Seed([]byte(seed)); err != nil {
		t.Fatal(err)
	}
	h.call("GET", "/organizations/1/users/search?emailAddress=q@example.com", "primary", nil).wantOK(t)
	h.call("GET", "/organizations/1/users/search?emailAddress=q@example.com", "second-admin", nil).wantError(t, 403, 1013, "FORBIDDEN")
}

func TestDepartmentScoping(t *testing.T) {
	h := newHarness(t, Options{})
	research := []int{
		h.createUser(map[string]any{"emailAddress": "r1@example.com", "departmentID": ResearchDepartmentID}),
		h.createUser(map[string]any{"emailAddress": "r2@example.com", "departmentID": ResearchDepartmentID}),
	}
	h.createUser(map[string]any{"emailAddress": "none@example.com"})

	a := h.call("GET", "/organizations/1001/departments/"+strconv.Itoa(ResearchDepartmentID)+"/users", DefaultAPIKey, nil)
	a.wantOK(t)
	var got []int
	for _, u := range a.list(t) {
		if num(u, "departmentID") != ResearchDepartmentID {
			t.Errorf("department list shows departmentID %v", u["departmentID"])
		}
		got = append(got, num(u, "userID"))
	}
	want := append([]int{DefaultViewerUserID}, research...)
	if len(got) != len(want) {
		t.Fatalf("department users %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("department users %v, want %v", got, want)
		}
	}

	// The organization-wide list masks departmentID to 0, as the document shows.
	org := h.call("GET", "/organizations/1001/users", DefaultAPIKey, nil)
	for _, u := range org.list(t) {
		if num(u, "departmentID") != 0 {
			t.Errorf("organization list shows departmentID %v by default", u["departmentID"])
		}
		if num(u, "organizationID") != DefaultOrganizationID {
			t.Errorf("organization list leaks user %v", u["userID"])
		}
	}
	if n := num(org.pagination(t), "totalItems"); n != 5 {
		t.Errorf("organization has %d users, want 5", n)
	}
	kind := newHarness(t, Options{OrgListDepartmentIDs: true})
	for _, u := range kind.call("GET", "/organizations/1001/users", DefaultAPIKey, nil).list(t) {
		if num(u, "departmentID") == 0 {
			t.Errorf("OrgListDepartmentIDs: user %v has departmentID 0", u["userID"])
		}
	}

	h.call("GET", "/organizations/1001/departments/"+strconv.Itoa(OtherOrgDepartmentID)+"/users", DefaultAPIKey, nil).
		wantError(t, 404, 1040, "NOT_FOUND")
	h.call("GET", "/organizations/1001/departments/424242/users", DefaultAPIKey, nil).wantError(t, 404, 1040, "NOT_FOUND")

	// Moving a user between departments is a PUT of departmentID (§5.3).
	h.call("PUT", "/users/"+strconv.Itoa(research[0]), DefaultAPIKey,
		map[string]any{"emailAddress": "r1@example.com", "departmentID": DefaultDepartmentID}).wantOK(t)
	a = h.call("GET", "/organizations/1001/departments/"+strconv.Itoa(ResearchDepartmentID)+"/users", DefaultAPIKey, nil)
	if n := len(a.list(t)); n != 2 {
		t.Errorf("research has %d users after the move, want 2", n)
	}
}

func TestPaging(t *testing.T) {
	h := newHarness(t, Options{})
	// 1 admin + 1 viewer seeded in organization 1001; add 248 for 250.
	for i := 0; i < 248; i++ {
		h.e.AddUser(User{OrganizationID: DefaultOrganizationID, EmailAddress: "u" + strconv.Itoa(i) + "@example.com"})
	}
	const list = "/organizations/1001/users"
	link := func(q string) string { return "http://example.com" + mount + list + "?" + q }
	// Link expectations: "" is not checked, "null" must be JSON null.
	tests := []struct {
		query                         string
		items, perPage, page, pages   int
		prev, next, self, first, last string
		errID                         float64
	}{
		{query: "", items: 100, perPage: 100, page: 1, pages: 3, prev: "null",
			self: link("page=1&perPage=100"), next: link("page=2&perPage=100"), first: link("page=1&perPage=100"), last: link("page=3&perPage=100")},
		{query: "?page=2", items: 100, perPage: 100, page: 2, pages: 3,
			prev: link("page=1&perPage=100"), next: link("page=3&perPage=100")},
		{query: "?page=3&perPage=100", items: 50, perPage: 100, page: 3, pages: 3, prev: link("page=2&perPage=100"), next: "null"},
		{query: "?page=4", items: 0, perPage: 100, page: 4, pages: 3, prev: link("page=3&perPage=100"), next: "null"},
		{query: "?perPage=250", items: 250, perPage: 250, page: 1, pages: 1, prev: "null", next: "null", last: link("page=1&perPage=250")},
		{query: "?perPage=1&page=250", items: 1, perPage: 1, page: 250, pages: 250, prev: link("page=249&perPage=1"), next: "null"},
		{query: "?perPage=7&page=36", items: 5, perPage: 7, page: 36, pages: 36, next: "null"},
		{query: "?perPage=5000", items: 250, perPage: 1000, page: 1, pages: 1, self: link("page=1&perPage=1000")},
		{query: "?perPage=0", errID: 1003},
		{query: "?perPage=-1", errID: 1003},
		{query: "?page=0", errID: 1003},
		{query: "?page=abc", errID: 1003},
		{query: "?perPage=1.5", errID: 1003},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			a := h.call("GET", list+tt.query, DefaultAPIKey, nil)
			if tt.errID != 0 {
				a.wantError(t, 400, tt.errID, "BAD_REQUEST")
				return
			}
			a.wantOK(t)
			p := a.pagination(t)
			if n := len(a.list(t)); n != tt.items {
				t.Errorf("items %d, want %d", n, tt.items)
			}
			if num(p, "totalItems") != 250 || num(p, "perPage") != tt.perPage || num(p, "currentPage") != tt.page || num(p, "totalPages") != tt.pages {
				t.Errorf("pagination %v", p)
			}
			links := object(t, p, "links")
			for k, want := range map[string]string{"self": tt.self, "first": tt.first, "last": tt.last, "prev": tt.prev, "next": tt.next} {
				got, present := links[k]
				switch {
				case !present:
					t.Errorf("links.%s missing", k)
				case want == "null" && got != nil:
					t.Errorf("links.%s = %v, want null", k, got)
				case want != "" && want != "null" && got != want:
					t.Errorf("links.%s = %v, want %s", k, got, want)
				}
			}
		})
	}

	t.Run("users are ordered and pages do not overlap", func(t *testing.T) {
		seen := map[int]bool{}
		last := 0
		for page := 1; page <= 3; page++ {
			for _, u := range h.call("GET", list+"?perPage=100&page="+strconv.Itoa(page), DefaultAPIKey, nil).list(t) {
				id := num(u, "userID")
				if seen[id] || id <= last {
					t.Fatalf("user %d out of order or repeated", id)
				}
				seen[id], last = true, id
			}
		}
		if len(seen) != 250 {
			t.Errorf("walked %d users, want 250", len(seen))
		}
	})

	t.Run("empty list", func(t *testing.T) {
		if err := h.e.Seed([]byte(`{"organizations":[{"id":7,"name":"Empty"}],"departments":[{"id":70,"organization_id":7,"name":"D"}],"api_keys":[{"key":"k7","organization_id":7,"admin":true}]}`)); err != nil {
			t.Fatal(err)
		}
		a := h.call("GET", "/organizations/7/departments/70/users", "k7", nil)
		a.wantOK(t)
		p := a.pagination(t)
		if len(a.list(t)) != 0 || num(p, "totalItems") != 0 || num(p, "totalPages") != 0 || num(p, "currentPage") != 1 {
			t.Errorf("empty list: %s", a.raw)
		}
		if !strings.Contains(a.raw, `"response":[]`) {
			t.Errorf("empty list is not []: %s", a.raw)
		}
		if l := object(t, p, "links"); l["prev"] != nil || l["next"] != nil || l["last"] != "http://example.com"+mount+"/organizations/7/departments/70/users?page=1&perPage=100" {
			t.Errorf("empty list links %v", l)
		}
	})

	t.Run("max per page option", func(t *testing.T) {
		h := newHarness(t, Options{MaxPerPage: 2})
		a := h.call("GET", list+"?perPage=100", DefaultAPIKey, nil)
		if num(a.pagination(t), "perPage") != 2 || len(a.list(t)) != 2 {
			t.Errorf("MaxPerPage not applied: %s", a.raw)
		}
	})
}
