package questionpro

import (
	"fmt"
	"net/http"
	"net/mail"
	"sort"
	"strings"
)

// userReadOnly are the user fields of questionpro-api.md §4 no documented
// body carries.
var userReadOnly = []string{"userID", "organizationID", "phone", "licenseType", "licenseStartDate", "creationDate"}

// userBody is what a POST or PUT /users body may carry (§5.2, §5.3).
type userBody struct {
	departmentID field[int]
	firstName    field[string]
	lastName     field[string]
	emailAddress field[string]
	password     field[string]
	userType     field[string]
}

// readUserBody decodes a create or update body. [I] §4: the schemas forbid
// extra properties, so read-only and unknown keys get 400/1002 unless
// Options.IgnoreUnknownFields.
func (e *Emulator) readUserBody(raw []byte) (userBody, *apiError) {
	var b userBody
	obj, err := decodeObject(raw)
	if err != nil {
		return b, err
	}
	writable := map[string]any{
		"departmentID": &b.departmentID,
		"firstName":    &b.firstName,
		"lastName":     &b.lastName,
		"emailAddress": &b.emailAddress,
		"password":     &b.password,
		"userType":     &b.userType,
	}
	if err := bodyFields(obj, writable, userReadOnly, e.opts.IgnoreUnknownFields); err != nil {
		return b, err
	}
	// [I] §4: the password is write-only and has no documented policy; an
	// empty one is refused rather than stored.
	if b.password.set && b.password.v == "" {
		return b, errSchema("password must not be empty")
	}
	return b, nil
}

// checkUser validates a user about to be stored. Callers hold mu.
func (e *Emulator) checkUser(u *User) *apiError {
	// [I] §5.2: emailAddress is the login, so it is required and must be an
	// address; the document marks nothing required.
	if u.EmailAddress == "" {
		return errSchema("emailAddress is required")
	}
	if a, err := mail.ParseAddress(u.EmailAddress); err != nil || a.Address != u.EmailAddress {
		return errSchema(fmt.Sprintf("emailAddress %q is not a valid email address", u.EmailAddress))
	}
	// [I] §5.2: a duplicate email is undocumented; it is refused with
	// 400/1002 across all organizations (an email is a login), compared
	// without regard to case.
	for _, other := range e.users {
		if other.UserID != u.UserID && strings.EqualFold(other.EmailAddress, u.EmailAddress) {
			return errSchema(fmt.Sprintf("A user with emailAddress %s already exists (userID %d)", u.EmailAddress, other.UserID))
		}
	}
	// [I] §4: departmentID 0 means "no department"; any other value must be
	// a department of the user's organization, else 400/1002.
	if u.DepartmentID != 0 {
		d, ok := e.depts[u.DepartmentID]
		if !ok || d.OrganizationID != u.OrganizationID {
			return errSchema(fmt.Sprintf("departmentID %d is not a department of organization %d", u.DepartmentID, u.OrganizationID))
		}
	}
	return nil
}

// getUser follows §5.1 "Get a user — GET /users/{user-id}".
func (e *Emulator) getUser(rq *request) reply {
	id, err := rq.pathID("userID")
	if err != nil {
		return fail(err)
	}
	u, ok := e.users[id]
	if !ok {
		return fail(errNotFound())
	}
	// [I] §5.1: a user of another organization exists but is not the key's
	// to see: 403/1013, so a client does not mistake it for deleted.
	if u.OrganizationID != rq.key.OrganizationID {
		return fail(errForbidden())
	}
	// [I] §5.1: a key without administration rights reads only its own user.
	if !rq.key.Admin && rq.key.UserID != id {
		return fail(errForbidden())
	}
	return success(*u)
}

// createUser follows §5.2 "Create a user — POST /users". The organization is
// the key's ([I] §5.2).
func (e *Emulator) createUser(rq *request) reply {
	if err := requireAdmin(rq.key); err != nil {
		return fail(err)
	}
	b, err := e.readUserBody(rq.body)
	if err != nil {
		return fail(err)
	}
	if e.opts.RequirePasswordOnCreate && !b.password.set {
		return fail(errSchema("password is required"))
	}
	// [I] §5.2: an omitted userType becomes "License"; an empty one is
	// refused.
	userType := defaultUserType
	if b.userType.set {
		if b.userType.v == "" {
			return fail(errSchema("userType must not be empty"))
		}
		userType = b.userType.v
	}
	u := User{
		DepartmentID:   b.departmentID.v,
		OrganizationID: rq.key.OrganizationID,
		FirstName:      b.firstName.v,
		LastName:       b.lastName.v,
		EmailAddress:   b.emailAddress.v,
		UserType:       userType,
	}
	e.fillUserDefaults(&u)
	if err := e.checkUser(&u); err != nil {
		return fail(err)
	}
	e.lastUserID++
	u.UserID = e.lastUserID
	stored := u
	e.users[u.UserID] = &stored
	if b.password.set {
		e.passwords[u.UserID] = b.password.v
	}
	return e.writeAnswer(u)
}

// updateUser follows §5.3 "Update a user — PUT /users/{user-id}", the
// provider's Update call.
//
// [I] §5.3: full replace or merge is not documented. Unless
// Options.MergeOnUpdate, the documented body fields are replaced: an omitted
// departmentID becomes 0, an omitted firstName or lastName becomes "", and an
// omitted emailAddress is refused (400/1002) because a login cannot be
// cleared. Fields the documented body never carries keep their values under
// both readings: password (write-only; changed only when sent), userType
// (may be sent unchanged; a different value is 400/1002, as changing it is
// undocumented) and the read-only fields.
func (e *Emulator) updateUser(rq *request) reply {
	if err := requireAdmin(rq.key); err != nil {
		return fail(err)
	}
	id, err := rq.pathID("userID")
	if err != nil {
		return fail(err)
	}
	cur, ok := e.users[id]
	if !ok {
		return fail(errNotFound())
	}
	if cur.OrganizationID != rq.key.OrganizationID {
		return fail(errForbidden())
	}
	b, err := e.readUserBody(rq.body)
	if err != nil {
		return fail(err)
	}
	next := *cur
	if e.opts.MergeOnUpdate {
		setIf(&next.DepartmentID, b.departmentID)
		setIf(&next.FirstName, b.firstName)
		setIf(&next.LastName, b.lastName)
		setIf(&next.EmailAddress, b.emailAddress)
	} else {
		next.DepartmentID = b.departmentID.v
		next.FirstName = b.firstName.v
		next.LastName = b.lastName.v
		next.EmailAddress = b.emailAddress.v
	}
	if b.userType.set && b.userType.v != cur.UserType {
		return fail(errSchema(fmt.Sprintf("userType cannot be changed (is %q)", cur.UserType)))
	}
	if err := e.checkUser(&next); err != nil {
		return fail(err)
	}
	*cur = next
	if b.password.set {
		e.passwords[id] = b.password.v
	}
	return e.writeAnswer(next)
}

// writeAnswer is the 200 of a successful POST or PUT of a user. [I] §1.3,
// §5.2, §5.3: the examples carry the user, but the envelope allows a null
// response and some examples leave keys out; Options.UserWriteAnswer picks
// which. Callers hold mu.
func (e *Emulator) writeAnswer(u User) reply {
	switch e.opts.UserWriteAnswer {
	case WriteAnswerNull:
		return success(nil)
	case WriteAnswerOmitted:
		return reply{status: http.StatusOK, body: struct {
			RequestID string `json:"requestID"`
		}{newRequestID()}}
	}
	return success(u)
}

// setIf copies a body field that was sent.
func setIf[T any](dst *T, f field[T]) {
	if f.set {
		*dst = f.v
	}
}

// deleteUser follows §5.4 "Delete a user — DELETE
// /organizations/{organization-id}/users/{user-id}": organization-scoped,
// unlike get and update.
func (e *Emulator) deleteUser(rq *request) reply {
	if err := requireAdmin(rq.key); err != nil {
		return fail(err)
	}
	org, err := rq.requireOrg()
	if err != nil {
		return fail(err)
	}
	id, err := rq.pathID("userID")
	if err != nil {
		return fail(err)
	}
	// [I] §5.4: a user of another organization is not a user of this one:
	// 404/1040.
	u, ok := e.users[id]
	if !ok || u.OrganizationID != org {
		return fail(errNotFound())
	}
	// [I] §5.4: the organization's primary user and any user an API key
	// belongs to cannot be deleted through the API: 403/1013.
	if e.orgs[org].PrimaryAccountID == id {
		return fail(errForbidden())
	}
	for _, k := range e.keys {
		if k.UserID == id {
			return fail(errForbidden())
		}
	}
	// [I] §5.4: the delete is hard; GET answers 404/1040 afterwards.
	e.removeUser(id)
	// §5.4: the response schema is "null".
	return success(nil)
}

// usersOf returns the users of an organization matching keep, by userID.
// Callers hold mu.
func (e *Emulator) usersOf(org int, keep func(*User) bool) []User {
	var out []User
	for _, u := range e.users {
		if u.OrganizationID == org && keep(u) {
			out = append(out, *u)
		}
	}
	// [I] §5.5: the order is undocumented; by userID keeps pages stable.
	sort.Slice(out, func(i, j int) bool { return out[i].UserID < out[j].UserID })
	return out
}

// listOrganizationUsers follows §5.5 "List users of the organization — GET
// /organizations/{organization-id}/users".
func (e *Emulator) listOrganizationUsers(rq *request) reply {
	if err := requireAdmin(rq.key); err != nil {
		return fail(err)
	}
	org, err := rq.requireOrg()
	if err != nil {
		return fail(err)
	}
	page, perPage, err := rq.pageRequest(e.opts.MaxPerPage)
	if err != nil {
		return fail(err)
	}
	users := e.usersOf(org, func(*User) bool { return true })
	// §4/§5.5: this list's example shows departmentID 0 for every user;
	// unless Options.OrgListDepartmentIDs, so does the emulator.
	if !e.opts.OrgListDepartmentIDs {
		for i := range users {
			users[i].DepartmentID = 0
		}
	}
	items, p := paginate(rq.Request, users, page, perPage)
	return successPage(items, p)
}

// listDepartmentUsers follows §5.6 "List users of a department — GET
// /organizations/{organization-id}/departments/{department-id}/users"; here
// departmentID carries the real id.
func (e *Emulator) listDepartmentUsers(rq *request) reply {
	if err := requireAdmin(rq.key); err != nil {
		return fail(err)
	}
	org, err := rq.requireOrg()
	if err != nil {
		return fail(err)
	}
	dept, err := e.departmentIn(rq, org)
	if err != nil {
		return fail(err)
	}
	page, perPage, err := rq.pageRequest(e.opts.MaxPerPage)
	if err != nil {
		return fail(err)
	}
	users := e.usersOf(org, func(u *User) bool { return u.DepartmentID == dept.ID })
	items, p := paginate(rq.Request, users, page, perPage)
	return successPage(items, p)
}

// searchUser follows §5.7 "Search a user by email — GET
// /organizations/{organization_id}/users/search?emailAddress=…": one user
// object, not an array. It needs the key of the organization's primary user
// (§1.1, §5.7); any other key gets 403/1013.
func (e *Emulator) searchUser(rq *request) reply {
	org, err := rq.requireOrg()
	if err != nil {
		return fail(err)
	}
	if o := e.orgs[org]; o == nil || o.PrimaryAccountID != rq.key.UserID || rq.key.UserID == 0 {
		return fail(errForbidden())
	}
	// [I] §5.7: a missing emailAddress is a bad query parameter, 400/1003.
	email := rq.URL.Query().Get("emailAddress")
	if email == "" {
		return fail(errQuery("emailAddress is required"))
	}
	// [I] §5.7: the match ignores case, like the duplicate check. No match
	// is undocumented: 404/1040 unless Options.SearchNoMatch says otherwise.
	found := e.usersOf(org, func(u *User) bool { return strings.EqualFold(u.EmailAddress, email) })
	if len(found) == 0 {
		switch e.opts.SearchNoMatch {
		case NoMatchEmptyList:
			return success([]User{})
		case NoMatchNull:
			return success(nil)
		}
		return fail(errNotFound())
	}
	// §5.7: one object, per the document's example and schema; [I] a
	// third-party wrapper shows an array, behind Options.SearchAnswer.
	if e.opts.SearchAnswer == SearchAnswerList {
		return success(found)
	}
	return success(found[0])
}
