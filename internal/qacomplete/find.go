package qacomplete

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// FindUserByEmail looks a user up in a department by e-mail, straight from
// QAComplete: it finds the user a POST just made (settleCreate), which no
// snapshot taken before the POST can hold, and confirms every e-mail a
// snapshot misses (FindListedUserByEmail).
//
// The filter Email = '...' is only an optimisation (§3): whether QAComplete
// accepts it is not documented. A filter the server ignores is harmless,
// because every row is matched here, case-insensitively; the first row is
// never taken on trust. A 400 to it sends this lookup, and every later one
// of this client, to a walk of the whole department: a server that refused
// the filter once is not asked again for each user of a bulk create. An
// e-mail with a quote or brace cannot be written as a filter literal
// safely, so the department is walked for it too.
//
// That walk begins after this call (Snapshots.AllFromNewWalk): no list read
// before the question answers it, while lookups made together share one
// walk. It returns nil when no user matches.
func (c *Client) FindUserByEmail(ctx context.Context, deptID int64, email string) (*User, error) {
	if !strings.ContainsAny(email, `'"{}()`) && !c.filterRefused.Load() {
		users, err := c.ListAllUsers(ctx, deptID, fmt.Sprintf("Email = '%s'", email))
		if !apiclient.IsStatus(err, http.StatusBadRequest) {
			if err != nil {
				return nil, err
			}
			return matchEmail(users, email), nil
		}
		tflog.Debug(ctx, "QAComplete refused the e-mail filter; looking e-mails up in walks of the department from now on", map[string]any{"dept_id": deptID})
		c.filterRefused.Store(true)
	}
	users, err := c.listed.snaps.AllFromNewWalk(ctx, deptScope(deptID), c.walkDept(deptID))
	if err != nil {
		return nil, err
	}
	return matchEmail(users, email), nil
}

// matchEmail picks the user with the e-mail, preferring an active account
// when a disabled one shares the address; nil when none has it.
func matchEmail(users []User, email string) *User {
	var found *User
	for i := range users {
		if users[i].Email == nil || !strings.EqualFold(*users[i].Email, email) {
			continue
		}
		if found == nil || (!found.Active() && users[i].Active()) {
			found = &users[i]
		}
	}
	return found
}

// getUserByEmail is GetUser for a user found by e-mail: the user read must
// still have that e-mail, or nothing is built from it.
func (c *Client) getUserByEmail(ctx context.Context, deptID, userID int64, email string) (*User, error) {
	user, res, err := c.getUser(ctx, deptID, userID)
	if err != nil {
		return nil, err
	}
	if user.Email == nil || !strings.EqualFold(*user.Email, email) {
		return nil, c.answerError(apiclient.Request{Method: http.MethodGet, Path: userPath(deptID, userID)}, res,
			fmt.Sprintf("user %d, found by the e-mail %s, now has the e-mail %q; nothing was built from it. Another change may be under way in QAComplete: try again", userID, email, deref(user.Email)))
	}
	return user, nil
}
