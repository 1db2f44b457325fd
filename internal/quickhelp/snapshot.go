package quickhelp

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// QuickHelp has no call that reads one user (quickhelp-api.md §0, §3): every
// read is a walk of the paged user list (walk.go). Terraform refreshes
// resources in parallel, each in its own RPC, so without sharing, refreshing
// N users would walk the list N times. The client keeps the provider's
// list snapshots (apiclient.Snapshots) with a burst of one: the first read
// of a customer scope walks, concurrent readers wait for that walk, later
// ones reuse it, and the provider's own writes change it in place.
//
// The provider is configured anew for every Terraform command (and for the
// plan and apply phases of one), so a snapshot never outlives a run by much;
// the ages below bound it for long-lived processes too.

const (
	// forRead is how old a snapshot may be for refreshes, data sources and
	// imports: anything walked during the current command.
	forRead = 5 * time.Minute
	// forWrite is how old a snapshot may be for the read an update, delete
	// or adoption builds its request from, and for concluding that a user
	// is gone: one this young, kept current by this process's own writes,
	// is what QuickHelp holds now.
	forWrite = 30 * time.Second
)

// newUserSnapshots are the list snapshots of one provider configuration,
// keyed by user id: with a burst of one, the first read of a scope walks.
func newUserSnapshots(readAge time.Duration) *apiclient.Snapshots[User] {
	return apiclient.NewSnapshots(apiclient.SnapshotConfig{Burst: 1, Window: readAge, Fresh: readAge}, userKey)
}

func userKey(u User) string { return strconv.FormatInt(u.UserID, 10) }

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

// walkOf is the complete walk of one customer scope: every page, each
// proven the Customer API's answer, reaching the total the list claims.
func (c *Client) walkOf(customerIDs []int64) apiclient.Walk[User] {
	return func(ctx context.Context) ([]User, error) {
		return c.ListAllUsers(ctx, customerIDs)
	}
}

// Users returns the users of a customer scope from a snapshot no older than
// maxAge, walking the list only when none is held or being walked. The
// slice is the caller's.
func (c *Client) Users(ctx context.Context, customerIDs []int64, maxAge time.Duration) ([]User, error) {
	return c.snaps.AllWithin(ctx, scopeKey(customerIDs), maxAge, c.walkOf(customerIDs))
}

// ReadUser is the refresh's read of one user: the scope's snapshot when it
// holds the user, else a list walked for this question. nil means the
// user is not in a complete walk of the scope at most forWrite old, which
// is QuickHelp's only proof that a user is gone; a snapshot missing the
// user proves nothing by itself, so the answer comes from FindUserByID.
//
// A walk that failed, whether this reader ran it or waited for it, is the
// refresh's error as it is: walking again at once would cost a second call
// for nothing (a quota answer, say).
func (c *Client) ReadUser(ctx context.Context, customerID, userID int64) (*User, error) {
	scope := c.scopeFor(customerID)
	u, served, err := c.snaps.Get(ctx, scopeKey(scope), strconv.FormatInt(userID, 10), c.walkOf(scope))
	switch {
	case err != nil:
		return nil, err
	case served:
		return &u, nil
	}
	return c.FindUserByID(ctx, customerID, userID, c.writeAge)
}

// FindUserByID looks a user up in a snapshot of its scope no older than
// maxAge; nil when a complete walk does not hold it.
func (c *Client) FindUserByID(ctx context.Context, customerID, userID int64, maxAge time.Duration) (*User, error) {
	users, err := c.Users(ctx, c.scopeFor(customerID), maxAge)
	if err != nil {
		return nil, err
	}
	for i := range users {
		if users[i].UserID == userID {
			return &users[i], nil
		}
	}
	return nil, nil
}

// FindUserByEmail looks a user up by e-mail, ignoring case (the list has no
// filter, §3); nil when absent, an error when several users share it.
func (c *Client) FindUserByEmail(ctx context.Context, customerID int64, email string, maxAge time.Duration) (*User, error) {
	users, err := c.Users(ctx, c.scopeFor(customerID), maxAge)
	if err != nil {
		return nil, err
	}
	var found []User
	for _, u := range users {
		if u.Email != nil && strings.EqualFold(*u.Email, email) {
			found = append(found, u)
		}
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
		return &found[0], nil
	}
	ids := make([]string, len(found))
	for i, u := range found {
		ids[i] = strconv.FormatInt(u.UserID, 10)
	}
	return nil, fmt.Errorf("several QuickHelp users have the e-mail %s (user ids %s); set user_id instead", email, strings.Join(ids, ", "))
}
