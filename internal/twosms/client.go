// Package twosms manages 2sms portal (admin API) users: the REST client with
// its OAuth client-credentials token, the saas_twosms_admin_user resource
// and its data sources.
package twosms

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// Client calls the 2sms admin API v1 user operations (twosms-api.md §4).
type Client struct {
	http   *apiclient.Client
	tokens *tokenSource
	// snaps serves bursts of reads from one list of the users (snapshot.go).
	snaps *apiclient.Snapshots[listedUser]
}

// User is the v1 User model (twosms-api.md §3.1), keys spelled as the
// vendor spells them. Strings and dates are pointers so a null from the
// server goes back as null; dates stay the server's exact text, so a PUT
// returns read-only fields byte for byte as they were read.
type User struct {
	ID                   string  `json:"ID"`
	AgreementDate        *string `json:"AgreementDate"`
	AccountID            string  `json:"AccountID"`
	AdminUser            bool    `json:"AdminUser"`
	DateCreated          *string `json:"DateCreated"`
	DateModified         *string `json:"DateModified"`
	DeclineDate          *string `json:"DeclineDate"`
	DisplayName          *string `json:"DisplayName"`
	DPAVersion           *string `json:"DPAVersion"`
	EmailAddress         *string `json:"EmailAddress"`
	Enabled              bool    `json:"Enabled"`
	LanguageID           string  `json:"LanguageID"`
	MobilePhone          *string `json:"MobilePhone"`
	Password             *string `json:"Password,omitempty"`
	Pin                  *string `json:"Pin,omitempty"`
	Preferences          int64   `json:"Preferences"`
	PrivacyPolicyVersion *string `json:"PrivacyPolicyVersion"`
	// SSOEnabled is absent on the older portal.2sms.us build; a pointer keeps
	// "absent" apart from false so a PUT never invents it.
	SSOEnabled *bool   `json:"SSOEnabled,omitempty"`
	TimeZone   *string `json:"TimeZone"`
	Username   *string `json:"Username"`
}

// envelope is Response<T> (twosms-api.md §2.1).
type envelope[T any] struct {
	Error        *envelopeError `json:"Error"`
	ResponseData *struct {
		Result string `json:"Result"`
		Detail T      `json:"Detail"`
	} `json:"ResponseData"`
}

type envelopeError struct {
	ErrorCode   *string `json:"ErrorCode"`
	ErrorReason *string `json:"ErrorReason"`
}

// NewClient wraps an apiclient configured for 2sms and the token source its
// Authenticate hook reads.
func NewClient(h *apiclient.Client, tokens *tokenSource) *Client {
	return &Client{http: h, tokens: tokens, snaps: newUserSnapshots()}
}

func userPath(id string) string { return "/api/v1/admin/users/" + url.PathEscape(id) }

// ListUsers is GET api/v1/admin/users?IncludeSuperUsers={bool} (§4.1).
func (c *Client) ListUsers(ctx context.Context, includeSuperUsers bool) ([]User, error) {
	q := url.Values{"IncludeSuperUsers": {strconv.FormatBool(includeSuperUsers)}}
	return do[[]User](ctx, c, apiclient.Request{Method: http.MethodGet, Path: "/api/v1/admin/users", Query: q})
}

// GetAllUsers is GET api/v1/UserAdminAPI/GetAllUsers?accountID={guid}
// (§4.2): the users of one account.
func (c *Client) GetAllUsers(ctx context.Context, accountID string) ([]User, error) {
	q := url.Values{"accountID": {accountID}}
	return do[[]User](ctx, c, apiclient.Request{Method: http.MethodGet, Path: "/api/v1/UserAdminAPI/GetAllUsers", Query: q})
}

// GetUser is GET api/v1/admin/users/{id} (§4.3). A success without the
// user, or with another user, is an error: a blank user read as the real
// one would be written back over it.
func (c *Client) GetUser(ctx context.Context, id string) (*User, error) {
	req := apiclient.Request{Method: http.MethodGet, Path: userPath(id)}
	u, _, err := doEnvelope[*User](ctx, c, req)
	if err != nil {
		return nil, err
	}
	if u == nil || u.ID == "" {
		return nil, &missingObjectError{method: req.Method, path: req.Path, what: "the user (ResponseData.Detail with an ID)"}
	}
	if !sameGUID(u.ID, id) {
		return nil, &missingObjectError{method: req.Method, path: req.Path, what: "user " + id + " (it returned user " + u.ID + ")"}
	}
	return u, nil
}

// UpdateUser is the seed's PUT api/v1/admin/users/{id} (§4.4). The server
// resets what the body omits, so body must be the complete user. The answer
// must carry the updated user: state is built from it, and a success
// without it (or with another user) would record a blank user. The list
// snapshots take the user as answered, or are forgotten when the outcome
// is unknown.
func (c *Client) UpdateUser(ctx context.Context, id string, body *User) (u *User, err error) {
	defer func() { c.recordWrite(u, err) }()
	req := apiclient.Request{Method: http.MethodPut, Path: userPath(id), Body: body}
	u, _, err = doEnvelope[*User](ctx, c, req)
	if err != nil {
		return nil, err
	}
	if u == nil || u.ID == "" {
		return nil, &missingObjectError{method: req.Method, path: req.Path, what: "the updated user (ResponseData.Detail with an ID)"}
	}
	if !sameGUID(u.ID, id) {
		return nil, &missingObjectError{method: req.Method, path: req.Path, what: "user " + id + " (it returned user " + u.ID + ")"}
	}
	return u, nil
}

// ToggleAccess is PATCH api/v1/admin/users/{id}/access (§4.6): it flips
// AdminUser and answers the new status as text. It is not idempotent, so
// the HTTP layer never repeats it after an ambiguous failure. Its answer
// is a status text, not the user, so the list snapshots are forgotten
// whatever happens; the caller's read of the user afterwards records it as
// it now is.
func (c *Client) ToggleAccess(ctx context.Context, id string) (string, error) {
	defer c.snaps.Invalidate()
	return do[string](ctx, c, apiclient.Request{Method: http.MethodPatch, Path: userPath(id) + "/access"})
}

// FindUser looks a user up by username, then by e-mail, in the list of
// users the caller may see (optionally one account's). Matching is
// case-insensitive. It returns nil when nobody matches and an error when an
// e-mail is shared by several users. Without an account, the list comes
// from the snapshot a burst of lookups (an apply adopting many users)
// shares.
func (c *Client) FindUser(ctx context.Context, accountID, username, email string) (*User, error) {
	var users []User
	var err error
	if accountID != "" {
		users, err = c.GetAllUsers(ctx, accountID)
	} else {
		users, err = c.AllUsers(ctx, false)
	}
	if err != nil {
		return nil, err
	}
	found, err := matchUser(users, username, email)
	if found != nil || err != nil || accountID != "" {
		return found, err
	}
	// The list may come from a snapshot taken before the user was made in
	// the portal, and a snapshot never proves absence: ask 2sms again.
	if users, err = c.listEveryUser(ctx, false); err != nil {
		return nil, err
	}
	return matchUser(users, username, email)
}

func matchUser(users []User, username, email string) (*User, error) {
	if username != "" {
		for i := range users {
			if strings.EqualFold(deref(users[i].Username), username) {
				return &users[i], nil
			}
		}
	}
	if email == "" {
		return nil, nil
	}
	var found []*User
	for i := range users {
		if strings.EqualFold(deref(users[i].EmailAddress), email) {
			found = append(found, &users[i])
		}
	}
	switch len(found) {
	case 0:
		return nil, nil
	case 1:
		return found[0], nil
	}
	names := make([]string, len(found))
	for i, u := range found {
		names[i] = deref(u.Username) + " (" + u.ID + ")"
	}
	return nil, &ambiguousEmailError{email: email, users: names}
}

// do sends one call with a bearer token and unwraps the envelope. A 2xx
// whose Error.ErrorCode is filled in is an error too (§2.3), so every
// operation gets that check. A 401 means the token was refused (expired or
// revoked early): the token is dropped and the call is repeated once with a
// fresh one; a second 401 is final.
func do[T any](ctx context.Context, c *Client, req apiclient.Request) (T, error) {
	v, _, err := doEnvelope[T](ctx, c, req)
	return v, err
}

// doEnvelope is do that also reports whether the answer carried
// ResponseData at all, for callers that must tell an empty answer from a
// real one.
func doEnvelope[T any](ctx context.Context, c *Client, req apiclient.Request) (T, bool, error) {
	var zero T
	for attempt := 0; ; attempt++ {
		used, err := c.tokens.Token(ctx)
		if err != nil {
			return zero, false, err
		}
		var env envelope[T]
		res, err := c.http.Do(ctx, req, &env)
		if attempt == 0 && apiclient.IsStatus(err, http.StatusUnauthorized) {
			c.tokens.Invalidate(used.AccessToken)
			continue
		}
		if err != nil {
			return zero, false, err
		}
		if e := envelopeFailure(c.http, req, res, env.Error); e != nil {
			return zero, false, e
		}
		if env.ResponseData == nil {
			return zero, false, nil
		}
		return env.ResponseData.Detail, true, nil
	}
}

// envelopeFailure turns a filled-in Error of a 2xx answer into the same
// *apiclient.Error a failed status gives, so callers treat both alike. It
// is built and masked by the HTTP layer like any error from an answer: the
// vendor may echo the client secret or a PIN the request sent.
func envelopeFailure(h *apiclient.Client, req apiclient.Request, res *apiclient.Response, e *envelopeError) error {
	if e == nil || strings.TrimSpace(deref(e.ErrorCode)) == "" && strings.TrimSpace(deref(e.ErrorReason)) == "" {
		return nil
	}
	return h.AnswerError(req, res, deref(e.ErrorCode), deref(e.ErrorReason))
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
