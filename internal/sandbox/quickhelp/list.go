package quickhelp

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// listResponse is getUserList's 200 body (quickhelp-api.md §3).
type listResponse struct {
	Records    []userRecord `json:"records"`
	TotalCount int          `json:"totalCount"`
	Page       int          `json:"page"`
	PageSize   int          `json:"pageSize"`
}

// userRecord is one user as getUserList shows it (§3). It has no confirmed,
// bypassSso or customerId: the list does not return them (§3's mapping).
// [I] §3: strings a user does not have come back as null, as an unset .NET
// string serialises, so a client must cope with null as well as "".
type userRecord struct {
	UserID        int       `json:"userId"`
	FirstName     *string   `json:"firstName"`
	LastName      *string   `json:"lastName"`
	Email         *string   `json:"email"`
	Roles         []roleRef `json:"roles"`
	Groups        []Group   `json:"groups"`
	LicenseIssued bool      `json:"licenseIssued"`
	JobTitle      *string   `json:"jobTitle"`
	Department    *string   `json:"department"`
	Country       *string   `json:"country"`
	SSO           *SSO      `json:"sso"`
}

// roleRef is a role as the list shows it: the GUID and the role's name.
type roleRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// getUserList follows quickhelp-api.md §3 (getUserList): the caller's users,
// or for a partner the users of the customers in customerIds, one page at a
// time with the total count. [I] §3: records are ordered by userId; a page
// past the end is empty (records null unless Options.EmptyRecordsAsArray)
// with the right totalCount; page is a page number unless
// Options.PageIsOffset makes it a record offset; pageSize above the
// maximum is clamped and the clamped size echoed, so a client has to page by
// totalCount rather than by a short page.
func (e *Emulator) getUserList(w http.ResponseWriter, r *http.Request, c caller) {
	q := foldQuery(r.URL.Query())
	var v validation

	e.mu.Lock()
	opts := e.opts
	page, pageSize := readPaging(q, opts, &v)
	customers := e.listCustomers(q, c, &v)
	if v.failed() {
		e.mu.Unlock()
		v.write(w, opts)
		return
	}
	users := e.data.sortedUsers(func(u User) bool { return customers[u.CustomerID] })
	resp := listResponse{TotalCount: len(users), Page: page, PageSize: pageSize}
	if opts.EmptyRecordsAsArray {
		resp.Records = []userRecord{}
	}
	if offset := opts.offset(page, pageSize); offset < int64(len(users)) {
		end := min(offset+int64(pageSize), int64(len(users)))
		for _, u := range users[offset:end] {
			resp.Records = append(resp.Records, e.record(u))
		}
	}
	e.listCalls++
	e.mu.Unlock()

	writeJSON(w, http.StatusOK, resp)
}

// readPaging reads page and pageSize (§3). [I] Absent means the first page
// and the default size; a page before the first, a size below 1 or a value
// that is not an int32 is a validation error.
func readPaging(q map[string][]string, opts Options, v *validation) (page, pageSize int) {
	page, pageSize = opts.firstPage(), opts.defaultPageSize()
	if n, ok := queryInt(q, paramPage, v); ok {
		if n < opts.firstPage() {
			v.add(paramPage, textValue(q[strings.ToLower(paramPage)][0]), msgPageTooSmall, paramPage, opts.firstPage())
		}
		page = n
	}
	if n, ok := queryInt(q, paramPageSize, v); ok {
		if n < 1 {
			v.add(paramPageSize, textValue(q[strings.ToLower(paramPageSize)][0]), msgPageTooSmall, paramPageSize, 1)
		}
		pageSize = min(n, opts.maxPageSize())
	}
	return page, pageSize
}

// listCustomers is the set of customers whose users the list shows (§3, §6):
// the caller's own account, or the customerIds a partner names, given as
// repeated parameters (customerIds=1&customerIds=2). [I] §3: that is the Web
// API default; "1,2" is not an integer and is refused. e.mu is held.
func (e *Emulator) listCustomers(q map[string][]string, c caller, v *validation) map[int]bool {
	values := q[strings.ToLower(paramCustomerIDs)]
	if len(values) == 0 {
		return map[int]bool{c.home(): true}
	}
	if !c.partner && !e.opts.CustomerKeysIgnoreCustomerID {
		v.add(paramCustomerIDs, textValue(values[0]), msgPartnerOnly, paramCustomerIDs)
		return nil
	}
	set := map[int]bool{}
	for _, s := range values {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 32)
		if err != nil {
			v.add(paramCustomerIDs, textValue(s), msgNotValid, s, paramCustomerIDs)
			continue
		}
		if id, ok := e.checkCustomer(c, int(n), paramCustomerIDs, textValue(s), v); ok {
			set[id] = true
		}
	}
	return set
}

// record shows a stored user the way the list does; e.mu is held.
func (e *Emulator) record(u User) userRecord {
	rec := userRecord{
		UserID:        u.UserID,
		FirstName:     nullable(u.FirstName),
		LastName:      nullable(u.LastName),
		Email:         nullable(u.Email),
		Roles:         make([]roleRef, 0, len(u.Roles)),
		Groups:        u.Groups,
		LicenseIssued: u.Licensed,
		JobTitle:      nullable(u.JobTitle),
		Department:    nullable(u.Department),
		Country:       nullable(u.Country),
		SSO:           u.SSO,
	}
	if rec.Groups == nil {
		rec.Groups = []Group{}
	}
	for _, id := range u.Roles {
		rec.Roles = append(rec.Roles, roleRef{ID: id, Name: e.data.roles[id].Name})
	}
	return rec
}

// foldQuery merges query parameters whose names differ only in case, as Web
// API model binding does (§3 [I]); keys are lower case.
func foldQuery(q url.Values) map[string][]string {
	out := make(map[string][]string, len(q))
	for k, vals := range q {
		lk := strings.ToLower(k)
		out[lk] = append(out[lk], vals...)
	}
	return out
}

// queryInt reads the first value of an int32 query parameter.
func queryInt(q map[string][]string, name string, v *validation) (int, bool) {
	vals := q[strings.ToLower(name)]
	if len(vals) == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(vals[0]), 10, 32)
	if err != nil {
		v.add(name, textValue(vals[0]), msgNotValid, vals[0], name)
		return 0, false
	}
	return int(n), true
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
