// Package questionpro manages QuestionPro users (sub-accounts) through the
// QuestionPro API v2: the client, the saas_questionpro_user resource and its
// data sources.
package questionpro

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// Client calls the QuestionPro API v2 user operations.
type Client struct {
	http *apiclient.Client
	// organizationID is questionpro.organization_id, 0 when the provider
	// block leaves it out. It is never filled in from an answer: the key
	// implies an organization, but no documented call tells which without
	// being given it (GET /organizations/{organization-id} needs the id;
	// GET /users/{user-id} and POST /users report the organization only of
	// a user already in hand). A value learned from the first user to come
	// back would make the organization-scoped calls (search, lists) work or
	// fail depending on which resource Terraform happened to run first, so
	// those calls use the configured value or refuse with an error naming
	// organization_id, the same way on every run.
	organizationID int64

	// snaps serves bursts of reads from walks of the user lists; see
	// snapshot.go. One per client, so one per provider configuration.
	snaps *apiclient.Snapshots[User]
}

// User is the user object of questionpro-api.md §4, as every user call
// returns it.
type User struct {
	UserID           int64  `json:"userID"`
	DepartmentID     int64  `json:"departmentID"`
	OrganizationID   int64  `json:"organizationID"`
	FirstName        string `json:"firstName"`
	LastName         string `json:"lastName"`
	EmailAddress     string `json:"emailAddress"`
	Phone            string `json:"phone"`
	LicenseType      string `json:"licenseType"`
	LicenseStartDate string `json:"licenseStartDate"`
	CreationDate     string `json:"creationDate"`
	UserType         string `json:"userType"`
}

// UserCreate is the body of POST /users (§5.2). Unset optional fields are
// left out so the server applies its own defaults.
type UserCreate struct {
	DepartmentID *int64  `json:"departmentID,omitempty"`
	FirstName    *string `json:"firstName,omitempty"`
	LastName     *string `json:"lastName,omitempty"`
	EmailAddress string  `json:"emailAddress"`
	Password     *string `json:"password,omitempty"`
	UserType     *string `json:"userType,omitempty"`
}

// UserUpdate is the body of the seed's PUT /users/{user-id} (§5.3). Whether
// the PUT merges or replaces is not documented, so every documented field is
// always sent; password only when it is to change. userType is not in the
// documented body and cannot change in place, so it is never sent.
type UserUpdate struct {
	DepartmentID int64   `json:"departmentID"`
	FirstName    string  `json:"firstName"`
	LastName     string  `json:"lastName"`
	EmailAddress string  `json:"emailAddress"`
	Password     *string `json:"password,omitempty"`
}

// Pagination is the block list calls add (§3).
type Pagination struct {
	PerPage     int `json:"perPage"`
	TotalItems  int `json:"totalItems"`
	CurrentPage int `json:"currentPage"`
	TotalPages  int `json:"totalPages"`
}

// envelope is the success envelope of §1.3. requestID is never required.
type envelope[T any] struct {
	Response   T           `json:"response"`
	Pagination *Pagination `json:"pagination,omitempty"`
	RequestID  string      `json:"requestID,omitempty"`
}

// NewClient wraps an apiclient configured for QuestionPro. organizationID
// is questionpro.organization_id, 0 when not set.
func NewClient(h *apiclient.Client, organizationID int64) *Client {
	return &Client{http: h, organizationID: organizationID, snaps: newSnapshots()}
}

// OrganizationID is questionpro.organization_id, 0 when the provider block
// does not set it. It never changes for the life of the client.
func (c *Client) OrganizationID() int64 { return c.organizationID }

func userPath(userID int64) string { return "/users/" + strconv.FormatInt(userID, 10) }

// GetUser is GET /users/{user-id} (§5.1).
// A 2xx answer without that user (a null response, another id) is an error.
func (c *Client) GetUser(ctx context.Context, userID int64) (*User, error) {
	var out envelope[*User]
	if _, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodGet, Path: userPath(userID)}, &out); err != nil {
		return nil, err
	}
	if err := checkUser("GET "+userPath(userID), out.Response, userID); err != nil {
		return nil, err
	}
	return out.Response, nil
}

// CreateUser is POST /users (§5.2). Creates are not idempotent, so the HTTP
// layer does not repeat one after an ambiguous failure; the resource looks
// the e-mail up first. A 2xx without the user (§1.3 allows a null response)
// is errCreatedWithoutUser: the user was most likely created, and only a
// lookup can tell which one it is. The new user is recorded in the
// snapshots; any failure forgets them, since the user may exist anyway.
func (c *Client) CreateUser(ctx context.Context, body UserCreate) (*User, error) {
	u, err := c.createUser(ctx, body)
	if err != nil {
		// The user may have been created all the same.
		c.writeUnknown()
		return nil, err
	}
	c.wrote(u)
	return u, nil
}

func (c *Client) createUser(ctx context.Context, body UserCreate) (*User, error) {
	var out envelope[*User]
	if _, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodPost, Path: "/users", Body: body}, &out); err != nil {
		return nil, err
	}
	if out.Response == nil {
		return nil, errCreatedWithoutUser
	}
	if err := checkUser("POST /users", out.Response, 0); err != nil {
		return nil, fmt.Errorf("%w The user may have been created: look %s up in QuestionPro and import it if it is there", err, body.EmailAddress)
	}
	return out.Response, nil
}

// errCreatedWithoutUser is a POST /users that succeeded without naming the
// user it made.
var errCreatedWithoutUser = errors.New("QuestionPro answered POST /users with a 2xx status but no user in the response, so the new user's id is not known")

// UpdateUser is the seed's PUT /users/{user-id} (§5.3), sent complete. A 2xx
// whose response is null or absent (§1.3 allows null) says the update was
// taken without echoing the user, so the user is read back with GET and that
// answer, checked like any read, is the result. A response that is a user
// without an id or with another id is an error. The result is recorded in
// the snapshots; any failure forgets them.
func (c *Client) UpdateUser(ctx context.Context, userID int64, body UserUpdate) (*User, error) {
	u, err := c.updateUser(ctx, userID, body)
	if err != nil {
		c.writeUnknown()
		return nil, err
	}
	c.wrote(u)
	return u, nil
}

func (c *Client) updateUser(ctx context.Context, userID int64, body UserUpdate) (*User, error) {
	var out envelope[*User]
	if _, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodPut, Path: userPath(userID), Body: body}, &out); err != nil {
		return nil, err
	}
	if out.Response == nil {
		return c.GetUser(ctx, userID)
	}
	if err := checkUser("PUT "+userPath(userID), out.Response, userID); err != nil {
		return nil, err
	}
	return out.Response, nil
}

// DeleteUser is DELETE /organizations/{organization-id}/users/{user-id}
// (§5.4): organization-scoped, unlike get and update. A deletion, or
// QuestionPro's own not-found, removes the user from the snapshots; any
// other failure forgets them.
func (c *Client) DeleteUser(ctx context.Context, orgID, userID int64) error {
	_, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodDelete, Path: fmt.Sprintf("/organizations/%d/users/%d", orgID, userID)}, nil)
	switch {
	case err == nil || vendorNotFound(err):
		c.deleted(orgID, userID)
	default:
		c.writeUnknown()
	}
	return err
}

// SearchUserByEmail is GET /organizations/{organization-id}/users/search
// (§5.7). No match is nil, nil: QuestionPro's own not-found (404/1040), or a
// 200 whose response is null or an empty list (see decodeSearch for every
// shape and why). A bare 404 is an error, as is a hit without a user id or
// with another e-mail, which must never be adopted or reported. The call
// needs the key of the organization's primary user.
func (c *Client) SearchUserByEmail(ctx context.Context, orgID int64, email string) (*User, error) {
	var out envelope[json.RawMessage]
	q := url.Values{"emailAddress": {email}}
	p := fmt.Sprintf("/organizations/%d/users/search", orgID)
	_, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodGet, Path: p, Query: q}, &out)
	if vendorNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return decodeSearch("GET "+p, email, out.Response)
}

// ListUsers is one page of GET /organizations/{organization-id}/users
// (§5.5) or, with a department, of
// GET /organizations/{organization-id}/departments/{department-id}/users
// (§5.6).
func (c *Client) ListUsers(ctx context.Context, orgID, deptID int64, page, perPage int) ([]User, *Pagination, error) {
	p := listPath(orgID, deptID)
	q := url.Values{"page": {strconv.Itoa(page)}, "perPage": {strconv.Itoa(perPage)}}
	var out envelope[[]User]
	if _, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodGet, Path: p, Query: q}, &out); err != nil {
		return nil, nil, err
	}
	return out.Response, out.Pagination, nil
}
