package qacomplete

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// The answers of POST and PUT are undocumented (§5.1.2, §5.1.4, §7): the
// user object with 200 or 201, or an empty 200 like DELETE's, are all
// plausible. An answer that carries a user must be the user written; one
// that carries none says nothing, so the user is read back, and that read
// must be the user written too. Nothing is ever taken from an answer that
// is another user.

// CreateUser is POST /depts/{DeptId}/users. It returns the user from the
// answer, or nil when the answer carries none (no id), in which case the
// caller finds the new user by e-mail. A user in the answer with another
// e-mail than the one sent is an error. The API documents no way to make a
// create idempotent, so the HTTP layer does not retry it after an ambiguous
// failure; the resource looks the e-mail up before trying again.
func (c *Client) CreateUser(ctx context.Context, deptID int64, body UserPost) (*User, error) {
	req := apiclient.Request{Method: http.MethodPost, Path: usersPath(deptID), Body: body, ExpectStatus: []int{http.StatusOK, http.StatusCreated}}
	var out *User // stays nil for an empty body or null
	res, err := c.http.Do(ctx, req, &out)
	if err != nil {
		return nil, err
	}
	if out == nil || out.ID == 0 {
		return nil, nil
	}
	if err := c.checkWritten(req, res, out, 0, body.Email); err != nil {
		return nil, err
	}
	return out, nil
}

// UpdateUser is the seed's PUT /depts/{DeptId}/users/{UserId}: it replaces
// the profile, so body must be complete. It returns the user as QAComplete
// holds it after the PUT: from the answer when the answer carries it, else
// read back with GET.
func (c *Client) UpdateUser(ctx context.Context, deptID, userID int64, body UserPut) (*User, error) {
	req := apiclient.Request{Method: http.MethodPut, Path: userPath(deptID, userID), Body: body}
	var out *User
	res, err := c.http.Do(ctx, req, &out)
	if err != nil {
		return nil, err
	}
	if out != nil && out.ID != 0 {
		if err := c.checkWritten(req, res, out, userID, body.Email); err != nil {
			return nil, err
		}
		return out, nil
	}
	// The PUT took effect: read the result even if the operation is being
	// interrupted, so state records it.
	settle, cancel := c.settleContext(ctx)
	defer cancel()
	user, res, err := c.getUser(settle, deptID, userID)
	if err == nil {
		err = c.checkWritten(apiclient.Request{Method: http.MethodGet, Path: userPath(deptID, userID)}, res, user, userID, body.Email)
	}
	if err != nil {
		return nil, fmt.Errorf("QAComplete accepted the update of user %d, but its answer carried no user and reading the user back did not give the user written: %w", userID, err)
	}
	return user, nil
}

// checkWritten refuses an answer that is not the user just written: another
// id (when wantID is known) or another e-mail than the one sent.
func (c *Client) checkWritten(req apiclient.Request, res *apiclient.Response, got *User, wantID int64, wantEmail string) error {
	if wantID != 0 && got.ID != wantID {
		return c.answerError(req, res, fmt.Sprintf("the answer is user %d, not user %d that was written; nothing was recorded from it", got.ID, wantID))
	}
	if got.Email == nil || !strings.EqualFold(*got.Email, wantEmail) {
		return c.answerError(req, res, fmt.Sprintf("the answer is user %d with e-mail %q, not the %s that was sent; nothing was recorded from it", got.ID, deref(got.Email), wantEmail))
	}
	return nil
}

// settleContext is for the calls that follow a write that took effect:
// they must finish even if Terraform interrupts the operation while they
// run, or a user the vendor holds would be missing from state. Unlike
// apiclient's SettleContext, which detaches only a context that has already
// ended, it detaches at once (with the same bound of two request timeouts),
// since an interruption may come between the calls of a list walk.
func (c *Client) settleContext(ctx context.Context) (context.Context, context.CancelFunc) {
	ended, end := context.WithCancel(ctx)
	end()
	return c.http.SettleContext(ended)
}
