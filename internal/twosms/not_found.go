package twosms

import (
	"context"
	"fmt"
	"net/http"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// confirmGone decides what a failed read of user id means. It returns nil
// only on positive proof that the user is gone: the list of every user
// (§4.1, super users included) answers in 2sms's shape and lacks the id,
// after GET answered with 2sms's own error envelope. The envelope may say
// "not found" (on any status, or any code on a 404), or carry a code and
// wording of its own on a success status: the error codes are undocumented
// (§2.1), so the list, not the wording, is the proof. Anything else is an
// error, so a wrong base_url, a proxy's error page or a refused call never
// removes users from state.
func (c *Client) confirmGone(ctx context.Context, id string, readErr error) error {
	recognised := IsUserNotFound(readErr)
	if !recognised && !unrecognisedEnvelopeError(readErr) {
		if e, ok := apiclient.AsError(readErr); ok && e.Status == http.StatusNotFound {
			return &unprovenNotFoundError{id: id, seen: readErr}
		}
		return readErr
	}
	listed, err := c.listsUser(ctx, id)
	switch {
	case err != nil:
		return &unprovenNotFoundError{id: id, seen: readErr, confirm: err}
	case listed && recognised:
		return &unprovenNotFoundError{id: id, seen: readErr, listed: true}
	case listed:
		// The user exists: the read failed for a reason of its own.
		return readErr
	}
	return nil
}

// unrecognisedEnvelopeError reports an answer on a success status that
// carries 2sms's envelope with an error that does not say "not found":
// possibly 2sms's not-found in words of its own, to be settled by the list.
// Other statuses (a refused token, a server error) say something else.
func unrecognisedEnvelopeError(err error) bool {
	e, ok := apiclient.AsError(err)
	return ok && e.Status >= 200 && e.Status < 300 && carriesEnvelopeError(e.Body)
}

// listsUser calls the list of every user (§4.1, super users included) and
// reports whether it holds id. The list must be 2sms's own answer
// (listEveryUser); anything else proves nothing. It is always a call of its
// own, never a snapshot: the proof must be as fresh as the read it settles.
func (c *Client) listsUser(ctx context.Context, id string) (bool, error) {
	users, err := c.listEveryUser(ctx, true)
	if err != nil {
		return false, err
	}
	for _, u := range users {
		if sameGUID(u.ID, id) {
			return true, nil
		}
	}
	return false, nil
}

// unprovenNotFoundError is a "not found" that does not prove the user is
// gone: a 404 without 2sms's envelope, a not-found while the API does not
// answer a list call at the same base URL, or one the list contradicts.
type unprovenNotFoundError struct {
	id      string
	seen    error
	confirm error
	listed  bool
}

func (e *unprovenNotFoundError) Summary() string {
	return "Could not tell whether the 2sms user still exists"
}

func (e *unprovenNotFoundError) Error() string {
	check := fmt.Sprintf("Check twosms.base_url (or %s, or twosms.region) first: it must be the root of the 2sms deployment that holds the user. The user was kept in Terraform state.", EnvBaseURL)
	switch {
	case e.listed:
		return fmt.Sprintf("Reading user %s got %s\n\nbut the list of users at the same base URL (GET /api/v1/admin/users?IncludeSuperUsers=true) still holds it.\n\n%s", e.id, describe(e.seen), check)
	case e.confirm == nil:
		return fmt.Sprintf("Reading user %s got a \"not found\" that is not 2sms's own answer (no 2sms response envelope with an error): %s\n\n%s", e.id, describe(e.seen), check)
	}
	return fmt.Sprintf("Reading user %s got %s\n\nbut the 2sms API does not answer a list of users at the same base URL: %s\n\n%s", e.id, describe(e.seen), describe(e.confirm), check)
}

// describe is an error's text without its hint, which the caller replaces.
func describe(err error) string {
	if e, ok := apiclient.AsError(err); ok {
		s := e.Error()
		if e.Body != "" && e.Message == "" && e.Code == "" {
			s += ": " + e.Body
		}
		return s
	}
	return err.Error()
}

// missingObjectError is a 2xx answer without the object the call asked for,
// or with another one. Nothing is built from it: a blank user written back
// would wipe the real one.
type missingObjectError struct {
	method, path, what string
}

func (e *missingObjectError) Summary() string { return "2sms answered without the expected object" }

func (e *missingObjectError) Error() string {
	outcome := "so nothing was read from it or written back"
	if e.method != http.MethodGet {
		// The write was sent; what it did is unknown, so state keeps its
		// values and the next plan reads the user again.
		outcome = "so Terraform state was left as it was; the next plan reads the user again"
	}
	return fmt.Sprintf("2sms answered %s %s with success but without %s, %s. Check twosms.base_url (or %s) first: it must be the root of a 2sms deployment.", e.method, e.path, e.what, outcome, EnvBaseURL)
}
