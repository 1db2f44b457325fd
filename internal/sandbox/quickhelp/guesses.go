package quickhelp

// Every value in this file is a guess: quickhelp-api.md marks it [INF] or
// [UNKNOWN]. They live together so that the day the live portal settles one
// (quickhelp-api.md §11), the correction is a one-line change here and the
// provider's tests show at once whether the client agrees.

// Paths the stored portal does not show, relative to the base path "/v1".
const (
	// [I] quickhelp-api.md §0, §3: getUserList's path is not visible; the
	// document offers /v1/User/List and /v1/User. List is taken for symmetry
	// with the documented /v1/User/Update.
	pathList = "/User/List"

	// [I] quickhelp-api.md §0, §5: deleteUser's path is not visible;
	// /v1/User/Delete is the document's guess by analogy with /v1/User/Update.
	pathDelete = "/User/Delete"
)

// Query parameter names of getUserList.
const (
	// [I] quickhelp-api.md §3: the stored page shows the three parameters'
	// descriptions but not their names; these follow the response fields.
	paramCustomerIDs = "customerIds"
	paramPage        = "page"
	paramPageSize    = "pageSize"

	// [I] quickhelp-api.md §1: Moveworks passes the subscription key as a
	// query parameter of this name (APIM's own default is
	// "subscription-key"). Honoured only with Options.SubscriptionKeyInQuery.
	querySubscriptionKey = "Ocp-Apim-Subscription-Key"
)

// Paging numbers the document does not give.
const (
	// [I] quickhelp-api.md §3: default page size, maximum page size and the
	// first page number are [UNKNOWN]. A small default makes a client that
	// forgets to page visibly wrong; the maximum mirrors deleteUser's 100.
	guessDefaultPageSize = 10
	guessMaxPageSize     = 100
	// guessFirstPage is the number of the first page; "page" is read as a page
	// number, not an offset, because the response echoes it (§3).
	guessFirstPage = 1
)

// Backend (QuickHelp, behind the gateway) answers the document does not show.
const (
	// [I] quickhelp-api.md §1, §10.2: a missing or wrong Customer API key is
	// [UNKNOWN]; this is ASP.NET Web API 2's AuthorizeAttribute answer, the
	// stack §2.2 fingerprints, camel-cased like the documented 400 body.
	msgBackendUnauthorized = "Authorization has been denied for this request."

	// [I] quickhelp-api.md §8: Web API 2's answer to a body it has no
	// formatter for; %s is the request's media type.
	msgUnsupportedMediaType = "The request entity's media type '%s' is not supported for this resource."

	// [I] quickhelp-api.md §2.1: APIM's answer for a path that matches no
	// operation; not verified for this tenant.
	msgNotFound = "Resource not found"

	// [I] quickhelp-api.md §2.2: the runtime HttpError form's summary line,
	// used with Options.ValidationBody = "httperror".
	msgRequestInvalid = "The request is invalid."

	// [I] quickhelp-api.md §2.2: culture reported in ModelState values.
	modelStateCulture = "en-US"

	// [I] quickhelp-api.md §2.2: ModelState key for errors about the body as a
	// whole (empty, not JSON, not an object).
	modelStateBodyKey = "body"
)

// Wording of validation messages. The document fixes the 400 shape but shows
// no vendor text (§2.2), so every message below is [I]. The type-conversion
// and required-field forms are ASP.NET's own; the rest follow the vendor's
// "IF id does not exist THEN validation is shown" style.
const (
	msgNotValid        = "The value '%s' is not valid for %s."
	msgRequired        = "The %s field is required."
	msgBodyRequired    = "A non-empty JSON object is required as the request body."
	msgBodyNotJSON     = "The request body is not a valid JSON object: %s"
	msgBadEmail        = "The %s field is not a valid e-mail address."
	msgEmailInUse      = "Email '%s' is already in use."
	msgBadGUID         = "The value '%s' is not valid for Guid."
	msgUnknownRole     = "Role with id '%s' does not exist."
	msgUnknownUser     = "User with id %d does not exist."
	msgUnknownEmail    = "User with email '%s' does not exist."
	msgEmailMismatch   = "Email '%s' does not belong to user %d."
	msgUnknownCustomer = "Customer with id %d does not exist."
	msgPartnerOnly     = "The %s parameter is available for BSI or Partner accounts only."
	msgNoUsers         = "At least one user is required."
	msgTooManyUsers    = "A maximum of %d users can be deleted per request; %d were given."
	msgPageTooSmall    = "The %s field must be at least %d."
)
