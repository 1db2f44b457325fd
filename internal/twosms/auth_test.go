package twosms

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// tokenServer answers POST /Token with a new token valid for expiresIn
// seconds and counts the tokens issued.
func tokenServer(t *testing.T, expiresIn int) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var issued atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := issued.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"access_token": fmt.Sprintf("token-%d", n), "token_type": "bearer", "expires_in": expiresIn})
	}))
	t.Cleanup(srv.Close)
	return srv, &issued
}

// One token serves every call while it has more than refreshMargin left.
func TestTokenSourceReusesALiveToken(t *testing.T) {
	srv, issued := tokenServer(t, 8*3600)
	s := newTokenSource(srv.URL+"/Token", "id", "secret", srv.Client(), 0)
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
	s := newTokenSource(srv.URL+"/Token", "id", "secret", srv.Client(), 0)
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
	s := newTokenSource(srv.URL+"/Token", "id", "secret", srv.Client(), 0)
	old, _ := s.Token(context.Background())
	s.Invalidate(old.AccessToken)
	fresh, _ := s.Token(context.Background())
	s.Invalidate(old.AccessToken) // a late report about the old token
	again, _ := s.Token(context.Background())
	if issued.Load() != 2 || fresh.AccessToken != again.AccessToken {
		t.Fatalf("want exactly one new token, fetched %d (%q then %q)", issued.Load(), fresh.AccessToken, again.AccessToken)
	}
}
