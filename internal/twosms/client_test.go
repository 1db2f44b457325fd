package twosms

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

func startEmulator(t *testing.T) (*sandbox.Server, *smssandbox.Emulator) {
	t.Helper()
	e := smssandbox.New(smssandbox.Options{})
	srv := sandbox.NewServer(e)
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return srv, e
}

func testClient(t *testing.T, srv *sandbox.Server, secret string) *Client {
	t.Helper()
	return clientAt(t, srv.BaseURL("twosms"), smssandbox.DefaultClientID, secret, 1)
}

// Every token expires at once while many calls are in flight: each call
// succeeds after one retry, and the emulator issues exactly one new token.
func TestClientSurvivesMassTokenExpiryWithOneNewToken(t *testing.T) {
	srv, e := startEmulator(t)
	c := testClient(t, srv, smssandbox.DefaultClientSecret)
	ctx := context.Background()
	if _, err := c.GetUser(ctx, smssandbox.DefaultAdminID); err != nil {
		t.Fatal(err)
	}
	if n := e.TokensIssued(); n != 1 {
		t.Fatalf("first call: %d tokens issued, want 1", n)
	}
	if _, err := c.ListUsers(ctx, false); err != nil {
		t.Fatal(err)
	}
	if n := e.TokensIssued(); n != 1 {
		t.Fatalf("the token must be shared between calls; %d issued", n)
	}
	e.ExpireAllTokens()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.GetUser(ctx, smssandbox.DefaultAdminID)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("a call failed after the expiry: %v", err)
		}
	}
	if n := e.TokensIssued(); n != 2 {
		t.Fatalf("after a mass expiry the emulator issued %d tokens in all, want exactly 2", n)
	}
}

// A bad secret becomes a TokenError that says so and never carries the
// secret.
func TestClientBadSecret(t *testing.T) {
	srv, _ := startEmulator(t)
	const wrong = "not-the-secret-4711"
	c := testClient(t, srv, wrong)
	_, err := c.GetUser(context.Background(), smssandbox.DefaultAdminID)
	var te *TokenError
	if !errors.As(err, &te) || te.Code != "invalid_client" {
		t.Fatalf("want an invalid_client TokenError, got %v", err)
	}
	if msg := err.Error(); strings.Contains(msg, wrong) || !strings.Contains(msg, "twosms.client_secret") {
		t.Fatalf("message must name the setting and not hold the secret: %s", msg)
	}
}

// A business error in the envelope of an HTTP 200 is an error with the
// vendor's code and reason; an unknown user reads as not found.
func TestClientEnvelopeErrorOn200(t *testing.T) {
	srv, _ := startEmulator(t)
	c := testClient(t, srv, smssandbox.DefaultClientSecret)
	ctx := context.Background()
	_, err := c.GetUser(ctx, "0bad0000-0000-4000-8000-000000000000")
	if !IsUserNotFound(err) {
		t.Fatalf("want not found, got %v", err)
	}
	u, err := c.GetUser(ctx, smssandbox.DefaultAdminID)
	if err != nil {
		t.Fatal(err)
	}
	bad := *u
	bad.MobilePhone = ptr("12")
	_, err = c.UpdateUser(ctx, u.ID, &bad)
	e, ok := apiclient.AsError(err)
	if !ok || e.Status != 200 || e.Code == "" || !strings.Contains(e.Message, "MobilePhone") {
		t.Fatalf("want the envelope's validation error on HTTP 200, got %#v", err)
	}
}

func ptr[T any](v T) *T { return &v }

// A token request that meets a passing fault is repeated within max_retries
// (asking for a token twice is harmless); a token endpoint that stays down
// ends in a TokenError with the last status and the attempts made; a
// refused secret is not repeated.
func TestClientRetriesTokenRequestWithinMaxRetries(t *testing.T) {
	const tokenRoute = "POST /Token"
	t.Run("passing fault", func(t *testing.T) {
		srv, _ := startEmulator(t)
		srv.SetFaults("twosms", sandbox.Fault{Route: tokenRoute, Status: 502, Times: 1})
		c := testClient(t, srv, smssandbox.DefaultClientSecret)
		if _, err := c.GetUser(context.Background(), smssandbox.DefaultAdminID); err != nil {
			t.Fatalf("a single 502 from /Token must be retried: %v", err)
		}
		if n := srv.Stats("twosms")[tokenRoute].Calls; n != 2 {
			t.Fatalf("token requests = %d, want 2", n)
		}
	})
	t.Run("down for good", func(t *testing.T) {
		srv, _ := startEmulator(t)
		srv.SetFaults("twosms", sandbox.Fault{Route: tokenRoute, Status: 503})
		c := testClient(t, srv, smssandbox.DefaultClientSecret) // max_retries 1
		_, err := c.GetUser(context.Background(), smssandbox.DefaultAdminID)
		var te *TokenError
		if !errors.As(err, &te) || te.Status != 503 || te.Attempts != 2 {
			t.Fatalf("want a TokenError with status 503 after 2 attempts, got %#v", err)
		}
		if n := srv.Stats("twosms")[tokenRoute].Calls; n != 2 {
			t.Fatalf("token requests = %d, want 2 (1 + max_retries)", n)
		}
		if msg := err.Error(); !strings.Contains(msg, "answered HTTP 503 after 2 attempts") || strings.Contains(msg, "base_url") {
			t.Fatalf("message = %q", msg)
		}
	})
	t.Run("refused secret", func(t *testing.T) {
		srv, _ := startEmulator(t)
		c := testClient(t, srv, "not-the-secret-4711")
		if _, err := c.GetUser(context.Background(), smssandbox.DefaultAdminID); err == nil {
			t.Fatal("want an error")
		}
		if n := srv.Stats("twosms")[tokenRoute].Calls; n != 1 {
			t.Fatalf("token requests = %d, want 1: invalid_client is final", n)
		}
	})
}

// A token endpoint that redirects to another host gets the client secret
// only if the redirect is followed: the token request goes through the
// shared HTTP layer's redirect rule, so the other host receives nothing and
// the error names the refused redirect.
func TestTokenRequestNeverFollowsARedirectToAnotherHost(t *testing.T) {
	const clientID, secret = "redirect-client-id", "redirect-client-secret"
	var otherHits atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		otherHits.Add(1)
		writeToken(w, "stolen", 8*3600)
	}))
	t.Cleanup(other.Close)
	var tokenHits atomic.Int32
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == tokenPath {
			tokenHits.Add(1)
		}
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	t.Cleanup(portal.Close)

	c := clientAt(t, portal.URL, clientID, secret, 2)
	_, err := c.GetUser(context.Background(), smssandbox.DefaultAdminID)
	if n := otherHits.Load(); n != 0 {
		t.Fatalf("the other host received %d requests", n)
	}
	if n := tokenHits.Load(); n != 1 {
		t.Fatalf("token requests = %d, want 1: a refused redirect is final", n)
	}
	var te *TokenError
	if !errors.As(err, &te) {
		t.Fatalf("want a TokenError, got %T: %v", err, err)
	}
	msg := err.Error()
	otherHost := strings.TrimPrefix(other.URL, "http://")
	if !strings.Contains(msg, "refusing to follow a redirect to http://"+otherHost) || !strings.Contains(msg, "another host") {
		t.Fatalf("the error must name the refused redirect: %s", msg)
	}
	if strings.Contains(msg, secret) || strings.Contains(msg, clientID) {
		t.Fatalf("the error holds a credential: %s", msg)
	}
}

// An HTTP 200 whose envelope reports an error that echoes the client secret
// and the PIN the request sent ends in a diagnostic without either, as the
// same echo on a 4xx does.
func TestEnvelopeErrorOn200IsMasked(t *testing.T) {
	const (
		clientID = "echo-client-id"
		secret   = "Echoed-Client-Secret-77"
		pin      = "48151623"
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == tokenPath {
			writeToken(w, "token-1", 8*3600)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"Error": map[string]any{
				"ErrorCode":   "InvalidPin",
				"ErrorReason": "PIN " + pin + " is too simple for API client " + clientID + " (secret " + secret + ")",
			},
			"ResponseData": nil,
		})
	}))
	t.Cleanup(srv.Close)

	c := clientAt(t, srv.URL, clientID, secret, 0)
	_, err := c.UpdateUser(context.Background(), smssandbox.DefaultAdminID, &User{ID: smssandbox.DefaultAdminID, Pin: ptr(pin)})
	e, ok := apiclient.AsError(err)
	if !ok || e.Status != http.StatusOK {
		t.Fatalf("want the envelope's error on HTTP 200, got %#v", err)
	}
	var diags diag.Diagnostics
	providerdata.AddAPIError(&diags, "Could not update the 2sms user", err)
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic, got %v", diags)
	}
	text := diags[0].Summary() + "\n" + diags[0].Detail() + "\n" + e.Body
	if !strings.Contains(text, "InvalidPin") || !strings.Contains(text, "PIN *** is too simple") {
		t.Fatalf("the diagnostic lost the vendor's code or message: %s", text)
	}
	for name, value := range map[string]string{"client secret": secret, "client id": clientID, "PIN": pin} {
		if strings.Contains(text, value) {
			t.Errorf("the diagnostic holds the %s: %s", name, text)
		}
	}
}
