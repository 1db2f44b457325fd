package apiclient

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type snapUser struct {
	ID   string
	Name string
}

func snapKey(u snapUser) string { return u.ID }

// fakeVendor is a user list with a counter of walks.
type fakeVendor struct {
	mu    sync.Mutex
	users []snapUser
	walks atomic.Int32
	// gate, when set, holds every walk until it is closed.
	gate chan struct{}
	err  error
}

func (v *fakeVendor) walk(ctx context.Context) ([]snapUser, error) {
	v.walks.Add(1)
	if v.gate != nil {
		select {
		case <-v.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.err != nil {
		return nil, v.err
	}
	return append([]snapUser(nil), v.users...), nil
}

func (v *fakeVendor) set(users ...snapUser) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.users = users
}

func manyUsers(n int) []snapUser {
	out := make([]snapUser, n)
	for i := range out {
		out[i] = snapUser{ID: fmt.Sprint(i + 1), Name: fmt.Sprint("user ", i+1)}
	}
	return out
}

// A refresh of a handful of users reads each one directly; a burst is
// served by one walk.
func TestSnapshots_handfulReadsDirectlyBurstSharesOneWalk(t *testing.T) {
	v := &fakeVendor{users: manyUsers(1000)}
	s := NewSnapshots(SnapshotConfig{Burst: 5, Window: time.Minute, Fresh: time.Minute}, snapKey)
	ctx := context.Background()
	for i := 1; i <= 4; i++ {
		if _, served, _ := s.Get(ctx, "dept", fmt.Sprint(i), v.walk); served {
			t.Fatalf("read %d of 4 was served from a snapshot; a handful must read directly", i)
		}
	}
	if v.walks.Load() != 0 {
		t.Fatalf("%d walks for four reads, want none", v.walks.Load())
	}
	var wg sync.WaitGroup
	var served atomic.Int32
	for i := 5; i <= 1000; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u, ok, _ := s.Get(ctx, "dept", fmt.Sprint(i), v.walk)
			if ok && u.Name == fmt.Sprint("user ", i) {
				served.Add(1)
			}
		}()
	}
	wg.Wait()
	if got := v.walks.Load(); got != 1 {
		t.Errorf("%d walks for a burst of 996 reads, want 1", got)
	}
	if served.Load() != 996 {
		t.Errorf("%d of 996 reads served with the right user", served.Load())
	}
}

// A user missing from the snapshot is never reported gone by it: the
// caller reads directly.
func TestSnapshots_missingUserIsNotServed(t *testing.T) {
	v := &fakeVendor{users: manyUsers(3)}
	s := NewSnapshots(SnapshotConfig{Burst: 1, Window: time.Minute, Fresh: time.Minute}, snapKey)
	if _, served, _ := s.Get(context.Background(), "dept", "42", v.walk); served {
		t.Fatal("a user absent from the list was served")
	}
	if _, served, _ := s.Get(context.Background(), "dept", "2", v.walk); !served {
		t.Fatal("a user in the list was not served")
	}
}

// The provider's own writes show in the snapshot, also when made while the
// walk that builds it is in flight and the walk saw the old value.
func TestSnapshots_reflectsOwnWritesDuringAWalk(t *testing.T) {
	v := &fakeVendor{users: manyUsers(3), gate: make(chan struct{})}
	s := NewSnapshots(SnapshotConfig{Burst: 1, Window: time.Minute, Fresh: time.Minute}, snapKey)
	ctx := context.Background()
	done := make(chan []snapUser)
	go func() {
		all, err := s.All(ctx, "dept", v.walk)
		if err != nil {
			t.Error(err)
		}
		done <- all
	}()
	for v.walks.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	// While the walk runs: the provider renames user 2, creates user 4
	// and removes user 3; the vendor's list still answers the old ones.
	s.Put("dept", snapUser{ID: "2", Name: "renamed"})
	s.Put("dept", snapUser{ID: "4", Name: "created"})
	s.Remove("dept", "3")
	close(v.gate)
	all := <-done
	want := []snapUser{{"1", "user 1"}, {"2", "renamed"}, {"4", "created"}}
	if fmt.Sprint(all) != fmt.Sprint(want) {
		t.Fatalf("All during writes = %v, want %v", all, want)
	}
	if u, _, _ := s.Get(ctx, "dept", "2", v.walk); u.Name != "renamed" {
		t.Errorf("a later read got %v, want the provider's own write", u)
	}
	if _, served, _ := s.Get(ctx, "dept", "3", v.walk); served {
		t.Error("a user the provider removed was served")
	}
	if v.walks.Load() != 1 {
		t.Errorf("%d walks, want 1", v.walks.Load())
	}
}

// An Invalidate during a walk (a write whose effect is unknown) means the
// walk's result is not kept: the next read walks again and sees the change
// made outside.
func TestSnapshots_invalidateDuringAWalkWalksAgain(t *testing.T) {
	v := &fakeVendor{users: manyUsers(2), gate: make(chan struct{})}
	s := NewSnapshots(SnapshotConfig{Burst: 1, Window: time.Minute, Fresh: time.Minute}, snapKey)
	ctx := context.Background()
	done := make(chan []snapUser)
	go func() {
		all, _ := s.All(ctx, "dept", v.walk)
		done <- all
	}()
	for v.walks.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	s.Invalidate()
	v.set(snapUser{ID: "1", Name: "changed outside"})
	close(v.gate)
	all := <-done
	if len(all) != 1 || all[0].Name != "changed outside" {
		t.Fatalf("All after an invalidate during its walk = %v, want the list walked again", all)
	}
	if v.walks.Load() != 2 {
		t.Errorf("%d walks, want 2", v.walks.Load())
	}
}

// A snapshot serves only while fresh; an outside change after it shows in
// the next operation's walk.
func TestSnapshots_staleSnapshotIsWalkedAgain(t *testing.T) {
	v := &fakeVendor{users: manyUsers(2)}
	s := NewSnapshots(SnapshotConfig{Burst: 1, Window: time.Minute, Fresh: time.Minute}, snapKey)
	now := time.Unix(1_700_000_000, 0)
	s.now = func() time.Time { return now }
	ctx := context.Background()
	if _, ok, _ := s.Get(ctx, "dept", "1", v.walk); !ok {
		t.Fatal("not served")
	}
	v.set(snapUser{ID: "1", Name: "changed outside"})
	if u, _, _ := s.Get(ctx, "dept", "1", v.walk); u.Name != "user 1" {
		t.Fatalf("within the operation got %v, want the snapshot's", u)
	}
	now = now.Add(2 * time.Minute)
	if u, _, _ := s.Get(ctx, "dept", "1", v.walk); u.Name != "changed outside" {
		t.Fatalf("after Fresh got %v, want a new walk's", u)
	}
}

// A walk that fails sends the burst back to direct reads instead of
// walking again for every read; All reports the error.
func TestSnapshots_failedWalkFallsBackToDirectReads(t *testing.T) {
	v := &fakeVendor{users: manyUsers(2), err: errors.New("list refused")}
	s := NewSnapshots(SnapshotConfig{Burst: 1, Window: time.Minute, Fresh: time.Minute}, snapKey)
	ctx := context.Background()
	for range 10 {
		if _, served, _ := s.Get(ctx, "dept", "1", v.walk); served {
			t.Fatal("served after a failed walk")
		}
	}
	if v.walks.Load() != 1 {
		t.Errorf("%d walks after the first failed, want 1", v.walks.Load())
	}
	if _, err := s.All(ctx, "dept", v.walk); err == nil || err.Error() != "list refused" {
		t.Errorf("All: %v, want the walk's error", err)
	}
}

// Get reports the error of the walk it ran and of the walk it waited for,
// so a vendor whose only read is the walk need not walk again to learn it;
// the reads after the failure read directly and report nothing.
func TestSnapshots_getReportsTheWalkItRanOrWaitedFor(t *testing.T) {
	refused := errors.New("list refused")
	v := &fakeVendor{users: manyUsers(2), err: refused, gate: make(chan struct{})}
	s := NewSnapshots(SnapshotConfig{Burst: 1, Window: time.Minute, Fresh: time.Minute}, snapKey)
	ctx := context.Background()
	errs := make(chan error, 2)
	get := func() {
		_, served, err := s.Get(ctx, "dept", "1", v.walk)
		if served {
			err = errors.New("served from a failed walk")
		}
		errs <- err
	}
	go get()
	for v.walks.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	go get()
	time.Sleep(10 * time.Millisecond)
	close(v.gate)
	for range 2 {
		if err := <-errs; !errors.Is(err, refused) {
			t.Errorf("Get = %v, want the walk's error", err)
		}
	}
	if n := v.walks.Load(); n != 1 {
		t.Errorf("%d walks, want 1: the second reader waits for the first's", n)
	}
	if _, served, err := s.Get(ctx, "dept", "1", v.walk); served || err != nil {
		t.Errorf("Get after the failure = (served %v, %v), want a direct read's (false, nil)", served, err)
	}
}

// AllFromNewWalk never answers from a walk that began before it was called:
// lookups that arrive while a walk is under way wait it out and share the
// next one, which sees what changed in between.
func TestSnapshots_allFromNewWalkWaitsOutOlderWalksAndSharesTheNext(t *testing.T) {
	v := &fakeVendor{users: manyUsers(2), gate: make(chan struct{})}
	s := NewSnapshots(SnapshotConfig{Burst: 1, Window: time.Minute, Fresh: time.Minute}, snapKey)
	ctx := context.Background()
	first := make(chan []snapUser, 1)
	go func() {
		all, _ := s.All(ctx, "dept", v.walk)
		first <- all
	}()
	for v.walks.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	const lookups = 5
	got := make(chan []snapUser, lookups)
	for range lookups {
		go func() {
			all, err := s.AllFromNewWalk(ctx, "dept", v.walk)
			if err != nil {
				t.Error(err)
			}
			got <- all
		}()
	}
	time.Sleep(20 * time.Millisecond)
	v.gate <- struct{}{} // the first walk reads its page
	if all := <-first; len(all) != 2 {
		t.Fatalf("first walk: %d users, want 2", len(all))
	}
	// Created outside after the first walk read its page.
	v.set(append(manyUsers(2), snapUser{ID: "3", Name: "new"})...)
	close(v.gate)
	for range lookups {
		if all := <-got; len(all) != 3 {
			t.Errorf("a lookup got %d users, want the 3 of a walk begun after it asked", len(all))
		}
	}
	if n := v.walks.Load(); n != 2 {
		t.Errorf("%d walks, want 2: the lookups share the one after the walk they found under way", n)
	}
	// A snapshot walked before the call does not answer either.
	if _, err := s.AllFromNewWalk(ctx, "dept", v.walk); err != nil || v.walks.Load() != 3 {
		t.Errorf("AllFromNewWalk with a fresh snapshot: %v after %d walks, want a third walk", err, v.walks.Load())
	}
}

// A write to one scope forgets the others, which may hold the same user.
func TestSnapshots_writeForgetsOtherScopes(t *testing.T) {
	v := &fakeVendor{users: manyUsers(2)}
	s := NewSnapshots(SnapshotConfig{Burst: 1, Window: time.Minute, Fresh: time.Minute}, snapKey)
	ctx := context.Background()
	_, _ = s.All(ctx, "a", v.walk)
	_, _ = s.All(ctx, "b", v.walk)
	s.Put("a", snapUser{ID: "1", Name: "written"})
	v.set(snapUser{ID: "1", Name: "written"})
	all, _ := s.All(ctx, "b", v.walk)
	if len(all) != 1 || all[0].Name != "written" {
		t.Fatalf("scope b after a write to a: %v, want a new walk", all)
	}
}

// A walk cut short by its starter's deadline does not fail the others
// waiting for it.
func TestSnapshots_walkerDeadlineDoesNotFailWaiters(t *testing.T) {
	v := &fakeVendor{users: manyUsers(2), gate: make(chan struct{})}
	s := NewSnapshots(SnapshotConfig{Burst: 1, Window: time.Minute, Fresh: time.Minute}, snapKey)
	short, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	go func() {
		close(started)
		_, _ = s.All(short, "dept", v.walk)
	}()
	<-started
	for v.walks.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	done := make(chan error)
	go func() {
		_, err := s.All(context.Background(), "dept", v.walk)
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	cancel()
	time.Sleep(10 * time.Millisecond)
	close(v.gate)
	if err := <-done; err != nil {
		t.Fatalf("a waiter with time left failed: %v", err)
	}
}

// A walk that fails with a request timeout (an error that wraps
// context.DeadlineExceeded while the caller still has time) is the
// vendor's failure: it is reported once, not walked again until the
// caller's own deadline.
func TestSnapshots_requestTimeoutIsAFailureNotACut(t *testing.T) {
	var walks atomic.Int32
	timedOut := func(context.Context) ([]snapUser, error) {
		walks.Add(1)
		return nil, fmt.Errorf("GET /users failed after 3 attempts: %w", context.DeadlineExceeded)
	}
	s := NewSnapshots(SnapshotConfig{Burst: 1, Window: time.Minute, Fresh: time.Minute}, snapKey)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := s.All(ctx, "dept", timedOut); !errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
		t.Fatalf("All = %v (caller's context: %v), want the walk's own timeout at once", err, ctx.Err())
	}
	if _, served, _ := s.Get(ctx, "dept", "1", timedOut); served {
		t.Fatal("served after a failed walk")
	}
	if n := walks.Load(); n != 1 {
		t.Errorf("%d walks, want 1", n)
	}
}
