package questionpro

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Search by e-mail (questionpro-api.md §5.7) is documented to answer one
// user object; a third-party wrapper shows a list, and the answer to an
// e-mail nobody has is not documented at all. decodeSearch accepts every
// shape those readings allow and decides the ambiguous ones safely:
//
//   - `response` an object: the user, which must carry a real userID and
//     the e-mail asked for;
//   - `response` a list: no match when empty, else the one entry with the
//     e-mail asked for (none or several is an error: a list of other users
//     is what a search that ignored its filter looks like, and treating it
//     as no match could hide a user that is on another page);
//   - `response` null: no match, as §1.3 allows a null response;
//   - `response` {} or an object without userID: an error, not a no match.
//     The user schema requires userID and forbids nothing else, so an empty
//     object is a broken answer rather than an answer the document allows;
//   - no `response` key: an error, since that is not QuestionPro's
//     envelope.
//
// A no match lets a create go ahead. That cannot make a second account for
// the e-mail: the e-mail is the user's login, and POST /users with one in
// use fails, so a wrong no match ends in an error, not a duplicate.
func decodeSearch(call, email string, raw json.RawMessage) (*User, error) {
	trimmed := bytes.TrimSpace(raw)
	switch {
	case len(trimmed) == 0:
		return nil, fmt.Errorf("QuestionPro answered %s with a 2xx status but no response in its body, which is not QuestionPro's envelope. Nothing was taken from that answer.\n\n%s", call, checkBaseURLShort)
	case bytes.Equal(trimmed, []byte("null")):
		return nil, nil
	case trimmed[0] == '[':
		var users []*User
		if err := json.Unmarshal(trimmed, &users); err != nil {
			return nil, fmt.Errorf("QuestionPro answered %s with a list that is not a list of users: %s.\n\n%s", call, err.Error(), checkBaseURLShort)
		}
		if len(users) == 0 {
			return nil, nil
		}
		var hits []*User
		for _, u := range users {
			if u != nil && strings.EqualFold(u.EmailAddress, email) {
				hits = append(hits, u)
			}
		}
		if len(hits) != 1 {
			return nil, fmt.Errorf("QuestionPro answered %s with %d users, %d of them with the e-mail %s; a search by e-mail should find at most one. Nothing was taken from that answer.\n\n%s", call, len(users), len(hits), email, checkBaseURLShort)
		}
		return hits[0], checkSearchHit(call, email, hits[0])
	case trimmed[0] == '{':
		var u User
		if err := json.Unmarshal(trimmed, &u); err != nil {
			return nil, fmt.Errorf("QuestionPro answered %s with an object that is not a user: %s.\n\n%s", call, err.Error(), checkBaseURLShort)
		}
		return &u, checkSearchHit(call, email, &u)
	}
	return nil, fmt.Errorf("QuestionPro answered %s with a response that is neither a user nor a list of users (%.40s). Nothing was taken from that answer.\n\n%s", call, trimmed, checkBaseURLShort)
}

// checkSearchHit refuses a hit without a userID (an empty object
// included) or with another e-mail: neither may be adopted, reported as the
// existing user or imported.
func checkSearchHit(call, email string, u *User) error {
	if err := checkUser(call, u, 0); err != nil {
		return err
	}
	if !strings.EqualFold(u.EmailAddress, email) {
		return fmt.Errorf("QuestionPro answered %s with user %d, whose e-mail is %q, not %s. Nothing was taken from that answer.\n\n%s", call, u.UserID, u.EmailAddress, email, checkBaseURLShort)
	}
	return nil
}
