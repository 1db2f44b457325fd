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

// memoryWatch polls /proc for provider processes and keeps the highest
// VmHWM (peak resident set) seen. VmHWM only grows, so sampling every few
// milliseconds misses at most the growth of the last interval before exit.
type memoryWatch struct {
	done chan struct{}
	wg   sync.WaitGroup
	mu   sync.Mutex
	peak int64
	cpu  map[string]time.Duration // last CPU time seen per provider process
}

// providerBinaryPrefix is the start of the provider executable's name as
// Terraform installs it (terraform-provider-saas_v<version>).
const providerBinaryPrefix = "terraform-provider-saas"

func watchProviderMemory() *memoryWatch {
	m := &memoryWatch{done: make(chan struct{}), cpu: map[string]time.Duration{}}
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
		if !strings.HasPrefix(filepath.Base(argv0), providerBinaryPrefix) {
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

// processCPU reads utime+stime from /proc/<pid>/stat.
func processCPU(procDir string) (time.Duration, bool) {
	b, err := os.ReadFile(filepath.Join(procDir, "stat"))
	if err != nil {
		return 0, false
	}
	// The command name is in parentheses and may hold spaces: fields
	// start after the last ')'.
	s := string(b)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
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
