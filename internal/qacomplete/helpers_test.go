package qacomplete_test

import (
	"encoding/base64"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// basicBlob is what an HTTP Basic header carries for these credentials.
func basicBlob(user, pass string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
}

// words is acctest.Words: whitespace-tolerant ExpectError patterns.
var words = acctest.Words

// writes are the requests that change a QAComplete user, as the sandbox
// saw them.
func writes(reqs []sandbox.Request) []string {
	var out []string
	for _, r := range reqs {
		if r.Method != "GET" {
			out = append(out, r.Method+" "+r.Path)
		}
	}
	return out
}
