package twosms

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// A plan of many 2sms users refreshes each with its own GET; one call of
// the list (§4.1) returns every user the API client may see, whole: the
// same User model as GET (§3.1), so a user served from it flattens exactly
// as a read. Bursts of reads share one such list (apiclient.Snapshots).
//
// Scopes: one client acts in one 2sms deployment as one API client, so
// what it may see is one scope. It is kept twice, because the wire User
// does not say whether a user is a super user:
//   - scopeAll, IncludeSuperUsers=true, answers reads by id (a super user
//     imported by GUID is read like any other) and the list data source
//     that asks for super users; the provider's writes are recorded here;
//   - scopeVisible, IncludeSuperUsers=false, answers lookups by username or
//     e-mail, which never match a super user, and the default list data
//     source. Every write forgets it, so it is walked again after one.
const (
	scopeAll     = "users+super"
	scopeVisible = "users"
)

// listedUser is a user as a snapshot keeps it: without the password and
// the PIN 2sms may return (a snapshot holds no secret), and with whether
// the read showed the PIN, which is all the pin_read private state needs.
type listedUser struct {
	user     User
	pinShown bool
}

func newListedUser(u User) listedUser {
	shown := readPin(&u) != nil
	u.Password, u.Pin = nil, nil
	return listedUser{user: u, pinShown: shown}
}

func listedUserKey(l listedUser) string { return normalizeGUID(l.user.ID) }

func newUserSnapshots() *apiclient.Snapshots[listedUser] {
	return apiclient.NewSnapshots(apiclient.DefaultSnapshotConfig, listedUserKey)
}

// listEveryUser is GET api/v1/admin/users (§4.1), checked as 2sms's own
// answer: the envelope with a list in ResponseData.Detail, an ID on every
// user and no user twice. The list has no paging (§4.1 documents none, and
// returns "every user the caller may see"), so one call is the whole walk,
// bounded by the HTTP layer's per-call budget. It is the one reading of the
// list: the proof that a user is gone and the snapshots both use it.
func (c *Client) listEveryUser(ctx context.Context, includeSuperUsers bool) ([]User, error) {
	q := url.Values{"IncludeSuperUsers": {strconv.FormatBool(includeSuperUsers)}}
	req := apiclient.Request{Method: http.MethodGet, Path: "/api/v1/admin/users", Query: q}
	users, present, err := doEnvelope[[]User](ctx, c, req)
	if err != nil {
		return nil, err
	}
	if !present || users == nil {
		return nil, &missingObjectError{method: req.Method, path: req.Path, what: "the list of users (ResponseData.Detail)"}
	}
	seen := make(map[string]bool, len(users))
	for _, u := range users {
		if u.ID == "" {
			return nil, &missingObjectError{method: req.Method, path: req.Path, what: "an ID on every user of the list"}
		}
		// A user listed twice may be two versions of it: which one is
		// current cannot be told, so nothing is served from the list.
		if seen[normalizeGUID(u.ID)] {
			return nil, &missingObjectError{method: req.Method, path: req.Path, what: "each user once (user " + u.ID + " is listed twice)"}
		}
		seen[normalizeGUID(u.ID)] = true
	}
	return users, nil
}

// walk reads one scope for the snapshots.
func (c *Client) walk(includeSuperUsers bool) apiclient.Walk[listedUser] {
	return func(ctx context.Context) ([]listedUser, error) {
		users, err := c.listEveryUser(ctx, includeSuperUsers)
		if err != nil {
			return nil, err
		}
		out := make([]listedUser, len(users))
		for i, u := range users {
			// §4.1 documents whole Users, as GET returns them. An entry
			// without its login name and e-mail address (both required,
			// §3.1) is a summary, not the user: served, it would show as
			// drift on every field, so such a list serves nothing.
			if u.Username == nil && u.EmailAddress == nil {
				return nil, &missingObjectError{method: http.MethodGet, path: "/api/v1/admin/users", what: "whole users (user " + u.ID + " has no Username or EmailAddress)"}
			}
			out[i] = newListedUser(u)
		}
		return out, nil
	}
}

// ReadUser reads user id for a refresh or a data source: from the list
// snapshot when the users are being read in a burst, else with its own GET.
// Only that GET can prove the user gone (confirmGone): then ReadUser
// returns a nil user and no error. pinShown says whether 2sms showed the
// user's PIN; the user returned never carries it when it came from a
// snapshot, so it must not feed a PUT (applyConfig reads the user itself).
func (c *Client) ReadUser(ctx context.Context, id string) (user *User, pinShown bool, err error) {
	id = normalizeGUID(id)
	// A failed walk leaves the user to the GET below, which reports the
	// vendor's answer for this user itself.
	if l, served, _ := c.snaps.Get(ctx, scopeAll, id, c.walk(true)); served {
		u := l.user
		return &u, l.pinShown, nil
	}
	u, err := c.GetUser(ctx, id)
	if err != nil {
		if err = c.confirmGone(ctx, id, err); err != nil {
			return nil, false, err
		}
		c.snaps.Remove(scopeAll, id)
		return nil, false, nil
	}
	return u, readPin(u) != nil, nil
}

// AllUsers is every user the API client may see, super users only when
// asked, from a snapshot no older than the operation or from a new walk.
func (c *Client) AllUsers(ctx context.Context, includeSuperUsers bool) ([]User, error) {
	scope := scopeVisible
	if includeSuperUsers {
		scope = scopeAll
	}
	listed, err := c.snaps.All(ctx, scope, c.walk(includeSuperUsers))
	if err != nil {
		return nil, err
	}
	out := make([]User, len(listed))
	for i, l := range listed {
		out[i] = l.user
	}
	return out, nil
}

// recordWrite keeps the snapshots true to a write: the user as 2sms
// answered it, or, when the answer is missing or the effect unknown
// (err != nil), no snapshot at all.
func (c *Client) recordWrite(u *User, err error) {
	if err != nil || u == nil {
		c.snaps.Invalidate()
		return
	}
	c.snaps.Put(scopeAll, newListedUser(*u))
}
