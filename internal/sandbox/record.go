package sandbox

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// Unmatched is the route key under which requests that match none of a
// vendor's routes are counted.
const Unmatched = "UNMATCHED"

// StatusClientGone is recorded when the client went away while an injected
// latency was running, so no answer was written. It borrows the status
// nginx logs for the same event.
const StatusClientGone = 499

// MaxRequestBodyBytes bounds what the sandbox reads from one vendor request:
// the emulators accept no more (their largest bodies are a few kilobytes), so
// a larger body is answered 413 without being buffered beyond the limit.
const MaxRequestBodyBytes = 1 << 20

// Request is one vendor request as the sandbox received it.
type Request struct {
	Vendor   string
	Method   string
	Path     string // as received, including the "/<vendor><BasePath>" prefix
	RawQuery string
	Route    string      // the vendor route pattern it matched, or Unmatched
	Header   http.Header // every header as received, credentials included
	Body     []byte      // as received, cut at LoggedBodyBytes
	BodySize int         // bytes received; above len(Body) when the log cut it
	Status   int         // status answered; 0 for a dropped connection
	Fault    string      // "" or a description of what was injected
	Duration time.Duration
	Time     time.Time // when the request arrived
}

// RouteStats counts the requests one route received.
type RouteStats struct {
	Calls    int
	ByStatus map[int]int
	Faults   int
}

// Requests returns a copy of the request log for one vendor, or for every
// vendor when vendor is "", oldest first. The log keeps the newest
// DefaultRequestLogLimit requests (see SetRequestLogLimit); Stats counts
// every request.
func (s *Server) Requests(vendor string) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, 0, len(s.log.entries))
	s.log.each(func(e *logEntry) {
		if vendor != "" && e.Vendor != vendor {
			return
		}
		r := e.Request
		r.Header = r.Header.Clone()
		r.Body = bytes.Clone(r.Body)
		out = append(out, r)
	})
	return out
}

// ResetRequests empties the request log and the route counters.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log.reset()
	s.stats = map[string]map[string]*RouteStats{}
}

// SetRequestLogLimit changes how many requests the log keeps (at least one),
// keeping the newest of those it holds. A test that inspects more requests
// than DefaultRequestLogLimit raises it; memory grows with it.
func (s *Server) SetRequestLogLimit(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = s.log.resized(n)
}

// RequestLogLimit is how many requests the log keeps.
func (s *Server) RequestLogLimit() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.limit
}

// DroppedRequests is how many requests the log has let go, oldest first, to
// stay within its limit since it was last reset. Stats still counts them.
func (s *Server) DroppedRequests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.dropped
}

// Stats returns a copy of one vendor's route counters keyed by route pattern
// as registered (for example "PUT /depts/{DeptId}/users/{UserId}"). With
// vendor "" it returns every vendor's counters keyed "<vendor> <pattern>".
func (s *Server) Stats(vendor string) map[string]RouteStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]RouteStats{}
	for v, routes := range s.stats {
		if vendor != "" && v != vendor {
			continue
		}
		for route, st := range routes {
			key := route
			if vendor == "" {
				key = v + " " + route
			}
			out[key] = st.clone()
		}
	}
	return out
}

func (st *RouteStats) clone() RouteStats {
	c := RouteStats{Calls: st.Calls, Faults: st.Faults, ByStatus: make(map[int]int, len(st.ByStatus))}
	for k, v := range st.ByStatus {
		c.ByStatus[k] = v
	}
	return c
}

// record logs a request whose body was read whole: the log keeps its start
// and the admin API's masked view, both cut at LoggedBodyBytes.
func (s *Server) record(r Request, body []byte) {
	e := logEntry{Request: r}
	e.BodySize = len(body)
	e.bodyView, e.bodyViewCut = redactBody(body, r.Header.Get("Content-Type"))
	kept := body
	if len(kept) > LoggedBodyBytes {
		kept = kept[:LoggedBodyBytes]
	}
	// Copies, so a large body is not held alive by the slices kept.
	e.Body = bytes.Clone(kept)
	if bytes.Equal(e.bodyView, e.Body) {
		e.bodyView = e.Body
	} else {
		e.bodyView = bytes.Clone(e.bodyView)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.log.add(e)
	routes := s.stats[r.Vendor]
	if routes == nil {
		routes = map[string]*RouteStats{}
		s.stats[r.Vendor] = routes
	}
	st := routes[r.Route]
	if st == nil {
		st = &RouteStats{ByStatus: map[int]int{}}
		routes[r.Route] = st
	}
	st.Calls++
	st.ByStatus[r.Status]++
	if r.Fault != "" {
		st.Faults++
	}
}

// vendorHandler wraps one vendor's mux: it reads the body, strips the mount
// prefix, finds the route, applies a fault if one matches, and logs the
// exchange before the client can see any of the answer, so a test that has
// its response in hand always finds the request in the log.
func (s *Server) vendorHandler(vendor, prefix string, mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxRequestBodyBytes))
		entry := Request{
			Vendor:   vendor,
			Method:   r.Method,
			Path:     r.URL.Path,
			RawQuery: r.URL.RawQuery,
			Header:   r.Header.Clone(),
			Time:     start,
		}
		inner := stripPrefix(r, prefix, body)
		_, entry.Route = mux.Handler(inner)
		if entry.Route == "" {
			entry.Route = Unmatched
		}
		if err != nil {
			status, msg := http.StatusBadRequest, "sandbox: cannot read request body: "+err.Error()
			if tooLarge := (*http.MaxBytesError)(nil); errors.As(err, &tooLarge) {
				status = http.StatusRequestEntityTooLarge
				msg = fmt.Sprintf("sandbox: request body over %d bytes; no vendor API takes one that large", MaxRequestBodyBytes)
			}
			entry.Status = status
			entry.Duration = time.Since(start)
			s.record(entry, body)
			http.Error(w, msg, status)
			return
		}

		f := s.pickFault(vendor, entry.Route, r.Method)
		if f != nil {
			entry.Fault = f.describe()
			if f.Latency > 0 && !sleepCtx(r, f.Latency) {
				entry.Status = StatusClientGone
				entry.Duration = time.Since(start)
				s.record(entry, body)
				return
			}
			switch {
			case f.Drop:
				entry.Duration = time.Since(start)
				s.record(entry, body)
				dropConnection(w)
				return
			case f.Status > 0:
				entry.Status = f.Status
				entry.Duration = time.Since(start)
				s.record(entry, body)
				writeFault(w, f)
				return
			}
		}

		buf := newBufferedWriter()
		serveRecovering(mux, buf, inner)
		entry.Status = buf.status
		entry.Duration = time.Since(start)
		s.record(entry, body)
		if f != nil && f.DropAfter {
			dropConnection(w)
			return
		}
		if f != nil && f.StallAfter > 0 && !sleepCtx(r, f.StallAfter) {
			return // the client gave up; what the emulator did stands
		}
		buf.copyTo(w)
	})
}

// stripPrefix gives the vendor mux the path relative to the mount point, as
// http.StripPrefix does, with the already-read body put back.
func stripPrefix(r *http.Request, prefix string, body []byte) *http.Request {
	inner := new(http.Request)
	*inner = *r
	u := *r.URL
	u.Path = strings.TrimPrefix(r.URL.Path, prefix)
	u.RawPath = strings.TrimPrefix(r.URL.RawPath, prefix)
	if u.Path == "" {
		u.Path = "/"
	}
	inner.URL = &u
	inner.Body = io.NopCloser(bytes.NewReader(body))
	return inner
}

// serveRecovering turns a panicking emulator handler into a 500 the client
// and the log can see, rather than a reset connection.
func serveRecovering(h http.Handler, w *bufferedWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(v)
			}
			w.reset()
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = fmt.Fprintf(w, "sandbox: emulator panic: %v\n", v)
		}
	}()
	h.ServeHTTP(w, r)
}

// sleepCtx waits d or until the client goes away; it reports whether the
// full delay elapsed.
func sleepCtx(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// dropConnection closes the client's connection without a byte of answer.
// Where hijacking is impossible (HTTP/2), aborting the handler is the closest
// the server allows.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

// bufferedWriter holds an emulator's whole answer until the log entry is
// written.
type bufferedWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func newBufferedWriter() *bufferedWriter {
	return &bufferedWriter{header: http.Header{}, status: http.StatusOK}
}

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) WriteHeader(status int) {
	if b.wrote {
		return
	}
	b.wrote = true
	b.status = status
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

func (b *bufferedWriter) reset() {
	b.header = http.Header{}
	b.status = http.StatusOK
	b.body.Reset()
	b.wrote = false
}

func (b *bufferedWriter) copyTo(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range b.header {
		h[k] = v
	}
	w.WriteHeader(b.status)
	_, _ = w.Write(b.body.Bytes())
}
