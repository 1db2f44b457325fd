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
// at least heapFloorBytes of room above the live heap, adjusting it after
// every collection. It stays out of the way when the user set GOGC.
type heapFloor struct {
	// floor is the room in bytes; 0 restores Go's default of 100 percent.
	floor   atomic.Int64
	mu      sync.Mutex
	percent int // last percentage set
	sample  []metrics.Sample
}

var (
	theHeapFloor     = &heapFloor{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
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

// adjust sets GOGC for the next cycle from the heap the last one found
// live.
func (h *heapFloor) adjust() {
	h.mu.Lock()
	defer h.mu.Unlock()
	metrics.Read(h.sample)
	var live int64
	if h.sample[0].Value.Kind() == metrics.KindUint64 {
		live = int64(h.sample[0].Value.Uint64())
	}
	if percent := gcPercentFor(h.floor.Load(), live); percent != h.percent {
		debug.SetGCPercent(percent)
		h.percent = percent
	}
}

// gcPercentFor is the GOGC that lets a heap with live bytes live grow by
// floor bytes before the next collection, and never less than Go's
// default of 100 percent. It is capped so that a nearly empty heap (just
// started, or a metric not read) does not turn collection off.
func gcPercentFor(floor, live int64) int {
	live = max(live, 1<<20)
	return int(max(100, min(floor*100/live, 10_000)))
}
