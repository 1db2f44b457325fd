// Package qacomplete emulates the user API of SmartBear QAComplete REST API
// v1, written from the vendor document (vendor-apis/qacomplete-api.md) alone:
// it shares no code or wire structs with the provider's client, so a field
// name both got wrong shows up as a failing test instead of hiding.
//
// Where the document is silent the emulator takes the least forgiving reading
// and marks it "[I]" (inferred) or "[?]" (unknown in the document) next to
// the code; Options offers the kinder readings where one exists.
package qacomplete

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// VendorName is the emulator's mount name in the sandbox.
const VendorName = "qacomplete"

// APIBasePath is where QAComplete serves REST API v1 on a real host (§1).
const APIBasePath = "/rest-api/service/api/v1"

// firstUserID is the id of the first user the emulator creates: the id in
// the document's samples (§4.1).
const firstUserID = 24793

// Options switches the emulator between readings of the document where it is
// silent. The zero value is the least forgiving reading.
type Options struct {
	// PutClearsCreateOnly makes PUT also reset TimeZone, CompanyName and
	// Custom1..10, which RequestUserPut does not carry.
	// [?] qacomplete-api.md §5.1.4: whether a PUT resets them is unknown; by
	// default they are kept.
	PutClearsCreateOnly bool `json:"put_clears_create_only,omitempty"`

	// ReturnCreateOnlyFields adds time_zone and custom1..custom10 to user
	// objects. [?] qacomplete-api.md §4.2/§7: no sample ever showed them, so
	// by default they are stored but never returned.
	ReturnCreateOnlyFields bool `json:"return_create_only_fields,omitempty"`

	// StrictPatch rejects a PATCH that lacks FirstName, LastName or Email.
	// [D] qacomplete-api.md §5.1.5: the PATCH page both keeps omitted
	// properties and marks those three "required"; by default a partial
	// body is accepted.
	StrictPatch bool `json:"strict_patch,omitempty"`

	// EmailFilter is how GET /depts/{DeptId}/users treats a filter that
	// names Email: "rejected" (the zero value, "" reads the same) answers
	// 400 as for an unknown field, "ignored" answers the unfiltered list,
	// "applied" filters. [I] qacomplete-api.md §3 "Field-name casing": the
	// filterable user fields are "presumably" the Persons columns, Email
	// among them, which is unconfirmed; a server that drops a filter it
	// cannot use is not excluded either.
	EmailFilter string `json:"email_filter,omitempty"`

	// WriteAnswer is what a successful POST, PUT or PATCH of a user answers:
	// "empty" (the zero value, "" reads the same) is 200 with no body, as
	// DELETE documents; "object" is 200 with the user object; "created" is
	// 201 with the user object for POST and 200 with it for PUT and PATCH.
	// [I] qacomplete-api.md §5.1.2, §5.1.4, §5.1.5 and §7: the response
	// sections of these pages are cut off.
	WriteAnswer string `json:"write_answer,omitempty"`
}

// EmailFilter and WriteAnswer values.
const (
	EmailFilterRejected = "rejected"
	EmailFilterIgnored  = "ignored"
	EmailFilterApplied  = "applied"

	WriteAnswerEmpty   = "empty"
	WriteAnswerObject  = "object"
	WriteAnswerCreated = "created"
)

// validate rejects a value no reading names, so a typo in a seed fails
// instead of silently selecting the default.
func (o Options) validate() error {
	switch o.EmailFilter {
	case "", EmailFilterRejected, EmailFilterIgnored, EmailFilterApplied:
	default:
		return fmt.Errorf("emulator options: email_filter %q is not one of %q, %q, %q", o.EmailFilter, EmailFilterRejected, EmailFilterIgnored, EmailFilterApplied)
	}
	switch o.WriteAnswer {
	case "", WriteAnswerEmpty, WriteAnswerObject, WriteAnswerCreated:
	default:
		return fmt.Errorf("emulator options: write_answer %q is not one of %q, %q, %q", o.WriteAnswer, WriteAnswerEmpty, WriteAnswerObject, WriteAnswerCreated)
	}
	return nil
}

// Emulator is the QAComplete user API. Its data lives in plain maps behind
// one mutex; the exported helpers change it behind a client's back.
type Emulator struct {
	mu       sync.Mutex
	opts     Options
	accounts []Account
	depts    map[int]*Department
	users    map[int]*record
	nextID   int
	now      func() time.Time
}

var _ sandbox.Emulator = (*Emulator)(nil)

// New returns an emulator holding the default accounts and departments and no
// users.
func New(opts Options) *Emulator {
	e := &Emulator{opts: opts, now: time.Now}
	e.reset(defaultAccounts(), defaultDepartments(), nil)
	return e
}

// Name is the sandbox mount name, "qacomplete".
func (e *Emulator) Name() string { return VendorName }

// BasePath is QAComplete's API root on a real host.
func (e *Emulator) BasePath() string { return APIBasePath }

// Routes registers the operations of qacomplete-api.md §5.1 and §5.4.
// Project users (§5.2) and security groups (§5.3) are not emulated: the
// provider does not call them.
func (e *Emulator) Routes(mux *http.ServeMux) {
	// §5.4 Departments: any authenticated account.
	mux.HandleFunc("GET /depts", e.authenticated(e.listDepartments))
	mux.HandleFunc("GET /depts/{DeptId}", e.authenticated(e.getDepartment))

	// §5.1 Users in a department: administrators only (§1 Rights).
	mux.HandleFunc("GET /depts/{DeptId}/users", e.administrator(e.listUsers))
	mux.HandleFunc("POST /depts/{DeptId}/users", e.administrator(e.createUser))
	mux.HandleFunc("GET /depts/{DeptId}/users/{UserId}", e.administrator(e.getUser))
	mux.HandleFunc("PUT /depts/{DeptId}/users/{UserId}", e.administrator(e.putUser))
	mux.HandleFunc("PATCH /depts/{DeptId}/users/{UserId}", e.administrator(e.patchUser))
	mux.HandleFunc("DELETE /depts/{DeptId}/users/{UserId}", e.administrator(e.deleteUser))
}

// Options returns the switches in force.
func (e *Emulator) Options() Options {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.opts
}

// SetOptions changes the switches at run time; the data is kept.
func (e *Emulator) SetOptions(opts Options) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.opts = opts
}

// SetClock replaces the clock behind date_created and date_updated, so tests
// can pin or step time.
func (e *Emulator) SetClock(now func() time.Time) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.now = now
}

// reset replaces all data; callers hold e.mu or own e exclusively.
func (e *Emulator) reset(accounts []Account, depts []Department, users []record) {
	e.accounts = accounts
	e.depts = make(map[int]*Department, len(depts))
	for _, d := range depts {
		e.depts[d.ID] = &d
	}
	e.users = make(map[int]*record, len(users))
	e.nextID = firstUserID
	for _, u := range users {
		stored := u.clone()
		e.users[u.ID] = &stored
		e.nextID = max(e.nextID, u.ID+1)
	}
}

// MergeOptions replaces the options raw names and keeps the others; see
// sandbox.Emulator.
func (e *Emulator) MergeOptions(raw json.RawMessage) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	merged, err := sandbox.MergedOptions(e.opts, raw, Options.validate)
	if err != nil {
		return err
	}
	e.opts = merged
	return nil
}
