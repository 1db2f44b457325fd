package qacomplete_test

import (
	"encoding/base64"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// basicBlob is what an HTTP Basic header carries for these credentials.
func basicBlob(user, pass string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + pass))
}

// words is acctest.Words: whitespace-tolerant ExpectError patterns.
var words = acctest.Words
