package quickhelp_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

func TestUpdate_Validation(t *testing.T) {
	tests := []struct {
		name string
		body string
		// want maps each offending field to a fragment of its message.
		want map[string]string
	}{
		{"bad email", `{"userId":7,"email":"not-an-email"}`, map[string]string{"email": "not a valid e-mail"}},
		{"missing email", `{"userId":7}`, map[string]string{"email": "required"}},
		{"empty email", `{"userId":7,"email":""}`, map[string]string{"email": "required"}},
		{"email of another user", `{"userId":7,"email":"GRACE@example.com"}`, map[string]string{"email": "already in use"}},
		{"unknown user", `{"userId":999,"email":"ada@example.com"}`, map[string]string{"userId": "User with id 999 does not exist."}},
		{"missing userId", `{"email":"ada@example.com"}`, map[string]string{"userId": "required"}},
		{"userId as string", `{"userId":"7","email":"ada@example.com"}`, map[string]string{"userId": "The value '7' is not valid for userId."}},
		{"userId beyond int32", `{"userId":2147483648,"email":"ada@example.com"}`, map[string]string{"userId": "not valid"}},
		{"bad GUID in roles", `{"userId":7,"email":"ada@example.com","roles":["` + roleUserAdmin + `","admin",5]}`,
			map[string]string{"roles[1]": "The value 'admin' is not valid for Guid.", "roles[2]": "not valid for Guid"}},
		{"unknown role", `{"userId":7,"email":"ada@example.com","roles":["00000000-0000-0000-0000-000000000000"]}`,
			map[string]string{"roles[0]": "does not exist"}},
		{"roles not an array", `{"userId":7,"email":"ada@example.com","roles":"` + roleUserAdmin + `"}`, map[string]string{"roles": "not valid"}},
		{"boolean as string", `{"userId":7,"email":"ada@example.com","licensed":"true"}`, map[string]string{"licensed": "not valid"}},
		{"string as number", `{"userId":7,"email":"ada@example.com","firstName":5}`, map[string]string{"firstName": "not valid"}},
		{"customerId from a customer key", `{"userId":7,"email":"ada@example.com","customerId":1001}`, map[string]string{"customerId": "BSI or Partner"}},
		{"several at once", `{"userId":999,"email":"x","roles":["nope"]}`,
			map[string]string{"userId": "does not exist", "email": "e-mail", "roles[0]": "Guid"}},
		{"malformed JSON", `{"userId":7,`, map[string]string{"body": "unexpected end of input"}},
		{"array body", `[{"userId":7}]`, map[string]string{"body": "expected an object, got array"}},
		{"not JSON", `userId=7`, map[string]string{"body": "syntax error at offset 1"}},
		{"null body", `null`, map[string]string{"body": "non-empty"}},
		{"trailing data", `{"userId":7,"email":"ada@example.com"} {}`, map[string]string{"body": "after the object"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t, quickhelp.Options{})
			before := env.emu.AddUser(fullUser())
			env.emu.AddUser(quickhelp.User{UserID: 8, Email: "grace@example.com"})

			got := modelStateKeys(t, env.do(t, "POST", "/User/Update", tt.body, nil))
			if len(got) != len(tt.want) {
				t.Errorf("fields %v, want %v", got, tt.want)
			}
			for field, frag := range tt.want {
				if !strings.Contains(got[field], frag) {
					t.Errorf("field %q: message %q, want it to contain %q", field, got[field], frag)
				}
			}
			if after := env.emu.Users()[0]; !reflect.DeepEqual(after, before) {
				t.Errorf("a rejected update changed the user:\n got %+v\nwant %+v", after, before)
			}
		})
	}
}

func TestUpdate_EmptyBody(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	r := env.do(t, "POST", "/User/Update", "", headers{"Content-Type": str("application/json")})
	if got := modelStateKeys(t, r); got["body"] == "" {
		t.Fatalf("want a body error, got %v", got)
	}
}

func TestUpdate_ModelStateValue(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	env.emu.AddUser(fullUser())
	r := env.do(t, "POST", "/User/Update", `{"userId":7,"email":"not-an-email"}`, nil)
	var body map[string]map[string]any
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"value":  map[string]any{"attemptedValue": "not-an-email", "culture": "en-US", "rawValue": "not-an-email"},
		"errors": []any{map[string]any{"exception": nil, "errorMessage": "The email field is not a valid e-mail address."}},
	}
	if !reflect.DeepEqual(body["email"], want) {
		t.Errorf("email entry %v, want %v", body["email"], want)
	}
}

func TestUpdate_HTTPErrorBody(t *testing.T) {
	env := newEnv(t, quickhelp.Options{ValidationBody: quickhelp.ValidationBodyHTTPError})
	env.emu.AddUser(fullUser())
	r := env.do(t, "POST", "/User/Update", `{"userId":7,"email":"x","roles":["y"]}`, nil)
	if r.status != http.StatusBadRequest {
		t.Fatalf("status %d", r.status)
	}
	var body struct {
		Message    string              `json:"message"`
		ModelState map[string][]string `json:"modelState"`
	}
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatal(err)
	}
	if body.Message != "The request is invalid." || len(body.ModelState["email"]) != 1 || len(body.ModelState["roles[0]"]) != 1 {
		t.Errorf("body %s", r.body)
	}
}

func TestUpdate_Applies(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	u := env.emu.AddUser(fullUser())
	body := `{"UserID":7,"firstName":"Augusta","lastName":"King","email":"augusta@example.com",
		"department":"R&D","jobTitle":"Countess","licensed":false,"confirmed":true,"bypassSso":false,
		"roles":["` + strings.ToUpper(roleAssignment) + `","` + roleUserAdmin + `","` + roleAssignment + `"]}`
	r := env.do(t, "POST", "/User/Update", body, nil)
	if r.status != http.StatusOK || strings.TrimSpace(string(r.body)) != "{}" {
		t.Fatalf("status %d body %s, want 200 {}", r.status, r.body)
	}
	want := u
	want.FirstName, want.LastName, want.Email = "Augusta", "King", "augusta@example.com"
	want.Department, want.JobTitle = "R&D", "Countess"
	want.Licensed, want.Confirmed, want.BypassSSO = false, true, false
	want.Roles = []string{roleAssignment, roleUserAdmin}
	if got := env.emu.Users()[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("stored\n got %+v\nwant %+v", got, want)
	}
	rec := env.list(t, "", nil).Records[0]
	wantRoles := []any{
		map[string]any{"id": roleAssignment, "name": "Assignment Administrator"},
		map[string]any{"id": roleUserAdmin, "name": "User Administrator"},
	}
	if !reflect.DeepEqual(rec["roles"], wantRoles) {
		t.Errorf("listed roles %v: want lower-case GUIDs with names", rec["roles"])
	}
}

// TestUpdate_OmittedFields proves the least forgiving reading of §4: what the
// body leaves out is reset; UpdateKeepsOmitted offers the kinder one.
func TestUpdate_OmittedFields(t *testing.T) {
	full := fullUser()
	tests := []struct {
		name string
		opts quickhelp.Options
		body string
		want func(u *quickhelp.User)
	}{
		{
			name: "omitted fields are reset",
			body: `{"userId":7,"email":"ada@example.com"}`,
			want: func(u *quickhelp.User) {
				u.FirstName, u.LastName, u.Department, u.JobTitle = "", "", "", ""
				u.Licensed, u.Confirmed, u.BypassSSO = false, false, false
				u.Roles = nil
			},
		},
		{
			name: "nulls are omissions",
			body: `{"userId":7,"email":"ada@example.com","firstName":null,"licensed":null,"roles":null}`,
			want: func(u *quickhelp.User) {
				u.FirstName, u.LastName, u.Department, u.JobTitle = "", "", "", ""
				u.Licensed, u.Confirmed, u.BypassSSO = false, false, false
				u.Roles = nil
			},
		},
		{
			name: "empty roles remove every role",
			body: `{"userId":7,"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","department":"Engineering",
				"jobTitle":"Analyst","licensed":true,"confirmed":true,"bypassSso":true,"roles":[]}`,
			want: func(u *quickhelp.User) { u.Roles = nil },
		},
		{
			name: "a complete object changes nothing",
			body: `{"userId":7,"firstName":"Ada","lastName":"Lovelace","email":"ada@example.com","department":"Engineering",
				"jobTitle":"Analyst","licensed":true,"confirmed":true,"bypassSso":true,"roles":["` + roleUserAdmin + `"]}`,
			want: func(*quickhelp.User) {},
		},
		{
			name: "kinder reading keeps omitted fields",
			opts: quickhelp.Options{UpdateKeepsOmitted: true},
			body: `{"userId":7,"jobTitle":"Countess","licensed":false}`,
			want: func(u *quickhelp.User) { u.JobTitle, u.Licensed = "Countess", false },
		},
		{
			name: "kinder reading still clears what is sent empty",
			opts: quickhelp.Options{UpdateKeepsOmitted: true},
			body: `{"userId":7,"department":"","roles":[]}`,
			want: func(u *quickhelp.User) { u.Department, u.Roles = "", nil },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t, tt.opts)
			env.emu.AddUser(full)
			if r := env.do(t, "POST", "/User/Update", tt.body, nil); r.status != http.StatusOK {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			want := fullUser()
			want.CustomerID = quickhelp.DefaultCustomerID
			tt.want(&want)
			got := env.emu.Users()[0]
			if len(got.Roles) == 0 {
				got.Roles = nil
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("stored\n got %+v\nwant %+v", got, want)
			}
		})
	}
}
