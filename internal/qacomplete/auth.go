package qacomplete

import "net/http"

// basicAuth sends the login e-mail and password with HTTP Basic on every
// request, which is what every user operation page documents.
func basicAuth(username, password string) func(*http.Request) error {
	return func(r *http.Request) error {
		r.SetBasicAuth(username, password)
		return nil
	}
}
