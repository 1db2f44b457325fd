package twosms

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// clientAt builds the 2sms client for a deployment at baseURL the way the
// provider's Configure does.
func clientAt(t testing.TB, baseURL, clientID, secret string, maxRetries int) *Client {
	t.Helper()
	base, err := apiclient.ParseBaseURL(displayName, baseURL)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newClient(context.Background(), providerdata.Settings{
		Vendor:      vendorKey,
		DisplayName: displayName,
		Common:      providerdata.Common{RequestTimeout: 5 * time.Second, MaxRetries: maxRetries},
		BaseURL:     base,
		Credentials: map[string]string{"client_id": clientID, "client_secret": secret},
	})
	if err != nil {
		t.Fatalf("newClient: %v", err)
	}
	client, ok := c.(*Client)
	if !ok {
		t.Fatalf("newClient returned %T", c)
	}
	return client
}

func writeToken(w http.ResponseWriter, access string, expiresIn int) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"access_token": access, "token_type": "bearer", "expires_in": expiresIn, "refresh_token": "refresh-" + access})
}

// tokenServer answers POST /Token with a new token valid for expiresIn
// seconds and counts the tokens issued.
func tokenServer(t *testing.T, expiresIn int) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var issued atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		writeToken(w, fmt.Sprintf("token-%d", issued.Add(1)), expiresIn)
	}))
	t.Cleanup(srv.Close)
	return srv, &issued
}

// One token serves every call while it has more than refreshMargin left.
func TestTokenSourceReusesALiveToken(t *testing.T) {
	srv, issued := tokenServer(t, 8*3600)
	s := clientAt(t, srv.URL, "id", "secret", 0).tokens
	for range 5 {
		if _, err := s.Token(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if n := issued.Load(); n != 1 {
		t.Fatalf("a live token must be reused; %d were fetched", n)
	}
}

// A token that expires within refreshMargin is replaced before it is
// used, so no call leaves with a token that dies in flight.
func TestTokenSourceRenewsBeforeExpiry(t *testing.T) {
	srv, issued := tokenServer(t, int(refreshMargin.Seconds())-1)
	s := clientAt(t, srv.URL, "id", "secret", 0).tokens
	first, err := s.Token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.Token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if issued.Load() != 2 || first.AccessToken == second.AccessToken {
		t.Fatalf("a token inside the refresh margin must be renewed: fetched %d, tokens %q %q", issued.Load(), first.AccessToken, second.AccessToken)
	}
}

// Invalidate drops only the token that was refused: after a mass expiry,
// every caller reports the same old token and one new token is fetched.
func TestTokenSourceInvalidateOnlyTheRefusedToken(t *testing.T) {
	srv, issued := tokenServer(t, 8*3600)
	s := clientAt(t, srv.URL, "id", "secret", 0).tokens
	old, _ := s.Token(context.Background())
	s.Invalidate(old.AccessToken)
	fresh, _ := s.Token(context.Background())
	s.Invalidate(old.AccessToken) // a late report about the old token
	again, _ := s.Token(context.Background())
	if issued.Load() != 2 || fresh.AccessToken != again.AccessToken {
		t.Fatalf("want exactly one new token, fetched %d (%q then %q)", issued.Load(), fresh.AccessToken, again.AccessToken)
	}
}

// The token request is logged like every 2sms call, with the client id,
// the client secret and the tokens masked.
func TestTokenRequestIsLoggedMasked(t *testing.T) {
	const clientID, secret = "Logged-Client-Id-19", "Logged-Client-Secret-83"
	srv, _ := tokenServer(t, 8*3600)
	s := clientAt(t, srv.URL, clientID, secret, 0).tokens
	var buf bytes.Buffer
	tok, err := s.Token(tflogtest.RootLogger(context.Background(), &buf))
	if err != nil {
		t.Fatal(err)
	}
	log := buf.String()
	if !strings.Contains(log, "Sending HTTP request") || !strings.Contains(log, "/Token") || !strings.Contains(log, "client_secret") {
		t.Fatalf("the token request is not in the log:\n%s", log)
	}
	for name, value := range map[string]string{"client id": clientID, "client secret": secret, "access token": tok.AccessToken, "refresh token": "refresh-" + tok.AccessToken} {
		if strings.Contains(log, value) {
			t.Errorf("the log contains the %s", name)
		}
	}
}
