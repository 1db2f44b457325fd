package questionpro

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The import-ID parser must never panic, and whatever it accepts (a
// positive user id or an e-mail) must parse again to the same values.
func FuzzParseImportID(f *testing.F) {
	for _, s := range []string{"1234567", "jane@example.com", "0", "-1", "", " 42 ", "9223372036854775808", "jane", "a@b.c", "1e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		userID, email, err := parseImportID(id)
		if err != nil {
			if !strings.Contains(err.Error(), "user id or an e-mail address") {
				t.Fatalf("error must say what is accepted: %v", err)
			}
			return
		}
		if (userID < 1) == (email == "") {
			t.Fatalf("%q parsed to user %d email %q: want exactly one", id, userID, email)
		}
		again := email
		if email == "" {
			again = strconv.FormatInt(userID, 10)
		}
		u2, e2, err := parseImportID(again)
		if err != nil || u2 != userID || e2 != email {
			t.Fatalf("%q -> %q does not round-trip: %d %q %v", id, again, u2, e2, err)
		}
	})
}

// The error decoder sees whatever the API or a proxy sends: it never
// panics, never invents a code for a body without the error envelope, and
// keeps non-envelope text to one bounded, valid line.
func FuzzDecodeError(f *testing.F) {
	for _, s := range []string{
		`{"response":{"error":{"name":"UNAUTHORIZED","id":1010,"message":"Incorrect API Key","httpStatusCode":401}}}`,
		`{"response":{"error":{"name":"NOT_FOUND","id":"1040","message":"x"}}}`,
		`{"response":{"error":null}}`, `{"response":{}}`, `<html><h1>502</h1></html>`, "", "null", "\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		code, msg := decodeError(400, nil, body)
		code2, msg2 := decodeError(400, nil, body)
		if code != code2 || msg != msg2 {
			t.Fatal("the same body must decode the same way")
		}
		var env struct {
			Response struct {
				Error json.RawMessage `json:"error"`
			} `json:"response"`
		}
		isEnvelope := json.Unmarshal(body, &env) == nil && len(env.Response.Error) > 0 && string(env.Response.Error) != "null"
		if !isEnvelope {
			if code != "" {
				t.Fatalf("no envelope, yet code %q", code)
			}
			if len(msg) > 303 || strings.Contains(msg, "\n") || !utf8.ValidString(msg) {
				t.Fatalf("fallback text must be one bounded, valid line: %q", msg)
			}
		}
	})
}

// Any user object the API might send maps onto the model without panicking,
// keeps its identity, records the user exactly as the data sources do, keeps
// the configured password (the API never returns one) and never puts the
// write-only password into state.
func FuzzFlattenUser(f *testing.F) {
	for _, s := range []string{`{"userID":3001,"emailAddress":"a@example.com","organizationID":1001}`, `{}`, `{"userID":-1,"password":"x"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var u User
		if json.Unmarshal(body, &u) != nil {
			return
		}
		m := userResourceModel{Password: types.StringValue("configured"), PasswordWO: types.StringValue("write-only")}
		m.setUser(&u)
		if m.ID.ValueString() != strconv.FormatInt(u.UserID, 10) || m.EmailAddress.ValueString() != u.EmailAddress {
			t.Fatalf("flatten lost the identity: %+v", m)
		}
		if !m.PasswordWO.IsNull() {
			t.Fatal("a write-only password must never be in state")
		}
		if m.Password.ValueString() != "configured" {
			t.Fatalf("the configured password must be kept, got %v", m.Password)
		}
		if d := flattenUser(&u); d != m.userModel {
			t.Fatalf("the resource records the user otherwise than the data sources: %+v, %+v", m.userModel, d)
		}
	})
}
