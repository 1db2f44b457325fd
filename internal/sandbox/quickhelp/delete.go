package quickhelp

import (
	"fmt"
	"net/http"
	"strings"
)

// maxDeleteUsers is deleteUser's batch limit (quickhelp-api.md §5 [DOC]:
// "Maximum 100 users per request").
const maxDeleteUsers = 100

// deleteEntry is one element of deleteUser's "users" array (§5).
type deleteEntry struct {
	userID field[int]
	email  field[string]
}

// deleteUser follows quickhelp-api.md §5 (deleteUser, the GDPR delete): the
// users named in "users" are erased and vanish from getUserList at once;
// their ids are never given out again.
//
// [I] §5 leaves most of it open; the least forgiving readings hold:
//   - POST /v1/User/Delete, answered 200 with {} (by analogy with update);
//   - an empty "users" and more than 100 users are 400s on "users";
//   - each entry needs both userId and email, and they must name the same
//     user (either alone is enough with Options.DeleteAcceptsEitherID);
//     emails match without regard to case;
//   - a user outside the target customer (§6) is unknown;
//   - the batch is all or nothing: one bad entry and nobody is deleted;
//   - the deletion is synchronous, though the vendor's UI takes up to 72
//     hours.
func (e *Emulator) deleteUser(w http.ResponseWriter, c caller, obj jsonObject) {
	var v validation
	customerID := readField(obj, "customerId", &v, parseInt32)
	users := readField(obj, "users", &v, parseArray)
	switch {
	case users.bad:
	case !users.set || len(users.val) == 0:
		v.add("users", users.raw, msgNoUsers)
	case len(users.val) > maxDeleteUsers:
		v.add("users", nil, msgTooManyUsers, maxDeleteUsers, len(users.val))
	}
	if v.failed() {
		v.write(w, e.options())
		return
	}

	entries := make([]deleteEntry, len(users.val))
	for i, raw := range users.val {
		key := fmt.Sprintf("users[%d]", i)
		ent, ok := parseObject(raw)
		if !ok {
			v.add(key, raw, msgNotValid, attempted(raw), key)
			continue
		}
		entries[i] = deleteEntry{
			userID: readFieldAs(ent, "userId", key+".userId", &v, parseInt32),
			email:  readFieldAs(ent, "email", key+".email", &v, parseString),
		}
	}

	e.mu.Lock()
	opts := e.opts
	if customer, ok := e.targetCustomer(c, customerID, "customerId", &v); ok && !v.failed() {
		doomed := map[int]bool{}
		for i, ent := range entries {
			if id, ok := e.matchDeleteEntry(customer, ent, fmt.Sprintf("users[%d]", i), &v); ok {
				doomed[id] = true
			}
		}
		if !v.failed() {
			for id := range doomed {
				delete(e.data.users, id)
			}
		}
	}
	e.mu.Unlock()

	if v.failed() {
		v.write(w, opts)
		return
	}
	writeJSON(w, http.StatusOK, struct{}{})
}

// matchDeleteEntry finds the user one entry names within customer; e.mu is
// held.
func (e *Emulator) matchDeleteEntry(customer int, ent deleteEntry, key string, v *validation) (int, bool) {
	if ent.userID.bad || ent.email.bad {
		return 0, false
	}
	if e.opts.DeleteAcceptsEitherID {
		if !ent.userID.set && !ent.email.set {
			v.add(key+".userId", nil, msgRequired, "userId")
			return 0, false
		}
	} else {
		if !ent.userID.set {
			v.add(key+".userId", nil, msgRequired, "userId")
		}
		if !ent.email.set {
			v.add(key+".email", nil, msgRequired, "email")
		}
		if !ent.userID.set || !ent.email.set {
			return 0, false
		}
	}

	if !ent.userID.set {
		for _, u := range e.data.users {
			if u.CustomerID == customer && u.Email != "" && strings.EqualFold(u.Email, ent.email.val) {
				return u.UserID, true
			}
		}
		v.add(key+".email", ent.email.raw, msgUnknownEmail, ent.email.val)
		return 0, false
	}
	u, ok := e.data.users[ent.userID.val]
	if !ok || u.CustomerID != customer {
		v.add(key+".userId", ent.userID.raw, msgUnknownUser, ent.userID.val)
		return 0, false
	}
	if ent.email.set && !strings.EqualFold(u.Email, ent.email.val) {
		v.add(key+".email", ent.email.raw, msgEmailMismatch, ent.email.val, u.UserID)
		return 0, false
	}
	return u.UserID, true
}
