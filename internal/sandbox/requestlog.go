package sandbox

// DefaultRequestLogLimit is how many requests the log keeps unless
// SetRequestLogLimit says otherwise: the newest ones, the oldest dropped
// first. With LoggedBodyBytes per body (twice: as received and as the admin
// API shows it) and headers bounded by MaxHeaderBytes, a full log stays in
// the tens of megabytes whatever the traffic.
const DefaultRequestLogLimit = 1000

// LoggedBodyBytes is how much of each request body the log keeps; a body cut
// there has Request.BodySize above len(Request.Body). The vendors' user
// payloads are well under it.
const LoggedBodyBytes = 4 << 10

// logEntry is a request as received and the admin API's masked view of its
// body, made while the whole body was at hand.
type logEntry struct {
	Request
	bodyView    []byte
	bodyViewCut bool
}

// requestLog keeps the newest entries up to limit: it grows to limit, then
// overwrites the oldest, so its memory is bounded however long the sandbox
// runs. The Server's mutex guards it.
type requestLog struct {
	limit   int
	entries []logEntry
	next    int // the oldest entry, and where the next one goes, once full
	dropped int // entries overwritten since the last reset
}

func newRequestLog(limit int) *requestLog {
	return &requestLog{limit: max(limit, 1)}
}

func (l *requestLog) add(e logEntry) {
	if len(l.entries) < l.limit {
		l.entries = append(l.entries, e)
		return
	}
	l.entries[l.next] = e
	l.next = (l.next + 1) % l.limit
	l.dropped++
}

// each visits the entries oldest first.
func (l *requestLog) each(fn func(*logEntry)) {
	for i := range l.entries {
		fn(&l.entries[(l.next+i)%len(l.entries)])
	}
}

func (l *requestLog) reset() {
	l.entries, l.next, l.dropped = nil, 0, 0
}

// resized is a log of the new limit holding the newest of l's entries.
func (l *requestLog) resized(limit int) *requestLog {
	out := newRequestLog(limit)
	out.dropped = l.dropped
	l.each(func(e *logEntry) { out.add(*e) })
	return out
}
