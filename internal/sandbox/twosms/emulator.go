package twosms

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// Options are the emulator's switches. The zero value is the least forgiving
// reading of the document wherever it is silent; each switch selects another
// reading the real service might have. Every field but Now can also be set
// from the seed's "options" object.
type Options struct {
	// MergeOmittedFields makes PUT api/v1/admin/users/{id} keep the stored
	// value of every field its body leaves out. By default an omitted field
	// is reset (false, 0, null) and an omitted required field is an error.
	MergeOmittedFields bool `json:"merge_omitted_fields,omitempty"`

	// PutSetsAdminUser makes PUT honour AdminUser. By default PUT ignores
	// it and only PATCH api/v1/admin/users/{id}/access changes admin
	// rights.
	PutSetsAdminUser bool `json:"put_sets_admin_user,omitempty"`

	// AllowBasicClientAuth lets POST /Token take the client id and secret
	// from an HTTP Basic header as well as from the form body, which is the
	// only place the document shows them.
	AllowBasicClientAuth bool `json:"allow_basic_client_auth,omitempty"`

	// NullErrorOnSuccess answers a successful call with "Error": null. By
	// default it carries an Error object whose ErrorCode and ErrorReason
	// are null, so a client must look at ErrorCode rather than at Error.
	NullErrorOnSuccess bool `json:"null_error_on_success,omitempty"`

	// MaskSecretsOnRead makes reads return "********" in Password and Pin
	// when they are set. By default both are always null on reads; see
	// also ReturnPinOnRead.
	MaskSecretsOnRead bool `json:"mask_secrets_on_read,omitempty"`

	// ReturnPinOnRead makes reads return the stored Pin as it is. By
	// default Pin is always null on reads (or "********" under
	// MaskSecretsOnRead, which wins when both are set). [I] twosms-api.md
	// §3.1: the help page's GET sample carries Pin, but whether a real
	// server echoes it is [UNKNOWN].
	ReturnPinOnRead bool `json:"return_pin_on_read,omitempty"`

	// AcceptUnknownLanguages lets PUT store a LanguageID that is not in the
	// seeded language table.
	AcceptUnknownLanguages bool `json:"accept_unknown_languages,omitempty"`

	// ValidateEmail checks EmailAddress against the email pattern of the
	// account model. By default only its presence is checked, because the
	// User model's "Data type: EmailAddress" is a hint that validates
	// nothing.
	ValidateEmail bool `json:"validate_email,omitempty"`

	// ValidationErrorStatus is the HTTP status of an envelope that
	// reports a validation failure; 0 means 200.
	ValidationErrorStatus int `json:"validation_error_status,omitempty"`

	// NotFoundStatus is the HTTP status of an envelope that reports an
	// unknown user or account; 0 means 200.
	NotFoundStatus int `json:"not_found_status,omitempty"`

	// NotFoundAnswer is the form of the answer about an unknown user or
	// account. [I] twosms-api.md §2.1 and §4.3: not-found is [UNKNOWN] and
	// the ErrorCode values are undocumented, so a client cannot rely on
	// the wording. "" (the default) is an Error envelope with
	// SANDBOX_USER_NOT_FOUND / SANDBOX_ACCOUNT_NOT_FOUND and a reason that
	// says "was not found"; NotFoundOpaque is an Error envelope whose code
	// and reason never say "not found"; NotFoundEmpty is a success envelope
	// whose Detail is null, as a .NET action that returns what it looked up
	// would answer.
	NotFoundAnswer string `json:"not_found_answer,omitempty"`

	// Now is the emulator's clock; nil means time.Now. Tests move it to
	// expire tokens.
	Now func() time.Time `json:"-"`
}

// Emulator is the 2sms emulator. All of its state sits in plain maps and
// slices behind one mutex; it is safe for concurrent use.
type Emulator struct {
	mu   sync.Mutex
	opts Options

	clients   map[string]Client // by client_id
	accounts  []Account         // seed order; the first is the default account
	languages []Language        // seed order; the first is the default language
	users     map[string]*User  // by lower-case ID

	access  map[string]accessToken  // by access_token
	refresh map[string]refreshToken // by refresh_token
	issued  int                     // access tokens issued since New
}

// New returns an emulator holding the default seed: one account, one admin
// user, two languages and the client sandbox-twosms-client /
// sandbox-twosms-secret bound to that admin.
func New(opts Options) *Emulator {
	e := &Emulator{
		opts:    opts,
		access:  map[string]accessToken{},
		refresh: map[string]refreshToken{},
	}
	st, err := e.buildState(SeedData{})
	if err != nil {
		// The default seed is a constant; failing to build it is a bug.
		panic("twosms: default seed: " + err.Error())
	}
	e.install(st)
	return e
}

// Identity of the emulator on the shared sandbox server.
const (
	// vendorName is the vendor key the shared server mounts the emulator
	// under.
	vendorName = "twosms"
	// basePath is empty; see BasePath.
	basePath = ""
)

// Name is the vendor key the sandbox mounts the emulator under.
func (e *Emulator) Name() string { return vendorName }

// BasePath is empty: twosms-api.md §1.1 and §4 put both /Token and the api/...
// routes directly under the host, so base_url is the mount point itself.
func (e *Emulator) BasePath() string { return basePath }

// Routes registers the documented operations, each under the path the
// document spells. Paths are case-sensitive here although IIS is not
// ([I] twosms-api.md §4: a client must use the documented spelling).
func (e *Emulator) Routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /Token", e.handleToken)
	mux.Handle("GET /api/v1/admin/users", e.bearer(e.handleListUsers))
	mux.Handle("GET /api/v1/admin/users/{id}", e.bearer(e.handleGetUser))
	mux.Handle("PUT /api/v1/admin/users/{id}", e.bearer(e.handlePutUser))
	mux.Handle("PATCH /api/v1/admin/users/{id}/access", e.bearer(e.handleToggleAccess))
	mux.Handle("GET /api/v1/UserAdminAPI/GetAllUsers", e.bearer(e.handleGetAllUsers))
}

// now reads the clock at the 100 ns precision of the wire's date-times
// (§2.2), so a value read back compares equal to the one stored. Callers
// hold e.mu.
func (e *Emulator) now() time.Time {
	t := time.Now()
	if e.opts.Now != nil {
		t = e.opts.Now()
	}
	return wireTruncate(t)
}

// wireTruncate drops what the wire's seven fractional digits cannot carry.
func wireTruncate(t time.Time) time.Time {
	return t.UTC().Truncate(100 * time.Nanosecond)
}

// MergeOptions replaces the options raw names and keeps the others; see
// sandbox.Emulator.
func (e *Emulator) MergeOptions(raw json.RawMessage) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	merged, err := sandbox.MergedOptions(e.opts, raw, Options.check)
	if err != nil {
		return err
	}
	e.opts = merged
	return nil
}

// check rejects an option value the emulator has no reading for, so a
// misspelt seed fails instead of silently meaning the default.
func (o Options) check() error {
	switch o.NotFoundAnswer {
	case "", NotFoundOpaque, NotFoundEmpty:
		return nil
	}
	return fmt.Errorf("emulator options: not_found_answer %q is none of \"\", %q, %q", o.NotFoundAnswer, NotFoundOpaque, NotFoundEmpty)
}
