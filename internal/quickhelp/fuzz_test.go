package quickhelp

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// The import-ID parser must never panic, and whatever it accepts is an
// optional positive customer id with either a positive user id or an
// e-mail, which turns back into an ID that parses to the same values.
func FuzzParseImportID(f *testing.F) {
	for _, s := range []string{
		"4711", "jane@example.com", "1002/jane@example.com", "1002/4711", "0/4711", "1002/0", "-1/5", "1002/",
		"/4711", "+5", "007", "2147483647", "2147483648", "1/2/3", "1/a/b@example.com", "a/b@example.com",
		" jane@example.com", "jane@example.com ", "Jane <jane@example.com>", "jane@localhost", "1002/-7", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		customer, user, email, err := parseImportID(id)
		if err != nil {
			if msg := err.Error(); !strings.Contains(msg, "<user_id>") || !strings.Contains(msg, "<email>") || !strings.Contains(msg, "<customer_id>/") {
				t.Fatalf("error must show the accepted forms: %v", err)
			}
			if customer != 0 || user != 0 || email != "" {
				t.Fatalf("%q rejected but returned %d %d %q", id, customer, user, email)
			}
			return
		}
		if customer < 0 || (user < 1) == (email == "") || user < 0 {
			t.Fatalf("%q parsed to customer %d user %d email %q", id, customer, user, email)
		}
		if email != "" && (strings.TrimSpace(email) != email || !strings.Contains(email, "@")) {
			t.Fatalf("%q accepted a malformed e-mail %q", id, email)
		}
		again := email
		if user > 0 {
			again = strconv.FormatInt(user, 10)
		}
		if customer > 0 {
			again = strconv.FormatInt(customer, 10) + "/" + again
		}
		c2, u2, e2, err := parseImportID(again)
		if err != nil || c2 != customer || u2 != user || e2 != email {
			t.Fatalf("%q -> %q does not round-trip: %d %d %q %v", id, again, c2, u2, e2, err)
		}
	})
}

// The error decoder sees whatever the gateway, the backend or a proxy sends.
// It must never panic, never invent a code, give the same text for the same
// body, and keep a body that is not JSON to one bounded line.
func FuzzDecodeError(f *testing.F) {
	for _, s := range []string{
		`{"statusCode":401,"message":"Access denied due to missing subscription key."}`,
		`{"message":"Authorization has been denied for this request."}`,
		`{"email":{"value":{"attemptedValue":"x"},"errors":[{"exception":null,"errorMessage":"Bad e-mail."}]}}`,
		`{"roles[0]":{"errors":[{"exception":{"message":"Not a Guid."},"errorMessage":""}]},"email":{"errors":[{"errorMessage":"Bad."}]}}`,
		`{"message":"The request is invalid.","modelState":{"roles[0]":["Not a Guid."],"email":["Bad."],"customerId":[]}}`,
		`{"a":{"errors":[]}}`, `{"a":{"errors":null},"b":{"errors":[{"errorMessage":"x"}]}}`,
		`{"modelState":null,"message":1}`, `[]`, `null`, `"text"`, `{}`, ``,
		"<html>\n<body><h1>502 Bad Gateway</h1></body>\n</html>", strings.Repeat("é", 400), "\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		code, msg := decodeError(http.StatusBadRequest, nil, body)
		if code != "" {
			t.Fatalf("QuickHelp sends no error codes, decoder invented %q", code)
		}
		if c2, m2 := decodeError(http.StatusBadRequest, nil, body); c2 != code || m2 != msg {
			t.Fatalf("same body, different text: %q then %q", msg, m2)
		}
		if !json.Valid(body) && utf8.Valid(body) {
			if len(msg) > 303 {
				t.Fatalf("non-JSON message not capped: %d bytes", len(msg))
			}
			if strings.ContainsAny(msg, "\r\n\t") {
				t.Fatalf("non-JSON message not kept to one line: %q", msg)
			}
		}
		// The attributes a 400 names are sorted, unique and all real.
		attrs := offendingAttributes(body)
		if !slices.IsSorted(attrs) || len(slices.Compact(slices.Clone(attrs))) != len(attrs) {
			t.Fatalf("offending attributes not sorted and unique: %v", attrs)
		}
		known := map[string]bool{}
		for _, a := range attributeFor {
			known[a] = true
		}
		for _, a := range attrs {
			if !known[a] {
				t.Fatalf("offending attribute %q is not a resource attribute", a)
			}
		}
		if len(attrs) > 0 && !strings.HasPrefix(msg, "invalid fields: ") {
			t.Fatalf("a body naming %v decoded to %q", attrs, msg)
		}
		_ = hint(&apiclient.Error{Status: http.StatusBadRequest, Message: msg, Body: string(body)})
	})
}

// Any JSON object the list might send must decode into the wire structs and
// flatten into a model without panicking or error diagnostics; the model
// keeps the user's identity, fits the resource schema, shows no drift when
// the same record is read again, and keeps the configured letter case of an
// e-mail and of role GUIDs that the server spells differently. The data
// sources' model of the same record fits their schema.
func FuzzFlattenUser(f *testing.F) {
	for _, s := range []string{
		`{"records":[{"userId":4711,"firstName":"Grace","lastName":"Hopper","email":"grace@example.com","roles":[{"id":"3F8E2A10-5B1C-4D7E-9A01-000000000005","name":"User Admin"}],"groups":[{"id":7,"name":"Pioneers"}],"licenseIssued":true,"jobTitle":null,"department":"Navy","country":"US","sso":{"userId":"ghopper","customFields":[{"name":"team","value":null}]}}],"totalCount":1,"page":1,"pageSize":100}`,
		`{"records":[{}]}`,
		`{"records":[{"userId":-1,"roles":[{"id":"a"},{"id":"b"}],"sso":{}}]}`,
		`{"records":[{"userId":9223372036854775807,"email":"ÉMILE@EXAMPLE.COM","roles":null,"groups":null,"sso":null}]}`,
		`{"records":null,"totalCount":-5}`,
		`{"records":[{"email":"x\u0000y","roles":[{"id":"\u00ff"}]},{"userId":2}]}`,
	} {
		f.Add([]byte(s))
	}
	ctx := context.Background()
	var sr resource.SchemaResponse
	(&UserResource{}).Schema(ctx, resource.SchemaRequest{}, &sr)
	if sr.Diagnostics.HasError() {
		f.Fatalf("schema: %v", sr.Diagnostics)
	}
	var dsr datasource.SchemaResponse
	(&UserDataSource{}).Schema(ctx, datasource.SchemaRequest{}, &dsr)
	if dsr.Diagnostics.HasError() {
		f.Fatalf("data source schema: %v", dsr.Diagnostics)
	}
	dataStateOf := func(t *testing.T, m *userDataSourceModel) {
		t.Helper()
		st := tfsdk.State{Schema: dsr.Schema, Raw: tftypes.NewValue(dsr.Schema.Type().TerraformType(ctx), nil)}
		if d := st.Set(ctx, m); d.HasError() {
			t.Fatalf("flattened data source model does not fit the schema: %v", d)
		}
	}
	stateOf := func(t *testing.T, m *userResourceModel) tftypes.Value {
		t.Helper()
		st := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)}
		if d := st.Set(ctx, m); d.HasError() {
			t.Fatalf("flattened model does not fit the schema: %v", d)
		}
		return st.Raw
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var list UserList
		if json.Unmarshal(body, &list) != nil {
			return
		}
		for i := range list.Records {
			u := &list.Records[i]
			// Terraform always hands the resource a typed (if null) timeouts.
			m := userResourceModel{Timeouts: nullResourceTimeouts}
			if d := flattenUser(ctx, u, &m); d.HasError() {
				t.Fatalf("flatten failed: %v", d)
			}
			if m.ID.ValueString() != strconv.FormatInt(u.UserID, 10) || m.UserID.ValueInt64() != u.UserID ||
				m.Email.ValueString() != deref(u.Email) || m.Licensed.ValueBool() != u.LicenseIssued {
				t.Fatalf("flatten lost the identity of %+v: %+v", u, m)
			}
			var roles []string
			if d := m.Roles.ElementsAs(ctx, &roles, false); d.HasError() || !sameSet(roles, roleIDs(u)) {
				t.Fatalf("roles %v, server has %v (%v)", roles, roleIDs(u), d)
			}
			first := stateOf(t, &m)

			again := m
			if d := flattenUser(ctx, u, &again); d.HasError() || !stateOf(t, &again).Equal(first) {
				t.Fatalf("reading the same record twice shows drift: %v", d)
			}

			// A configuration spelling the e-mail and role GUIDs in upper
			// case keeps its spelling.
			prior := m
			prior.Email = types.StringValue(asciiUpper(deref(u.Email)))
			upper := make([]string, len(roles))
			for j, r := range roles {
				upper[j] = asciiUpper(r)
			}
			prior.Roles, _ = types.SetValueFrom(ctx, types.StringType, upper)
			wantRoles := prior.Roles
			if d := flattenUser(ctx, u, &prior); d.HasError() {
				t.Fatalf("flatten over a prior state failed: %v", d)
			}
			if prior.Email.ValueString() != asciiUpper(deref(u.Email)) || !prior.Roles.Equal(wantRoles) {
				t.Fatalf("letter case shows as drift: email %q roles %v", prior.Email.ValueString(), prior.Roles)
			}
			stateOf(t, &prior)

			data, d := flattenUserData(u)
			if d.HasError() {
				t.Fatalf("data source flatten failed: %v", d)
			}
			if data.UserID.ValueInt64() != u.UserID || len(data.Roles) != len(u.Roles) || len(data.Groups.Elements()) != len(u.Groups) || data.SSO.IsNull() != (u.SSO == nil) {
				t.Fatalf("data source flatten lost fields of %+v: %+v", u, data)
			}
			dataStateOf(t, &userDataSourceModel{ID: m.ID, CustomerID: types.Int64Null(), userDataModel: data, Timeouts: nullDataTimeouts})
		}
	})
}

// Null timeouts of the right type, as Terraform sends them when the
// configuration sets none.
var (
	nullResourceTimeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "read": types.StringType, "update": types.StringType, "delete": types.StringType,
	})}
	nullDataTimeouts = dstimeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"read": types.StringType})}
)

// sameSet compares string multisets ignoring order and repeats.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// asciiUpper upper-cases ASCII letters only, so the result always equals
// the input under strings.EqualFold.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}
