// Package twosms emulates the user-management part of the 2sms admin REST API
// for the sandbox, written from the vendor document twosms-api.md alone and
// sharing no code with the provider's client. Comments name the section each
// behaviour follows; "[I]" marks a behaviour the document leaves open, where
// the emulator takes the least forgiving reading unless an Options switch
// asks for a kinder one.
//
// Routes, relative to the mount point (BasePath is empty, so a provider's
// base_url is the mount point itself):
//
//	POST  /Token                                 form-encoded OAuth: client_credentials, refresh_token
//	GET   /api/v1/admin/users                    ?IncludeSuperUsers=true|false
//	GET   /api/v1/admin/users/{id}
//	PUT   /api/v1/admin/users/{id}               the complete User
//	PATCH /api/v1/admin/users/{id}/access        toggles AdminUser
//	GET   /api/v1/UserAdminAPI/GetAllUsers       ?accountID={guid}, default the caller's account
//
// There is no route to create or delete a user, as the document has none:
// users come from the seed or from AddUser, and leave through DeleteUserHard.
//
// Answers are the Response<T> envelope of the document, in JSON only.
// Business errors (validation, unknown user or account) fill in
// Error.ErrorCode and Error.ErrorReason with codes of the emulator's own
// (SANDBOX_VALIDATION_FAILED, SANDBOX_USER_NOT_FOUND,
// SANDBOX_ACCOUNT_NOT_FOUND, SANDBOX_ACCESS_DENIED), on HTTP 200 unless
// Options say otherwise; Options.NotFoundAnswer can also make an unknown
// user or account an envelope whose code and reason never say "not found"
// (SANDBOX_E1042), or a success whose Detail is null. A refused bearer token gets HTTP 401 with
// {"Message":"Authorization has been denied for this request."}; a body or
// route value that does not bind gets HTTP 400 with
// {"Message":"The request is invalid.", …}.
package twosms
