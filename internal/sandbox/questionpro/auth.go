package questionpro

import "net/http"

// Where the key travels (questionpro-api.md §1.1).
const (
	// headerAPIKey is the current form, the only one the API accepts since
	// March 31, 2024.
	headerAPIKey = "api-key"
	// legacyAPIKey is the retired form: a query parameter, or a header of
	// that name.
	legacyAPIKey = "apiKey"
)

// authenticate follows §1.1 "Authentication": the key comes in the `api-key`
// header and binds the call to one organization and one user.
// Callers hold mu.
func (e *Emulator) authenticate(r *http.Request) (*SeedAPIKey, *apiError) {
	key := r.Header.Get(headerAPIKey)
	if key == "" && e.opts.AllowLegacyAuth {
		// §1.1: before the change the key was also accepted as the `apiKey`
		// query parameter or header. Header first, as a real client would
		// hardly send both.
		key = r.Header.Get(legacyAPIKey)
		if key == "" {
			key = r.URL.Query().Get(legacyAPIKey)
		}
	}
	// [I] §1.1: what a missing key or a retired form returns is not
	// documented; both get the wrong-key answer, 401/1010.
	if key == "" {
		return nil, errUnauthorized()
	}
	k, ok := e.keys[key]
	if !ok {
		return nil, errUnauthorized()
	}
	return k, nil
}

// requireAdmin answers 403/1013 for a key without administration rights.
// [I] §2.2: 1013 ("no permission on the resource") is the documented
// refusal; the document does not say which calls need an administrator, so
// every user-administration call does: user create, update, delete, the user
// lists and the department and organization writes.
func requireAdmin(k *SeedAPIKey) *apiError {
	if !k.Admin {
		return errForbidden()
	}
	return nil
}

// requireOrg answers 403/1013 when the path names an organization other than
// the key's. [I] §5: the document does not say; a key belongs to one
// organization (§1.1, §5.2 "implied by the API key").
func (rq *request) requireOrg() (int, *apiError) {
	org, err := rq.pathID("organizationID")
	if err != nil {
		return 0, err
	}
	if org != rq.key.OrganizationID {
		return 0, errForbidden()
	}
	return org, nil
}
