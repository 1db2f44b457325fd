package quickhelp

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// Only a page in the list's own shape is trusted; any other 2xx body is an
// error naming base_url, never an empty list.
func TestProvenPage(t *testing.T) {
	cases := map[string]string{
		`{}`:                             "neither records nor totalCount",
		`{"totalCount":0}`:               "without records",
		`{"records":{},"totalCount":1}`:  "records that are not a list of users",
		`{"records":[]}`:                 "without totalCount",
		`{"records":[],"totalCount":-1}`: "negative totalCount",
		`{"records":[{"email":"a@example.com"}],"totalCount":1}`: "record 1 without a userId",
	}
	for body, want := range cases {
		var p listPage
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatal(err)
		}
		_, err := provenPage(&p, 1)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "quickhelp.base_url (or QUICKHELP_BASE_URL)") {
			t.Errorf("%s: got %v, want an error with %q naming base_url", body, err, want)
		}
	}
	// An empty page may carry [] or a present null (quickhelp-api.md §3
	// leaves it open): both, with totalCount, are the list's own shape.
	for _, body := range []string{`{"records":[],"totalCount":0,"page":1,"pageSize":100}`, `{"records":null,"totalCount":0,"page":1,"pageSize":100}`} {
		var p listPage
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatal(err)
		}
		if got, err := provenPage(&p, 1); err != nil || got.TotalCount != 0 || got.Records == nil || len(got.Records) != 0 {
			t.Errorf("%s: an empty list in the list's shape is proof of an empty account, got %+v, %v", body, got, err)
		}
	}
}

// A 404 without QuickHelp's envelope is told apart from the gateway's own.
func TestHintNotFound(t *testing.T) {
	bare := hint(&apiclient.Error{Status: http.StatusNotFound, Body: "404 page not found"})
	if !strings.Contains(bare, "no QuickHelp error envelope") || !strings.Contains(bare, "QUICKHELP_BASE_URL") {
		t.Errorf("bare 404 hint: %s", bare)
	}
	gateway := hint(&apiclient.Error{Status: http.StatusNotFound, Body: `{"statusCode": 404, "message": "Resource not found"}`})
	if !strings.Contains(gateway, "gateway knows no such operation") || !strings.Contains(gateway, "QUICKHELP_BASE_URL") {
		t.Errorf("gateway 404 hint: %s", gateway)
	}
	if h := hint(&apiclient.Error{Status: http.StatusOK, Body: "<html></html>"}); !strings.Contains(h, "QUICKHELP_BASE_URL") {
		t.Errorf("2xx that is not JSON: %s", h)
	}
}
