package twosms

import "github.com/saas-users/terraform-provider-saas/internal/sandbox"

// Descriptor is how saas-sandbox and the acceptance tests build this
// emulator and point the provider's twosms block at it. The default API
// client is bound to the default account's admin, so its tokens may manage
// every user of that account.
var Descriptor = sandbox.Descriptor{
	Vendor:     vendorName,
	BasePath:   basePath,
	New:        func() sandbox.Emulator { return New(Options{}) },
	BaseURLEnv: "TWOSMS_BASE_URL",
	Settings: []sandbox.Setting{
		{Attribute: "client_id", EnvVar: "TWOSMS_CLIENT_ID", Value: DefaultClientID, Sensitive: true},
		{Attribute: "client_secret", EnvVar: "TWOSMS_CLIENT_SECRET", Value: DefaultClientSecret, Sensitive: true},
	},
	Seed: []sandbox.SeedValue{
		{Name: "account_id", Value: DefaultAccountID, About: `the default account, "Sandbox Account"`},
		{Name: "user_id", Value: DefaultAdminID, About: `its admin "sandbox.admin", the user the default API client acts as`},
		{Name: "language_id", Value: DefaultLanguageID, About: "English, the default language"},
		{Name: "language_id", Value: FrenchLanguageID, About: "French"},
	},
}
