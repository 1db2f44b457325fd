// Package workflowtest holds acceptance tests of the workflows the examples
// teach, run with the real CLI against the sandbox: adopting every existing
// user of the four vendors in one plan (examples/adopt-all) and a person's
// onboarding, change and offboarding across the four tools
// (examples/modules/person). The tests live in _test.go files; this file
// only names the package.
package workflowtest
