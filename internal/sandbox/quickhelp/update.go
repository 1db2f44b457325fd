package quickhelp

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// updateInput is updateUserAccount's body (quickhelp-api.md §4), field by
// field so that an omitted field can be told from one sent empty.
type updateInput struct {
	userID     field[int]
	customerID field[int]
	firstName  field[string]
	lastName   field[string]
	email      field[string]
	department field[string]
	jobTitle   field[string]
	licensed   field[bool]
	confirmed  field[bool]
	bypassSSO  field[bool]
	roles      field[[]string]
}

// updateUserAccount follows quickhelp-api.md §4 (POST /v1/User/Update): it
// changes one existing user and answers 200 with {}, or 400 with the
// ModelState body of §2.2 naming every offending field; nothing changes when
// anything is wrong.
//
// [I] §4 leaves the update semantics open; the least forgiving reading
// holds unless Options.UpdateKeepsOmitted: an omitted (or null) string is
// cleared, an omitted boolean becomes false (a .NET bool cannot be absent),
// omitted roles remove every role. Groups, country and SSO details are not
// in the body and never change.
// [I] §4: userId is required and must be a user of the target customer;
// email is required, must be an address, and must not belong to another user
// (ignoring case); every role must be a GUID (§4 "uuid") of a known role.
// Roles are stored in lower case, as .NET prints a Guid, and without
// duplicates. customerId only picks the customer (§6); it never moves a user.
func (e *Emulator) updateUserAccount(w http.ResponseWriter, c caller, obj jsonObject) {
	var v validation
	in := readUpdate(obj, &v)

	e.mu.Lock()
	opts := e.opts
	e.applyUpdate(c, in, &v)
	e.mu.Unlock()

	if v.failed() {
		v.write(w, opts)
		return
	}
	writeJSON(w, http.StatusOK, struct{}{})
}

func readUpdate(obj jsonObject, v *validation) updateInput {
	return updateInput{
		userID:     readField(obj, "userId", v, parseInt32),
		customerID: readField(obj, "customerId", v, parseInt32),
		firstName:  readField(obj, "firstName", v, parseString),
		lastName:   readField(obj, "lastName", v, parseString),
		email:      readField(obj, "email", v, parseString),
		department: readField(obj, "department", v, parseString),
		jobTitle:   readField(obj, "jobTitle", v, parseString),
		licensed:   readField(obj, "licensed", v, parseBool),
		confirmed:  readField(obj, "confirmed", v, parseBool),
		bypassSSO:  readField(obj, "bypassSso", v, parseBool),
		roles:      readRoles(obj, v),
	}
}

// readRoles reads "roles", an array of GUID strings (§4), reporting each bad
// element under its own key, "roles[i]".
func readRoles(obj jsonObject, v *validation) field[[]string] {
	items := readField(obj, "roles", v, parseArray)
	if !items.set {
		return field[[]string]{bad: items.bad, raw: items.raw}
	}
	out := field[[]string]{set: true, raw: items.raw, val: make([]string, 0, len(items.val))}
	for i, raw := range items.val {
		s, ok := parseString(raw)
		if !ok || !isGUID(s) {
			v.add(fmt.Sprintf("roles[%d]", i), raw, msgBadGUID, attempted(raw))
			out.bad = true
			continue
		}
		out.val = append(out.val, s)
	}
	if out.bad {
		out.set = false
	}
	return out
}

// applyUpdate checks in against the stored data and, when v stays empty,
// writes it; e.mu is held.
func (e *Emulator) applyUpdate(c caller, in updateInput, v *validation) {
	keep := e.opts.UpdateKeepsOmitted
	customer, customerOK := e.targetCustomer(c, in.customerID, "customerId", v)

	var u User
	found := false
	switch {
	case in.userID.bad:
	case !in.userID.set:
		v.add("userId", nil, msgRequired, "userId")
	case customerOK:
		u, found = e.data.users[in.userID.val]
		if !found || u.CustomerID != customer {
			found = false
			v.add("userId", in.userID.raw, msgUnknownUser, in.userID.val)
		}
	}

	switch {
	case in.email.bad:
	case !in.email.set && keep:
	case in.email.val == "":
		v.add("email", in.email.raw, msgRequired, "email")
	case !isEmail(in.email.val):
		v.add("email", in.email.raw, msgBadEmail, "email")
	case found:
		// Uniqueness is only meaningful once the user is known.
		if _, taken := e.data.userByEmail(in.email.val, u.UserID); taken {
			v.add("email", in.email.raw, msgEmailInUse, in.email.val)
		}
	}

	var roles []string
	for i, id := range in.roles.val {
		lower := strings.ToLower(id)
		if _, ok := e.data.roles[lower]; !ok {
			v.add(fmt.Sprintf("roles[%d]", i), textValue(id), msgUnknownRole, id)
			continue
		}
		if !slices.Contains(roles, lower) {
			roles = append(roles, lower)
		}
	}

	if v.failed() {
		return
	}
	setString := func(f field[string], dst *string) {
		if f.set || !keep {
			*dst = f.val
		}
	}
	setBool := func(f field[bool], dst *bool) {
		if f.set || !keep {
			*dst = f.val
		}
	}
	setString(in.firstName, &u.FirstName)
	setString(in.lastName, &u.LastName)
	setString(in.email, &u.Email)
	setString(in.department, &u.Department)
	setString(in.jobTitle, &u.JobTitle)
	setBool(in.licensed, &u.Licensed)
	setBool(in.confirmed, &u.Confirmed)
	setBool(in.bypassSSO, &u.BypassSSO)
	if in.roles.set || !keep {
		u.Roles = roles
	}
	e.data.users[u.UserID] = u
}
