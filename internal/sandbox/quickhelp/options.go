package quickhelp

import (
	"fmt"
	"time"
)

// Values of Options.ValidationBody.
const (
	// ValidationBodyModelState is the documented 400 body: a map from field
	// name to {value, errors} (quickhelp-api.md §2.2). The default.
	ValidationBodyModelState = "modelstate"
	// ValidationBodyHTTPError is Web API 2's runtime form,
	// {"message", "modelState": {field: [messages]}}, which the document
	// thinks the live service may send instead (§2.2).
	ValidationBodyHTTPError = "httperror"
)

// Options switches the emulator between the strict reading of the document
// (the zero value) and kinder ones, and turns the gateway limits on. It can be
// given to New or in the seed's "options" object (JSON names in the tags).
type Options struct {
	// UpdateKeepsOmitted makes POST /v1/User/Update keep the fields its body
	// omits (or sends as null). Off: omitted strings are cleared, omitted
	// booleans become false, omitted roles remove every role, and an omitted
	// email is a validation error (§4 leaves it open).
	UpdateKeepsOmitted bool `json:"update_keeps_omitted,omitempty"`

	// DeleteAcceptsEitherID lets a deleteUser entry name its user by userId
	// or by email alone. Off: each entry needs both, and they must agree
	// (§5 leaves it open).
	DeleteAcceptsEitherID bool `json:"delete_accepts_either_id,omitempty"`

	// CustomerKeysIgnoreCustomerID makes a customer-level (non-partner) key's
	// customerId/customerIds silently ignored. Off: they are rejected with a
	// 400, since the document calls them "BSI or Partner" only (§6).
	CustomerKeysIgnoreCustomerID bool `json:"customer_keys_ignore_customer_id,omitempty"`

	// SubscriptionKeyInQuery also accepts the subscription key as the
	// Ocp-Apim-Subscription-Key query parameter (§1). Off: header only.
	SubscriptionKeyInQuery bool `json:"subscription_key_in_query,omitempty"`

	// ValidationBody picks the 400 body: ValidationBodyModelState ("" too)
	// or ValidationBodyHTTPError.
	ValidationBody string `json:"validation_body,omitempty"`

	// ZeroBasedPages numbers getUserList pages from 0. Off: from 1 (§3
	// leaves it open).
	ZeroBasedPages bool `json:"zero_based_pages,omitempty"`

	// PageIsOffset reads getUserList's page as a record offset: page N skips
	// N records, so the first page is 0 and the next one starts where the
	// last ended. [I] §3: the portal calls page "the offset of items to
	// show"; the echo of page in the answer makes a page number the likelier
	// reading, so this is off by default. It wins over ZeroBasedPages.
	PageIsOffset bool `json:"page_is_offset,omitempty"`

	// EmptyRecordsAsArray answers a page without users with "records": [].
	// Off: with "records": null, as .NET serialises a list it never filled.
	// [I] §3: the documented example shows an array holding a record, so
	// what an empty page carries is open; null is the harder one to read.
	EmptyRecordsAsArray bool `json:"empty_records_as_array,omitempty"`

	// DefaultPageSize is getUserList's page size when pageSize is absent;
	// 0 means the guess in guesses.go (10).
	DefaultPageSize int `json:"default_page_size,omitempty"`

	// MaxPageSize caps pageSize; a larger value is clamped and the clamped
	// size is echoed. 0 means the guess in guesses.go (100).
	MaxPageSize int `json:"max_page_size,omitempty"`

	// RateLimitCalls is how many calls one subscription key may make per
	// RateLimitPeriodSeconds before APIM's rate-limit policy answers 429 with
	// Retry-After (§2.1, §9). 0: no rate limit.
	RateLimitCalls int `json:"rate_limit_calls,omitempty"`
	// RateLimitPeriodSeconds is the rate-limit window; 0 means 60.
	RateLimitPeriodSeconds int `json:"rate_limit_period_seconds,omitempty"`

	// QuotaCalls is how many calls one subscription key may make per
	// QuotaPeriodSeconds before APIM's quota policy answers 403 (§2.1, §9).
	// 0: no quota.
	QuotaCalls int `json:"quota_calls,omitempty"`
	// QuotaPeriodSeconds is the quota's renewal period; 0 means 86400.
	QuotaPeriodSeconds int `json:"quota_period_seconds,omitempty"`

	// Now is the clock the gateway limits read; nil means time.Now. Tests
	// inject their own so rate limits run without sleeping. A seed's options
	// never carry it, so seeding keeps the clock the emulator was built with.
	Now func() time.Time `json:"-"`
}

func (o Options) validate() error {
	switch o.ValidationBody {
	case "", ValidationBodyModelState, ValidationBodyHTTPError:
	default:
		return fmt.Errorf("options.validation_body: %q is neither %q nor %q",
			o.ValidationBody, ValidationBodyModelState, ValidationBodyHTTPError)
	}
	for name, v := range map[string]int{
		"default_page_size":         o.DefaultPageSize,
		"max_page_size":             o.MaxPageSize,
		"rate_limit_calls":          o.RateLimitCalls,
		"rate_limit_period_seconds": o.RateLimitPeriodSeconds,
		"quota_calls":               o.QuotaCalls,
		"quota_period_seconds":      o.QuotaPeriodSeconds,
	} {
		if v < 0 {
			return fmt.Errorf("options.%s: must not be negative, got %d", name, v)
		}
	}
	return nil
}

func (o Options) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

func (o Options) firstPage() int {
	if o.ZeroBasedPages || o.PageIsOffset {
		return 0
	}
	return guessFirstPage
}

// offset is the index of the first record page shows.
func (o Options) offset(page, pageSize int) int64 {
	if o.PageIsOffset {
		return int64(page)
	}
	return int64(page-o.firstPage()) * int64(pageSize)
}

func (o Options) defaultPageSize() int {
	if o.DefaultPageSize > 0 {
		return o.DefaultPageSize
	}
	return guessDefaultPageSize
}

func (o Options) maxPageSize() int {
	if o.MaxPageSize > 0 {
		return o.MaxPageSize
	}
	return guessMaxPageSize
}

func (o Options) rateLimitPeriod() time.Duration {
	if o.RateLimitPeriodSeconds > 0 {
		return time.Duration(o.RateLimitPeriodSeconds) * time.Second
	}
	return time.Minute
}

func (o Options) quotaPeriod() time.Duration {
	if o.QuotaPeriodSeconds > 0 {
		return time.Duration(o.QuotaPeriodSeconds) * time.Second
	}
	return 24 * time.Hour
}
