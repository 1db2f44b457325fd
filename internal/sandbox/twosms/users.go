package twosms

import (
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"
)

// maxBodyBytes bounds a PUT body; a User is well under a kilobyte.
const maxBodyBytes = 1 << 20

// handleListUsers follows twosms-api.md §4.1, GET api/v1/admin/users
// ?IncludeSuperUsers={bool}: every user the caller may see, as
// Response<List<User>>; HTTP 401 when the caller may not access users.
//
// [I] twosms-api.md §4.1: super users are hidden unless IncludeSuperUsers is
// true; the query name and value match case-insensitively, as in ASP.NET
// binding; users of every seeded account are listed, in DisplayName order;
// there is no paging.
func (e *Emulator) handleListUsers(w http.ResponseWriter, r *http.Request, c caller) {
	include, bad, ok := boolQuery(r, "IncludeSuperUsers")
	if !ok {
		bad.write(w)
		return
	}

	e.mu.Lock()
	rp := e.denied(c)
	if e.mayManageUsers(c) {
		rp = e.ok(c, e.wireUsers(func(u *User) bool { return include || !u.SuperUser }))
	}
	e.mu.Unlock()
	rp.write(w)
}

// handleGetAllUsers follows twosms-api.md §4.2, GET
// api/v1/UserAdminAPI/GetAllUsers ?accountID={guid}: the users of one
// account, as Response<List<User>>. The help table calls accountID required,
// its description says an omitted one means the caller's account; the
// emulator follows the description.
//
// [I] twosms-api.md §4.2: super users stay hidden (there is no
// IncludeSuperUsers here); an account that was never seeded is an envelope
// error (see NotFoundStatus); a malformed GUID is a 400 model-binding error.
func (e *Emulator) handleGetAllUsers(w http.ResponseWriter, r *http.Request, c caller) {
	raw := queryValue(r, "accountID")
	account := ""
	if strings.TrimSpace(raw) != "" {
		g, ok := parseGUID(raw)
		if !ok {
			badRequest(map[string][]string{"accountID": {"The value '" + raw + "' is not valid for accountID."}}).write(w)
			return
		}
		account = g
	}

	e.mu.Lock()
	if account == "" {
		account = e.callerAccount(c)
	}
	var rp reply
	switch {
	case !e.mayManageUsers(c):
		rp = e.denied(c)
	case !e.hasAccount(account):
		rp = e.notFound(c, codeAcctNotFound, "Account '"+guidOrEmpty(account)+"' was not found.")
	default:
		rp = e.ok(c, e.wireUsers(func(u *User) bool { return u.AccountID == account && !u.SuperUser }))
	}
	e.mu.Unlock()
	rp.write(w)
}

// handleGetUser follows twosms-api.md §4.3, GET api/v1/admin/users/{id}:
// ResponseOfUser with Detail = User; the caller needs permission over the
// user.
//
// [I] twosms-api.md §4.3: an unknown id is an envelope error
// (SANDBOX_USER_NOT_FOUND, on NotFoundStatus, 200 by default); a non-GUID id
// is a 400.
func (e *Emulator) handleGetUser(w http.ResponseWriter, r *http.Request, c caller) {
	id, ok := parseGUID(r.PathValue("id"))
	if !ok {
		badRouteID("GetUser").write(w)
		return
	}

	e.mu.Lock()
	var rp reply
	if u, found := e.users[id]; !e.mayManageUsers(c) {
		rp = e.denied(c)
	} else if !found {
		rp = e.userNotFound(c, id)
	} else {
		rp = e.ok(c, e.toWire(u))
	}
	e.mu.Unlock()
	rp.write(w)
}

// handlePutUser follows twosms-api.md §4.4, PUT api/v1/admin/users/{id}: the
// body is the complete User of §3.1, the answer ResponseOfUser with the
// updated user.
//
// Documented: DisplayName, EmailAddress, Enabled, LanguageID, MobilePhone,
// TimeZone and Username are required, MobilePhone must match its pattern,
// and AgreementDate, DeclineDate, DPAVersion and PrivacyPolicyVersion are
// read-only, so PUT ignores them.
//
// [I] twosms-api.md §4.4 and §3.1, in order of evaluation: the body must be
// JSON (415 otherwise) and bind (400 with ModelState otherwise); then the
// caller's rights (401 envelope), the user (not-found envelope) and the
// validation rules (envelope on ValidationErrorStatus, 200 by default).
func (e *Emulator) handlePutUser(w http.ResponseWriter, r *http.Request, c caller) {
	id, ok := parseGUID(r.PathValue("id"))
	if !ok {
		badRouteID("PutUser").write(w)
		return
	}
	if mt, ok := jsonMediaType(r); !ok {
		unsupportedMedia(mt).write(w)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		badRequest(map[string][]string{"user": {"The request body could not be read."}}).write(w)
		return
	}
	p, modelState := decodeUserPut(body)
	if modelState != nil {
		badRequest(modelState).write(w)
		return
	}

	e.mu.Lock()
	rp := e.putUser(c, id, p)
	e.mu.Unlock()
	rp.write(w)
}

// putUser applies a bound PUT body to user id. Callers hold e.mu.
//
// [I] twosms-api.md §4.4, the PUT semantics:
//   - ID (the route's id counts), AccountID, DateCreated, DateModified,
//     UserPassword and the documented read-only fields are ignored;
//     DateModified becomes now.
//   - AdminUser is ignored (PATCH …/access changes it) unless
//     PutSetsAdminUser is set.
//   - A field the body omits is reset: Pin to null (a random PIN at each
//     login, §3.1), Preferences to 0, SSOEnabled (and AdminUser when PUT
//     sets it) to false; an omitted required field fails validation.
//     MergeOmittedFields keeps the stored value instead.
//   - Password null, "" or omitted leaves the password unchanged: a client
//     cannot send what GET never returns.
//   - Pin "" is null.
func (e *Emulator) putUser(c caller, id string, p userPut) reply {
	if !e.mayManageUsers(c) {
		return e.denied(c)
	}
	cur, ok := e.users[id]
	if !ok {
		return e.userNotFound(c, id)
	}

	next := *cur
	merge := e.opts.MergeOmittedFields
	missing := map[string]bool{}
	requiredString := func(field string, dst *string, f putString) {
		switch {
		case f.set:
			*dst = f.v
		case !merge:
			*dst = ""
			missing[field] = true
		}
	}
	requiredString("DisplayName", &next.DisplayName, p.DisplayName)
	requiredString("EmailAddress", &next.EmailAddress, p.EmailAddress)
	requiredString("LanguageID", &next.LanguageID, p.LanguageID)
	requiredString("MobilePhone", &next.MobilePhone, p.MobilePhone)
	requiredString("TimeZone", &next.TimeZone, p.TimeZone)
	requiredString("Username", &next.Username, p.Username)
	switch {
	case p.Enabled.set:
		next.Enabled = p.Enabled.v
	case !merge:
		next.Enabled = false
		missing["Enabled"] = true
	}

	if p.Pin.set || !merge {
		next.Pin = p.Pin.v
	}
	if p.Preferences.set || !merge {
		next.Preferences = p.Preferences.v
	}
	if p.SSOEnabled.set || !merge {
		next.SSOEnabled = p.SSOEnabled.v
	}
	if e.opts.PutSetsAdminUser && (p.AdminUser.set || !merge) {
		next.AdminUser = p.AdminUser.v
	}
	if p.Password.v != "" {
		next.Password = p.Password.v
	}

	if msgs := e.validateUser(&next, missing); len(msgs) > 0 {
		return e.invalid(c, strings.Join(msgs, " "))
	}
	next.DateModified = e.now()
	e.users[id] = &next
	return e.ok(c, e.toWire(&next))
}

// handleToggleAccess follows twosms-api.md §4.6, PATCH
// api/v1/admin/users/{id}/access: no body; a standard user becomes an admin
// and an admin a standard user; the answer is ResponseOfString with the new
// status as Detail.
//
// [I] twosms-api.md §4.6: the status texts are [UNKNOWN]; the emulator says
// "ADMIN_USER" or "STANDARD_USER" (the style of the UserPermissions enum,
// §3.3) and sets DateModified. A client should re-read the user rather than
// parse them.
func (e *Emulator) handleToggleAccess(w http.ResponseWriter, r *http.Request, c caller) {
	id, ok := parseGUID(r.PathValue("id"))
	if !ok {
		badRouteID("ToggleAccess").write(w)
		return
	}

	e.mu.Lock()
	var rp reply
	if u, found := e.users[id]; !e.mayManageUsers(c) {
		rp = e.denied(c)
	} else if !found {
		rp = e.userNotFound(c, id)
	} else {
		next := *u
		next.AdminUser = !next.AdminUser
		next.DateModified = e.now()
		e.users[id] = &next
		status := "STANDARD_USER"
		if next.AdminUser {
			status = "ADMIN_USER"
		}
		rp = e.ok(c, status)
	}
	e.mu.Unlock()
	rp.write(w)
}

func (e *Emulator) userNotFound(c caller, id string) reply {
	return e.notFound(c, codeUserNotFound, "User '"+id+"' was not found.")
}

// wireUsers renders the users keep selects, as a JSON array even when empty
// (§2.1: Detail is an array for list responses). Callers hold e.mu.
func (e *Emulator) wireUsers(keep func(*User) bool) []wireUser {
	out := []wireUser{}
	for _, u := range e.sortedUsers() {
		if keep(u) {
			out = append(out, e.toWire(u))
		}
	}
	return out
}

// sortedUsers orders users by DisplayName (case-insensitively), then ID, so
// every listing is stable. Callers hold e.mu.
func (e *Emulator) sortedUsers() []*User {
	out := make([]*User, 0, len(e.users))
	for _, u := range e.users {
		out = append(out, u)
	}
	slices.SortFunc(out, func(a, b *User) int {
		if c := strings.Compare(strings.ToLower(a.DisplayName), strings.ToLower(b.DisplayName)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// queryValue finds a query parameter by name case-insensitively, as ASP.NET
// binds them; absent is "".
func queryValue(r *http.Request, name string) string {
	for k, vs := range r.URL.Query() {
		if strings.EqualFold(k, name) && len(vs) > 0 {
			return vs[0]
		}
	}
	return ""
}

// boolQuery binds an optional .NET bool query parameter: absent or empty is
// false, "true"/"false" in any case, anything else a 400 model-binding error.
func boolQuery(r *http.Request, name string) (v bool, bad reply, ok bool) {
	raw := queryValue(r, name)
	switch s := strings.TrimSpace(raw); {
	case s == "", strings.EqualFold(s, "false"):
		return false, reply{}, true
	case strings.EqualFold(s, "true"):
		return true, reply{}, true
	}
	return false, badRequest(map[string][]string{name: {"The value '" + raw + "' is not valid for " + name + "."}}), false
}

// jsonMediaType reports the request's media type and whether the emulator
// reads it: application/json or text/json (§2.2). A body without a
// Content-Type is application/octet-stream to Web API.
func jsonMediaType(r *http.Request) (string, bool) {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return "application/octet-stream", false
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return ct, false
	}
	return mt, mt == "application/json" || mt == "text/json"
}
