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
	Switches: switches,
}

// switches are the points twosms-api.md leaves open that change what the
// provider must send or how it must read an answer. Options that only
// decide what the emulator accepts (ValidateEmail, AcceptUnknownLanguages)
// or an auth form the provider never uses (AllowBasicClientAuth) are not
// switches.
var switches = []sandbox.Switch{
	{
		Name:   "pin_on_read",
		Point:  "Does GET api/v1/admin/users/{id} return the user's `Pin`? The help page's sample carries it; a PUT that leaves it out resets it to null, a random PIN texted at each login.",
		Source: "twosms-api.md §3.1, §4.4, §6.5",
		Readings: []sandbox.Reading{
			{Name: "Pin always null", Options: map[string]any{"mask_secrets_on_read": false, "return_pin_on_read": false}},
			{Name: "Pin masked", Options: map[string]any{"mask_secrets_on_read": true, "return_pin_on_read": false}},
			{Name: "Pin returned as stored", Options: map[string]any{"mask_secrets_on_read": false, "return_pin_on_read": true}},
		},
		Kind:  2,
		Check: "Give a test user a PIN in the portal, then call `GET api/v1/admin/users/{id}` and look at `ResponseData.Detail.Pin`: `null`, a mask such as `\"********\"`, or the PIN itself.",
	},
	{
		Name:   "user_not_found",
		Point:  "How does GET api/v1/admin/users/{id} answer for a user that does not exist: which HTTP status, and does the envelope's `Error` say \"not found\"?",
		Source: "twosms-api.md §2.1, §2.3, §4.3",
		Readings: []sandbox.Reading{
			{Name: "200 with an Error envelope that says not found", Options: map[string]any{"not_found_status": 0, "not_found_answer": ""}},
			{Name: "404 with the Error envelope", Options: map[string]any{"not_found_status": 404, "not_found_answer": ""}},
			{Name: "200 with an Error envelope of another code and wording", Options: map[string]any{"not_found_status": 0, "not_found_answer": NotFoundOpaque}},
			{Name: "200 success with a null Detail", Options: map[string]any{"not_found_status": 0, "not_found_answer": NotFoundEmpty}},
		},
		Kind:  1,
		Check: "Call `GET api/v1/admin/users/{id}` with a GUID no user has and note the HTTP status, `Error.ErrorCode`, `Error.ErrorReason` and `ResponseData.Detail`.",
	},
	{
		Name:   "put_omitted_fields",
		Point:  "Does PUT api/v1/admin/users/{id} reset the fields its body leaves out, or keep their stored values?",
		Source: "twosms-api.md §4.4",
		Readings: []sandbox.Reading{
			{Name: "omitted fields reset", Options: map[string]any{"merge_omitted_fields": false}},
			{Name: "omitted fields kept", Options: map[string]any{"merge_omitted_fields": true}},
		},
		Kind:  1,
		Check: "PUT a test user with a body that leaves out `Preferences` and `SSOEnabled`, then GET it: `Preferences` back at `0` and `SSOEnabled` at `false` means reset.",
	},
	{
		Name:   "put_admin_user",
		Point:  "Does PUT api/v1/admin/users/{id} change `AdminUser`, or does only PATCH api/v1/admin/users/{id}/access?",
		Source: "twosms-api.md §4.4, §4.6",
		Readings: []sandbox.Reading{
			{Name: "PUT ignores AdminUser", Options: map[string]any{"put_sets_admin_user": false}},
			{Name: "PUT sets AdminUser", Options: map[string]any{"put_sets_admin_user": true}},
		},
		Kind:  1,
		Check: "PUT a standard test user with `AdminUser: true`, then GET it: `AdminUser` still `false` means PUT ignores it.",
	},
	{
		Name:   "error_on_success",
		Point:  "On success, is the envelope's `Error` null, or an object whose `ErrorCode` and `ErrorReason` are null?",
		Source: "twosms-api.md §2.1",
		Readings: []sandbox.Reading{
			{Name: "an Error object with null fields", Options: map[string]any{"null_error_on_success": false}},
			{Name: "Error null", Options: map[string]any{"null_error_on_success": true}},
		},
		Kind:  1,
		Check: "Look at the top-level `Error` of any successful `GET api/v1/admin/users/{id}`.",
	},
	{
		Name:   "validation_error_status",
		Point:  "Which HTTP status carries the Error envelope of a refused update (a failed validation)?",
		Source: "twosms-api.md §2.3, §6.3",
		Readings: []sandbox.Reading{
			{Name: "200", Options: map[string]any{"validation_error_status": 0}},
			{Name: "400", Options: map[string]any{"validation_error_status": 400}},
		},
		Kind:  1,
		Check: "PUT a test user with `MobilePhone: \"abc\"` and note the HTTP status and `Error.ErrorCode`.",
	},
}
