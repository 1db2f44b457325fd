package quickhelp

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// listServer answers getUserList with answer(page, pageSize) and counts
// the calls.
func listServer(t *testing.T, answer func(page, pageSize int) any) (*Client, *int) {
	t.Helper()
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		page, _ := strconv.Atoi(r.URL.Query().Get(paramPage))
		size, _ := strconv.Atoi(r.URL.Query().Get(paramPageSize))
		body := answer(page, size)
		w.Header().Set("Content-Type", "application/json")
		if _, bad := body.(badRequest); bad {
			w.WriteHeader(http.StatusBadRequest)
		}
		_ = json.NewEncoder(w).Encode(body)
	}))
	t.Cleanup(srv.Close)
	base, _ := url.Parse(srv.URL + "/v1")
	h, err := apiclient.New(apiclient.Config{Vendor: vendorKey, BaseURL: base, MaxRetries: 0, DecodeError: decodeError, Hint: hint})
	if err != nil {
		t.Fatal(err)
	}
	return NewClient(h, 0), &calls
}

type badRequest map[string]any

// reading serves users 1..total the way one reading of page would, with
// pageSize clamped to maxSize and echoed; records is null on an empty page.
func reading(total, maxSize int, first func(page, size int) int) func(page, size int) any {
	return func(page, size int) any {
		size = min(size, maxSize)
		start := first(page, size)
		if start < 0 {
			return badRequest{"page": map[string]any{"errors": []map[string]any{{"errorMessage": "The page field must be at least 1."}}}}
		}
		var records []map[string]any
		for id := start + 1; id <= min(start+size, total); id++ {
			records = append(records, map[string]any{"userId": id})
		}
		return map[string]any{"records": records, "totalCount": total, "page": page, "pageSize": size}
	}
}

var (
	fromOne  = func(page, size int) int { return map[bool]int{true: -1, false: (page - 1) * size}[page < 1] }
	fromZero = func(page, size int) int { return page * size }
	byOffset = func(page, _ int) int { return page }
)

// The walk finds every user under each reading of page and each page size,
// with a clamped size echoed, in few calls.
func TestListAllUsers_everyReading(t *testing.T) {
	for name, first := range map[string]func(int, int) int{"from 1": fromOne, "from 0": fromZero, "offset": byOffset} {
		for _, total := range []int{0, 1, 2, 3, 5, 6, 7, 100, 101, 250} {
			for _, maxSize := range []int{1, 2, 3, 100} {
				c, calls := listServer(t, reading(total, maxSize, first))
				users, err := c.ListAllUsers(context.Background(), nil)
				if err != nil {
					t.Fatalf("%s, %d users, pages of %d: %v", name, total, maxSize, err)
				}
				got := map[int64]bool{}
				for _, u := range users {
					got[u.UserID] = true
				}
				if len(users) != total || len(got) != total {
					t.Fatalf("%s, %d users, pages of %d: got %d (%d distinct)", name, total, maxSize, len(users), len(got))
				}
				if limit := (total+maxSize-1)/maxSize + 3; *calls > limit {
					t.Errorf("%s, %d users, pages of %d: %d calls, want at most %d", name, total, maxSize, *calls, limit)
				}
			}
		}
	}
}

// A walk that cannot be completed stops with an error that says what it saw
// and names base_url, and never loops.
func TestListAllUsers_stopsWithWhatItSaw(t *testing.T) {
	page := func(records []int, total, page, size int) map[string]any {
		out := make([]map[string]any, 0, len(records))
		for _, id := range records {
			out = append(out, map[string]any{"userId": id})
		}
		return map[string]any{"records": out, "totalCount": total, "page": page, "pageSize": size}
	}
	cases := map[string]struct {
		answer func(p, s int) any
		want   []string
	}{
		"the server ignores page": {
			func(p, s int) any { return page([]int{1, 2}, 5, p, 2) },
			[]string{"answered page 2 with the same 2 users as page 1", "quickhelp.base_url"},
		},
		"another page echoed": {
			func(p, s int) any { return page([]int{1, 2}, 5, p+1, 2) },
			[]string{"asked for page 1 and answered page 2", "quickhelp.base_url"},
		},
		"a total the list never reaches": {
			func(p, s int) any {
				if p == 1 {
					return page([]int{1, 2}, 9, p, 2)
				}
				return page(nil, 9, p, 2)
			},
			[]string{"claimed 9 users but the walk ended on page 2 with 2 (pages of 2)", "Page 0 was tried too", "quickhelp.base_url"},
		},
		"page 0 refused": {
			func(p, s int) any {
				if p == 0 {
					return badRequest{"page": map[string]any{"errors": []map[string]any{{"errorMessage": "The page field must be at least 1."}}}}
				}
				return page(nil, 1, p, 100)
			},
			[]string{"claimed 1 users but the walk ended on page 1 with 0", "Page 0 was tried too: QuickHelp refused it", "quickhelp.base_url"},
		},
		"a user repeated on a later page": {
			func(p, s int) any {
				return map[int]any{1: page([]int{1, 2}, 6, p, 2), 2: page([]int{3, 4}, 6, p, 2), 3: page([]int{4, 5}, 6, p, 2)}[p]
			},
			[]string{"repeated user 4 on page 3", "quickhelp.base_url"},
		},
		"a total that grows with every page": {
			func(p, s int) any { return page([]int{2*p - 1, 2 * p}, 2*p+4, p, 2) },
			[]string{"still incomplete after 7 pages", "pages of 2", "quickhelp.base_url"},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			c, calls := listServer(t, tc.answer)
			users, err := c.ListAllUsers(context.Background(), nil)
			if err == nil {
				t.Fatalf("got %d users and no error", len(users))
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if *calls > 10 {
				t.Errorf("%d calls", *calls)
			}
		})
	}
}
