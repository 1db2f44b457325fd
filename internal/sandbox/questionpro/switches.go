package questionpro

import "github.com/saas-users/terraform-provider-saas/internal/sandbox"

// switches are the points questionpro-api.md leaves open that change what the
// provider must send or how it must read an answer. Readings[0] is the
// emulator's default; the matrix test runs the provider's lifecycle under
// every reading. Rate limits, the call allowance and the retired auth forms
// are not switches: the provider never relies on them (it sends only the
// api-key header and retries 429 whatever the limit).
var switches = []sandbox.Switch{
	{
		Name:   "search_answer",
		Point:  "Does search by e-mail (GET /organizations/{organization-id}/users/search) answer one user object, or a list holding the user?",
		Source: "questionpro-api.md §5.7",
		Readings: []sandbox.Reading{
			{Name: "one user object", Options: map[string]any{"search_answer": SearchAnswerObject}},
			{Name: "a list of users", Options: map[string]any{"search_answer": SearchAnswerList}},
		},
		Kind:  0,
		Check: "With the primary user's key, call GET /a/api/v2/organizations/{organization_id}/users/search?emailAddress=<an existing user's e-mail> and look at `response`: an object `{\"userID\": …}` or an array `[{\"userID\": …}]`.",
	},
	{
		Name:   "search_no_match",
		Point:  "What does search by e-mail answer when no user has that e-mail?",
		Source: "questionpro-api.md §5.7",
		Readings: []sandbox.Reading{
			{Name: "404 NOT_FOUND 1040", Options: map[string]any{"search_no_match": NoMatchNotFound}},
			{Name: "200 with an empty list", Options: map[string]any{"search_no_match": NoMatchEmptyList}},
			{Name: "200 with a null response", Options: map[string]any{"search_no_match": NoMatchNull}},
		},
		Kind:  1,
		Check: "Same call with an e-mail nobody has: a 404 whose body is `{\"response\":{\"error\":{\"name\":\"NOT_FOUND\",\"id\":1040,…}}}`, or a 200 whose `response` is `[]` or `null`.",
	},
	{
		Name:   "error_id_type",
		Point:  "Is the error envelope's `id` a JSON number or a numeric string?",
		Source: "questionpro-api.md §2.1",
		Readings: []sandbox.Reading{
			{Name: "a number (1010)", Options: map[string]any{"error_id_as_string": false}},
			{Name: "a numeric string (\"1010\")", Options: map[string]any{"error_id_as_string": true}},
		},
		Kind:  0,
		Check: "Call GET /a/api/v2/users/{user-id} with a wrong api-key header and look at `response.error.id` in the 401 body: `1010` or `\"1010\"`.",
	},
	{
		Name:   "user_write_answer",
		Point:  "Do POST /users and PUT /users/{user-id} answer with the user, or with a 2xx that carries no user?",
		Source: "questionpro-api.md §1.3, §5.2, §5.3",
		Readings: []sandbox.Reading{
			{Name: "the user", Options: map[string]any{"user_write_answer": WriteAnswerUser}},
			{Name: "a null response", Options: map[string]any{"user_write_answer": WriteAnswerNull}},
			{Name: "no response key", Options: map[string]any{"user_write_answer": WriteAnswerOmitted}},
		},
		Kind:  0,
		Check: "PUT /a/api/v2/users/{user-id} a test user with its current firstName, lastName, emailAddress and departmentID, and look at the 200 body: a `response` object with `userID`, `\"response\": null`, or no `response` key.",
	},
	{
		Name:   "merge_on_update",
		Point:  "Does PUT /users/{user-id} reset the fields its body omits, or keep them?",
		Source: "questionpro-api.md §5.3",
		Readings: []sandbox.Reading{
			{Name: "omitted fields are reset", Options: map[string]any{"merge_on_update": false}},
			{Name: "omitted fields are kept", Options: map[string]any{"merge_on_update": true}},
		},
		Kind:  1,
		Check: "PUT /a/api/v2/users/{user-id} a test user with only `emailAddress` in the body, then GET /a/api/v2/users/{user-id}: are `firstName`, `lastName` and `departmentID` still there, or empty and 0?",
	},
	{
		Name:   "unknown_body_keys",
		Point:  "Do user bodies refuse read-only and unknown keys (`userID`, `phone`, …), or ignore them?",
		Source: "questionpro-api.md §4, §5.3",
		Readings: []sandbox.Reading{
			{Name: "refused with 400 1002", Options: map[string]any{"ignore_unknown_fields": false}},
			{Name: "ignored", Options: map[string]any{"ignore_unknown_fields": true}},
		},
		Kind:  1,
		Check: "PUT /a/api/v2/users/{user-id} a test user with its current fields plus `\"phone\": \"x\"`: a 400 with `id` 1002, or a 200 with `phone` unchanged.",
	},
	{
		Name:   "org_list_department_ids",
		Point:  "Does the organization-wide user list report each user's departmentID, or 0 for everyone?",
		Source: "questionpro-api.md §4, §5.5",
		Readings: []sandbox.Reading{
			{Name: "0 for every user", Options: map[string]any{"org_list_department_ids": false}},
			{Name: "the real departmentID", Options: map[string]any{"org_list_department_ids": true}},
		},
		Kind:  1,
		Check: "Compare a user's `departmentID` in GET /a/api/v2/organizations/{organization_id}/users with the one GET /a/api/v2/users/{user-id} gives.",
	},
	{
		Name:   "password_on_create",
		Point:  "May POST /users leave `password` out?",
		Source: "questionpro-api.md §5.2",
		Readings: []sandbox.Reading{
			{Name: "optional", Options: map[string]any{"require_password_on_create": false}},
			{Name: "required (400 1002 without it)", Options: map[string]any{"require_password_on_create": true}},
		},
		Kind:  0,
		Check: "POST /a/api/v2/users with `emailAddress` and `firstName` but no `password`: a 200 with the new user (delete it afterwards), or a 400 naming the password.",
	},
	{
		Name:   "list_page_size",
		Point:  "What is the largest `perPage` the user lists serve? The document's sentence is cut off; a third party says 1000.",
		Source: "questionpro-api.md §3",
		Readings: []sandbox.Reading{
			{Name: "1000, as the third party says", Options: map[string]any{"max_per_page": 0}},
			{Name: "100, the documented default (larger sizes clamped)", Options: map[string]any{"max_per_page": 100}},
		},
		Kind:  0,
		Check: "Call GET /a/api/v2/organizations/{organization_id}/users?perPage=1000 on an organization with more than 100 users and look at `pagination.perPage` and the number of users in `response`.",
	},
}
