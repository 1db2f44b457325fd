package qacomplete

import "testing"

func TestDecodeError(t *testing.T) {
	cases := map[string]string{
		`{"message":"Access is denied"}`:                                        "Access is denied",
		`{"Message":"An error has occurred."}`:                                  "An error has occurred.",
		`<html><body><h1>404 - File or directory not found.</h1></body></html>`: "404 - File or directory not found.",
		"plain text failure\n":                                                  "plain text failure",
		``:                                                                      "",
	}
	for body, want := range cases {
		if _, got := decodeError(400, nil, []byte(body)); got != want {
			t.Errorf("decodeError(%q) = %q, want %q", body, got, want)
		}
	}
}
