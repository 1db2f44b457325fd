package sandbox

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault disturbs requests to a vendor: a status answered instead of the
// emulator's, a delay, or a dropped connection. A request gets at most one
// fault: the first match among the vendor's own faults, then among the
// faults set for every vendor.
type Fault struct {
	Route      string        // route pattern as registered ("" = every route of the vendor)
	Method     string        // optional extra filter on the HTTP method
	Status     int           // answer this status instead of calling the emulator
	RetryAfter int           // seconds, sent as Retry-After when > 0
	Body       string        // body for the injected status; a small JSON message when empty
	Latency    time.Duration // added before handling; honours the client going away
	Drop       bool          // close the connection without answering
	// DropAfter lets the emulator handle the request, then closes the
	// connection without sending its answer: the vendor acted and the
	// client cannot know it, the case that makes a retried create dangerous.
	DropAfter bool
	// StallAfter lets the emulator handle the request, then holds its
	// answer this long, or until the client gives up: the vendor acted and
	// the client's own deadline (or an interruption) ended the wait.
	StallAfter  time.Duration
	Times       int     // apply to the next N matching requests, then expire (0 = no end)
	Probability float64 // 0 or >= 1 = always; else the fraction of matching requests hit
}

// faultJSON is Fault on the admin API: snake_case keys, and latency as a Go
// duration string ("250ms") or a number of milliseconds.
type faultJSON struct {
	Route       string          `json:"route,omitempty"`
	Method      string          `json:"method,omitempty"`
	Status      int             `json:"status,omitempty"`
	RetryAfter  int             `json:"retry_after,omitempty"`
	Body        string          `json:"body,omitempty"`
	Latency     json.RawMessage `json:"latency,omitempty"`
	Drop        bool            `json:"drop,omitempty"`
	DropAfter   bool            `json:"drop_after,omitempty"`
	StallAfter  json.RawMessage `json:"stall_after,omitempty"`
	Times       int             `json:"times,omitempty"`
	Probability float64         `json:"probability,omitempty"`
}

// MarshalJSON writes the admin API form of a fault.
func (f Fault) MarshalJSON() ([]byte, error) {
	j := faultJSON{
		Route: f.Route, Method: f.Method, Status: f.Status, RetryAfter: f.RetryAfter, Body: f.Body,
		Drop: f.Drop, DropAfter: f.DropAfter, Times: f.Times, Probability: f.Probability,
	}
	if f.Latency > 0 {
		j.Latency = json.RawMessage(strconv.Quote(f.Latency.String()))
	}
	if f.StallAfter > 0 {
		j.StallAfter = json.RawMessage(strconv.Quote(f.StallAfter.String()))
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the admin API form of a fault.
func (f *Fault) UnmarshalJSON(data []byte) error {
	var j faultJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*f = Fault{
		Route: j.Route, Method: j.Method, Status: j.Status, RetryAfter: j.RetryAfter, Body: j.Body,
		Drop: j.Drop, DropAfter: j.DropAfter, Times: j.Times, Probability: j.Probability,
	}
	var err error
	if f.Latency, err = parseFaultDuration("latency", j.Latency); err != nil {
		return err
	}
	f.StallAfter, err = parseFaultDuration("stall_after", j.StallAfter)
	return err
}

// parseFaultDuration reads a Go duration string ("250ms") or a number of
// milliseconds; absent or null is zero.
func parseFaultDuration(name string, raw json.RawMessage) (time.Duration, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return 0, nil
	}
	var text string
	if err := json.Unmarshal(raw, &text); err == nil {
		d, err := time.ParseDuration(text)
		if err != nil {
			return 0, fmt.Errorf("fault %s: %w", name, err)
		}
		return d, nil
	}
	var ms float64
	if err := json.Unmarshal(raw, &ms); err != nil {
		return 0, fmt.Errorf("fault %s must be a duration string such as \"250ms\" or a number of milliseconds", name)
	}
	return time.Duration(ms * float64(time.Millisecond)), nil
}

// validate rejects faults that could never do anything or would write an
// impossible status line.
func (f Fault) validate() error {
	if f.Status != 0 && (f.Status < 100 || f.Status > 599) {
		return fmt.Errorf("fault status %d is not an HTTP status", f.Status)
	}
	if f.Status == 0 && f.Latency <= 0 && !f.Drop && !f.DropAfter && f.StallAfter <= 0 {
		return fmt.Errorf("fault for route %q sets none of status, latency, drop, drop_after or stall_after", f.Route)
	}
	if f.Times < 0 || f.RetryAfter < 0 || f.Latency < 0 || f.StallAfter < 0 || f.Probability < 0 {
		return fmt.Errorf("fault for route %q has a negative times, retry_after, latency, stall_after or probability", f.Route)
	}
	return nil
}

func (f Fault) matches(route, method string) bool {
	if f.Route != "" && f.Route != route {
		return false
	}
	return f.Method == "" || strings.EqualFold(f.Method, method)
}

// describe is what the request log shows in Request.Fault.
func (f Fault) describe() string {
	var parts []string
	if f.Latency > 0 {
		parts = append(parts, "latency "+f.Latency.String())
	}
	switch {
	case f.Drop:
		parts = append(parts, "drop")
	case f.DropAfter:
		parts = append(parts, "drop after handling")
	case f.StallAfter > 0:
		parts = append(parts, "stall "+f.StallAfter.String()+" after handling")
	case f.Status > 0:
		s := "status " + strconv.Itoa(f.Status)
		if f.RetryAfter > 0 {
			s += " retry-after " + strconv.Itoa(f.RetryAfter)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " + ")
}

// activeFault is a Fault with the count of uses it has left.
type activeFault struct {
	Fault
	left int // meaningful only when Times > 0
}

// SetFaults replaces the faults of one vendor; vendor "" holds faults that
// apply to every vendor. Calling it with no faults clears that vendor's.
func (s *Server) SetFaults(vendor string, faults ...Fault) {
	list := make([]*activeFault, 0, len(faults))
	for _, f := range faults {
		list = append(list, &activeFault{Fault: f, left: f.Times})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(list) == 0 {
		delete(s.faults, vendor)
		return
	}
	s.faults[vendor] = list
}

// ClearFaults removes every fault of every vendor.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = map[string][]*activeFault{}
}

// Faults returns the faults still in force, keyed by vendor ("" = every
// vendor); Times shows the uses left.
func (s *Server) Faults() map[string][]Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string][]Fault{}
	for v, list := range s.faults {
		for _, af := range list {
			f := af.Fault
			if f.Times > 0 {
				f.Times = af.left
			}
			out[v] = append(out[v], f)
		}
	}
	return out
}

// SetFaultSeed reseeds the generator behind Fault.Probability, so a test can
// replay the same sequence of hits and misses.
func (s *Server) SetFaultSeed(seed uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rng = newRand(seed)
}

func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// pickFault returns the fault to apply to this request, if any, using up one
// of its Times.
func (s *Server) pickFault(vendor, route, method string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, key := range []string{vendor, ""} {
		list := s.faults[key]
		for i, af := range list {
			if !af.matches(route, method) {
				continue
			}
			if p := af.Probability; p > 0 && p < 1 && s.rng.Float64() >= p {
				continue
			}
			f := af.Fault
			if af.Times > 0 {
				af.left--
				if af.left <= 0 {
					s.faults[key] = append(list[:i:i], list[i+1:]...)
				}
			}
			return &f
		}
	}
	return nil
}

// writeFault answers an injected status. The default body is a small JSON
// message, which every vendor's client must already cope with as an error
// body it may not understand.
func writeFault(w http.ResponseWriter, f *Fault) {
	if f.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(f.RetryAfter))
	}
	body := f.Body
	if body == "" {
		msg, _ := json.Marshal(map[string]string{"message": http.StatusText(f.Status)})
		body = string(msg)
	}
	if json.Valid([]byte(body)) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	} else {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	}
	w.WriteHeader(f.Status)
	_, _ = w.Write([]byte(body))
}
