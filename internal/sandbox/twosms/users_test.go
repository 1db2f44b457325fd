package twosms

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestListUsers(t *testing.T) {
	tests := []struct {
		query    string
		wantCode int
		want     []string
	}{
		{"", 200, []string{"ada", "alice", "bob"}},
		{"?IncludeSuperUsers=false", 200, []string{"ada", "alice", "bob"}},
		{"?IncludeSuperUsers=true", 200, []string{"ada", "alice", "bob", "root"}},
		{"?includesuperusers=True", 200, []string{"ada", "alice", "bob", "root"}},
		{"?IncludeSuperUsers=", 200, []string{"ada", "alice", "bob"}},
		{"?IncludeSuperUsers=yes", 400, nil},
		{"?IncludeSuperUsers=1", 400, nil},
	}
	h := newHarness(t, Options{}, fixture)
	tok := h.adminToken()
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rec := h.api("GET", "/api/v1/admin/users"+tt.query, tok, "")
			if rec.Code != tt.wantCode {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.wantCode, rec.Body)
			}
			if tt.wantCode != 200 {
				if !strings.Contains(rec.Body.String(), `"Message":"The request is invalid."`) {
					t.Errorf("body %s", rec.Body)
				}
				return
			}
			env := decodeEnvelope(t, rec)
			if got := detailUsernames(t, env); !slices.Equal(got, tt.want) {
				t.Errorf("users %v, want %v", got, tt.want)
			}
		})
	}
}

func TestListUsers_EmptyIsArray(t *testing.T) {
	h := newHarness(t, Options{}, `{"clients":[{"client_id":"c","client_secret":"s"}],"users":[]}`)
	rec := h.api("GET", "/api/v1/admin/users", h.token("c", "s").AccessToken, "")
	if !strings.Contains(rec.Body.String(), `"Detail":[]`) {
		t.Errorf("body %s", rec.Body)
	}
}

func TestGetAllUsers(t *testing.T) {
	tests := []struct {
		name     string
		client   string
		query    string
		wantCode int
		wantErr  string
		want     []string
	}{
		{name: "caller's account", client: "admin", want: []string{"ada", "alice"}},
		{name: "unbound client gets the first account", client: "account", want: []string{"ada", "alice"}},
		{name: "one account", client: "admin", query: "?accountID=" + acctBranch, want: []string{"bob"}},
		{name: "upper-case GUID", client: "admin", query: "?accountid=" + strings.ToUpper(acctBranch), want: []string{"bob"}},
		{name: "unknown account", client: "admin", query: "?accountID=" + idMissing, wantErr: codeAcctNotFound},
		{name: "malformed GUID", client: "admin", query: "?accountID=branch", wantCode: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Options{}, fixture)
			tok := h.token(tt.client+"-client", tt.client+"-secret").AccessToken
			rec := h.api("GET", "/api/v1/UserAdminAPI/GetAllUsers"+tt.query, tok, "")
			wantCode := tt.wantCode
			if wantCode == 0 {
				wantCode = 200
			}
			if rec.Code != wantCode {
				t.Fatalf("status %d, want %d: %s", rec.Code, wantCode, rec.Body)
			}
			if wantCode != 200 {
				return
			}
			env := decodeEnvelope(t, rec)
			if env.code() != tt.wantErr {
				t.Fatalf("ErrorCode %q, want %q", env.code(), tt.wantErr)
			}
			if tt.wantErr != "" {
				if string(env.ResponseData.Detail) != "null" {
					t.Errorf("Detail %s on an error", env.ResponseData.Detail)
				}
				return
			}
			if got := detailUsernames(t, env); !slices.Equal(got, tt.want) {
				t.Errorf("users %v, want %v", got, tt.want)
			}
		})
	}
}

func TestGetUser(t *testing.T) {
	tests := []struct {
		name     string
		opts     Options
		id       string
		wantCode int
		wantErr  string
	}{
		{name: "found", id: idBob, wantCode: 200},
		{name: "upper case", id: strings.ToUpper(idBob), wantCode: 200},
		{name: "braces", id: "{" + idBob + "}", wantCode: 200},
		{name: "no hyphens", id: strings.ReplaceAll(idBob, "-", ""), wantCode: 200},
		{name: "super user", id: idRoot, wantCode: 200},
		{name: "unknown", id: idMissing, wantCode: 200, wantErr: codeUserNotFound},
		{name: "unknown on 404", opts: Options{NotFoundStatus: 404}, id: idMissing, wantCode: 404, wantErr: codeUserNotFound},
		{name: "not a GUID", id: "bob", wantCode: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.opts, fixture)
			rec := h.api("GET", "/api/v1/admin/users/"+tt.id, h.adminToken(), "")
			if rec.Code != tt.wantCode {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.wantCode, rec.Body)
			}
			if rec.Code == 400 {
				if !strings.Contains(rec.Body.String(), `"Message":"The request is invalid."`) {
					t.Errorf("body %s", rec.Body)
				}
				return
			}
			env := decodeEnvelope(t, rec)
			if env.code() != tt.wantErr {
				t.Fatalf("ErrorCode %q, want %q: %s", env.code(), tt.wantErr, rec.Body)
			}
			if tt.wantErr != "" {
				if env.ResponseData.Result != resultFailure || string(env.ResponseData.Detail) != "null" || env.reason() == "" {
					t.Errorf("error envelope %s", rec.Body)
				}
				return
			}
			u := detailUser(t, env)
			if id, _ := u["ID"].(string); id != idBob && id != idRoot {
				t.Errorf("ID %v", u["ID"])
			}
		})
	}
}

func TestGetUser_WireFields(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	u := h.getUser(h.adminToken(), idBob)
	want := map[string]any{
		"ID":                   idBob,
		"AgreementDate":        "2024-01-02T03:04:05.1234567+00:00",
		"AccountID":            acctBranch,
		"AdminUser":            false,
		"DateCreated":          "2024-03-28T08:12:49.0000000+00:00",
		"DateModified":         "2024-03-28T08:12:49.0000000+00:00",
		"DeclineDate":          "2024-02-03T04:05:06.0000000+00:00",
		"DisplayName":          "Bob",
		"DPAVersion":           "2.1",
		"EmailAddress":         "bob@example.com",
		"Enabled":              true,
		"LanguageID":           langFR,
		"MobilePhone":          "+61 (4) 1234-5678",
		"Password":             nil,
		"Pin":                  nil,
		"Preferences":          float64(3),
		"PrivacyPolicyVersion": "3.4",
		"SSOEnabled":           true,
		"TimeZone":             "AUS Eastern Standard Time",
		"Username":             "bob",
		"UserPassword":         nil,
	}
	if len(u) != len(want) {
		t.Errorf("%d fields, want %d: %v", len(u), len(want), u)
	}
	for k, v := range want {
		if got, ok := u[k]; !ok || got != v {
			t.Errorf("%s = %#v, want %#v", k, got, v)
		}
	}
}

func TestGetUser_MaskSecretsOnRead(t *testing.T) {
	h := newHarness(t, Options{MaskSecretsOnRead: true}, fixture)
	tok := h.adminToken()
	bob := h.getUser(tok, idBob)
	if bob["Password"] != maskedSecret || bob["Pin"] != maskedSecret {
		t.Errorf("bob's secrets %v %v, want masks", bob["Password"], bob["Pin"])
	}
	alice := h.getUser(tok, idAlice)
	if alice["Password"] != nil || alice["Pin"] != nil {
		t.Errorf("alice's secrets %v %v, want null", alice["Password"], alice["Pin"])
	}
}

func TestPutUser_ReadOnlyFieldsIgnored(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	tok := h.adminToken()
	before := h.getUser(tok, idBob)
	h.clock.Advance(time.Hour)

	body := putBody(t, before, map[string]any{
		"ID":                   idAlice,
		"AgreementDate":        "2030-01-01T00:00:00.0000000+00:00",
		"DeclineDate":          jsonNull,
		"DPAVersion":           "9.9",
		"PrivacyPolicyVersion": "9.9",
		"AccountID":            acctMain,
		"DateCreated":          "2030-01-01T00:00:00+00:00",
		"DateModified":         "2030-01-01T00:00:00+00:00",
		"AdminUser":            true,
		"UserPassword":         "caller-password",
		"DisplayName":          "Robert",
	})
	rec := h.api("PUT", "/api/v1/admin/users/"+idBob, tok, body)
	env := decodeEnvelope(t, rec)
	if rec.Code != 200 || env.code() != "" {
		t.Fatalf("PUT: %d %s", rec.Code, rec.Body)
	}
	after := detailUser(t, env)
	for _, k := range []string{"ID", "AgreementDate", "DeclineDate", "DPAVersion", "PrivacyPolicyVersion", "AccountID", "DateCreated", "AdminUser"} {
		if after[k] != before[k] {
			t.Errorf("%s changed from %v to %v", k, before[k], after[k])
		}
	}
	if after["DisplayName"] != "Robert" {
		t.Errorf("DisplayName %v", after["DisplayName"])
	}
	if want := wireTime(wireTruncate(epoch.Add(time.Hour))); after["DateModified"] != want {
		t.Errorf("DateModified %v, want %v", after["DateModified"], want)
	}
	if got := h.getUser(tok, idBob); got["DisplayName"] != "Robert" || got["AgreementDate"] != before["AgreementDate"] {
		t.Errorf("stored user %v", got)
	}
	if got := h.getUser(tok, idAlice); got["DisplayName"] != "Alice" {
		t.Errorf("body ID touched another user: %v", got)
	}
}

func TestPutUser_OmittedFields(t *testing.T) {
	requiredOnly := func(t *testing.T, h *harness) string {
		return putBody(t, h.getUser(h.adminToken(), idBob), map[string]any{
			"Pin": remove, "Preferences": remove, "SSOEnabled": remove, "Password": remove,
			"AgreementDate": remove, "DeclineDate": remove, "DPAVersion": remove, "PrivacyPolicyVersion": remove,
			"AdminUser": remove,
		})
	}
	tests := []struct {
		name      string
		opts      Options
		body      func(*testing.T, *harness) string
		wantPin   string
		wantPrefs float64
		wantSSO   bool
		wantAdmin bool
	}{
		{name: "reset by default", body: requiredOnly, wantPin: "", wantPrefs: 0, wantSSO: false},
		{name: "kept with MergeOmittedFields", opts: Options{MergeOmittedFields: true}, body: requiredOnly, wantPin: "4321", wantPrefs: 3, wantSSO: true},
		{
			name: "explicit null Pin is random-PIN", opts: Options{MergeOmittedFields: true},
			body: func(t *testing.T, h *harness) string {
				return putBody(t, h.getUser(h.adminToken(), idBob), map[string]any{"Pin": jsonNull, "Password": jsonNull})
			},
			wantPin: "", wantPrefs: 3, wantSSO: true,
		},
		{
			name: "AdminUser omitted resets with PutSetsAdminUser", opts: Options{PutSetsAdminUser: true},
			body: func(t *testing.T, h *harness) string {
				_ = h.e.SetUserField(idBob, "AdminUser", true)
				return requiredOnly(t, h)
			},
			wantAdmin: false,
		},
		{
			name: "AdminUser omitted kept by default",
			body: func(t *testing.T, h *harness) string {
				_ = h.e.SetUserField(idBob, "AdminUser", true)
				return requiredOnly(t, h)
			},
			wantAdmin: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.opts, fixture)
			rec := h.api("PUT", "/api/v1/admin/users/"+idBob, h.adminToken(), tt.body(t, h))
			env := decodeEnvelope(t, rec)
			if rec.Code != 200 || env.code() != "" {
				t.Fatalf("PUT: %d %s", rec.Code, rec.Body)
			}
			u := detailUser(t, env)
			if got := h.e.PIN(idBob); got != tt.wantPin {
				t.Errorf("PIN %q, want %q", got, tt.wantPin)
			}
			if got := h.e.Password(idBob); got != "bob-password" {
				t.Errorf("Password %q, want it unchanged", got)
			}
			if u["Preferences"] != tt.wantPrefs || u["SSOEnabled"] != tt.wantSSO || u["AdminUser"] != tt.wantAdmin {
				t.Errorf("Preferences %v SSOEnabled %v AdminUser %v", u["Preferences"], u["SSOEnabled"], u["AdminUser"])
			}
			if u["AgreementDate"] != "2024-01-02T03:04:05.1234567+00:00" || u["DPAVersion"] != "2.1" {
				t.Errorf("read-only fields lost by omission: %v %v", u["AgreementDate"], u["DPAVersion"])
			}
		})
	}
}

func TestPutUser_MergeKeepsRequiredFields(t *testing.T) {
	h := newHarness(t, Options{MergeOmittedFields: true}, fixture)
	tok := h.adminToken()
	rec := h.api("PUT", "/api/v1/admin/users/"+idBob, tok, `{"DisplayName":"Robert"}`)
	env := decodeEnvelope(t, rec)
	if env.code() != "" {
		t.Fatalf("PUT: %s", rec.Body)
	}
	u := detailUser(t, env)
	if u["DisplayName"] != "Robert" || u["Username"] != "bob" || u["Enabled"] != true || u["LanguageID"] != langFR {
		t.Errorf("merged user %v", u)
	}
	rec = h.api("PUT", "/api/v1/admin/users/"+idBob, tok, `{"Username":null}`)
	if env := decodeEnvelope(t, rec); !strings.Contains(env.reason(), msgRequired("Username")) {
		t.Errorf("explicit null Username: %s", rec.Body)
	}
}

func TestPutUser_PasswordAndPin(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	tok := h.adminToken()
	body := putBody(t, h.getUser(tok, idAlice), map[string]any{"Password": "n3w-Passw0rd", "Pin": "1234"})
	rec := h.api("PUT", "/api/v1/admin/users/"+idAlice, tok, body)
	env := decodeEnvelope(t, rec)
	if env.code() != "" {
		t.Fatalf("PUT: %s", rec.Body)
	}
	if strings.Contains(rec.Body.String(), "n3w-Passw0rd") || strings.Contains(rec.Body.String(), "1234") {
		t.Errorf("PUT answer echoes a secret: %s", rec.Body)
	}
	if got := h.e.Password(idAlice); got != "n3w-Passw0rd" {
		t.Errorf("Password %q", got)
	}
	if got := h.e.PIN(idAlice); got != "1234" {
		t.Errorf("PIN %q", got)
	}
	if u := h.getUser(tok, idAlice); u["Password"] != nil || u["Pin"] != nil {
		t.Errorf("GET echoes secrets: %v %v", u["Password"], u["Pin"])
	}
	// An empty Password is "unchanged", not a blank password.
	body = putBody(t, h.getUser(tok, idAlice), map[string]any{"Password": "", "Pin": "1234"})
	h.api("PUT", "/api/v1/admin/users/"+idAlice, tok, body)
	if got := h.e.Password(idAlice); got != "n3w-Passw0rd" {
		t.Errorf("Password after an empty one: %q", got)
	}
}

func TestPutUser_AdminUserWithPutSetsAdminUser(t *testing.T) {
	h := newHarness(t, Options{PutSetsAdminUser: true}, fixture)
	tok := h.adminToken()
	body := putBody(t, h.getUser(tok, idAlice), map[string]any{"AdminUser": true})
	env := decodeEnvelope(t, h.api("PUT", "/api/v1/admin/users/"+idAlice, tok, body))
	if u := detailUser(t, env); u["AdminUser"] != true {
		t.Errorf("AdminUser %v", u["AdminUser"])
	}
}

func TestPutUser_Validation(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		changes map[string]any
		want    string // "" means accepted; otherwise a fragment of ErrorReason
	}{
		{name: "phone with country code, brackets and dash", changes: map[string]any{"MobilePhone": "+44 (0) 1234-567"}},
		{name: "phone of five digits", changes: map[string]any{"MobilePhone": "12345"}},
		{name: "phone of twenty digits after a plus", changes: map[string]any{"MobilePhone": "+" + strings.Repeat("1", 20)}},
		{name: "phone of four digits", changes: map[string]any{"MobilePhone": "1234"}, want: msgPattern("MobilePhone", phonePatternDoc)},
		{name: "phone padded to five with too few digits", changes: map[string]any{"MobilePhone": "12-34"}, want: "MobilePhone must match"},
		{name: "phone of 21 characters", changes: map[string]any{"MobilePhone": strings.Repeat("1", 21)}, want: "MobilePhone must match"},
		{name: "phone with letters", changes: map[string]any{"MobilePhone": "0770 CALL ME"}, want: "MobilePhone must match"},
		{name: "phone with two pluses", changes: map[string]any{"MobilePhone": "++4412345"}, want: "MobilePhone must match"},
		{name: "empty phone", changes: map[string]any{"MobilePhone": ""}, want: msgRequired("MobilePhone")},
		{name: "blank display name", changes: map[string]any{"DisplayName": "   "}, want: msgRequired("DisplayName")},
		{name: "null time zone", changes: map[string]any{"TimeZone": jsonNull}, want: msgRequired("TimeZone")},
		{name: "omitted email", changes: map[string]any{"EmailAddress": remove}, want: msgMissing("EmailAddress")},
		{name: "omitted Enabled", changes: map[string]any{"Enabled": remove}, want: msgMissing("Enabled")},
		{name: "omitted LanguageID", changes: map[string]any{"LanguageID": remove}, want: msgMissing("LanguageID")},
		{name: "unknown language", changes: map[string]any{"LanguageID": idMissing}, want: "is not a known language"},
		{name: "unknown language accepted", opts: Options{AcceptUnknownLanguages: true}, changes: map[string]any{"LanguageID": idMissing}},
		{name: "another user's username", changes: map[string]any{"Username": "ALICE"}, want: "is already in use"},
		{name: "own username", changes: map[string]any{"Username": "bob"}},
		{name: "odd email accepted", changes: map[string]any{"EmailAddress": "not an email"}},
		{name: "odd email with ValidateEmail", opts: Options{ValidateEmail: true}, changes: map[string]any{"EmailAddress": "not an email"}, want: "EmailAddress must match"},
		{name: "good email with ValidateEmail", opts: Options{ValidateEmail: true}, changes: map[string]any{"EmailAddress": "o'brien.bob@mail.example.co.uk"}},
		{
			name:    "every failure at once",
			changes: map[string]any{"DisplayName": "", "MobilePhone": "x", "Username": remove},
			want:    msgRequired("DisplayName") + " " + msgPattern("MobilePhone", phonePatternDoc) + " " + msgMissing("Username"),
		},
	}
	for _, tt := range tests {
		for _, status := range []int{0, 400} {
			opts := tt.opts
			opts.ValidationErrorStatus = status
			t.Run(tt.name+"/"+http.StatusText(statusOr(status)), func(t *testing.T) {
				h := newHarness(t, opts, fixture)
				tok := h.adminToken()
				before := h.getUser(tok, idBob)
				rec := h.api("PUT", "/api/v1/admin/users/"+idBob, tok, putBody(t, before, tt.changes))
				env := decodeEnvelope(t, rec)
				if tt.want == "" {
					if rec.Code != 200 || env.code() != "" {
						t.Fatalf("refused: %d %s", rec.Code, rec.Body)
					}
					return
				}
				if rec.Code != statusOr(status) {
					t.Errorf("status %d, want %d", rec.Code, statusOr(status))
				}
				if env.code() != codeValidation || !strings.Contains(env.reason(), tt.want) {
					t.Errorf("Error %q %q, want %q", env.code(), env.reason(), tt.want)
				}
				if env.ResponseData.Result != resultFailure || string(env.ResponseData.Detail) != "null" {
					t.Errorf("ResponseData %+v", env.ResponseData)
				}
				if after := h.getUser(tok, idBob); after["DateModified"] != before["DateModified"] || after["MobilePhone"] != before["MobilePhone"] {
					t.Errorf("a refused PUT changed the user: %v", after)
				}
			})
		}
	}
}

func TestPutUser_BindingErrors(t *testing.T) {
	valid := `{"DisplayName":"Bob","EmailAddress":"b@example.com","Enabled":true,"LanguageID":"` + langEN +
		`","MobilePhone":"12345","TimeZone":"UTC","Username":"bob"}`
	tests := []struct {
		name        string
		contentType string
		body        string
		wantCode    int
		wantKey     string
	}{
		{name: "valid", contentType: "application/json", body: valid, wantCode: 200},
		{name: "text/json", contentType: "text/json; charset=utf-8", body: valid, wantCode: 200},
		{
			name: "names in any case", contentType: "application/json", wantCode: 200,
			body: `{"displayname":"Bob","EMAILADDRESS":"b@example.com","enabled":true,"languageId":"` + langEN +
				`","mobilephone":"12345","timezone":"UTC","username":"bob"}`,
		},
		{name: "no Content-Type", body: valid, wantCode: 415},
		{name: "XML", contentType: "application/xml", body: "<User/>", wantCode: 415},
		{name: "form", contentType: "application/x-www-form-urlencoded", body: "DisplayName=Bob", wantCode: 415},
		{name: "broken JSON", contentType: "application/json", body: `{"DisplayName":`, wantCode: 400, wantKey: "user"},
		{name: "array", contentType: "application/json", body: `[]`, wantCode: 400, wantKey: "user"},
		{name: "null", contentType: "application/json", body: `null`, wantCode: 400, wantKey: "user"},
		{name: "empty", contentType: "application/json", body: ``, wantCode: 400, wantKey: "user"},
		{name: "string for a bool", contentType: "application/json", body: strings.Replace(valid, "true", `"yes"`, 1), wantCode: 400, wantKey: "user.Enabled"},
		{name: "null for a bool", contentType: "application/json", body: strings.Replace(valid, "true", `null`, 1), wantCode: 400, wantKey: "user.Enabled"},
		{name: "malformed GUID", contentType: "application/json", body: strings.Replace(valid, langEN, "english", 1), wantCode: 400, wantKey: "user.LanguageID"},
		{name: "malformed read-only date", contentType: "application/json", body: `{"AgreementDate":"yesterday",` + valid[1:], wantCode: 400, wantKey: "user.AgreementDate"},
		{name: "number for a string", contentType: "application/json", body: strings.Replace(valid, `"12345"`, `12345`, 1), wantCode: 400, wantKey: "user.MobilePhone"},
		{name: "fraction for Preferences", contentType: "application/json", body: `{"Preferences":1.5,` + valid[1:], wantCode: 400, wantKey: "user.Preferences"},
		{name: "unknown property ignored", contentType: "application/json", body: `{"Nickname":"B",` + valid[1:], wantCode: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Options{}, fixture)
			req := httptest.NewRequest("PUT", "/api/v1/admin/users/"+idBob, strings.NewReader(tt.body))
			req.Header.Set("Authorization", "Bearer "+h.adminToken())
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			rec := h.do(req)
			if rec.Code != tt.wantCode {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.wantCode, rec.Body)
			}
			switch tt.wantCode {
			case 200:
				if env := decodeEnvelope(t, rec); env.code() != "" {
					t.Errorf("envelope error %s", rec.Body)
				}
			case 400:
				if !strings.Contains(rec.Body.String(), `"Message":"The request is invalid."`) ||
					!strings.Contains(rec.Body.String(), `"`+tt.wantKey+`":[`) {
					t.Errorf("body %s, want ModelState key %s", rec.Body, tt.wantKey)
				}
			case 415:
				if !strings.Contains(rec.Body.String(), "is not supported for this resource") {
					t.Errorf("body %s", rec.Body)
				}
			}
		})
	}
}

func TestPutUser_LastSpellingWins(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	tok := h.adminToken()
	body := putBody(t, h.getUser(tok, idBob), nil)
	body = `{"displayname":"First",` + body[1:len(body)-1] + `,"DISPLAYNAME":"Last"}`
	env := decodeEnvelope(t, h.api("PUT", "/api/v1/admin/users/"+idBob, tok, body))
	if u := detailUser(t, env); u["DisplayName"] != "Last" {
		t.Errorf("DisplayName %v, want the last spelling's", u["DisplayName"])
	}
}

func TestPutUser_UnknownUserAndBadID(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	tok := h.adminToken()
	body := putBody(t, h.getUser(tok, idBob), nil)

	rec := h.api("PUT", "/api/v1/admin/users/"+idMissing, tok, body)
	if env := decodeEnvelope(t, rec); rec.Code != 200 || env.code() != codeUserNotFound {
		t.Errorf("unknown user: %d %s", rec.Code, rec.Body)
	}
	rec = h.api("PUT", "/api/v1/admin/users/bob", tok, body)
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "non-nullable type 'System.Guid'") {
		t.Errorf("bad id: %d %s", rec.Code, rec.Body)
	}
}

func TestToggleAccess(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	tok := h.adminToken()
	for i, want := range []struct {
		detail string
		admin  bool
	}{{`"ADMIN_USER"`, true}, {`"STANDARD_USER"`, false}} {
		h.clock.Advance(time.Minute)
		rec := h.api("PATCH", "/api/v1/admin/users/"+idAlice+"/access", tok, "")
		env := decodeEnvelope(t, rec)
		if rec.Code != 200 || env.code() != "" || string(env.ResponseData.Detail) != want.detail {
			t.Fatalf("toggle %d: %d %s", i, rec.Code, rec.Body)
		}
		u := h.getUser(tok, idAlice)
		if u["AdminUser"] != want.admin || u["DateModified"] != wireTime(h.clock.Now()) {
			t.Errorf("toggle %d: AdminUser %v DateModified %v", i, u["AdminUser"], u["DateModified"])
		}
	}
	rec := h.api("PATCH", "/api/v1/admin/users/"+idMissing+"/access", tok, "")
	if env := decodeEnvelope(t, rec); env.code() != codeUserNotFound {
		t.Errorf("unknown user: %s", rec.Body)
	}
}

func TestNoCreateOrDeleteRoutes(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	tok := h.adminToken()
	for _, rt := range []struct{ method, path string }{
		{"POST", "/api/v1/admin/users"},
		{"DELETE", "/api/v1/admin/users/" + idBob},
	} {
		if rec := h.api(rt.method, rt.path, tok, `{}`); rec.Code != http.StatusMethodNotAllowed {
			t.Errorf("%s %s: %d", rt.method, rt.path, rec.Code)
		}
	}
}
