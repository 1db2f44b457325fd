package qacomplete

import "strings"

// QAComplete omits null properties (§4.1), and the document does not know
// whether a list row (§4.2) carries every key the single-user GET (§4.1)
// carries. Which keys an answer held is therefore evidence: a list row that
// lacks a key the same user's GET carried is a list poorer than GET, and a
// read served from it would report the missing field as emptied.

// fieldSet holds which of the User keys an answer carried, one bit each.
type fieldSet uint32

// userKeys are the keys of User that may be absent from an answer, with
// the field that holds each: every one of them is read by the resource.
var userKeys = []struct {
	name string
	get  func(*User) bool
}{
	{"first_name", func(u *User) bool { return u.FirstName != nil }},
	{"middle_name", func(u *User) bool { return u.MiddleName != nil }},
	{"last_name", func(u *User) bool { return u.LastName != nil }},
	{"email", func(u *User) bool { return u.Email != nil }},
	{"work_phone", func(u *User) bool { return u.WorkPhone != nil }},
	{"company_name", func(u *User) bool { return u.CompanyName != nil }},
	{"time_zone", func(u *User) bool { return u.TimeZone != nil }},
	{"is_security_admin", func(u *User) bool { return u.IsSecurityAdmin != nil }},
	{"is_active", func(u *User) bool { return u.IsActive != nil }},
	{"is_a_d_account", func(u *User) bool { return u.IsADAccount != nil }},
	{"a_d_search_value", func(u *User) bool { return u.ADSearchValue != nil }},
	{"primary_dept_id", func(u *User) bool { return u.PrimaryDeptID != nil }},
	{"date_created", func(u *User) bool { return u.DateCreated != nil }},
	{"date_updated", func(u *User) bool { return u.DateUpdated != nil }},
	{"custom1", func(u *User) bool { return u.Custom1 != nil }},
	{"custom2", func(u *User) bool { return u.Custom2 != nil }},
	{"custom3", func(u *User) bool { return u.Custom3 != nil }},
	{"custom4", func(u *User) bool { return u.Custom4 != nil }},
	{"custom5", func(u *User) bool { return u.Custom5 != nil }},
	{"custom6", func(u *User) bool { return u.Custom6 != nil }},
	{"custom7", func(u *User) bool { return u.Custom7 != nil }},
	{"custom8", func(u *User) bool { return u.Custom8 != nil }},
	{"custom9", func(u *User) bool { return u.Custom9 != nil }},
	{"custom10", func(u *User) bool { return u.Custom10 != nil }},
}

// present is the set of keys u was answered with.
func (u *User) present() fieldSet {
	var s fieldSet
	for i, k := range userKeys {
		if k.get(u) {
			s |= 1 << i
		}
	}
	return s
}

// names lists the keys in s, for messages.
func (s fieldSet) names() string {
	var out []string
	for i, k := range userKeys {
		if s&(1<<i) != 0 {
			out = append(out, k.name)
		}
	}
	return strings.Join(out, ", ")
}

// has reports whether the key name is in s.
func (s fieldSet) has(name string) bool {
	for i, k := range userKeys {
		if k.name == name {
			return s&(1<<i) != 0
		}
	}
	return false
}
