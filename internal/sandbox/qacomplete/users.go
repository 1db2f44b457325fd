package qacomplete

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// §5.1 Users in a department. Every handler here runs behind
// e.administrator (§1 Rights).

// §5.1.1 GET /depts/{DeptId}/users: the department's users, paged (§3) and
// filtered (§3 Filter expressions), in the list envelope.
// [I] qacomplete-api.md §5.1.1: the list holds the users whose primary
// department is DeptId, disabled ones included, ordered by id.
func (e *Emulator) listUsers(w http.ResponseWriter, r *http.Request) {
	offset, limit, ok := paging(w, r)
	if !ok {
		return
	}
	filter, _ := queryValue(r.URL.Query(), "filter")
	e.respond(w, func() (int, any) {
		dept, ok := e.department(r)
		if !ok {
			return http.StatusNotFound, errorBody{msgNotFound}
		}
		// [I] qacomplete-api.md §3: a filter that does not parse is 400.
		match, err := parseFilter(filter, e.filterableUserFields())
		if err != nil {
			return http.StatusBadRequest, errorBody{"Invalid filter: " + err.Error()}
		}
		if e.opts.EmailFilter == EmailFilterIgnored && namesField(filter, "email") {
			// Options.EmailFilter: the filter is dropped, not applied.
			match = func(*record) bool { return true }
		}
		items := []userObject{}
		for _, u := range e.sortedUsers() {
			if u.DeptID == dept.ID && match(u) {
				items = append(items, e.toObject(u))
			}
		}
		return http.StatusOK, page(items, offset, limit, aclFull)
	})
}

// §5.1.2 POST /depts/{DeptId}/users: create a user from RequestUserPost.
// [I] qacomplete-api.md §5.1.2: the answer is 200 with the full user object
// (the response section is cut off); DeptId becomes primary_dept_id.
func (e *Emulator) createUser(w http.ResponseWriter, r *http.Request) {
	var in requestUserPost
	if !decodeBody(w, r, &in) {
		return
	}
	e.respond(w, func() (int, any) {
		dept, ok := e.department(r)
		if !ok {
			return http.StatusNotFound, errorBody{msgNotFound}
		}
		checks := []fieldCheck{
			required("FirstName", in.FirstName), required("LastName", in.LastName), required("Email", in.Email),
			maxLength("FirstName", in.FirstName, 25), maxLength("LastName", in.LastName, 25),
			maxLength("Email", in.Email, 255), validEmail(in.Email),
			maxLength("TimeZone", in.TimeZone, 100), maxLength("CompanyName", in.CompanyName, 50),
		}
		for i, c := range in.customs() {
			checks = append(checks, maxLength(fmt.Sprintf("Custom%d", i+1), c, 8000))
		}
		if msg := firstFailure(checks...); msg != "" {
			return http.StatusBadRequest, errorBody{msg}
		}
		if msg := e.duplicateEmail(*in.Email, 0); msg != "" {
			return http.StatusBadRequest, errorBody{msg}
		}

		now := Timestamp{e.now()}
		u := &record{
			ID: e.nextID, DeptID: dept.ID,
			FirstName: *in.FirstName, MiddleName: copyStr(in.MiddleName), LastName: *in.LastName,
			Email: *in.Email, Phone: copyStr(in.Phone), CompanyName: copyStr(in.CompanyName),
			TimeZone: copyStr(in.TimeZone), IsSecurityAdmin: orFalse(in.IsSecurityAdmin),
			IsADAccount: orFalse(in.IsAdAccount), ADSearchValue: copyStr(in.AdSearchValue),
			IsActive: true, DateCreated: now, DateUpdated: now,
		}
		for i, p := range u.customs() {
			*p = copyStr(in.customs()[i])
		}
		e.users[u.ID] = u
		e.nextID++
		return e.writeAnswer(u, true)
	})
}

// §5.1.3 GET /depts/{DeptId}/users/{UserId}: one user.
// [I] qacomplete-api.md §5.1.3: 404 when the user is unknown or its primary
// department is not DeptId; a disabled user is still answered, with
// is_active false.
func (e *Emulator) getUser(w http.ResponseWriter, r *http.Request) {
	e.respond(w, func() (int, any) {
		u, deptID := e.lookupUser(r)
		if u == nil || u.DeptID != deptID {
			return http.StatusNotFound, errorBody{msgNotFound}
		}
		return http.StatusOK, e.toObject(u)
	})
}

// §5.1.4 PUT /depts/{DeptId}/users/{UserId}: replace the profile with
// RequestUserPut. [D] "The property values you do not specify are set to
// their default values": an omitted MiddleName, Phone or AdSearchValue
// becomes "", an omitted IsSecurityAdmin or IsAdAccount becomes false.
// [I] §5.1.4: the default of a string is taken to be "" (not null), so the
// cleared key is answered as "" while a never-set one is omitted; a client
// must cope with both.
func (e *Emulator) putUser(w http.ResponseWriter, r *http.Request) {
	var in requestUserPut
	if !decodeBody(w, r, &in) {
		return
	}
	e.respond(w, func() (int, any) {
		u, status, body := e.primaryUser(r)
		if u == nil {
			return status, body
		}
		if msg := firstFailure(append([]fieldCheck{
			required("FirstName", in.FirstName), required("LastName", in.LastName), required("Email", in.Email),
		}, in.limits()...)...); msg != "" {
			return http.StatusBadRequest, errorBody{msg}
		}
		if msg := e.duplicateEmail(*in.Email, u.ID); msg != "" {
			return http.StatusBadRequest, errorBody{msg}
		}
		u.FirstName, u.LastName, u.Email = *in.FirstName, *in.LastName, *in.Email
		u.MiddleName = orEmpty(in.MiddleName)
		u.Phone = orEmpty(in.Phone)
		u.ADSearchValue = orEmpty(in.AdSearchValue)
		u.IsSecurityAdmin = orFalse(in.IsSecurityAdmin)
		u.IsADAccount = orFalse(in.IsAdAccount)
		// [?] §5.1.4: TimeZone, CompanyName and Custom1..10 are not in
		// RequestUserPut; they are kept unless Options.PutClearsCreateOnly.
		if e.opts.PutClearsCreateOnly {
			u.TimeZone, u.CompanyName = new(""), new("")
			for _, p := range u.customs() {
				*p = new("")
			}
		}
		u.DateUpdated = Timestamp{e.now()}
		// [I] §5.1.4: the answer follows Options.WriteAnswer.
		return e.writeAnswer(u, false)
	})
}

// §5.1.5 PATCH /depts/{DeptId}/users/{UserId}: change only the properties
// sent. [D] "properties left out stay unchanged"; the page still marks
// FirstName, LastName and Email required, which Options.StrictPatch
// enforces. [I] §5.1.5: a property sent as null is left unchanged, as
// ASP.NET cannot tell null from absent; 200 with the updated object.
func (e *Emulator) patchUser(w http.ResponseWriter, r *http.Request) {
	var in requestUserPut
	if !decodeBody(w, r, &in) {
		return
	}
	e.respond(w, func() (int, any) {
		u, status, body := e.primaryUser(r)
		if u == nil {
			return status, body
		}
		checks := in.limits()
		for _, f := range []struct {
			name string
			v    *string
		}{{"FirstName", in.FirstName}, {"LastName", in.LastName}, {"Email", in.Email}} {
			if f.v != nil || e.opts.StrictPatch {
				checks = append(checks, required(f.name, f.v))
			}
		}
		if msg := firstFailure(checks...); msg != "" {
			return http.StatusBadRequest, errorBody{msg}
		}
		if in.Email != nil {
			if msg := e.duplicateEmail(*in.Email, u.ID); msg != "" {
				return http.StatusBadRequest, errorBody{msg}
			}
		}
		setIf(&u.FirstName, in.FirstName)
		setIf(&u.LastName, in.LastName)
		setIf(&u.Email, in.Email)
		setOptIf(&u.MiddleName, in.MiddleName)
		setOptIf(&u.Phone, in.Phone)
		setOptIf(&u.ADSearchValue, in.AdSearchValue)
		setIf(&u.IsSecurityAdmin, in.IsSecurityAdmin)
		setIf(&u.IsADAccount, in.IsAdAccount)
		u.DateUpdated = Timestamp{e.now()}
		return e.writeAnswer(u, false)
	})
}

// §5.1.6 DELETE /depts/{DeptId}/users/{UserId}: disable the user. [D] the
// record stays, 200 with an empty body. [I] §5.1.6: is_active becomes false
// and date_updated moves; deleting a disabled user again is 200 too.
func (e *Emulator) deleteUser(w http.ResponseWriter, r *http.Request) {
	e.respond(w, func() (int, any) {
		u, status, body := e.primaryUser(r)
		if u == nil {
			return status, body
		}
		u.IsActive = false
		u.DateUpdated = Timestamp{e.now()}
		return http.StatusOK, nil
	})
}

// writeAnswer is the answer to a successful POST (created) or PUT/PATCH,
// per Options.WriteAnswer; callers hold e.mu.
func (e *Emulator) writeAnswer(u *record, created bool) (int, any) {
	switch e.opts.WriteAnswer {
	case WriteAnswerObject:
		return http.StatusOK, e.toObject(u)
	case WriteAnswerCreated:
		if created {
			return http.StatusCreated, e.toObject(u)
		}
		return http.StatusOK, e.toObject(u)
	}
	return http.StatusOK, nil
}

// respond runs fn under the lock and writes what it returns after
// releasing it: a nil body is an empty answer.
func (e *Emulator) respond(w http.ResponseWriter, fn func() (int, any)) {
	e.mu.Lock()
	status, body := fn()
	e.mu.Unlock()
	if body == nil {
		w.WriteHeader(status)
		return
	}
	writeJSON(w, status, body)
}

// lookupUser resolves {DeptId} and {UserId}; callers hold e.mu. The user is
// nil when either is unknown or not a number.
// [I] qacomplete-api.md §2: unknown department or user is 404.
func (e *Emulator) lookupUser(r *http.Request) (u *record, deptID int) {
	dept, ok := e.department(r)
	if !ok {
		return nil, 0
	}
	id, err := strconv.Atoi(r.PathValue("UserId"))
	if err != nil {
		return nil, dept.ID
	}
	return e.users[id], dept.ID
}

// primaryUser is lookupUser for the operations that work only in the user's
// primary department (§5.1.4–§5.1.6).
// [I] qacomplete-api.md §2/§6: another department is 403 "Access is denied".
func (e *Emulator) primaryUser(r *http.Request) (*record, int, any) {
	u, deptID := e.lookupUser(r)
	switch {
	case u == nil:
		return nil, http.StatusNotFound, errorBody{msgNotFound}
	case u.DeptID != deptID:
		return nil, http.StatusForbidden, errorBody{msgForbidden}
	}
	return u, http.StatusOK, nil
}

// sortedUsers lists every stored user by id; callers hold e.mu.
func (e *Emulator) sortedUsers() []*record {
	out := make([]*record, 0, len(e.users))
	for _, u := range e.users {
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// duplicateEmail answers the message for an e-mail another user holds;
// callers hold e.mu.
// [?] qacomplete-api.md §5.1.2: duplicate behaviour is unknown. [I] Any
// user, active or disabled, in any department, compared case-insensitively,
// blocks the address, on create and on update; 400 (not 409), since
// no 409 appears anywhere in the document.
func (e *Emulator) duplicateEmail(email string, self int) string {
	for _, u := range e.users {
		if u.ID != self && strings.EqualFold(u.Email, email) {
			return fmt.Sprintf("A user with the email '%s' already exists.", email)
		}
	}
	return ""
}

// decodeBody reads a JSON request body into v and answers 400/415 itself.
// [I] qacomplete-api.md §1 Headers: requests with a body send
// Content-Type: application/json; anything else is 415, as ASP.NET Web API
// answers when no formatter reads the type. An empty or malformed body, or
// a property of the wrong JSON type, is 400.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, "The request entity's media type '"+r.Header.Get("Content-Type")+"' is not supported for this resource.")
		return false
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil || len(strings.TrimSpace(string(data))) == 0 {
		writeError(w, http.StatusBadRequest, msgBadRequest)
		return false
	}
	if err := json.Unmarshal(data, v); err != nil {
		writeError(w, http.StatusBadRequest, msgBadRequest+" "+err.Error())
		return false
	}
	return true
}

// fieldCheck is one validation rule's verdict: "" or the message.
type fieldCheck string

func firstFailure(checks ...fieldCheck) string {
	for _, c := range checks {
		if c != "" {
			return string(c)
		}
	}
	return ""
}

// required follows ASP.NET's [Required]: absent, null and "" all fail.
// [I] qacomplete-api.md §5.1.2: the message wording is ASP.NET's.
func required(name string, v *string) fieldCheck {
	if v == nil || strings.TrimSpace(*v) == "" {
		return fieldCheck("The " + name + " field is required.")
	}
	return ""
}

// maxLength applies the limits of §4.4 in characters.
// [I] qacomplete-api.md §4.4: the limits come from the SOAP object and the
// Persons table; the REST service is assumed to enforce them with 400.
func maxLength(name string, v *string, n int) fieldCheck {
	if v != nil && utf8.RuneCountInString(*v) > n {
		return fieldCheck(fmt.Sprintf("The field %s must be a string with a maximum length of %d.", name, n))
	}
	return ""
}

// validEmail rejects what cannot be a login e-mail.
// [I] qacomplete-api.md §1: the login is the e-mail, so the emulator
// requires one "@" with text on both sides and no spaces.
func validEmail(v *string) fieldCheck {
	if v == nil || *v == "" {
		return ""
	}
	local, domain, ok := strings.Cut(*v, "@")
	if !ok || local == "" || domain == "" || strings.ContainsAny(*v, " \t") || strings.Contains(domain, "@") {
		return "The Email field is not a valid e-mail address."
	}
	return ""
}

// limits are the §4.4 rules that apply to RequestUserPut/Patch. MiddleName,
// Phone and AdSearchValue have no documented limit.
func (in *requestUserPut) limits() []fieldCheck {
	return []fieldCheck{
		maxLength("FirstName", in.FirstName, 25), maxLength("LastName", in.LastName, 25),
		maxLength("Email", in.Email, 255), validEmail(in.Email),
	}
}

func orFalse(p *bool) bool { return p != nil && *p }

func orEmpty(p *string) *string {
	if p == nil {
		return new("")
	}
	return copyStr(p)
}

func setIf[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func setOptIf(dst **string, v *string) {
	if v != nil {
		*dst = copyStr(v)
	}
}
