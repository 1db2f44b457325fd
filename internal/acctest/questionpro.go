package acctest

import (
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

// The sandbox's default QuestionPro account: the administrator key of the
// organization's primary user, a public sandbox-only value.
const (
	QuestionProAPIKey         = qpsandbox.DefaultAPIKey
	QuestionProOrganizationID = qpsandbox.DefaultOrganizationID
	QuestionProDepartmentID   = qpsandbox.DefaultDepartmentID
	QuestionProResearchDeptID = qpsandbox.ResearchDepartmentID
)

// QuestionProProvider is a provider block for the sandbox's QuestionPro with
// the default key and organization, and retries fast enough for tests.
func (s *Sandbox) QuestionProProvider() string {
	return s.providerBlock(testMaxRetries, testRequestTimeout, vendorBlock{emulator: qpsandbox.Descriptor})
}
