package qacomplete

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// The lookup after a POST that took effect finishes even when Terraform
// interrupts the operation between its calls (here: during the filtered
// list, before the fallback walk and the GET), so the new user reaches
// state.
func TestSettleCreate_survivesAnInterruptionMidWalk(t *testing.T) {
	ctx, interrupt := context.WithCancel(context.Background())
	defer interrupt()
	list := &listServer{users: manyUsers(3), pageCap: 1000, filter: "reject", total: -1}
	c := fakeClient(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/users") {
			interrupt()
			list.ServeHTTP(w, r)
			return
		}
		jsonAnswer(200, `{"id":1002,"email":"user2@example.com","is_active":true}`).write(w)
	})
	u, err := settleCreate(ctx, c, 8162, "user2@example.com")
	if err != nil || u == nil || u.ID != 1002 {
		t.Fatalf("user %+v, err %v; want user 1002 found despite the interruption", u, err)
	}
}
