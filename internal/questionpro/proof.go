package questionpro

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// A user leaves Terraform state only on positive proof that QuestionPro no
// longer has it: QuestionPro's own not-found (the §2.1 error envelope with
// NOT_FOUND / 1040), confirmed by a list call that shows the API answers at
// this address. A bare 404 from a web server, an HTML page, or a not-found
// from an address that answers nothing else is what a wrong base_url looks
// like, and dropping users from state on it would make the next apply
// create every one of them again.

// checkBaseURL is the first thing to check when an answer does not look like
// QuestionPro's API, and so ends every message about one.
const checkBaseURL = "Check questionpro.base_url (or " + EnvBaseURL + ") first: it must be the API root up to and including /a/api/v2 (for example https://api.questionpro.com/a/api/v2), or be left out so questionpro.datacenter picks the host. Terraform state was left unchanged."

// vendorNotFound reports whether err is QuestionPro's own not-found: a 404
// whose body is the error envelope naming NOT_FOUND or id 1040. A 404
// without it says nothing about the user.
func vendorNotFound(err error) bool {
	e, ok := apiclient.AsError(err)
	if !ok || e.Status != 404 {
		return false
	}
	return errorID(e) == "1040" || strings.HasPrefix(e.Code, "NOT_FOUND")
}

// errNotProven is the error of a not-found that is not proof enough.
var errNotProven = errors.New("QuestionPro's not-found was not confirmed")

// confirmUserGone decides what a failed read of userID means. It returns
// nil only when err is QuestionPro's own not-found and a list of the
// organization's users answers in the documented shape; otherwise an error
// saying what was seen, for the caller to report while keeping the state.
func confirmUserGone(ctx context.Context, c *Client, org, userID int64, err error) error {
	if !vendorNotFound(err) {
		return fmt.Errorf("%w: the call for user %d answered 404 without QuestionPro's error envelope (NOT_FOUND 1040), the answer of a web server rather than of QuestionPro's API: %s\n\n%s", errNotProven, userID, err.Error(), checkBaseURL)
	}
	if org == 0 {
		return fmt.Errorf("%w: the call for user %d answered QuestionPro's not-found (NOT_FOUND 1040), but no organization is known to confirm with a list of its users that the API answers at this address. Set questionpro.organization_id, then refresh again.\n\n%s", errNotProven, userID, checkBaseURL)
	}
	if perr := c.ProbeUsers(ctx, org); perr != nil {
		return fmt.Errorf("%w: the call for user %d answered QuestionPro's not-found (NOT_FOUND 1040), but listing the users of organization %d, to confirm that the API answers at this address, failed: %s\n\n%s", errNotProven, userID, org, errDetail(perr), checkBaseURL)
	}
	return nil
}

// ProbeUsers lists one user of the organization and checks the answer has
// the shape of §5.5: a response array and the pagination block. It is the
// cheapest call that shows QuestionPro's API answers at the base URL.
func (c *Client) ProbeUsers(ctx context.Context, orgID int64) error {
	users, p, err := c.ListUsers(ctx, orgID, 0, 1, 1)
	if err != nil {
		return err
	}
	if users == nil || p == nil {
		return fmt.Errorf("GET /organizations/%d/users answered 2xx without the documented list (a response array and a pagination block)", orgID)
	}
	return nil
}

// checkUser turns a 2xx answer that does not carry the user asked for into
// an error naming what came instead, so nothing is recorded or written back
// from a blank or foreign user. want is 0 when any real id will do (a
// create).
func checkUser(call string, u *User, want int64) error {
	switch {
	case u == nil:
		return fmt.Errorf("QuestionPro answered %s with a 2xx status but no user object in the response. Nothing was taken from that answer.\n\n%s", call, checkBaseURLShort)
	case u.UserID == 0:
		return fmt.Errorf("QuestionPro answered %s with a 2xx status and a user object without a userID. Nothing was taken from that answer.\n\n%s", call, checkBaseURLShort)
	case want != 0 && u.UserID != want:
		return fmt.Errorf("QuestionPro answered %s with user %d instead of user %d. Nothing was taken from that answer.\n\n%s", call, u.UserID, want, checkBaseURLShort)
	}
	return nil
}

// checkBaseURLShort is checkBaseURL for answers that changed nothing yet.
const checkBaseURLShort = "Check questionpro.base_url (or " + EnvBaseURL + "): it must be QuestionPro's API root up to and including /a/api/v2."
