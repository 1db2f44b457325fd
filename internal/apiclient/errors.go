package apiclient

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Error is what Do returns for every failure: a status the caller did not
// accept, a transport failure, a cancelled context or a response that could
// not be decoded. Every string in it has been masked, so it can go straight
// into a diagnostic.
type Error struct {
	// Vendor is the product's display name, e.g. "QAComplete".
	Vendor string
	// Method and Path name the call; Path never carries a query string, so
	// a key sent as a query parameter cannot leak through an error.
	Method, Path string
	// Status is the HTTP status of the last response, or 0 when no response
	// arrived (transport failure, cancellation).
	Status int
	// Code and Message come from the vendor's error envelope (see
	// Config.DecodeError).
	Code, Message string
	// Body is the masked, truncated response body.
	Body string
	// Hint is a next step for the user when the cause is known.
	Hint string
	// Attempts counts the HTTP attempts made, retries included.
	Attempts int
	// Ambiguous is set when a non-idempotent request failed in a way where
	// the server may have acted anyway (a timeout or a dropped connection
	// after the request was sent, or any 5xx). The caller should look at the
	// server's state (e.g. search by e-mail) before trying again.
	Ambiguous bool
	// RetryAfter is how long the vendor asked to wait when that wait would
	// have run past the retry budget or the context deadline, so the call
	// gave up early.
	RetryAfter time.Duration
	// Elapsed is how long the call took, attempts and waits included, and
	// Budget the retry budget it had (Config.RetryBudget).
	Elapsed, Budget time.Duration
	// GaveUp says why a failure a retry could have fixed was not retried
	// again: the budget was spent, the time left was too short for the wait
	// the vendor asked for, or max_retries was reached. It is empty when the
	// failure was final (a 404, an ambiguous create, a cancellation).
	GaveUp string
	// Err is the underlying transport or decoding error, if any.
	Err error

	// errText is Err's text with secrets masked; Error uses it instead of
	// Err.Error() when set.
	errText string
	// retryHint is the hint for a call that stopped retrying, used when the
	// vendor has none.
	retryHint string
}

// Error describes the failure in one line without secrets or query strings.
func (e *Error) Error() string {
	vendor := e.Vendor
	if vendor == "" {
		vendor = "Vendor"
	}
	var b strings.Builder
	if e.Status != 0 {
		fmt.Fprintf(&b, "%s API answered %s for %s %s", vendor, statusLine(e.Status), e.Method, e.Path)
		if detail := joinNonEmpty(": ", e.Code, e.Message); detail != "" {
			b.WriteString(": ")
			b.WriteString(detail)
		}
		switch {
		case e.GaveUp != "":
			fmt.Fprintf(&b, " (gave up after %d %s in %s: %s)", e.Attempts, plural(e.Attempts, "attempt", "attempts"), readable(e.Elapsed), e.GaveUp)
		case e.RetryAfter > 0:
			fmt.Fprintf(&b, " (it asked to wait %s before retrying, longer than the time left for this operation)", e.RetryAfter)
		}
		return b.String()
	}
	cause := e.errText
	if cause == "" && e.Err != nil {
		cause = e.Err.Error()
	}
	if cause == "" {
		cause = "unknown error"
	}
	fmt.Fprintf(&b, "%s API call %s %s failed", vendor, e.Method, e.Path)
	if e.Attempts > 0 {
		fmt.Fprintf(&b, " after %d %s", e.Attempts, plural(e.Attempts, "attempt", "attempts"))
	}
	if e.GaveUp != "" {
		fmt.Fprintf(&b, " in %s", readable(e.Elapsed))
	}
	b.WriteString(": ")
	b.WriteString(cause)
	if e.GaveUp != "" {
		fmt.Fprintf(&b, " (gave up: %s)", e.GaveUp)
	}
	return b.String()
}

// Unwrap exposes the transport error, so errors.Is(err, context.Canceled)
// and similar checks work through an *Error.
func (e *Error) Unwrap() error { return e.Err }

// Detail is Error plus the hint and, for an ambiguous failure, a warning that
// the vendor may have acted: the text a diagnostic's detail needs.
func (e *Error) Detail() string {
	parts := []string{e.Error()}
	if e.Ambiguous {
		vendor := e.Vendor
		if vendor == "" {
			vendor = "the vendor"
		}
		parts = append(parts, fmt.Sprintf("No definite answer arrived, so %s may have carried out the request. Check the current state before trying again.", vendor))
	}
	if e.Hint != "" {
		parts = append(parts, e.Hint)
	}
	return strings.Join(parts, "\n\n")
}

// AsError finds an *Error in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// IsNotFound reports whether err is a 404 answer.
func IsNotFound(err error) bool { return IsStatus(err, http.StatusNotFound) }

// IsStatus reports whether err is an answer with one of the given statuses.
func IsStatus(err error, status ...int) bool {
	e, ok := AsError(err)
	return ok && e.Status != 0 && slices.Contains(status, e.Status)
}

// IsAmbiguous reports whether err is a failure after which the vendor may
// have carried out the request (see Error.Ambiguous).
func IsAmbiguous(err error) bool {
	e, ok := AsError(err)
	return ok && e.Ambiguous
}

func statusLine(status int) string {
	if text := http.StatusText(status); text != "" {
		return fmt.Sprintf("%d %s", status, text)
	}
	return fmt.Sprint(status)
}

func joinNonEmpty(sep string, parts ...string) string {
	kept := make([]string, 0, len(parts))
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// truncate cuts s to at most n bytes on a rune boundary and says so.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("... (truncated, %d bytes in all)", len(s))
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
