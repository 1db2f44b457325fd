package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

// AdminPrefix is the path under which the sandbox's own control API lives.
// No vendor may be named after it.
const AdminPrefix = "/_sandbox/"

// MaxHeaderBytes bounds the request line and headers a server started with
// Start accepts, which the request log keeps as received. Vendor requests
// carry a few hundred bytes of them.
const MaxHeaderBytes = 16 << 10

// defaultFaultSeed makes probabilistic faults repeatable run after run unless
// a test asks for another sequence with SetFaultSeed.
const defaultFaultSeed = 1

// Server mounts emulators on one HTTP server and records, counts and (when
// asked) disturbs every request that reaches them. It is safe for concurrent
// use.
type Server struct {
	names     []string // sorted, so listings and seeding run in a stable order
	emulators map[string]Emulator
	muxes     map[string]*http.ServeMux
	handler   http.Handler

	mu         sync.Mutex
	log        *requestLog
	stats      map[string]map[string]*RouteStats // vendor -> route pattern -> counters
	faults     map[string][]*activeFault         // vendor ("" = every vendor) -> faults
	rng        *rand.Rand
	adminToken string
	adminHosts []string // besides loopback ones

	srvMu sync.Mutex
	srv   *http.Server
	ln    net.Listener
}

// NewServer builds a server for the given emulators, with a random admin
// token (AdminToken). It panics when two emulators share a name or a name is
// empty, since that is a programming error no caller can recover from.
func NewServer(emulators ...Emulator) *Server {
	s := &Server{
		emulators:  map[string]Emulator{},
		muxes:      map[string]*http.ServeMux{},
		log:        newRequestLog(DefaultRequestLogLimit),
		stats:      map[string]map[string]*RouteStats{},
		faults:     map[string][]*activeFault{},
		rng:        newRand(defaultFaultSeed),
		adminToken: newAdminToken(),
	}
	top := http.NewServeMux()
	for _, e := range emulators {
		name := e.Name()
		if name == "" || strings.ContainsAny(name, "/ ") || "/"+name+"/" == AdminPrefix {
			panic(fmt.Sprintf("sandbox: invalid emulator name %q", name))
		}
		if _, dup := s.emulators[name]; dup {
			panic(fmt.Sprintf("sandbox: two emulators named %q", name))
		}
		mux := http.NewServeMux()
		e.Routes(mux)
		s.emulators[name] = e
		s.muxes[name] = mux
		s.names = append(s.names, name)
		prefix := "/" + name + e.BasePath()
		top.Handle(prefix+"/", s.vendorHandler(name, prefix, mux))
	}
	sort.Strings(s.names)
	s.registerAdmin(top)
	s.handler = top
	return s
}

// Handler serves every emulator under "/"+Name()+BasePath() and the admin API
// under AdminPrefix, which answers only calls addressed to a loopback host
// and carrying AdminToken. Use it with httptest or any server of your own
// (set its MaxHeaderBytes to bound what the log keeps); Start is the
// shortcut for a loopback listener.
func (s *Server) Handler() http.Handler { return s.handler }

// Vendors lists the mounted emulators' names in sorted order.
func (s *Server) Vendors() []string { return append([]string(nil), s.names...) }

// Emulator returns the emulator mounted under that name, or nil.
func (s *Server) Emulator(vendor string) Emulator { return s.emulators[vendor] }

// Start listens on addr (for example "127.0.0.1:0" for a free port) and serves
// in the background until Close or Shutdown.
func (s *Server) Start(addr string) error {
	s.srvMu.Lock()
	defer s.srvMu.Unlock()
	if s.srv != nil {
		return errors.New("sandbox: server already started")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("sandbox: listen on %s: %w", addr, err)
	}
	srv := &http.Server{Handler: s.handler, ReadHeaderTimeout: 10 * time.Second, MaxHeaderBytes: MaxHeaderBytes}
	s.srv, s.ln = srv, ln
	go func() {
		// Serve only returns ErrServerClosed after Close/Shutdown, or an
		// accept error on a listener that is being torn down; a sandbox
		// has nobody to report either to, and the next request fails loudly.
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(os.Stderr, "sandbox: serve: %v\n", err)
		}
	}()
	return nil
}

// URL is the server root, "http://127.0.0.1:PORT", once Start has succeeded;
// "" before.
func (s *Server) URL() string {
	s.srvMu.Lock()
	defer s.srvMu.Unlock()
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String()
}

// BaseURL is what a provider's base_url for that vendor should be: the server
// root, the vendor's mount point and the vendor's own base path. It is "" for
// an unknown vendor or before Start.
func (s *Server) BaseURL(vendor string) string {
	e := s.emulators[vendor]
	root := s.URL()
	if e == nil || root == "" {
		return ""
	}
	return root + "/" + vendor + e.BasePath()
}

// Close stops the server at once, dropping connections in flight.
func (s *Server) Close() error {
	s.srvMu.Lock()
	defer s.srvMu.Unlock()
	if s.srv == nil {
		return nil
	}
	return s.srv.Close()
}

// Shutdown stops accepting connections and waits for requests in flight,
// up to ctx's deadline.
func (s *Server) Shutdown(ctx context.Context) error {
	s.srvMu.Lock()
	srv := s.srv
	s.srvMu.Unlock()
	if srv == nil {
		return nil
	}
	return srv.Shutdown(ctx)
}

// Seed loads a seed document: a JSON object keyed by vendor name whose values
// are handed to that vendor's emulator. Vendors the document does not name
// keep their data. An unknown vendor key is an error and nothing is seeded.
func (s *Server) Seed(data []byte) error {
	var sections map[string]json.RawMessage
	if err := json.Unmarshal(data, &sections); err != nil {
		return fmt.Errorf("sandbox: seed is not a JSON object keyed by vendor: %w", err)
	}
	for name := range sections {
		if _, ok := s.emulators[name]; !ok {
			return fmt.Errorf("sandbox: seed names unknown vendor %q (mounted: %s)", name, strings.Join(s.names, ", "))
		}
	}
	for _, name := range s.names {
		raw, ok := sections[name]
		if !ok {
			continue
		}
		if err := s.emulators[name].Seed(raw); err != nil {
			return fmt.Errorf("sandbox: seed %s: %w", name, err)
		}
	}
	return nil
}

// SeedFile reads a seed document from path and loads it with Seed.
func (s *Server) SeedFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("sandbox: read seed: %w", err)
	}
	return s.Seed(data)
}

// Snapshot returns every emulator's data in the seed format, keyed by vendor,
// so a snapshot can be saved and loaded again with Seed.
func (s *Server) Snapshot() map[string]any {
	out := make(map[string]any, len(s.names))
	for _, name := range s.names {
		out[name] = s.emulators[name].Snapshot()
	}
	return out
}
