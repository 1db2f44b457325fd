package questionpro

import (
	"fmt"
	"time"
)

// defaultRateWindow is the window of both documented limits (§3).
const defaultRateWindow = 60 * time.Second

// callLog remembers when each key (an API key or an organization) made its
// recent calls: a sliding window, so "300 calls per 60 seconds" holds over
// every 60-second stretch, not only within fixed minutes.
type callLog[K comparable] map[K][]time.Time

// wait prunes calls older than window and says how long k must wait before
// one more call fits under limit; 0 means it fits now. limit 0 is no limit.
func (c callLog[K]) wait(k K, limit int, window time.Duration, now time.Time) time.Duration {
	if limit <= 0 {
		return 0
	}
	hits := c[k]
	cut := 0
	for cut < len(hits) && !hits[cut].After(now.Add(-window)) {
		cut++
	}
	hits = hits[cut:]
	c[k] = hits
	if len(hits) < limit {
		return 0
	}
	// The call that frees a slot is the limit-th most recent one.
	return hits[len(hits)-limit].Add(window).Sub(now)
}

// record notes one call by k.
func (c callLog[K]) record(k K, now time.Time) { c[k] = append(c[k], now) }

// admit applies questionpro-api.md §3 "Rate limits and quotas" to an
// authenticated call: per key, per organization, then the licence's call
// allowance. It returns the 429 answer when the call is refused.
// Callers hold mu.
func (e *Emulator) admit(k *SeedAPIKey) (reply, bool) {
	o := e.opts
	window := o.RateWindow
	if window <= 0 {
		window = defaultRateWindow
	}
	now := e.now()
	keyWait := e.keyCalls.wait(k.Key, o.KeyRateLimit, window, now)
	orgWait := e.orgCalls.wait(k.OrganizationID, o.OrgRateLimit, window, now)
	if keyWait > 0 || orgWait > 0 {
		e.rateLimited++
		// [I] §3: refused calls do not count against the limits, and the
		// message (not quoted in the document) names the limit that was hit.
		var msg string
		if keyWait >= orgWait {
			msg = fmt.Sprintf("API call limit exceeded: at most %d calls per %s per API key", o.KeyRateLimit, windowWords(window))
		} else {
			msg = fmt.Sprintf("API call limit exceeded: at most %d calls per %s per organization", o.OrgRateLimit, windowWords(window))
		}
		rep := fail(errRateLimited(msg))
		rep.retryAfter = max(keyWait, orgWait)
		return rep, true
	}
	if o.CallAllowance > 0 && e.allowanceUsed[k.OrganizationID] >= o.CallAllowance {
		e.rateLimited++
		// §3: once the allowance is used up every call gets 429 until more
		// calls are bought. [I] no Retry-After: waiting does not help.
		return fail(errRateLimited(fmt.Sprintf("API call allowance of %d calls exhausted for this licence", o.CallAllowance))), true
	}
	if o.KeyRateLimit > 0 {
		e.keyCalls.record(k.Key, now)
	}
	if o.OrgRateLimit > 0 {
		e.orgCalls.record(k.OrganizationID, now)
	}
	if o.CallAllowance > 0 {
		e.allowanceUsed[k.OrganizationID]++
	}
	return reply{}, false
}

// windowWords writes a window as the limits page does ("60 seconds").
func windowWords(d time.Duration) string {
	if d%time.Second == 0 {
		return fmt.Sprintf("%d seconds", d/time.Second)
	}
	return d.String()
}
