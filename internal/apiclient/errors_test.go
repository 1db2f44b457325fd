package apiclient

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestErrorText(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"status with code and message",
			&Error{Vendor: "QAComplete", Method: "POST", Path: "/depts/1/users", Status: 400, Code: "E1", Message: "Email is required"},
			"QAComplete API answered 400 Bad Request for POST /depts/1/users: E1: Email is required"},
		{"status with message only",
			&Error{Vendor: "QAComplete", Method: "GET", Path: "/depts/1/users/2", Status: 404, Message: "Not found"},
			"QAComplete API answered 404 Not Found for GET /depts/1/users/2: Not found"},
		{"bare status",
			&Error{Vendor: "2sms", Method: "PUT", Path: "/api/v1/admin/users/9", Status: 599},
			"2sms API answered 599 for PUT /api/v1/admin/users/9"},
		{"Retry-After past the deadline",
			&Error{Vendor: "QuickHelp", Method: "POST", Path: "/v1/User/Update", Status: 429, RetryAfter: 90 * time.Second},
			"QuickHelp API answered 429 Too Many Requests for POST /v1/User/Update (it asked to wait 1m30s before retrying, longer than the time left for this operation)"},
		{"transport after retries",
			&Error{Vendor: "QAComplete", Method: "POST", Path: "/depts/1/users", Attempts: 3, Err: errors.New("connection reset by peer")},
			"QAComplete API call POST /depts/1/users failed after 3 attempts: connection reset by peer"},
		{"transport, one attempt, masked text",
			&Error{Vendor: "QuestionPro", Method: "GET", Path: "/a/api/v2/users", Attempts: 1, Err: errors.New("raw s3cret"), errText: "raw ***"},
			"QuestionPro API call GET /a/api/v2/users failed after 1 attempt: raw ***"},
		{"before any attempt",
			&Error{Vendor: "QuestionPro", Method: "GET", Path: "/x", Err: errors.New("invalid request path")},
			"QuestionPro API call GET /x failed: invalid request path"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%s:\n got  %q\n want %q", tt.name, got, tt.want)
		}
	}
}

func TestErrorHelpers(t *testing.T) {
	notFound := fmt.Errorf("reading user: %w", &Error{Status: http.StatusNotFound})
	if !IsNotFound(notFound) || !IsStatus(notFound, 400, 404) || IsStatus(notFound, 400) || IsStatus(notFound) {
		t.Error("status helpers on a wrapped 404")
	}
	e, ok := AsError(notFound)
	if !ok || e.Status != 404 {
		t.Error("AsError on a wrapped *Error")
	}
	if IsNotFound(errors.New("404")) || IsStatus(nil, 404) || IsAmbiguous(nil) {
		t.Error("helpers on non-*Error values")
	}
	if _, ok := AsError(errors.New("x")); ok {
		t.Error("AsError found an *Error that is not there")
	}
	if IsStatus(&Error{Err: context.Canceled}, 0) {
		t.Error("status 0 means no answer, not a status")
	}

	amb := fmt.Errorf("create: %w", &Error{Vendor: "QAComplete", Ambiguous: true, Err: context.DeadlineExceeded, Hint: "Check the e-mail."})
	if !IsAmbiguous(amb) || !errors.Is(amb, context.DeadlineExceeded) {
		t.Error("ambiguous helpers / Unwrap")
	}
	ae, _ := AsError(amb)
	if d := ae.Detail(); !strings.Contains(d, "QAComplete may have carried out the request") || !strings.HasSuffix(d, "Check the e-mail.") {
		t.Errorf("Detail() = %q", d)
	}
}

func TestTransportErrorsHideQueryStrings(t *testing.T) {
	c := newTestClient(t, refusedURL(t)+"/api?tenant=t1", func(cfg *Config) { cfg.MaxRetries = -1 })
	_, err := c.Do(t.Context(), Request{Path: "/users?api_key=from-path", Query: map[string][]string{"token": {"from-query"}}}, nil)
	e := mustError(t, err)
	for _, leak := range []string{"?", "from-path", "from-query", "tenant"} {
		if strings.Contains(e.Error(), leak) {
			t.Errorf("Error() leaks %q: %s", leak, e.Error())
		}
	}
	if e.Path != "/users" {
		t.Errorf("Path = %q", e.Path)
	}
	if inner := errors.Unwrap(e); inner == nil || strings.Contains(inner.Error(), "from-query") {
		t.Errorf("unwrapped error leaks the query: %v", inner)
	}
}
