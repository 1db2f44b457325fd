package quickhelp

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Azure API Management's own answers (quickhelp-api.md §2.1 [DOC-3P]). They
// come from the gateway, before QuickHelp sees the request.
const (
	headerSubscriptionKey = "Ocp-Apim-Subscription-Key"

	msgMissingSubscriptionKey = "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API."
	msgInvalidSubscriptionKey = "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."
	msgRateLimited            = "Rate limit is exceeded. Try again in %d seconds."
	msgQuotaExceeded          = "Out of call volume quota. Quota will be replenished in %s."
)

// gatewayError is APIM's error body (§2.1).
type gatewayError struct {
	StatusCode int    `json:"statusCode"`
	Message    string `json:"message"`
}

// window is one subscription's count within a fixed policy period.
type window struct {
	start time.Time
	calls int
}

// gateway follows quickhelp-api.md §1 and §2.1 (and §9 for the policies):
// the subscription key, then the rate-limit policy, then the quota policy.
func (e *Emulator) gateway(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		opts := e.options()
		key := r.Header.Get(headerSubscriptionKey)
		if key == "" && opts.SubscriptionKeyInQuery {
			key = r.URL.Query().Get(querySubscriptionKey)
		}
		if key == "" {
			writeGatewayError(w, http.StatusUnauthorized, msgMissingSubscriptionKey)
			return
		}
		if !e.knownSubscriptionKey(key) {
			writeGatewayError(w, http.StatusUnauthorized, msgInvalidSubscriptionKey)
			return
		}
		if wait, ok := e.admitRate(key); !ok {
			secs := ceilSeconds(wait)
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			writeGatewayError(w, http.StatusTooManyRequests, fmt.Sprintf(msgRateLimited, secs))
			return
		}
		if wait, ok := e.admitQuota(key); !ok {
			writeGatewayError(w, http.StatusForbidden, fmt.Sprintf(msgQuotaExceeded, formatTimeSpan(wait)))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// knownSubscriptionKey reports whether any key pair has this subscription
// key. [I] quickhelp-api.md §1: the subscription key only opens the gateway
// and the API key picks the customer, so the two are checked independently.
func (e *Emulator) knownSubscriptionKey(key string) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, k := range e.data.keys {
		if subtle.ConstantTimeCompare([]byte(k.SubscriptionKey), []byte(key)) == 1 {
			return true
		}
	}
	return false
}

// admitRate applies the rate-limit policy (§2.1, §9): at most RateLimitCalls
// per period per subscription. [I] The window is fixed, starting at the
// first call, and refused calls do not count.
func (e *Emulator) admitRate(key string) (time.Duration, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return admit(e.rate, key, e.opts.RateLimitCalls, e.opts.rateLimitPeriod(), e.opts.now())
}

// admitQuota applies the quota policy (§2.1, §9) the same way, after the
// rate limit, so only calls the rate limit let through use up quota.
func (e *Emulator) admitQuota(key string) (time.Duration, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return admit(e.quota, key, e.opts.QuotaCalls, e.opts.quotaPeriod(), e.opts.now())
}

// admit counts one call in key's window, or says how long until the window
// renews when it is full. limit 0 turns the policy off.
func admit(windows map[string]*window, key string, limit int, period time.Duration, now time.Time) (time.Duration, bool) {
	if limit <= 0 {
		return 0, true
	}
	win := windows[key]
	if win == nil || !now.Before(win.start.Add(period)) {
		win = &window{start: now}
		windows[key] = win
	}
	if win.calls >= limit {
		return win.start.Add(period).Sub(now), false
	}
	win.calls++
	return 0, true
}

// notFound is APIM's answer for a request that matches no operation.
// [I] quickhelp-api.md §2.1: not verified for this tenant.
func notFound(w http.ResponseWriter, _ *http.Request) {
	writeGatewayError(w, http.StatusNotFound, msgNotFound)
}

func writeGatewayError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, gatewayError{StatusCode: status, Message: msg})
}

// ceilSeconds rounds a wait up to whole seconds, at least 1, so a client that
// waits Retry-After seconds is never early.
func ceilSeconds(d time.Duration) int {
	s := int((d + time.Second - 1) / time.Second)
	return max(s, 1)
}

// formatTimeSpan writes a wait as .NET prints a TimeSpan, [d.]hh:mm:ss, the
// form of the quota message (§2.1).
func formatTimeSpan(d time.Duration) string {
	s := ceilSeconds(d)
	days, s := s/86400, s%86400
	hms := fmt.Sprintf("%02d:%02d:%02d", s/3600, s%3600/60, s%60)
	if days > 0 {
		return fmt.Sprintf("%d.%s", days, hms)
	}
	return hms
}
