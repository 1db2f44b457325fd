package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"
)

// DroppedHeader on GET requests says how many older requests the log has let
// go to stay within its limit.
const DroppedHeader = "X-Sandbox-Requests-Dropped"

// requestView is one log entry on the admin API: credentials in headers,
// query and body masked, the body cut (see redactBody).
type requestView struct {
	Vendor        string              `json:"vendor"`
	Method        string              `json:"method"`
	Path          string              `json:"path"`
	RawQuery      string              `json:"raw_query,omitempty"`
	Route         string              `json:"route"`
	Header        map[string][]string `json:"header"`
	Body          string              `json:"body,omitempty"`
	BodyBase64    []byte              `json:"body_base64,omitempty"` // when the body is not UTF-8 text
	BodySize      int                 `json:"body_size"`             // bytes received
	BodyTruncated bool                `json:"body_truncated,omitempty"`
	Status        int                 `json:"status"`
	Fault         string              `json:"fault,omitempty"`
	DurationMS    float64             `json:"duration_ms"`
	Time          time.Time           `json:"time"`
}

type routeStatsView struct {
	Calls    int            `json:"calls"`
	ByStatus map[string]int `json:"by_status"`
	Faults   int            `json:"faults"`
}

type faultsBody struct {
	Vendor string  `json:"vendor"`
	Faults []Fault `json:"faults"`
	Seed   *uint64 `json:"seed,omitempty"` // reseeds the probability generator
}

// registerAdmin mounts the control API used by scripts, `make demo` and tests
// written in other languages, behind the Host and token checks.
func (s *Server) registerAdmin(top *http.ServeMux) {
	mux := http.NewServeMux()
	top.Handle(AdminPrefix, s.guardAdmin(mux))
	mux.HandleFunc("GET "+AdminPrefix+"vendors", s.adminVendors)
	mux.HandleFunc("GET "+AdminPrefix+"requests", s.adminRequests)
	mux.HandleFunc("DELETE "+AdminPrefix+"requests", func(w http.ResponseWriter, _ *http.Request) {
		s.ResetRequests()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET "+AdminPrefix+"stats", s.adminStats)
	mux.HandleFunc("GET "+AdminPrefix+"faults", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, s.Faults())
	})
	mux.HandleFunc("PUT "+AdminPrefix+"faults", s.adminSetFaults)
	mux.HandleFunc("DELETE "+AdminPrefix+"faults", func(w http.ResponseWriter, _ *http.Request) {
		s.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET "+AdminPrefix+"state", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, s.Snapshot())
	})
	mux.HandleFunc("POST "+AdminPrefix+"seed", s.adminSeed)
}

func (s *Server) adminVendors(w http.ResponseWriter, _ *http.Request) {
	type vendorView struct {
		Name     string `json:"name"`
		BasePath string `json:"base_path"`
	}
	out := make([]vendorView, 0, len(s.names))
	for _, n := range s.names {
		out = append(out, vendorView{Name: n, BasePath: "/" + n + s.emulators[n].BasePath()})
	}
	writeJSON(w, http.StatusOK, out)
}

// vendorParam reads ?vendor= and rejects names that are not mounted, so a
// typo does not silently return an empty list.
func (s *Server) vendorParam(w http.ResponseWriter, r *http.Request) (string, bool) {
	v := r.URL.Query().Get("vendor")
	if v != "" && s.emulators[v] == nil {
		badRequest(w, fmt.Sprintf("unknown vendor %q", v))
		return "", false
	}
	return v, true
}

func (s *Server) adminRequests(w http.ResponseWriter, r *http.Request) {
	vendor, ok := s.vendorParam(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	out := make([]requestView, 0, len(s.log.entries))
	s.log.each(func(e *logEntry) {
		if vendor == "" || e.Vendor == vendor {
			out = append(out, newRequestView(e))
		}
	})
	dropped := s.log.dropped
	s.mu.Unlock()
	w.Header().Set(DroppedHeader, strconv.Itoa(dropped))
	writeJSON(w, http.StatusOK, out)
}

// newRequestView masks a log entry for the admin API. The body view was
// made when the request was recorded.
func newRequestView(e *logEntry) requestView {
	v := requestView{
		Vendor: e.Vendor, Method: e.Method, Path: e.Path, RawQuery: redactForm(e.RawQuery), Route: e.Route,
		Header: redactHeader(e.Header), Status: e.Status, Fault: e.Fault,
		DurationMS: float64(e.Duration) / float64(time.Millisecond), Time: e.Time,
		BodySize: e.BodySize, BodyTruncated: e.bodyViewCut,
	}
	if utf8.Valid(e.bodyView) {
		v.Body = string(e.bodyView)
	} else {
		v.BodyBase64 = e.bodyView
	}
	return v
}

func (s *Server) adminStats(w http.ResponseWriter, r *http.Request) {
	vendor, ok := s.vendorParam(w, r)
	if !ok {
		return
	}
	view := func(st RouteStats) routeStatsView {
		v := routeStatsView{Calls: st.Calls, Faults: st.Faults, ByStatus: map[string]int{}}
		for code, n := range st.ByStatus {
			v.ByStatus[fmt.Sprint(code)] = n
		}
		return v
	}
	if vendor != "" {
		out := map[string]routeStatsView{}
		for route, st := range s.Stats(vendor) {
			out[route] = view(st)
		}
		writeJSON(w, http.StatusOK, out)
		return
	}
	// Without a vendor, nest by vendor rather than joining keys, so scripts
	// need not split strings.
	out := map[string]map[string]routeStatsView{}
	for _, n := range s.names {
		routes := map[string]routeStatsView{}
		for route, st := range s.Stats(n) {
			routes[route] = view(st)
		}
		out[n] = routes
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) adminSetFaults(w http.ResponseWriter, r *http.Request) {
	var body faultsBody
	if err := decodeStrict(r.Body, &body); err != nil {
		badRequest(w, "faults body: "+err.Error())
		return
	}
	if body.Vendor != "" && s.emulators[body.Vendor] == nil {
		badRequest(w, fmt.Sprintf("unknown vendor %q", body.Vendor))
		return
	}
	for _, f := range body.Faults {
		if err := f.validate(); err != nil {
			badRequest(w, err.Error())
			return
		}
	}
	if body.Seed != nil {
		s.SetFaultSeed(*body.Seed)
	}
	s.SetFaults(body.Vendor, body.Faults...)
	writeJSON(w, http.StatusOK, s.Faults())
}

// maxSeedBytes bounds a seed document sent to the admin API; a benchmark's
// thousands of users fit well within it.
const maxSeedBytes = 10 << 20

func (s *Server) adminSeed(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxSeedBytes))
	if err != nil {
		badRequest(w, "seed body: "+err.Error())
		return
	}
	if err := s.Seed(data); err != nil {
		badRequest(w, err.Error())
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func decodeStrict(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // query strings and bodies read better unescaped
	_ = enc.Encode(v)
}

func badRequest(w http.ResponseWriter, msg string) {
	writeJSON(w, http.StatusBadRequest, map[string]string{"error": msg})
}
