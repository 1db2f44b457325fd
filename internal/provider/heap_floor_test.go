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
		floor, live, roots int64
		want               int
	}{
		"a live heap with roots gets the floor's room":   {floor: 64 * mib, live: 7 * mib, roots: 1 * mib, want: 800},
		"a live heap as large as the floor: the default": {floor: 64 * mib, live: 64 * mib, roots: 1 * mib, want: 100},
		"a larger live heap keeps the default":           {floor: 64 * mib, live: 512 * mib, roots: 1 * mib, want: 100},
		// 1 + 1.5 x 8.25 is 13 MiB, but Go's minimum heap of 4 MiB x 8.25
		// is the 33 MiB of live + floor: a larger percentage would raise it.
		"a tiny heap is held to live + floor by Go's minimum heap": {floor: 32 * mib, live: 1 * mib, roots: mib / 2, want: 825},
		"nothing read does not turn collection off":                {floor: 1 << 40, live: 0, roots: 0, want: 10_000},
		"no floor is Go's default":                                 {floor: 0, live: 8 * mib, roots: 1 * mib, want: 100},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := gcPercentFor(tt.floor, tt.live, tt.roots); got != tt.want {
				t.Errorf("gcPercentFor(%d, %d, %d) = %d, want %d", tt.floor, tt.live, tt.roots, got, tt.want)
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

// The provider's server gives the collector the floor's room and no more:
// after a collection, the next one is due about heapFloorBytes above the
// live heap (the small heap of a test process), not a multiple of it, the
// roots GOGC also applies to included.
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
		room := goal - live
		if room >= heapFloorBytes*9/10 && room <= heapFloorBytes*12/10 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the heap goal is %d MiB over a live heap of %d MiB; want about %d MiB of room",
				room>>20, live>>20, heapFloorBytes>>20)
		}
	}
}
