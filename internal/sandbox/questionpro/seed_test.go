package questionpro

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

const customSeed = `{
  "options": {"allow_legacy_auth": true, "key_rate_limit": 300, "org_rate_limit": 2400, "rate_window": "30s", "merge_on_update": true},
  "api_keys": [
    {"key": "alpha-admin-key", "organization_id": 10, "user_id": 100, "admin": true},
    {"key": "alpha-member-key", "organization_id": 10, "user_id": 101, "admin": false}
  ],
  "organizations": [{"id": 10, "name": "Alpha", "license": "Research Edition"}],
  "departments": [{"id": 20, "organization_id": 10, "name": "Lab", "primary_account_id": 100}],
  "users": [
    {"userID": 100, "departmentID": 20, "organizationID": 10, "firstName": "Al", "lastName": "Pha",
     "emailAddress": "al@alpha.example", "phone": "(US)+1 555 0100", "licenseType": "Enterprise Annual",
     "licenseStartDate": "2023-05-01", "creationDate": "2023-05-02", "userType": "License", "password": "hunter2-secret"},
    {"userID": 101, "organizationID": 10, "emailAddress": "member@alpha.example", "password": "member-secret"}
  ]
}`

func TestSeedAndSnapshot(t *testing.T) {
	h := newHarness(t, Options{})
	if err := h.e.Seed(json.RawMessage(customSeed)); err != nil {
		t.Fatal(err)
	}

	// Options came from the seed; the clock stayed.
	h.call("GET", "/users/100?apiKey=alpha-admin-key", "", nil).wantOK(t)
	if h.e.opts.Clock == nil || h.e.opts.RateWindow != 30*time.Second {
		t.Errorf("options after seed: %+v", h.e.opts)
	}
	// The old data is gone.
	h.call("GET", "/users/3001", DefaultAPIKey, nil).wantError(t, 401, 1010, "UNAUTHORIZED")
	if h.e.Password(100) != "hunter2-secret" {
		t.Errorf("seeded password not stored")
	}
	// Missing user fields got the defaults; the primary user came from the admin key.
	u, _ := h.e.User(101)
	if u.UserType != "License" || u.LicenseType != defaultLicenseType || u.CreationDate != "2025-03-14" {
		t.Errorf("defaults not filled: %+v", u)
	}
	org := h.call("GET", "/organizations/10", "alpha-admin-key", nil)
	if r := org.response(t); num(r, "primaryAccountID") != 100 || r["primaryAccountUsername"] != "al@alpha.example" ||
		r["license"] != "Research Edition" || num(r, "userCount") != 2 {
		t.Errorf("organization %s", org.raw)
	}

	snap, err := json.Marshal(h.e.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"alpha-admin-key", "alpha-member-key", "hunter2", "member-secret", `"key"`, `"password"`} {
		if strings.Contains(string(snap), secret) {
			t.Errorf("snapshot reveals %s: %s", secret, snap)
		}
	}
	for _, want := range []string{`"rate_window":"30s"`, `"allow_legacy_auth":true`, `"user_id":101`, `"phone":"(US)+1 555 0100"`} {
		if !strings.Contains(string(snap), want) {
			t.Errorf("snapshot lacks %s: %s", want, snap)
		}
	}

	// The snapshot seeds an emulator with the same data (keys grant nothing).
	other := New(Options{Clock: h.clock.Now})
	if err := other.Seed(snap); err != nil {
		t.Fatalf("re-seeding the snapshot: %v", err)
	}
	if !reflect.DeepEqual(other.Snapshot(), h.e.Snapshot()) {
		t.Errorf("round trip differs:\n%+v\n%+v", other.Snapshot(), h.e.Snapshot())
	}
	if len(other.keys) != 0 {
		t.Errorf("keyless snapshot entries granted %d keys", len(other.keys))
	}
}

func TestSeedAfterAPIChanges(t *testing.T) {
	h := newHarness(t, Options{})
	id := h.createUser(map[string]any{"emailAddress": "new@example.com", "password": "pw-secret-1"})
	h.call("POST", "/organizations/1001/departments", DefaultAPIKey, map[string]any{"name": "Sales"}).wantOK(t)
	snap, _ := json.Marshal(h.e.Snapshot())
	if strings.Contains(string(snap), "pw-secret-1") || strings.Contains(string(snap), DefaultAPIKey) {
		t.Fatalf("snapshot reveals a secret: %s", snap)
	}
	var data SeedData
	if err := json.Unmarshal(snap, &data); err != nil {
		t.Fatal(err)
	}
	if len(data.Users) != 4 || data.Users[3].UserID != id || len(data.Departments) != 4 || len(data.APIKeys) != 3 {
		t.Errorf("snapshot %s", snap)
	}
}

func TestSeedDefault(t *testing.T) {
	h := newHarness(t, Options{})
	h.e.DeleteUserHard(DefaultViewerUserID)
	for _, raw := range []string{"", "null", "  "} {
		if err := h.e.Seed(json.RawMessage(raw)); err != nil {
			t.Fatalf("Seed(%q): %v", raw, err)
		}
		if _, ok := h.e.User(DefaultViewerUserID); !ok {
			t.Errorf("Seed(%q) did not restore the default data", raw)
		}
	}
	var data SeedData
	if err := json.Unmarshal(DefaultSeed(), &data); err != nil || len(data.APIKeys) != 3 || data.APIKeys[0].Key != DefaultAPIKey {
		t.Errorf("DefaultSeed: %v %+v", err, data)
	}
	def := data.APIKeys[0]
	if def.OrganizationID != DefaultOrganizationID || def.UserID != DefaultAdminUserID || !def.Admin {
		t.Errorf("default key %+v", def)
	}
}

func TestSeedErrors(t *testing.T) {
	org := `"organizations":[{"id":1,"name":"O"}]`
	tests := []struct{ name, seed, want string }{
		{"not JSON", `{`, "unexpected EOF"},
		{"unknown top-level key", `{"userz":[]}`, "userz"},
		{"unknown option", `{"options":{"allow_legacy":true}}`, "allow_legacy"},
		{"bad window", `{"options":{"rate_window":"soon"}}`, "rate_window"},
		{"negative limit", `{"options":{"key_rate_limit":-1}}`, "negative"},
		{"trailing data", `{} {}`, "after the JSON value"},
		{"duplicate organization", `{"organizations":[{"id":1},{"id":1}]}`, "duplicate id"},
		{"user without organization", `{` + org + `,"users":[{"userID":5,"organizationID":2,"emailAddress":"a@b.c"}]}`, "organizationID 2"},
		{"user without email", `{` + org + `,"users":[{"userID":5,"organizationID":1}]}`, "emailAddress is required"},
		{"duplicate email", `{` + org + `,"users":[{"userID":5,"organizationID":1,"emailAddress":"a@b.c"},{"userID":6,"organizationID":1,"emailAddress":"A@b.c"}]}`, "already used"},
		{"unknown user field", `{` + org + `,"users":[{"userID":5,"organizationID":1,"emailAddress":"a@b.c","email":"x"}]}`, "email"},
		{"user in missing department", `{` + org + `,"users":[{"userID":5,"organizationID":1,"departmentID":9,"emailAddress":"a@b.c"}]}`, "departmentID 9"},
		{"department without organization", `{` + org + `,"departments":[{"id":9,"organization_id":3,"name":"D"}]}`, "organization_id 3"},
		{"key for missing user", `{` + org + `,"api_keys":[{"key":"k","organization_id":1,"user_id":77}]}`, "user_id 77"},
		{"duplicate key", `{` + org + `,"api_keys":[{"key":"k","organization_id":1},{"key":"k","organization_id":1}]}`, "duplicate key"},
		{"primary not a user", `{"organizations":[{"id":1,"name":"O","primary_account_id":5}]}`, "primary_account_id 5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, Options{})
			err := h.e.Seed(json.RawMessage(tt.seed))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Seed error %v, want one mentioning %q", err, tt.want)
			}
			// A failed seed changes nothing.
			h.call("GET", "/users/3001", DefaultAPIKey, nil).wantOK(t)
		})
	}
}

func TestOptionsJSON(t *testing.T) {
	in := Options{AllowLegacyAuth: true, KeyRateLimit: 300, OrgRateLimit: 2400, RateWindow: time.Minute,
		CallAllowance: 500, MaxPerPage: 50, ErrorIDAsString: true, Clock: time.Now}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out Options
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	in.Clock = nil
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip %s: %+v != %+v", b, out, in)
	}
	if b, _ := json.Marshal(Options{}); string(b) != "{}" {
		t.Errorf("zero options marshal to %s", b)
	}
}
