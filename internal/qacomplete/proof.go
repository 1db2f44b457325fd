package qacomplete

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// vendorNotFoundText is QAComplete's own wording for an unknown item
// (qacomplete-api.md §2, "File or directory not found"). A 404 without it
// may come from any web server at a wrong base URL, so it proves nothing.
const vendorNotFoundText = "file or directory not found"

// Gone says whether, and how, a user was proven gone.
type Gone int

const (
	// NotGone: the user was read, or nothing was proven.
	NotGone Gone = iota
	// UserGone: QAComplete's own not-found for the user, with the
	// department's user list answering at the same base URL.
	UserGone
	// DepartmentGone: QAComplete's own not-found for the user and for the
	// department's user list, with the department list answering at the
	// same base URL without the department.
	DepartmentGone
)

// ReadUser is GetUser for a caller that would drop the user from state when
// it is gone. It reports gone only on positive proof (see Gone). Any other
// 404 is an *UnprovenNotFoundError, so the caller keeps its state.
func (c *Client) ReadUser(ctx context.Context, deptID, userID int64) (user *User, gone Gone, err error) {
	user, res, err := c.getUser(ctx, deptID, userID)
	if !apiclient.IsNotFound(err) {
		return user, NotGone, err
	}
	gone, err = c.proveGone(ctx, deptID, "GET "+userPath(deptID, userID), res, err)
	if err != nil {
		return nil, NotGone, err
	}
	return nil, gone, nil
}

// DisableUser is DeleteUser for destroy: a user already gone counts as
// disabled, but only on the same proof ReadUser asks for, since destroy
// drops the user from state.
func (c *Client) DisableUser(ctx context.Context, deptID, userID int64) error {
	res, err := c.deleteUser(ctx, deptID, userID)
	if !apiclient.IsNotFound(err) {
		return err
	}
	_, err = c.proveGone(ctx, deptID, "DELETE "+userPath(deptID, userID), res, err)
	return err
}

// proveGone says how the user is gone when notFound (the 404 answer res to
// call) is QAComplete's own not-found and the API answers at this base URL,
// and returns an *UnprovenNotFoundError saying what was seen otherwise.
func (c *Client) proveGone(ctx context.Context, deptID int64, call string, res *apiclient.Response, notFound error) (Gone, error) {
	seen := describeNotFound(res, notFound)
	if !isVendorNotFound(res) {
		return NotGone, &UnprovenNotFoundError{Call: call, Seen: seen}
	}
	err := c.confirmAPI(ctx, deptID)
	if err == nil {
		return UserGone, nil
	}
	if listRes, ok := notFoundAnswer(err); ok && isVendorNotFound(listRes) {
		// The department's own user list is QAComplete's not-found too:
		// the department itself may be gone, which only the department
		// list, answering at this base URL, can prove.
		derr := c.confirmDepartmentGone(ctx, deptID)
		if derr == nil {
			return DepartmentGone, nil
		}
		return NotGone, &UnprovenNotFoundError{Call: call, Seen: seen, Confirm: err.Error() + "; and the department list could not prove department " + strconv.FormatInt(deptID, 10) + " gone: " + derr.Error()}
	}
	return NotGone, &UnprovenNotFoundError{Call: call, Seen: seen, Confirm: err.Error()}
}

// isVendorNotFound reports whether a 404 answer carries QAComplete's own
// not-found: its wording, in the JSON envelope or as plain text. An HTML
// page does not count: every IIS or proxy in front of a wrong path serves
// one.
func isVendorNotFound(res *apiclient.Response) bool {
	if res == nil || res.Status != http.StatusNotFound || isHTML(res) {
		return false
	}
	_, message := decodeError(res.Status, res.Header, res.Body)
	return strings.Contains(strings.ToLower(message), vendorNotFoundText)
}

func isHTML(res *apiclient.Response) bool {
	if mt, _, err := mime.ParseMediaType(res.Header.Get("Content-Type")); err == nil && strings.Contains(mt, "html") {
		return true
	}
	return bytes.HasPrefix(bytes.TrimSpace(res.Body), []byte("<"))
}

// describeNotFound says what a 404 answer looked like, for the error.
func describeNotFound(res *apiclient.Response, notFound error) string {
	body := ""
	if e, ok := apiclient.AsError(notFound); ok {
		body = apiclient.BodyText([]byte(e.Body)) // masked by the client
	}
	kind := "a bare 404 Not Found"
	if res != nil && isHTML(res) {
		kind = "a 404 Not Found HTML page"
	}
	if res != nil {
		if ct := res.Header.Get("Content-Type"); ct != "" {
			kind += " (" + ct + ")"
		}
	}
	if body == "" {
		return kind + " with an empty body"
	}
	return fmt.Sprintf("%s with the body %q", kind, body)
}

// confirmAPI asks for one user of the department and checks the answer has
// QAComplete's list envelope (metadata.result_set), so a not-found next to
// it comes from QAComplete and not from whatever else answers at the URL.
func (c *Client) confirmAPI(ctx context.Context, deptID int64) error {
	q := url.Values{}
	q.Set("offset", "0")
	q.Set("limit", "1")
	req := apiclient.Request{Method: http.MethodGet, Path: usersPath(deptID), Query: q}
	var out struct {
		Metadata *struct {
			ResultSet *ResultSet `json:"result_set"`
		} `json:"metadata"`
		Results *json.RawMessage `json:"results"`
	}
	res, err := c.http.Do(ctx, req, &out)
	if err != nil {
		return &answeredError{err: err, res: res}
	}
	if out.Metadata == nil || out.Metadata.ResultSet == nil {
		return c.http.AnswerError(req, res, "", "the answer is not QAComplete's user list (no metadata.result_set): "+apiclient.BodyText(res.Body))
	}
	if out.Results != nil && !bytes.HasPrefix(bytes.TrimSpace(*out.Results), []byte("[")) && string(bytes.TrimSpace(*out.Results)) != "null" {
		return c.http.AnswerError(req, res, "", "the answer's results is not a list: "+apiclient.BodyText(res.Body))
	}
	return nil
}

// UnprovenNotFoundError is a 404 that does not prove the user is gone: not
// QAComplete's own not-found, or one next to a user list that fails at the
// same base URL. The usual cause is a base URL that points somewhere other
// than QAComplete's REST API root.
type UnprovenNotFoundError struct {
	// Call is the request that answered 404 ("GET /depts/1/users/2"), Seen what its answer looked
	// like, and Confirm why the confirming user list failed, if it did.
	Call, Seen, Confirm string
}

// Summary is the diagnostic summary (see providerdata.AddAPIError).
func (e *UnprovenNotFoundError) Summary() string {
	return "Cannot tell whether the QAComplete user still exists"
}

func (e *UnprovenNotFoundError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s answered %s", e.Call, e.Seen)
	if e.Confirm == "" {
		fmt.Fprintf(&b, ", which is not QAComplete's own not-found (%q).", "File or directory not found")
	} else {
		fmt.Fprintf(&b, ", and the user list that should confirm QAComplete answers at this address failed: %s.", e.Confirm)
	}
	fmt.Fprintf(&b, " The user is kept in Terraform state. Check qacomplete.base_url (or %s) first: it must be the QAComplete REST API v1 root, up to and including /api/v1, such as %s.", EnvBaseURL, DefaultBaseURL)
	return b.String()
}
