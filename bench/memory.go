package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// memoryWatch polls /proc for the provider processes that one CLI process
// started and keeps the highest VmHWM (peak resident set) seen. VmHWM only
// grows, so sampling every few milliseconds misses at most the growth of
// the last interval before exit.
type memoryWatch struct {
	done chan struct{}
	wg   sync.WaitGroup
	mu   sync.Mutex
	peak int64
	cpu  map[string]time.Duration // last CPU time seen per provider process
	// parent is the CLI's process id. Only its children count: the
	// machine may run other providers (another checkout's bench or demo)
	// whose CPU and memory are not this command's.
	parent int
}

// providerBinaryPrefix is the start of the provider executable's name as
// Terraform installs it (terraform-provider-saas_v<version>).
const providerBinaryPrefix = "terraform-provider-saas"

func watchProviderMemory(parent int) *memoryWatch {
	m := &memoryWatch{done: make(chan struct{}), cpu: map[string]time.Duration{}, parent: parent}
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			m.sample()
			select {
			case <-m.done:
				return
			case <-tick.C:
			}
		}
	}()
	return m
}

// stop ends the watch and returns the peak resident set and the CPU time of
// the provider processes seen. CPU is sampled, so the last interval before
// a process exits is missed.
func (m *memoryWatch) stop() (int64, time.Duration) {
	close(m.done)
	m.wg.Wait()
	m.mu.Lock()
	defer m.mu.Unlock()
	var cpu time.Duration
	for _, d := range m.cpu {
		cpu += d
	}
	return m.peak, cpu
}

func (m *memoryWatch) sample() {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		// cmdline, not comm: comm keeps only 15 characters of the name.
		cmdline, err := os.ReadFile(filepath.Join(d, "cmdline"))
		if err != nil {
			continue
		}
		argv0, _, _ := strings.Cut(string(cmdline), "\x00")
		if !strings.HasPrefix(filepath.Base(argv0), providerBinaryPrefix) || parentPID(d) != m.parent {
			continue
		}
		hwm := readHWM(filepath.Join(d, "status"))
		cpu, cpuOK := processCPU(d)
		m.mu.Lock()
		m.peak = max(m.peak, hwm)
		if cpuOK {
			m.cpu[d] = cpu
		}
		m.mu.Unlock()
	}
}

func readHWM(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer func() { _ = f.Close() }()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			fields := strings.Fields(rest)
			if len(fields) > 0 {
				kb, _ := strconv.ParseInt(fields[0], 10, 64)
				return kb * 1024
			}
		}
	}
	return 0
}

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat times: 100 on Linux
// for every architecture Go supports.
const clockTicks = 100

// statFields are the fields of /proc/<pid>/stat after the command name,
// which is in parentheses and may hold spaces: they start after the last
// ')'. fields[0] is the state (field 3 in proc(5)).
func statFields(procDir string) []string {
	b, err := os.ReadFile(filepath.Join(procDir, "stat"))
	if err != nil {
		return nil
	}
	s := string(b)
	return strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
}

// parentPID reads the parent process id from /proc/<pid>/stat; -1 when
// the process is gone.
func parentPID(procDir string) int {
	fields := statFields(procDir)
	if len(fields) < 2 {
		return -1
	}
	ppid, err := strconv.Atoi(fields[1])
	if err != nil {
		return -1
	}
	return ppid
}

// processCPU reads utime+stime from /proc/<pid>/stat.
func processCPU(procDir string) (time.Duration, bool) {
	fields := statFields(procDir)
	if len(fields) < 13 {
		return 0, false
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * time.Second / clockTicks, true
}
