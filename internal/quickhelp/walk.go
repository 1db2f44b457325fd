package quickhelp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// The document leaves getUserList's page parameter open (quickhelp-api.md
// §3): a page number from 1, a page number from 0, or "the offset of items
// to show" (page N skips N records). The answer echoes page, pageSize and
// totalCount, so the walk assumes nothing it can read instead:
//
//   - it walks forward from page 1 at the page size the answer echoes (a
//     server that clamps pageSize echoes its own);
//   - page 2 sharing users with page 1 (all but one of them, when page is an
//     offset) means page is an offset, and the walk steps by the records
//     each page held from then on;
//   - a walk that ends short of totalCount asks for page 0 as well, which
//     is the first page under both other readings (and is refused, or adds
//     nothing, when pages count from 1);
//   - a page repeating the previous one, any other repeated user, an echoed
//     page other than the one asked for, and more pages than totalCount and
//     pageSize allow all stop the walk with an error saying what was seen,
//     and so does a walk that still holds fewer users than totalCount.

// walkMargin is how many pages beyond totalCount/pageSize a walk may ask for:
// page 0, the page that shows page is an offset, the empty page that ends a
// walk, and one for a user added meanwhile.
const walkMargin = 4

// maxWalkPages bounds a walk whatever totalCount claims: at the smallest
// page size a server could echo, an account of a million users.
const maxWalkPages = 1_000_000

// listWalk is one walk of the user list of one customer scope.
type listWalk struct {
	c           *Client
	customerIDs []int64
	users       []User
	seen        map[int64]bool
	// total is the largest totalCount seen: a walk that holds fewer users
	// is incomplete.
	total    int
	pageSize int
	pages    int
	// limit is the page cap, set from the first page's totalCount and page
	// size: a total that keeps growing does not move it.
	limit int
}

// ListAllUsers walks every page of getUserList and returns the users of the
// scope, complete or not at all: only a complete list proves a user absent.
func (c *Client) ListAllUsers(ctx context.Context, customerIDs []int64) ([]User, error) {
	w := &listWalk{c: c, customerIDs: customerIDs, seen: map[int64]bool{}, pageSize: listPageSize}
	prev, err := w.fetch(ctx, firstPage)
	if err != nil {
		return nil, err
	}
	if err := w.add(prev.Records, firstPage); err != nil {
		return nil, err
	}
	page, byOffset := firstPage, false
	for len(w.users) < w.total && len(prev.Records) >= w.pageSize {
		next := page + 1
		if byOffset {
			next = page + len(prev.Records)
		}
		res, err := w.fetch(ctx, next)
		if err != nil {
			return nil, err
		}
		if len(res.Records) > 0 && slices.EqualFunc(res.Records, prev.Records, func(a, b User) bool { return a.UserID == b.UserID }) {
			return nil, fmt.Errorf("the QuickHelp user list answered page %d with the same %d users as page %d: the server does not seem to understand the %q parameter (a guessed name, see the provider's README), so the walk stopped rather than loop. %s",
				next, len(res.Records), page, paramPage, baseURLCheck)
		}
		if !byOffset && page == firstPage && shiftedByOne(prev.Records, res.Records) {
			// Page 2 is page 1 moved on by one user: page counts records.
			byOffset = true
			w.addNew(res.Records)
			w.learned(ctx, "getUserList's page parameter reads as a record offset: page 2 held page 1's users moved on by one")
		} else if err := w.add(res.Records, next); err != nil {
			return nil, err
		}
		page, prev = next, res
	}
	if len(w.users) >= w.total {
		return w.users, nil
	}
	short := &shortListError{got: len(w.users), total: w.total, lastPage: page, pageSize: w.pageSize}
	short.zeroTried, err = w.tryPageZero(ctx)
	if err != nil {
		return nil, err
	}
	if len(w.users) >= w.total {
		return w.users, nil
	}
	short.got = len(w.users)
	return nil, short
}

// tryPageZero asks for page 0, the first page when pages count from 0 or
// page is an offset, and keeps the users it adds. It returns what it saw
// when that did not help, for the error.
func (w *listWalk) tryPageZero(ctx context.Context) (string, error) {
	res, err := w.fetch(ctx, 0)
	var echo *echoError
	switch {
	case apiclient.IsStatus(err, http.StatusBadRequest):
		return "QuickHelp refused it (" + err.Error() + ")", nil
	case errors.As(err, &echo):
		return fmt.Sprintf("QuickHelp answered page %d instead", echo.echoed), nil
	case err != nil:
		return "", err
	}
	before := len(w.users)
	w.addNew(res.Records)
	if len(w.users) > before {
		w.learned(ctx, "getUserList's first page is page 0: the walk from page 1 came up short and page 0 held the rest")
	}
	return fmt.Sprintf("it held %d users, %d of them new", len(res.Records), len(w.users)-before), nil
}

// learned logs what the walk found out about the page parameter, so that a
// user comparing with quickhelp-api.md §3 can see which reading their
// tenant has.
func (w *listWalk) learned(ctx context.Context, what string) {
	ctx = w.c.http.LogContext(ctx)
	tflog.SubsystemInfo(ctx, w.c.http.Vendor(), what, map[string]any{"page_size": w.pageSize, "total_count": w.total})
}

// fetch asks for one page and checks what the answer echoes; it learns the
// page size and total from it.
func (w *listWalk) fetch(ctx context.Context, page int) (*UserList, error) {
	w.pages++
	if w.limit > 0 && w.pages > w.limit {
		return nil, fmt.Errorf("the QuickHelp user list was still incomplete after %d pages (%d of the %d users it claims, pages of %d): the walk stopped rather than loop. The page numbering or the %q parameter may not be what the provider expects (see the provider's README). %s",
			w.pages-1, len(w.users), w.total, w.pageSize, paramPage, baseURLCheck)
	}
	res, err := w.c.ListUsers(ctx, w.customerIDs, page, listPageSize)
	if err != nil {
		return nil, err
	}
	if res.Page != nil && *res.Page != page {
		return nil, &echoError{asked: page, echoed: *res.Page}
	}
	if res.PageSize != nil && *res.PageSize > 0 {
		w.pageSize = *res.PageSize
	}
	w.total = max(w.total, res.TotalCount)
	if w.limit == 0 {
		w.limit = min(w.total/w.pageSize+walkMargin, maxWalkPages)
	}
	return res, nil
}

// add keeps a page's users; a user already seen is an error, since the list
// moved under the walk or the server ignores page.
func (w *listWalk) add(records []User, page int) error {
	for _, u := range records {
		if w.seen[u.UserID] {
			return fmt.Errorf("the QuickHelp user list repeated user %d on page %d: the list changed during the walk, or the server does not understand the %q parameter (a guessed name, see the provider's README). Nothing was read from the incomplete list. %s", u.UserID, page, paramPage, baseURLCheck)
		}
		w.seen[u.UserID] = true
		w.users = append(w.users, u)
	}
	return nil
}

// addNew keeps the users not seen yet, where repeats are expected.
func (w *listWalk) addNew(records []User) {
	for _, u := range records {
		if !w.seen[u.UserID] {
			w.seen[u.UserID] = true
			w.users = append(w.users, u)
		}
	}
}

// shiftedByOne reports whether next starts with prev's users but its first,
// in order: what the page after page 1 holds when page is a record offset.
func shiftedByOne(prev, next []User) bool {
	n := min(len(next), len(prev)-1)
	if n < 1 {
		return false
	}
	for i := range n {
		if next[i].UserID != prev[i+1].UserID {
			return false
		}
	}
	return true
}

// echoError is an answer for another page than the one asked for: the
// walk cannot tell which users it was given.
type echoError struct{ asked, echoed int }

func (e *echoError) Error() string {
	return fmt.Sprintf("The QuickHelp user list was asked for page %d and answered page %d, so the provider cannot tell which users it was given; nothing is read or declared gone from it. The page numbering or the %q parameter may not be what the provider expects (see the provider's README). %s",
		e.asked, e.echoed, paramPage, baseURLCheck)
}
