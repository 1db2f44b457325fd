package twosms

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// confirmGone decides what a failed read of user id means. It returns nil
// only on positive proof that the user is gone: 2sms's own not-found
// (IsUserNotFound), confirmed by a list call that shows the 2sms API answers
// at this base URL. Anything else is an error, so a wrong base_url or a
// proxy's error page never removes users from state.
func (c *Client) confirmGone(ctx context.Context, id string, readErr error) error {
	if !IsUserNotFound(readErr) {
		if e, ok := apiclient.AsError(readErr); ok && e.Status == http.StatusNotFound {
			return &unprovenNotFoundError{id: id, seen: readErr}
		}
		return readErr
	}
	if err := c.answersUserList(ctx); err != nil {
		return &unprovenNotFoundError{id: id, seen: readErr, confirm: err}
	}
	return nil
}

// answersUserList calls the user list (§4.1) and checks it answers with
// the envelope and a list of users in it, as 2sms does.
func (c *Client) answersUserList(ctx context.Context) error {
	q := url.Values{"IncludeSuperUsers": {strconv.FormatBool(false)}}
	req := apiclient.Request{Method: http.MethodGet, Path: "/api/v1/admin/users", Query: q}
	users, present, err := doEnvelope[[]User](ctx, c, req)
	if err != nil {
		return err
	}
	if !present || users == nil {
		return &missingObjectError{method: req.Method, path: req.Path, what: "the list of users (ResponseData.Detail)"}
	}
	return nil
}

// unprovenNotFoundError is a "not found" that does not prove the user is
// gone: a 404 without 2sms's envelope, or a not-found while the API does not
// answer a list call at the same base URL.
type unprovenNotFoundError struct {
	id      string
	seen    error
	confirm error
}

func (e *unprovenNotFoundError) Summary() string {
	return "Could not tell whether the 2sms user still exists"
}

func (e *unprovenNotFoundError) Error() string {
	check := fmt.Sprintf("Check twosms.base_url (or %s, or twosms.region) first: it must be the root of the 2sms deployment that holds the user. The user was kept in Terraform state.", EnvBaseURL)
	if e.confirm == nil {
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
	return fmt.Sprintf("2sms answered %s %s with success but without %s, so nothing was read from it or written back. Check twosms.base_url (or %s) first: it must be the root of a 2sms deployment.", e.method, e.path, e.what, EnvBaseURL)
}
