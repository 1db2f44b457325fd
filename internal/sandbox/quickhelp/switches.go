package quickhelp

import "github.com/saas-users/terraform-provider-saas/internal/sandbox"

// switches are the points quickhelp-api.md leaves open that change what a
// client must send or how it must read an answer. Readings[0] is what New
// does with zero Options; every reading names the same option keys, so any
// one can be selected again after another. Rate limits, quotas and the
// subscription key in the query string are not here: they change neither
// what a client sends nor how it reads a user.
var switches = []sandbox.Switch{
	{
		Name:   "page_meaning",
		Point:  `What does getUserList's "page" parameter mean: a page number counted from 1, a page number counted from 0, or the number of records to skip?`,
		Source: "quickhelp-api.md §3",
		Readings: []sandbox.Reading{
			{Name: "page number from 1", Options: map[string]any{"zero_based_pages": false, "page_is_offset": false}},
			{Name: "page number from 0", Options: map[string]any{"zero_based_pages": true, "page_is_offset": false}},
			{Name: "record offset", Options: map[string]any{"zero_based_pages": false, "page_is_offset": true}},
		},
		Kind:  0,
		Check: "With at least three users, call getUserList with pageSize=2 and page=0, then page=1, and compare the userIds: page=0 refused (a 400 naming page) or showing the same users as page=1 means pages count from 1; page=1 starting with the second user of page=0 means page is a record offset; page=1 starting with the third user means pages count from 0.",
	},
	{
		Name:   "update_omitted_fields",
		Point:  "Does updateUserAccount keep the fields its body leaves out, or clear them (empty strings, false booleans, no roles)?",
		Source: "quickhelp-api.md §4",
		Readings: []sandbox.Reading{
			{Name: "omitted fields are cleared", Options: map[string]any{"update_keeps_omitted": false}},
			{Name: "omitted fields are kept", Options: map[string]any{"update_keeps_omitted": true}},
		},
		Kind:  1,
		Check: "On a test user with a department, POST /v1/User/Update with a body holding only userId, email and firstName, then find the user in getUserList: an empty department (and licenseIssued false, roles empty) means omitted fields are cleared.",
	},
	{
		Name:   "empty_page_records",
		Point:  "What does getUserList's records hold on a page without users: null or an empty array?",
		Source: "quickhelp-api.md §3",
		Readings: []sandbox.Reading{
			{Name: "null", Options: map[string]any{"empty_records_as_array": false}},
			{Name: "empty array", Options: map[string]any{"empty_records_as_array": true}},
		},
		Kind:  1,
		Check: `Call getUserList with a page past the end (for example page=1000) and look at the raw JSON: "records": null or "records": [].`,
	},
	{
		Name:   "validation_body",
		Point:  "What body does a 400 validation error carry: the documented ModelState map, or Web API 2's {message, modelState} form?",
		Source: "quickhelp-api.md §2.2",
		Readings: []sandbox.Reading{
			{Name: "ModelState map", Options: map[string]any{"validation_body": ValidationBodyModelState}},
			{Name: "message and modelState", Options: map[string]any{"validation_body": ValidationBodyHTTPError}},
		},
		Kind:  0,
		Check: `POST /v1/User/Update with "roles": ["not-a-guid"] for an existing userId and read the 400 body: {"roles[0]": {"value": ..., "errors": [...]}} is the ModelState map; {"message": "The request is invalid.", "modelState": {...}} is the other form.`,
	},
	{
		Name:   "max_page_size",
		Point:  "What is getUserList's largest pageSize, and is a larger one clamped (and the clamped size echoed)?",
		Source: "quickhelp-api.md §3",
		Readings: []sandbox.Reading{
			{Name: "at most 100", Options: map[string]any{"max_page_size": 0}},
			{Name: "clamped to 2", Options: map[string]any{"max_page_size": 2}},
		},
		Kind:  0,
		Check: "Call getUserList with pageSize=100 on a tenant with more than 100 users (or pageSize=1000 on any) and compare the pageSize the answer echoes, and the number of records, with what was asked.",
	},
	{
		Name:   "delete_entry",
		Point:  "Does a deleteUser entry need both userId and email (agreeing), or is either one enough?",
		Source: "quickhelp-api.md §5",
		Readings: []sandbox.Reading{
			{Name: "both, agreeing", Options: map[string]any{"delete_accepts_either_id": false}},
			{Name: "either one", Options: map[string]any{"delete_accepts_either_id": true}},
		},
		Kind:  1,
		Check: "Only with a user you mean to erase for good: POST the deleteUser call with users [{\"userId\": <id>}] alone and see whether it answers 200 or a 400 naming users[0].email.",
	},
	{
		Name:   "customer_id_for_customer_keys",
		Point:  "Does a customer-level (non-partner) key's customerId get ignored or rejected?",
		Source: "quickhelp-api.md §6",
		Readings: []sandbox.Reading{
			{Name: "rejected", Options: map[string]any{"customer_keys_ignore_customer_id": false}},
			{Name: "ignored", Options: map[string]any{"customer_keys_ignore_customer_id": true}},
		},
		Kind:  1,
		Check: "With a customer-level key, call getUserList with customerIds=<your own customer id>: a 400 naming customerIds means it is rejected, your users mean it is ignored.",
	},
}
