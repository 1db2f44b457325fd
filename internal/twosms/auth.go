package twosms

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// refreshMargin renews a token this long before the expiry the server
// announced (8 hours, twosms-api.md §1.2), so a call never leaves with a
// token that dies in flight.
const refreshMargin = 5 * time.Minute

// tokenPath is the token endpoint under base_url (§1.2).
const tokenPath = "/Token"

// tokenSource holds the one OAuth token every 2sms call of a provider run
// shares. It is created once in Configure; the token is fetched on first use
// from POST {base_url}/Token with grant_type=client_credentials and the
// client id and secret in the form body (§1.2), and fetched again shortly
// before it expires or when the API refuses it.
//
// The token request goes through the vendor's apiclient without its
// Authenticate hook: the same redirect rule (the form body carries the
// client secret, which must never follow a redirect to another host), the
// same masked logging, retry policy and rate limit as every other 2sms call.
type tokenSource struct {
	http *apiclient.Client
	// endpoint is the token URL as error text shows it.
	endpoint               string
	clientID, clientSecret string

	mu  sync.Mutex
	tok *token
	// inflight is the token request in progress, shared by every caller
	// that needs a token meanwhile; nil when none is.
	inflight *tokenFetch
}

// token is an access token and the time it stops being worth sending; a
// zero Expiry means the server announced none.
type token struct {
	AccessToken string
	Expiry      time.Time
}

func (t *token) fresh() bool {
	return t != nil && (t.Expiry.IsZero() || time.Until(t.Expiry) > refreshMargin)
}

// tokenFetch is one token request in progress. Its callers wait on done;
// waiters counts those still waiting, so that the request stops once every
// caller has given up on it.
type tokenFetch struct {
	done    chan struct{}
	cancel  context.CancelFunc
	waiters int
	tok     *token
	err     error
	// deadline is the budget of the call that started the request (zero
	// when it had none); budgetSpent is set when the request ended because
	// it passed.
	deadline    time.Time
	budgetSpent bool
}

// outlasts reports whether ctx has time beyond deadline.
func outlasts(ctx context.Context, deadline time.Time) bool {
	d, ok := ctx.Deadline()
	return !ok || d.After(deadline)
}

// newTokenSource builds the token source of the 2sms client h; the token
// request is sent through h without its Authenticate hook (which reads this
// source).
func newTokenSource(h *apiclient.Client, endpoint, clientID, clientSecret string) *tokenSource {
	return &tokenSource{
		http:         h.WithoutAuthentication(),
		endpoint:     endpoint,
		clientID:     clientID,
		clientSecret: clientSecret,
	}
}

// Token returns the shared token, fetching a new one when there is none or
// it is within refreshMargin of its expiry. Concurrent callers share one
// token request (single flight), and each waits for it only as long as its
// own context allows: a caller whose context ends returns at once with the
// context's error, while the request goes on for the callers still waiting.
// The request runs with the context values and the deadline of the caller
// that started it, so it is bounded by that call's budget.
func (s *tokenSource) Token(ctx context.Context) (*token, error) {
	for {
		s.mu.Lock()
		if s.tok.fresh() {
			tok := s.tok
			s.mu.Unlock()
			return tok, nil
		}
		if err := ctx.Err(); err != nil {
			s.mu.Unlock()
			return nil, waitError(err)
		}
		f := s.inflight
		if f == nil {
			f = s.start(ctx)
		}
		f.waiters++
		s.mu.Unlock()

		select {
		case <-f.done:
		case <-ctx.Done():
			s.leave(f)
			return nil, waitError(ctx.Err())
		}
		// The request ran out of the budget of the call that started it,
		// not of answers from 2sms: this caller still has time, so it asks
		// again itself.
		if f.err != nil && f.budgetSpent && ctx.Err() == nil && outlasts(ctx, f.deadline) {
			continue
		}
		return f.tok, f.err
	}
}

// start begins a token request bounded by ctx's deadline but not ended by
// ctx's cancellation: other callers may be waiting for it. Callers hold s.mu.
func (s *tokenSource) start(ctx context.Context) *tokenFetch {
	fetchCtx := context.WithoutCancel(ctx)
	var cancel context.CancelFunc
	deadline, ok := ctx.Deadline()
	if ok {
		fetchCtx, cancel = context.WithDeadline(fetchCtx, deadline)
	} else {
		fetchCtx, cancel = context.WithCancel(fetchCtx)
	}
	f := &tokenFetch{done: make(chan struct{}), cancel: cancel, deadline: deadline}
	s.inflight = f
	go s.run(fetchCtx, f)
	return f
}

// run sends the token request, keeps a token it obtained and releases the
// callers waiting for it.
func (s *tokenSource) run(ctx context.Context, f *tokenFetch) {
	defer f.cancel()
	tok, err := s.fetch(ctx)
	s.mu.Lock()
	if s.inflight == f {
		s.inflight = nil
	}
	if err == nil {
		// Kept even when every caller gave up meanwhile: the token is good.
		s.tok = tok
	}
	f.tok, f.err = tok, err
	f.budgetSpent = err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded)
	s.mu.Unlock()
	close(f.done)
}

// leave records that a caller stopped waiting for f. When none is left, the
// request is abandoned, so nothing keeps talking to 2sms for nobody (after
// Terraform was interrupted, say), and the next caller starts afresh.
func (s *tokenSource) leave(f *tokenFetch) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f.waiters--
	if f.waiters > 0 {
		return
	}
	if s.inflight == f {
		s.inflight = nil
	}
	f.cancel()
}

// waitError is the error of a caller whose own context ended before it got
// a token.
func waitError(err error) error {
	return fmt.Errorf("waiting for a 2sms access token: %w", err)
}

// tokenAnswer is the OWIN token endpoint's success body (§1.2).
type tokenAnswer struct {
	AccessToken string      `json:"access_token"`
	TokenType   string      `json:"token_type"`
	ExpiresIn   json.Number `json:"expires_in"`
}

// fetch sends POST /Token once through the shared HTTP layer, which retries
// what a retry can fix (no answer at all, 429, 500, 502, 503 and 504, with
// Retry-After honoured) within max_retries and the context's deadline.
// Asking for a token is safe to repeat: the worst a lost answer costs is a
// token nobody uses, so the request is marked idempotent although it is a
// POST. Without retries, one passing fault on POST /Token would fail every
// 2sms operation waiting for the shared token.
func (s *tokenSource) fetch(ctx context.Context) (*token, error) {
	form := url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {s.clientID},
		"client_secret": {s.clientSecret},
	}
	safeToRepeat := true
	var answer tokenAnswer
	res, err := s.http.Do(ctx, apiclient.Request{
		Method:     http.MethodPost,
		Path:       tokenPath,
		Body:       form,
		Idempotent: &safeToRepeat,
	}, &answer)
	if err != nil {
		return nil, s.failure(err)
	}
	if answer.AccessToken == "" {
		// A host that answers 2xx without a token is not the token
		// endpoint: the base URL is wrong.
		return nil, &TokenError{TokenURL: s.endpoint, Status: res.Status}
	}
	tok := &token{AccessToken: answer.AccessToken}
	if secs, err := answer.ExpiresIn.Int64(); err == nil && secs > 0 {
		tok.Expiry = time.Now().Add(time.Duration(secs) * time.Second)
	}
	tflog.SubsystemDebug(s.http.LogContext(ctx), vendorKey, "Obtained a 2sms access token", map[string]any{"expires": tok.Expiry.Format(time.RFC3339)})
	return tok, nil
}

// Invalidate drops the token the API refused, unless another call has
// already replaced it: after a mass expiry every caller reports the same old
// token and only the first causes a new fetch.
func (s *tokenSource) Invalidate(access string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok != nil && s.tok.AccessToken == access {
		s.tok = nil
	}
}

// authenticate is the apiclient Authenticate hook: it sets the bearer
// header from the shared token.
func (s *tokenSource) authenticate(r *http.Request) error {
	tok, err := s.Token(r.Context())
	if err != nil {
		return err
	}
	r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return nil
}

// TokenError is a failed POST /Token. Its text never carries the secret:
// only the OAuth error code, the status and what to check, or the masked
// cause when no answer arrived.
type TokenError struct {
	TokenURL string
	Code     string // OAuth error code, e.g. invalid_client; "" when none
	Status   int    // HTTP status, 0 when no answer arrived
	Attempts int    // token requests sent, retries included; 0 when unknown
	cause    string
	// err is the transport failure (a refused redirect, a timeout, a
	// cancelled context), never an *apiclient.Error: an answer of the
	// token endpoint must not read as an answer about a user (a 404 there
	// is no proof a user is gone).
	err error
}

func (e *TokenError) Error() string {
	switch {
	case e.Code == "invalid_client":
		return fmt.Sprintf("2sms refused the API client credentials at POST %s (invalid_client). Check twosms.client_id and twosms.client_secret (or %s and %s): the client must exist on this regional host, and its secret is shown only once, when the client is created in the portal (Settings > API Clients).", e.TokenURL, EnvClientID, EnvClientSecret)
	case e.Code != "":
		return fmt.Sprintf("2sms's token endpoint POST %s answered %d with OAuth error %q.", e.TokenURL, e.Status, e.Code)
	case e.Status == http.StatusTooManyRequests || e.Status >= 500:
		// The host answers: the base URL is right, 2sms is down or busy.
		return fmt.Sprintf("2sms's token endpoint POST %s answered HTTP %d%s. 2sms is unavailable or limiting requests; try again later.", e.TokenURL, e.Status, e.afterAttempts())
	case e.Status != 0:
		return fmt.Sprintf("2sms's token endpoint POST %s answered HTTP %d. Check twosms.base_url (or %s, or twosms.region) first: it must be the portal host, the one serving /Token.", e.TokenURL, e.Status, EnvBaseURL)
	}
	return fmt.Sprintf("Could not reach 2sms's token endpoint POST %s%s: %s", e.TokenURL, e.afterAttempts(), e.cause)
}

// Unwrap exposes the transport failure, so errors.Is(err,
// context.DeadlineExceeded) sees a token request that ran out of time.
func (e *TokenError) Unwrap() error { return e.err }

// Summary is the diagnostic summary for a token failure, whatever call met
// it: a refused client secret is not a failure of that call.
func (e *TokenError) Summary() string {
	if e.Code == "invalid_client" {
		return "2sms rejected the client credentials"
	}
	return "Could not obtain a 2sms access token"
}

func (e *TokenError) afterAttempts() string {
	switch {
	case e.Attempts == 1:
		return " after 1 attempt"
	case e.Attempts > 1:
		return fmt.Sprintf(" after %d attempts", e.Attempts)
	}
	return ""
}

// failure keeps the OAuth code, status and attempts of a failed token
// request, and for a request that got no answer the cause, masked; it drops
// the rest (the vendor's message and body, which may echo the request).
func (s *tokenSource) failure(err error) *TokenError {
	out := &TokenError{TokenURL: s.endpoint}
	e, ok := apiclient.AsError(err)
	if !ok {
		out.err = err
		out.cause = s.http.Mask(err.Error())
		return out
	}
	out.Code, out.Status, out.Attempts = e.Code, e.Status, e.Attempts
	if e.Status == 0 && e.Err != nil {
		out.err = e.Err
		out.cause = s.http.Mask(transportCause(e.Err))
	}
	return out
}

// transportCause is a transport error's text without net/http's
// `Post "url": ` prefix; the URL is in TokenURL.
func transportCause(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		return ue.Err.Error()
	}
	return err.Error()
}
