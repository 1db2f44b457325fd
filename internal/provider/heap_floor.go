package provider

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// heapFloorBytes is how much the heap may grow above what is live before
// the garbage collector runs, at the least.
//
// Go collects when the heap has grown by GOGC percent (100) of what the
// last collection found live. The provider's live heap is small (schemas,
// clients, a few snapshots: megabytes), while every resource call
// allocates hundreds of kilobytes that die with the call, so with the
// default the collector ran every few dozen calls, and a profile of a
// no-change plan put a third of the provider's CPU in it. Letting the heap
// grow by at least this much before a collection cuts that to a fraction,
// for at most this much more memory; once the live heap is larger than
// the floor, the collector runs as Go's default would.
const heapFloorBytes = 32 << 20

// heapFloor keeps GOGC at the percentage that gives the next collection
// about heapFloorBytes of room above the live heap (never less than Go's
// default gives), adjusting it after every collection. It stays out of the way when the user set GOGC.
//
// Go's goal for the next collection is the larger of two, and GOGC scales
// both: live + (live + stacks + globals) x GOGC/100, and a minimum heap of
// 4 MiB x GOGC/100. The provider's live heap after a collection is a few
// megabytes, so a percentage reckoned from the first alone raised the
// minimum far past the floor: the provider's peak resident set was about
// 150 MiB at every size. The percentage is the largest that keeps both
// within the floor's room.
type heapFloor struct {
	// floor is the room in bytes; 0 restores Go's default of 100 percent.
	floor   atomic.Int64
	mu      sync.Mutex
	percent int // last percentage set
	sample  []metrics.Sample
}

var (
	theHeapFloor = &heapFloor{sample: []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/gc/scan/stack:bytes"},
		{Name: "/gc/scan/globals:bytes"},
	}}
	startHeapFloorMu sync.Once
)

// startHeapFloor starts keeping the heap floor for the rest of the
// process, unless GOGC is set: a user's own choice wins.
func startHeapFloor() {
	startHeapFloorMu.Do(func() {
		if !heapFloorWanted(os.LookupEnv) {
			return
		}
		theHeapFloor.floor.Store(heapFloorBytes)
		theHeapFloor.adjust()
		theHeapFloor.watch()
	})
}

// heapFloorWanted is false when the environment sets GOGC, even to
// "off" or 100: the user chose the collector's pacing.
func heapFloorWanted(lookupEnv func(string) (string, bool)) bool {
	_, set := lookupEnv("GOGC")
	return !set
}

// gcSentinel is garbage the moment it is made; its finalizer runs after
// the collection that found it, once per cycle. It holds a pointer so that
// it is not batched with other small objects, whose finalizers may run
// late.
type gcSentinel struct {
	_ *int
	_ [16]byte
}

func (h *heapFloor) watch() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		h.adjust()
		h.watch()
	})
}

// adjust sets GOGC for the next cycle from what the last one found live:
// the heap and the roots GOGC also applies to.
func (h *heapFloor) adjust() {
	h.mu.Lock()
	defer h.mu.Unlock()
	metrics.Read(h.sample)
	var read [3]int64
	for i, s := range h.sample {
		if s.Value.Kind() == metrics.KindUint64 {
			read[i] = int64(s.Value.Uint64())
		}
	}
	live, roots := read[0], read[1]+read[2]
	if percent := gcPercentFor(h.floor.Load(), live, roots); percent != h.percent {
		debug.SetGCPercent(percent)
		h.percent = percent
	}
}

// goMinimumHeap is the runtime's minimum heap goal at GOGC=100, which it
// scales by GOGC/100 (runtime/mgcpacer.go, defaultHeapMinimum).
const goMinimumHeap = 4 << 20

// gcPercentFor is the GOGC that lets the heap grow by about floor bytes
// above live before the next collection: the largest percentage for which
// neither the growth Go allows over live and roots nor its scaled minimum
// heap exceeds live + floor, and never less than Go's default of 100
// percent. It is capped so that a heap and roots of nothing (a metric not
// read) do not turn collection off.
func gcPercentFor(floor, live, roots int64) int {
	byGrowth := floor * 100 / max(live+roots, 1)
	byMinimum := (live + floor) * 100 / goMinimumHeap
	return int(max(100, min(byGrowth, byMinimum, 10_000)))
}
