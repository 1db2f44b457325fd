package qacomplete

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// A department deleted in QAComplete takes its users with it: the user's
// GET and the department's user list both answer QAComplete's own
// not-found. That alone could still be a base URL that reaches the wrong
// place, so the proof is GET /depts (§5.4.1) answering in QAComplete's list
// envelope at the same base URL, walked to its end, without the department.

// answeredError is an error from a call that got an answer, kept with the
// answer so a 404 can be examined.
type answeredError struct {
	err error
	res *apiclient.Response
}

func (e *answeredError) Error() string { return e.err.Error() }
func (e *answeredError) Unwrap() error { return e.err }

// notFoundAnswer returns the answer of a call that failed with 404.
func notFoundAnswer(err error) (*apiclient.Response, bool) {
	var ae *answeredError
	if errors.As(err, &ae) && ae.res != nil && apiclient.IsNotFound(ae.err) {
		return ae.res, true
	}
	return nil, false
}

// Department is an item of GET /depts.
type Department struct {
	ID int64 `json:"id"`
}

// confirmDepartmentGone walks GET /depts and returns nil only when every
// page answered in QAComplete's envelope and none listed deptID.
func (c *Client) confirmDepartmentGone(ctx context.Context, deptID int64) error {
	offset := 0
	for range maxListPages {
		q := url.Values{}
		q.Set("offset", strconv.Itoa(offset))
		q.Set("limit", strconv.Itoa(listPageSize))
		req := apiclient.Request{Method: http.MethodGet, Path: "/depts", Query: q}
		var out struct {
			Metadata *struct {
				ResultSet *ResultSet `json:"result_set"`
			} `json:"metadata"`
			Results []Department `json:"results"`
		}
		res, err := c.http.Do(ctx, req, &out)
		if err != nil {
			return err
		}
		if out.Metadata == nil || out.Metadata.ResultSet == nil {
			return c.answerError(req, res, "the answer is not QAComplete's department list (no metadata.result_set)")
		}
		for _, d := range out.Results {
			if d.ID == deptID {
				return fmt.Errorf("GET /depts still lists department %d", deptID)
			}
		}
		offset += len(out.Results)
		total := out.Metadata.ResultSet.Total
		if len(out.Results) == 0 {
			if offset < total {
				return fmt.Errorf("GET /depts reported %d departments, but its pages ended after %d", total, offset)
			}
			return nil
		}
		if offset >= total {
			return nil
		}
	}
	return fmt.Errorf("GET /depts did not end within %d pages", maxListPages)
}
