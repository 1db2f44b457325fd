package questionpro

import "net/http"

// headerAPIKey is where the key travels: since March 31, 2024 the API takes
// it only in this header (questionpro-api.md §1.1). The retired `apiKey`
// query parameter would put the key in every URL, and so in proxy and
// server logs; this client never uses it.
const headerAPIKey = "api-key"

func apiKeyAuth(key string) func(*http.Request) error {
	return func(r *http.Request) error {
		r.Header.Set(headerAPIKey, key)
		return nil
	}
}
