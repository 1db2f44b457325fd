package twosms

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// TestMountedUnderSandbox checks that {base_url}/Token and
// {base_url}/api/v1/admin/users work with base_url = the sandbox's /twosms.
func TestMountedUnderSandbox(t *testing.T) {
	srv := httptest.NewServer(sandbox.NewServer(New(Options{})).Handler())
	defer srv.Close()
	base := srv.URL + "/twosms"

	resp, err := srv.Client().PostForm(base+"/Token", url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {DefaultClientID},
		"client_secret": {DefaultClientSecret},
	})
	if err != nil {
		t.Fatal(err)
	}
	var tok tokenResponse
	err = json.NewDecoder(resp.Body).Decode(&tok)
	_ = resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || tok.AccessToken == "" {
		t.Fatalf("POST /twosms/Token: %d %v", resp.StatusCode, err)
	}

	req, err := http.NewRequestWithContext(t.Context(), "GET", base+"/api/v1/admin/users", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	req.Header.Set("Accept", "application/json")
	resp, err = srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil || resp.StatusCode != 200 || !strings.Contains(string(body), `"Username":"sandbox.admin"`) {
		t.Errorf("GET users: %d %s", resp.StatusCode, body)
	}
}
