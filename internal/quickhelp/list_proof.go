package quickhelp

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// QuickHelp has no call that reads one user: a user is absent only when a
// complete walk of getUserList, answered in the list's own shape, does not
// hold it. So before anyone concludes "deleted" from a list, every page must
// prove it came from the Customer API (records and totalCount present, every
// record carrying a real userId; records may be null on a page without
// users, quickhelp-api.md §3 leaving that open) and the walk (walk.go) must
// reach the totalCount the list claimed. A page that proves nothing is an error naming base_url,
// because a wrong base URL (a web server, a proxy, a portal page) is what
// answers 2xx with something else.

// listPage is getUserList's 200 body as decoded before it is trusted: the
// pointers tell a missing member from an empty or zero one, and records is
// kept raw so that a present null (how an empty page may come back) is told
// apart from no records member at all.
type listPage struct {
	Records    json.RawMessage `json:"records"`
	TotalCount *int            `json:"totalCount"`
	Page       *int            `json:"page"`
	PageSize   *int            `json:"pageSize"`
}

// baseURLCheck is the first thing to check when an answer is not the
// Customer API's.
const baseURLCheck = "Check quickhelp.base_url (or " + EnvBaseURL + ") first: it must be the Customer API root, up to and including /v1 (default " + DefaultBaseURL + "). Terraform state was left unchanged."

// unprovenListError is a 2xx list answer that is not the Customer API's
// user list.
type unprovenListError struct {
	page int
	seen string
}

func (e *unprovenListError) Error() string {
	return fmt.Sprintf("QuickHelp answered %s %s (page %d) with %s, not the Customer API's user list, so no user can be read or declared gone from it. %s",
		http.MethodGet, pathList, e.page, e.seen, baseURLCheck)
}

// shortListError is a walk that ended before the total the list claimed.
// lastPage is the last page of the forward walk; zeroTried says what asking
// for page 0 as well (the first page under the other readings) showed.
type shortListError struct {
	got, total, lastPage, pageSize int
	zeroTried                      string
}

func (e *shortListError) Error() string {
	tried := ""
	if e.zeroTried != "" {
		tried = " Page 0 was tried too: " + e.zeroTried + "."
	}
	return fmt.Sprintf("The QuickHelp user list claimed %d users but the walk ended on page %d with %d (pages of %d).%s A user missing from it could still exist, so nothing is read or declared gone from an incomplete list. The page numbering or the %q parameter may not be what the provider expects (see the provider's README). %s",
		e.total, e.lastPage, e.got, e.pageSize, tried, paramPage, baseURLCheck)
}

// provenPage checks a decoded page and returns it as a UserList; page is the
// number asked for, for the message. A present but null records is a page
// without users: totalCount says whether that can be the whole list, and the
// walk checks it.
func provenPage(p *listPage, page int) (*UserList, error) {
	switch {
	case p.Records == nil && p.TotalCount == nil:
		return nil, &unprovenListError{page: page, seen: "a 2xx answer carrying neither records nor totalCount"}
	case p.Records == nil:
		return nil, &unprovenListError{page: page, seen: "a 2xx answer without records"}
	case p.TotalCount == nil:
		return nil, &unprovenListError{page: page, seen: "a 2xx answer without totalCount"}
	case *p.TotalCount < 0:
		return nil, &unprovenListError{page: page, seen: fmt.Sprintf("a negative totalCount (%d)", *p.TotalCount)}
	}
	records := []User{}
	if string(p.Records) != "null" {
		if err := json.Unmarshal(p.Records, &records); err != nil {
			return nil, &unprovenListError{page: page, seen: "records that are not a list of users (" + err.Error() + ")"}
		}
	}
	for i, u := range records {
		if u.UserID < 1 {
			return nil, &unprovenListError{page: page, seen: fmt.Sprintf("record %d without a userId (%d)", i+1, u.UserID)}
		}
	}
	return &UserList{Records: records, TotalCount: *p.TotalCount, Page: p.Page, PageSize: p.PageSize}, nil
}
