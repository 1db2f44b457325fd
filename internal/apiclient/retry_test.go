package apiclient

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestDoRetriesTransientStatuses(t *testing.T) {
	for _, code := range []int{429, 500, 502, 503, 504} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
				if n <= 2 {
					status(w, code)
					return
				}
				status(w, http.StatusOK)
			})
			c := newTestClient(t, srv.URL, nil)
			if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
				t.Fatalf("Do: %v", err)
			}
			if got := srv.hits.Load(); got != 3 {
				t.Errorf("hits = %d, want 3", got)
			}
		})
	}
}

func TestDoDoesNotRetryFinalStatuses(t *testing.T) {
	for _, code := range []int{400, 401, 403, 404, 409, 422, 501} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, code) })
			c := newTestClient(t, srv.URL, nil)
			_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
			e := mustError(t, err)
			if e.Status != code || e.Attempts != 1 || srv.hits.Load() != 1 {
				t.Errorf("status=%d attempts=%d hits=%d", e.Status, e.Attempts, srv.hits.Load())
			}
			if e.Ambiguous {
				t.Error("a GET is never ambiguous")
			}
		})
	}
}

// A positive MaxRetries caps the count within the budget; a negative one
// turns retries off. (Zero, no cap, is in budget_test.go.)
func TestDoBoundsRetriesByMaxRetries(t *testing.T) {
	for _, tt := range []struct {
		maxRetries, wantHits int
		gaveUp               string
	}{{2, 3, "max_retries allows 2 retries"}, {1, 2, "max_retries allows 1 retry"}, {-5, 1, "max_retries allows 0 retries"}} {
		t.Run(fmt.Sprint(tt.maxRetries), func(t *testing.T) {
			srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, 503) })
			c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.MaxRetries = tt.maxRetries })
			_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
			e := mustError(t, err)
			if e.Status != 503 || e.Attempts != tt.wantHits || int(srv.hits.Load()) != tt.wantHits {
				t.Errorf("status=%d attempts=%d hits=%d, want %d", e.Status, e.Attempts, srv.hits.Load(), tt.wantHits)
			}
			if e.GaveUp != tt.gaveUp || !strings.Contains(e.Error(), fmt.Sprintf("(gave up after %d attempt", tt.wantHits)) {
				t.Errorf("GaveUp = %q, Error() = %q", e.GaveUp, e.Error())
			}
			if !strings.Contains(e.Hint, "max_retries") {
				t.Errorf("Hint = %q, want it to name max_retries", e.Hint)
			}
		})
	}
}

func TestDoRetriesConnectionRefusedEvenForPOST(t *testing.T) {
	c := newTestClient(t, refusedURL(t), nil)
	_, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/depts/1/users", Body: map[string]string{"a": "b"}}, nil)
	e := mustError(t, err)
	if e.Attempts != 4 {
		t.Errorf("attempts = %d, want 4 (a refused connection sent nothing)", e.Attempts)
	}
	if e.Ambiguous || e.Status != 0 {
		t.Errorf("ambiguous=%v status=%d", e.Ambiguous, e.Status)
	}
	if !strings.HasPrefix(e.Error(), "TestVendor API call POST /depts/1/users failed after 4 attempts in ") || !strings.Contains(e.Error(), "refused") ||
		!strings.HasSuffix(e.Error(), "(gave up: max_retries allows 3 retries)") {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestDoNeverBlindlyRetriesNonIdempotentRequests(t *testing.T) {
	for _, code := range []int{500, 502, 503, 504} {
		t.Run(fmt.Sprintf("POST %d is ambiguous", code), func(t *testing.T) {
			srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, code) })
			c := newTestClient(t, srv.URL, nil)
			_, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/users", Body: map[string]string{}}, nil)
			e := mustError(t, err)
			if srv.hits.Load() != 1 || !e.Ambiguous || !IsAmbiguous(err) {
				t.Errorf("hits=%d ambiguous=%v", srv.hits.Load(), e.Ambiguous)
			}
		})
	}
	t.Run("PATCH 400 is definite", func(t *testing.T) {
		srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, 400) })
		c := newTestClient(t, srv.URL, nil)
		_, err := c.Do(t.Context(), Request{Method: http.MethodPatch, Path: "/users/1", Body: map[string]string{}}, nil)
		if e := mustError(t, err); e.Ambiguous || srv.hits.Load() != 1 {
			t.Errorf("hits=%d ambiguous=%v", srv.hits.Load(), e.Ambiguous)
		}
	})
	t.Run("POST 429 is retried", func(t *testing.T) {
		srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
			if n <= 2 {
				status(w, 429)
				return
			}
			status(w, http.StatusCreated)
		})
		c := newTestClient(t, srv.URL, nil)
		if _, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/users", Body: map[string]string{}}, nil); err != nil {
			t.Fatal(err)
		}
		if srv.hits.Load() != 3 {
			t.Errorf("hits = %d, want 3", srv.hits.Load())
		}
	})
	t.Run("PUT 503 is retried", func(t *testing.T) {
		srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
			if n == 1 {
				status(w, 503)
				return
			}
			status(w, http.StatusOK)
		})
		c := newTestClient(t, srv.URL, nil)
		if _, err := c.Do(t.Context(), Request{Method: http.MethodPut, Path: "/users/1", Body: map[string]string{}}, nil); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("Idempotent overrides the method", func(t *testing.T) {
		srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, 503) })
		c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.MaxRetries = 1 })
		_, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/search", Idempotent: ptr(true)}, nil)
		if e := mustError(t, err); srv.hits.Load() != 2 || e.Ambiguous {
			t.Errorf("idempotent POST: hits=%d ambiguous=%v", srv.hits.Load(), e.Ambiguous)
		}
		_, err = c.Do(t.Context(), Request{Method: http.MethodGet, Path: "/report", Idempotent: ptr(false)}, nil)
		if e := mustError(t, err); srv.hits.Load() != 3 || !e.Ambiguous {
			t.Errorf("non-idempotent GET: hits=%d ambiguous=%v", srv.hits.Load(), e.Ambiguous)
		}
	})
}

// dropAfterReading reads the request and closes the connection without an
// answer: the server may well have acted.
func dropAfterReading(_ int, w http.ResponseWriter, _ *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("no hijacker")
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(err)
	}
	_ = conn.Close()
}

func TestDoDroppedConnectionAfterSending(t *testing.T) {
	t.Run("POST is ambiguous and not retried", func(t *testing.T) {
		srv := newTestServer(t, dropAfterReading)
		c := newTestClient(t, srv.URL, nil)
		_, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/users", Body: map[string]string{"email": "a@b.c"}}, nil)
		e := mustError(t, err)
		if srv.hits.Load() != 1 || e.Attempts != 1 || !e.Ambiguous || e.Status != 0 {
			t.Errorf("hits=%d attempts=%d ambiguous=%v status=%d", srv.hits.Load(), e.Attempts, e.Ambiguous, e.Status)
		}
		if !strings.Contains(e.Detail(), "may have carried out the request") {
			t.Errorf("Detail() = %q", e.Detail())
		}
	})
	t.Run("GET is retried", func(t *testing.T) {
		srv := newTestServer(t, dropAfterReading)
		c := newTestClient(t, srv.URL, nil)
		_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
		e := mustError(t, err)
		if srv.hits.Load() < 4 || e.Attempts != 4 || e.Ambiguous {
			t.Errorf("hits=%d attempts=%d ambiguous=%v", srv.hits.Load(), e.Attempts, e.Ambiguous)
		}
	})
}

func TestDoTimeoutAfterSending(t *testing.T) {
	slow := func(_ int, w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
			status(w, http.StatusCreated)
		}
	}
	fast := func(cfg *Config) {
		cfg.RequestTimeout = 100 * time.Millisecond
		cfg.MaxRetries = 2
	}
	t.Run("POST is ambiguous and not retried", func(t *testing.T) {
		srv := newTestServer(t, slow)
		c := newTestClient(t, srv.URL, fast)
		_, err := c.Do(t.Context(), Request{Method: http.MethodPost, Path: "/users", Body: map[string]string{}}, nil)
		e := mustError(t, err)
		if srv.hits.Load() != 1 || !e.Ambiguous {
			t.Errorf("hits=%d ambiguous=%v", srv.hits.Load(), e.Ambiguous)
		}
		if !strings.Contains(e.Error(), "request timeout of 100ms") {
			t.Errorf("Error() = %q", e.Error())
		}
		if errors.Is(err, context.Canceled) {
			t.Error("a per-attempt timeout is not a cancellation")
		}
	})
	t.Run("GET is retried", func(t *testing.T) {
		srv := newTestServer(t, slow)
		c := newTestClient(t, srv.URL, fast)
		_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
		e := mustError(t, err)
		if srv.hits.Load() != 3 || e.Attempts != 3 || e.Ambiguous {
			t.Errorf("hits=%d attempts=%d ambiguous=%v", srv.hits.Load(), e.Attempts, e.Ambiguous)
		}
	})
}

func TestDoDoesNotRetryCertificateErrors(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		status(w, http.StatusOK)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)

	// The default transport does not trust httptest's certificate. The first
	// handshake loads the system roots, which under -race on a busy machine
	// can outlast the tests' short default timeout and be retried as one.
	long := func(cfg *Config) { cfg.RequestTimeout = time.Minute }
	c := newTestClient(t, srv.URL, long)
	_, err := c.Do(t.Context(), Request{Path: "/users"}, nil)
	e := mustError(t, err)
	if e.Attempts != 1 || hits.Load() != 0 {
		t.Errorf("attempts=%d hits=%d, want 1 and 0", e.Attempts, hits.Load())
	}
	var uae x509.UnknownAuthorityError
	if !errors.As(err, &uae) {
		t.Errorf("error chain lacks the certificate error: %v", err)
	}

	// With the server's certificate trusted the same call works.
	c = newTestClient(t, srv.URL, func(cfg *Config) { long(cfg); cfg.Transport = srv.Client().Transport })
	if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
}

func TestDoHonoursRetryAfterSeconds(t *testing.T) {
	srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			status(w, http.StatusServiceUnavailable)
			return
		}
		status(w, http.StatusOK)
	})
	c := newTestClient(t, srv.URL, nil)
	start := time.Now()
	if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	if elapsed := time.Since(start); elapsed < 950*time.Millisecond {
		t.Errorf("retried after %s, want about 1s", elapsed)
	}
}

func TestDoCapsRetryAfter(t *testing.T) {
	srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n == 1 {
			w.Header().Set("Retry-After", "86400")
			status(w, http.StatusTooManyRequests)
			return
		}
		status(w, http.StatusOK)
	})
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.MaxRetryAfter = 20 * time.Millisecond
		cfg.RetryBudget = 48 * time.Hour // the day asked for fits
	})
	start := time.Now()
	if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	// Without the cap the wait would be a day.
	if elapsed := time.Since(start); elapsed > 20*time.Second {
		t.Errorf("waited %s despite the cap", elapsed)
	}
}

func TestDoGivesUpAtOnceWhenRetryAfterPassesTheDeadline(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "120")
		status(w, http.StatusTooManyRequests)
	})
	c := newTestClient(t, srv.URL, nil)
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/users", Body: map[string]string{}}, nil)
	elapsed := time.Since(start)
	e := mustError(t, err)
	if elapsed > time.Second {
		t.Errorf("took %s; should stop at once", elapsed)
	}
	if e.Status != 429 || e.Attempts != 1 || e.RetryAfter != 2*time.Minute || e.Ambiguous {
		t.Errorf("status=%d attempts=%d retryAfter=%s ambiguous=%v", e.Status, e.Attempts, e.RetryAfter, e.Ambiguous)
	}
	if !strings.Contains(e.Error(), "asked to wait 2m0s") {
		t.Errorf("Error() = %q", e.Error())
	}
	if e.Hint == "" {
		t.Error("a 429 gets a default hint")
	}
}

func TestDoStopsAtOnceWhenCancelledDuringRetryAfterWait(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "60")
		status(w, http.StatusTooManyRequests)
	})
	c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.RetryBudget = 5 * time.Minute })
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	cancelled := make(chan time.Time, 1)
	time.AfterFunc(100*time.Millisecond, func() {
		cancelled <- time.Now()
		cancel()
	})
	_, err := c.Do(ctx, Request{Path: "/users"}, nil)
	returned := time.Now()
	e := mustError(t, err)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error does not wrap context.Canceled: %v", err)
	}
	select {
	case at := <-cancelled:
		if lag := returned.Sub(at); lag > 100*time.Millisecond {
			t.Errorf("Do returned %s after cancellation", lag)
		}
	default:
		t.Fatal("Do returned before the context was cancelled")
	}
	if e.Attempts != 1 || e.Ambiguous {
		t.Errorf("attempts=%d ambiguous=%v", e.Attempts, e.Ambiguous)
	}
}

func TestDoStopsWhenCancelledDuringARequest(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
		status(w, http.StatusOK)
	})
	c := newTestClient(t, srv.URL, nil)
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	_, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/users", Body: map[string]string{}}, nil)
	e := mustError(t, err)
	if !errors.Is(err, context.DeadlineExceeded) || srv.hits.Load() != 1 {
		t.Errorf("hits=%d err=%v", srv.hits.Load(), err)
	}
	if !e.Ambiguous {
		t.Error("a POST cut off after sending is ambiguous")
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"7", 7 * time.Second, true},
		{" 0 ", 0, true},
		{"-3", 0, false},
		{"soon", 0, false},
		{"99999999999999999", time.Duration(1<<63 - 1).Truncate(time.Second), true},
		{"Sat, 01 Mar 2025 12:00:30 GMT", 30 * time.Second, true},
		{"Saturday, 01-Mar-25 12:01:00 GMT", time.Minute, true},
		{"Sat Mar  1 12:00:05 2025", 5 * time.Second, true},
		{"Sat, 01 Mar 2025 11:00:00 GMT", 0, true},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %s, %v; want %s, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}

	resp := &http.Response{StatusCode: http.StatusBadGateway, Header: http.Header{"Retry-After": {"5"}}}
	if _, ok := retryAfter(resp, now); ok {
		t.Error("Retry-After is only honoured on 429 and 503")
	}
}

func TestBackoffIsJitteredExponentialAndCapped(t *testing.T) {
	c := newTestClient(t, "http://127.0.0.1:1", func(cfg *Config) {
		cfg.RetryWaitMin = 100 * time.Millisecond
		cfg.RetryWaitMax = time.Second
	})
	bounds := map[int][2]time.Duration{
		1:  {50 * time.Millisecond, 100 * time.Millisecond},
		2:  {100 * time.Millisecond, 200 * time.Millisecond},
		3:  {200 * time.Millisecond, 400 * time.Millisecond},
		10: {500 * time.Millisecond, time.Second},
		60: {500 * time.Millisecond, time.Second},
	}
	for attempt, b := range bounds {
		seen := map[time.Duration]bool{}
		for range 50 {
			d := c.backoff(attempt)
			if d < b[0] || d > b[1] {
				t.Fatalf("backoff(%d) = %s, want within [%s, %s]", attempt, d, b[0], b[1])
			}
			seen[d] = true
		}
		if len(seen) < 2 {
			t.Errorf("backoff(%d) has no jitter", attempt)
		}
	}
}

func TestPermanentErrorClassification(t *testing.T) {
	permanent := []error{
		&limiterError{err: context.Canceled},
		&bodyTooLargeError{limit: maxResponseBytes},
		x509.UnknownAuthorityError{},
		fmt.Errorf(`Get "ftp://x": unsupported protocol scheme "ftp"`),
		fmt.Errorf("stopped after 10 redirects"),
	}
	for _, err := range permanent {
		if !permanentError(err) {
			t.Errorf("%v should not be retried", err)
		}
	}
	if permanentError(io.ErrUnexpectedEOF) {
		t.Error("an unexpected EOF is worth a retry")
	}
}
