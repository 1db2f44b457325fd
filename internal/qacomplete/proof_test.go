package qacomplete

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// answers is a fake server: the user's URL and the department's list each
// answer with a status, a content type and a body.
type answers struct {
	user, list answer
}

type answer struct {
	status      int
	contentType string
	body        string
}

func (a answer) write(w http.ResponseWriter) {
	w.Header().Set("Content-Type", a.contentType)
	w.WriteHeader(a.status)
	_, _ = w.Write([]byte(a.body))
}

var (
	vendorNotFound = answer{http.StatusNotFound, "application/json; charset=utf-8", `{"message":"404 - File or directory not found."}`}
	bareNotFound   = answer{http.StatusNotFound, "text/plain; charset=utf-8", "404 page not found\n"}
	htmlNotFound   = answer{http.StatusNotFound, "text/html", `<html><body><h1>404 - File or directory not found.</h1></body></html>`}
	goodList       = answer{http.StatusOK, "application/json", `{"metadata":{"result_set":{"count":1,"offset":0,"limit":1,"total":3}},"results":[{"id":1}]}`}
	emptyList      = answer{http.StatusOK, "application/json", `{"metadata":{"result_set":{"count":0,"offset":0,"limit":1,"total":0}}}`}
)

func testClient(t *testing.T, a answers) *Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/users") {
			a.list.write(w)
			return
		}
		a.user.write(w)
	}))
	t.Cleanup(srv.Close)
	h, err := apiclient.New(apiclient.Config{Vendor: vendorKey, DisplayName: vendorName, BaseURL: mustBaseURL(t, srv.URL+"/api/v1"), DecodeError: decodeError})
	if err != nil {
		t.Fatal(err)
	}
	return NewClient(h)
}

// A user is gone only when QAComplete's own not-found comes with a user list
// that answers in QAComplete's shape; every other 404 is an error that names
// base_url.
func TestReadUserNeedsProofOfNotFound(t *testing.T) {
	cases := map[string]struct {
		answers
		gone Gone
		seen string
	}{
		"vendor not-found, list answers":          {answers{vendorNotFound, goodList}, UserGone, ""},
		"vendor not-found, empty list answers":    {answers{vendorNotFound, emptyList}, UserGone, ""},
		"bare 404":                                {answers{bareNotFound, goodList}, NotGone, `"404 page not found"`},
		"HTML 404 page":                           {answers{htmlNotFound, goodList}, NotGone, "HTML page"},
		"vendor not-found, list 404":              {answers{vendorNotFound, vendorNotFound}, NotGone, "user list that should confirm"},
		"vendor not-found, list not the envelope": {answers{vendorNotFound, answer{http.StatusOK, "application/json", `{"users":[]}`}}, NotGone, "no metadata.result_set"},
		"vendor not-found, list HTML":             {answers{vendorNotFound, answer{http.StatusOK, "text/html", `<html>portal</html>`}}, NotGone, "not the JSON expected"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			user, gone, err := testClient(t, c.answers).ReadUser(context.Background(), 8162, 5)
			if gone != c.gone || user != nil {
				t.Fatalf("gone = %v, user = %v, want gone = %v and no user (err %v)", gone, user, c.gone, err)
			}
			if c.gone != NotGone {
				if err != nil {
					t.Fatalf("a proven not-found is no error: %v", err)
				}
				return
			}
			var unproven *UnprovenNotFoundError
			if !errors.As(err, &unproven) {
				t.Fatalf("want an UnprovenNotFoundError, got %v", err)
			}
			for _, want := range []string{c.seen, "qacomplete.base_url", EnvBaseURL, "kept in Terraform state"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("the error must name %q: %s", want, err)
				}
			}
		})
	}
}

// Destroy drops the user from state, so a 404 to DELETE needs the same
// proof.
func TestDisableUserNeedsProofOfNotFound(t *testing.T) {
	if err := testClient(t, answers{vendorNotFound, goodList}).DisableUser(context.Background(), 8162, 5); err != nil {
		t.Fatalf("a proven not-found is already disabled: %v", err)
	}
	err := testClient(t, answers{bareNotFound, goodList}).DisableUser(context.Background(), 8162, 5)
	if err == nil || !strings.Contains(err.Error(), "DELETE /depts/8162/users/5") || !strings.Contains(err.Error(), "qacomplete.base_url") {
		t.Fatalf("a bare 404 to DELETE must fail naming the call and base_url, got %v", err)
	}
}

// A 2xx without the user, or with another user, is an error naming what was
// seen, never a blank user.
func TestGetUserRejectsAnswerWithoutTheUser(t *testing.T) {
	cases := map[string]struct{ body, want string }{
		"empty object": {`{}`, "no user object"},
		"null":         {`null`, "no user object"},
		"empty body":   {``, "no user object"},
		"another user": {`{"id":6,"email":"other@example.com"}`, "user 6, not user 5"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			cl := testClient(t, answers{answer{http.StatusOK, "application/json", c.body}, goodList})
			user, err := cl.GetUser(context.Background(), 8162, 5)
			if user != nil || err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "200 OK") {
				t.Fatalf("want an error naming %q and the 200, got user %v, err %v", c.want, user, err)
			}
			if _, gone, err := cl.ReadUser(context.Background(), 8162, 5); gone != NotGone || err == nil {
				t.Fatalf("ReadUser must fail too, got gone = %v, err %v", gone, err)
			}
		})
	}
	ok := testClient(t, answers{answer{http.StatusOK, "application/json", `{"id":5,"email":"grace@example.com"}`}, goodList})
	if user, err := ok.GetUser(context.Background(), 8162, 5); err != nil || user.ID != 5 {
		t.Fatalf("the asked-for user reads fine, got %v, %v", user, err)
	}
}

// A department deleted in QAComplete is proven gone only when the user and
// the department's user list both answer QAComplete's own not-found and
// GET /depts answers in QAComplete's envelope without the department.
func TestReadUser_departmentGoneNeedsTheDepartmentList(t *testing.T) {
	cases := map[string]struct {
		depts answer
		gone  Gone
		seen  string
	}{
		"department list without it":       {answer{http.StatusOK, "application/json", `{"metadata":{"result_set":{"count":1,"offset":0,"limit":1000,"total":1}},"results":[{"id":8163}]}`}, DepartmentGone, ""},
		"department list still has it":     {answer{http.StatusOK, "application/json", `{"metadata":{"result_set":{"count":1,"offset":0,"limit":1000,"total":1}},"results":[{"id":8162}]}`}, NotGone, "still lists department 8162"},
		"department list not the envelope": {answer{http.StatusOK, "application/json", `[]`}, NotGone, "department list could not prove"},
		"department list ends short":       {answer{http.StatusOK, "application/json", `{"metadata":{"result_set":{"count":0,"offset":0,"limit":1000,"total":4}},"results":[]}`}, NotGone, "reported 4 departments"},
		"department list bare 404":         {bareNotFound, NotGone, "department list could not prove"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			cl := fakeClient(t, func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "/depts") {
					c.depts.write(w)
					return
				}
				vendorNotFound.write(w)
			})
			user, gone, err := cl.ReadUser(context.Background(), 8162, 5)
			if gone != c.gone || user != nil {
				t.Fatalf("gone = %v, user = %v, want %v (err %v)", gone, user, c.gone, err)
			}
			if c.gone == NotGone && (err == nil || !strings.Contains(err.Error(), c.seen)) {
				t.Fatalf("err %v, want one with %q", err, c.seen)
			}
		})
	}
}
