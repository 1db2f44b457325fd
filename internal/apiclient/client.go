// Package apiclient is the one HTTP layer every vendor client uses. It owns
// what must be the same for every vendor and is easy to get subtly wrong in
// each: retries that never repeat a create the server may already have
// carried out, a client-side rate limit that retries also respect,
// cancellation that stops at once, errors that carry the vendor's code and
// a next step, and DEBUG logs from which every credential has been masked.
//
// Vendor packages describe their API (base URL, authentication, error
// envelope, hints) in a Config and call Do; they never build an http.Client
// of their own.
package apiclient

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"golang.org/x/time/rate"
)

// Defaults for Config fields left zero.
const (
	DefaultRequestTimeout = 30 * time.Second
	DefaultRetryWaitMin   = 500 * time.Millisecond
	DefaultRetryWaitMax   = 30 * time.Second
	DefaultMaxRetryAfter  = 5 * time.Minute
	DefaultRetryBudget    = 2 * time.Minute
)

// DefaultMaxRetries is what Client.MaxRetries reports when Config.MaxRetries
// sets no cap: the budget bounds one call's own retries, but a caller that
// repeats whole calls (a create re-posted after a lookup proved the vendor
// did not act) needs a count.
const DefaultMaxRetries = 4

// maxErrorBody caps Error.Body and maxErrorMessage the message taken from
// a body when the vendor has no DecodeError.
const (
	maxErrorBody    = 4 << 10
	maxErrorMessage = 512
)

// Config describes one vendor's API to the shared HTTP layer.
type Config struct {
	// Vendor is the vendor's key, e.g. "qacomplete". It names the tflog
	// subsystem, so TF_LOG_PROVIDER_SAAS_QACOMPLETE=DEBUG shows only that
	// vendor's traffic. Required.
	Vendor string
	// DisplayName is the product name used in error text, e.g.
	// "QAComplete". Defaults to Vendor.
	DisplayName string
	// BaseURL is the absolute http(s) URL request paths are joined onto, as
	// ParseBaseURL returns it: the provider parses and checks a vendor's base
	// URL once, when it is configured, and hands the result here. A base
	// path is kept, and a trailing slash on it never doubles up with a
	// path's leading one. Query parameters on it are sent with every call.
	// Required.
	BaseURL *url.URL
	// RequestTimeout bounds each attempt (connect, send, and read the whole
	// answer); it does not include rate-limit or backoff waits. Zero or
	// negative means DefaultRequestTimeout.
	RequestTimeout time.Duration
	// RetryBudget bounds one call as a whole: every attempt, backoff,
	// Retry-After and rate-limit wait together. A failure a retry can fix is
	// retried until the budget is spent, so an outage shorter than the budget
	// is ridden out and a longer one ends the call at about the budget. Zero
	// or negative means DefaultRetryBudget. The context's deadline still
	// applies when it comes first.
	RetryBudget time.Duration
	// MaxRetries, when positive, also caps the number of retries after the
	// first attempt. Zero leaves the count to RetryBudget alone; negative
	// means no retry at all.
	MaxRetries int
	// RetryWaitMin and RetryWaitMax bound the exponential backoff. Zero
	// means DefaultRetryWaitMin and DefaultRetryWaitMax.
	RetryWaitMin, RetryWaitMax time.Duration
	// MaxRetryAfter caps the wait for a Retry-After that fits in what is
	// left of the budget (one that does not ends the call at once). Zero
	// means DefaultMaxRetryAfter.
	MaxRetryAfter time.Duration
	// RequestsPerSecond caps this client's request rate (every attempt
	// counts); 0 means no cap. Burst is the bucket size; 0 means the rate
	// rounded up.
	RequestsPerSecond float64
	Burst             int
	// Limiter, when set, is used instead of RequestsPerSecond and Burst, so
	// several clients spending the same vendor budget share one bucket (see
	// SharedLimiter).
	Limiter *rate.Limiter
	// UserAgent is sent on every request; see UserAgent. Empty means
	// UserAgent("", "").
	UserAgent string
	// Authenticate sets the credential headers. It is called before every
	// attempt, on a request whose headers it may change freely.
	Authenticate func(*http.Request) error
	// SensitiveHeaders are masked in logs, in addition to Authorization,
	// Proxy-Authorization, Cookie, Set-Cookie, api-key, X-Api-Key and
	// Ocp-Apim-Subscription-Key.
	SensitiveHeaders []string
	// SensitiveFields are JSON, form and query keys (case-insensitive, any
	// depth) whose values are masked in logs and errors, in addition to
	// password, pin, client_secret, api_key, apiKey, access_token,
	// refresh_token, secret and any key containing "password", "passwd" or
	// "secret".
	SensitiveFields []string
	// Secrets are literal secret values (passwords, keys) masked wherever
	// they appear in logs and errors. Values found in the credential headers
	// Authenticate sets are added automatically.
	Secrets []string
	// DecodeError reads the vendor's error envelope. Nil means the body text,
	// trimmed and capped at 512 bytes. The message it returns is masked.
	DecodeError func(status int, header http.Header, body []byte) (code, message string)
	// Hint returns a next step for a known status or code, or "".
	Hint func(e *Error) string
	// Transport is the base transport, e.g. an oauth2.Transport. Nil means a
	// pooled cleanhttp transport.
	Transport http.RoundTripper
}

// Client sends requests to one vendor. It is safe for concurrent use.
type Client struct {
	vendor        string
	displayName   string
	base          *url.URL // without query
	baseQuery     url.Values
	retryCap      int // retries allowed after the first attempt; negative: no cap, only the budget
	retryBudget   time.Duration
	retryWaitMin  time.Duration
	retryWaitMax  time.Duration
	maxRetryAfter time.Duration
	userAgent     string
	authenticate  func(*http.Request) error
	decodeError   func(int, http.Header, []byte) (string, string)
	hint          func(*Error) string
	mask          *masker
	http          *http.Client
	timeout       time.Duration
}

// New validates cfg and builds a client.
func New(cfg Config) (*Client, error) {
	vendor := strings.TrimSpace(cfg.Vendor)
	if vendor == "" {
		return nil, errors.New("apiclient: Config.Vendor is required")
	}
	display := cmp.Or(strings.TrimSpace(cfg.DisplayName), vendor)

	if cfg.BaseURL == nil {
		return nil, fmt.Errorf("apiclient: %s Config.BaseURL is required", display)
	}
	base := *cfg.BaseURL // a copy: the client owns its base from here on
	rps := cfg.RequestsPerSecond
	if math.IsNaN(rps) || rps < 0 {
		return nil, fmt.Errorf("%s requests per second must be zero (no limit) or positive, got %v", display, rps)
	}

	c := &Client{
		vendor:        vendor,
		displayName:   display,
		base:          &base,
		baseQuery:     base.Query(),
		retryCap:      retryCap(cfg.MaxRetries),
		retryBudget:   positiveOr(cfg.RetryBudget, DefaultRetryBudget),
		retryWaitMin:  positiveOr(cfg.RetryWaitMin, DefaultRetryWaitMin),
		retryWaitMax:  positiveOr(cfg.RetryWaitMax, DefaultRetryWaitMax),
		maxRetryAfter: positiveOr(cfg.MaxRetryAfter, DefaultMaxRetryAfter),
		userAgent:     cmp.Or(strings.TrimSpace(cfg.UserAgent), UserAgent("", "")),
		authenticate:  cfg.Authenticate,
		decodeError:   cfg.DecodeError,
		hint:          cfg.Hint,
		mask:          newMasker(cfg.SensitiveHeaders, cfg.SensitiveFields, cfg.Secrets),
	}
	c.retryWaitMax = max(c.retryWaitMax, c.retryWaitMin)
	c.base.RawQuery = ""

	rt := cfg.Transport
	if rt == nil {
		rt = cleanhttp.DefaultPooledTransport()
	}
	c.timeout = positiveOr(cfg.RequestTimeout, DefaultRequestTimeout)
	rt = &attemptTransport{timeout: c.timeout, next: rt}
	rt = &loggingTransport{vendor: vendor, next: rt}
	limiter := cfg.Limiter
	if limiter == nil {
		limiter = NewLimiter(rps, cfg.Burst)
	}
	if limiter != nil {
		rt = &limitedTransport{vendor: vendor, limiter: limiter, next: rt}
	}
	c.http = &http.Client{Transport: rt, CheckRedirect: checkRedirect}
	return c, nil
}

// checkRedirect follows redirects only within the base URL's host (and
// never from https to http). net/http re-sends every header on a redirect
// except a few it knows, so a vendor key in a custom header (api-key,
// Ocp-Apim-Subscription-Key) would otherwise go to whatever host a
// redirect names.
func checkRedirect(req *http.Request, via []*http.Request) error {
	const maxRedirects = 10
	if len(via) >= maxRedirects {
		return &redirectError{msg: fmt.Sprintf("stopped after %d redirects", maxRedirects)}
	}
	first := via[0].URL
	if !strings.EqualFold(req.URL.Host, first.Host) || (first.Scheme == "https" && req.URL.Scheme != "https") {
		return &redirectError{msg: fmt.Sprintf("refusing to follow a redirect to %s://%s, which would send the credentials to another host; check the base URL", req.URL.Scheme, req.URL.Host)}
	}
	return nil
}

// redirectError is a redirect the client will not follow; retrying cannot
// change that.
type redirectError struct{ msg string }

func (e *redirectError) Error() string { return e.msg }

// ParseBaseURL parses and checks a vendor's base URL: absolute http or
// https, a host, no credentials in it (they would be logged and sent to
// whoever answers), and no fragment. Errors show scheme, host and path only,
// never the userinfo or the query, which may hold secrets.
func ParseBaseURL(display, raw string) (*url.URL, error) {
	const example = "an absolute http:// or https:// URL such as https://api.example.com/v1"
	base, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("%s base URL must be %s: %w", display, example, err)
	}
	if (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" || base.Opaque != "" {
		shown := url.URL{Scheme: base.Scheme, Host: base.Host, Path: base.Path}
		return nil, fmt.Errorf("%s base URL must be %s, got %q", display, example, shown.String())
	}
	if base.User != nil {
		return nil, fmt.Errorf("%s base URL must not carry credentials; use the provider's credential settings instead", display)
	}
	base.Fragment, base.RawFragment = "", ""
	base.Path = strings.TrimRight(base.Path, "/")
	base.RawPath = strings.TrimRight(base.RawPath, "/")
	return base, nil
}

// retryCap turns Config.MaxRetries into the client's cap: a positive count
// stays, zero means no cap and a negative count no retries.
func retryCap(maxRetries int) int {
	switch {
	case maxRetries > 0:
		return maxRetries
	case maxRetries == 0:
		return -1
	default:
		return 0
	}
}

func positiveOr(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Vendor is the vendor key the client was configured with.
func (c *Client) Vendor() string { return c.vendor }

// DisplayName is the product name used in error text.
func (c *Client) DisplayName() string { return c.displayName }

// MaxRetries is how many times a caller that repeats an operation itself,
// such as a create re-posted after a lookup proved the vendor did not act,
// may repeat it: the cap Config.MaxRetries sets (never negative), or
// DefaultMaxRetries when only the budget bounds the client's retries. Each
// repeated call has its own budget, so the count is what bounds such loops.
func (c *Client) MaxRetries() int {
	if c.retryCap < 0 {
		return DefaultMaxRetries
	}
	return c.retryCap
}

// SettleContext is for the one lookup that finds out whether a create that
// failed ambiguously took effect. While ctx is live it returns ctx. Once ctx
// has ended (Terraform was interrupted and stopped the provider, or the
// operation's timeout passed while the vendor was answering) it returns a
// context with ctx's values, not its end, bounded by two request timeouts:
// without it the lookup would fail at once and a user the vendor created
// would be missing from state, to collide with the next apply's create.
func (c *Client) SettleContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if ctx.Err() == nil {
		return ctx, func() {}
	}
	return context.WithTimeout(context.WithoutCancel(ctx), 2*c.timeout)
}

// Request is one API call.
type Request struct {
	// Method defaults to GET.
	Method string
	// Path is joined onto Config.BaseURL, e.g. "/depts/1/users/2". Segments
	// built from user input must be escaped with url.PathEscape. A query
	// string in it is merged with Query.
	Path  string
	Query url.Values
	// Body is sent as JSON when non-nil (Content-Type: application/json). A
	// []byte is sent as-is (Content-Type application/json unless Header sets
	// another); url.Values is sent form-encoded.
	Body any
	// Header holds extra headers; they override the defaults (Accept,
	// Content-Type, User-Agent).
	Header http.Header
	// Idempotent says whether the request may be repeated after an
	// ambiguous failure. Nil means true for GET, HEAD, PUT, DELETE and
	// OPTIONS and false otherwise (POST, PATCH).
	Idempotent *bool
	// ExpectStatus lists the acceptable statuses; nil means any 2xx.
	ExpectStatus []int
}

// Response is a completed exchange; Body is the whole body.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Do sends req, retrying as the package's policy allows, and decodes a JSON
// body into out when out is non-nil and the body is not empty.
//
// Every failure is an *Error. The Response is returned whenever an answer
// arrived, also alongside an *Error for an unexpected status, so callers can
// read its headers.
func (c *Client) Do(ctx context.Context, req Request, out any) (*Response, error) {
	method := cmp.Or(strings.ToUpper(strings.TrimSpace(req.Method)), http.MethodGet)
	rawPath, rawQuery, _ := strings.Cut(req.Path, "?")
	rawPath = strings.TrimLeft(rawPath, "/")
	fail := &Error{Vendor: c.displayName, Method: method, Path: c.mask.text("/" + rawPath)}
	early := func(err error) (*Response, error) {
		fail.Err = err
		fail.errText = c.mask.text(err.Error())
		return nil, fail
	}

	target, err := c.resolve(rawPath, rawQuery, req.Query)
	if err != nil {
		return early(err)
	}
	body, contentType, err := encodeBody(req.Body)
	if err != nil {
		return early(err)
	}
	var raw any // retryablehttp needs a nil interface, not a nil slice, for "no body"
	if body != nil {
		raw = body
	}
	hreq, err := retryablehttp.NewRequestWithContext(ctx, method, target.String(), raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return early(fmt.Errorf("invalid request: %w", err))
	}
	hreq.Header.Set("Accept", "application/json")
	if contentType != "" {
		hreq.Header.Set("Content-Type", contentType)
	}
	hreq.Header.Set("User-Agent", c.userAgent)
	for k, vs := range req.Header {
		hreq.Header[http.CanonicalHeaderKey(k)] = slices.Clone(vs)
	}
	if err := c.authenticateRequest(hreq.Request); err != nil {
		return early(err)
	}

	// The masker of this call also knows the credential values just set and
	// the secret values this request carries.
	mask := c.mask.withSecrets(slices.Concat(
		c.mask.credentialSecrets(hreq.Header),
		c.mask.requestSecrets(body, hreq.Header.Get("Content-Type"), target.Query()),
	)...)
	fail.Path = mask.text("/" + rawPath)
	st := &call{
		client:     c,
		method:     method,
		idempotent: isIdempotent(method, req.Idempotent),
		mask:       mask,
		caller:     ctx,
		start:      time.Now(),
	}
	st.budgetEnd = st.start.Add(c.retryBudget)
	if body != nil {
		st.requestBodyLog = truncate(mask.body(body, hreq.Header.Get("Content-Type")), maxLoggedBody)
	}
	ctx = c.logContext(ctx, mask)
	// One id per Do ties the attempts and retry decisions of a call together
	// when Terraform runs operations in parallel.
	ctx = tflog.SubsystemSetField(ctx, c.vendor, "http_call_id", callSeq.Add(1))
	ctx = withCall(ctx, st)
	// The budget is a deadline on everything below: an attempt (whose own
	// timeout is request_timeout), a rate-limit wait and a backoff all end
	// with it. The answer is read whole before Do returns, so cancelling on
	// return cuts nothing short.
	ctx, cancel := context.WithDeadline(ctx, st.budgetEnd)
	defer cancel()
	st.budget = ctx
	hreq = hreq.WithContext(ctx)

	rc := &retryablehttp.Client{
		HTTPClient:     c.http,
		Logger:         nil, // logging is done by this package, masked
		RetryWaitMin:   c.retryWaitMin,
		RetryWaitMax:   c.retryWaitMax,
		RetryMax:       math.MaxInt, // checkRetry decides, by budget and cap
		RequestLogHook: st.beginAttempt,
		CheckRetry:     st.checkRetry,
		Backoff:        st.backoff,
		ErrorHandler:   retryablehttp.PassthroughErrorHandler,
		PrepareRetry:   c.prepareRetry,
	}
	resp, err := rc.Do(hreq)
	if err != nil {
		if resp != nil {
			_ = resp.Body.Close()
		}
		return nil, st.transportError(fail, err)
	}
	data := bufferedBytes(resp)
	_ = resp.Body.Close()
	res := &Response{Status: resp.StatusCode, Header: resp.Header, Body: data}

	if !accepted(resp.StatusCode, req.ExpectStatus) {
		return res, st.statusError(fail, res)
	}
	if out != nil && method != http.MethodHead && len(bytes.TrimSpace(data)) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			fail.Status = res.Status
			fail.Attempts = st.attempt
			fail.Message = mask.text("the answer is not the JSON expected: " + err.Error())
			fail.Body = truncate(mask.body(data, res.Header.Get("Content-Type")), maxErrorBody)
			fail.Err = err
			fail.Hint = c.hintFor(fail)
			return res, fail
		}
	}
	return res, nil
}

// resolve joins a request path and query onto the base URL.
func (c *Client) resolve(path, rawQuery string, query url.Values) (*url.URL, error) {
	u := *c.base
	if path != "" {
		rel, err := url.Parse("/" + path)
		if err != nil {
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			return nil, fmt.Errorf("invalid request path: %w", err)
		}
		u.Path = c.base.Path + rel.Path
		u.RawPath = ""
		if rel.RawPath != "" || c.base.RawPath != "" {
			u.RawPath = c.base.EscapedPath() + rel.EscapedPath()
		}
	}
	q := url.Values{}
	for k, vs := range c.baseQuery {
		q[k] = slices.Clone(vs)
	}
	if rawQuery != "" {
		pq, err := url.ParseQuery(rawQuery)
		if err != nil {
			return nil, fmt.Errorf("invalid query in request path: %w", err)
		}
		for k, vs := range pq {
			q[k] = append(q[k], vs...)
		}
	}
	for k, vs := range query {
		q[k] = append(q[k], vs...)
	}
	u.RawQuery = q.Encode()
	return &u, nil
}

// encodeBody turns Request.Body into bytes and a default content type.
func encodeBody(body any) ([]byte, string, error) {
	switch b := body.(type) {
	case nil:
		return nil, "", nil
	case []byte:
		return b, "application/json", nil
	case url.Values:
		return []byte(b.Encode()), "application/x-www-form-urlencoded", nil
	default:
		data, err := json.Marshal(b)
		if err != nil {
			return nil, "", fmt.Errorf("encoding the request body: %w", err)
		}
		return data, "application/json", nil
	}
}

func (c *Client) authenticateRequest(r *http.Request) error {
	if c.authenticate == nil {
		return nil
	}
	if err := c.authenticate(r); err != nil {
		return fmt.Errorf("setting %s credentials: %w", c.displayName, err)
	}
	return nil
}

// prepareRetry runs before every retry. The header map is copied first:
// the previous attempt's request shares it, and net/http may still be
// reading it on another goroutine if that attempt was abandoned.
func (c *Client) prepareRetry(r *http.Request) error {
	r.Header = r.Header.Clone()
	return c.authenticateRequest(r)
}

func isIdempotent(method string, override *bool) bool {
	if override != nil {
		return *override
	}
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return false
}

func accepted(status int, expect []int) bool {
	if expect == nil {
		return status >= 200 && status < 300
	}
	return slices.Contains(expect, status)
}

// statusError builds the *Error for an answer the caller did not accept.
func (st *call) statusError(e *Error, res *Response) *Error {
	c := st.client
	e.Status = res.Status
	st.record(e)
	// Any 5xx to a non-idempotent request may come after the server acted.
	e.Ambiguous = !st.idempotent && res.Status >= 500
	maskedBody := st.mask.body(res.Body, res.Header.Get("Content-Type"))
	var code, message string
	if c.decodeError != nil {
		code, message = c.decodeError(res.Status, res.Header, res.Body)
	} else {
		message = shorten(strings.TrimSpace(maskedBody), maxErrorMessage)
	}
	e.Code = st.mask.text(strings.TrimSpace(code))
	e.Message = st.mask.text(strings.TrimSpace(message))
	e.Body = truncate(maskedBody, maxErrorBody)
	e.Hint = c.hintFor(e)
	return e
}

// transportError builds the *Error for a call that got no acceptable
// answer: a transport failure, a cancelled context, a failed retry
// preparation.
func (st *call) transportError(e *Error, err error) *Error {
	st.record(e)
	e.Ambiguous = st.ambiguous
	e.Err = sanitizeError(err)
	e.errText = st.mask.text(describeError(err))
	if st.budgetCut {
		// The bare "context deadline exceeded" would send users looking for
		// an operation timeout, and would tell callers the operation's
		// context ended when it did not.
		cut := &budgetCutError{budget: st.client.retryBudget, attempt: st.attempt, before: st.mask.text(st.lastRetried)}
		e.Err = cut
		e.errText = st.mask.text(cut.Error())
	}
	e.Hint = st.client.hintFor(e)
	return e
}

// record copies what the retry loop knows into an error: the attempts, the
// time taken, the budget and, when it stopped retrying a failure a retry
// could fix, why.
func (st *call) record(e *Error) {
	e.Attempts = st.attempt
	e.Elapsed = time.Since(st.start)
	e.Budget = st.client.retryBudget
	e.RetryAfter = st.retryAfter
	e.GaveUp = st.mask.text(st.gaveUp)
	switch {
	case st.gaveUpAt == budgetLimit && st.retryAfter > 0:
		e.retryHint = fmt.Sprintf("%s asked to be called again only after %s, later than the retry budget allows. Try again after that, or raise the provider's retry_budget.", st.client.displayName, st.retryAfter)
	case st.gaveUpAt == budgetLimit:
		e.retryHint = fmt.Sprintf("%s kept failing for the whole retry budget. Try again later, or raise the provider's retry_budget to ride out a longer outage.", st.client.displayName)
	case st.gaveUpAt == countLimit:
		e.retryHint = fmt.Sprintf("%s kept failing through every retry max_retries allows. Try again later, or raise max_retries, or remove it so that only retry_budget bounds the retries.", st.client.displayName)
	}
}

func (c *Client) hintFor(e *Error) string {
	if c.hint != nil {
		if h := c.hint(e); h != "" {
			return h
		}
	}
	if e.Status == http.StatusTooManyRequests {
		return fmt.Sprintf("%s is limiting the request rate. Lower the provider's requests_per_second setting for %s, reduce Terraform's -parallelism, or try again later.", c.displayName, c.displayName)
	}
	return e.retryHint
}

// describeError is the text of a transport error without net/http's
// `Get "https://...?query": ` prefix, which would leak query strings.
func describeError(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		return ue.Err.Error()
	}
	return err.Error()
}

// sanitizeError drops the query string and user info from the *url.Error
// net/http returns, so even a caller printing the unwrapped error leaks
// nothing.
func sanitizeError(err error) error {
	ue, ok := err.(*url.Error) // only net/http's outermost wrapper carries the URL
	if !ok {
		return err
	}
	clean := &url.Error{Op: ue.Op, Err: ue.Err}
	if u, perr := url.Parse(ue.URL); perr == nil {
		u.User, u.RawQuery, u.Fragment = nil, "", ""
		clean.URL = u.String()
	}
	return clean
}

// shorten cuts s to at most n bytes on a rune boundary.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
