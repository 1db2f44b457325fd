package qacomplete

import (
	"slices"
	"testing"
	"time"
)

func filterUsers() []record {
	day := func(d int) Timestamp { return Timestamp{time.Date(2024, 3, d, 12, 0, 0, 0, time.Local)} }
	return []record{
		{ID: 1, DeptID: 8162, FirstName: "John", LastName: "Watson", Email: "john@example.com", Phone: new("555"),
			IsActive: true, IsSecurityAdmin: true, DateCreated: day(1), CompanyName: new("ACME")},
		{ID: 2, DeptID: 8162, FirstName: "Mary", LastName: "Morstan", Email: "mary@example.com", MiddleName: new(""),
			IsActive: true, DateCreated: day(2), LogonAttempts: 2},
		{ID: 3, DeptID: 8162, FirstName: "Irene", LastName: "Adler", Email: "irene@other.org", Title: new("O'Hara"),
			IsActive: false, DateCreated: day(3), LogonAttempts: 3, NbrTimesLogon: 3},
		{ID: 4, DeptID: 8162, FirstName: "Sherlock", LastName: "Holmes", Email: "sh@example.com", IsADAccount: true,
			IsActive: true, DateCreated: day(4), LogonAttempts: 1, NbrTimesLogon: 5},
	}
}

func TestFilter_Operators(t *testing.T) {
	cases := []struct {
		filter string
		want   []int
	}{
		{"", []int{1, 2, 3, 4}},
		{"Id = 2", []int{2}},
		{"UserId != 2", []int{1, 3, 4}},
		{"id < 3", []int{1, 2}},
		{"id > 3", []int{4}},
		{"id <= 2", []int{1, 2}},
		{"id >= 3", []int{3, 4}},
		{"id = -1", nil},
		{"FirstName = 'john'", []int{1}},  // values compare case-insensitively
		{"first_name = 'John'", []int{1}}, // snake_case field names
		{"FIRSTNAME = 'John'", []int{1}},  // any case
		{"LastName < 'H'", []int{3}},      // string ordering
		{"Email ~ 'EXAMPLE'", []int{1, 2, 4}},
		{"Email ~ ''", []int{1, 2, 3, 4}},
		{"id in {1,3, 9}", []int{1, 3}},
		{"id not in {1,3}", []int{2, 4}},
		{"FirstName in {'mary', 'Irene'}", []int{2, 3}},
		{"FirstName not in {}", []int{1, 2, 3, 4}},
		{"MiddleName is empty", []int{1, 2, 3, 4}}, // nil and "" are both empty
		{"WorkPhone is not empty", []int{1}},
		{"work_phone is empty", []int{2, 3, 4}},
		{"Phone = '555'", []int{1}},
		{"id is empty", nil},
		{"id is not empty", []int{1, 2, 3, 4}},
		{"CompanyName is 'acme'", []int{1}},
		{"CompanyName is not 'acme'", []int{2, 3, 4}},
		{"Title = 'O''Hara'", []int{3}},
		{"IsActive = true", []int{1, 2, 4}},
		{"is_active = false", []int{3}},
		{"IsActive != TRUE", []int{3}},
		{"IsSecurityAdmin = true", []int{1}},
		{"IsADAccount = true", []int{4}},
		{"is_a_d_account = true", []int{4}},
		{"IsAdAccount = true", []int{4}},
		{"PrimaryDeptId = 8162", []int{1, 2, 3, 4}},
		{"NbrTimesLogon > LogonAttempts", []int{4}}, // a field on the right
		{"LogonAttempts = NbrTimesLogon", []int{1, 3}},
		{"DateCreated > '2024-03-02T12:00:00.0000000'", []int{3, 4}},
		{"date_created <= '2024-03-02'", []int{1}},
		{"DateCreated >= '2024-03-04T00:00:00Z'", []int{4}},
		{"Discount = 0", []int{1, 2, 3, 4}},
		{"IsSelected = false", []int{1, 2, 3, 4}},
		// Boolean logic and precedence: NOT > AND > OR.
		{"(id = 1) OR (id = 2)", []int{1, 2}},
		{"id = 1 or id = 2 and IsActive = false", []int{1}},
		{"(id = 1 or id = 2) and IsActive = true", []int{1, 2}},
		{"NOT id = 1 AND NOT id = 2", []int{3, 4}},
		{"NOT (id = 1 OR id = 2)", []int{3, 4}},
		{"not not id = 4", []int{4}},
		{"(UserId = 1) OR (FirstName ~ 'o') AND (LastName != 'Holmes')", []int{1}},
		{"((Email ~ 'example') AND (IsActive = true)) OR (Title is not empty)", []int{1, 2, 3, 4}},
		{"  id   =   4  ", []int{4}},
	}
	users := filterUsers()
	for _, c := range cases {
		t.Run(c.filter, func(t *testing.T) {
			match, err := parseFilter(c.filter, userFields)
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for i := range users {
				if match(&users[i]) {
					got = append(got, users[i].ID)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestFilter_Errors(t *testing.T) {
	for _, f := range []string{
		"Email",
		"Email =",
		"Email = 'x",
		"Nope = 1",
		"Email = 5",
		"id = 'x'",
		"IsActive = 1",
		"IsActive > true",
		"IsActive in {true}",
		"id ~ 1",
		"DateCreated = 'yesterday'",
		"DateCreated ~ '2024'",
		"(id = 1",
		"id = 1)",
		"id = 1 AND",
		"id = 1 id = 2",
		"id not {1}",
		"id in 1",
		"id in {1 2}",
		"id in {1,'x'}",
		"id is",
		"id ! 1",
		"id = 1 # 2",
		"id = 1.2.3",
		"FirstName = Email AND id = FirstName",
		"Email = Nope",
		"= 1",
	} {
		if _, err := parseFilter(f, userFields); err == nil {
			t.Errorf("%q: want a parse error", f)
		}
	}
}
