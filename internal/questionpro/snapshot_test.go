package questionpro

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

// sandboxClient is a client of an in-process sandbox whose emulator is set
// to options, with n users in the Research department.
func sandboxClient(t *testing.T, options string, n int) (*Client, *sandbox.Server, []qpsandbox.User) {
	t.Helper()
	emu := qpsandbox.New(qpsandbox.Options{})
	if err := emu.MergeOptions([]byte(options)); err != nil {
		t.Fatal(err)
	}
	srv := sandbox.NewServer(emu)
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	var users []qpsandbox.User
	for i := range n {
		users = append(users, emu.AddUser(qpsandbox.User{DepartmentID: qpsandbox.ResearchDepartmentID, EmailAddress: fmt.Sprintf("u%d@example.com", i), FirstName: "U"}))
	}
	base, err := apiclient.ParseBaseURL("QuestionPro", srv.BaseURL(vendorKey))
	if err != nil {
		t.Fatal(err)
	}
	h, err := apiclient.New(apiclient.Config{Vendor: vendorKey, BaseURL: base, Authenticate: apiKeyAuth(qpsandbox.DefaultAPIKey), DecodeError: decodeError, Hint: hint})
	if err != nil {
		t.Fatal(err)
	}
	return NewClient(h, qpsandbox.DefaultOrganizationID), srv, users
}

func routes(srv *sandbox.Server) map[string]int {
	out := map[string]int{}
	for _, r := range srv.Requests(vendorKey) {
		out[r.Route]++
	}
	return out
}

const deptListRoute = "GET /organizations/{organizationID}/departments/{departmentID}/users"

// When the department's list is refused, a burst of refreshes still
// succeeds: each user is read directly, with its own data, and the failed
// walk is not tried again for every read.
func TestRefreshBurstFallsBackWhenWalkFails(t *testing.T) {
	c, srv, users := sandboxClient(t, `{}`, 12)
	srv.SetFaults(vendorKey, sandbox.Fault{Route: deptListRoute, Status: http.StatusForbidden,
		Body: `{"response":{"error":{"name":"FORBIDDEN","httpStatusCode":403,"id":1013,"message":"no"}}}`})
	for _, u := range users {
		resp := readState(t, c, u, qpsandbox.ResearchDepartmentID)
		if resp.Diagnostics.HasError() {
			t.Fatalf("user %d: %v", u.UserID, resp.Diagnostics)
		}
		var got userResourceModel
		resp.State.Get(context.Background(), &got)
		if got.EmailAddress.ValueString() != u.EmailAddress {
			t.Fatalf("user %d read as %s", u.UserID, got.EmailAddress)
		}
	}
	r := routes(srv)
	if r["GET /users/{userID}"] != len(users) || r[deptListRoute] != 1 {
		t.Fatalf("want %d direct reads and one refused walk, got %v", len(users), r)
	}
}

// The same burst with the list answering is served from one walk.
func TestRefreshBurstServedFromWalk(t *testing.T) {
	c, srv, users := sandboxClient(t, `{}`, 12)
	for _, u := range users {
		if resp := readState(t, c, u, qpsandbox.ResearchDepartmentID); resp.Diagnostics.HasError() {
			t.Fatalf("user %d: %v", u.UserID, resp.Diagnostics)
		}
	}
	r := routes(srv)
	if r["GET /users/{userID}"] != apiclient.DefaultSnapshotConfig.Burst-1 || r[deptListRoute] != 1 {
		t.Fatalf("want %d direct reads and one walk, got %v", apiclient.DefaultSnapshotConfig.Burst-1, r)
	}
}

// The user data source by id is served from the organization-wide list
// only where that list reports departments: its 0 may mean "not reported".
func TestOrganizationSnapshotServesOnlyReportedDepartments(t *testing.T) {
	for _, tc := range []struct {
		options string
		served  int
	}{
		{`{"org_list_department_ids": false}`, 0},
		{`{"org_list_department_ids": true}`, 12 - (apiclient.DefaultSnapshotConfig.Burst - 1)},
	} {
		t.Run(tc.options, func(t *testing.T) {
			c, _, users := sandboxClient(t, tc.options, 12)
			served := 0
			for _, u := range users {
				got, ok := c.snapshotUserInOrganization(context.Background(), qpsandbox.DefaultOrganizationID, int64(u.UserID))
				if ok {
					served++
					if got.DepartmentID != qpsandbox.ResearchDepartmentID || got.EmailAddress != u.EmailAddress {
						t.Fatalf("served %+v for %+v", got, u)
					}
				}
			}
			if served != tc.served {
				t.Fatalf("served %d reads, want %d", served, tc.served)
			}
		})
	}
}

// fakeList answers list pages from a function of page and perPage.
type fakeList struct {
	mu    sync.Mutex
	calls []string
	page  func(page, perPage int) (int, string)
}

func (f *fakeList) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	perPage, _ := strconv.Atoi(r.URL.Query().Get("perPage"))
	f.mu.Lock()
	f.calls = append(f.calls, fmt.Sprintf("%d/%d", page, perPage))
	f.mu.Unlock()
	status, body := f.page(page, perPage)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = fmt.Fprint(w, body)
}

func listClient(t *testing.T, page func(page, perPage int) (int, string)) (*Client, *fakeList) {
	t.Helper()
	f := &fakeList{page: page}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	base, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	h, err := apiclient.New(apiclient.Config{Vendor: vendorKey, BaseURL: base, DecodeError: decodeError, Hint: hint, MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	return NewClient(h, 1), f
}

// listPage is a page of users ids (of organization 1, department dept)
// with a pagination block.
func listPage(page, perPage, total, totalPages, dept int, ids ...int) string {
	users := make([]map[string]any, 0, len(ids))
	for _, id := range ids {
		users = append(users, map[string]any{"userID": id, "organizationID": 1, "departmentID": dept, "emailAddress": fmt.Sprintf("u%d@example.com", id)})
	}
	b, _ := json.Marshal(map[string]any{"response": users, "pagination": map[string]any{"perPage": perPage, "totalItems": total, "currentPage": page, "totalPages": totalPages}})
	return string(b)
}

func TestListAllUsersChecksTheWalk(t *testing.T) {
	const dept = 5
	cases := []struct {
		name  string
		page  func(page, perPage int) (int, string)
		err   string
		users int
		calls string
	}{
		{"two pages at the size used", func(p, _ int) (int, string) {
			return 200, listPage(p, 2, 3, 2, dept, []int{2*p - 1, 2 * p}[:3-p]...)
		}, "", 3, "1/1000 2/1000"},
		{"short of the total", func(p, _ int) (int, string) { return 200, listPage(p, 2, 5, 2, dept, 2*p-1, 2*p) }, "short of the 5 it claimed", 0, ""},
		{"empty page before the end", func(p, _ int) (int, string) {
			if p == 2 {
				return 200, listPage(p, 2, 4, 2, dept)
			}
			return 200, listPage(p, 2, 4, 2, dept, 1, 2)
		}, "short of the 4 it claimed", 0, ""},
		{"a page repeated", func(p, _ int) (int, string) { return 200, listPage(p, 2, 4, 2, dept, 1, 2) }, "same users as page 1", 0, ""},
		{"another page than asked", func(int, int) (int, string) { return 200, listPage(1, 2, 4, 2, dept, 1, 2) }, "with page 1", 0, ""},
		{"another department", func(p, _ int) (int, string) { return 200, listPage(p, 2, 2, 1, dept+1, 1, 2) }, "of department 6, not 5", 0, ""},
		{"no pagination block", func(int, int) (int, string) { return 200, `{"response":[]}` }, "without the documented list", 0, ""},
		{"null response", func(int, int) (int, string) { return 200, `{"response":null,"pagination":{"totalPages":0}}` }, "without the documented list", 0, ""},
		{"pages past the claimed total", func(p, _ int) (int, string) { return 200, listPage(p, 1, 2, 1000, dept, p) }, "went past page 4", 0, ""},
		{"perPage 1000 refused", func(p, perPage int) (int, string) {
			if perPage > 100 {
				return 400, `{"response":{"error":{"name":"BAD_REQUEST","httpStatusCode":400,"id":1003,"message":"perPage"}}}`
			}
			return 200, listPage(p, 100, 1, 1, dept, 1)
		}, "", 1, "1/1000 1/100"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, f := listClient(t, tc.page)
			users, err := c.ListAllUsers(context.Background(), 1, dept)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), "questionpro.base_url") {
					t.Fatalf("err = %v, want one containing %q and naming base_url", err, tc.err)
				}
				return
			}
			if err != nil || len(users) != tc.users {
				t.Fatalf("got %d users, %v; want %d", len(users), err, tc.users)
			}
			if got := strings.Join(f.calls, " "); got != tc.calls {
				t.Fatalf("pages asked for %q, want %q", got, tc.calls)
			}
		})
	}
}

// readState runs the resource's Read of u, recorded in state with the
// department dept, through c.
func readState(t *testing.T, c *Client, u qpsandbox.User, dept int) *resource.ReadResponse {
	t.Helper()
	ctx := context.Background()
	r := &UserResource{conn: providerdata.ConnWith(vendorKey, "saas_questionpro_user", c)}
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	model := userResourceModel{
		ID:        types.StringValue(strconv.Itoa(u.UserID)),
		userModel: flattenUser(&User{UserID: int64(u.UserID), OrganizationID: int64(u.OrganizationID), DepartmentID: int64(dept), EmailAddress: "stale@example.com"}),
		Password:  types.StringNull(), PasswordWO: types.StringNull(), PasswordWOVersion: types.Int64Null(),
		OnDestroy: types.StringValue(OnDestroyDelete), AdoptExisting: types.BoolValue(false),
		Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "read": types.StringType, "update": types.StringType, "delete": types.StringType})},
	}
	if d := state.Set(ctx, &model); d.HasError() {
		t.Fatal(d)
	}
	resp := &resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, resp)
	return resp
}
