package twosms

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// TestDescriptor_ClientActsAsTheSeedAdmin proves the descriptor's API client
// gets a token from the emulator it builds, and that the token reads the
// seed admin in the seed account and language.
func TestDescriptor_ClientActsAsTheSeedAdmin(t *testing.T) {
	s := sandbox.NewServer(Descriptor.New())
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	id, _ := Descriptor.Setting("client_id")
	secret, _ := Descriptor.Setting("client_secret")
	if id.EnvVar != "TWOSMS_CLIENT_ID" || secret.EnvVar != "TWOSMS_CLIENT_SECRET" || !id.Sensitive || !secret.Sensitive {
		t.Errorf("settings %+v %+v", id, secret)
	}
	seed := map[string]string{}
	for _, v := range Descriptor.Seed {
		if _, ok := seed[v.Name]; !ok {
			seed[v.Name] = v.Value
		}
	}

	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {id.Value}, "client_secret": {secret.Value}}
	var token tokenResponse
	call(t, "POST", s.BaseURL(Descriptor.Vendor)+"/Token", "", strings.NewReader(form.Encode()), &token)
	var envelope struct {
		ResponseData struct{ Detail map[string]any }
	}
	call(t, "GET", s.BaseURL(Descriptor.Vendor)+"/api/v1/admin/users/"+seed["user_id"], token.AccessToken, nil, &envelope)
	admin := envelope.ResponseData.Detail
	if admin["AccountID"] != seed["account_id"] || admin["LanguageID"] != seed["language_id"] || admin["AdminUser"] != true {
		t.Errorf("seed admin %v, seed %v", admin, seed)
	}
}

// call sends one request and decodes a 200 answer into out.
func call(t *testing.T, method, u, bearer string, body io.Reader, out any) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: %d %s", method, u, resp.StatusCode, data)
	}
	if err := json.Unmarshal(data, out); err != nil {
		t.Fatalf("%s %s: %v: %s", method, u, err, data)
	}
}
