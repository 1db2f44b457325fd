// Package sandbox is the shared core of the vendor emulators: it mounts each
// vendor's API under its own path prefix on one loopback server and wraps every
// request with a request log, per-route counters and fault injection.
//
// The admin API under AdminPrefix answers only requests addressed to a
// loopback host and carrying the server's token (AdminToken), so neither a
// web page nor DNS rebinding can drive it.
//
// The request log's memory is bounded whatever the traffic: it keeps the
// newest DefaultRequestLogLimit requests (SetRequestLogLimit), the oldest
// dropped first, and LoggedBodyBytes of each body; a body over
// MaxRequestBodyBytes is refused with 413 and headers over MaxHeaderBytes
// with 431. The per-route counters (Stats) count every request. The admin
// API's view of the log masks credentials in headers, query strings and JSON
// and form bodies; the Go API (Requests) keeps requests as received.
package sandbox

import (
	"encoding/json"
	"net/http"
)

// Emulator is one vendor's fake user API. Implementations live in
// internal/sandbox/<vendor> and share no code with the provider's clients;
// each package also exports a Descriptor of its emulator.
type Emulator interface {
	// Name is the vendor key ("qacomplete", "questionpro", "quickhelp",
	// "twosms"). The emulator is mounted under "/<Name>" + BasePath().
	Name() string

	// BasePath is the path the vendor's API lives under on a real host, for
	// example "/rest-api/service/api/v1". It may be empty.
	BasePath() string

	// Routes registers the vendor's handlers on mux with Go ServeMux patterns
	// relative to the mount point, for example "GET /depts/{DeptId}/users".
	// The registered pattern is the route key used by counters and faults.
	Routes(mux *http.ServeMux)

	// Seed replaces the emulator's data with this vendor's section of a seed
	// file (the same shape Snapshot returns).
	Seed(raw json.RawMessage) error

	// Snapshot returns the emulator's current data in the seed format.
	Snapshot() any

	// MergeOptions replaces the options raw names (keyed as in a seed's
	// "options" object) and keeps the others; an unknown key is an error.
	// It is how a Switch's reading is selected (SetPosition).
	MergeOptions(raw json.RawMessage) error
}
