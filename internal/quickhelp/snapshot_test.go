package quickhelp

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// snapVendor is a QuickHelp account behind a test server: a user list
// that can be held, refused or slowed, and updates and deletes that can
// be made to fail. Its counters are what the tests assert on.
type snapVendor struct {
	mu     sync.Mutex
	users  []User
	refuse bool // getUserList answers 500
	failW  bool // updates and deletes answer 500
	gate   chan struct{}
	walks  atomic.Int32 // first pages asked for: one per walk
	writes atomic.Int32
}

func (v *snapVendor) set(f func(v *snapVendor)) {
	v.mu.Lock()
	defer v.mu.Unlock()
	f(v)
}

func (v *snapVendor) serveHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	v.mu.Lock()
	refuse, failW, gate := v.refuse, v.failW, v.gate
	users := append([]User(nil), v.users...)
	v.mu.Unlock()
	switch r.URL.Path {
	case "/v1" + pathList:
		page, _ := strconv.Atoi(r.URL.Query().Get(paramPage))
		size, _ := strconv.Atoi(r.URL.Query().Get(paramPageSize))
		if page == firstPage {
			v.walks.Add(1)
		}
		if gate != nil {
			<-gate
		}
		if refuse {
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"message":"list refused"}`))
			return
		}
		start := min((page-1)*size, len(users))
		_ = json.NewEncoder(w).Encode(map[string]any{"records": users[start:min(start+size, len(users))], "totalCount": len(users), "page": page, "pageSize": size})
	default:
		v.writes.Add(1)
		if failW {
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(`{"message":"write failed"}`))
			return
		}
		_, _ = w.Write([]byte(`{}`))
	}
}

// snapClient is a Client of a snapVendor holding users 1..n.
func snapClient(t *testing.T, n int) (*Client, *snapVendor) {
	t.Helper()
	v := &snapVendor{}
	for id := range n {
		v.users = append(v.users, User{UserID: int64(id + 1), FirstName: ptr("User"), Email: ptr(strconv.Itoa(id+1) + "@example.com"), LicenseIssued: true})
	}
	srv := httptest.NewServer(http.HandlerFunc(v.serveHTTP))
	t.Cleanup(srv.Close)
	base, _ := url.Parse(srv.URL + "/v1")
	// No retries: a refused call is the answer the test wants at once.
	h, err := apiclient.New(apiclient.Config{Vendor: vendorKey, BaseURL: base, MaxRetries: -1, DecodeError: decodeError, Hint: hint})
	if err != nil {
		t.Fatal(err)
	}
	return NewClient(h, 0), v
}

// Concurrent refreshes share one walk, later reads reuse its result, and
// the provider's own update and delete show in it without a new walk.
func TestSnapshots_oneWalkServesEveryReadAndKeepsWrites(t *testing.T) {
	c, v := snapClient(t, 250)
	gate := make(chan struct{})
	v.set(func(v *snapVendor) { v.gate = gate })
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u, err := c.ReadUser(ctx, 0, int64(i+1))
			if err != nil || u == nil || u.UserID != int64(i+1) {
				t.Errorf("read of user %d: %v, %v", i+1, u, err)
			}
		}()
	}
	time.Sleep(50 * time.Millisecond)
	close(gate)
	wg.Wait()
	if n := v.walks.Load(); n != 1 {
		t.Fatalf("50 concurrent refreshes made %d walks, want 1", n)
	}

	current, err := c.FindUserByID(ctx, 0, 7, c.writeAge)
	if err != nil || current == nil {
		t.Fatalf("the read an update builds on: %v, %v", current, err)
	}
	body := UserUpdate{UserID: 7, FirstName: "Renamed", Email: deref(current.Email), Licensed: true}
	if _, err := c.ApplyUpdate(ctx, 0, current, body); err != nil {
		t.Fatal(err)
	}
	if u, err := c.ReadUser(ctx, 0, 7); err != nil || deref(u.FirstName) != "Renamed" {
		t.Fatalf("a read after the provider's update should see it: %+v, %v", u, err)
	}
	if err := c.GDPRDelete(ctx, 0, 8, "8@example.com"); err != nil {
		t.Fatal(err)
	}
	users, err := c.Users(ctx, nil, forRead)
	if err != nil || len(users) != 249 {
		t.Fatalf("a data source after the provider's delete should lack the user: %d users, %v", len(users), err)
	}
	if n := v.walks.Load(); n != 1 {
		t.Fatalf("reads after the provider's own writes made %d walks, want the first one only", n)
	}
}

// A refused walk is the caller's error, never "the user is gone", and is
// not asked again in the same read; it is not kept, and once the list
// answers again the same read finds the user.
func TestSnapshots_failedWalkIsAnErrorAndNotKept(t *testing.T) {
	c, v := snapClient(t, 3)
	v.set(func(v *snapVendor) { v.refuse = true })
	ctx := context.Background()
	u, err := c.ReadUser(ctx, 0, 2)
	if err == nil || u != nil {
		t.Fatalf("a refused list must be an error, got user %v and %v", u, err)
	}
	if n := v.walks.Load(); n != 1 {
		t.Fatalf("a refused list was asked %d times, want once: a quota answer is not asked again at once", n)
	}
	if _, err := c.Users(ctx, nil, forRead); err == nil {
		t.Fatal("a data source read must see the refusal too, not an empty list")
	}
	v.set(func(v *snapVendor) { v.refuse = false })
	before := v.walks.Load()
	if u, err := c.ReadUser(ctx, 0, 2); err != nil || u == nil || u.UserID != 2 {
		t.Fatalf("after the list answers again: %v, %v", u, err)
	}
	if v.walks.Load() != before+1 {
		t.Fatalf("the read after a failed walk should walk again once, walks %d -> %d", before, v.walks.Load())
	}
}

// A user missing from a snapshot older than the write age is looked for in
// a new walk before it is called gone; a user missing from that walk is.
func TestSnapshots_absenceNeedsAYoungWalk(t *testing.T) {
	c, v := snapClient(t, 3)
	c.writeAge = 50 * time.Millisecond
	ctx := context.Background()
	if _, err := c.Users(ctx, nil, forRead); err != nil {
		t.Fatal(err)
	}
	// User 4 appears in QuickHelp (SSO provisioning) after the walk.
	v.set(func(v *snapVendor) { v.users = append(v.users, User{UserID: 4}) })
	time.Sleep(60 * time.Millisecond)
	if u, err := c.ReadUser(ctx, 0, 4); err != nil || u == nil {
		t.Fatalf("a user missing from an older snapshot must be looked for again: %v, %v", u, err)
	}
	if v.walks.Load() != 2 {
		t.Fatalf("walks = %d, want 2", v.walks.Load())
	}
	// A snapshot younger than the write age serves the read an update
	// builds on without a walk; a user missing from it is gone.
	if u, err := c.ReadUser(ctx, 0, 9); err != nil || u != nil {
		t.Fatalf("a user missing from a complete young walk is gone: %v, %v", u, err)
	}
	if _, err := c.FindUserByID(ctx, 0, 1, c.writeAge); err != nil || v.walks.Load() != 2 {
		t.Fatalf("a young snapshot should serve the read before an update: walks %d, %v", v.walks.Load(), err)
	}
	time.Sleep(60 * time.Millisecond)
	if _, err := c.FindUserByID(ctx, 0, 1, c.writeAge); err != nil || v.walks.Load() != 3 {
		t.Fatalf("the read before an update needs a snapshot younger than the write age: walks %d, %v", v.walks.Load(), err)
	}
}

// A write that failed, or whose effect the provider cannot reproduce,
// makes the next read walk again; so does a write in another scope that
// may hold the same user.
func TestSnapshots_unknownWritesForgetTheSnapshot(t *testing.T) {
	c, v := snapClient(t, 3)
	ctx := context.Background()
	current, _ := c.FindUserByID(ctx, 0, 1, c.writeAge)
	v.set(func(v *snapVendor) { v.failW = true })
	if _, err := c.ApplyUpdate(ctx, 0, current, UserUpdate{UserID: 1, FirstName: "X", Licensed: true}); err == nil {
		t.Fatal("the failed update should be reported")
	}
	if _, err := c.ReadUser(ctx, 0, 1); err != nil || v.walks.Load() != 2 {
		t.Fatalf("after a failed update the next read must walk again: walks %d, %v", v.walks.Load(), err)
	}
	if err := c.GDPRDelete(ctx, 0, 2, ""); err == nil {
		t.Fatal("the failed delete should be reported")
	}
	if u, err := c.ReadUser(ctx, 0, 2); err != nil || u == nil || v.walks.Load() != 3 {
		t.Fatalf("after a failed delete the user must be read again, not dropped: %v, walks %d, %v", u, v.walks.Load(), err)
	}
	v.set(func(v *snapVendor) { v.failW = false })
	// A role whose name only QuickHelp knows: the snapshot cannot show it.
	current, _ = c.FindUserByID(ctx, 0, 3, c.writeAge)
	if _, err := c.ApplyUpdate(ctx, 0, current, UserUpdate{UserID: 3, Licensed: true, Roles: []string{"3f8e2a10-5b1c-4d7e-9a01-000000000005"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ReadUser(ctx, 0, 3); err != nil || v.walks.Load() != 4 {
		t.Fatalf("after an update with a role of unknown name the next read must walk again: walks %d, %v", v.walks.Load(), err)
	}
	// The provider writes user 1 through customer 2002's scope: the
	// account-wide snapshot may hold the same user, so it is walked again.
	current, _ = c.FindUserByID(ctx, 2002, 1, c.writeAge)
	if _, err := c.ApplyUpdate(ctx, 2002, current, UserUpdate{UserID: 1, FirstName: "Y", Licensed: true}); err != nil {
		t.Fatal(err)
	}
	before := v.walks.Load()
	if _, err := c.ReadUser(ctx, 0, 1); err != nil || v.walks.Load() != before+1 {
		t.Fatalf("a write in another scope should make this one walk again: walks %d -> %d, %v", before, v.walks.Load(), err)
	}
}

// A write that failed while a walk was in flight may have changed what that
// walk read: the reader gets a walk that started after it, not the old one.
func TestSnapshots_failedWriteDuringAWalkIsNotMissed(t *testing.T) {
	c, v := snapClient(t, 3)
	gate := make(chan struct{})
	v.set(func(v *snapVendor) { v.gate = gate })
	got := make(chan *User, 1)
	go func() {
		u, err := c.ReadUser(context.Background(), 0, 1)
		if err != nil {
			t.Errorf("read: %v", err)
		}
		got <- u
	}()
	for v.walks.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	// The walk holds the old user 1; QuickHelp applies an update whose
	// answer the provider never sees.
	v.set(func(v *snapVendor) {
		v.users[0].FirstName = ptr("Changed")
		v.failW = true
	})
	if _, err := c.ApplyUpdate(context.Background(), 0, &User{UserID: 1}, UserUpdate{UserID: 1, FirstName: "Changed", Licensed: true}); err == nil {
		t.Fatal("the failed update should be reported")
	}
	close(gate)
	if u := <-got; u == nil || deref(u.FirstName) != "Changed" {
		t.Fatalf("the read should come from a walk after the failed write, got %+v", u)
	}
	if n := v.walks.Load(); n != 2 {
		t.Fatalf("walks = %d, want 2", n)
	}
}

// A walk cut short by its starter's deadline does not fail a reader that
// still has time: that reader walks itself.
func TestSnapshots_deadlineCutWalkDoesNotFailOthers(t *testing.T) {
	c, v := snapClient(t, 3)
	gate := make(chan struct{})
	v.set(func(v *snapVendor) { v.gate = gate })
	short, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := c.ReadUser(short, 0, 1)
		done <- err
	}()
	time.Sleep(10 * time.Millisecond) // the short reader's walk is in flight
	got := make(chan *User, 1)
	go func() {
		u, err := c.ReadUser(context.Background(), 0, 1)
		if err != nil {
			t.Errorf("the reader with time left failed: %v", err)
		}
		got <- u
	}()
	if err := <-done; err == nil {
		t.Fatal("the reader whose deadline passed should fail")
	}
	v.set(func(v *snapVendor) { v.gate = nil })
	close(gate)
	if u := <-got; u == nil || u.UserID != 1 {
		t.Fatalf("the reader with time left should read the user, got %v", u)
	}
}

func TestScopeKey(t *testing.T) {
	if scopeKey(nil) != "" || scopeKey([]int64{2002, 2001}) != "2001,2002" {
		t.Fatalf("scopeKey: %q %q", scopeKey(nil), scopeKey([]int64{2002, 2001}))
	}
}
