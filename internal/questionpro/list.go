package questionpro

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// Walking a user list (questionpro-api.md §3, §5.5, §5.6) feeds both the
// users data source and the snapshots that serve refreshes, so every page is
// checked as QuestionPro's own answer and the walk must be whole: a walk
// that ends short of the total QuestionPro claimed, repeats a page, or
// carries a user of another organization or department is an error, never
// a shorter list.

const (
	// listPageSize is the largest perPage the document allows. §3's
	// sentence giving the maximum is cut off in the stored copy; a third
	// party states 1000. A server that allows less clamps the value and
	// reports the size it used, which the walk trusts; one that refuses it
	// outright is walked again at listPageSizeDefault.
	listPageSize = 1000

	// listPageSizeDefault is the documented default perPage (§3).
	listPageSizeDefault = 100

	// listPageMargin is how many pages past the total QuestionPro claimed
	// on the first page a walk may go (users created while it runs).
	listPageMargin = 2

	// listPageHardCap bounds a walk whatever the totals claim: ten million
	// users at 1000 a page, one million at the default size.
	listPageHardCap = 10_000
)

func listPath(orgID, deptID int64) string {
	if deptID != 0 {
		return fmt.Sprintf("/organizations/%d/departments/%d/users", orgID, deptID)
	}
	return fmt.Sprintf("/organizations/%d/users", orgID)
}

// errPageSizeRefused is a first page refused with 400 at listPageSize:
// what a server whose perPage maximum is lower, and which does not clamp,
// would answer.
var errPageSizeRefused = errors.New("perPage refused")

// ListAllUsers walks every page of an organization's users (deptID 0) or of
// one department's, at the largest page size, and checks the walk (see
// walkUsers). A first page refused with 400 at that size is walked again at
// the documented default.
func (c *Client) ListAllUsers(ctx context.Context, orgID, deptID int64) ([]User, error) {
	users, err := c.walkUsers(ctx, orgID, deptID, listPageSize)
	if errors.Is(err, errPageSizeRefused) {
		return c.walkUsers(ctx, orgID, deptID, listPageSizeDefault)
	}
	return users, err
}

// walkUsers asks for page+1 while currentPage < totalPages (§3). Each page
// must be a response array with the pagination block, name the page asked
// for, differ from the page before, and hold only users of orgID (and of
// deptID, when walking a department: §5.6 says that list carries the real
// id). The walk is bounded by the first page's claimed total plus a margin
// and by a hard cap, and it must end with at least the most users any page
// claimed.
func (c *Client) walkUsers(ctx context.Context, orgID, deptID int64, perPage int) ([]User, error) {
	call := "GET " + listPath(orgID, deptID)
	var all, prev []User
	claimed, maxPages := 0, listPageHardCap
	for page := 1; ; page++ {
		if page > maxPages {
			return nil, fmt.Errorf("QuestionPro's %s went past page %d, more than the %d users it claimed allow; the walk was stopped.\n\n%s", call, maxPages, claimed, checkBaseURLShort)
		}
		users, p, err := c.ListUsers(ctx, orgID, deptID, page, perPage)
		if err != nil {
			if page == 1 && perPage > listPageSizeDefault && apiclient.IsStatus(err, 400) {
				return nil, fmt.Errorf("%w: %w", errPageSizeRefused, err)
			}
			return nil, err
		}
		if err := checkPage(call, orgID, deptID, page, users, p, prev); err != nil {
			return nil, err
		}
		claimed = max(claimed, p.TotalItems)
		if page == 1 {
			size := p.PerPage
			if size < 1 {
				size = max(len(users), 1)
			}
			maxPages = min(listPageHardCap, (claimed+size-1)/size+listPageMargin)
		}
		all = append(all, users...)
		prev = users
		if len(users) == 0 || p.CurrentPage >= p.TotalPages {
			if len(all) < claimed {
				return nil, fmt.Errorf("QuestionPro's %s ended at page %d with %d users, short of the %d it claimed (users may have been deleted while it was walked); nothing was taken from it. Try again.\n\n%s", call, page, len(all), claimed, checkBaseURLShort)
			}
			return all, nil
		}
	}
}

// checkPage checks one page of a walk; prev is the page before (nil on the
// first).
func checkPage(call string, orgID, deptID int64, page int, users []User, p *Pagination, prev []User) error {
	switch {
	case users == nil || p == nil:
		return fmt.Errorf("QuestionPro answered %s page %d with a 2xx status but without the documented list (a response array and a pagination block). Nothing was taken from that answer.\n\n%s", call, page, checkBaseURLShort)
	case p.CurrentPage != page:
		return fmt.Errorf("QuestionPro answered %s page %d with page %d. Nothing was taken from that answer.\n\n%s", call, page, p.CurrentPage, checkBaseURLShort)
	case len(users) > 0 && slices.EqualFunc(users, prev, func(a, b User) bool { return a.UserID == b.UserID }):
		return fmt.Errorf("QuestionPro answered %s page %d with the same users as page %d, so the server does not page this list; the walk was stopped. Nothing was taken from it.\n\n%s", call, page, page-1, checkBaseURLShort)
	}
	for _, u := range users {
		switch {
		case u.UserID == 0:
			return fmt.Errorf("QuestionPro answered %s page %d with a user without a userID. Nothing was taken from that answer.\n\n%s", call, page, checkBaseURLShort)
		case u.OrganizationID != orgID:
			return fmt.Errorf("QuestionPro answered %s page %d with user %d of organization %d, not %d. Nothing was taken from that answer.\n\n%s", call, page, u.UserID, u.OrganizationID, orgID, checkBaseURLShort)
		case deptID != 0 && u.DepartmentID != deptID:
			return fmt.Errorf("QuestionPro answered %s page %d with user %d of department %d, not %d. Nothing was taken from that answer.\n\n%s", call, page, u.UserID, u.DepartmentID, deptID, checkBaseURLShort)
		}
	}
	return nil
}
