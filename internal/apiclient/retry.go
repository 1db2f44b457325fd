package apiclient

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// The retry policy, in one place:
//
//   - connection errors, 429, 500, 502, 503 and 504 are retried with capped,
//     jittered exponential backoff until the call's budget
//     (Config.RetryBudget) is spent, or Config.MaxRetries retries were made
//     when it sets a cap (a 500 is as often a passing fault of one server
//     behind a load balancer as a bug, and repeating an idempotent call
//     costs nothing but the wait);
//   - the budget bounds the whole call: attempts, backoffs, Retry-After and
//     rate-limit waits. No wait may outlast what is left of it, nor the
//     context's deadline: a backoff that would is shortened so that one last
//     attempt still fits, and a Retry-After that would ends the call at once;
//   - 429 and 503 honour Retry-After, capped at Config.MaxRetryAfter;
//   - other 4xx, 501, TLS/certificate errors and malformed URLs are final;
//   - a non-idempotent request (POST, PATCH) is retried only when the vendor
//     cannot have acted: a 429, or a connection that failed before the
//     request was sent. Anything else (a timeout or a connection dropped
//     after sending, a 5xx) is returned as Ambiguous for the caller to check.

// call is the state of one Do: what the retry policy, the hooks and the
// transports share. Everything but the trace atomics is touched only on the
// goroutine running Do (retryablehttp calls its hooks and the transport
// chain synchronously), so no locking is needed.
type call struct {
	client         *Client
	method         string
	idempotent     bool
	mask           *masker
	requestBodyLog string

	caller    context.Context // the caller's context: its end is a cancellation or the operation's deadline
	budget    context.Context // caller plus the budget's deadline: what the attempts run under
	start     time.Time
	budgetEnd time.Time

	attempt     int           // 1-based number of the current attempt
	current     *attemptTrace // the current attempt's progress, nil before it reached the transport
	ambiguous   bool          // the last attempt may have been acted upon
	nextWait    time.Duration // what Backoff returns, decided by checkRetry
	retryAfter  time.Duration // set when a Retry-After could not be honoured in the time left
	lastRetried string        // why the latest retried attempt failed, unmasked
	budgetCut   bool          // the budget ran out while the last attempt was under way
	gaveUp      string        // why a failure a retry could fix was not retried, unmasked
	gaveUpAt    limitKind     // which limit gaveUp met
}

type callKey struct{}

func withCall(ctx context.Context, st *call) context.Context {
	return context.WithValue(ctx, callKey{}, st)
}

func callFrom(ctx context.Context) *call {
	st, _ := ctx.Value(callKey{}).(*call)
	return st
}

// beginAttempt is retryablehttp's RequestLogHook: it runs before every
// attempt, including the first.
func (st *call) beginAttempt(_ retryablehttp.Logger, _ *http.Request, retry int) {
	st.attempt = retry + 1
	st.current = nil
	st.ambiguous = false
}

// checkRetry is retryablehttp's CheckRetry. It decides, and logs why.
func (st *call) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if err != nil && !st.idempotent && !st.notSent(err) {
		st.ambiguous = true
	}
	// The caller's end stops everything. The budget's end does not discard
	// an answer that arrived; it only rules out another attempt.
	if ctxErr := st.caller.Err(); ctxErr != nil {
		return false, ctxErr
	}
	st.budgetCut = err != nil && st.cutByBudget(err)

	var reason string
	var asked time.Duration
	var hasAsked bool
	switch {
	case err != nil:
		if permanentError(err) {
			st.stop(ctx, "the error is not one a retry can fix", err.Error())
			return false, nil
		}
		if st.ambiguous {
			st.stop(ctx, "a "+st.method+" request may have been carried out before the connection failed", err.Error())
			return false, nil
		}
		reason = "connection error: " + describeError(err)
	case resp.StatusCode == http.StatusTooManyRequests:
		reason = resp.Status
		asked, hasAsked = retryAfter(resp, time.Now())
	case resp.StatusCode == http.StatusInternalServerError,
		resp.StatusCode == http.StatusBadGateway,
		resp.StatusCode == http.StatusServiceUnavailable,
		resp.StatusCode == http.StatusGatewayTimeout:
		if !st.idempotent {
			st.stop(ctx, "a "+st.method+" request is not retried after a server error, which may come after the server acted", resp.Status)
			return false, nil
		}
		reason = resp.Status
		asked, hasAsked = retryAfter(resp, time.Now())
	default:
		return false, nil
	}

	wait, ok := st.schedule(ctx, reason, asked, hasAsked)
	if !ok {
		return false, nil
	}
	st.nextWait = wait
	st.lastRetried = reason
	end, byBudget := st.limit()
	fields := map[string]any{
		"http_method":        st.method,
		"http_attempt":       st.attempt,
		"http_retry_reason":  st.mask.text(reason),
		"http_retry_wait_ms": wait.Milliseconds(),
		"http_time_left_ms":  time.Until(end).Milliseconds(),
	}
	if byBudget {
		fields["http_retry_budget_ms"] = st.client.retryBudget.Milliseconds()
	}
	if st.client.retryCap >= 0 {
		fields["http_retries_left"] = st.client.retryCap - (st.attempt - 1)
	}
	if hasAsked {
		fields["http_retry_after_ms"] = asked.Milliseconds()
	}
	tflog.SubsystemWarn(ctx, st.client.vendor, fmt.Sprintf("Retrying %s API request in %s", st.client.displayName, wait.Round(time.Millisecond)), fields)
	return true, nil
}

// giveUp records and logs that a failure a retry could fix is not retried.
func (st *call) giveUp(ctx context.Context, at limitKind, why, reason string) {
	st.gaveUp, st.gaveUpAt = why, at
	st.stop(ctx, why, reason)
}

// stop logs a decision not to retry a failure.
func (st *call) stop(ctx context.Context, why, reason string) {
	tflog.SubsystemDebug(ctx, st.client.vendor, "Not retrying "+st.client.displayName+" API request: "+why, map[string]any{
		"http_method":       st.method,
		"http_attempt":      st.attempt,
		"http_retry_reason": st.mask.text(reason),
	})
}

// backoff is retryablehttp's Backoff: checkRetry has already decided.
func (st *call) backoff(_, _ time.Duration, _ int, _ *http.Response) time.Duration {
	return st.nextWait
}

// notSent reports whether an attempt failed before any of the request
// reached the server, so even a POST can safely be sent again.
func (st *call) notSent(err error) bool {
	var le *limiterError
	if errors.As(err, &le) || isDialError(err) {
		return true
	}
	if st.current == nil {
		// The attempt never reached the transport.
		return true
	}
	// Without trace callbacks (a custom base transport that does not
	// support them) nothing proves the request stayed here: assume it left.
	return st.current.gotConnAttempt.Load() && !st.current.wroteHeaders.Load()
}

// backoff is the wait before retry number attempt (1-based): exponential
// from RetryWaitMin, capped at RetryWaitMax, with "equal jitter" (half fixed,
// half random) so that parallel operations hitting the same limit do not
// retry in lockstep.
func (c *Client) backoff(attempt int) time.Duration {
	d := c.retryWaitMin
	for i := 1; i < attempt && d < c.retryWaitMax; i++ {
		d *= 2
	}
	d = min(d, c.retryWaitMax)
	half := d / 2
	return half + rand.N(d-half+1)
}

// retryAfter reads Retry-After on the statuses where it means "come back
// later": 429 and 503.
func retryAfter(resp *http.Response, now time.Time) (time.Duration, bool) {
	if resp == nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return 0, false
	}
	return parseRetryAfter(resp.Header.Get("Retry-After"), now)
}

// parseRetryAfter accepts both forms RFC 9110 allows: delay-seconds and an
// HTTP date. A date in the past means "now".
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		const maxSecs = math.MaxInt64 / int64(time.Second)
		return time.Duration(min(secs, maxSecs)) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// Errors net/http reports only as text.
var permanentErrorText = regexp.MustCompile(`unsupported protocol scheme|stopped after \d+ redirects|invalid header field|certificate is not trusted|invalid URL`)

// permanentError reports transport failures a retry cannot fix.
func permanentError(err error) bool {
	var (
		le   *limiterError
		tl   *bodyTooLargeError
		re   *redirectError
		uae  x509.UnknownAuthorityError
		he   x509.HostnameError
		cie  x509.CertificateInvalidError
		cve  *tls.CertificateVerificationError
		rhe  tls.RecordHeaderError
		ae   tls.AlertError
		dnse *net.DNSError
	)
	switch {
	case errors.As(err, &le), errors.As(err, &tl), errors.As(err, &re):
		return true
	case errors.As(err, &uae), errors.As(err, &he), errors.As(err, &cie),
		errors.As(err, &cve), errors.As(err, &rhe), errors.As(err, &ae):
		return true
	case errors.As(err, &dnse) && dnse.IsNotFound:
		// A host that does not exist will not exist a second later.
		return true
	}
	return permanentErrorText.MatchString(err.Error())
}

// isDialError reports a failure to open a connection, which happens before
// anything is sent.
func isDialError(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dnse *net.DNSError
	return errors.As(err, &dnse)
}
