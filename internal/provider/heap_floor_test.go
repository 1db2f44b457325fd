package provider

import (
	"os"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

func TestGCPercentFor(t *testing.T) {
	const mib = 1 << 20
	tests := map[string]struct {
		floor, live int64
		want        int
	}{
		"a small live heap gets the floor's room":        {floor: 64 * mib, live: 8 * mib, want: 800},
		"a live heap as large as the floor: the default": {floor: 64 * mib, live: 64 * mib, want: 100},
		"a larger live heap keeps the default":           {floor: 64 * mib, live: 512 * mib, want: 100},
		"an empty heap does not turn collection off":     {floor: 64 * mib, live: 0, want: 6400},
		"no floor is Go's default":                       {floor: 0, live: 8 * mib, want: 100},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := gcPercentFor(tt.floor, tt.live); got != tt.want {
				t.Errorf("gcPercentFor(%d, %d) = %d, want %d", tt.floor, tt.live, got, tt.want)
			}
		})
	}
}

func TestHeapFloorStepsAsideForGOGC(t *testing.T) {
	for _, env := range []string{"100", "off", "400"} {
		if heapFloorWanted(func(k string) (string, bool) { return env, k == "GOGC" }) {
			t.Errorf("GOGC=%s: the heap floor must leave the collector to the user", env)
		}
	}
	if !heapFloorWanted(func(string) (string, bool) { return "", false }) {
		t.Error("GOGC unset: the heap floor must be kept")
	}
}

// The provider's server gives the collector the floor's room: after a
// collection, the next one is due no earlier than heapFloorBytes above the
// live heap (the small heap of a test process).
func TestServerKeepsTheHeapFloor(t *testing.T) {
	if _, set := os.LookupEnv("GOGC"); set {
		t.Skip("GOGC is set: the heap floor steps aside")
	}
	_ = NewServer("test")()
	samples := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		// The floor adjusts after a collection, and the goal follows at
		// the next one.
		time.Sleep(10 * time.Millisecond)
		runtime.GC()
		metrics.Read(samples)
		live, goal := samples[0].Value.Uint64(), samples[1].Value.Uint64()
		if goal >= live+heapFloorBytes*9/10 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the heap goal is %d MiB over a live heap of %d MiB; want at least %d MiB of room",
				(goal-live)>>20, live>>20, heapFloorBytes>>20)
		}
	}
}
