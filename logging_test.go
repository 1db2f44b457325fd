package main

import (
	"os"
	"testing"
)

func TestSilenceDiscardedLogs(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string // expected TF_LOG_SDK_FRAMEWORK afterwards
	}{
		{"nothing set: the CLI discards provider logs", map[string]string{}, "off"},
		{"TF_LOG keeps every level", map[string]string{"TF_LOG": "TRACE"}, ""},
		{"TF_LOG_PROVIDER keeps every level", map[string]string{"TF_LOG_PROVIDER": "DEBUG"}, ""},
		{"an explicit SDK level is kept", map[string]string{"TF_LOG_SDK_FRAMEWORK": "INFO"}, "INFO"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, v := range append([]string{"TF_LOG", "TF_LOG_PROVIDER"}, sdkLogLevelVars...) {
				t.Setenv(v, "")
				_ = os.Unsetenv(v)
			}
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			silenceDiscardedLogs()
			if got := os.Getenv("TF_LOG_SDK_FRAMEWORK"); got != c.want {
				t.Fatalf("TF_LOG_SDK_FRAMEWORK = %q, want %q", got, c.want)
			}
		})
	}
}
