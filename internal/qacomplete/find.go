package qacomplete

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// FindUserByEmail looks a user up in a department by e-mail, straight from
// QAComplete: it finds the user a POST just made (settleCreate), which no
// snapshot taken before the POST can hold, and confirms every e-mail a
// snapshot misses (FindListedUserByEmail). The filter Email = '...' is only an optimisation (§3): whether
// QAComplete accepts it is not documented, so a 400 to the filtered list
// falls back to walking the whole department, and a filter the server
// ignores is harmless because every row is matched here, case-insensitively;
// the first row is never taken on trust. An e-mail with a quote or brace
// cannot be written as a filter literal safely, so the whole list is walked
// for it. It returns nil when no user matches.
func (c *Client) FindUserByEmail(ctx context.Context, deptID int64, email string) (*User, error) {
	var users []User
	var err error
	if strings.ContainsAny(email, `'"{}()`) {
		users, err = c.ListAllUsers(ctx, deptID, "")
	} else {
		users, err = c.ListAllUsers(ctx, deptID, fmt.Sprintf("Email = '%s'", email))
		if apiclient.IsStatus(err, http.StatusBadRequest) {
			users, err = c.ListAllUsers(ctx, deptID, "")
		}
	}
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
