package apiclient

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
)

// What vendor code needs of the layer besides Do: a client for the request
// that obtains the credentials (it must not run the Authenticate hook that
// waits for them), and the masking of errors and text it builds itself from
// a vendor's answer, so that no such text skips the masking Do applies.

// WithoutAuthentication returns a client that shares everything with c (the
// transport chain with its redirect rule, client-side rate limit and
// per-attempt timeout, the masked logging, the retry policy, the error
// decoding) except the Authenticate hook, which it never calls. It is for
// the request that obtains what the hook sets, such as an OAuth token
// request: sent through c, that request would call the hook, which waits
// for the very token being requested.
func (c *Client) WithoutAuthentication() *Client {
	out := *c
	out.authenticate = nil
	return &out
}

// Mask replaces every secret the client knows (Config.Secrets, in their
// escaped forms too) in s: for text vendor code builds from a vendor's
// answer, or from an error, outside Do.
func (c *Client) Mask(s string) string { return c.mask.text(s) }

// AnswerError is the *Error for an answer Do accepted but the vendor says
// failed, such as a 2xx whose envelope carries an error; code and message
// are the vendor's, as read from res. It is masked the way Do masks the
// errors it builds, whatever the status: Config.Secrets, the values of the
// sensitive fields req sends (a password or PIN the vendor may echo back),
// and sensitive keys in the body. The hint is the vendor's Config.Hint.
func (c *Client) AnswerError(req Request, res *Response, code, message string) *Error {
	method := cmp.Or(strings.ToUpper(strings.TrimSpace(req.Method)), http.MethodGet)
	rawPath, rawQuery, _ := strings.Cut(req.Path, "?")
	mask := c.requestMask(req, rawPath, rawQuery)
	e := &Error{
		Vendor:  c.displayName,
		Method:  method,
		Path:    mask.text("/" + strings.TrimLeft(rawPath, "/")),
		Code:    mask.text(strings.TrimSpace(code)),
		Message: mask.text(strings.TrimSpace(message)),
	}
	if res != nil {
		e.Status = res.Status
		e.Body = truncate(mask.body(res.Body, res.Header.Get("Content-Type")), maxErrorBody)
	}
	e.Hint = c.hintFor(e)
	return e
}

// requestMask is the client's masker plus the secret values req carries in
// its body and query, as Do builds it for the call (less the credential
// headers, which only Authenticate knows).
func (c *Client) requestMask(req Request, rawPath, rawQuery string) *masker {
	var secrets []string
	if target, err := c.resolve(strings.TrimLeft(rawPath, "/"), rawQuery, req.Query); err == nil {
		secrets = c.mask.requestSecrets(nil, "", target.Query())
	}
	if body, contentType, err := encodeBody(req.Body); err == nil && body != nil {
		if ct := req.Header.Get("Content-Type"); ct != "" {
			contentType = ct
		}
		secrets = slices.Concat(secrets, c.mask.requestSecrets(body, contentType, nil))
	}
	return c.mask.withSecrets(secrets...)
}
