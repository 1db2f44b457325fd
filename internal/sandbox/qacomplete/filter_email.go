package qacomplete

// Options.EmailFilter: whether the user list's filter can name Email.
// [I] qacomplete-api.md §3 "Field-name casing": the filterable user fields
// are presumably the Persons columns; that Email is among them is not
// confirmed.

// userFieldsWithoutEmail is userFields less Email, for the reading in
// which the server does not know Email as a filter field.
var userFieldsWithoutEmail = func() fieldTable[record] {
	t := fieldTable[record]{}
	for k, def := range userFields {
		if foldName(def.name) != "email" {
			t[k] = def
		}
	}
	return t
}()

// filterableUserFields is the field table a user-list filter is checked
// against; callers hold e.mu.
func (e *Emulator) filterableUserFields() fieldTable[record] {
	switch e.opts.EmailFilter {
	case EmailFilterApplied, EmailFilterIgnored:
		return userFields
	}
	return userFieldsWithoutEmail
}

// namesField reports whether a filter names the field (folded, as in
// foldName) anywhere: a filter that does not tokenize names nothing.
func namesField(filter, folded string) bool {
	toks, err := tokenize(filter)
	if err != nil {
		return false
	}
	for _, t := range toks {
		if t.kind == tokIdent && foldName(t.text) == folded {
			return true
		}
	}
	return false
}
