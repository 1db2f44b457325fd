package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// sandbox is a saas-sandbox process driven through its /_sandbox/ control
// API, the way any user's test harness would drive it: with the token the
// process writes to its -token-file.
type sandbox struct {
	cmd   *exec.Cmd
	url   string
	token string
}

func startSandbox(bin, dir string) (*sandbox, error) {
	urlFile, tokenFile := filepath.Join(dir, "sandbox.url"), filepath.Join(dir, "sandbox.token")
	logFile, err := os.Create(filepath.Join(dir, "sandbox.log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(filepath.Join(bin, "saas-sandbox"), "-listen", "127.0.0.1:0", "-url-file", urlFile, "-token-file", tokenFile)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	for range 100 {
		if b, err := os.ReadFile(urlFile); err == nil && len(b) > 0 {
			// The token file is written before the URL file.
			token, err := os.ReadFile(tokenFile)
			if err != nil {
				_ = cmd.Process.Kill()
				return nil, fmt.Errorf("saas-sandbox wrote no admin token: %w", err)
			}
			return &sandbox{cmd: cmd, url: strings.TrimSpace(string(b)), token: strings.TrimSpace(string(token))}, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	_ = cmd.Process.Kill()
	return nil, fmt.Errorf("saas-sandbox did not start; see %s", logFile.Name())
}

func (s *sandbox) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	_, _ = s.cmd.Process.Wait()
}

func (s *sandbox) call(method, path string, body any, out any) error {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.url+"/_sandbox/"+path, r)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+s.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s /_sandbox/%s: %s: %s", method, path, resp.Status, data)
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}

// reset restores every emulator's default data and clears the log,
// counters and faults, so each measurement starts from the same place.
func (s *sandbox) reset(seed map[string]any) error {
	if err := s.call(http.MethodDelete, "faults", nil, nil); err != nil {
		return err
	}
	if seed == nil {
		seed = map[string]any{}
	}
	if err := s.call(http.MethodPost, "seed", seed, nil); err != nil {
		return err
	}
	return s.call(http.MethodDelete, "requests", nil, nil)
}

// setLatency adds the same latency to every call of every vendor.
func (s *sandbox) setLatency(d time.Duration) error {
	if d == 0 {
		return s.call(http.MethodDelete, "faults", nil, nil)
	}
	return s.call(http.MethodPut, "faults", map[string]any{
		"vendor": "",
		"faults": []map[string]any{{"latency": d.String()}},
	}, nil)
}

// cpu is the sandbox process's CPU time so far.
func (s *sandbox) cpu() time.Duration {
	d, _ := processCPU(fmt.Sprintf("/proc/%d", s.cmd.Process.Pid))
	return d
}

// callsAndReset returns how many API calls each vendor answered since the
// last reset, then clears the counters.
func (s *sandbox) callsAndReset() (map[string]int, error) {
	var stats map[string]map[string]struct {
		Calls int `json:"calls"`
	}
	if err := s.call(http.MethodGet, "stats", nil, &stats); err != nil {
		return nil, err
	}
	out := map[string]int{}
	for vendor, routes := range stats {
		for _, r := range routes {
			out[vendor] += r.Calls
		}
	}
	return out, s.call(http.MethodDelete, "requests", nil, nil)
}
