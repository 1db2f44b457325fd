package apiclient

import (
	"fmt"
	"math"
	"net/http"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/time/rate"
)

// NewLimiter returns a token bucket allowing requestsPerSecond on average
// with bursts of burst requests, or nil (no limit) when requestsPerSecond is
// not positive. A burst below 1 becomes the rate rounded up, so a limit of
// 0.5/s still lets one request through.
func NewLimiter(requestsPerSecond float64, burst int) *rate.Limiter {
	if !(requestsPerSecond > 0) {
		return nil
	}
	return rate.NewLimiter(rate.Limit(requestsPerSecond), defaultBurst(requestsPerSecond, burst))
}

func defaultBurst(requestsPerSecond float64, burst int) int {
	if burst > 0 {
		return burst
	}
	if math.IsInf(requestsPerSecond, 1) || requestsPerSecond > math.MaxInt32 {
		return math.MaxInt32
	}
	return max(1, int(math.Ceil(requestsPerSecond)))
}

var (
	sharedMu       sync.Mutex
	sharedLimiters = map[string]*rate.Limiter{}
)

// SharedLimiter returns the process-wide limiter registered under key,
// creating it on first use, so several clients that spend the same vendor
// budget (provider aliases, a client re-created by a second Configure) wait
// on one bucket. key should name what the vendor counts against, e.g. the
// vendor and the account. A later call with a different rate or burst
// updates the shared limiter. It returns nil when requestsPerSecond is not
// positive.
func SharedLimiter(key string, requestsPerSecond float64, burst int) *rate.Limiter {
	if !(requestsPerSecond > 0) {
		return nil
	}
	sharedMu.Lock()
	defer sharedMu.Unlock()
	l, ok := sharedLimiters[key]
	if !ok {
		l = NewLimiter(requestsPerSecond, burst)
		sharedLimiters[key] = l
		return l
	}
	if l.Limit() != rate.Limit(requestsPerSecond) {
		l.SetLimit(rate.Limit(requestsPerSecond))
	}
	if b := defaultBurst(requestsPerSecond, burst); l.Burst() != b {
		l.SetBurst(b)
	}
	return l
}

// limitedTransport waits for a token before every attempt, retries
// included: it sits below the retry loop, so a storm of retries cannot
// exceed the budget the vendor publishes.
type limitedTransport struct {
	vendor  string
	limiter *rate.Limiter
	next    http.RoundTripper
}

func (t *limitedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	start := time.Now()
	// Wait returns at once when ctx is cancelled, and at once with an error
	// when the wait would outlast ctx's deadline.
	if err := t.limiter.Wait(ctx); err != nil {
		return nil, &limiterError{err: err}
	}
	if waited := time.Since(start); waited >= time.Millisecond {
		tflog.SubsystemDebug(ctx, t.vendor, "Waited for the client-side rate limit", map[string]any{
			"http_rate_limit_wait_ms": waited.Milliseconds(),
		})
	}
	return t.next.RoundTrip(req)
}

func (t *limitedTransport) CloseIdleConnections() { closeIdleConnections(t.next) }

// limiterError marks a failure to get a token: the request was never sent,
// and retrying cannot help (the context is done or its deadline is too
// close).
type limiterError struct{ err error }

func (e *limiterError) Error() string {
	return fmt.Sprintf("waiting for the client-side rate limit: %v", e.err)
}

func (e *limiterError) Unwrap() error { return e.err }
