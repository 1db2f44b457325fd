package quickhelp

import (
	"context"
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// QuickHelp has no call that reads one user (quickhelp-api.md §0, §3): every
// read is a walk of the paged user list. Terraform refreshes resources in
// parallel, each in its own RPC, so without sharing, refreshing N users would
// walk the list N times. The cache below lets one walk serve every resource
// and data source of a provider configuration: concurrent readers wait for
// the walk in flight instead of starting their own (singleflight), and writes
// update the cached copy in place so a read after a write needs no new walk.
//
// The provider is configured anew for every Terraform command (and for the
// plan and apply phases of one), so a cached copy never outlives a run by
// much; the freshness limits below bound it for long-lived processes too.

// freshness is how old a cached copy a caller accepts.
type freshness time.Duration

const (
	// forRead serves refreshes and data sources: anything fetched during
	// the current command.
	forRead = freshness(5 * time.Minute)
	// forWrite serves the read right before an update or delete, which must
	// reflect the server's current values; a copy this young, kept current
	// by this process's own writes, is that.
	forWrite = freshness(30 * time.Second)
)

// userCache holds one list per customer scope.
type userCache struct {
	mu      sync.Mutex
	entries map[string]*cacheEntry
	// generation changes with every write, so a walk that started before a
	// write does not store a copy that misses it.
	generation uint64
	now        func() time.Time
}

type cacheEntry struct {
	users     []User
	fetchedAt time.Time
	valid     bool
	flight    *flight
}

// flight is one walk in progress; waiters read its result once done closes.
type flight struct {
	done  chan struct{}
	users []User
	err   error
}

func newUserCache() *userCache {
	return &userCache{entries: map[string]*cacheEntry{}, now: time.Now}
}

// scopeKey names a customer filter: "" for the key's own account, else the
// sorted ids.
func scopeKey(customerIDs []int64) string {
	ids := slices.Clone(customerIDs)
	slices.Sort(ids)
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

// get returns the scope's users, from a copy no older than fresh, from the
// walk already in flight, or from a new walk. The slice must not be changed.
func (c *userCache) get(ctx context.Context, scope string, fresh freshness, fetch func(context.Context) ([]User, error)) ([]User, error) {
	for {
		c.mu.Lock()
		e := c.entries[scope]
		if e == nil {
			e = &cacheEntry{}
			c.entries[scope] = e
		}
		if e.valid && c.now().Sub(e.fetchedAt) <= time.Duration(fresh) {
			users := e.users
			c.mu.Unlock()
			return users, nil
		}
		if f := e.flight; f != nil {
			c.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			// The walk was cut short by its starter's deadline, not by the
			// API: this caller still has time, so it walks itself.
			if f.err != nil && ctx.Err() == nil && (errors.Is(f.err, context.Canceled) || errors.Is(f.err, context.DeadlineExceeded)) {
				continue
			}
			return f.users, f.err
		}
		f := &flight{done: make(chan struct{})}
		e.flight = f
		gen := c.generation
		c.mu.Unlock()

		f.users, f.err = fetch(ctx)

		c.mu.Lock()
		e.flight = nil
		if f.err == nil && gen == c.generation {
			e.users, e.fetchedAt, e.valid = f.users, c.now(), true
		}
		c.mu.Unlock()
		close(f.done)
		return f.users, f.err
	}
}

// upsert records a user as a write left it. Other scopes may hold the same
// user, so they are dropped.
func (c *userCache) upsert(scope string, u User) {
	c.write(scope, func(users []User) []User {
		i := slices.IndexFunc(users, func(x User) bool { return x.UserID == u.UserID })
		if i < 0 {
			users = append(users, u)
			sort.Slice(users, func(a, b int) bool { return users[a].UserID < users[b].UserID })
			return users
		}
		users[i] = u
		return users
	})
}

// remove drops a deleted user.
func (c *userCache) remove(scope string, userID int64) {
	c.write(scope, func(users []User) []User {
		return slices.DeleteFunc(users, func(x User) bool { return x.UserID == userID })
	})
}

// write changes a copy of the scope's list (readers may hold the old one)
// and invalidates every other scope.
func (c *userCache) write(scope string, change func([]User) []User) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	for key, e := range c.entries {
		if key != scope {
			e.valid = false
		}
	}
	if e := c.entries[scope]; e != nil && e.valid {
		e.users = change(slices.Clone(e.users))
	}
}

// invalidate forgets every cached list, after a write whose effect is not
// known (it failed, or the server may have acted in ways the client cannot
// reproduce).
func (c *userCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.generation++
	for _, e := range c.entries {
		e.valid = false
	}
}
