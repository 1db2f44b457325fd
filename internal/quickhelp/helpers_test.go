package quickhelp_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

const userAddr = "saas_quickhelp_user.test"

// Role GUIDs of the sandbox's default roles.
const (
	roleUserAdmin    = "3f8e2a10-5b1c-4d7e-9a01-000000000005"
	roleLibraryAdmin = "3f8e2a10-5b1c-4d7e-9a01-000000000003"
)

// words is acctest.Words: whitespace-tolerant ExpectError patterns.
var words = acctest.Words

func userConfig(sb *acctest.Sandbox, body string) string {
	return sb.QuickHelpProvider() + fmt.Sprintf(`
resource "saas_quickhelp_user" "test" {
%s
}
`, body)
}

// seedGrace adds the user most tests adopt, as SSO provisioning would have
// created it.
func seedGrace(sb *acctest.Sandbox) qhsandbox.User {
	return sb.QuickHelp.AddUser(qhsandbox.User{
		Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper",
		Department: "Navy", JobTitle: "Rear Admiral", Licensed: true, Country: "US",
		Groups: []qhsandbox.Group{{ID: 7, Name: "Pioneers"}},
		SSO:    &qhsandbox.SSO{UserID: "ghopper", Company: "Navy", Platform: "AzureAD", CustomFields: []qhsandbox.CustomField{{Name: "team", Value: "COBOL"}}},
	})
}

// sandboxUser is the user as the sandbox stores it, the way a person would
// check QuickHelp's portal.
func sandboxUser(t *testing.T, sb *acctest.Sandbox, id int) qhsandbox.User {
	t.Helper()
	for _, u := range sb.QuickHelp.Users() {
		if u.UserID == id {
			return u
		}
	}
	t.Fatalf("the sandbox holds no user %d", id)
	return qhsandbox.User{}
}

func setField(t *testing.T, sb *acctest.Sandbox, id int, field string, v any) {
	t.Helper()
	if err := sb.QuickHelp.SetUserField(strconv.Itoa(id), field, v); err != nil {
		t.Fatal(err)
	}
}

// updateBodies are the bodies of every update call the sandbox received.
func updateBodies(t *testing.T, sb *acctest.Sandbox) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, r := range sb.Requests("quickhelp") {
		if r.Route != "POST /User/Update" {
			continue
		}
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatalf("update body is not JSON: %s", r.Body)
		}
		out = append(out, body)
	}
	return out
}

func countRoute(sb *acctest.Sandbox, route string) int {
	n := 0
	for _, r := range sb.Requests("quickhelp") {
		if r.Route == route {
			n++
		}
	}
	return n
}

func qhUser(email, first, last string) qhsandbox.User {
	return qhsandbox.User{Email: email, FirstName: first, LastName: last, Licensed: true}
}
