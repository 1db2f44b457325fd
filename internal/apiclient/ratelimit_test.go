package apiclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

func TestLimiterIsConsultedBeforeEveryAttempt(t *testing.T) {
	srv := newTestServer(t, func(n int, w http.ResponseWriter, _ *http.Request) {
		if n <= 2 {
			status(w, http.StatusServiceUnavailable)
			return
		}
		status(w, http.StatusOK)
	})
	// Three tokens and (practically) no refill: the first call's three
	// attempts must use all of them.
	limiter := rate.NewLimiter(rate.Every(time.Hour), 3)
	c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.Limiter = limiter })
	if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	if tokens := limiter.Tokens(); tokens >= 1 {
		t.Errorf("%.2f tokens left after three attempts, want < 1", tokens)
	}

	// The next token is an hour away, past this context's deadline: the call
	// fails at once without sending anything, and is not retried.
	// Waiting would take until the deadline; the bound below is far under
	// it and far over any scheduling delay of a busy machine.
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	start := time.Now()
	_, err := c.Do(ctx, Request{Method: http.MethodPost, Path: "/users"}, nil)
	e := mustError(t, err)
	if time.Since(start) > 20*time.Second || srv.hits.Load() != 3 || e.Attempts != 1 || e.Ambiguous {
		t.Errorf("elapsed=%s hits=%d attempts=%d ambiguous=%v", time.Since(start), srv.hits.Load(), e.Attempts, e.Ambiguous)
	}
	if !strings.Contains(e.Error(), "client-side rate limit") {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestDoStopsAtOnceWhenCancelledDuringLimiterWait(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusOK) })
	limiter := rate.NewLimiter(rate.Every(time.Hour), 1)
	limiter.Allow() // spend the only token
	// A budget longer than the wait for the token, which a shorter budget
	// would refuse at once (see TestDoRefusesALimiterWaitLongerThanTheBudget).
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.Limiter = limiter
		cfg.RetryBudget = 2 * time.Hour
	})

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.Do(ctx, Request{Path: "/users"}, nil)
	// The token is an hour away: returning within seconds means the
	// cancellation, not the limiter, ended the wait.
	if elapsed := time.Since(start); elapsed > 20*time.Second {
		t.Errorf("Do returned after %s", elapsed)
	}
	if e := mustError(t, err); e.Attempts != 1 {
		t.Errorf("attempts = %d, want 1", e.Attempts)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error does not wrap context.Canceled: %v", err)
	}
	if srv.hits.Load() != 0 {
		t.Error("a request was sent without a token")
	}
}

func TestRequestsPerSecondPacesCalls(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusOK) })
	c := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.RequestsPerSecond = 20
		cfg.Burst = 1
	})
	start := time.Now()
	for range 4 {
		if _, err := c.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
			t.Fatal(err)
		}
	}
	// One immediate, three at 50ms intervals.
	if elapsed := time.Since(start); elapsed < 140*time.Millisecond {
		t.Errorf("4 calls at 20/s took %s, want at least ~150ms", elapsed)
	}
}

func TestConfiguredLimiterWinsAndIsShared(t *testing.T) {
	srv := newTestServer(t, func(_ int, w http.ResponseWriter, _ *http.Request) { status(w, http.StatusOK) })
	// The registry is process-wide: a fresh key per run keeps -count=N honest.
	key := uniqueKey(t)
	shared := SharedLimiter(key, 1.0/3600, 1)
	a := newTestClient(t, srv.URL, func(cfg *Config) {
		cfg.Limiter = shared
		cfg.RequestsPerSecond = 1000 // ignored: Limiter wins
	})
	b := newTestClient(t, srv.URL, func(cfg *Config) { cfg.Limiter = SharedLimiter(key, 1.0/3600, 1) })

	if _, err := a.Do(t.Context(), Request{Path: "/users"}, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	if _, err := b.Do(ctx, Request{Path: "/users"}, nil); err == nil {
		t.Fatal("the second client did not share the first one's budget")
	}
	if srv.hits.Load() != 1 {
		t.Errorf("hits = %d, want 1", srv.hits.Load())
	}
}

func TestSharedLimiter(t *testing.T) {
	key := uniqueKey(t)
	a := SharedLimiter(key, 5, 2)
	b := SharedLimiter(key, 10, 0)
	if a != b {
		t.Fatal("same key, different limiters")
	}
	if a.Limit() != 10 || a.Burst() != 10 {
		t.Errorf("limit=%v burst=%d after update, want 10 and 10", a.Limit(), a.Burst())
	}
	if SharedLimiter(key+"-other", 5, 2) == a {
		t.Error("different keys share a limiter")
	}
	if SharedLimiter(key, 0, 0) != nil || NewLimiter(-1, 1) != nil {
		t.Error("a non-positive rate means no limiter")
	}
	if l := NewLimiter(0.5, 0); l.Burst() != 1 {
		t.Errorf("burst for 0.5/s = %d, want 1", l.Burst())
	}
}

var keySeq atomic.Int64

func uniqueKey(t *testing.T) string {
	return fmt.Sprintf("%s-%d", t.Name(), keySeq.Add(1))
}
