package qacomplete

import "github.com/saas-users/terraform-provider-saas/internal/sandbox"

// switches are the points qacomplete-api.md leaves open that change what
// the provider must send or how it must read an answer. Readings[0] is the
// emulator's default. StrictPatch is not among them: the provider updates
// with PUT, so how PATCH treats a partial body changes nothing it does.
var switches = []sandbox.Switch{
	{
		Name:   "email_filter",
		Point:  "Does GET /depts/{DeptId}/users accept a filter on Email, such as filter=Email = 'jane@example.com'?",
		Source: "qacomplete-api.md §3",
		Readings: []sandbox.Reading{
			{Name: "rejected", Options: map[string]any{"email_filter": EmailFilterRejected}},
			{Name: "ignored", Options: map[string]any{"email_filter": EmailFilterIgnored}},
			{Name: "applied", Options: map[string]any{"email_filter": EmailFilterApplied}},
		},
		Kind:  2,
		Check: "Call GET /depts/{DeptId}/users?filter=Email%20%3D%20%27<an e-mail in the department>%27&limit=1000: a 400 means rejected; metadata.result_set.total equal to the unfiltered total means ignored; a total of 1 means applied.",
	},
	{
		Name:   "write_answer",
		Point:  "What do POST /depts/{DeptId}/users and PUT /depts/{DeptId}/users/{UserId} answer on success: the user object, with 200 or 201, or an empty 200?",
		Source: "qacomplete-api.md §5.1.2, §5.1.4, §7",
		Readings: []sandbox.Reading{
			{Name: "empty 200", Options: map[string]any{"write_answer": WriteAnswerEmpty}},
			{Name: "user with 200", Options: map[string]any{"write_answer": WriteAnswerObject}},
			{Name: "created user with 201", Options: map[string]any{"write_answer": WriteAnswerCreated}},
		},
		Kind:  1,
		Check: "Create a test user with POST /depts/{DeptId}/users and note the status and whether the body has the new user's id; then PUT the same user with its own values and check whether the body is the user object or empty.",
	},
	{
		Name:   "put_clears_create_only",
		Point:  "Does PUT /depts/{DeptId}/users/{UserId} reset time_zone, company_name and custom1..custom10, which its body cannot carry?",
		Source: "qacomplete-api.md §5.1.4",
		Readings: []sandbox.Reading{
			{Name: "kept", Options: map[string]any{"put_clears_create_only": false}},
			{Name: "reset", Options: map[string]any{"put_clears_create_only": true}},
		},
		Kind:  0,
		Check: "On a test user with a company name, a time zone and custom fields set in the QAComplete UI, PUT /depts/{DeptId}/users/{UserId} with its current FirstName, LastName and Email, then look at the user in the UI: are the company name, time zone and custom fields still there?",
	},
	{
		Name:   "return_create_only_fields",
		Point:  "Do user objects carry time_zone and custom1..custom10?",
		Source: "qacomplete-api.md §4.2, §7",
		Readings: []sandbox.Reading{
			{Name: "not returned", Options: map[string]any{"return_create_only_fields": false}},
			{Name: "returned", Options: map[string]any{"return_create_only_fields": true}},
		},
		Kind:  1,
		Check: "GET /depts/{DeptId}/users/{UserId} for a user whose time zone and custom fields are set in the QAComplete UI: are time_zone and custom1..custom10 keys in the body?",
	},
}
