package questionpro

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// QuestionPro allows 300 calls a minute per key (questionpro-api.md §3), so
// a refresh of a thousand users read one GET each takes over three minutes.
// A burst of reads is served instead from one walk of a user list at up to
// 1000 users a page (apiclient.Snapshots decides when a burst is one).
//
// Scopes. A refresh is served from its user's department list (§5.6), not
// from the organization-wide one (§5.5): the organization-wide list may
// report departmentID 0 for every user (the document's example does; the
// sandbox's switch org_list_department_ids), and there a 0 tells neither
// "no department" nor the real one. Served from it, every refresh would
// show department_id drift, or hide a move into a department made outside
// Terraform. The department list carries the real id, and the walk checks
// that every user of it does. So:
//   - the resource's refresh names the department its state records; a
//     user in state with no department, or moved out of it, is not in that
//     walk and is read directly;
//   - the user data source by id knows no department beforehand, so it is
//     served from the organization-wide list only where that list reports a
//     department, and read directly otherwise;
//   - the users data source reads its own scope whole (All);
//   - the read an update builds its PUT from, and a create's look-up of the
//     e-mail (which must prove the e-mail free, and whose user an adoption
//     builds its PUT from), never use a snapshot.
// The list's user is the same object as GET's (§4, §5.5: the user schema,
// every field), so a served user is flattened exactly as a direct read.

func newSnapshots() *apiclient.Snapshots[User] {
	return apiclient.NewSnapshots(apiclient.DefaultSnapshotConfig, userKey)
}

func userKey(u User) string { return strconv.FormatInt(u.UserID, 10) }

// scopeOf names the list of an organization (deptID 0) or of a department.
func scopeOf(orgID, deptID int64) string {
	s := strconv.FormatInt(orgID, 10)
	if deptID != 0 {
		s += "/" + strconv.FormatInt(deptID, 10)
	}
	return s
}

// walk is the list of a scope, walked whole and checked.
func (c *Client) walk(orgID, deptID int64) apiclient.Walk[User] {
	return func(ctx context.Context) ([]User, error) { return c.ListAllUsers(ctx, orgID, deptID) }
}

// Users returns every user of an organization (deptID 0) or a department:
// a fresh snapshot of that list when there is one, else a walk.
func (c *Client) Users(ctx context.Context, orgID, deptID int64) ([]User, error) {
	return c.snaps.All(ctx, scopeOf(orgID, deptID), c.walk(orgID, deptID))
}

// snapshotUser is the user from a snapshot of the department recorded for
// it, when that department is being read in a burst; ok is false when no
// snapshot answers, and the caller reads the user directly (only that read
// may conclude the user is gone).
func (c *Client) snapshotUser(ctx context.Context, orgID, deptID, userID int64) (user *User, ok bool) {
	if orgID == 0 || deptID == 0 {
		return nil, false
	}
	// A failed walk leaves the user to the direct read, which reports the
	// vendor's answer for this user itself.
	u, ok, _ := c.snaps.Get(ctx, scopeOf(orgID, deptID), strconv.FormatInt(userID, 10), c.walk(orgID, deptID))
	if !ok {
		return nil, false
	}
	return &u, true
}

// snapshotUserInOrganization is the user from a snapshot of the
// organization-wide list, served only when that list reports the user's
// department: its 0 may mean "not reported".
func (c *Client) snapshotUserInOrganization(ctx context.Context, orgID, userID int64) (user *User, ok bool) {
	if orgID == 0 {
		return nil, false
	}
	u, ok, _ := c.snaps.Get(ctx, scopeOf(orgID, 0), strconv.FormatInt(userID, 10), c.walk(orgID, 0))
	if !ok || u.DepartmentID == 0 {
		return nil, false
	}
	return &u, true
}

// wrote records a user as a write's answer left it, in its department's
// snapshot (or the organization's, for a user without a department); the
// snapshots of every other scope are forgotten, the one it moved out of
// included. An answer without an organization cannot be placed, so it
// forgets every snapshot.
func (c *Client) wrote(u *User) {
	if u.OrganizationID == 0 {
		c.snaps.Invalidate()
		return
	}
	c.snaps.Put(scopeOf(u.OrganizationID, u.DepartmentID), *u)
}

// deleted records the removal of a user; other scopes' snapshots, which may
// hold it, are forgotten.
func (c *Client) deleted(orgID, userID int64) {
	c.snaps.Remove(scopeOf(orgID, 0), strconv.FormatInt(userID, 10))
}

// writeUnknown forgets every snapshot after a write whose effect is not
// known (it failed, or was answered ambiguously).
func (c *Client) writeUnknown() { c.snaps.Invalidate() }

// UserIDByEmail finds the id of the user with an e-mail for an import: in
// the organization's list (a fresh snapshot, or one walk that serves every
// import of the run), else with search by e-mail, whose no-match is
// QuestionPro's own answer that nobody has the e-mail. Only the id is taken
// from the list, so its departmentID 0 does no harm: the import's read that
// follows reads the user whole. 0 means no user has the e-mail.
func (c *Client) UserIDByEmail(ctx context.Context, orgID int64, email string) (int64, error) {
	users, err := c.Users(ctx, orgID, 0)
	if err != nil {
		tflog.Debug(ctx, "listing the organization's users to import by e-mail failed; searching instead", map[string]any{"error": err.Error()})
	}
	var hits []int64
	for _, u := range users {
		if strings.EqualFold(u.EmailAddress, email) {
			hits = append(hits, u.UserID)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0], nil
	case 0:
		u, err := c.SearchUserByEmail(ctx, orgID, email)
		if err != nil || u == nil {
			return 0, err
		}
		return u.UserID, nil
	}
	return 0, fmt.Errorf("organization %d lists %d users with the e-mail %s (user ids %v); import the one you mean by its user id: terraform import <resource address> <user_id>", orgID, len(hits), email, hits)
}
