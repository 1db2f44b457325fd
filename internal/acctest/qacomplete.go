package acctest

import (
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
)

// The sandbox's default QAComplete administrator and department, public
// sandbox-only values.
const (
	QACompleteUsername = qacsandbox.DefaultAdminLogin
	QACompletePassword = qacsandbox.DefaultAdminPassword
	QACompleteDeptID   = qacsandbox.DefaultDepartmentID
)

// QACompleteProvider is a provider block for the sandbox's QAComplete, with
// retries fast enough for tests.
func (s *Sandbox) QACompleteProvider() string {
	return s.providerBlock(testMaxRetries, testRequestTimeout, vendorBlock{emulator: qacsandbox.Descriptor})
}
