package qacomplete

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// A refresh of many users of one department shares one walk of the
// department's list (GET /depts/{DeptId}/users, every page at limit 1000)
// instead of one GET each: see apiclient.Snapshots for when a walk is made
// and what it may answer. The scope is the department, the key the user id.
// Here is what QAComplete adds to that:
//   - a row serves a read only once the department's list was seen to carry
//     every key the single-user GET carries (list_parity.go);
//   - a disabled row is never served: removing a user from state takes the
//     direct GET, as it always did;
//   - a row that is not served, or is missing, is read with the direct GET
//     and its positive proof of absence (proof.go), unchanged.

// listedUsers is a client's snapshots of its departments' lists.
type listedUsers struct {
	snaps  *apiclient.Snapshots[User]
	parity *parityBook
}

func newListedUsers() *listedUsers {
	return &listedUsers{
		snaps:  apiclient.NewSnapshots(apiclient.DefaultSnapshotConfig, func(u User) string { return userKey(u.ID) }),
		parity: newParityBook(),
	}
}

func deptScope(deptID int64) string { return strconv.FormatInt(deptID, 10) }
func userKey(userID int64) string   { return strconv.FormatInt(userID, 10) }

// walkDept is the snapshot's walk of a department: ListAllUsers unfiltered,
// which checks each page as QAComplete's list and refuses a walk that
// repeats users, runs past its page cap or ends short of its total.
func (c *Client) walkDept(deptID int64) apiclient.Walk[User] {
	return func(ctx context.Context) ([]User, error) {
		users, err := c.ListAllUsers(ctx, deptID, "")
		if err != nil {
			tflog.Debug(ctx, "QAComplete department walk failed; users are read one by one", map[string]any{"dept_id": deptID, "error": err.Error()})
			return nil, err
		}
		c.listed.parity.noteWalk(deptID, users)
		return users, nil
	}
}

// ReadUserListed is ReadUser for a refresh or a data source: when the
// department is being read in a burst, the user comes from one walk of its
// list; otherwise, or when the list cannot answer for this user, it is
// ReadUser. complete, when not nil, says whether a row carries everything
// the caller already knows about the user (a row lacking a key for a value
// it holds is read directly instead).
func (c *Client) ReadUserListed(ctx context.Context, deptID, userID int64, complete func(*User) bool) (*User, Gone, error) {
	// A failed walk leaves the user to ReadUser, which reports the
	// vendor's answer for this user itself.
	if u, ok, _ := c.listed.snaps.Get(ctx, deptScope(deptID), userKey(userID), c.walkDept(deptID)); ok {
		serves, lacking := c.listed.parity.serves(deptID)
		switch {
		case lacking != 0:
			tflog.Debug(ctx, "QAComplete's user list lacks keys its GET answers; reading the user directly", map[string]any{"dept_id": deptID, "user_id": userID, "keys": lacking.names()})
		case !serves:
			tflog.Debug(ctx, "QAComplete's user list not yet compared with a GET; reading the user directly", map[string]any{"dept_id": deptID, "user_id": userID})
		case !u.Active():
			// Only a direct read may take a user out of state.
		case complete != nil && !complete(&u):
			tflog.Debug(ctx, "QAComplete list row lacks a value Terraform holds; reading the user directly", map[string]any{"dept_id": deptID, "user_id": userID})
		default:
			return &u, NotGone, nil
		}
	}
	return c.ReadUser(ctx, deptID, userID)
}

// ListedUsers is every user of the department, from a fresh snapshot or a
// walk: for the users data source without a filter and for lookups by
// e-mail.
func (c *Client) ListedUsers(ctx context.Context, deptID int64) ([]User, error) {
	return c.listed.snaps.All(ctx, deptScope(deptID), c.walkDept(deptID))
}

// FindListedUserByEmail is FindUserByEmail served from the department's
// snapshot when the snapshot holds the e-mail, for the check before a
// create, adoption, import by e-mail and the data source by e-mail. What it
// finds is only a candidate: adoption reads it with a direct GET before
// writing. A snapshot never proves absence: an e-mail it misses may have
// been taken since the walk, and what QAComplete does with a second user of
// the same e-mail is not documented (qacomplete-api.md §3, "[?] duplicate
// e-mail"), so a miss is looked up straight from QAComplete.
func (c *Client) FindListedUserByEmail(ctx context.Context, deptID int64, email string) (*User, error) {
	users, err := c.ListedUsers(ctx, deptID)
	if err != nil {
		return nil, err
	}
	if u := matchEmail(users, email); u != nil {
		return u, nil
	}
	return c.FindUserByEmail(ctx, deptID, email)
}

// recordWritten records a user as QAComplete answered a write of it.
func (c *Client) recordWritten(deptID int64, u *User) {
	c.listed.parity.forget(deptID, u.ID)
	c.listed.snaps.Put(deptScope(deptID), *u)
}

// recordUnknown forgets the snapshots after a write whose effect the
// provider cannot reproduce from QAComplete's answer.
func (c *Client) recordUnknown() {
	c.listed.snaps.Invalidate()
}
