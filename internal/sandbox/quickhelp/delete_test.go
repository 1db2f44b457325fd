package quickhelp_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

// deleteBody names users 1..n by id and email as addUsers made them.
func deleteBody(n int) string {
	entries := make([]string, 0, n)
	for i := 1; i <= n; i++ {
		entries = append(entries, fmt.Sprintf(`{"userId":%d,"email":"u%d@example.com"}`, i, i))
	}
	return `{"users":[` + strings.Join(entries, ",") + `]}`
}

func TestDelete(t *testing.T) {
	tests := []struct {
		name      string
		opts      quickhelp.Options
		body      string
		wantError map[string]string // nil: 200
		wantLeft  int               // users left of 150
	}{
		{"one user", quickhelp.Options{}, `{"users":[{"userId":1,"email":"u1@example.com"}]}`, nil, 149},
		{"emails ignore case", quickhelp.Options{}, `{"users":[{"userId":1,"email":"U1@Example.com"}]}`, nil, 149},
		{"the same user twice", quickhelp.Options{}, `{"users":[{"userId":1,"email":"u1@example.com"},{"userId":1,"email":"u1@example.com"}]}`, nil, 149},
		{"exactly 100", quickhelp.Options{}, deleteBody(100), nil, 50},
		{"101 is too many", quickhelp.Options{}, deleteBody(101), map[string]string{"users": "maximum of 100"}, 150},
		{"no users", quickhelp.Options{}, `{"users":[]}`, map[string]string{"users": "At least one"}, 150},
		{"users missing", quickhelp.Options{}, `{}`, map[string]string{"users": "At least one"}, 150},
		{"users not an array", quickhelp.Options{}, `{"users":{"userId":1}}`, map[string]string{"users": "not valid"}, 150},
		{"entry not an object", quickhelp.Options{}, `{"users":[1]}`, map[string]string{"users[0]": "not valid"}, 150},
		{"email missing", quickhelp.Options{}, `{"users":[{"userId":1}]}`, map[string]string{"users[0].email": "required"}, 150},
		{"userId missing", quickhelp.Options{}, `{"users":[{"email":"u1@example.com"}]}`, map[string]string{"users[0].userId": "required"}, 150},
		{"email of another user", quickhelp.Options{}, `{"users":[{"userId":1,"email":"u2@example.com"}]}`, map[string]string{"users[0].email": "does not belong to user 1"}, 150},
		{"unknown user fails the batch", quickhelp.Options{}, `{"users":[{"userId":1,"email":"u1@example.com"},{"userId":999,"email":"x@example.com"}]}`,
			map[string]string{"users[1].userId": "User with id 999 does not exist."}, 150},
		{"either id: by id", quickhelp.Options{DeleteAcceptsEitherID: true}, `{"users":[{"userId":1}]}`, nil, 149},
		{"either id: by email", quickhelp.Options{DeleteAcceptsEitherID: true}, `{"users":[{"email":"U1@example.com"}]}`, nil, 149},
		{"either id: neither", quickhelp.Options{DeleteAcceptsEitherID: true}, `{"users":[{}]}`, map[string]string{"users[0].userId": "required"}, 150},
		{"either id: unknown email", quickhelp.Options{DeleteAcceptsEitherID: true}, `{"users":[{"email":"nobody@example.com"}]}`,
			map[string]string{"users[0].email": "does not exist"}, 150},
		{"either id: both must agree", quickhelp.Options{DeleteAcceptsEitherID: true}, `{"users":[{"userId":1,"email":"u2@example.com"}]}`,
			map[string]string{"users[0].email": "does not belong"}, 150},
		{"customerId from a customer key", quickhelp.Options{}, `{"customerId":1001,"users":[{"userId":1,"email":"u1@example.com"}]}`,
			map[string]string{"customerId": "BSI or Partner"}, 150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t, tt.opts)
			addUsers(env, 150)
			r := env.do(t, "POST", "/User/Delete", tt.body, nil)
			if tt.wantError == nil {
				if r.status != http.StatusOK || strings.TrimSpace(string(r.body)) != "{}" {
					t.Fatalf("status %d body %s, want 200 {}", r.status, r.body)
				}
			} else {
				got := modelStateKeys(t, r)
				if len(got) != len(tt.wantError) {
					t.Errorf("fields %v, want %v", got, tt.wantError)
				}
				for field, frag := range tt.wantError {
					if !strings.Contains(got[field], frag) {
						t.Errorf("field %q: message %q, want it to contain %q", field, got[field], frag)
					}
				}
			}
			if n := len(env.emu.Users()); n != tt.wantLeft {
				t.Errorf("%d users left, want %d", n, tt.wantLeft)
			}
		})
	}
}

func TestDelete_UsersVanish(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	addUsers(env, 3)
	if r := env.do(t, "POST", "/User/Delete", `{"users":[{"userId":2,"email":"u2@example.com"}]}`, nil); r.status != http.StatusOK {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	l := env.list(t, "", nil)
	if got := ids(l); len(got) != 2 || got[0] != 1 || got[1] != 3 || l.TotalCount != 2 {
		t.Errorf("listed %v (total %d), want [1 3]", got, l.TotalCount)
	}
	got := modelStateKeys(t, env.do(t, "POST", "/User/Update", `{"userId":2,"email":"u2@example.com"}`, nil))
	if !strings.Contains(got["userId"], "does not exist") {
		t.Errorf("update of a deleted user: %v", got)
	}
	// A GDPR-deleted user's id is never given out again.
	if u := env.emu.AddUser(quickhelp.User{Email: "new@example.com"}); u.UserID != 4 {
		t.Errorf("new user got id %d, want 4", u.UserID)
	}
}
