package qacomplete

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

const (
	user7      = `{"id":7,"email":"ada@example.com","first_name":"Ada","is_active":true}`
	user8      = `{"id":8,"email":"ada@example.com","first_name":"Ada","is_active":true}`
	user7Other = `{"id":7,"email":"grace@example.com","first_name":"Grace","is_active":true}`
)

// writeServer answers the PUT (or POST) with put and the GET of the user
// with get, counting the GETs.
func writeServer(t *testing.T, put, get answer) (*Client, *int) {
	gets := 0
	c := fakeClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			gets++
			get.write(w)
			return
		}
		put.write(w)
	})
	return c, &gets
}

func jsonAnswer(status int, body string) answer { return answer{status, "application/json", body} }

var adaPut = UserPut{FirstName: "Ada", LastName: "Lovelace", Email: "ada@example.com"}

// Every answer a reading allows gives the user written: the user in the
// answer, or, when the answer carries none, the user read back.
func TestUpdateUser_answersThatCarryTheUserOrNothing(t *testing.T) {
	cases := map[string]struct {
		put   answer
		reads int
	}{
		"user with 200": {jsonAnswer(200, user7), 0},
		"empty 200":     {jsonAnswer(200, ""), 1},
		"null":          {jsonAnswer(200, "null"), 1},
		"{}":            {jsonAnswer(200, "{}"), 1},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			client, gets := writeServer(t, c.put, jsonAnswer(200, user7))
			u, err := client.UpdateUser(context.Background(), 8162, 7, adaPut)
			if err != nil {
				t.Fatal(err)
			}
			if u.ID != 7 || deref(u.FirstName) != "Ada" || *gets != c.reads {
				t.Errorf("user %+v after %d reads, want user 7 after %d", u, *gets, c.reads)
			}
		})
	}
}

// An answer, or a read-back, that is not the user written is an error that
// says what was seen; nothing is returned to record.
func TestUpdateUser_refusesAnotherUser(t *testing.T) {
	cases := map[string]struct {
		put, get answer
		want     string
	}{
		"answer is another id":       {jsonAnswer(200, user8), jsonAnswer(200, user7), "the answer is user 8, not user 7"},
		"answer has another e-mail":  {jsonAnswer(200, user7Other), jsonAnswer(200, user7), `e-mail "grace@example.com", not the ada@example.com that was sent`},
		"read-back is empty":         {jsonAnswer(200, ""), jsonAnswer(200, "{}"), "carries no user object"},
		"read-back is another id":    {jsonAnswer(200, ""), jsonAnswer(200, user8), "the answer is user 8, not user 7"},
		"read-back has other e-mail": {jsonAnswer(200, ""), jsonAnswer(200, user7Other), `e-mail "grace@example.com"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			client, _ := writeServer(t, c.put, c.get)
			u, err := client.UpdateUser(context.Background(), 8162, 7, adaPut)
			if err == nil || u != nil {
				t.Fatalf("user %+v, err %v; want an error", u, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q lacks %q", err, c.want)
			}
		})
	}
}

// POST: a user in the answer must be the one sent; an answer without one
// (empty, null, {}) returns nil so the caller finds the user by e-mail; 201
// is as good as 200.
func TestCreateUser_answers(t *testing.T) {
	post := UserPost{FirstName: "Ada", LastName: "Lovelace", Email: "ADA@example.com"}
	cases := map[string]struct {
		answer answer
		id     int64
		err    string
	}{
		"user with 200":         {jsonAnswer(200, user7), 7, ""},
		"user with 201":         {jsonAnswer(201, user7), 7, ""},
		"empty 200":             {jsonAnswer(200, ""), 0, ""},
		"{} with 201":           {jsonAnswer(201, "{}"), 0, ""},
		"another user's answer": {jsonAnswer(200, user7Other), 0, `user 7 with e-mail "grace@example.com", not the ADA@example.com that was sent`},
		"HTML page with 200":    {answer{200, "text/html", "<html>sign in</html>"}, 0, "not the JSON expected"},
		"unexpected 2xx (202)":  {jsonAnswer(202, user7), 0, "202"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			client, _ := writeServer(t, c.answer, answer{})
			u, err := client.CreateUser(context.Background(), 8162, post)
			switch {
			case c.err != "":
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("user %+v, err %v; want an error with %q", u, err, c.err)
				}
			case err != nil:
				t.Fatal(err)
			case c.id == 0 && u != nil, c.id != 0 && (u == nil || u.ID != c.id):
				t.Fatalf("user %+v, want id %d", u, c.id)
			}
		})
	}
}
