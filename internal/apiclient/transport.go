package apiclient

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"time"
)

// maxResponseBytes caps what is kept of one response body. No user API
// answers with more than a few hundred kilobytes; a larger body is a
// misconfigured base URL or a broken server, not something to buffer.
const maxResponseBytes = 8 << 20

// attemptTransport turns one round trip into one bounded attempt: it applies
// the per-attempt timeout, reads and closes the whole body (so the connection
// goes back to the pool and a body cut short counts as a failed attempt the
// retry policy can see), and records whether the request reached the wire.
type attemptTransport struct {
	timeout time.Duration
	next    http.RoundTripper
}

func (t *attemptTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	parent := req.Context()
	ctx, cancel := context.WithTimeout(parent, t.timeout)
	defer cancel()

	// A fresh trace per attempt: callbacks of an abandoned attempt that fire
	// late land on that attempt's record, not on the next one's.
	trace := &attemptTrace{}
	if st := callFrom(parent); st != nil {
		st.current = trace
	}
	ctx = httptrace.WithClientTrace(ctx, trace.clientTrace())

	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		return nil, t.timeoutError(ctx, parent, err)
	}
	body, err := readBody(resp.Body)
	if err != nil {
		return nil, t.timeoutError(ctx, parent, err)
	}
	resp.Body = &bufferedBody{Reader: bytes.NewReader(body), data: body}
	resp.ContentLength = int64(len(body))
	return resp, nil
}

func (t *attemptTransport) CloseIdleConnections() { closeIdleConnections(t.next) }

// timeoutError names the per-attempt timeout when it, and not the caller's
// context, ended the attempt; the bare "context deadline exceeded" would send
// users looking for the wrong deadline.
func (t *attemptTransport) timeoutError(ctx, parent context.Context, err error) error {
	if parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &attemptTimeoutError{timeout: t.timeout, err: err}
	}
	return err
}

// readBody reads a body to the end and closes it. Reading to EOF is what
// lets net/http reuse the connection.
func readBody(body io.ReadCloser) ([]byte, error) {
	defer func() { _ = body.Close() }()
	data, err := io.ReadAll(io.LimitReader(body, maxResponseBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the response body: %w", err)
	}
	if len(data) > maxResponseBytes {
		return nil, &bodyTooLargeError{limit: maxResponseBytes}
	}
	return data, nil
}

// bufferedBody is a response body already read into memory.
type bufferedBody struct {
	*bytes.Reader
	data []byte
}

func (*bufferedBody) Close() error { return nil }

// bufferedBytes returns the whole body of a response that went through
// attemptTransport, without consuming it.
func bufferedBytes(resp *http.Response) []byte {
	if b, ok := resp.Body.(*bufferedBody); ok {
		return b.data
	}
	return nil
}

// attemptTrace records how far one attempt got. The callbacks run on
// net/http's goroutines, hence the atomics.
type attemptTrace struct {
	gotConnAttempt atomic.Bool // the transport went looking for a connection
	wroteHeaders   atomic.Bool // some of the request reached the wire
}

func (a *attemptTrace) clientTrace() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		GetConn:      func(string) { a.gotConnAttempt.Store(true) },
		WroteHeaders: func() { a.wroteHeaders.Store(true) },
		WroteRequest: func(httptrace.WroteRequestInfo) { a.wroteHeaders.Store(true) },
	}
}

// attemptTimeoutError is an attempt that ran out of Config.RequestTimeout.
type attemptTimeoutError struct {
	timeout time.Duration
	err     error
}

func (e *attemptTimeoutError) Error() string {
	return fmt.Sprintf("no complete answer within the request timeout of %s", e.timeout)
}

func (e *attemptTimeoutError) Unwrap() error { return e.err }

// Timeout lets net.Error-style checks see this as a timeout.
func (e *attemptTimeoutError) Timeout() bool { return true }

// bodyTooLargeError is a response larger than maxResponseBytes.
type bodyTooLargeError struct{ limit int }

func (e *bodyTooLargeError) Error() string {
	return fmt.Sprintf("the response body is larger than %d MiB; check the base URL", e.limit>>20)
}

type closeIdler interface{ CloseIdleConnections() }

func closeIdleConnections(rt http.RoundTripper) {
	if c, ok := rt.(closeIdler); ok {
		c.CloseIdleConnections()
	}
}
