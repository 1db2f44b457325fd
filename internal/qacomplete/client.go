// Package qacomplete manages SmartBear QAComplete users: the REST client, the
// saas_qacomplete_user resource and its data sources.
package qacomplete

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// DefaultBaseURL is the SaaS service root from the vendor's "Interact with
// REST API" page plus the /api/v1 segment every user operation uses.
const DefaultBaseURL = "https://rest.qacomplete.smartbear.com/rest-api/service/api/v1"

// listPageSize is the page size used to walk lists. The API documents no
// maximum, so a moderate value keeps each answer small and paging advances by
// the count actually returned, not by what was asked for.
const listPageSize = 100

// Client calls the QAComplete REST API v1 user operations.
type Client struct {
	http *apiclient.Client
}

// User is the snake_case user object QAComplete returns (GET, PUT, POST and
// list items). Keys the server omits (it drops null properties) stay nil.
type User struct {
	ID              int64   `json:"id"`
	FirstName       *string `json:"first_name,omitempty"`
	MiddleName      *string `json:"middle_name,omitempty"`
	LastName        *string `json:"last_name,omitempty"`
	Email           *string `json:"email,omitempty"`
	WorkPhone       *string `json:"work_phone,omitempty"`
	CompanyName     *string `json:"company_name,omitempty"`
	TimeZone        *string `json:"time_zone,omitempty"`
	IsSecurityAdmin *bool   `json:"is_security_admin,omitempty"`
	IsActive        *bool   `json:"is_active,omitempty"`
	IsADAccount     *bool   `json:"is_a_d_account,omitempty"`
	ADSearchValue   *string `json:"a_d_search_value,omitempty"`
	PrimaryDeptID   *int64  `json:"primary_dept_id,omitempty"`
	DateCreated     *string `json:"date_created,omitempty"`
	DateUpdated     *string `json:"date_updated,omitempty"`
	Custom1         *string `json:"custom1,omitempty"`
	Custom2         *string `json:"custom2,omitempty"`
	Custom3         *string `json:"custom3,omitempty"`
	Custom4         *string `json:"custom4,omitempty"`
	Custom5         *string `json:"custom5,omitempty"`
	Custom6         *string `json:"custom6,omitempty"`
	Custom7         *string `json:"custom7,omitempty"`
	Custom8         *string `json:"custom8,omitempty"`
	Custom9         *string `json:"custom9,omitempty"`
	Custom10        *string `json:"custom10,omitempty"`
}

// Active reports whether the account is enabled. A missing key counts as
// active: only an explicit false means the user was disabled.
func (u *User) Active() bool { return u.IsActive == nil || *u.IsActive }

// UserPost is the RequestUserPost body of POST /depts/{DeptId}/users.
type UserPost struct {
	FirstName       string  `json:"FirstName"`
	LastName        string  `json:"LastName"`
	MiddleName      *string `json:"MiddleName,omitempty"`
	Email           string  `json:"Email"`
	TimeZone        *string `json:"TimeZone,omitempty"`
	IsSecurityAdmin *bool   `json:"IsSecurityAdmin,omitempty"`
	Phone           *string `json:"Phone,omitempty"`
	CompanyName     *string `json:"CompanyName,omitempty"`
	IsAdAccount     *bool   `json:"IsAdAccount,omitempty"`
	AdSearchValue   *string `json:"AdSearchValue,omitempty"`
	Custom1         *string `json:"Custom1,omitempty"`
	Custom2         *string `json:"Custom2,omitempty"`
	Custom3         *string `json:"Custom3,omitempty"`
	Custom4         *string `json:"Custom4,omitempty"`
	Custom5         *string `json:"Custom5,omitempty"`
	Custom6         *string `json:"Custom6,omitempty"`
	Custom7         *string `json:"Custom7,omitempty"`
	Custom8         *string `json:"Custom8,omitempty"`
	Custom9         *string `json:"Custom9,omitempty"`
	Custom10        *string `json:"Custom10,omitempty"`
}

// UserPut is the RequestUserPut body of PUT /depts/{DeptId}/users/{UserId}.
// Every property is always sent: the PUT resets omitted properties to their
// defaults, so leaving one out would erase it.
type UserPut struct {
	FirstName       string `json:"FirstName"`
	LastName        string `json:"LastName"`
	MiddleName      string `json:"MiddleName"`
	Email           string `json:"Email"`
	IsSecurityAdmin bool   `json:"IsSecurityAdmin"`
	Phone           string `json:"Phone"`
	IsAdAccount     bool   `json:"IsAdAccount"`
	AdSearchValue   string `json:"AdSearchValue"`
}

// ResultSet is metadata.result_set of the list envelope.
type ResultSet struct {
	Count  int `json:"count"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
	Total  int `json:"total"`
}

// UserList is the list envelope of GET /depts/{DeptId}/users.
type UserList struct {
	Metadata struct {
		ResultSet ResultSet `json:"result_set"`
	} `json:"metadata"`
	Results []User `json:"results"`
}

// NewClient wraps an apiclient configured for QAComplete.
func NewClient(h *apiclient.Client) *Client { return &Client{http: h} }

func usersPath(deptID int64) string { return fmt.Sprintf("/depts/%d/users", deptID) }

func userPath(deptID, userID int64) string {
	return fmt.Sprintf("/depts/%d/users/%d", deptID, userID)
}

// ListUsers is GET /depts/{DeptId}/users: one page.
func (c *Client) ListUsers(ctx context.Context, deptID int64, filter string, offset, limit int) (*UserList, error) {
	q := url.Values{}
	q.Set("offset", strconv.Itoa(offset))
	q.Set("limit", strconv.Itoa(limit))
	if filter != "" {
		q.Set("filter", filter)
	}
	var out UserList
	if _, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodGet, Path: usersPath(deptID), Query: q}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// ListAllUsers walks every page of GET /depts/{DeptId}/users. It advances by
// the number of items each page actually held, so a server that caps limit
// below what was asked still gets walked to the end.
func (c *Client) ListAllUsers(ctx context.Context, deptID int64, filter string) ([]User, error) {
	var all []User
	offset := 0
	for {
		page, err := c.ListUsers(ctx, deptID, filter, offset, listPageSize)
		if err != nil {
			return nil, err
		}
		all = append(all, page.Results...)
		offset += len(page.Results)
		if len(page.Results) == 0 || offset >= page.Metadata.ResultSet.Total {
			return all, nil
		}
	}
}

// FindUserByEmail looks a user up in a department by e-mail. The filter is
// only an optimisation: results are re-checked here, case-insensitively,
// because the filter's matching rules are not documented. An e-mail with a
// quote cannot be written as a filter literal safely, so the whole list is
// walked instead. It returns nil when no user matches.
func (c *Client) FindUserByEmail(ctx context.Context, deptID int64, email string) (*User, error) {
	filter := ""
	if !strings.ContainsAny(email, `'"{}()`) {
		filter = fmt.Sprintf("Email = '%s'", email)
	}
	users, err := c.ListAllUsers(ctx, deptID, filter)
	if err != nil {
		return nil, err
	}
	var found *User
	for i := range users {
		if users[i].Email == nil || !strings.EqualFold(*users[i].Email, email) {
			continue
		}
		// Prefer an active account when a disabled one shares the address.
		if found == nil || (!found.Active() && users[i].Active()) {
			found = &users[i]
		}
	}
	return found, nil
}

// GetUser is GET /depts/{DeptId}/users/{UserId}. A 2xx without a user
// object, or with another user than the one asked for, is an error: read as
// a blank user, it would end up in state or in the next PUT.
func (c *Client) GetUser(ctx context.Context, deptID, userID int64) (*User, error) {
	user, _, err := c.getUser(ctx, deptID, userID)
	return user, err
}

// getUser is GetUser that also returns the answer, so a 404 can be examined
// (see ReadUser).
func (c *Client) getUser(ctx context.Context, deptID, userID int64) (*User, *apiclient.Response, error) {
	req := apiclient.Request{Method: http.MethodGet, Path: userPath(deptID, userID)}
	var out *User // stays nil for an empty body or null
	res, err := c.http.Do(ctx, req, &out)
	if err != nil {
		return nil, res, err
	}
	if out == nil || out.ID == 0 {
		return nil, res, c.http.AnswerError(req, res, "", fmt.Sprintf("the answer carries no user object (no id), so user %d cannot be read from it: %q", userID, apiclient.BodyText(res.Body)))
	}
	if out.ID != userID {
		return nil, res, c.http.AnswerError(req, res, "", fmt.Sprintf("the answer is user %d, not user %d that was asked for", out.ID, userID))
	}
	return out, res, nil
}

// CreateUser is POST /depts/{DeptId}/users. The API documents no way to make
// a create idempotent, so the HTTP layer does not retry it after an
// ambiguous failure; the resource looks the e-mail up before trying again.
func (c *Client) CreateUser(ctx context.Context, deptID int64, body UserPost) (*User, error) {
	var out User
	if _, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodPost, Path: usersPath(deptID), Body: body, ExpectStatus: []int{http.StatusOK, http.StatusCreated}}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// UpdateUser is the seed's PUT /depts/{DeptId}/users/{UserId}: it replaces the
// profile, so body must be complete.
func (c *Client) UpdateUser(ctx context.Context, deptID, userID int64, body UserPut) (*User, error) {
	var out User
	if _, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodPut, Path: userPath(deptID, userID), Body: body}, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// deleteUser is DELETE /depts/{DeptId}/users/{UserId}, which disables the
// profile rather than removing it; destroy calls it through DisableUser
// (proof.go).
func (c *Client) deleteUser(ctx context.Context, deptID, userID int64) (*apiclient.Response, error) {
	return c.http.Do(ctx, apiclient.Request{Method: http.MethodDelete, Path: userPath(deptID, userID)}, nil)
}
