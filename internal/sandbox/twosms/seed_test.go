package twosms

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// secrets are every secret the fixture holds; none may leave in a Snapshot.
var secrets = []string{"admin-secret", "plain-secret", "account-secret", "bob-password", "4321", "client_secret", `"Password"`, `"Pin"`}

func snapshotJSON(t *testing.T, e *Emulator) string {
	t.Helper()
	b, err := json.Marshal(e.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDefaultSeed(t *testing.T) {
	e := New(Options{})
	users := e.Users()
	if len(users) != 1 || users[0].ID != DefaultAdminID || !users[0].AdminUser || users[0].AccountID != DefaultAccountID ||
		users[0].LanguageID != DefaultLanguageID || users[0].TimeZone != DefaultTimeZone {
		t.Errorf("default users %+v", users)
	}
	snap := snapshotJSON(t, e)
	if strings.Contains(snap, DefaultClientSecret) {
		t.Errorf("snapshot reveals the default secret: %s", snap)
	}
	if !strings.Contains(snap, `{"client_id":"sandbox-twosms-client","user_id":"`+DefaultAdminID+`"}`) {
		t.Errorf("snapshot clients: %s", snap)
	}
	// An empty or null seed is the default seed.
	for _, raw := range []string{"", "null", "{}"} {
		if err := e.Seed(json.RawMessage(raw)); err != nil {
			t.Errorf("Seed(%q): %v", raw, err)
		}
		if got := snapshotJSON(t, e); got != snap {
			t.Errorf("Seed(%q) snapshot\n got %s\nwant %s", raw, got, snap)
		}
	}
}

func TestSeedSnapshot_RoundTrip(t *testing.T) {
	h := newHarness(t, Options{MergeOmittedFields: true, NotFoundStatus: 404}, fixture)
	first := snapshotJSON(t, h.e)
	for _, s := range secrets {
		if strings.Contains(first, s) {
			t.Errorf("snapshot reveals %s: %s", s, first)
		}
	}
	if !strings.Contains(first, `"options":{"merge_omitted_fields":true,"not_found_status":404}`) {
		t.Errorf("snapshot options: %s", first)
	}
	if !strings.Contains(first, `"SuperUser":true`) {
		t.Errorf("snapshot loses SuperUser: %s", first)
	}

	// Seeding the same emulator with its snapshot changes nothing, secrets
	// included.
	if err := h.e.Seed(json.RawMessage(first)); err != nil {
		t.Fatalf("Seed(snapshot): %v", err)
	}
	if second := snapshotJSON(t, h.e); second != first {
		t.Errorf("round trip\n got %s\nwant %s", second, first)
	}
	if h.e.Password(idBob) != "bob-password" || h.e.PIN(idBob) != "4321" {
		t.Errorf("secrets lost: %q %q", h.e.Password(idBob), h.e.PIN(idBob))
	}
	h.token("admin-client", "admin-secret")

	// A fresh emulator cannot guess the secrets the snapshot withholds.
	err := New(Options{}).Seed(json.RawMessage(first))
	if err == nil || !strings.Contains(err.Error(), "has no client_secret") {
		t.Errorf("fresh Seed(snapshot) = %v", err)
	}
}

func TestSeed_SnapshotMatchesSeed(t *testing.T) {
	h := newHarness(t, Options{}, fixture)
	var got SeedData
	if err := json.Unmarshal([]byte(snapshotJSON(t, h.e)), &got); err != nil {
		t.Fatal(err)
	}
	var bob *User
	for i := range got.Users {
		if got.Users[i].ID == idBob {
			bob = &got.Users[i]
		}
	}
	if bob == nil {
		t.Fatal("bob missing from the snapshot")
	}
	if bob.AccountID != acctBranch || bob.LanguageID != langFR || bob.Preferences != 3 || !bob.SSOEnabled ||
		bob.DPAVersion != "2.1" || bob.AgreementDate == nil || bob.AgreementDate.Nanosecond() != 123456700 ||
		bob.Password != "" || bob.Pin != "" {
		t.Errorf("bob %+v", bob)
	}
	wantLangs := []Language{{ID: langEN, Name: "English"}, {ID: langFR}}
	if !reflect.DeepEqual(got.Languages, wantLangs) {
		t.Errorf("languages %+v", got.Languages)
	}
	if got.Accounts[1].ID != acctBranch {
		t.Errorf("account IDs are not normalised: %+v", got.Accounts)
	}
}

func TestSeed_Options(t *testing.T) {
	h := newHarness(t, Options{}, `{"options":{"merge_omitted_fields":true,"validation_error_status":422}}`)
	tok := h.token(DefaultClientID, DefaultClientSecret).AccessToken
	rec := h.api("PUT", "/api/v1/admin/users/"+DefaultAdminID, tok, `{"DisplayName":"Renamed"}`)
	if env := decodeEnvelope(t, rec); rec.Code != 200 || env.code() != "" {
		t.Fatalf("merge PUT: %d %s", rec.Code, rec.Body)
	}
	rec = h.api("PUT", "/api/v1/admin/users/"+DefaultAdminID, tok, `{"MobilePhone":"12"}`)
	if rec.Code != 422 {
		t.Errorf("validation status %d", rec.Code)
	}
	// The clock survives a seed's options.
	if u := h.e.Users()[0]; !u.DateModified.Equal(wireTruncate(epoch)) {
		t.Errorf("DateModified %v, want the test clock's %v", u.DateModified, epoch)
	}
	// A seed without options keeps them.
	if err := h.e.Seed(json.RawMessage(`{}`)); err != nil {
		t.Fatal(err)
	}
	if !h.e.opts.MergeOmittedFields || h.e.opts.Now == nil {
		t.Errorf("options after a seed without them: %+v", h.e.opts)
	}
}

func TestSeed_Errors(t *testing.T) {
	tests := []struct {
		name string
		seed string
		want string
	}{
		{"unknown key", `{"user":[]}`, "unknown field"},
		{"unknown user field", `{"users":[{"Nickname":"x"}]}`, "unknown field"},
		{"unknown option", `{"options":{"merge":true}}`, "unknown field"},
		{"not an object", `[]`, "cannot unmarshal"},
		{"bad user ID", `{"users":[{"ID":"bob"}]}`, "is not a GUID"},
		{"duplicate user", `{"users":[{"ID":"` + idBob + `"},{"ID":"` + strings.ToUpper(idBob) + `"}]}`, "duplicate ID"},
		{"unknown account", `{"users":[{"AccountID":"` + idMissing + `"}]}`, "is not a seeded account"},
		{"no account at all", `{"accounts":[],"users":[{}]}`, "is not a seeded account"},
		{"unknown language", `{"users":[{"LanguageID":"` + idMissing + `"}]}`, "is not a seeded language"},
		{"bad account id", `{"accounts":[{"id":"main"}]}`, "is not a GUID"},
		{"duplicate language", `{"languages":["` + langEN + `","` + langEN + `"]}`, "duplicate id"},
		{"client without id", `{"clients":[{"client_secret":"s"}]}`, "client_id is empty"},
		{"duplicate client", `{"clients":[{"client_id":"c","client_secret":"s"},{"client_id":"c","client_secret":"t"}]}`, "duplicate client_id"},
		{"new client without secret", `{"clients":[{"client_id":"new"}]}`, "has no client_secret"},
		{"client user_id not a GUID", `{"clients":[{"client_id":"c","client_secret":"s","user_id":"ada"}]}`, "is not a GUID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := New(Options{})
			before := snapshotJSON(t, e)
			err := e.Seed(json.RawMessage(tt.seed))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Seed error %v, want %q", err, tt.want)
			}
			if after := snapshotJSON(t, e); after != before {
				t.Errorf("a failed seed changed the data:\n%s\n%s", before, after)
			}
		})
	}
}

func TestSeed_UnknownLanguageAllowedByOption(t *testing.T) {
	e := New(Options{})
	seed := `{"options":{"accept_unknown_languages":true},"users":[{"LanguageID":"` + idMissing + `"}]}`
	if err := e.Seed(json.RawMessage(seed)); err != nil {
		t.Fatal(err)
	}
	if got := e.Users()[0].LanguageID; got != idMissing {
		t.Errorf("LanguageID %q", got)
	}
}
