// Package acctest holds what every acceptance test needs: the provider
// factories and a sandbox started on a free loopback port, with the provider
// block that points at it.
package acctest

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/saas-users/terraform-provider-saas/internal/provider"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/emulators"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// ProviderFactories serves the provider in-process to the CLI under test.
var ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"saas": func() (tfprotov6.ProviderServer, error) { return provider.NewServer("test")(), nil },
}

// Sandbox is one running set of emulators for one test: every emulator of
// the sandbox's list mounted, each with its default (least forgiving)
// options. The typed fields reach one vendor's emulator behind the
// provider's back.
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
// testRequestLogLimit holds the request log of the largest suite (a few
// thousand requests) many times over.
const testRequestLogLimit = 200_000

func StartSandbox(t testing.TB) *Sandbox {
	t.Helper()
	sb := &Sandbox{}
	var all []sandbox.Emulator
	for _, d := range emulators.All() {
		e := d.New()
		switch e := e.(type) {
		case *qacsandbox.Emulator:
			sb.QAComplete = e
		case *qpsandbox.Emulator:
			sb.QuestionPro = e
		case *qhsandbox.Emulator:
			sb.QuickHelp = e
		case *smssandbox.Emulator:
			sb.TwoSMS = e
		}
		all = append(all, e)
	}
	if sb.QAComplete == nil || sb.QuestionPro == nil || sb.QuickHelp == nil || sb.TwoSMS == nil {
		t.Fatalf("the sandbox's list of emulators (%v) lacks a vendor the acceptance tests reach directly", emulators.Vendors())
	}
	sb.Server = sandbox.NewServer(all...)
	// Tests read the whole request log back (what was sent, which faults
	// hit): keep every request of even the largest suite, not just the
	// newest the command's default keeps.
	sb.SetRequestLogLimit(testRequestLogLimit)
	if err := sb.Start("127.0.0.1:0"); err != nil {
		t.Fatalf("starting the sandbox: %v", err)
	}
	t.Cleanup(func() { _ = sb.Close() })
	return sb
}
