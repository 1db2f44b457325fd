// Package quickhelp manages BrainStorm QuickHelp users through the Customer
// API v1: the client, the saas_quickhelp_user resource and its data sources.
package quickhelp

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// DefaultBaseURL is the Customer API root (quickhelp-api.md §0, from the
// Moveworks example and consistent with POST /v1/User/Update).
const DefaultBaseURL = "https://qhapi.quickhelp.com/v1"

// Client calls the QuickHelp Customer API v1 user operations. Its list
// snapshots (snapshot.go) are shared by every resource and data source
// configured from the same provider block, so one walk of the list serves a
// whole Terraform run.
type Client struct {
	http *apiclient.Client
	// customerID is the provider block's customer_id (0 = the key's own
	// account), the default scope of every call.
	customerID int64
	snaps      *apiclient.Snapshots[User]
	// writeAge is how old a snapshot the read an update builds on may be:
	// forWrite, a field so that tests can age a snapshot without waiting.
	writeAge time.Duration
}

// User is one record of getUserList (quickhelp-api.md §3). Strings a user
// does not have may come back as null, so they are pointers. confirmed,
// bypassSso and customerId are never returned.
type User struct {
	UserID        int64   `json:"userId"`
	FirstName     *string `json:"firstName"`
	LastName      *string `json:"lastName"`
	Email         *string `json:"email"`
	Roles         []Role  `json:"roles"`
	Groups        []Group `json:"groups"`
	LicenseIssued bool    `json:"licenseIssued"`
	JobTitle      *string `json:"jobTitle"`
	Department    *string `json:"department"`
	Country       *string `json:"country"`
	SSO           *SSO    `json:"sso"`
}

// Role is a role as the list shows it.
type Role struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Group is a group as the list shows it (read-only through the API).
type Group struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// SSO is the list's single-sign-on detail block.
type SSO struct {
	UserID       *string       `json:"userId"`
	Company      *string       `json:"company"`
	Location     *string       `json:"location"`
	Platform     *string       `json:"platform"`
	CustomFields []CustomField `json:"customFields"`
}

// CustomField is one SSO custom field.
type CustomField struct {
	Name  *string `json:"name"`
	Value *string `json:"value"`
}

// UserList is getUserList's 200 body (§3). Page and PageSize are what the
// answer echoes, nil when it echoes nothing.
type UserList struct {
	Records    []User `json:"records"`
	TotalCount int    `json:"totalCount"`
	Page       *int   `json:"page"`
	PageSize   *int   `json:"pageSize"`
}

// UserUpdate is updateUserAccount's body (§4). Whether the call keeps or
// clears what it is not sent is undocumented, so the strings, licensed and
// roles are always sent. confirmed and bypassSso are never returned by the
// API: they are sent when Terraform knows a value and left out otherwise,
// because a guess could be wrong under either reading while leaving them out
// is right when the server keeps omitted fields. customerId is for partner
// keys only (§6) and is sent only when set.
type UserUpdate struct {
	UserID     int64    `json:"userId"`
	FirstName  string   `json:"firstName"`
	LastName   string   `json:"lastName"`
	Email      string   `json:"email"`
	Department string   `json:"department"`
	JobTitle   string   `json:"jobTitle"`
	CustomerID *int64   `json:"customerId,omitempty"`
	Licensed   bool     `json:"licensed"`
	Confirmed  *bool    `json:"confirmed,omitempty"`
	BypassSSO  *bool    `json:"bypassSso,omitempty"`
	Roles      []string `json:"roles"`
}

// DeleteEntry names one user of a deleteUser batch (§5). Both keys are sent:
// the document does not say whether one is enough.
type DeleteEntry struct {
	UserID int64  `json:"userId"`
	Email  string `json:"email"`
}

// UserDelete is deleteUser's body (§5).
type UserDelete struct {
	CustomerID *int64        `json:"customerId,omitempty"`
	Users      []DeleteEntry `json:"users"`
}

// NewClient wraps an apiclient configured for QuickHelp. customerID is the
// provider's default customer (0 for none).
func NewClient(h *apiclient.Client, customerID int64) *Client {
	return &Client{http: h, customerID: customerID, snaps: newUserSnapshots(forRead), writeAge: forWrite}
}

// ListUsers is getUserList: one page. customerIDs is the partner filter;
// empty means the key's own account.
func (c *Client) ListUsers(ctx context.Context, customerIDs []int64, page, pageSize int) (*UserList, error) {
	q := url.Values{}
	q.Set(paramPage, strconv.Itoa(page))
	q.Set(paramPageSize, strconv.Itoa(pageSize))
	for _, id := range customerIDs {
		q.Add(paramCustomerIDs, strconv.FormatInt(id, 10))
	}
	var out listPage
	if _, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodGet, Path: pathList, Query: q}, &out); err != nil {
		return nil, err
	}
	return provenPage(&out, page)
}

// UpdateUser is updateUserAccount, POST /v1/User/Update. The body is the
// complete object, so repeating it after an ambiguous failure is harmless.
func (c *Client) UpdateUser(ctx context.Context, body UserUpdate) error {
	_, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodPost, Path: pathUpdate, Body: body, Idempotent: ptr(true)}, nil)
	return err
}

// DeleteUsers is deleteUser, the GDPR delete, at most 100 users a call.
func (c *Client) DeleteUsers(ctx context.Context, body UserDelete) error {
	if len(body.Users) > maxDeleteUsers {
		return fmt.Errorf("QuickHelp deletes at most %d users per request, got %d", maxDeleteUsers, len(body.Users))
	}
	_, err := c.http.Do(ctx, apiclient.Request{Method: http.MethodPost, Path: pathDelete, Body: body}, nil)
	return err
}

// scopeFor is the customer filter a call uses: the resource's own customer
// id, else the provider's, else none (the key's own account).
func (c *Client) scopeFor(customerID int64) []int64 {
	switch {
	case customerID > 0:
		return []int64{customerID}
	case c.customerID > 0:
		return []int64{c.customerID}
	}
	return nil
}

// effectiveCustomer is the customerId an update or delete sends, or nil.
func (c *Client) effectiveCustomer(customerID int64) *int64 {
	if s := c.scopeFor(customerID); len(s) == 1 {
		return &s[0]
	}
	return nil
}

// ApplyUpdate sends a complete update and records its effect in the
// snapshot, so the reads that follow in the same run need no new walk. It
// returns the user as the server now holds it.
func (c *Client) ApplyUpdate(ctx context.Context, customerID int64, current *User, body UserUpdate) (*User, error) {
	body.CustomerID = c.effectiveCustomer(customerID)
	if err := c.UpdateUser(ctx, body); err != nil {
		// Failed or unanswered: QuickHelp may hold the update or not.
		c.snaps.Invalidate()
		return nil, err
	}
	updated, complete := applyToRecord(current, body)
	if complete {
		c.snaps.Put(scopeKey(c.scopeFor(customerID)), updated)
	} else {
		// A role the user did not have before has a name only the server
		// knows: the next reader walks the list again.
		c.snaps.Invalidate()
	}
	return &updated, nil
}

// GDPRDelete deletes one user through deleteUser and drops it from the
// snapshot.
func (c *Client) GDPRDelete(ctx context.Context, customerID, userID int64, email string) error {
	err := c.DeleteUsers(ctx, UserDelete{CustomerID: c.effectiveCustomer(customerID), Users: []DeleteEntry{{UserID: userID, Email: email}}})
	if err != nil {
		c.snaps.Invalidate()
		return err
	}
	c.snaps.Remove(scopeKey(c.scopeFor(customerID)), strconv.FormatInt(userID, 10))
	return nil
}

// applyToRecord is the list record after a successful update: the fields the
// update carries take the values sent (the body is complete, so the server
// holds exactly those), role names come from the roles the user had, and the
// read-only fields stay as they were. complete is false when a role's name
// is not known.
func applyToRecord(current *User, body UserUpdate) (u User, complete bool) {
	u = *current
	complete = true
	u.FirstName, u.LastName, u.Email = nonEmpty(body.FirstName), nonEmpty(body.LastName), nonEmpty(body.Email)
	u.Department, u.JobTitle = nonEmpty(body.Department), nonEmpty(body.JobTitle)
	u.LicenseIssued = body.Licensed
	names := map[string]string{}
	for _, r := range current.Roles {
		names[strings.ToLower(r.ID)] = r.Name
	}
	u.Roles = make([]Role, 0, len(body.Roles))
	for _, id := range body.Roles {
		name, known := names[strings.ToLower(id)]
		complete = complete && known
		u.Roles = append(u.Roles, Role{ID: strings.ToLower(id), Name: name})
	}
	u.Groups = slices.Clone(current.Groups)
	return u, complete
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func ptr[T any](v T) *T { return &v }
