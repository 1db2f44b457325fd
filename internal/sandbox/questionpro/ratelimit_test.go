package questionpro

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

const self = "/users/3001"

func TestRateLimitOffByDefault(t *testing.T) {
	h := newHarness(t, Options{})
	for i := 0; i < 3000; i++ {
		if a := h.call("GET", self, DefaultAPIKey, nil); a.status != http.StatusOK {
			t.Fatalf("call %d: %d %s", i, a.status, a.raw)
		}
	}
	if n := h.e.RateLimited(); n != 0 {
		t.Errorf("RateLimited %d, want 0", n)
	}
}

func TestRateLimitPerKey(t *testing.T) {
	h := newHarness(t, Options{KeyRateLimit: 3})
	for i := 0; i < 3; i++ {
		h.call("GET", self, DefaultAPIKey, nil).wantOK(t)
		h.clock.Advance(10 * time.Second)
	}
	// Calls at t=0,10,20; now t=30: the first frees a slot at t=60.
	a := h.call("GET", self, DefaultAPIKey, nil)
	a.wantError(t, http.StatusTooManyRequests, 1013, "")
	if ra := a.header.Get("Retry-After"); ra != "30" {
		t.Errorf("Retry-After %q, want 30", ra)
	}
	if msg, _ := a.response(t)["error"].(map[string]any)["message"].(string); msg == "" {
		t.Errorf("429 without a message")
	}
	if h.e.RateLimited() != 1 {
		t.Errorf("RateLimited %d, want 1", h.e.RateLimited())
	}

	// Another key of the same organization has its own allowance.
	h.call("GET", "/users/3002", ViewerAPIKey, nil).wantOK(t)

	// Refused calls do not count: after the window of the first call the
	// key gets exactly one more slot.
	h.clock.Advance(29 * time.Second)
	h.call("GET", self, DefaultAPIKey, nil).wantError(t, 429, 1013, "")
	h.clock.Advance(1 * time.Second) // t=60
	h.call("GET", self, DefaultAPIKey, nil).wantOK(t)
	a = h.call("GET", self, DefaultAPIKey, nil)
	a.wantError(t, 429, 1013, "")
	if ra := a.header.Get("Retry-After"); ra != "10" {
		t.Errorf("Retry-After %q, want 10 (the call at t=10)", ra)
	}

	// A wrong key is refused before the limiter and never counted as 429.
	h.call("GET", self, "wrong", nil).wantError(t, 401, 1010, "UNAUTHORIZED")
	if h.e.RateLimited() != 3 {
		t.Errorf("RateLimited %d, want 3", h.e.RateLimited())
	}
}

func TestRateLimitPerOrganization(t *testing.T) {
	h := newHarness(t, Options{OrgRateLimit: 4, RateWindow: 10 * time.Second})
	for i := 0; i < 2; i++ {
		h.call("GET", self, DefaultAPIKey, nil).wantOK(t)
		h.call("GET", "/users/3002", ViewerAPIKey, nil).wantOK(t)
	}
	// Both keys of organization 1001 share the allowance.
	a := h.call("GET", "/users/3002", ViewerAPIKey, nil)
	a.wantError(t, 429, 1013, "")
	if ra := a.header.Get("Retry-After"); ra != "10" {
		t.Errorf("Retry-After %q, want 10", ra)
	}
	h.call("GET", self, DefaultAPIKey, nil).wantError(t, 429, 1013, "")
	// Organization 1002 is not affected.
	h.call("GET", "/users/3101", OtherOrgAPIKey, nil).wantOK(t)

	h.clock.Advance(10 * time.Second)
	h.call("GET", self, DefaultAPIKey, nil).wantOK(t)
	if h.e.RateLimited() != 2 {
		t.Errorf("RateLimited %d, want 2", h.e.RateLimited())
	}
}

func TestRateLimitSubSecondRetryAfterRoundsUp(t *testing.T) {
	h := newHarness(t, Options{KeyRateLimit: 1, RateWindow: 1500 * time.Millisecond})
	h.call("GET", self, DefaultAPIKey, nil).wantOK(t)
	h.clock.Advance(1400 * time.Millisecond)
	a := h.call("GET", self, DefaultAPIKey, nil)
	if ra := a.header.Get("Retry-After"); ra != "1" {
		t.Errorf("Retry-After %q, want 1", ra)
	}
	h.clock.Advance(100 * time.Millisecond)
	h.call("GET", self, DefaultAPIKey, nil).wantOK(t)
}

func TestRateLimitOmitRetryAfter(t *testing.T) {
	h := newHarness(t, Options{KeyRateLimit: 1, OmitRetryAfter: true})
	h.call("GET", self, DefaultAPIKey, nil).wantOK(t)
	a := h.call("GET", self, DefaultAPIKey, nil)
	a.wantError(t, 429, 1013, "")
	if ra := a.header.Get("Retry-After"); ra != "" {
		t.Errorf("Retry-After %q, want none", ra)
	}
}

func TestCallAllowance(t *testing.T) {
	h := newHarness(t, Options{CallAllowance: 5})
	for i := 0; i < 5; i++ {
		key := DefaultAPIKey
		if i%2 == 1 {
			key = ViewerAPIKey
		}
		h.call("GET", "/organizations/1001/departments", key, nil).wantOK(t)
	}
	a := h.call("GET", self, DefaultAPIKey, nil)
	a.wantError(t, 429, 1013, "")
	if ra := a.header.Get("Retry-After"); ra != "" {
		t.Errorf("an exhausted allowance says Retry-After %q", ra)
	}
	h.clock.Advance(24 * time.Hour)
	h.call("GET", self, DefaultAPIKey, nil).wantError(t, 429, 1013, "")
	h.call("GET", "/users/3101", OtherOrgAPIKey, nil).wantOK(t)

	// A new seed buys more calls.
	if err := h.e.Seed(nil); err != nil {
		t.Fatal(err)
	}
	h.call("GET", self, DefaultAPIKey, nil).wantOK(t)
	if h.e.RateLimited() != 0 {
		t.Errorf("RateLimited %d after seeding, want 0", h.e.RateLimited())
	}
}

func TestCallLogWait(t *testing.T) {
	t0 := time.Unix(1000, 0)
	c := callLog[string]{}
	for i := 0; i < 3; i++ {
		c.record("k", t0.Add(time.Duration(i)*time.Second))
	}
	tests := []struct {
		at    time.Duration
		limit int
		want  time.Duration
	}{
		{at: 3 * time.Second, limit: 0, want: 0},
		{at: 3 * time.Second, limit: 4, want: 0},
		{at: 3 * time.Second, limit: 3, want: 57 * time.Second},
		{at: 3 * time.Second, limit: 2, want: 58 * time.Second},
		{at: 3 * time.Second, limit: 1, want: 59 * time.Second},
		{at: 60 * time.Second, limit: 3, want: 0},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.limit)+"@"+tt.at.String(), func(t *testing.T) {
			cp := callLog[string]{"k": append([]time.Time(nil), c["k"]...)}
			if got := cp.wait("k", tt.limit, time.Minute, t0.Add(tt.at)); got != tt.want {
				t.Errorf("wait %v, want %v", got, tt.want)
			}
		})
	}
}
