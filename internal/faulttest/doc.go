// Package faulttest holds the provider's fault-tolerance and secret-safety
// acceptance tests: applies across all four vendors while the sandbox throws
// 5xx, 429 bursts, latency spikes and dropped connections; an apply and a
// destroy that only the retry budget carries through a third of all calls
// failing and a full outage; retries bounded by max_retries and by the
// budget against a vendor that is down; an apply interrupted with SIGINT and
// resumed; and a TRACE-logged apply with every credential set that must
// leak none of them. The tests live in _test.go files; this file only names
// the package.
package faulttest
