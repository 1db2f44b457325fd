package apiclient

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBodyText(t *testing.T) {
	cases := map[string]string{
		"<html><body><h1>502 - Bad gateway</h1>\n<p>try later</p></body></html>": "502 - Bad gateway try later",
		"  plain\ttext \n": "plain text",
		"":                 "",
		"bad \xff byte":    "bad \uFFFD byte",
	}
	for in, want := range cases {
		if got := BodyText([]byte(in)); got != want {
			t.Errorf("BodyText(%q) = %q, want %q", in, got, want)
		}
	}
	long := BodyText([]byte(strings.Repeat("é", 400)))
	if len(long) > maxBodyText+3 || !utf8.ValidString(long) || !strings.HasSuffix(long, "...") {
		t.Fatalf("a long body must be capped on a character boundary, got %d bytes", len(long))
	}
}
