package qacomplete

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func urlEncode(s string) string { return url.QueryEscape(s) }

// fullUser seeds one user in 8162 with every field set.
const fullUser = `{"users":[{"id":500,"dept_id":8162,"first_name":"John","middle_name":"Hamish","last_name":"Watson",
 "email":"john@example.com","phone":"555-35-35","company_name":"ACME","time_zone":"UTC","is_security_admin":true,
 "is_a_d_account":true,"a_d_search_value":"jw","custom1":"c1","custom10":"c10","title":"Dr"},
 {"id":501,"dept_id":8163,"first_name":"Other","last_name":"Dept","email":"other@example.com"}]}`

// sampleKeys are exactly the keys of the §4.1 sample.
var sampleKeys = []string{
	"date_created", "date_of_anniv", "date_updated", "discount", "email", "first_name", "id", "import_id",
	"is_a_d_account", "is_active", "is_logged_on", "is_security_admin", "is_selected", "last_name",
	"logon_attempts", "nbr_times_logon", "primary_dept_id", "update_user_id",
}

var wireDate = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$`)

func TestCreateUser(t *testing.T) {
	h := newHarness(t, Options{WriteAnswer: WriteAnswerObject}, "")
	a := h.want(h.do("POST", "/depts/8163/users", `{"FirstName":"John","LastName":"Doe","Email":"john@example.com"}`), 200)
	u := a.json(t)
	if got := keys(u); !slices.Equal(got, sampleKeys) {
		t.Errorf("keys %v\nwant %v", got, sampleKeys)
	}
	if u["id"] != 24793.0 || u["primary_dept_id"] != 8163.0 || u["is_active"] != true || u["date_of_anniv"] != dateOfAnniv {
		t.Errorf("user %v", u)
	}
	for _, k := range []string{"date_created", "date_updated"} {
		if s, _ := u[k].(string); !wireDate.MatchString(s) {
			t.Errorf("%s = %v", k, u[k])
		}
	}
	second := h.want(h.do("POST", "/depts/8162/users", `{"firstName":"Ann","lastname":"Lee","EMAIL":"ann@example.com",
		"MiddleName":"","Phone":"1","CompanyName":"Co","TimeZone":"UTC","IsSecurityAdmin":true,"IsAdAccount":true,
		"AdSearchValue":"ann","Custom2":"x","Unknown":1}`), 200).json(t)
	if second["id"] != 24794.0 || second["middle_name"] != "" || second["work_phone"] != "1" || second["company_name"] != "Co" ||
		second["is_security_admin"] != true || second["is_a_d_account"] != true || second["a_d_search_value"] != "ann" {
		t.Errorf("second %v", second)
	}
	if _, shown := second["time_zone"]; shown {
		t.Error("time_zone must not be returned by default")
	}
	stored, _ := h.e.User(24794)
	if stored.TimeZone != "UTC" || stored.Custom2 != "x" {
		t.Errorf("create-only fields not stored: %+v", stored)
	}
}

func TestCreateUser_Rejects(t *testing.T) {
	long := strings.Repeat("a", 26)
	cases := []struct {
		name, path, body string
		status           int
		message          string
	}{
		{"missing FirstName", "/depts/8162/users", `{"LastName":"D","Email":"x@example.com"}`, 400, "The FirstName field is required."},
		{"missing LastName", "/depts/8162/users", `{"FirstName":"J","Email":"x@example.com"}`, 400, "The LastName field is required."},
		{"missing Email", "/depts/8162/users", `{"FirstName":"J","LastName":"D"}`, 400, "The Email field is required."},
		{"empty FirstName", "/depts/8162/users", `{"FirstName":" ","LastName":"D","Email":"x@example.com"}`, 400, "The FirstName field is required."},
		{"null Email", "/depts/8162/users", `{"FirstName":"J","LastName":"D","Email":null}`, 400, "The Email field is required."},
		{"snake_case body", "/depts/8162/users", `{"first_name":"J","last_name":"D","email":"x@example.com"}`, 400, "The FirstName field is required."},
		{"FirstName too long", "/depts/8162/users", `{"FirstName":"` + long + `","LastName":"D","Email":"x@example.com"}`, 400, "The field FirstName must be a string with a maximum length of 25."},
		{"LastName too long", "/depts/8162/users", `{"FirstName":"J","LastName":"` + long + `","Email":"x@example.com"}`, 400, "The field LastName must be a string with a maximum length of 25."},
		{"CompanyName too long", "/depts/8162/users", `{"FirstName":"J","LastName":"D","Email":"x@example.com","CompanyName":"` + strings.Repeat("c", 51) + `"}`, 400, "The field CompanyName must be a string with a maximum length of 50."},
		{"TimeZone too long", "/depts/8162/users", `{"FirstName":"J","LastName":"D","Email":"x@example.com","TimeZone":"` + strings.Repeat("t", 101) + `"}`, 400, "The field TimeZone must be a string with a maximum length of 100."},
		{"bad email", "/depts/8162/users", `{"FirstName":"J","LastName":"D","Email":"not-an-email"}`, 400, "The Email field is not a valid e-mail address."},
		{"duplicate email, other case, disabled user elsewhere", "/depts/8162/users", `{"FirstName":"J","LastName":"D","Email":"TAKEN@example.com"}`, 400, "A user with the email 'TAKEN@example.com' already exists."},
		{"wrong JSON type", "/depts/8162/users", `{"FirstName":"J","LastName":"D","Email":"x@example.com","IsSecurityAdmin":"yes"}`, 400, ""},
		{"malformed JSON", "/depts/8162/users", `{"FirstName":`, 400, ""},
		{"unknown department", "/depts/1/users", `{"FirstName":"J","LastName":"D","Email":"x@example.com"}`, 404, msgNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{}, `{"users":[{"dept_id":8163,"first_name":"T","last_name":"T","email":"taken@example.com","is_active":false}]}`)
			a := h.want(h.do("POST", c.path, c.body), c.status)
			if c.message != "" && a.message(t) != c.message {
				t.Errorf("message %q, want %q", a.message(t), c.message)
			}
			if n := len(h.e.Users(0)); n != 1 {
				t.Errorf("a rejected POST stored a user (%d users)", n)
			}
		})
	}
}

func TestCreateUser_NeedsJSONContentType(t *testing.T) {
	h := newHarness(t, Options{}, "")
	req := `{"FirstName":"J","LastName":"D","Email":"x@example.com"}`
	a := h.do("POST", "/depts/8162/users", "")
	h.want(a, 415)
	// An empty JSON body is a 400.
	h.want(h.do("POST", "/depts/8162/users", " "), 400)
	h.want(h.do("POST", "/depts/8162/users", req), 200)
}

func TestGetUser(t *testing.T) {
	h := newHarness(t, Options{}, fullUser)
	u := h.want(h.do("GET", "/depts/8162/users/500", ""), 200).json(t)
	want := map[string]any{
		"id": 500.0, "first_name": "John", "middle_name": "Hamish", "last_name": "Watson", "email": "john@example.com",
		"work_phone": "555-35-35", "company_name": "ACME", "is_security_admin": true, "is_a_d_account": true,
		"a_d_search_value": "jw", "title": "Dr", "primary_dept_id": 8162.0, "is_active": true,
	}
	for k, v := range want {
		if u[k] != v {
			t.Errorf("%s = %v, want %v", k, u[k], v)
		}
	}
	for _, k := range []string{"time_zone", "custom1", "custom10", "phone", "grouping", "sub_grouping", "dept_id"} {
		if _, ok := u[k]; ok {
			t.Errorf("%s must not be answered", k)
		}
	}

	// The user of 8163 is not found through 8162, and unknown ids are 404.
	for _, p := range []string{"/depts/8162/users/501", "/depts/8162/users/999", "/depts/8162/users/x", "/depts/77/users/500"} {
		if a := h.want(h.do("GET", p, ""), 404); a.message(t) != msgNotFound {
			t.Errorf("%s: %s", p, a.body)
		}
	}

	h.e.SetOptions(Options{ReturnCreateOnlyFields: true})
	u = h.want(h.do("GET", "/depts/8162/users/500", ""), 200).json(t)
	if u["time_zone"] != "UTC" || u["custom1"] != "c1" || u["custom10"] != "c10" {
		t.Errorf("ReturnCreateOnlyFields: %v", u)
	}
	if _, ok := u["custom2"]; ok {
		t.Error("an unset custom field must stay omitted")
	}
}

func TestPutUser_ResetsOmittedProperties(t *testing.T) {
	h := newHarness(t, Options{WriteAnswer: WriteAnswerObject}, fullUser)
	before, _ := h.e.User(500)
	u := h.want(h.do("PUT", "/depts/8162/users/500", `{"FirstName":"John","LastName":"Smith","Email":"jsmith@example.com","Extra":true}`), 200).json(t)

	want := map[string]any{
		"first_name": "John", "last_name": "Smith", "email": "jsmith@example.com",
		"middle_name": "", "work_phone": "", "a_d_search_value": "",
		"is_security_admin": false, "is_a_d_account": false,
		"company_name": "ACME", "title": "Dr", "is_active": true,
	}
	for k, v := range want {
		if u[k] != v {
			t.Errorf("%s = %#v, want %#v", k, u[k], v)
		}
	}
	after, _ := h.e.User(500)
	if after.TimeZone != "UTC" || after.Custom1 != "c1" {
		t.Errorf("create-only fields must be kept: %+v", after)
	}
	if u["date_created"] != before.DateCreated.Format(dateLayout) || u["date_updated"] == before.DateUpdated.Format(dateLayout) {
		t.Errorf("dates: created %v updated %v (before %v/%v)", u["date_created"], u["date_updated"], before.DateCreated, before.DateUpdated)
	}

	// Sending every property keeps them.
	u = h.want(h.do("PUT", "/depts/8162/users/500", `{"FirstName":"John","LastName":"Smith","Email":"JSMITH@example.com",
		"MiddleName":"H","Phone":"1","IsSecurityAdmin":true,"IsAdAccount":true,"AdSearchValue":"v"}`), 200).json(t)
	if u["middle_name"] != "H" || u["work_phone"] != "1" || u["is_security_admin"] != true || u["a_d_search_value"] != "v" {
		t.Errorf("full PUT %v", u)
	}
}

func TestPutUser_ClearsCreateOnlyWhenAsked(t *testing.T) {
	h := newHarness(t, Options{WriteAnswer: WriteAnswerObject, PutClearsCreateOnly: true, ReturnCreateOnlyFields: true}, fullUser)
	u := h.want(h.do("PUT", "/depts/8162/users/500", `{"FirstName":"J","LastName":"W","Email":"john@example.com","CompanyName":"ignored"}`), 200).json(t)
	if u["company_name"] != "" || u["time_zone"] != "" || u["custom1"] != "" {
		t.Errorf("PutClearsCreateOnly: %v", u)
	}
}

func TestPutUser_Rejects(t *testing.T) {
	cases := []struct {
		name, path, body string
		status           int
		message          string
	}{
		{"missing Email", "/depts/8162/users/500", `{"FirstName":"J","LastName":"W"}`, 400, "The Email field is required."},
		{"missing FirstName", "/depts/8162/users/500", `{"LastName":"W","Email":"john@example.com"}`, 400, "The FirstName field is required."},
		{"email of another user", "/depts/8162/users/500", `{"FirstName":"J","LastName":"W","Email":"Other@example.com"}`, 400, "A user with the email 'Other@example.com' already exists."},
		{"not the primary department", "/depts/8163/users/500", `{"FirstName":"J","LastName":"W","Email":"john@example.com"}`, 403, msgForbidden},
		{"unknown user", "/depts/8162/users/999", `{"FirstName":"J","LastName":"W","Email":"john@example.com"}`, 404, msgNotFound},
		{"unknown department", "/depts/1/users/500", `{"FirstName":"J","LastName":"W","Email":"john@example.com"}`, 404, msgNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, Options{}, fullUser)
			before, _ := json.Marshal(h.e.Users(0))
			a := h.want(h.do("PUT", c.path, c.body), c.status)
			if a.message(t) != c.message {
				t.Errorf("message %q, want %q", a.message(t), c.message)
			}
			if after, _ := json.Marshal(h.e.Users(0)); string(after) != string(before) {
				t.Error("a rejected PUT changed data")
			}
		})
	}
}

func TestPatchUser_KeepsOmittedProperties(t *testing.T) {
	h := newHarness(t, Options{WriteAnswer: WriteAnswerObject}, fullUser)
	u := h.want(h.do("PATCH", "/depts/8162/users/500", `{"Phone":"777","MiddleName":null}`), 200).json(t)
	want := map[string]any{
		"work_phone": "777", "middle_name": "Hamish", "first_name": "John", "last_name": "Watson",
		"email": "john@example.com", "is_security_admin": true, "is_a_d_account": true, "a_d_search_value": "jw",
	}
	for k, v := range want {
		if u[k] != v {
			t.Errorf("%s = %#v, want %#v", k, u[k], v)
		}
	}
	u = h.want(h.do("PATCH", "/depts/8162/users/500", `{"IsSecurityAdmin":false,"MiddleName":""}`), 200).json(t)
	if u["is_security_admin"] != false || u["middle_name"] != "" || u["work_phone"] != "777" {
		t.Errorf("second PATCH %v", u)
	}

	h.want(h.do("PATCH", "/depts/8162/users/500", `{"Email":""}`), 400)
	h.want(h.do("PATCH", "/depts/8162/users/500", `{"Email":"other@example.com"}`), 400)
	h.want(h.do("PATCH", "/depts/8163/users/500", `{"Phone":"1"}`), 403)
	h.want(h.do("PATCH", "/depts/8162/users/999", `{"Phone":"1"}`), 404)
}

func TestPatchUser_Strict(t *testing.T) {
	h := newHarness(t, Options{StrictPatch: true}, fullUser)
	if a := h.want(h.do("PATCH", "/depts/8162/users/500", `{"Phone":"1"}`), 400); a.message(t) != "The FirstName field is required." {
		t.Errorf("message %q", a.message(t))
	}
	h.want(h.do("PATCH", "/depts/8162/users/500", `{"FirstName":"J","LastName":"W","Email":"john@example.com","Phone":"1"}`), 200)
}

func TestDeleteUser_Disables(t *testing.T) {
	h := newHarness(t, Options{}, fullUser)
	h.want(h.do("DELETE", "/depts/8163/users/500", ""), 403)
	h.want(h.do("DELETE", "/depts/8162/users/999", ""), 404)
	a := h.want(h.do("DELETE", "/depts/8162/users/500", ""), 200)
	if len(a.body) != 0 {
		t.Errorf("DELETE body %q, want empty", a.body)
	}
	u := h.want(h.do("GET", "/depts/8162/users/500", ""), 200).json(t)
	if u["is_active"] != false || u["first_name"] != "John" {
		t.Errorf("after DELETE %v", u)
	}
	list := h.want(h.do("GET", "/depts/8162/users", ""), 200).list(t)
	if n := len(list.items()); n != 1 {
		t.Errorf("a disabled user stays listed; got %d", n)
	}
	h.want(h.do("DELETE", "/depts/8162/users/500", ""), 200)
	// The e-mail stays taken.
	h.want(h.do("POST", "/depts/8162/users", `{"FirstName":"J","LastName":"W","Email":"john@example.com"}`), 400)
}

// pagingSeed has 30 users in 8162 (ids 24793..24822, the 3rd one disabled)
// and 2 in 8163.
func pagingSeed() string {
	var users []string
	for i := range 30 {
		active := i != 2
		users = append(users, fmt.Sprintf(`{"first_name":"U%02d","last_name":"L","email":"u%02d@example.com","is_active":%t}`, i, i, active))
	}
	users = append(users, `{"dept_id":8163,"first_name":"X","last_name":"L","email":"x1@example.com"}`,
		`{"dept_id":8163,"first_name":"Y","last_name":"L","email":"x2@example.com"}`)
	return `{"users":[` + strings.Join(users, ",") + `]}`
}

func TestListUsers_Paging(t *testing.T) {
	h := newHarness(t, Options{}, pagingSeed())
	cases := []struct {
		query                       string
		count, offset, limit, total int
		firstID                     int
		resultsKey                  bool
	}{
		{"", 25, 0, 25, 30, 24793, true},
		{"?limit=10", 10, 0, 10, 30, 24793, true},
		{"?offset=5&limit=5", 5, 5, 5, 30, 24798, true},
		{"?offset=10", 20, 10, 25, 30, 24803, true},
		{"?offset=25", 5, 25, 25, 30, 24818, true},
		{"?offset=100", 0, 100, 25, 30, 0, true},
		{"?limit=0", 0, 0, 0, 30, 0, false},
		{"?limit=5000", 30, 0, 1000, 30, 24793, true},
		{"?Offset=1&LIMIT=2", 2, 1, 2, 30, 24794, true},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			body := h.want(h.do("GET", "/depts/8162/users"+c.query, ""), 200).list(t)
			if got, want := body.Metadata.ResultSet, (resultSet{Count: c.count, Offset: c.offset, Limit: c.limit, Total: c.total}); got != want {
				t.Errorf("result_set = %+v, want %+v", got, want)
			}
			if body.Metadata.Permissions.ACL != 7 {
				t.Errorf("acl %v", body.Metadata.Permissions)
			}
			if (body.Results != nil) != c.resultsKey {
				t.Fatalf("results key present = %v, want %v", body.Results != nil, c.resultsKey)
			}
			results := body.items()
			if len(results) != c.count {
				t.Errorf("len(results) = %d", len(results))
			}
			if c.firstID != 0 && results[0]["id"] != float64(c.firstID) {
				t.Errorf("first id %v, want %d", results[0]["id"], c.firstID)
			}
		})
	}
	for _, bad := range []string{"?offset=x", "?limit=-1", "?offset=-5", "?limit=1.5"} {
		h.want(h.do("GET", "/depts/8162/users"+bad, ""), 400)
	}
	h.want(h.do("GET", "/depts/9/users", ""), 404)

	other := h.want(h.do("GET", "/depts/8163/users", ""), 200).list(t)
	if n := len(other.items()); n != 2 {
		t.Errorf("8163 lists %d users, want 2", n)
	}
}

func TestListUsers_Filter(t *testing.T) {
	h := newHarness(t, Options{EmailFilter: EmailFilterApplied}, fullUser)
	h.e.AddUser(User{DeptID: 8162, FirstName: "Mary", LastName: "Morstan", Email: "mary@example.com", IsActive: true})
	for _, name := range []string{"filter", "Filter", "FILTER"} {
		body := h.want(h.do("GET", "/depts/8162/users?"+name+"="+urlEncode("Email = 'MARY@example.com'"), ""), 200).list(t)
		if items := body.items(); body.Metadata.ResultSet.Total != 1 || len(items) != 1 || items[0]["first_name"] != "Mary" {
			t.Errorf("%s: %+v", name, body)
		}
	}
	a := h.want(h.do("GET", "/depts/8162/users?filter="+urlEncode("Email = "), ""), 400)
	if !strings.HasPrefix(a.message(t), "Invalid filter:") {
		t.Errorf("message %q", a.message(t))
	}
}
