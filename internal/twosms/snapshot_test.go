package twosms

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// countingAPI relays POST /Token and GET of one user to the emulator, and
// answers the list with listBody, counting both kinds of read.
func countingAPI(t *testing.T, listStatus int, listBody string) (*Client, *atomic.Int32, *atomic.Int32) {
	t.Helper()
	srv, _ := startEmulator(t)
	relay := srv.BaseURL("twosms")
	var gets, lists atomic.Int32
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v1/admin/users" {
			lists.Add(1)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(listStatus)
			_, _ = io.WriteString(w, listBody)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/api/v1/admin/users/") {
			gets.Add(1)
		}
		req, err := http.NewRequestWithContext(r.Context(), r.Method, relay+r.URL.RequestURI(), r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		req.Header = r.Header.Clone()
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer func() { _ = res.Body.Close() }()
		w.Header().Set("Content-Type", res.Header.Get("Content-Type"))
		w.WriteHeader(res.StatusCode)
		_, _ = io.Copy(w, res.Body)
	}))
	t.Cleanup(api.Close)
	return clientAt(t, api.URL, smssandbox.DefaultClientID, smssandbox.DefaultClientSecret, 0), &gets, &lists
}

// A burst of reads whose walk fails is read user by user: every read
// succeeds with its own GET, and the failed list is not called again for
// each read of the burst.
func TestReadUserFallsBackToDirectReadsWhenTheWalkFails(t *testing.T) {
	dup := `{"ID":"` + smssandbox.DefaultAdminID + `","Username":"sandbox.admin","EmailAddress":"admin@example.com"}`
	for name, list := range map[string]struct {
		status int
		body   string
	}{
		"list refused":        {http.StatusForbidden, `{"Message":"Authorization has been denied for this request."}`},
		"list without Detail": {http.StatusOK, `{"Error":null}`},
		"a user listed twice": {http.StatusOK, `{"Error":null,"ResponseData":{"Result":"Success","Detail":[` + dup + `,` + dup + `]}}`},
		"a user without ID":   {http.StatusOK, `{"Error":null,"ResponseData":{"Result":"Success","Detail":[{"ID":""}]}}`},
		"users without names": {http.StatusOK, `{"Error":null,"ResponseData":{"Result":"Success","Detail":[{"ID":"` + smssandbox.DefaultAdminID + `"}]}}`},
	} {
		t.Run(name, func(t *testing.T) {
			c, gets, lists := countingAPI(t, list.status, list.body)
			const reads = 8
			for i := range reads {
				u, _, err := c.ReadUser(context.Background(), smssandbox.DefaultAdminID)
				if err != nil {
					t.Fatalf("read %d: %v", i+1, err)
				}
				if u == nil || !sameGUID(u.ID, smssandbox.DefaultAdminID) || deref(u.Username) == "" {
					t.Fatalf("read %d returned %+v, want the admin as GET returns it", i+1, u)
				}
			}
			if n := gets.Load(); n != reads {
				t.Errorf("%d direct GETs for %d reads, want one each", n, reads)
			}
			if n := lists.Load(); n != 1 {
				t.Errorf("the failed list was called %d times, want once for the burst", n)
			}
		})
	}
}

// A read served from the list reports whether 2sms showed the PIN exactly
// as the user's own GET does, and hands out no PIN.
func TestReadUserFromTheListReportsThePinAsGetDoes(t *testing.T) {
	for name, opts := range map[string]smssandbox.Options{
		"Pin returned": {ReturnPinOnRead: true},
		"Pin null":     {},
		"Pin masked":   {MaskSecretsOnRead: true},
	} {
		t.Run(name, func(t *testing.T) {
			e := smssandbox.New(opts)
			srv := sandbox.NewServer(e)
			if err := srv.Start("127.0.0.1:0"); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = srv.Close() })
			const pin = "482913"
			for i := 1; i <= 6; i++ {
				e.AddUser(smssandbox.User{
					ID: fmt.Sprintf("5eed0000-0000-4000-8000-%012d", i), Username: fmt.Sprintf("pin.%d", i), DisplayName: "Pin Holder",
					EmailAddress: fmt.Sprintf("pin.%d@example.com", i), Enabled: true, MobilePhone: "+44 7700 900555",
					TimeZone: "GMT Standard Time", Pin: pin,
				})
			}
			c := testClient(t, srv, smssandbox.DefaultClientSecret)
			ctx := context.Background()
			direct, err := c.GetUser(ctx, "5eed0000-0000-4000-8000-000000000001")
			if err != nil {
				t.Fatal(err)
			}
			wantShown := readPin(direct) != nil
			before := len(srv.Requests("twosms"))
			var served int
			for i := 1; i <= 6; i++ {
				u, shown, err := c.ReadUser(ctx, fmt.Sprintf("5eed0000-0000-4000-8000-%012d", i))
				if err != nil {
					t.Fatal(err)
				}
				if shown != wantShown {
					t.Errorf("user %d: pin shown %v, the user's own GET says %v", i, shown, wantShown)
				}
				if u.Pin != nil && len(srv.Requests("twosms")) == before {
					t.Errorf("user %d: a read served from the list handed out the PIN", i)
				}
				if len(srv.Requests("twosms")) == before {
					served++
				}
				before = len(srv.Requests("twosms"))
			}
			if served == 0 {
				t.Fatal("no read of the burst was served from the list")
			}
		})
	}
}

// A snapshot never proves absence: a user made in the portal after the
// list was read is still found by a lookup by username (an adoption).
func TestFindUserConfirmsASnapshotMissWithTheList(t *testing.T) {
	srv, e := startEmulator(t)
	c := testClient(t, srv, smssandbox.DefaultClientSecret)
	ctx := context.Background()
	if _, err := c.AllUsers(ctx, false); err != nil {
		t.Fatal(err)
	}
	late := e.AddUser(smssandbox.User{ID: "0f9a4a52-3d55-4c62-9b0e-6f1c2a7b8d11", DisplayName: "Late Comer", Username: "late.comer", EmailAddress: "late@example.com", MobilePhone: "+447700900123", Enabled: true})
	u, err := c.FindUser(ctx, "", "late.comer", "")
	if err != nil {
		t.Fatal(err)
	}
	if u == nil || !strings.EqualFold(u.ID, late.ID) {
		t.Fatalf("found %+v, want the user made after the list was read (%s)", u, late.ID)
	}
}
