package questionpro_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
)

// Where QuestionPro requires a password on create (a reading §5.2 allows), a
// configuration without one fails at apply with QuestionPro's message and
// the attributes that carry a password, and nothing is created.
func TestAccQuestionProUser_passwordRequiredOnCreate(t *testing.T) {
	sb := acctest.StartSandbox(t)
	if err := sb.QuestionPro.MergeOptions([]byte(`{"require_password_on_create": true}`)); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      userConfig(sb, graceBody),
			ExpectError: words("Could not create the QuestionPro user", "password is required", "No password was sent", "set password_wo with password_wo_version", "password."),
		}},
	})
	if u := sandboxUser(t, sb, "grace@example.com"); u != nil {
		t.Fatalf("a failed create left a user: %+v", *u)
	}
}

// withoutOrganization drops questionpro.organization_id from a
// configuration.
var withoutOrganization = regexp.MustCompile(`(?m)^\s*organization_id\s*=.*\n`)

// Where POST /users answers 2xx without the new user (a reading §1.3
// allows) and the e-mail could not be looked up before (no
// organization_id), the provider cannot tell the new user from an older
// one with that e-mail: it records nothing and says to import the user.
func TestAccQuestionProUser_createAnsweredWithoutUserUnchecked(t *testing.T) {
	sb := acctest.StartSandbox(t)
	if err := sb.QuestionPro.MergeOptions([]byte(`{"user_write_answer": "null"}`)); err != nil {
		t.Fatal(err)
	}
	cfg := withoutOrganization.ReplaceAllString(userConfig(sb, graceBody), "")
	if cfg == userConfig(sb, graceBody) {
		t.Fatal("the configuration names no organization_id to drop")
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      cfg,
			ExpectError: words("no user in the response", "Look grace@example.com up in QuestionPro and import the user", "terraform import"),
		}},
	})
	if sandboxUser(t, sb, "grace@example.com") == nil {
		t.Fatal("the sandbox should hold the user the POST created")
	}
}
