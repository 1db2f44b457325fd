package questionpro

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

func TestDecodeError(t *testing.T) {
	cases := []struct{ body, code, message string }{
		{`{"response":{"error":{"docs":"x","name":"UNAUTHORIZED","httpStatusCode":401,"id":1010,"message":"Incorrect API Key","resourceUrl":"u"}}}`, "UNAUTHORIZED 1010", "Incorrect API Key"},
		{`{"response":{"error":{"name":"NOT_FOUND","httpStatusCode":404,"id":"1040","message":"gone"}}}`, "NOT_FOUND 1040", "gone"},
		{`{"response":{"error":{"name":"","httpStatusCode":429,"id":1013,"message":"limit"}}}`, "1013", "limit"},
		{"<html>Bad gateway</html>", "", "Bad gateway"},
	}
	for _, c := range cases {
		code, msg := decodeError(0, nil, []byte(c.body))
		if code != c.code || msg != c.message {
			t.Errorf("decodeError(%s) = %q, %q; want %q, %q", c.body, code, msg, c.code, c.message)
		}
	}
}

func TestHint(t *testing.T) {
	cases := []struct {
		status int
		code   string
		want   string
	}{
		{401, "UNAUTHORIZED 1010", "questionpro.datacenter"},
		{403, "FORBIDDEN 1013", "lacks rights"},
		{404, "NOT_FOUND 1040", "no such resource"},
		{429, "1013", "300 calls per 60 seconds"},
		{400, "BAD_REQUEST 1002", ""},
	}
	for _, c := range cases {
		got := hint(&apiclient.Error{Status: c.status, Code: c.code})
		if (c.want == "") != (got == "") || !strings.Contains(got, c.want) {
			t.Errorf("hint(%d %s) = %q, want it to contain %q", c.status, c.code, got, c.want)
		}
	}
}

func TestDatacenterBaseURL(t *testing.T) {
	want := map[string]string{
		"US": "https://api.questionpro.com/a/api/v2", "EU": "https://api.questionpro.eu/a/api/v2",
		"CA": "https://api.questionpro.ca/a/api/v2", "SG": "https://api.questionpro.sg/a/api/v2",
		"AU": "https://api.questionpro.au/a/api/v2", "AE": "https://api.questionpro.ae/a/api/v2",
		"SA": "https://api.surveyanalytics.com/a/api/v2", "KSA": "https://api.questionprosa.com/a/api/v2",
	}
	if len(Datacenters()) != len(want) {
		t.Fatalf("Datacenters() = %v", Datacenters())
	}
	for dc, url := range want {
		if got := DatacenterBaseURL(dc); got != url {
			t.Errorf("%s: %q, want %q", dc, got, url)
		}
	}
	if DatacenterBaseURL("us") != "" || DatacenterBaseURL("MARS") != "" {
		t.Error("unknown codes must map to nothing")
	}
}

func TestParseImportID(t *testing.T) {
	cases := []struct {
		in    string
		id    int64
		email string
		ok    bool
	}{
		{"1234567", 1234567, "", true},
		{"jane@example.com", 0, "jane@example.com", true},
		{"0", 0, "", false},
		{"-4", 0, "", false},
		{"1001/42", 0, "", false},
		{"not-an-email", 0, "", false},
		{"", 0, "", false},
	}
	for _, c := range cases {
		id, email, err := parseImportID(c.in)
		if (err == nil) != c.ok || id != c.id || email != c.email {
			t.Errorf("parseImportID(%q) = %d, %q, %v", c.in, id, email, err)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// The PUT body takes configured values from the plan and everything else
// from the server, so an update never resets an unmanaged field.
func TestExpandUserUpdateKeepsUnconfiguredServerValues(t *testing.T) {
	server := &User{UserID: 7, DepartmentID: 2002, FirstName: "Server", LastName: "Side", EmailAddress: "a@example.com", UserType: "License"}
	config := &userResourceModel{userModel: userModel{EmailAddress: types.StringValue("b@example.com"), LastName: types.StringValue("New"), FirstName: types.StringNull(), DepartmentID: types.Int64Null()}}
	plan := &userResourceModel{userModel: userModel{EmailAddress: types.StringValue("b@example.com"), LastName: types.StringValue("New"), FirstName: types.StringValue("stale"), DepartmentID: types.Int64Value(2001)}}
	got := expandUserUpdate(plan, config, server, nil)
	want := UserUpdate{DepartmentID: 2002, FirstName: "Server", LastName: "New", EmailAddress: "b@example.com"}
	if got != want {
		t.Fatalf("expandUserUpdate = %+v, want %+v", got, want)
	}
}

func TestPasswordOnUpdate(t *testing.T) {
	state := &userResourceModel{PasswordWOVersion: types.Int64Value(1), Password: types.StringNull()}
	bumped := &userResourceModel{PasswordWOVersion: types.Int64Value(2), Password: types.StringNull()}
	config := &userResourceModel{PasswordWO: types.StringValue("s3cret")}
	if p := passwordOnUpdate(bumped, config, state); p == nil || *p != "s3cret" {
		t.Fatalf("a version bump must send the write-only password, got %v", p)
	}
	if p := passwordOnUpdate(state, config, state); p != nil {
		t.Fatalf("no bump, no password; got %q", *p)
	}
	fallback := &userResourceModel{PasswordWOVersion: types.Int64Null(), Password: types.StringValue("new")}
	old := &userResourceModel{PasswordWOVersion: types.Int64Null(), Password: types.StringValue("old")}
	if p := passwordOnUpdate(fallback, &userResourceModel{PasswordWO: types.StringNull()}, old); p == nil || *p != "new" {
		t.Fatalf("a changed fallback password must be sent, got %v", p)
	}
	_ = ptr("")
}

func TestNamesInParentheses(t *testing.T) {
	cases := []struct {
		got, want string
	}{
		{nameNote(&User{FirstName: "Grace", LastName: "Hopper"}), " (Grace Hopper)"},
		{nameNote(&User{LastName: "Hopper"}), " (Hopper)"},
		{nameNote(&User{}), ""},
		{inParens("grace@example.com"), " (grace@example.com)"},
		{inParens(""), ""},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
