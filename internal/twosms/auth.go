package twosms

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// refreshMargin renews a token this long before the expiry the server
// announced (8 hours, twosms-api.md §1.2), so a call never leaves with a
// token that dies in flight.
const refreshMargin = 5 * time.Minute

// tokenSource holds the one OAuth token every 2sms call of a provider run
// shares. It is created once in Configure; the token is fetched on first use
// from POST {base_url}/Token with grant_type=client_credentials and the
// client id and secret in the form body (§1.2), and fetched again shortly
// before it expires or when the API refuses it.
//
// The token request goes through its own http.Client, not through apiclient:
// its body carries the client secret, and nothing on this path logs bodies.
type tokenSource struct {
	cfg  clientcredentials.Config
	http *http.Client
	// maxRetries bounds the retries of a token request that failed in a way
	// a retry can fix (the provider's max_retries); retryWait is the first
	// wait, doubled after each retry.
	maxRetries int
	retryWait  time.Duration

	mu  sync.Mutex
	tok *oauth2.Token
}

func newTokenSource(tokenURL, clientID, clientSecret string, httpClient *http.Client, maxRetries int) *tokenSource {
	return &tokenSource{
		maxRetries: max(maxRetries, 0),
		retryWait:  tokenRetryWaitMin,
		cfg: clientcredentials.Config{
			ClientID:     clientID,
			ClientSecret: clientSecret,
			TokenURL:     tokenURL,
			// The document shows the credentials in the form body only.
			AuthStyle: oauth2.AuthStyleInParams,
		},
		http: httpClient,
	}
}

// Token returns the shared token, fetching a new one when there is none or
// it is within refreshMargin of its expiry. Concurrent callers wait for one
// fetch rather than each asking for a token.
func (s *tokenSource) Token(ctx context.Context) (*oauth2.Token, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok != nil && (s.tok.Expiry.IsZero() || time.Until(s.tok.Expiry) > refreshMargin) {
		return s.tok, nil
	}
	ctx = context.WithValue(ctx, oauth2.HTTPClient, s.http)
	tok, attempts, err := s.fetch(ctx)
	if err != nil {
		te := tokenFailure(s.cfg.TokenURL, err)
		te.Attempts = attempts
		return nil, te
	}
	tflog.SubsystemDebug(ctx, vendorKey, "obtained a 2sms access token", map[string]any{"expires": tok.Expiry.Format(time.RFC3339)})
	s.tok = tok
	return tok, nil
}

// Bounds of the waits between token request attempts.
const (
	tokenRetryWaitMin = 500 * time.Millisecond
	tokenRetryWaitMax = 30 * time.Second
)

// fetch requests a token, retrying what a retry can fix: no answer at all
// (a refused or dropped connection, a timeout), 429, 500, 502, 503 and 504,
// the same statuses the API calls retry. Asking for a token is safe to
// repeat: the worst a lost answer costs is a token nobody uses. Without
// this, one passing fault on POST /Token failed every 2sms operation waiting
// for the shared token, although the calls themselves retry. A Retry-After
// on 429 or 503 is honoured, capped at tokenRetryWaitMax.
func (s *tokenSource) fetch(ctx context.Context) (*oauth2.Token, int, error) {
	wait := s.retryWait
	for attempt := 1; ; attempt++ {
		tok, err := s.cfg.Token(ctx)
		if err == nil {
			return tok, attempt, nil
		}
		asked, retryable := tokenRetryable(err)
		if !retryable || attempt > s.maxRetries || ctx.Err() != nil {
			return nil, attempt, err
		}
		next := wait
		if asked > 0 {
			next = min(asked, tokenRetryWaitMax)
		}
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) <= next {
			return nil, attempt, err
		}
		tflog.SubsystemWarn(ctx, vendorKey, "Retrying the 2sms token request", map[string]any{
			"http_attempt":       attempt,
			"http_retry_reason":  tokenFailure(s.cfg.TokenURL, err).Error(),
			"http_retry_wait_ms": next.Milliseconds(),
		})
		t := time.NewTimer(next)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, attempt, err
		case <-t.C:
		}
		wait = min(wait*2, tokenRetryWaitMax)
	}
}

// tokenRetryable reports whether a failed token request is worth repeating
// and the wait the server asked for, if any. Other statuses (an OAuth
// invalid_client is a 400 or 401) and certificate or unknown-host failures
// are final.
func tokenRetryable(err error) (time.Duration, bool) {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		if re.Response == nil {
			return 0, false
		}
		switch re.Response.StatusCode {
		case http.StatusTooManyRequests, http.StatusServiceUnavailable:
			if secs, perr := strconv.Atoi(strings.TrimSpace(re.Response.Header.Get("Retry-After"))); perr == nil && secs >= 0 {
				return time.Duration(secs) * time.Second, true
			}
			return 0, true
		case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
			return 0, true
		}
		return 0, false
	}
	var (
		uae  x509.UnknownAuthorityError
		he   x509.HostnameError
		cie  x509.CertificateInvalidError
		cve  *tls.CertificateVerificationError
		dnse *net.DNSError
	)
	switch {
	case errors.As(err, &uae), errors.As(err, &he), errors.As(err, &cie), errors.As(err, &cve):
		return 0, false
	case errors.As(err, &dnse) && dnse.IsNotFound:
		return 0, false
	}
	var ue *url.Error
	return 0, errors.As(err, &ue)
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
// only the OAuth error code and what to check.
type TokenError struct {
	TokenURL string
	Code     string // OAuth error code, e.g. invalid_client; "" when none
	Status   int    // HTTP status, 0 when no answer arrived
	Attempts int    // token requests sent, retries included; 0 when unknown
	cause    string
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
		return fmt.Sprintf("2sms's token endpoint POST %s answered HTTP %d. Check twosms.base_url (or twosms.region): it must be the portal host, the one serving /Token.", e.TokenURL, e.Status)
	}
	return fmt.Sprintf("Could not reach 2sms's token endpoint POST %s%s: %s", e.TokenURL, e.afterAttempts(), e.cause)
}

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

// tokenFailure keeps the OAuth code and status of a failed token request and
// drops everything else (oauth2's error text includes the response body).
func tokenFailure(tokenURL string, err error) *TokenError {
	out := &TokenError{TokenURL: tokenURL}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		out.Code = re.ErrorCode
		if re.Response != nil {
			out.Status = re.Response.StatusCode
		}
		return out
	}
	cause := err
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		// Drop net/http's "Post \"url\":" wrapper; the URL is in TokenURL.
		cause = ue.Err
	}
	out.cause = cause.Error()
	return out
}
