package quickhelp

import (
	"strconv"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// Descriptor is how saas-sandbox and the acceptance tests build this
// emulator and point the provider's quickhelp block at it. The default key
// pair is a customer-level key, so the block leaves customer_id unset.
var Descriptor = sandbox.Descriptor{
	Vendor:     name,
	BasePath:   basePath,
	New:        func() sandbox.Emulator { return New(Options{}) },
	BaseURLEnv: "QUICKHELP_BASE_URL",
	Settings: []sandbox.Setting{
		{Attribute: "api_key", EnvVar: "QUICKHELP_API_KEY", Value: DefaultAPIKey, Sensitive: true},
		{Attribute: "subscription_key", EnvVar: "QUICKHELP_SUBSCRIPTION_KEY", Value: DefaultSubscriptionKey, Sensitive: true},
	},
	Seed: []sandbox.SeedValue{
		{Name: "customer_id", Value: strconv.Itoa(DefaultCustomerID), About: `the default key's own customer, "Sandbox Customer"; no users until a seed adds them`},
	},
	Switches: switches,
}
