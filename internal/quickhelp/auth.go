package quickhelp

import "net/http"

// Header names of quickhelp-api.md §1.
const (
	headerSubscriptionKey = "Ocp-Apim-Subscription-Key"
	headerAuthorization   = "Authorization"
)

// keyAuth sets both keys on every request: the APIM subscription key, which
// opens the gateway, and the bare Customer API key (no "Bearer " prefix, §1),
// which tells QuickHelp whose users the call concerns.
func keyAuth(apiKey, subscriptionKey string) func(*http.Request) error {
	return func(r *http.Request) error {
		r.Header.Set(headerSubscriptionKey, subscriptionKey)
		r.Header.Set(headerAuthorization, apiKey)
		return nil
	}
}
