package quickhelp_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

const fullSeed = `{
	"options": {"update_keeps_omitted": true, "max_page_size": 50, "validation_body": "httperror"},
	"keys": [
		{"api_key": "secret-api-1", "subscription_key": "secret-sub-1", "partner": true, "customer_ids": [100, 201]},
		{"api_key": "secret-api-2", "subscription_key": "secret-sub-2", "customer_ids": [201]}
	],
	"customers": [{"id": 100, "name": "Partner"}],
	"roles": [{"id": "AAAAAAAA-0000-4000-8000-000000000001", "name": "User Administrator"}],
	"users": [
		{"userId": 10, "customerId": 201, "firstName": "Ada", "email": "ada@example.com", "licensed": true,
		 "confirmed": true, "bypassSso": true, "roles": ["aaaaaaaa-0000-4000-8000-000000000001"],
		 "groups": [{"id": 1, "name": "All"}], "country": "GB",
		 "sso": {"userId": "ada", "company": "C", "location": "L", "platform": "P", "customFields": [{"name": "n", "value": "v"}]}},
		{"email": "auto@example.com"}
	]
}`

func TestSeed_SnapshotRoundTrip(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	env.seed(t, fullSeed)

	// The seed's keys work, and the defaults no longer do.
	if r := env.do(t, "GET", "/User/List", "", headers{"Authorization": str("secret-api-2"), "Ocp-Apim-Subscription-Key": str("secret-sub-2")}); r.status != http.StatusOK {
		t.Fatalf("seeded key: status %d", r.status)
	}
	if r := env.do(t, "GET", "/User/List", "", nil); r.status != http.StatusUnauthorized {
		t.Fatalf("default keys after seeding: status %d, want 401", r.status)
	}

	first, err := json.Marshal(env.emu.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"secret-api", "secret-sub", "api_key", "subscription_key"} {
		if strings.Contains(string(first), secret) {
			t.Errorf("snapshot reveals %q: %s", secret, first)
		}
	}
	var snap quickhelp.SeedData
	if err := json.Unmarshal(first, &snap); err != nil {
		t.Fatal(err)
	}
	if !snap.Options.UpdateKeepsOmitted || snap.Options.MaxPageSize != 50 {
		t.Errorf("options lost: %+v", snap.Options)
	}
	if len(snap.Customers) != 2 || snap.Customers[1].ID != 201 {
		t.Errorf("customers %+v: want 100 and the referenced 201", snap.Customers)
	}
	if len(snap.Users) != 2 || snap.Users[1].UserID != 11 || snap.Users[1].CustomerID != 100 {
		t.Errorf("users %+v: the id-less user should get 11 in the first key's customer", snap.Users)
	}
	if snap.Users[0].Roles[0] != "aaaaaaaa-0000-4000-8000-000000000001" || snap.Roles[0].ID != "aaaaaaaa-0000-4000-8000-000000000001" {
		t.Errorf("role ids are not lower case: %+v %+v", snap.Users[0].Roles, snap.Roles)
	}

	// Seeding the snapshot gives the same snapshot; the keys, which it does
	// not carry, become the derived defaults.
	env.seed(t, string(first))
	second, err := json.Marshal(env.emu.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	if string(first) != string(second) {
		t.Errorf("round trip changed the data:\n first %s\nsecond %s", first, second)
	}
	if r := env.do(t, "GET", "/User/List", "", nil); r.status != http.StatusOK {
		t.Errorf("first key after reseeding from a snapshot: status %d, want the defaults to work", r.status)
	}
	if r := env.do(t, "GET", "/User/List", "", headers{"Authorization": str(quickhelp.DefaultAPIKey + "-2"), "Ocp-Apim-Subscription-Key": str(quickhelp.DefaultSubscriptionKey + "-2")}); r.status != http.StatusOK {
		t.Errorf("second key after reseeding from a snapshot: status %d", r.status)
	}
}

func TestSeed_Defaults(t *testing.T) {
	for _, doc := range []string{"", "null", "{}"} {
		env := newEnv(t, quickhelp.Options{})
		env.emu.AddUser(quickhelp.User{Email: "gone@example.com"})
		env.seed(t, doc)
		if n := len(env.emu.Users()); n != 0 {
			t.Errorf("seed %q: %d users, want 0", doc, n)
		}
		if r := env.do(t, "GET", "/User/List", "", nil); r.status != http.StatusOK {
			t.Errorf("seed %q: default keys give %d", doc, r.status)
		}
		snap := snapshot(t, env.emu)
		if len(snap.Roles) != len(quickhelp.DefaultRoles()) || len(snap.Keys) != 1 || snap.Keys[0].CustomerIDs[0] != quickhelp.DefaultCustomerID {
			t.Errorf("seed %q: snapshot %+v", doc, snap)
		}
	}
}

func TestSeed_OptionsKeepClock(t *testing.T) {
	clk := newClock()
	env := newEnv(t, quickhelp.Options{Now: clk.Now})
	env.seed(t, `{"options":{"rate_limit_calls":1,"rate_limit_period_seconds":30}}`)
	env.do(t, "GET", "/User/List", "", nil)
	clk.advance(10e9)
	r := env.do(t, "GET", "/User/List", "", nil)
	if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") != "20" {
		t.Errorf("status %d Retry-After %q, want 429 and 20 from the injected clock", r.status, r.header.Get("Retry-After"))
	}
}

func TestSeed_Errors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"unknown field", `{"userz":[]}`, "unknown field"},
		{"unknown user field", `{"users":[{"mail":"x"}]}`, "unknown field"},
		{"unknown role", `{"users":[{"userId":1,"roles":["00000000-0000-0000-0000-000000000000"]}]}`, "roles[0]"},
		{"role id not a GUID", `{"roles":[{"id":"admin","name":"Admin"}]}`, "not a GUID"},
		{"duplicate user", `{"users":[{"userId":1},{"userId":1}]}`, "listed twice"},
		{"customer key with two customers", `{"keys":[{"api_key":"a","subscription_key":"s","customer_ids":[1,2]}]}`, "exactly one"},
		{"key without customers", `{"keys":[{"api_key":"a","subscription_key":"s"}]}`, "customer_ids"},
		{"duplicate api key", `{"keys":[{"api_key":"a","customer_ids":[1]},{"api_key":"a","customer_ids":[2]}]}`, "earlier key"},
		{"bad validation body", `{"options":{"validation_body":"xml"}}`, "validation_body"},
		{"negative option", `{"options":{"quota_calls":-1}}`, "quota_calls"},
		{"user id beyond int32", `{"users":[{"userId":2147483648}]}`, "userId"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := quickhelp.New(quickhelp.Options{})
			e.AddUser(quickhelp.User{Email: "kept@example.com"})
			err := e.Seed(json.RawMessage(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to mention %q", err, tt.want)
			}
			if len(e.Users()) != 1 {
				t.Error("a rejected seed changed the data")
			}
		})
	}
}
