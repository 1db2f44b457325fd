package sandbox

import (
	"bytes"
	"strings"
	"testing"
)

func TestIsCredentialName(t *testing.T) {
	for name, want := range map[string]bool{
		"password": true, "Password": true, "UserPassword": true, "passwd": true, "PIN": true, "Pin": true, "pin_code": true,
		"secret": true, "client_secret": true, "ClientSecret": true, "api_key": true, "apiKey": true, "APIKEY": true,
		"token": true, "access_token": true, "refresh_token": true, "Authorization": true, "Ocp-Apim-Subscription-Key": true,
		"Cookie": true, "x-credentials": true, "pwd": true,
		"email": false, "Username": false, "first_name": false, "MobilePhone": false, "shipping": false, "pinned": false,
		"mapping": false, "Content-Type": false, "id": false, "": false,
	} {
		if got := isCredentialName(name); got != want {
			t.Errorf("isCredentialName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestRedactBody(t *testing.T) {
	cases := []struct {
		name, body, contentType string
		want                    string
		cut                     bool
	}{
		{
			name: "JSON keys at any depth, order and other fields kept",
			body: `{"Username":"grace","Password":"pw-1","Pin":"2468","Nested":{"client_secret":"cs","list":[{"api_key":"k","id":7},{"token":{"a":1}}]},"n":1.50}`,
			want: `{"Username":"grace","Password":"REDACTED","Pin":"REDACTED","Nested":{"client_secret":"REDACTED","list":[{"api_key":"REDACTED","id":7},{"token":"REDACTED"}]},"n":1.50}`,
		},
		{
			name: "JSON reformatted compactly, HTML characters kept",
			body: "{\n  \"access_token\" : \"at\",\n  \"note\": \"<b>&</b>\", \"refresh_token\": null, \"ok\": true\n}\n",
			want: `{"access_token":"REDACTED","note":"<b>&</b>","refresh_token":"REDACTED","ok":true}`,
		},
		{name: "JSON array", body: `[{"passwd":"x"},2,"s",false,null]`, want: `[{"passwd":"REDACTED"},2,"s",false,null]`},
		{name: "JSON scalar", body: `"text"`, want: `"text"`},
		{
			name: "JSON cut inside a secret shows what came before",
			body: `{"email":"a@example.com","password":"hunter2-and-more`,
			want: `{"email":"a@example.com","password":`, cut: true,
		},
		{
			name: "JSON cut inside a plain value",
			body: `{"password":"pw","email":"a@exam`,
			want: `{"password":"REDACTED","email":`, cut: true,
		},
		{name: "broken JSON", body: `{"password":"pw" "secret":"s"}`, want: `{"password":"REDACTED",`, cut: true},
		{name: "two JSON values", body: `{"a":1} {"password":"pw"}`, want: `{"a":1}`, cut: true},
		{
			name: "declared form",
			body: "grant_type=client_credentials&client_id=abc&client_secret=s%26cret&scope=", contentType: "application/x-www-form-urlencoded; charset=utf-8",
			want: "grant_type=client_credentials&client_id=abc&client_secret=REDACTED&scope=",
		},
		{name: "undeclared form", body: "user=a&Pass%77ord=pw&pin=1", want: "user=a&Pass%77ord=REDACTED&pin=REDACTED"},
		{name: "empty", body: "", want: ""},
		{name: "short text", body: "hello there", contentType: "text/plain", want: "hello there"},
		{
			name: "long text cut short",
			body: strings.Repeat("x", OpaqueBodyViewBytes+10), contentType: "text/plain",
			want: strings.Repeat("x", OpaqueBodyViewBytes), cut: true,
		},
		{
			name: "text cut on a character boundary",
			body: strings.Repeat("x", OpaqueBodyViewBytes-1) + "é and more",
			want: strings.Repeat("x", OpaqueBodyViewBytes-1), cut: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, cut := redactBody([]byte(c.body), c.contentType)
			if string(got) != c.want || cut != c.cut {
				t.Errorf("got %s (cut %v)\nwant %s (cut %v)", got, cut, c.want, c.cut)
			}
		})
	}
}

// A JSON body larger than the log keeps is masked whole, then cut: a secret
// past the cut is never shown, one before it is masked.
func TestRedactBody_LargeJSON(t *testing.T) {
	body := `{"password":"early-secret","filler":"` + strings.Repeat("f", 2*LoggedBodyBytes) + `","Pin":"late-secret"}`
	got, cut := redactBody([]byte(body), "application/json")
	if !cut || len(got) > LoggedBodyBytes {
		t.Errorf("view of %d bytes, cut %v; want at most %d and cut", len(got), cut, LoggedBodyBytes)
	}
	if bytes.Contains(got, []byte("secret")) || !bytes.HasPrefix(got, []byte(`{"password":"REDACTED","filler":"fff`)) {
		t.Errorf("view %.80s...", got)
	}
}

func TestRedactBody_Binary(t *testing.T) {
	body := bytes.Repeat([]byte{0xff, 0x00, 0x80}, OpaqueBodyViewBytes)
	got, cut := redactBody(body, "application/octet-stream")
	if !cut || len(got) != OpaqueBodyViewBytes {
		t.Errorf("binary view %d bytes, cut %v", len(got), cut)
	}
}

func TestRedactForm(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "",
		"page=2&per_page=100":      "page=2&per_page=100",
		"subscription-key=sk&x=1":  "subscription-key=REDACTED&x=1",
		"api_key=k&api_key=k2":     "api_key=REDACTED&api_key=REDACTED",
		"token&apiKey=":            "token&apiKey=REDACTED",
		"%zz=1&access%5Ftoken=tok": "%zz=1&access%5Ftoken=REDACTED",
	} {
		if got := redactForm(in); got != want {
			t.Errorf("redactForm(%q) = %q, want %q", in, got, want)
		}
	}
}
