// Package qacomplete manages SmartBear QAComplete users: the REST client, the
// saas_qacomplete_user resource and its data sources.
package qacomplete

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// DefaultBaseURL is the SaaS service root from the vendor's "Interact with
// REST API" page plus the /api/v1 segment every user operation uses.
const DefaultBaseURL = "https://rest.qacomplete.smartbear.com/rest-api/service/api/v1"

// Client calls the QAComplete REST API v1 user operations.
type Client struct {
	http   *apiclient.Client
	listed *listedUsers // one per provider configuration: see snapshot.go
	// filterRefused is set once QAComplete answered 400 to the e-mail
	// filter (find.go): it is not asked again in this process.
	filterRefused atomic.Bool
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

// NewClient wraps an apiclient configured for QAComplete.
func NewClient(h *apiclient.Client) *Client { return &Client{http: h, listed: newListedUsers()} }

func usersPath(deptID int64) string { return fmt.Sprintf("/depts/%d/users", deptID) }

func userPath(deptID, userID int64) string {
	return fmt.Sprintf("/depts/%d/users/%d", deptID, userID)
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
		return nil, res, c.answerError(req, res, fmt.Sprintf("the answer carries no user object (no id), so user %d cannot be read from it: %q", userID, apiclient.BodyText(res.Body)))
	}
	if out.ID != userID {
		return nil, res, c.answerError(req, res, fmt.Sprintf("the answer is user %d, not user %d that was asked for", out.ID, userID))
	}
	c.listed.parity.noteGet(deptID, out)
	return out, res, nil
}

// deleteUser is DELETE /depts/{DeptId}/users/{UserId}, which disables the
// profile rather than removing it; destroy calls it through DisableUser
// (proof.go).
func (c *Client) deleteUser(ctx context.Context, deptID, userID int64) (*apiclient.Response, error) {
	return c.http.Do(ctx, apiclient.Request{Method: http.MethodDelete, Path: userPath(deptID, userID)}, nil)
}
