// Package acctest holds what every acceptance test needs: the provider
// factories and a sandbox started on a free loopback port, with the provider
// block that points at it.
package acctest

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/saas-users/terraform-provider-saas/internal/provider"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// ProviderFactories serves the provider in-process to the CLI under test.
var ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"saas": func() (tfprotov6.ProviderServer, error) { return provider.NewServer("test")(), nil },
}

// The sandbox's default QAComplete account, a public sandbox-only value.
const (
	QACompleteUsername = "admin@example.com"
	QACompletePassword = "sandbox-admin-password"
	QACompleteDeptID   = 8162
)

// Sandbox is one running set of emulators for one test, every vendor
// mounted, each with the emulator's default (least forgiving) options.
type Sandbox struct {
	*sandbox.Server
	QAComplete  *qacsandbox.Emulator
	QuestionPro *qpsandbox.Emulator
	QuickHelp   *qhsandbox.Emulator
	TwoSMS      *smssandbox.Emulator
}

// StartSandbox starts the emulators on 127.0.0.1 with a free port and stops
// them when the test ends. Every test gets its own, so tests run in parallel
// without seeing each other's users.
func StartSandbox(t *testing.T) *Sandbox {
	t.Helper()
	sb := &Sandbox{
		QAComplete:  qacsandbox.New(qacsandbox.Options{}),
		QuestionPro: qpsandbox.New(qpsandbox.Options{}),
		QuickHelp:   qhsandbox.New(qhsandbox.Options{}),
		TwoSMS:      smssandbox.New(smssandbox.Options{}),
	}
	sb.Server = sandbox.NewServer(sb.QAComplete, sb.QuestionPro, sb.QuickHelp, sb.TwoSMS)
	if err := sb.Start("127.0.0.1:0"); err != nil {
		t.Fatalf("starting the sandbox: %v", err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	return sb
}

// QACompleteProvider is a provider block for the sandbox's QAComplete, with
// retries fast enough for tests.
func (s *Sandbox) QACompleteProvider() string {
	return fmt.Sprintf(`
provider "saas" {
  max_retries     = 4
  request_timeout = "10s"
  qacomplete {
    base_url = %q
    username = %q
    password = %q
  }
}
`, s.BaseURL("qacomplete"), QACompleteUsername, QACompletePassword)
}
