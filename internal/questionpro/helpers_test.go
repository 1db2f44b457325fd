package questionpro_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

const userAddr = "saas_questionpro_user.test"

// words is acctest.Words: whitespace-tolerant ExpectError patterns.
var words = acctest.Words

func userConfig(sb *acctest.Sandbox, body string) string {
	return sb.QuestionProProvider() + fmt.Sprintf(`
resource "saas_questionpro_user" "test" {
%s
}
`, body)
}

// sandboxUser finds a user in the sandbox by e-mail, the way a person would
// check QuestionPro's web app.
func sandboxUser(t *testing.T, sb *acctest.Sandbox, email string) *qpsandbox.User {
	t.Helper()
	for _, u := range sb.QuestionPro.Users() {
		if strings.EqualFold(u.EmailAddress, email) {
			return &u
		}
	}
	return nil
}
