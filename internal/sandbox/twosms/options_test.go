package twosms

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// ReturnPinOnRead shows the stored PIN on GET and in the list, a user
// without one still reads null, the password stays null, and the mask wins
// when both options are set.
func TestReturnPinOnRead(t *testing.T) {
	h := newHarness(t, Options{ReturnPinOnRead: true}, fixture)
	tok := h.adminToken()
	bob := h.getUser(tok, idBob)
	if bob["Pin"] != "4321" || bob["Password"] != nil {
		t.Errorf("bob's Pin %v and Password %v, want 4321 and null", bob["Pin"], bob["Password"])
	}
	if alice := h.getUser(tok, idAlice); alice["Pin"] != nil {
		t.Errorf("alice has no PIN, read %v", alice["Pin"])
	}
	list := h.api("GET", "/api/v1/admin/users", tok, "")
	if !strings.Contains(list.Body.String(), `"Pin":"4321"`) {
		t.Errorf("the list does not carry bob's PIN: %s", list.Body)
	}

	if err := h.e.MergeOptions([]byte(`{"mask_secrets_on_read": true}`)); err != nil {
		t.Fatal(err)
	}
	if bob := h.getUser(tok, idBob); bob["Pin"] != maskedSecret {
		t.Errorf("with both options the PIN reads %v, want the mask", bob["Pin"])
	}
}

var notFoundWords = regexp.MustCompile(`(?i)not[\s_-]*found`)

// NotFoundAnswer: the opaque form keeps the envelope error but never says
// "not found"; the empty form is a success with a null Detail; both follow
// NotFoundStatus, and the account lookup answers the same way.
func TestNotFoundAnswer(t *testing.T) {
	tests := []struct {
		name       string
		opts       Options
		wantStatus int
		wantCode   string
		wantResult string
	}{
		{"opaque on 200", Options{NotFoundAnswer: NotFoundOpaque}, 200, codeOpaqueMissing, resultFailure},
		{"opaque on 404", Options{NotFoundAnswer: NotFoundOpaque, NotFoundStatus: 404}, 404, codeOpaqueMissing, resultFailure},
		{"empty on 200", Options{NotFoundAnswer: NotFoundEmpty}, 200, "", resultSuccess},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.opts, fixture)
			tok := h.adminToken()
			for _, path := range []string{
				"/api/v1/admin/users/" + idMissing,
				"/api/v1/UserAdminAPI/GetAllUsers?accountID=" + idMissing,
			} {
				rec := h.api("GET", path, tok, "")
				if rec.Code != tt.wantStatus {
					t.Fatalf("%s: status %d, want %d", path, rec.Code, tt.wantStatus)
				}
				env := decodeEnvelope(t, rec)
				if env.code() != tt.wantCode || env.ResponseData == nil || env.ResponseData.Result != tt.wantResult || string(env.ResponseData.Detail) != "null" {
					t.Errorf("%s: %s", path, rec.Body)
				}
				if notFoundWords.MatchString(env.code() + " " + env.reason()) {
					t.Errorf("%s: the answer says not found: %s", path, rec.Body)
				}
			}
			put := h.api("PUT", "/api/v1/admin/users/"+idMissing, tok, putBody(t, wireMap(t, h.e, idBob), nil))
			if put.Code != tt.wantStatus || decodeEnvelope(t, put).code() != tt.wantCode {
				t.Errorf("PUT of an unknown user: %d %s", put.Code, put.Body)
			}
		})
	}
}

// A not_found_answer the emulator has no reading for is refused, by
// MergeOptions and by a seed, and leaves the options as they were.
func TestNotFoundAnswerRejectsUnknownForms(t *testing.T) {
	e := New(Options{})
	if err := e.MergeOptions([]byte(`{"not_found_answer": "silent"}`)); err == nil {
		t.Fatal("MergeOptions accepted an unknown not_found_answer")
	}
	if e.opts.NotFoundAnswer != "" {
		t.Errorf("a refused merge changed the option to %q", e.opts.NotFoundAnswer)
	}
	if err := e.Seed(json.RawMessage(`{"options": {"not_found_answer": "silent"}}`)); err == nil {
		t.Fatal("a seed with an unknown not_found_answer was accepted")
	}
}
