package quickhelp

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Concurrent readers share one walk, later readers reuse its result, and a
// write updates the copy in place without a new walk.
func TestUserCacheSharesOneWalk(t *testing.T) {
	c := newUserCache()
	var walks atomic.Int32
	release := make(chan struct{})
	var failWith error
	fetch := func(context.Context) ([]User, error) {
		walks.Add(1)
		<-release
		if failWith != nil {
			return nil, failWith
		}
		return []User{{UserID: 1, FirstName: ptr("A")}, {UserID: 2}}, nil
	}
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			users, err := c.get(context.Background(), "", forRead, fetch)
			if err != nil || len(users) != 2 {
				t.Errorf("got %v, %v", users, err)
			}
		}()
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := walks.Load(); n != 1 {
		t.Fatalf("50 concurrent readers made %d walks, want 1", n)
	}

	c.upsert("", User{UserID: 1, FirstName: ptr("B")})
	users, _ := c.get(context.Background(), "", forRead, fetch)
	if walks.Load() != 1 || deref(users[0].FirstName) != "B" {
		t.Fatalf("a write should update the copy in place: walks %d, users %+v", walks.Load(), users)
	}
	c.remove("", 2)
	if users, _ := c.get(context.Background(), "", forRead, fetch); len(users) != 1 || walks.Load() != 1 {
		t.Fatalf("a delete should drop the user in place: %+v", users)
	}

	// A failed walk is reported to the caller and not kept.
	failWith = errors.New("boom")
	c.invalidate()
	if _, err := c.get(context.Background(), "", forRead, fetch); err == nil || walks.Load() != 2 {
		t.Fatalf("a failed walk must be reported: %v, walks %d", err, walks.Load())
	}
	failWith = nil
	if users, err := c.get(context.Background(), "", forRead, fetch); err != nil || len(users) != 2 || walks.Load() != 3 {
		t.Fatalf("a failed walk must not be cached: %v %v", users, err)
	}
}

// A copy older than the caller accepts, an invalidation, or a write during a
// walk all lead to a new walk; errors are shared, not cached.
func TestUserCacheFreshness(t *testing.T) {
	now := time.Unix(0, 0)
	c := newUserCache()
	c.now = func() time.Time { return now }
	var walks int
	fetch := func(context.Context) ([]User, error) { walks++; return []User{{UserID: 1}}, nil }

	ctx := context.Background()
	_, _ = c.get(ctx, "", forRead, fetch)
	now = now.Add(time.Duration(forWrite) + time.Second)
	_, _ = c.get(ctx, "", forRead, fetch)
	if walks != 1 {
		t.Fatalf("a read within %v should reuse the copy, walks = %d", time.Duration(forRead), walks)
	}
	_, _ = c.get(ctx, "", forWrite, fetch)
	if walks != 2 {
		t.Fatalf("a write's read needs a copy younger than %v, walks = %d", time.Duration(forWrite), walks)
	}
	c.invalidate()
	_, _ = c.get(ctx, "", forRead, fetch)
	if walks != 3 {
		t.Fatalf("an invalidated copy must be walked again, walks = %d", walks)
	}
	// A write in another scope drops this one too (the user may be in both).
	c.upsert("2002", User{UserID: 9})
	_, _ = c.get(ctx, "", forRead, fetch)
	if walks != 4 {
		t.Fatalf("a write elsewhere should invalidate this scope, walks = %d", walks)
	}
	// A walk that overlaps a write is returned but not kept.
	_, _ = c.get(ctx, "x", forRead, func(context.Context) ([]User, error) {
		c.invalidate()
		return nil, nil
	})
	_, _ = c.get(ctx, "x", forRead, fetch)
	if walks != 5 {
		t.Fatalf("a walk that overlapped a write must not be cached, walks = %d", walks)
	}
}

func TestScopeKey(t *testing.T) {
	if scopeKey(nil) != "" || scopeKey([]int64{2002, 2001}) != "2001,2002" {
		t.Fatalf("scopeKey: %q %q", scopeKey(nil), scopeKey([]int64{2002, 2001}))
	}
}
