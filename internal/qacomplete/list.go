package qacomplete

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// listPageSize is the page size used to walk lists: the largest the
// emulator serves. QAComplete documents no maximum (§3), so the walk
// advances by the count each page actually held, and a server that caps
// limit lower is still walked to the end.
const listPageSize = 1000

// maxListPages bounds a walk: a server that never reports the end (or keeps
// answering the same page) stops here with an error instead of looping.
const maxListPages = 1000

// listPageMargin is how many pages past the count the total calls for a
// walk may take: users created while it runs push the last ones onward.
const listPageMargin = 2

// pageCap is how many pages a walk may take: enough for the total the
// server claims at the page size it serves, plus listPageMargin, and never
// more than maxListPages.
func pageCap(total, pageSize int) int {
	if pageSize < 1 {
		return maxListPages
	}
	return min(maxListPages, (total+pageSize-1)/pageSize+listPageMargin)
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

// ListUsers is GET /depts/{DeptId}/users: one page. An answer without the
// list envelope's metadata.result_set is an error, not an empty page: read
// as one, it would make a lookup report "no such user".
func (c *Client) ListUsers(ctx context.Context, deptID int64, filter string, offset, limit int) (*UserList, error) {
	q := url.Values{}
	q.Set("offset", strconv.Itoa(offset))
	q.Set("limit", strconv.Itoa(limit))
	if filter != "" {
		q.Set("filter", filter)
	}
	req := apiclient.Request{Method: http.MethodGet, Path: usersPath(deptID), Query: q}
	var raw struct {
		Metadata *struct {
			ResultSet *ResultSet `json:"result_set"`
		} `json:"metadata"`
		Results json.RawMessage `json:"results"`
	}
	res, err := c.http.Do(ctx, req, &raw)
	if err != nil {
		return nil, err
	}
	if raw.Metadata == nil || raw.Metadata.ResultSet == nil {
		return nil, c.answerError(req, res, "the answer is not QAComplete's user list (it has no metadata.result_set)")
	}
	out := &UserList{}
	out.Metadata.ResultSet = *raw.Metadata.ResultSet
	// limit=0 answers only the metadata (§3); the key may then be absent.
	if r := bytes.TrimSpace(raw.Results); len(r) > 0 && !bytes.Equal(r, []byte("null")) {
		if err := json.Unmarshal(r, &out.Results); err != nil {
			return nil, c.answerError(req, res, "the answer's results is not a list of users: "+err.Error())
		}
	}
	return out, nil
}

// ListAllUsers walks every page of GET /depts/{DeptId}/users. It advances
// by the number of items each page actually held, stops after the pages
// the first page's total calls for plus a margin (never more than
// maxListPages), refuses a page that repeats one already seen (a server
// that ignores offset), and refuses a walk that ends short of the total the
// server reported: a partial list must never pass for the whole one.
func (c *Client) ListAllUsers(ctx context.Context, deptID int64, filter string) ([]User, error) {
	var all []User
	seen := map[int64]bool{}
	offset, total, limit := 0, 0, maxListPages
	for pages := 0; pages < limit; pages++ {
		page, err := c.ListUsers(ctx, deptID, filter, offset, listPageSize)
		if err != nil {
			return nil, err
		}
		total = page.Metadata.ResultSet.Total
		// The first page says what page size the server really serves (it
		// may cap limit lower) and how many users it claims: together they
		// bound the walk.
		if pages == 0 {
			limit = pageCap(total, len(page.Results))
		}
		if len(page.Results) == 0 {
			if offset < total {
				return nil, fmt.Errorf("QAComplete's user list of department %d reported %d users, but its pages ended after %d (an empty page at offset %d). The list cannot be trusted as complete, so nothing was decided from it; try again, and check qacomplete.base_url (or %s) if it persists", deptID, total, len(all), offset, EnvBaseURL)
			}
			return all, nil
		}
		for _, u := range page.Results {
			if seen[u.ID] {
				return nil, fmt.Errorf("QAComplete's user list of department %d answered user %d again at offset %d: the server does not page as documented (offset/limit, §3), so the list cannot be walked reliably; check qacomplete.base_url (or %s)", deptID, u.ID, offset, EnvBaseURL)
			}
			seen[u.ID] = true
		}
		all = append(all, page.Results...)
		offset += len(page.Results)
		if offset >= total {
			return all, nil
		}
	}
	return nil, fmt.Errorf("QAComplete's user list of department %d did not end within %d pages (%d users read, %d reported); stopped rather than walk forever. Try again, and check qacomplete.base_url (or %s) if it persists", deptID, limit, len(all), total, EnvBaseURL)
}

// answerError is an error about a 2xx answer that is not what the call
// expects; the usual cause is a base URL that reaches something other than
// QAComplete's REST API, so the hint names it.
func (c *Client) answerError(req apiclient.Request, res *apiclient.Response, message string) error {
	e := c.http.AnswerError(req, res, "", message)
	e.Hint = fmt.Sprintf("Check qacomplete.base_url (or %s): it must be the QAComplete REST API v1 root, up to and including /api/v1, such as %s.", EnvBaseURL, DefaultBaseURL)
	return e
}
