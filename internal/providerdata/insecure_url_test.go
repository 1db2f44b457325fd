package providerdata

import (
	"net/url"
	"testing"
)

func TestInsecureRemote(t *testing.T) {
	cases := map[string]bool{
		"https://rest.qacomplete.smartbear.com/rest-api/service/api/v1": false,
		"http://qacomplete.corp.example/rest-api/service/api/v1":        true,
		"http://10.0.0.5:8080/rest-api/service/api/v1":                  true,
		"http://127.0.0.1:8080/qacomplete":                              false,
		"http://[::1]:8080/qacomplete":                                  false,
		"http://localhost:8080/qacomplete":                              false,
	}
	for raw, warn := range cases {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := insecureRemote(u); got != warn {
			t.Errorf("%s: insecure = %v, want %v", raw, got, warn)
		}
	}
}
