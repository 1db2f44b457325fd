package main

import (
	"os"
	"runtime/debug"
)

// defaultMemoryLimit is the soft heap limit the provider runs with unless
// GOMEMLIMIT says otherwise. A refresh of thousands of users allocates
// gigabytes of short-lived values inside the plugin framework while the live
// heap stays small; with only GOGC's pacing the resident set climbs well
// past what is in use. The soft limit makes the collector run sooner near
// it and costs no measurable CPU at that scale (see docs/benchmarks). It is
// soft: a larger live heap still gets the memory it needs.
const defaultMemoryLimit = 100 << 20

func applyMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}
