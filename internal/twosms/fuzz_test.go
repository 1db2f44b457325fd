package twosms

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rsschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/validate"
)

const fuzzGUID = "5a1ca887-9ec4-4ae8-bf61-715056ea9e98"

// fuzzClientSecret is the client secret of the client FuzzFlattenUser's
// envelope errors are built by.
const fuzzClientSecret = "fuzz-Client-Secret-31f0"

func resourceSchema(tb testing.TB) resource.SchemaResponse {
	tb.Helper()
	var sr resource.SchemaResponse
	(&UserResource{}).Schema(context.Background(), resource.SchemaRequest{}, &sr)
	if sr.Diagnostics.HasError() {
		tb.Fatalf("schema: %v", sr.Diagnostics)
	}
	return sr
}

func emptyState(sr resource.SchemaResponse) tfsdk.State {
	return tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(context.Background()), nil)}
}

func dataSourceSchema(tb testing.TB, ds datasource.DataSource) dsschema.Schema {
	tb.Helper()
	var sr datasource.SchemaResponse
	ds.Schema(context.Background(), datasource.SchemaRequest{}, &sr)
	if sr.Diagnostics.HasError() {
		tb.Fatalf("schema: %v", sr.Diagnostics)
	}
	return sr.Schema
}

// nullState is a state in which every top-level attribute is null, as
// before a first read: models read from it have every field typed the
// way the framework types them at run time (timeouts included).
func nullState(tb testing.TB, sch interface {
	Type() attr.Type
}) tfsdk.State {
	tb.Helper()
	typ, ok := sch.Type().TerraformType(context.Background()).(tftypes.Object)
	if !ok {
		tb.Fatalf("schema type %T is not an object", typ)
	}
	nulls := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, t := range typ.AttributeTypes {
		nulls[name] = tftypes.NewValue(t, nil)
	}
	raw := tftypes.NewValue(typ, nulls)
	switch s := sch.(type) {
	case rsschema.Schema:
		return tfsdk.State{Schema: s, Raw: raw}
	case dsschema.Schema:
		return tfsdk.State{Schema: s, Raw: raw}
	}
	tb.Fatalf("unexpected schema %T", sch)
	return tfsdk.State{}
}

// The import ID is parsed inline in ImportState, so the target drives
// ImportState itself with a provider that has no 2sms credentials: an
// empty ID is refused, a GUID is stored (lower case, as 2sms writes it)
// without any lookup, and anything else goes to the user lookup (which,
// without credentials, reports them missing) and is never stored as an id.
func FuzzImportState(f *testing.F) {
	for _, s := range []string{
		fuzzGUID, strings.ToUpper(fuzzGUID), " " + fuzzGUID + "\n", "{" + fuzzGUID + "}", fuzzGUID + "\n",
		strings.ReplaceAll(fuzzGUID, "-", ""), "5a1ca887-9ec4-4ae8-bf61-715056ea9e9g", "grace.hopper", "grace@example.com",
		"", " \t\r\n", "\u00a0", "\u2028" + fuzzGUID,
	} {
		f.Add(s)
	}
	ctx := context.Background()
	sr := resourceSchema(f)
	r := &UserResource{conn: providerdata.ConnWith[Client](displayName, typeName, nil, providerdata.Missing{Attribute: "twosms.client_secret", EnvVar: EnvClientSecret})}
	f.Fuzz(func(t *testing.T, id string) {
		resp := resource.ImportStateResponse{State: emptyState(sr)}
		r.ImportState(ctx, resource.ImportStateRequest{ID: id}, &resp)
		var stored, userID, onDestroy types.String
		resp.State.GetAttribute(ctx, path.Root("id"), &stored)
		resp.State.GetAttribute(ctx, path.Root("user_id"), &userID)
		resp.State.GetAttribute(ctx, path.Root("on_destroy"), &onDestroy)
		trimmed := strings.TrimSpace(id)
		switch {
		case trimmed == "":
			if !hasError(resp, "Invalid import ID for "+typeName) || !stored.IsNull() {
				t.Fatalf("empty ID %q not refused: %v, id %v", id, resp.Diagnostics, stored)
			}
		case validate.IsGUID(trimmed):
			got := stored.ValueString()
			if resp.Diagnostics.HasError() || got != strings.ToLower(trimmed) || !validate.IsGUID(got) ||
				!userID.Equal(stored) || onDestroy.ValueString() != OnDestroyDisable {
				t.Fatalf("GUID %q imported as id %v user_id %v on_destroy %v: %v", id, stored, userID, onDestroy, resp.Diagnostics)
			}
		default:
			if !hasError(resp, providerdata.MissingSummary(displayName)) || !stored.IsNull() || !userID.IsNull() {
				t.Fatalf("%q should need a lookup, got id %v: %v", id, stored, resp.Diagnostics)
			}
		}
	})
}

func hasError(resp resource.ImportStateResponse, summary string) bool {
	for _, d := range resp.Diagnostics.Errors() {
		if d.Summary() == summary {
			return true
		}
	}
	return false
}

// The error decoder sees the Response<T> envelope, ASP.NET's Message with
// ModelState, OAuth errors, and whatever a proxy sends. It must never panic,
// must let a filled-in envelope error win, must give the same text for the
// same body, and must keep a body that is not JSON bounded.
func FuzzDecodeError(f *testing.F) {
	for _, s := range []string{
		`{"Error":{"ErrorCode":"UserNotFound","ErrorReason":"No such user"},"ResponseData":null}`,
		`{"Error":{"ErrorCode":null,"ErrorReason":"   "},"Message":"fallback"}`,
		`{"Error":"text","Message":"Authorization has been denied for this request."}`,
		`{"Message":"The request is invalid.","ModelState":{"user.EmailAddress":["Bad e-mail."]}}`,
		`{"Message":"","ModelState":{"a":["x"]},"error":"invalid_token"}`,
		`{"error":"invalid_client"}`, `{"Error":null}`, `[]`, `null`, `"x"`, `{}`, ``,
		"<html><body><h1>502 Bad Gateway</h1></body></html>", "  plain text \n", "\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		code, msg := decodeError(http.StatusBadRequest, nil, body)
		for range 20 {
			if c2, m2 := decodeError(http.StatusBadRequest, nil, body); c2 != code || m2 != msg {
				t.Fatalf("same body, different text: %q %q then %q %q", code, msg, c2, m2)
			}
		}
		var env struct {
			Error *envelopeError `json:"Error"`
		}
		if json.Unmarshal(body, &env) == nil && env.Error != nil && (deref(env.Error.ErrorCode) != "" || deref(env.Error.ErrorReason) != "") {
			if code != deref(env.Error.ErrorCode) || msg != deref(env.Error.ErrorReason) {
				t.Fatalf("envelope error %q/%q decoded as %q/%q", deref(env.Error.ErrorCode), deref(env.Error.ErrorReason), code, msg)
			}
		}
		if !json.Valid(body) && utf8.Valid(body) && len(msg) > 515 {
			t.Fatalf("non-JSON message not capped: %d bytes", len(msg))
		}
		e := &apiclient.Error{Status: http.StatusNotFound, Code: code, Message: msg, Body: string(body)}
		if hint(e) == "" {
			t.Fatalf("a 404 must come with a hint")
		}
		if !json.Valid(body) && IsUserNotFound(e) {
			t.Fatalf("a 404 without 2sms's envelope must not read as user not found: %q", body)
		}
	})
}

// A failed token request must never carry the client secret into the
// error, whatever the token endpoint answers and wherever it echoes the
// secret (body, OAuth code and description, a header): the text holds the
// secret only where it would hold any other secret's text too, and keeps
// the OAuth code and the status. The answer comes from a real server
// through the real token request, so the masking under test is the one
// every run gets.
func FuzzTokenFailure(f *testing.F) {
	f.Add(400, "invalid_client", "bad secret", "s3cr3t-Value", `{"error":"invalid_client","error_description":"bad secret %s"}`)
	f.Add(400, "invalid_grant", "", "0123456789abcdef", `grant_type=client_credentials&client_secret=%s`)
	f.Add(401, "%s", "echo", "p@ss/word+=", "")
	f.Add(500, "", "", "p@ss/word+=", `<html>%s</html>`)
	f.Add(503, "temporarily_unavailable", "%s", "hunter2hunter2", "")
	f.Add(200, "", "", "x-secret-x", `{"token_type":"bearer","note":"%s"}`)
	var (
		mu     sync.Mutex
		answer func(w http.ResponseWriter)
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		answer(w)
	}))
	f.Cleanup(srv.Close)
	f.Fuzz(func(t *testing.T, status int, code, description, secret, rawFormat string) {
		if secret == "" || status < 200 || status > 599 || status/100 == 3 {
			return // no secret to leak, or a status net/http gives meaning of its own
		}
		text := func(secret string) (string, *TokenError) {
			echo := func(s string) string { return strings.ReplaceAll(s, "%s", secret) }
			mu.Lock()
			answer = func(w http.ResponseWriter) {
				// A raw body, or the OAuth error body with the secret in
				// its code and description.
				body := echo(rawFormat) + secret
				if rawFormat == "" {
					b, _ := json.Marshal(map[string]string{"error": echo(code), "error_description": echo(description) + secret})
					body = string(b)
				}
				// No kept-alive connection per client built: a long fuzz
				// run would run out of file descriptors.
				w.Header().Set("Connection", "close")
				w.Header().Set("X-Echo", url.QueryEscape(secret))
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(status)
				_, _ = io.WriteString(w, body)
			}
			mu.Unlock()
			tokens := clientAt(t, srv.URL, "fuzz-client", secret, 0).tokens
			_, err := tokens.Token(context.Background())
			if err == nil {
				return "", nil // the answer holds a token after all
			}
			var te *TokenError
			if !errors.As(err, &te) {
				t.Fatalf("want a TokenError, got %T: %v", err, err)
			}
			return err.Error(), te
		}
		got, te := text(secret)
		if te == nil {
			return
		}
		other, _ := text(strings.Repeat("\x00", len(secret)+1))
		if strings.Contains(got, secret) && !strings.Contains(other, secret) {
			t.Fatalf("the secret %q leaked: %s", secret, got)
		}
		if te.Status != status {
			t.Fatalf("lost the status %d: %+v", status, te)
		}
		if want := strings.TrimSpace(code); rawFormat == "" && status >= 400 && want != "" && utf8.ValidString(code) && !strings.Contains(code, "%s") && !strings.Contains(want, secret) && te.Code != want {
			t.Fatalf("lost the OAuth code %q: %+v", want, te)
		}
	})
}

// Any JSON body a user call might answer must decode into the envelope and
// flatten into a model without panicking; the model keeps the user's
// identity and the configured spelling of its GUIDs, never stores a secret
// the server echoes, fits the resource schema and shows no drift on a
// second read; the data sources show the same user and their models fit
// their schemas; a filled-in envelope error is always reported; and the user
// goes back in a PUT exactly as it was read (an absent SSOEnabled stays
// absent).
func FuzzFlattenUser(f *testing.F) {
	for _, s := range []string{
		`{"Error":null,"ResponseData":{"Result":"OK","Detail":{"ID":"` + strings.ToUpper(fuzzGUID) + `","AccountID":"` + fuzzGUID + `","AdminUser":true,"DateCreated":"2023-05-17T09:30:15.1234567","DisplayName":"Grace Hopper","EmailAddress":"grace@example.com","Enabled":true,"LanguageID":"C0FFEE00-0000-4000-8000-000000000001","MobilePhone":"+44 7700 900042","Preferences":2,"SSOEnabled":true,"TimeZone":"GMT Standard Time","Username":"grace.hopper"}}}`,
		`{"ResponseData":{"Detail":{"ID":"not-a-guid","Password":"hunter2","Pin":"1234","SSOEnabled":null}}}`,
		`{"Error":{"ErrorCode":" UserNotFound ","ErrorReason":null},"ResponseData":null}`,
		`{"Error":{"ErrorCode":"  ","ErrorReason":"\t"},"ResponseData":{"Detail":{}}}`,
		`{"ResponseData":{"Detail":{"DateCreated":"2023-05-17T09:30:15.1234567+00:00","DeclineDate":null,"Preferences":-9223372036854775808}}}`,
		`{"ResponseData":{"Detail":{"DisplayName":"\ud800","Username":"\u0000"}}}`,
		`{"Error":{"ErrorCode":"Refused","ErrorReason":"client ` + fuzzClientSecret + ` may not do that"}}`,
		`{}`, `null`,
	} {
		f.Add([]byte(s))
	}
	ctx := context.Background()
	sr := resourceSchema(f)
	stateOf := func(t *testing.T, m *userResourceModel) tftypes.Value {
		t.Helper()
		st := emptyState(sr)
		if d := st.Set(ctx, m); d.HasError() {
			t.Fatalf("flattened model does not fit the schema: %v", d)
		}
		return st.Raw
	}
	oneSchema := dataSourceSchema(f, &UserDataSource{})
	listSchema := dataSourceSchema(f, &UsersDataSource{})
	// The blank models are read from null states, as the framework fills
	// them before a first read.
	var blank userResourceModel
	var blankOne userDataSourceModel
	var blankList usersDataSourceModel
	readInto := func(st tfsdk.State, model any) {
		if d := st.Get(ctx, model); d.HasError() {
			f.Fatalf("model %T does not fit its schema: %v", model, d)
		}
	}
	readInto(nullState(f, sr.Schema), &blank)
	readInto(nullState(f, oneSchema), &blankOne)
	readInto(nullState(f, listSchema), &blankList)
	h, err := apiclient.New(apiclient.Config{Vendor: vendorKey, DisplayName: displayName, BaseURL: &url.URL{Scheme: "https", Host: "portal.2sms.com"}, Secrets: []string{fuzzClientSecret}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var env envelope[User]
		if json.Unmarshal(body, &env) != nil {
			return
		}
		failed := envelopeFailure(h, apiclient.Request{Method: http.MethodGet, Path: userPath("x") + "?q=1"}, &apiclient.Response{Status: http.StatusOK, Body: body}, env.Error)
		wantFail := env.Error != nil && (strings.TrimSpace(deref(env.Error.ErrorCode)) != "" || strings.TrimSpace(deref(env.Error.ErrorReason)) != "")
		if (failed != nil) != wantFail {
			t.Fatalf("envelope error %+v: failure %v", env.Error, failed)
		}
		if e, ok := apiclient.AsError(failed); wantFail && (!ok || strings.Contains(e.Path, "?") || e.Code != strings.TrimSpace(e.Code) || e.Message != strings.TrimSpace(e.Message)) {
			t.Fatalf("envelope failure badly formed: %+v", e)
		}
		if e, ok := apiclient.AsError(failed); ok && strings.Contains(e.Detail()+e.Body, fuzzClientSecret) {
			t.Fatalf("an envelope error echoing the client secret kept it: %v", failed)
		}
		if env.ResponseData == nil {
			return
		}
		u := &env.ResponseData.Detail

		m := blank
		m.refresh(u)
		if m.ID.ValueString() != normalizeGUID(u.ID) || !m.UserID.Equal(m.ID) || !sameGUID(m.ID.ValueString(), u.ID) ||
			m.AccountID.ValueString() != normalizeGUID(u.AccountID) || m.Username.ValueString() != deref(u.Username) ||
			m.Enabled.ValueBool() != u.Enabled || m.SSOEnabled.ValueBool() != isTrue(u.SSOEnabled) {
			t.Fatalf("flatten lost the identity of %+v: %+v", u, m)
		}
		if !m.Password.IsNull() || !m.Pin.IsNull() || !m.PasswordWO.IsNull() || !m.PinWO.IsNull() {
			t.Fatalf("a secret the server sent reached the state: %+v", m)
		}
		first := stateOf(t, &m)
		again := m
		again.refresh(u)
		if !stateOf(t, &again).Equal(first) {
			t.Fatalf("reading the same user twice shows drift")
		}

		prior := m
		prior.ID = types.StringValue(strings.ToUpper(u.ID))
		prior.UserID = prior.ID
		prior.AccountID = types.StringValue(strings.ToUpper(u.AccountID))
		prior.LanguageID = types.StringValue(strings.ToUpper(u.LanguageID))
		want := prior
		prior.refresh(u)
		if validate.IsGUID(u.ID) && (!prior.ID.Equal(want.ID) || !prior.UserID.Equal(want.UserID)) ||
			validate.IsGUID(u.AccountID) && !prior.AccountID.Equal(want.AccountID) ||
			validate.IsGUID(u.LanguageID) && !prior.LanguageID.Equal(want.LanguageID) {
			t.Fatalf("a GUID's letter case shows as drift: %+v", prior)
		}
		stateOf(t, &prior)

		// The data sources show the user the resource shows, and their
		// models fit their schemas.
		one := blankOne
		one.userModel = flattenUser(u)
		one.ID = one.UserID
		if one.userModel != m.userModel {
			t.Fatalf("the data source and the resource read the same user differently:\n%+v\n%+v", one.userModel, m.userModel)
		}
		list := blankList
		list.Users = []userModel{flattenUser(u)}
		oneState, listState := nullState(t, oneSchema), nullState(t, listSchema)
		if d := oneState.Set(ctx, &one); d.HasError() {
			t.Fatalf("the flattened user does not fit the saas_twosms_admin_user data source: %v", d)
		}
		if d := listState.Set(ctx, &list); d.HasError() {
			t.Fatalf("the flattened user does not fit the saas_twosms_admin_users data source: %v", d)
		}

		// The PUT body is the user as read: it decodes back to the same
		// user, and never invents SSOEnabled.
		put, err := json.Marshal(u)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		var back User
		if err := json.Unmarshal(put, &back); err != nil || !reflect.DeepEqual(&back, u) {
			t.Fatalf("PUT body %s does not give back the user read (%v)", put, err)
		}
		if u.SSOEnabled == nil && strings.Contains(string(put), `"SSOEnabled"`) {
			t.Fatalf("PUT body invents SSOEnabled: %s", put)
		}
	})
}
