package twosms

import (
	"strings"
	"testing"
)

// The envelope and the User in it, byte for byte: field names, order and
// nulls as the §2.1 and §4.4 samples show them.
const adaDetail = `{"ID":"ad000000-0000-4000-8000-000000000001","AgreementDate":null,` +
	`"AccountID":"acc00000-0000-4000-8000-000000000001","AdminUser":true,` +
	`"DateCreated":"2024-03-28T08:12:49.3595132+00:00","DateModified":"2024-03-28T08:12:49.3595132+00:00",` +
	`"DeclineDate":null,"DisplayName":"Ada Admin","DPAVersion":null,"EmailAddress":"ada@example.com",` +
	`"Enabled":true,"LanguageID":"1a000000-0000-4000-8000-000000000001","MobilePhone":"+44 7700 900001",` +
	`"Password":null,"Pin":null,"Preferences":0,"PrivacyPolicyVersion":null,"SSOEnabled":false,` +
	`"TimeZone":"GMT Standard Time","Username":"ada","UserPassword":null}`

func TestEnvelope_ExactJSON(t *testing.T) {
	tests := []struct {
		name   string
		opts   Options
		method string
		path   string
		want   string
	}{
		{
			name: "ResponseOfUser", method: "GET", path: "/api/v1/admin/users/" + idAdmin,
			want: `{"Error":{"ErrorCode":null,"ErrorReason":null},"ResponseData":{"Identification":{"UserId":"` + idAdmin +
				`"},"Result":"Success","Detail":` + adaDetail + `}}`,
		},
		{
			name: "ResponseOfUser with NullErrorOnSuccess", opts: Options{NullErrorOnSuccess: true},
			method: "GET", path: "/api/v1/admin/users/" + idAdmin,
			want: `{"Error":null,"ResponseData":{"Identification":{"UserId":"` + idAdmin +
				`"},"Result":"Success","Detail":` + adaDetail + `}}`,
		},
		{
			name: "ResponseOfListOfUser", method: "GET", path: "/api/v1/UserAdminAPI/GetAllUsers?accountID=" + acctBranch,
			want: `{"Error":{"ErrorCode":null,"ErrorReason":null},"ResponseData":{"Identification":{"UserId":"` + idAdmin +
				`"},"Result":"Success","Detail":[`,
		},
		{
			name: "error envelope on 200", method: "GET", path: "/api/v1/admin/users/" + idMissing,
			want: `{"Error":{"ErrorCode":"SANDBOX_USER_NOT_FOUND","ErrorReason":"User '` + idMissing +
				`' was not found."},"ResponseData":{"Identification":{"UserId":"` + idAdmin +
				`"},"Result":"Failure","Detail":null}}`,
		},
		{
			name: "ResponseOfString", method: "PATCH", path: "/api/v1/admin/users/" + idAlice + "/access",
			want: `{"Error":{"ErrorCode":null,"ErrorReason":null},"ResponseData":{"Identification":{"UserId":"` + idAdmin +
				`"},"Result":"Success","Detail":"ADMIN_USER"}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.opts, fixture)
			rec := h.api(tt.method, tt.path, h.adminToken(), "")
			if rec.Code != 200 {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if got := strings.TrimSpace(rec.Body.String()); !strings.HasPrefix(got, tt.want) {
				t.Errorf("body\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestEnvelope_ValidationErrorOn200(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	tok := h.adminToken()
	body := putBody(t, h.getUser(tok, idAdmin), map[string]any{"MobilePhone": "1234"})
	rec := h.api("PUT", "/api/v1/admin/users/"+idAdmin, tok, body)
	want := `{"Error":{"ErrorCode":"SANDBOX_VALIDATION_FAILED","ErrorReason":"The field MobilePhone must match the regular expression` +
		` '^(?=.*?\\d.*?\\d.*?\\d.*?\\d.*?\\d)([+]?)([\\d\\s\\(\\)-]{5,20})$'."},` +
		`"ResponseData":{"Identification":{"UserId":"` + idAdmin + `"},"Result":"Failure","Detail":null}}`
	if got := strings.TrimSpace(rec.Body.String()); rec.Code != 200 || got != want {
		t.Errorf("%d\n got %s\nwant %s", rec.Code, got, want)
	}
}
