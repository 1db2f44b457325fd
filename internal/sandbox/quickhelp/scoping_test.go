package quickhelp_test

import (
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

// partnerSeed has a partner (own account 100, managing 201 and 202), a
// customer key of 201, and a customer 300 nobody here manages.
const partnerSeed = `{
	"keys": [
		{"api_key": "partner-key", "subscription_key": "partner-sub", "partner": true, "customer_ids": [100, 201, 202]},
		{"api_key": "c201-key", "subscription_key": "c201-sub", "customer_ids": [201]}
	],
	"customers": [{"id": 100, "name": "Partner"}, {"id": 201, "name": "Alpha"}, {"id": 202, "name": "Beta"}, {"id": 300, "name": "Other"}],
	"users": [
		{"userId": 1, "customerId": 100, "email": "p1@partner.example"},
		{"userId": 2, "customerId": 201, "email": "a2@alpha.example"},
		{"userId": 3, "customerId": 201, "email": "a3@alpha.example"},
		{"userId": 4, "customerId": 202, "email": "b4@beta.example"},
		{"userId": 5, "customerId": 300, "email": "o5@other.example"}
	]
}`

var (
	asPartner = headers{"Authorization": str("partner-key"), "Ocp-Apim-Subscription-Key": str("partner-sub")}
	asAlpha   = headers{"Authorization": str("c201-key"), "Ocp-Apim-Subscription-Key": str("c201-sub")}
)

func TestScoping_List(t *testing.T) {
	tests := []struct {
		name      string
		opts      quickhelp.Options
		hdr       headers
		query     string
		wantIDs   []int
		wantError string // field of a 400
	}{
		{"partner's own account by default", quickhelp.Options{}, asPartner, "", []int{1}, ""},
		{"partner picks one customer", quickhelp.Options{}, asPartner, "?customerIds=201", []int{2, 3}, ""},
		{"partner picks several", quickhelp.Options{}, asPartner, "?customerIds=202&customerIds=100&customerIds=201", []int{1, 2, 3, 4}, ""},
		{"paging spans the picked customers", quickhelp.Options{}, asPartner, "?customerIds=201&customerIds=202&pageSize=2&page=2", []int{4}, ""},
		{"customer it does not manage", quickhelp.Options{}, asPartner, "?customerIds=201&customerIds=300", nil, "customerIds"},
		{"customer that does not exist", quickhelp.Options{}, asPartner, "?customerIds=999", nil, "customerIds"},
		{"comma-separated ids", quickhelp.Options{}, asPartner, "?customerIds=201,202", nil, "customerIds"},
		{"customer key sees its own users", quickhelp.Options{}, asAlpha, "", []int{2, 3}, ""},
		{"customer key may not name customers", quickhelp.Options{}, asAlpha, "?customerIds=201", nil, "customerIds"},
		{"kinder reading ignores them", quickhelp.Options{CustomerKeysIgnoreCustomerID: true}, asAlpha, "?customerIds=202", []int{2, 3}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t, tt.opts)
			env.seed(t, partnerSeed)
			if tt.wantError != "" {
				got := modelStateKeys(t, env.do(t, "GET", "/User/List"+tt.query, "", tt.hdr))
				if _, ok := got[tt.wantError]; !ok {
					t.Errorf("fields %v, want %q", got, tt.wantError)
				}
				return
			}
			if got := ids(env.list(t, tt.query, tt.hdr)); !reflect.DeepEqual(got, tt.wantIDs) {
				t.Errorf("ids %v, want %v", got, tt.wantIDs)
			}
		})
	}
}

func TestScoping_Update(t *testing.T) {
	tests := []struct {
		name      string
		hdr       headers
		body      string
		wantField string // "" for 200
		wantFrag  string
	}{
		{"partner names the customer", asPartner, `{"customerId":201,"userId":2,"email":"a2@alpha.example"}`, "", ""},
		{"partner's own account without customerId", asPartner, `{"userId":1,"email":"p1@partner.example"}`, "", ""},
		{"customerId 0 is the own account", asPartner, `{"customerId":0,"userId":1,"email":"p1@partner.example"}`, "", ""},
		{"partner without customerId", asPartner, `{"userId":2,"email":"a2@alpha.example"}`, "userId", "does not exist"},
		{"partner with the wrong customer", asPartner, `{"customerId":202,"userId":2,"email":"a2@alpha.example"}`, "userId", "does not exist"},
		{"partner with a customer it does not manage", asPartner, `{"customerId":300,"userId":5,"email":"o5@other.example"}`, "customerId", "Customer with id 300 does not exist."},
		{"customer key, own user", asAlpha, `{"userId":3,"email":"a3@alpha.example"}`, "", ""},
		{"customer key, another customer's user", asAlpha, `{"userId":4,"email":"b4@beta.example"}`, "userId", "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t, quickhelp.Options{})
			env.seed(t, partnerSeed)
			r := env.do(t, "POST", "/User/Update", tt.body, tt.hdr)
			if tt.wantField == "" {
				if r.status != http.StatusOK {
					t.Fatalf("status %d: %s", r.status, r.body)
				}
				return
			}
			got := modelStateKeys(t, r)
			if !strings.Contains(got[tt.wantField], tt.wantFrag) {
				t.Errorf("fields %v, want %q to say %q", got, tt.wantField, tt.wantFrag)
			}
		})
	}
}

func TestScoping_Delete(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	env.seed(t, partnerSeed)
	got := modelStateKeys(t, env.do(t, "POST", "/User/Delete", `{"users":[{"userId":4,"email":"b4@beta.example"}]}`, asPartner))
	if !strings.Contains(got["users[0].userId"], "does not exist") {
		t.Errorf("delete outside the own account without customerId: %v", got)
	}
	r := env.do(t, "POST", "/User/Delete", `{"customerId":202,"users":[{"userId":4,"email":"b4@beta.example"}]}`, asPartner)
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if n := len(env.emu.Users()); n != 4 {
		t.Errorf("%d users left, want 4", n)
	}
}
