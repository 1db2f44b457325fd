package main

import (
	"fmt"
	"os"
	"testing"
)

// The memory and CPU watch counts only the CLI's own provider processes,
// found by their parent: the parent read from /proc must be the real one.
func TestParentPID(t *testing.T) {
	if got, want := parentPID(fmt.Sprintf("/proc/%d", os.Getpid())), os.Getppid(); got != want {
		t.Errorf("parentPID = %d, want %d", got, want)
	}
	if got := parentPID("/proc/no-such-process"); got != -1 {
		t.Errorf("parentPID of a missing process = %d, want -1", got)
	}
}
