package apiclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// budgetOnly is a Config bounded by its retry budget alone, as the provider
// builds it when max_retries is not set.
func budgetOnly(budget time.Duration) func(*Config) {
	return func(cfg *Config) {
		cfg.MaxRetries = 0
		cfg.RetryBudget = budget
		cfg.RetryWaitMin = time.Millisecond
		cfg.RetryWaitMax = 20 * time.Millisecond
	}
}

// outage answers with fail until the outage ends, then with 200.
func outage(length time.Duration, fail func(n int, w http.ResponseWriter, r *http.Request)) func(int, http.ResponseWriter, *http.Request) {
	ends := time.Now().Add(length)
	return func(n int, w http.ResponseWriter, r *http.Request) {
		if time.Now().Before(ends) {
			fail(n, w, r)
			return
		}
		status(w, http.StatusOK)
	}
}

// mixedFaults turns requests away in turn with each of the failures a retry
// can fix: 503, 429 without Retry-After, 500, a dropped connection, 502, 504.
func mixedFaults(n int, w http.ResponseWriter, r *http.Request) {
	switch n % 6 {
	case 0:
		status(w, http.StatusServiceUnavailable)
	case 1:
		status(w, http.StatusTooManyRequests)
	case 2:
		status(w, http.StatusInternalServerError)
	case 3:
		dropAfterReading(n, w, r)
	case 4:
		status(w, http.StatusBadGateway)
	default:
		status(w, http.StatusGatewayTimeout)
	}
}

// An outage far longer than the old count of retries allowed, but shorter
// than the budget, is ridden out by every idempotent method.
func TestDoRidesOutAnOutageShorterThanTheBudget(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		t.Run(method, func(t *testing.T) {
			srv := newTestServer(t, outage(600*time.Millisecond, mixedFaults))
			c := newTestClient(t, srv.URL, budgetOnly(30*time.Second))
			var body any
			if method == http.MethodPut {
				body = map[string]string{"name": "x"}
			}
			if _, err := c.Do(t.Context(), Request{Method: method, Path: "/users/1", Body: body}, nil); err != nil {
				t.Fatalf("Do: %v", err)
			}
			// At most 20ms between attempts over 600ms: a count of five
			// attempts would have given up long before the outage ended.
			if hits := srv.hits.Load(); hits <= 1+DefaultMaxRetries {
				t.Errorf("hits = %d; the outage should have outlasted %d attempts", hits, 1+DefaultMaxRetries)
			}
		})
	}
}

// An outage longer than the budget ends the call at about the budget, with
// an error that says what was waited for.
func TestDoOutageLongerThanTheBudgetEndsAtTheBudget(t *testing.T) {
	const budget = time.Second
	t.Run("status", func(t *testing.T) {
		srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusServiceUnavailable) })
		c := newTestClient(t, srv.URL, budgetOnly(budget))
		start := time.Now()
		_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
		took := time.Since(start)
		e := mustError(t, err)
		if e.Status != 503 || e.Attempts != int(srv.hits.Load()) || e.Attempts <= 1+DefaultMaxRetries {
			t.Errorf("status=%d attempts=%d hits=%d", e.Status, e.Attempts, srv.hits.Load())
		}
		// It stops when too little is left for one more attempt (a tenth of
		// the budget), and never waits past the budget; the upper margin is
		// for slow machines.
		if took < budget/2 || took > budget+10*time.Second || e.Elapsed < budget/2 || e.Elapsed > took {
			t.Errorf("took %s, Elapsed %s; want about the %s budget", took, e.Elapsed, budget)
		}
		if e.Budget != budget || !strings.Contains(e.GaveUp, "of the 1s retry budget") {
			t.Errorf("Budget=%s GaveUp=%q", e.Budget, e.GaveUp)
		}
		want := fmt.Sprintf(`TestVendor API answered 503 Service Unavailable for GET /users: {"message":"Service Unavailable"} (gave up after %d attempts in `, e.Attempts)
		if msg := e.Error(); !strings.HasPrefix(msg, want) || !strings.Contains(msg, "retry budget") {
			t.Errorf("Error() = %q, want it to start %q and name the budget", msg, want)
		}
		if !strings.Contains(e.Hint, "retry_budget") || e.Ambiguous {
			t.Errorf("Hint = %q, ambiguous = %v", e.Hint, e.Ambiguous)
		}
	})
	t.Run("connection refused", func(t *testing.T) {
		c := newTestClient(t, refusedURL(t), budgetOnly(budget))
		_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
		e := mustError(t, err)
		msg := e.Error()
		if e.Status != 0 || e.Attempts <= 1+DefaultMaxRetries || e.GaveUp == "" {
			t.Errorf("status=%d attempts=%d GaveUp=%q", e.Status, e.Attempts, e.GaveUp)
		}
		if !strings.HasPrefix(msg, fmt.Sprintf("TestVendor API call GET /users failed after %d attempts in ", e.Attempts)) ||
			!strings.Contains(msg, "refused") || !strings.Contains(msg, "retry budget") {
			t.Errorf("Error() = %q", msg)
		}
	})
}

// The budget bounds the whole call, the attempts' own time included: an
// attempt still running when the budget ends is cut off, well before the
// request timeout, and the error says so rather than blaming the
// operation's deadline.
func TestDoBudgetBoundsTheAttemptsToo(t *testing.T) {
	hang := func(_ int, w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
			status(w, http.StatusOK)
		}
	}
	slow := func(cfg *Config) {
		budgetOnly(300 * time.Millisecond)(cfg)
		cfg.RequestTimeout = 30 * time.Second
	}
	t.Run("GET", func(t *testing.T) {
		srv := newTestServer(t, func(n int, w http.ResponseWriter, r *http.Request) {
			if n == 1 {
				status(w, http.StatusServiceUnavailable)
				return
			}
			hang(n, w, r)
		})
		c := newTestClient(t, srv.URL, slow)
		start := time.Now()
		_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
		e := mustError(t, err)
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("took %s; the 300ms budget should have ended the hanging attempt", took)
		}
		if e.Attempts != 2 || e.Ambiguous || e.Status != 0 {
			t.Errorf("attempts=%d ambiguous=%v status=%d", e.Attempts, e.Ambiguous, e.Status)
		}
		want := "the 300ms retry budget ran out during attempt 2; the attempt before it failed with 503 Service Unavailable (gave up: the 300ms retry budget is spent)"
		if !strings.HasSuffix(e.Error(), want) {
			t.Errorf("Error() = %q, want it to end %q", e.Error(), want)
		}
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			t.Error("the caller's context did not end, and the error must not say it did")
		}
	})
	t.Run("POST", func(t *testing.T) {
		srv := newTestServer(t, hang)
		c := newTestClient(t, srv.URL, slow)
		_, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/users", Body: map[string]string{}}, nil)
		e := mustError(t, err)
		if srv.hits.Load() != 1 || !e.Ambiguous || e.GaveUp != "" {
			t.Errorf("hits=%d ambiguous=%v GaveUp=%q", srv.hits.Load(), e.Ambiguous, e.GaveUp)
		}
		if !strings.HasSuffix(e.Error(), "failed after 1 attempt: the 300ms retry budget ran out during attempt 1") {
			t.Errorf("Error() = %q", e.Error())
		}
	})
}

// A Retry-After longer than what is left of the budget ends the call at
// once, saying what was asked and what was left.
func TestDoHugeRetryAfterEndsTheCallAtOnce(t *testing.T) {
	for _, code := range []int{http.StatusTooManyRequests, http.StatusServiceUnavailable} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Retry-After", "99999999")
				status(w, code)
			})
			c := newTestClient(t, srv.URL, budgetOnly(time.Minute))
			start := time.Now()
			_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
			took := time.Since(start)
			e := mustError(t, err)
			if took > 20*time.Second || e.Attempts != 1 || srv.hits.Load() != 1 {
				t.Errorf("took %s with %d attempts; it should stop at once", took, e.Attempts)
			}
			if e.RetryAfter != 99999999*time.Second || e.Status != code {
				t.Errorf("RetryAfter=%s status=%d", e.RetryAfter, e.Status)
			}
			msg := e.Error()
			for _, want := range []string{"gave up after 1 attempt in ", "it asked to wait 27777h46m39s before retrying, more than the ", " left of the 1m0s retry budget"} {
				if !strings.Contains(msg, want) {
					t.Errorf("Error() = %q, want %q in it", msg, want)
				}
			}
			// A 429 keeps the rate-limit hint; a 503 is told when to come back.
			if wantHint := map[int]string{429: "requests_per_second", 503: "only after 27777h46m39s"}[code]; !strings.Contains(e.Hint, wantHint) {
				t.Errorf("Hint = %q, want %q in it", e.Hint, wantHint)
			}
		})
	}
}

// A Retry-After that fits in the budget is honoured as before.
func TestDoHonoursARetryAfterWithinTheBudget(t *testing.T) {
	srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			status(w, http.StatusTooManyRequests)
			return
		}
		status(w, http.StatusOK)
	})
	c := newTestClient(t, srv.URL, budgetOnly(30*time.Second))
	start := time.Now()
	if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took < 950*time.Millisecond {
		t.Errorf("retried after %s, want the second asked for", took)
	}
}

// No backoff outlasts the budget: one that would is shortened so that a
// last attempt still fits, and the call ends after it.
func TestDoShortensTheLastBackoffToTheBudget(t *testing.T) {
	longBackoff := func(cfg *Config) {
		budgetOnly(time.Second)(cfg)
		cfg.RetryWaitMin = time.Minute
		cfg.RetryWaitMax = time.Minute
	}
	t.Run("the last attempt succeeds", func(t *testing.T) {
		srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
			if n == 1 {
				status(w, http.StatusBadGateway)
				return
			}
			status(w, http.StatusOK)
		})
		c := newTestClient(t, srv.URL, longBackoff)
		start := time.Now()
		if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
			t.Fatal(err)
		}
		if took := time.Since(start); took > 20*time.Second || srv.hits.Load() != 2 {
			t.Errorf("took %s with %d hits; the minute's backoff should have been cut to the 1s budget", took, srv.hits.Load())
		}
	})
	t.Run("the last attempt fails", func(t *testing.T) {
		srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusBadGateway) })
		c := newTestClient(t, srv.URL, longBackoff)
		_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
		e := mustError(t, err)
		if e.Attempts != 2 || e.Elapsed > 20*time.Second {
			t.Errorf("attempts=%d elapsed=%s", e.Attempts, e.Elapsed)
		}
		if !strings.Contains(e.GaveUp, "left of the 1s retry budget, too little for another attempt") {
			t.Errorf("GaveUp = %q", e.GaveUp)
		}
	})
}

// The budget changes how long a call is retried, not which failures of a
// non-idempotent request are: only a 429 and a request that never left are
// repeated; a 5xx, a dropped connection or a timeout after sending is
// returned at once as ambiguous.
func TestDoKeepsTheNonIdempotentRulesUnderTheBudget(t *testing.T) {
	post := func(c *Client) error {
		_, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/users", Body: map[string]string{"email": "a@b.c"}}, nil)
		return err
	}
	for _, code := range []int{500, 502, 503, 504} {
		t.Run(fmt.Sprintf("%d is ambiguous", code), func(t *testing.T) {
			srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, code) })
			e := mustError(t, post(newTestClient(t, srv.URL, budgetOnly(30*time.Second))))
			if srv.hits.Load() != 1 || !e.Ambiguous || e.GaveUp != "" {
				t.Errorf("hits=%d ambiguous=%v GaveUp=%q", srv.hits.Load(), e.Ambiguous, e.GaveUp)
			}
		})
	}
	t.Run("a dropped connection is ambiguous", func(t *testing.T) {
		srv := newTestServer(t, dropAfterReading)
		e := mustError(t, post(newTestClient(t, srv.URL, budgetOnly(30*time.Second))))
		if srv.hits.Load() != 1 || !e.Ambiguous {
			t.Errorf("hits=%d ambiguous=%v", srv.hits.Load(), e.Ambiguous)
		}
	})
	t.Run("a timeout after sending is ambiguous", func(t *testing.T) {
		srv := newTestServer(t, func(_ int, _ http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
		e := mustError(t, post(newTestClient(t, srv.URL, func(cfg *Config) {
			budgetOnly(30 * time.Second)(cfg)
			cfg.RequestTimeout = 100 * time.Millisecond
		})))
		if srv.hits.Load() != 1 || !e.Ambiguous || !strings.Contains(e.Error(), "request timeout of 100ms") {
			t.Errorf("hits=%d ambiguous=%v Error()=%q", srv.hits.Load(), e.Ambiguous, e.Error())
		}
	})
	t.Run("429s are retried until they stop", func(t *testing.T) {
		srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
			if n <= 2*(1+DefaultMaxRetries) {
				status(w, http.StatusTooManyRequests)
				return
			}
			status(w, http.StatusCreated)
		})
		if err := post(newTestClient(t, srv.URL, budgetOnly(30*time.Second))); err != nil {
			t.Fatal(err)
		}
		if want := int32(2*(1+DefaultMaxRetries) + 1); srv.hits.Load() != want {
			t.Errorf("hits = %d, want %d", srv.hits.Load(), want)
		}
	})
	t.Run("a refused connection is retried until the budget ends", func(t *testing.T) {
		e := mustError(t, post(newTestClient(t, refusedURL(t), budgetOnly(500*time.Millisecond))))
		if e.Ambiguous || e.Attempts <= 1+DefaultMaxRetries || e.GaveUp == "" {
			t.Errorf("ambiguous=%v attempts=%d GaveUp=%q", e.Ambiguous, e.Attempts, e.GaveUp)
		}
	})
}

// The caller's deadline still binds when it comes before the budget's end,
// and the error then names it instead of the budget.
func TestDoCallerDeadlineBeforeTheBudget(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusServiceUnavailable) })
	c := newTestClient(t, srv.URL, budgetOnly(time.Hour))
	ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
	defer cancel()
	_, err := c.Do(ctx, Request{Path: "/users"}, nil)
	e := mustError(t, err)
	if e.Status != 503 || e.Attempts <= 1 {
		t.Errorf("status=%d attempts=%d", e.Status, e.Attempts)
	}
	if !strings.Contains(e.GaveUp, "before the operation's deadline") || strings.Contains(e.Error(), "retry budget") {
		t.Errorf("GaveUp=%q Error()=%q", e.GaveUp, e.Error())
	}
}

// A rate-limit wait counts against the budget: a token further away than
// the budget's end is not waited for.
func TestDoRefusesALimiterWaitLongerThanTheBudget(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusOK) })
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		budgetOnly(time.Minute)(cfg)
		cfg.RequestsPerSecond = 1.0 / 3600 // one request an hour
	})
	if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err) // the bucket starts with one token
	}
	start := time.Now()
	_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
	e := mustError(t, err)
	if took := time.Since(start); took > 20*time.Second || srv.hits.Load() != 1 {
		t.Errorf("took %s, hits %d; the next token is an hour away, past the budget", took, srv.hits.Load())
	}
	if !strings.Contains(e.Error(), "client-side rate limit") {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestClientMaxRetriesForCallersThatRepeat(t *testing.T) {
	for _, tt := range []struct{ configured, want int }{{0, DefaultMaxRetries}, {7, 7}, {-1, 0}} {
		c := newTestClient(t, "http://127.0.0.1:1", func(cfg *Config) { cfg.MaxRetries = tt.configured })
		if got := c.MaxRetries(); got != tt.want {
			t.Errorf("MaxRetries() with Config.MaxRetries %d = %d, want %d", tt.configured, got, tt.want)
		}
	}
}
