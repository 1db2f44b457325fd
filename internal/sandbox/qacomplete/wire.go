package qacomplete

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// userObject is the user as QAComplete answers it (§4.1, §4.2): snake_case
// keys per the §4.3 naming rule.
// [I] qacomplete-api.md §4.1: null properties are omitted, empty strings kept.
// [I] qacomplete-api.md §4.2: list items and the single object share one
// shape.
type userObject struct {
	ID              int     `json:"id"`
	FirstName       string  `json:"first_name"`
	MiddleName      *string `json:"middle_name,omitempty"`
	LastName        string  `json:"last_name"`
	WorkPhone       *string `json:"work_phone,omitempty"` // from Phone [I] §4.3
	Title           *string `json:"title,omitempty"`
	CompanyName     *string `json:"company_name,omitempty"`
	Grouping        *string `json:"grouping,omitempty"`
	SubGrouping     *string `json:"sub_grouping,omitempty"`
	Email           string  `json:"email"`
	IsLoggedOn      bool    `json:"is_logged_on"`
	IsSecurityAdmin bool    `json:"is_security_admin"`
	IsActive        bool    `json:"is_active"`
	NbrTimesLogon   int     `json:"nbr_times_logon"`
	DateOfAnniv     string  `json:"date_of_anniv"`
	IsSelected      bool    `json:"is_selected"`
	UpdateUserID    int     `json:"update_user_id"`
	DateCreated     string  `json:"date_created"`
	DateUpdated     string  `json:"date_updated"`
	Discount        float64 `json:"discount"`
	ImportID        int     `json:"import_id"`
	PrimaryDeptID   int     `json:"primary_dept_id"`
	LogonAttempts   int     `json:"logon_attempts"`
	IsADAccount     bool    `json:"is_a_d_account"`
	ADSearchValue   *string `json:"a_d_search_value,omitempty"` // [I] §4.3: key never seen

	// Only with Options.ReturnCreateOnlyFields. [?] §4.2: never seen in a
	// response.
	TimeZone *string `json:"time_zone,omitempty"`
	Custom1  *string `json:"custom1,omitempty"`
	Custom2  *string `json:"custom2,omitempty"`
	Custom3  *string `json:"custom3,omitempty"`
	Custom4  *string `json:"custom4,omitempty"`
	Custom5  *string `json:"custom5,omitempty"`
	Custom6  *string `json:"custom6,omitempty"`
	Custom7  *string `json:"custom7,omitempty"`
	Custom8  *string `json:"custom8,omitempty"`
	Custom9  *string `json:"custom9,omitempty"`
	Custom10 *string `json:"custom10,omitempty"`
}

// toObject renders a stored user; callers hold e.mu.
func (e *Emulator) toObject(u *record) userObject {
	o := userObject{
		ID: u.ID, FirstName: u.FirstName, MiddleName: u.MiddleName, LastName: u.LastName,
		WorkPhone: u.Phone, Title: u.Title, CompanyName: u.CompanyName, Grouping: u.Grouping,
		SubGrouping: u.SubGrouping, Email: u.Email, IsLoggedOn: u.IsLoggedOn,
		IsSecurityAdmin: u.IsSecurityAdmin, IsActive: u.IsActive, NbrTimesLogon: u.NbrTimesLogon,
		DateOfAnniv: dateOfAnniv, DateCreated: u.DateCreated.String(), DateUpdated: u.DateUpdated.String(),
		PrimaryDeptID: u.DeptID, LogonAttempts: u.LogonAttempts, IsADAccount: u.IsADAccount,
		ADSearchValue: u.ADSearchValue,
	}
	if e.opts.ReturnCreateOnlyFields {
		o.TimeZone = u.TimeZone
		out := [10]**string{&o.Custom1, &o.Custom2, &o.Custom3, &o.Custom4, &o.Custom5, &o.Custom6, &o.Custom7, &o.Custom8, &o.Custom9, &o.Custom10}
		for i, p := range u.customs() {
			*out[i] = *p
		}
	}
	return o.cloned()
}

// cloned detaches the object's strings from the emulator's state, so it can
// be encoded after the lock is released.
func (o userObject) cloned() userObject {
	for _, p := range []**string{&o.MiddleName, &o.WorkPhone, &o.Title, &o.CompanyName, &o.Grouping, &o.SubGrouping, &o.ADSearchValue, &o.TimeZone,
		&o.Custom1, &o.Custom2, &o.Custom3, &o.Custom4, &o.Custom5, &o.Custom6, &o.Custom7, &o.Custom8, &o.Custom9, &o.Custom10} {
		*p = copyStr(*p)
	}
	return o
}

// departmentObject is §5.4.2's department.
// [I] qacomplete-api.md §5.4.2: the emulator answers only id and dept_name;
// company_id, page_size and the dates are not kept.
type departmentObject struct {
	ID       int    `json:"id"`
	DeptName string `json:"dept_name"`
}

// listEnvelope is the list shape of §3 (Paging).
type listEnvelope struct {
	Metadata listMetadata `json:"metadata"`
	// [I] qacomplete-api.md §3: "limit=0 returns only the metadata"; the
	// emulator then leaves the results key out entirely.
	Results any `json:"results,omitempty"`
}

type listMetadata struct {
	ResultSet   resultSet   `json:"result_set"`
	Permissions permissions `json:"permissions"`
}

type resultSet struct {
	Count  int `json:"count"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
	Total  int `json:"total"`
}

type permissions struct {
	ACL int `json:"acl"`
}

// ACL values of §3: 7 is full access, 1 is read.
const (
	aclFull = 7
	aclRead = 1
)

// requestUserPost is RequestUserPost (§5.1.2). Pointers tell an omitted
// property from an empty one. Property names match case-insensitively,
// as in ASP.NET; unknown properties are ignored.
type requestUserPost struct {
	FirstName       *string
	LastName        *string
	MiddleName      *string
	Email           *string
	TimeZone        *string
	IsSecurityAdmin *bool
	Phone           *string
	CompanyName     *string
	IsAdAccount     *bool
	AdSearchValue   *string
	Custom1         *string
	Custom2         *string
	Custom3         *string
	Custom4         *string
	Custom5         *string
	Custom6         *string
	Custom7         *string
	Custom8         *string
	Custom9         *string
	Custom10        *string
}

func (p *requestUserPost) customs() [10]*string {
	return [10]*string{p.Custom1, p.Custom2, p.Custom3, p.Custom4, p.Custom5, p.Custom6, p.Custom7, p.Custom8, p.Custom9, p.Custom10}
}

// requestUserPut is RequestUserPut (§5.1.4) and, field for field,
// RequestUserPatch (§5.1.5). TimeZone, CompanyName and Custom1..10 are not
// part of it, so they are ignored if sent.
type requestUserPut struct {
	FirstName       *string
	LastName        *string
	MiddleName      *string
	Email           *string
	IsSecurityAdmin *bool
	Phone           *string
	IsAdAccount     *bool
	AdSearchValue   *string
}

// Paging defaults of §3.
const (
	defaultLimit = 25
	// maxLimit caps a page. [?] qacomplete-api.md §3: no maximum is
	// documented; 1000 is the emulator's, and the capped value is echoed.
	maxLimit = 1000
)

// queryValue reads a query parameter whatever its case.
// [I] qacomplete-api.md §3: templates write Filter, tables write filter;
// ASP.NET matches query names case-insensitively.
func queryValue(q url.Values, name string) (string, bool) {
	for k, v := range q {
		if strings.EqualFold(k, name) && len(v) > 0 {
			return v[0], true
		}
	}
	return "", false
}

// paging reads offset and limit (§3) and answers 400 itself on bad values.
// [I] qacomplete-api.md §3: a non-integer or negative offset or limit is
// rejected with 400, as ASP.NET model binding would.
func paging(w http.ResponseWriter, r *http.Request) (offset, limit int, ok bool) {
	q := r.URL.Query()
	offset, limit = 0, defaultLimit
	for _, p := range []struct {
		name string
		dst  *int
	}{{"offset", &offset}, {"limit", &limit}} {
		raw, present := queryValue(q, p.name)
		if !present {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil || n < 0 {
			writeError(w, http.StatusBadRequest, "The value '"+raw+"' is not valid for "+p.name+".")
			return 0, 0, false
		}
		*p.dst = n
	}
	return offset, min(limit, maxLimit), true
}

// page cuts one page out of items and wraps it in the list envelope.
func page[T any](items []T, offset, limit, acl int) listEnvelope {
	env := listEnvelope{Metadata: listMetadata{
		ResultSet:   resultSet{Offset: offset, Limit: limit, Total: len(items)},
		Permissions: permissions{ACL: acl},
	}}
	if limit == 0 {
		return env
	}
	start := min(offset, len(items))
	end := min(start+limit, len(items))
	results := items[start:end:end]
	if results == nil {
		results = []T{}
	}
	env.Metadata.ResultSet.Count = len(results)
	env.Results = results
	return env
}
