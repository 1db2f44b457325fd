package qacomplete

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// The import-ID parser must never panic, and whatever it accepts must be a
// department id with either a positive user id or an e-mail, which turns
// back into an equivalent ID.
func FuzzParseImportID(f *testing.F) {
	for _, s := range []string{"8162/24793", "8162/jane@example.com", "8162/", "/1", "0/1", "1/0", "a/b", "1/2/3", "-1/2", "9223372036854775808/1", "1/ jane@example.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		dept, user, email, err := parseImportID(id)
		if err != nil {
			if !strings.Contains(err.Error(), "<dept_id>/<user_id>") {
				t.Fatalf("error must show the accepted forms: %v", err)
			}
			return
		}
		if dept < 1 || (user < 1) == (email == "") {
			t.Fatalf("%q parsed to dept %d user %d email %q", id, dept, user, email)
		}
		again := fmt.Sprintf("%d/%d", dept, user)
		if email != "" {
			again = fmt.Sprintf("%d/%s", dept, email)
		}
		d2, u2, e2, err := parseImportID(again)
		if err != nil || d2 != dept || u2 != user || e2 != email {
			t.Fatalf("%q -> %q does not round-trip: %d %d %q %v", id, again, d2, u2, e2, err)
		}
	})
}

// The error decoder sees whatever a server or proxy sends: it must never
// panic and must return printable, bounded text.
func FuzzDecodeError(f *testing.F) {
	for _, s := range []string{`{"message":"Access is denied"}`, `{"Message":1}`, `<html><h1>404</h1></html>`, "", "null", `{"message":"` + strings.Repeat("x", 1000) + `"}`, "\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		_, msg := decodeError(400, nil, body)
		var obj map[string]any
		if json.Unmarshal(body, &obj) != nil && utf8.Valid(body) && len(msg) > 303 {
			t.Fatalf("non-JSON message not capped: %d bytes", len(msg))
		}
	})
}

// User decoding must accept any JSON object the server might send without
// panicking, and the mapping to the model must cope with every missing key.
func FuzzFlattenUser(f *testing.F) {
	for _, s := range []string{`{"id":1,"first_name":"A","is_active":true}`, `{}`, `{"id":-5,"primary_dept_id":null,"custom3":"x"}`, `{"id":1,"is_active":false,"email":null}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var u User
		if json.Unmarshal(body, &u) != nil {
			return
		}
		var m userResourceModel
		flattenUserToResource(8162, &u, &m)
		if m.ID.ValueString() != fmt.Sprintf("8162/%d", u.ID) || m.IsActive.ValueBool() != u.Active() {
			t.Fatalf("flatten lost the identity: %+v", m)
		}
		// With no prior value to keep, the resource reports what the data
		// sources report.
		if data := flattenUser(8162, &u); data != m.userModel {
			t.Fatalf("resource and data sources disagree:\n%+v\n%+v", m.userModel, data)
		}
	})
}
