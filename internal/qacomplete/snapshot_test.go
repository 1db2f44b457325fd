package qacomplete

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
)

// listedSandbox is an emulator with n users in department 8162, reached
// through a proxy that may rewrite the department's list answers (the
// GET of one user passes untouched), and a client pointed at the proxy.
type listedSandbox struct {
	srv   *sandbox.Server
	emu   *qacsandbox.Emulator
	users []qacsandbox.User
	c     *Client
}

func startListedSandbox(t *testing.T, n int, rewriteList func(w http.ResponseWriter, body []byte) bool) *listedSandbox {
	t.Helper()
	emu := qacsandbox.New(qacsandbox.Options{})
	srv := sandbox.NewServer(emu)
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	ls := &listedSandbox{srv: srv, emu: emu}
	for i := range n {
		mid := fmt.Sprintf("M%d", i)
		ls.users = append(ls.users, emu.AddUser(qacsandbox.User{DeptID: 8162, Email: fmt.Sprintf("u%d@example.com", i), FirstName: "First", MiddleName: mid, LastName: fmt.Sprintf("Last%d", i), IsActive: true}))
	}
	base, err := url.Parse(srv.BaseURL("qacomplete"))
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: base.Scheme, Host: base.Host})
	if rewriteList != nil {
		proxy.ModifyResponse = func(res *http.Response) error {
			if res.Request.Method != http.MethodGet || !strings.HasSuffix(res.Request.URL.Path, "/depts/8162/users") {
				return nil
			}
			body, err := io.ReadAll(res.Body)
			if err != nil {
				return err
			}
			rec := httptest.NewRecorder()
			if !rewriteList(rec, body) {
				res.Body = io.NopCloser(bytes.NewReader(body))
				return nil
			}
			res.StatusCode = rec.Code
			res.Header = rec.Header()
			res.Body = io.NopCloser(rec.Body)
			res.ContentLength = int64(rec.Body.Len())
			res.Header.Set("Content-Length", strconv.Itoa(rec.Body.Len()))
			return nil
		}
	}
	front := httptest.NewServer(proxy)
	t.Cleanup(front.Close)
	h, err := apiclient.New(apiclient.Config{Vendor: vendorKey, DisplayName: vendorName, BaseURL: mustBaseURL(t, front.URL+base.Path),
		Authenticate: basicAuth(qacsandbox.DefaultAdminLogin, qacsandbox.DefaultAdminPassword), DecodeError: decodeError})
	if err != nil {
		t.Fatal(err)
	}
	ls.c = NewClient(h)
	return ls
}

// calls counts the requests the emulator saw: the department's list walks
// and the GETs of one user.
func (ls *listedSandbox) calls() (lists, gets int) {
	for _, r := range ls.srv.Requests("qacomplete") {
		switch {
		case r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/depts/8162/users"):
			lists++
		case r.Method == http.MethodGet && strings.Contains(r.Path, "/depts/8162/users/"):
			gets++
		}
	}
	return lists, gets
}

// readAll reads every user in turn, as a refresh does, and checks each
// answer is that user with its middle name.
func (ls *listedSandbox) readAll(t *testing.T) {
	t.Helper()
	for i, want := range ls.users {
		u, gone, err := ls.c.ReadUserListed(context.Background(), 8162, int64(want.ID), nil)
		if err != nil || gone != NotGone {
			t.Fatalf("reading user %d: gone=%v err=%v", want.ID, gone, err)
		}
		if u.ID != int64(want.ID) || deref(u.MiddleName) != fmt.Sprintf("M%d", i) || deref(u.Email) != want.Email {
			t.Fatalf("read user %d as %+v", want.ID, u)
		}
	}
}

// A burst of reads of one department costs the first direct reads and one
// walk, and the users served from it are the users the vendor holds.
func TestReadUserListed_burstSharesOneWalk(t *testing.T) {
	ls := startListedSandbox(t, 30, nil)
	ls.readAll(t)
	lists, gets := ls.calls()
	if lists != 1 || gets > apiclient.DefaultSnapshotConfig.Burst {
		t.Fatalf("30 reads of one department made %d list calls and %d GETs; want one walk and at most %d GETs", lists, gets, apiclient.DefaultSnapshotConfig.Burst)
	}
}

// When the walk fails (here the list is refused), every read falls back to
// the direct GET, and the refused walk is not tried again for each read.
func TestReadUserListed_walkRefusedFallsBackToGet(t *testing.T) {
	ls := startListedSandbox(t, 12, func(w http.ResponseWriter, _ []byte) bool {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte(`{"message":"Access is denied"}`))
		return true
	})
	ls.readAll(t)
	lists, gets := ls.calls()
	if gets != 12 || lists != 1 {
		t.Fatalf("with the list refused, 12 reads made %d GETs and %d list calls; want 12 GETs and the one walk that failed", gets, lists)
	}
}

// A list whose rows lack a key the same user's GET carries (middle_name)
// never serves a read: served, the middle name would read as cleared.
func TestReadUserListed_listLackingKeysIsNotServed(t *testing.T) {
	ls := startListedSandbox(t, 12, func(w http.ResponseWriter, body []byte) bool {
		var env map[string]any
		if json.Unmarshal(body, &env) != nil {
			return false
		}
		rows, _ := env["results"].([]any)
		for _, r := range rows {
			if row, ok := r.(map[string]any); ok {
				delete(row, "middle_name")
			}
		}
		out, _ := json.Marshal(env)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(out)
		return true
	})
	ls.readAll(t)
	if _, gets := ls.calls(); gets != 12 {
		t.Fatalf("with list rows lacking middle_name, 12 reads made %d GETs; every read must be direct", gets)
	}
	if serves, lacking := ls.c.listed.parity.serves(8162); serves || lacking.names() != "middle_name" {
		t.Fatalf("parity: serves=%v lacking=%q; want the list refused for lacking middle_name", serves, lacking.names())
	}
}

// A user missing from the walk (deleted before it) is not served: it is
// read directly, and only that read's proof reports it gone.
func TestReadUserListed_missingUserReadDirectly(t *testing.T) {
	ls := startListedSandbox(t, 8, nil)
	gone := ls.users[7]
	ls.emu.DeleteUserHard(gone.ID)
	for _, u := range ls.users[:7] {
		if _, _, err := ls.c.ReadUserListed(context.Background(), 8162, int64(u.ID), nil); err != nil {
			t.Fatal(err)
		}
	}
	if lists, _ := ls.calls(); lists != 1 {
		t.Fatalf("the burst made %d list calls, want its one walk", lists)
	}
	u, g, err := ls.c.ReadUserListed(context.Background(), 8162, int64(gone.ID), nil)
	if err != nil || u != nil || g != UserGone {
		t.Fatalf("the deleted user: user=%v gone=%v err=%v; want UserGone from the direct read", u, g, err)
	}
	direct := false
	for _, r := range ls.srv.Requests("qacomplete") {
		if r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/users/"+strconv.Itoa(gone.ID)) && r.Status == http.StatusNotFound {
			direct = true
		}
	}
	if !direct {
		t.Fatal("the deleted user was reported gone without its direct GET answering 404")
	}
}

// A walk is bounded by the total its first page claims: a server that keeps
// answering new users past it stops with an error, not after 1000 pages.
func TestListAllUsers_pageCapFromClaimedTotal(t *testing.T) {
	calls := 0
	c := fakeClient(t, func(w http.ResponseWriter, r *http.Request) {
		calls++
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		rows := make([]map[string]any, 10)
		for i := range rows {
			rows[i] = map[string]any{"id": 1 + offset + i, "email": "x@example.com"}
		}
		// 25 users claimed at first, then ever more.
		total := 25
		if offset > 0 {
			total = 1_000_000
		}
		body, _ := json.Marshal(map[string]any{
			"metadata": map[string]any{"result_set": map[string]any{"count": 10, "offset": offset, "limit": 10, "total": total}},
			"results":  rows,
		})
		_, _ = w.Write(body)
	})
	_, err := c.ListAllUsers(context.Background(), 8162, "")
	// 25 users claimed at 10 a page: 3 pages plus a margin of 2.
	if err == nil || !strings.Contains(err.Error(), "did not end within 5 pages") || calls != 5 {
		t.Fatalf("want the walk stopped after 5 pages, got %d calls and %v", calls, err)
	}
}

// A snapshot never proves an e-mail free: a user created outside Terraform
// after the department was walked is still found before a create posts a
// second user with its e-mail.
func TestFindListedUserByEmail_missConfirmedDirectly(t *testing.T) {
	ls := startListedSandbox(t, 3, nil)
	ctx := context.Background()
	if _, err := ls.c.ListedUsers(ctx, 8162); err != nil {
		t.Fatal(err)
	}
	late := ls.emu.AddUser(qacsandbox.User{DeptID: 8162, Email: "late@example.com", FirstName: "Late", LastName: "Comer", IsActive: true})
	u, err := ls.c.FindListedUserByEmail(ctx, 8162, "late@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if u == nil || u.ID != int64(late.ID) {
		t.Fatalf("found %+v, want the user created after the walk (id %d)", u, late.ID)
	}
	// A user the snapshot holds costs no further call.
	before := len(ls.srv.Requests("qacomplete"))
	if u, err := ls.c.FindListedUserByEmail(ctx, 8162, ls.users[1].Email); err != nil || u == nil || u.ID != int64(ls.users[1].ID) {
		t.Fatalf("found %+v, %v; want user %d", u, err, ls.users[1].ID)
	}
	if after := len(ls.srv.Requests("qacomplete")); after != before {
		t.Errorf("a lookup the snapshot answers made %d calls", after-before)
	}
}
