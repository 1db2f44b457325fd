package qacomplete

import "testing"

func TestParseImportID(t *testing.T) {
	cases := []struct {
		in     string
		dept   int64
		user   int64
		email  string
		wantOK bool
	}{
		{"8162/24793", 8162, 24793, "", true},
		{"8162/jane@example.com", 8162, 0, "jane@example.com", true},
		{"24793", 0, 0, "", false},
		{"8162/", 0, 0, "", false},
		{"/24793", 0, 0, "", false},
		{"0/24793", 0, 0, "", false},
		{"8162/0", 0, 0, "", false},
		{"8162/-3", 0, 0, "", false},
		{"abc/24793", 0, 0, "", false},
		{"8162/not-an-email", 0, 0, "", false},
		{"8162/24793/extra", 0, 0, "", false},
	}
	for _, c := range cases {
		dept, user, email, err := parseImportID(c.in)
		if (err == nil) != c.wantOK {
			t.Errorf("%q: err = %v, want ok=%v", c.in, err, c.wantOK)
			continue
		}
		if c.wantOK && (dept != c.dept || user != c.user || email != c.email) {
			t.Errorf("%q: got %d %d %q", c.in, dept, user, email)
		}
		if !c.wantOK && err != nil && !containsAll(err.Error(), "<dept_id>/<user_id>", "<dept_id>/<email>") {
			t.Errorf("%q: error should show both accepted forms: %v", c.in, err)
		}
	}
}
