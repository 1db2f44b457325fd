package quickhelp

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"slices"
)

// caller is the customer context a Customer API key gives (quickhelp-api.md
// §1, §6).
type caller struct {
	partner bool
	// customers the key may act for; the first is the key's own account.
	customers []int
}

func (c caller) home() int { return c.customers[0] }

func (c caller) mayActFor(customerID int) bool { return slices.Contains(c.customers, customerID) }

// backendHandler is an operation that runs once the caller is known.
type backendHandler func(http.ResponseWriter, *http.Request, caller)

// backend follows quickhelp-api.md §1: the Authorization header carries the
// bare Customer API key, which tells QuickHelp whose users the call concerns.
// [I] §1, §10.2: the portal marks the header optional, but user calls cannot
// work without a customer context, so a missing key is refused like a wrong
// one. A "Bearer "/"Basic " prefix makes the key wrong: the document says the
// key is sent bare.
func (e *Emulator) backend(h backendHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := e.callerFor(r.Header.Get("Authorization"))
		if !ok {
			writeMessage(w, http.StatusUnauthorized, msgBackendUnauthorized)
			return
		}
		h(w, r, c)
	})
}

func (e *Emulator) callerFor(apiKey string) (caller, bool) {
	if apiKey == "" {
		return caller{}, false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, k := range e.data.keys {
		if subtle.ConstantTimeCompare([]byte(k.APIKey), []byte(apiKey)) == 1 {
			return caller{partner: k.Partner, customers: slices.Clone(k.CustomerIDs)}, true
		}
	}
	return caller{}, false
}

// targetCustomer picks the customer an update or delete acts on from its
// customerId field (quickhelp-api.md §6). key names the field in errors; e.mu
// is held.
//
// [I] §6: customerId 0 and an absent customerId are the same, as a .NET int
// binds both to 0; either means the key's own account. A customer key that
// names a customer is refused (the field is "BSI or Partner" only) unless
// Options.CustomerKeysIgnoreCustomerID; a partner naming a customer it does
// not manage gets the documented "does not exist" validation.
func (e *Emulator) targetCustomer(c caller, f field[int], key string, v *validation) (int, bool) {
	if !f.set || f.val == 0 {
		return c.home(), true
	}
	return e.checkCustomer(c, f.val, key, f.raw, v)
}

// checkCustomer validates one customer id a call names; e.mu is held.
func (e *Emulator) checkCustomer(c caller, id int, key string, raw json.RawMessage, v *validation) (int, bool) {
	if !c.partner {
		if e.opts.CustomerKeysIgnoreCustomerID {
			return c.home(), true
		}
		v.add(key, raw, msgPartnerOnly, key)
		return 0, false
	}
	if _, exists := e.data.customers[id]; !exists || !c.mayActFor(id) {
		v.add(key, raw, msgUnknownCustomer, id)
		return 0, false
	}
	return id, true
}
