package qacomplete

import (
	"fmt"
	"strings"
	"time"
)

// The fields a filter can name and SetUserField can change, one table per
// entity. [I] qacomplete-api.md §3 "Field-name casing": names match
// case-insensitively in PascalCase (the Persons columns, e.g. IsADAccount)
// or snake_case (the response keys, e.g. is_a_d_account); both fold to the
// same key by dropping underscores and case.

type fieldKind int

const (
	kindString fieldKind = iota
	kindInt
	kindNumber
	kindBool
	kindDate
)

func (k fieldKind) String() string {
	return [...]string{"string", "integer", "number", "boolean", "date"}[k]
}

// fieldDef reads (and, when set is not nil, writes) one field of a T.
type fieldDef[T any] struct {
	name string // canonical name, for messages
	kind fieldKind
	get  func(*T) any // string, int, float64, bool or time.Time
	set  func(*T, any) error
}

// foldName is the lookup key for a field name.
func foldName(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, "_", ""))
}

type fieldTable[T any] map[string]*fieldDef[T]

func (t fieldTable[T]) add(def *fieldDef[T], aliases ...string) {
	for _, n := range append([]string{def.name}, aliases...) {
		t[foldName(n)] = def
	}
}

func (t fieldTable[T]) lookup(name string) (*fieldDef[T], bool) {
	d, ok := t[foldName(name)]
	return d, ok
}

// userFields covers the Persons columns behind §4.1 and §4.3. [I] §3: the
// filterable user fields are presumably these columns; Phone answers as
// WorkPhone and Id as UserId.
var userFields = func() fieldTable[record] {
	t := fieldTable[record]{}
	str := func(name string, p func(*record) *string, aliases ...string) {
		t.add(&fieldDef[record]{name: name, kind: kindString,
			get: func(u *record) any { return *p(u) },
			set: func(u *record, v any) error {
				s, ok := v.(string)
				if !ok {
					return fmt.Errorf("field %s wants a string, got %T", name, v)
				}
				*p(u) = s
				return nil
			}}, aliases...)
	}
	optStr := func(name string, p func(*record) **string, aliases ...string) {
		t.add(&fieldDef[record]{name: name, kind: kindString,
			get: func(u *record) any { return deref(*p(u)) },
			set: func(u *record, v any) error {
				switch s := v.(type) {
				case nil:
					*p(u) = nil
				case string:
					*p(u) = &s
				case *string:
					*p(u) = copyStr(s)
				default:
					return fmt.Errorf("field %s wants a string or nil, got %T", name, v)
				}
				return nil
			}}, aliases...)
	}
	boolean := func(name string, p func(*record) *bool, aliases ...string) {
		t.add(&fieldDef[record]{name: name, kind: kindBool,
			get: func(u *record) any { return *p(u) },
			set: func(u *record, v any) error {
				b, ok := v.(bool)
				if !ok {
					return fmt.Errorf("field %s wants a bool, got %T", name, v)
				}
				*p(u) = b
				return nil
			}}, aliases...)
	}
	integer := func(name string, p func(*record) *int, aliases ...string) {
		t.add(&fieldDef[record]{name: name, kind: kindInt,
			get: func(u *record) any { return *p(u) },
			set: func(u *record, v any) error {
				n, ok := toInt(v)
				if !ok {
					return fmt.Errorf("field %s wants an integer, got %T", name, v)
				}
				*p(u) = n
				return nil
			}}, aliases...)
	}
	date := func(name string, p func(*record) *Timestamp, aliases ...string) {
		t.add(&fieldDef[record]{name: name, kind: kindDate,
			get: func(u *record) any { return p(u).Time },
			set: func(u *record, v any) error {
				switch d := v.(type) {
				case time.Time:
					p(u).Time = d
				case string:
					parsed, err := parseDate(d)
					if err != nil {
						return err
					}
					p(u).Time = parsed
				default:
					return fmt.Errorf("field %s wants a time.Time or a date string, got %T", name, v)
				}
				return nil
			}}, aliases...)
	}
	constant := func(name string, kind fieldKind, v any) {
		t.add(&fieldDef[record]{name: name, kind: kind, get: func(*record) any { return v }})
	}

	t.add(&fieldDef[record]{name: "Id", kind: kindInt, get: func(u *record) any { return u.ID }}, "UserId")
	str("FirstName", func(u *record) *string { return &u.FirstName })
	optStr("MiddleName", func(u *record) **string { return &u.MiddleName })
	str("LastName", func(u *record) *string { return &u.LastName })
	str("Email", func(u *record) *string { return &u.Email })
	optStr("WorkPhone", func(u *record) **string { return &u.Phone }, "Phone")
	optStr("CompanyName", func(u *record) **string { return &u.CompanyName })
	optStr("TimeZone", func(u *record) **string { return &u.TimeZone })
	optStr("ADSearchValue", func(u *record) **string { return &u.ADSearchValue }, "a_d_search_value")
	optStr("Title", func(u *record) **string { return &u.Title })
	optStr("Grouping", func(u *record) **string { return &u.Grouping })
	optStr("SubGrouping", func(u *record) **string { return &u.SubGrouping })
	for i := range 10 {
		optStr(fmt.Sprintf("Custom%d", i+1), func(u *record) **string { return u.customs()[i] })
	}
	boolean("IsSecurityAdmin", func(u *record) *bool { return &u.IsSecurityAdmin })
	boolean("IsADAccount", func(u *record) *bool { return &u.IsADAccount }, "is_a_d_account")
	boolean("IsActive", func(u *record) *bool { return &u.IsActive })
	boolean("IsLoggedOn", func(u *record) *bool { return &u.IsLoggedOn })
	integer("PrimaryDeptId", func(u *record) *int { return &u.DeptID }, "DeptId")
	integer("NbrTimesLogon", func(u *record) *int { return &u.NbrTimesLogon })
	integer("LogonAttempts", func(u *record) *int { return &u.LogonAttempts })
	date("DateCreated", func(u *record) *Timestamp { return &u.DateCreated })
	date("DateUpdated", func(u *record) *Timestamp { return &u.DateUpdated })
	// Columns §4.1 shows with constant values in this emulator.
	constant("IsSelected", kindBool, false)
	constant("UpdateUserId", kindInt, 0)
	constant("ImportId", kindInt, 0)
	constant("Discount", kindNumber, 0.0)
	anniv, _ := parseDate(dateOfAnniv)
	constant("DateOfAnniv", kindDate, anniv)
	return t
}()

// deptFields covers the department object of §5.4.2.
var deptFields = func() fieldTable[Department] {
	t := fieldTable[Department]{}
	t.add(&fieldDef[Department]{name: "Id", kind: kindInt, get: func(d *Department) any { return d.ID }}, "DeptId")
	t.add(&fieldDef[Department]{name: "DeptName", kind: kindString, get: func(d *Department) any { return d.DeptName }})
	return t
}()

// toInt accepts the integer types a Go caller or a JSON decoder hands over.
func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		if n == float64(int(n)) {
			return int(n), true
		}
	}
	return 0, false
}
