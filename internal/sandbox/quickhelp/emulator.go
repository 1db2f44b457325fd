// Package quickhelp emulates the user operations of the BrainStorm QuickHelp
// Customer API v1 (quickhelp-api.md) behind its Azure API Management gateway,
// for the provider's acceptance tests, its demo and users who want to try
// configurations offline.
//
// It is written from the vendor document alone and shares no code with the
// provider's client. Where the document is silent the emulator takes the least
// forgiving reading; every such choice is marked "[I]" with the section it
// extends, the kinder readings sit behind Options, and every guessed path,
// parameter name, default and message is a constant in guesses.go.
//
// One request goes through the layers the real service has: the gateway
// (gateway.go: subscription key, rate limit, quota), the backend's Customer
// API key (auth.go), the body's media type (body.go), then the operation
// (list.go, update.go, delete.go).
package quickhelp

import (
	"encoding/json"
	"net/http"
	"sync"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

const (
	// name is the vendor key the shared sandbox server mounts the emulator
	// under.
	name = "quickhelp"

	// basePath is the API's path on a real host: quickhelp-api.md §0 gives the
	// base URL https://qhapi.quickhelp.com/v1 and lists endpoints relative to
	// it, consistent with POST /v1/User/Update.
	basePath = "/v1"

	// pathUpdate is updateUserAccount's path (quickhelp-api.md §4; the
	// operation page's code samples POST to /v1/User/Update).
	pathUpdate = "/User/Update"
)

// Emulator is the QuickHelp emulator. Build it with New; it is safe for
// concurrent use.
type Emulator struct {
	mu   sync.Mutex
	opts Options
	data store

	// APIM policy counters per subscription key (gateway.go).
	rate  map[string]*window
	quota map[string]*window

	// listCalls counts getUserList requests answered with 200 (ListCalls).
	listCalls int
}

// New returns an emulator holding DefaultSeed's data. Invalid options are
// not an error here: an unknown ValidationBody reads as the default, and
// negative numbers as 0 (Seed, which reads files, rejects both).
func New(opts Options) *Emulator {
	d := DefaultSeed()
	st, err := buildStore(seedInput{Keys: &d.Keys, Customers: d.Customers, Roles: &d.Roles, Users: d.Users})
	if err != nil {
		panic("quickhelp: default seed is invalid: " + err.Error())
	}
	e := &Emulator{opts: opts, data: st}
	e.resetLimits()
	return e
}

// Name is the vendor key, "quickhelp".
func (e *Emulator) Name() string { return name }

// BasePath is "/v1", the API's path on https://qhapi.quickhelp.com.
func (e *Emulator) BasePath() string { return basePath }

// Routes registers the operations relative to BasePath. Every route goes
// through the gateway and the Customer API key check first; the catch-all
// answers what APIM answers for an operation it does not know, which is also
// what a known path gets with the wrong method.
func (e *Emulator) Routes(mux *http.ServeMux) {
	mux.Handle("GET "+pathList, e.gateway(e.backend(e.getUserList)))
	mux.Handle("POST "+pathUpdate, e.gateway(e.backend(e.jsonBody(e.updateUserAccount))))
	mux.Handle("POST "+pathDelete, e.gateway(e.backend(e.jsonBody(e.deleteUser))))
	mux.Handle("/", e.gateway(http.HandlerFunc(notFound)))
}

// options returns the current options (Seed may replace them).
func (e *Emulator) options() Options {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.opts
}

// resetLimits restarts the rate-limit and quota windows; e.mu is held.
func (e *Emulator) resetLimits() {
	e.rate = map[string]*window{}
	e.quota = map[string]*window{}
}

// MergeOptions replaces the options raw names and keeps the others; see
// sandbox.Emulator. Options Seed would refuse are refused here too, and
// leave the current ones as they were.
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
