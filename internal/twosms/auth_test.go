package twosms

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
		Common:      providerdata.Common{RequestTimeout: 5 * time.Second, MaxRetries: maxRetries, CapRetries: true},
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

// heldTokenServer holds every POST /Token until the test releases it (or the
// client goes away), so a test can act while a token request is in flight.
type heldTokenServer struct {
	*httptest.Server
	requests atomic.Int32
	arrived  chan int      // the number of each request, as it arrives
	gone     chan int      // the number of each request whose client went away
	release  chan struct{} // closed: every held request, and every later one, gets a token
}

func newHeldTokenServer(t *testing.T) *heldTokenServer {
	t.Helper()
	s := &heldTokenServer{arrived: make(chan int, 64), gone: make(chan int, 64), release: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Reading the body lets the server notice a client that goes away.
		_, _ = io.Copy(io.Discard, r.Body)
		n := int(s.requests.Add(1))
		s.arrived <- n
		select {
		case <-s.release:
			writeToken(w, fmt.Sprintf("token-%d", n), 8*3600)
		case <-r.Context().Done():
			s.gone <- n
		}
	}))
	// Close would wait for held handlers; releasing them first lets it end.
	t.Cleanup(func() {
		select {
		case <-s.release:
		default:
			close(s.release)
		}
		s.Close()
	})
	return s
}

// next waits for a channel's next value.
func nextValue(t *testing.T, ch <-chan int, what string) int {
	t.Helper()
	select {
	case n := <-ch:
		return n
	case <-time.After(5 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		return 0
	}
}

// waitForWaiters waits until n callers wait for the token request in flight.
func waitForWaiters(t *testing.T, s *tokenSource, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.mu.Lock()
		got := 0
		if s.inflight != nil {
			got = s.inflight.waiters
		}
		s.mu.Unlock()
		if got == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d callers wait for the token request, want %d", got, n)
		}
		time.Sleep(time.Millisecond)
	}
}

type tokenResult struct {
	tok *token
	err error
}

func tokenAsync(s *tokenSource, ctx context.Context) <-chan tokenResult {
	out := make(chan tokenResult, 1)
	go func() {
		tok, err := s.Token(ctx)
		out <- tokenResult{tok, err}
	}()
	return out
}

func awaitResult(t *testing.T, ch <-chan tokenResult, what string) tokenResult {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(5 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
		return tokenResult{}
	}
}

// After the token expired, many concurrent calls share one token request
// and all get its token.
func TestTokenSourceConcurrentCallersAfterExpiryShareOneRequest(t *testing.T) {
	srv := newHeldTokenServer(t)
	s := clientAt(t, srv.URL, "id", "secret", 0).tokens
	s.tok = &token{AccessToken: "expired", Expiry: time.Now().Add(-time.Minute)}

	const callers = 24
	results := make([]<-chan tokenResult, callers)
	for i := range results {
		results[i] = tokenAsync(s, context.Background())
	}
	nextValue(t, srv.arrived, "the token request")
	waitForWaiters(t, s, callers)
	close(srv.release)
	for i, ch := range results {
		r := awaitResult(t, ch, fmt.Sprintf("caller %d", i))
		if r.err != nil || r.tok.AccessToken != "token-1" {
			t.Fatalf("caller %d got %+v, %v; want token-1", i, r.tok, r.err)
		}
	}
	if n := srv.requests.Load(); n != 1 {
		t.Fatalf("%d concurrent callers sent %d token requests, want 1", callers, n)
	}
}

// A caller waiting for a token request another call started returns as soon
// as its own context ends, with its context's error; the request goes on
// for the call that started it.
func TestTokenSourceWaiterReturnsWhenItsOwnContextEnds(t *testing.T) {
	srv := newHeldTokenServer(t)
	s := clientAt(t, srv.URL, "id", "secret", 0).tokens
	starter := tokenAsync(s, context.Background())
	nextValue(t, srv.arrived, "the token request")

	ctx, cancel := context.WithCancel(context.Background())
	waiter := tokenAsync(s, ctx)
	waitForWaiters(t, s, 2)
	cancel()
	start := time.Now()
	r := awaitResult(t, waiter, "the cancelled waiter")
	if !errors.Is(r.err, context.Canceled) || r.tok != nil {
		t.Fatalf("the cancelled waiter got %+v, %v; want its context's error", r.tok, r.err)
	}
	if waited := time.Since(start); waited > time.Second {
		t.Fatalf("the cancelled waiter returned after %s", waited)
	}

	close(srv.release)
	if r := awaitResult(t, starter, "the starting call"); r.err != nil || r.tok.AccessToken != "token-1" {
		t.Fatalf("the starting call got %+v, %v", r.tok, r.err)
	}
	if n := srv.requests.Load(); n != 1 {
		t.Fatalf("token requests = %d, want 1", n)
	}
}

// The call that started a token request may give up on it: the request
// goes on for the callers still waiting.
func TestTokenSourceRequestOutlivesTheCallThatStartedIt(t *testing.T) {
	srv := newHeldTokenServer(t)
	s := clientAt(t, srv.URL, "id", "secret", 0).tokens
	ctx, cancel := context.WithCancel(context.Background())
	starter := tokenAsync(s, ctx)
	nextValue(t, srv.arrived, "the token request")
	waiter := tokenAsync(s, context.Background())
	waitForWaiters(t, s, 2)

	cancel()
	if r := awaitResult(t, starter, "the cancelled starting call"); !errors.Is(r.err, context.Canceled) {
		t.Fatalf("the cancelled starting call got %+v, %v", r.tok, r.err)
	}
	close(srv.release)
	if r := awaitResult(t, waiter, "the waiter"); r.err != nil || r.tok.AccessToken != "token-1" {
		t.Fatalf("the waiter got %+v, %v; want token-1", r.tok, r.err)
	}
	select {
	case n := <-srv.gone:
		t.Fatalf("token request %d was abandoned although a caller still waited", n)
	default:
	}
	if n := srv.requests.Load(); n != 1 {
		t.Fatalf("token requests = %d, want 1", n)
	}
}

// Once every caller has given up, the token request is abandoned (nothing
// keeps talking to 2sms for nobody) and the next caller starts afresh.
func TestTokenSourceAbandonedRequestStops(t *testing.T) {
	srv := newHeldTokenServer(t)
	s := clientAt(t, srv.URL, "id", "secret", 0).tokens
	ctx, cancel := context.WithCancel(context.Background())
	only := tokenAsync(s, ctx)
	nextValue(t, srv.arrived, "the token request")
	cancel()
	if r := awaitResult(t, only, "the cancelled call"); !errors.Is(r.err, context.Canceled) {
		t.Fatalf("the cancelled call got %+v, %v", r.tok, r.err)
	}
	if n := nextValue(t, srv.gone, "the abandoned request to end"); n != 1 {
		t.Fatalf("request %d ended, want 1", n)
	}

	later := tokenAsync(s, context.Background())
	nextValue(t, srv.arrived, "a new token request")
	close(srv.release)
	if r := awaitResult(t, later, "the next call"); r.err != nil || r.tok.AccessToken != "token-2" {
		t.Fatalf("the next call got %+v, %v; want token-2 from a new request", r.tok, r.err)
	}
}

// A token request runs within the budget of the call that started it. When
// that budget runs out first, a waiter with time left asks again itself
// instead of failing with the other call's timeout.
func TestTokenSourceRequestBoundedByTheStartersBudget(t *testing.T) {
	srv := newHeldTokenServer(t)
	s := clientAt(t, srv.URL, "id", "secret", 0).tokens
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	starter := tokenAsync(s, ctx)
	nextValue(t, srv.arrived, "the token request")
	waiter := tokenAsync(s, context.Background())
	waitForWaiters(t, s, 2)

	if r := awaitResult(t, starter, "the starting call"); !errors.Is(r.err, context.DeadlineExceeded) {
		t.Fatalf("the starting call got %+v, %v; want its deadline's error", r.tok, r.err)
	}
	nextValue(t, srv.gone, "the request to end at the starter's deadline")
	nextValue(t, srv.arrived, "the waiter's own token request")
	close(srv.release)
	if r := awaitResult(t, waiter, "the waiter"); r.err != nil || r.tok.AccessToken != "token-2" {
		t.Fatalf("the waiter got %+v, %v; want token-2", r.tok, r.err)
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
