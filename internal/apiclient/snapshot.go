package apiclient

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Terraform refreshes every resource in its own call, ten at a time by
// default, so a plan of a thousand users of one vendor is a thousand reads
// of one user each, paced by the vendor's rate limit. Every vendor also has
// a list call that returns whole users, many per page. Snapshots lets a
// burst of reads of one scope (a QAComplete department, a QuestionPro
// organization, a 2sms account, a QuickHelp customer) share one walk of
// that list, while a refresh of a handful of users still reads each one
// directly.
//
// What a snapshot may be used for is deliberately narrow:
//   - it answers reads (refresh, data sources, finding a user to adopt or
//     import), never the read an update builds its request from;
//   - it is fresh for the operation: no older than SnapshotConfig.Fresh,
//     and a provider process lives for one Terraform command;
//   - it reflects the provider's own writes: Put and Remove change it, and
//     are replayed onto a walk that was in flight when they happened;
//   - it never proves absence: a key missing from it answers "not served",
//     and the caller reads the user directly, where the vendor's own
//     not-found is the only proof a user is gone.

// SnapshotConfig sets when a scope is walked and how long a walk serves.
type SnapshotConfig struct {
	// Burst is how many reads of one scope, each started within Window of
	// the one before, make a walk worth it: the read that reaches Burst
	// starts the walk, and the reads before it were read directly. 1 walks
	// on the first read (QuickHelp, which has no other way to read).
	Burst int

	// Window is how close together reads must come to count as a burst.
	Window time.Duration

	// Fresh is how long a walk serves reads after it ended.
	Fresh time.Duration
}

// DefaultSnapshotConfig starts a walk at the fifth read of a scope within a
// second of each other: four direct reads and one walk are the price of a
// burst, and a refresh of four users or fewer costs one read each.
var DefaultSnapshotConfig = SnapshotConfig{Burst: 5, Window: time.Second, Fresh: 2 * time.Minute}

// Snapshots holds one list snapshot per scope of a vendor's users of type T,
// keyed by what key returns (the user's id). It is safe for concurrent use.
type Snapshots[T any] struct {
	cfg   SnapshotConfig
	key   func(T) string
	now   func() time.Time
	mu    sync.Mutex
	scope map[string]*snapshotScope[T]
}

type snapshotScope[T any] struct {
	data      *snapshotData[T] // nil: no snapshot
	fetchedAt time.Time
	walkedAt  time.Time // when the walk that made data began
	lastRead  time.Time
	streak    int // reads in the current burst
	flight    *snapshotFlight[T]
	// failedAt is when a walk last failed: Get reads directly for Fresh
	// after it rather than walk again for every read of the burst.
	failedAt time.Time
}

// snapshotData is one walk's users with the provider's writes since.
type snapshotData[T any] struct {
	items map[string]T
	order []string // keys in the walk's order, writes' new keys last
}

// snapshotFlight is one walk in progress; done closes when it ends.
type snapshotFlight[T any] struct {
	done    chan struct{}
	started time.Time
	data    *snapshotData[T] // the result, once done and err is nil
	err     error
	// cut is true when the walk failed because its starter's context
	// ended (a deadline or a cancellation of that one caller), not because
	// of the vendor: an error of a request timeout also wraps
	// context.DeadlineExceeded, and must not send waiters walking again.
	cut     bool
	writes  []snapshotWrite[T] // the provider's writes while it ran, replayed onto its result
	dropped bool               // an Invalidate while it ran: its result is not kept
}

type snapshotWrite[T any] struct {
	key    string
	item   T
	remove bool
}

// maxStaleWalks bounds how often a caller walks again because writes made
// the walks it waited for stale; after that it takes the last walk, with
// the writes to its own scope replayed.
const maxStaleWalks = 2

// NewSnapshots returns empty snapshots of users keyed by key.
func NewSnapshots[T any](cfg SnapshotConfig, key func(T) string) *Snapshots[T] {
	if cfg.Burst < 1 {
		cfg.Burst = 1
	}
	return &Snapshots[T]{cfg: cfg, key: key, now: time.Now, scope: map[string]*snapshotScope[T]{}}
}

// Walk reads every user of a scope: every page of the vendor's list,
// checked as the vendor's own answer and complete.
type Walk[T any] func(ctx context.Context) ([]T, error)

// Get returns the user with that key from a snapshot of the scope, when the
// scope is being read in a burst (or a snapshot is fresh). served is false
// when no snapshot answers for the key: no burst yet, the walk failed, or
// the key is not in it. The caller then reads the user directly, and only
// that read may conclude the user is gone.
//
// err is why a walk this read ran or waited for gave no snapshot (the
// vendor's refusal, or the caller's context ending), nil when no walk was
// needed or the walk succeeded. A vendor with a direct read may ignore it
// and read the user; one whose only read is the walk reports it rather
// than walk again at once.
func (s *Snapshots[T]) Get(ctx context.Context, scope, key string, walk Walk[T]) (item T, served bool, err error) {
	s.mu.Lock()
	sc := s.scopeLocked(scope)
	now := s.now()
	if now.Sub(sc.lastRead) <= s.cfg.Window {
		sc.streak++
	} else {
		sc.streak = 1
	}
	sc.lastRead = now
	failedLately := !sc.failedAt.IsZero() && now.Sub(sc.failedAt) <= s.cfg.Fresh
	burst := s.freshLocked(sc, s.cfg.Fresh) || sc.flight != nil || (sc.streak >= s.cfg.Burst && !failedLately)
	s.mu.Unlock()
	if !burst {
		return item, false, nil
	}
	data, err := s.ensure(ctx, scope, s.cfg.Fresh, time.Time{}, walk)
	if err != nil {
		return item, false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	item, served = data.items[key]
	return item, served, nil
}

// All returns every user of the scope, from a snapshot no older than
// SnapshotConfig.Fresh or from a walk (the one in flight, or a new one).
// The slice is the caller's.
func (s *Snapshots[T]) All(ctx context.Context, scope string, walk Walk[T]) ([]T, error) {
	return s.AllWithin(ctx, scope, s.cfg.Fresh, walk)
}

// AllWithin is All with a snapshot no older than maxAge: the read an update
// builds on, where the vendor has no call that reads one user, asks for a
// younger one than a refresh does.
func (s *Snapshots[T]) AllWithin(ctx context.Context, scope string, maxAge time.Duration, walk Walk[T]) ([]T, error) {
	data, err := s.ensure(ctx, scope, maxAge, time.Time{}, walk)
	if err != nil {
		return nil, err
	}
	return s.items(data), nil
}

// AllFromNewWalk returns every user of the scope from a walk that began no
// earlier than this call, with the provider's writes since: what a lookup
// needs when its answer must prove a user absent, or find the user a write
// just made, and no older list may answer. A walk already under way when it
// is called is waited out, and the callers waiting together share the next
// walk: a burst of such lookups costs about two walks at a time, not one
// each. The slice is the caller's.
func (s *Snapshots[T]) AllFromNewWalk(ctx context.Context, scope string, walk Walk[T]) ([]T, error) {
	data, err := s.ensure(ctx, scope, s.cfg.Fresh, s.now(), walk)
	if err != nil {
		return nil, err
	}
	return s.items(data), nil
}

// items copies a snapshot's users in its order.
func (s *Snapshots[T]) items(data *snapshotData[T]) []T {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]T, 0, len(data.order))
	for _, k := range data.order {
		out = append(out, data.items[k])
	}
	return out
}

// ensure returns the scope's users no older than maxAge, from a walk that
// began no earlier than since (zero: any walk): the snapshot when it
// qualifies, else the result of the walk in flight or of a new one.
func (s *Snapshots[T]) ensure(ctx context.Context, scope string, maxAge time.Duration, since time.Time, walk Walk[T]) (*snapshotData[T], error) {
	stale := 0 // walks retried for a cut or an Invalidate
	for {
		s.mu.Lock()
		sc := s.scopeLocked(scope)
		if s.freshLocked(sc, maxAge) && !sc.walkedAt.Before(since) {
			data := sc.data
			s.mu.Unlock()
			return data, nil
		}
		f := sc.flight
		if f != nil {
			s.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			if f.started.Before(since) {
				// Begun before the question: waited out, now take or
				// start the next walk.
				continue
			}
		} else {
			f = &snapshotFlight[T]{done: make(chan struct{}), started: s.now()}
			sc.flight = f
			s.mu.Unlock()
			items, err := walk(ctx)
			s.finish(sc, f, items, err, err != nil && ctx.Err() != nil)
		}
		switch {
		case f.cut && ctx.Err() == nil:
			// Cut short by its starter's deadline: says nothing to a
			// caller who still has time.
			stale++
			continue
		case f.err != nil:
			return nil, f.err
		case f.dropped && stale < maxStaleWalks:
			stale++
			continue
		}
		return f.data, nil
	}
}

// finish ends a walk: its result with the writes made while it ran,
// kept as the scope's snapshot unless an Invalidate made it stale.
func (s *Snapshots[T]) finish(sc *snapshotScope[T], f *snapshotFlight[T], items []T, err error, cut bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sc.flight = nil
	f.err, f.cut = err, cut
	if err != nil && !cut {
		sc.failedAt = s.now()
	}
	if err == nil {
		data := &snapshotData[T]{items: make(map[string]T, len(items)), order: make([]string, 0, len(items))}
		for _, it := range items {
			k := s.key(it)
			if _, dup := data.items[k]; !dup {
				data.order = append(data.order, k)
			}
			data.items[k] = it
		}
		for _, w := range f.writes {
			data.apply(w)
		}
		f.data = data
		if !f.dropped {
			sc.data, sc.fetchedAt, sc.walkedAt = data, s.now(), f.started
		}
	}
	close(f.done)
}

// Put records a user as the provider's own write left it. The same user may
// be in other scopes (overlapping customer filters), so their snapshots are
// forgotten.
func (s *Snapshots[T]) Put(scope string, item T) {
	s.write(scope, snapshotWrite[T]{key: s.key(item), item: item})
}

// Remove records the provider's own removal of a user from the scope.
func (s *Snapshots[T]) Remove(scope, key string) {
	s.write(scope, snapshotWrite[T]{key: key, remove: true})
}

func (s *Snapshots[T]) write(scope string, w snapshotWrite[T]) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for name, other := range s.scope {
		if name != scope {
			other.dropLocked()
		}
	}
	sc := s.scopeLocked(scope)
	if sc.flight != nil {
		sc.flight.writes = append(sc.flight.writes, w)
	}
	if sc.data != nil {
		sc.data.apply(w)
	}
}

func (d *snapshotData[T]) apply(w snapshotWrite[T]) {
	_, had := d.items[w.key]
	switch {
	case w.remove:
		delete(d.items, w.key)
		if had {
			d.order = slices.DeleteFunc(d.order, func(k string) bool { return k == w.key })
		}
	default:
		d.items[w.key] = w.item
		if !had {
			d.order = append(d.order, w.key)
		}
	}
}

// Invalidate forgets every snapshot, after a write whose effect the
// provider cannot reproduce (it failed, or the vendor may have changed
// more than the one user); a walk in flight is not kept.
func (s *Snapshots[T]) Invalidate() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sc := range s.scope {
		sc.dropLocked()
	}
}

// dropLocked forgets a scope's snapshot and the walk in flight's result.
func (sc *snapshotScope[T]) dropLocked() {
	sc.data = nil
	if sc.flight != nil {
		sc.flight.dropped = true
	}
}

func (s *Snapshots[T]) scopeLocked(name string) *snapshotScope[T] {
	sc := s.scope[name]
	if sc == nil {
		sc = &snapshotScope[T]{}
		s.scope[name] = sc
	}
	return sc
}

func (s *Snapshots[T]) freshLocked(sc *snapshotScope[T], maxAge time.Duration) bool {
	return sc.data != nil && s.now().Sub(sc.fetchedAt) <= maxAge
}
