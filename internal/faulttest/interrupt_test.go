package faulttest_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// interruptFleet is the number of users per vendor of the interrupted
// apply: 40 resources, slow enough with added latency to stop half-way.
const interruptFleet = 10

// fleetAddresses is every resource address fleetResources(n) declares.
func fleetAddresses(n int) []string {
	var out []string
	for _, typ := range []string{"saas_qacomplete_user", "saas_questionpro_user", "saas_quickhelp_user", "saas_twosms_admin_user"} {
		for i := range n {
			out = append(out, fmt.Sprintf("%s.u[%d]", typ, i))
		}
	}
	sort.Strings(out)
	return out
}

// An apply interrupted with SIGINT half-way leaves state and the vendors
// consistent: every user the vendors hold is in state, the next plan
// proposes exactly the creates not done yet, the next apply does them, and
// the plan after it is empty, with no duplicate anywhere.
// terraform-plugin-testing cannot send a signal, so this test drives the
// CLI named by TF_ACC_TERRAFORM_PATH itself, with the provider built and
// installed as a user would.
func TestAccFaults_interruptedApplyResumes(t *testing.T) {
	bin := acctest.CLIFromEnv(t)
	sb := acctest.StartSandbox(t)
	seedFleet(sb, interruptFleet)
	c := acctest.NewCLI(t, bin, sb.ProviderEnv())
	cfg := acctest.CLIProviderConfig("registry.terraform.io/saas-users/saas") + fleetResources(interruptFleet, "Adopted")
	c.WriteFile("main.tf", cfg)
	c.MustRun(0, "init", "-input=false", "-no-color")

	// Slow every call down so the apply is still running when interrupted.
	sb.SetFaults("", sandbox.Fault{Latency: 250 * time.Millisecond})
	created := func() int {
		n := 0
		for _, u := range sb.QAComplete.Users(acctest.QACompleteDeptID) {
			if strings.HasPrefix(u.Email, "qac-") {
				n++
			}
		}
		for _, u := range sb.QuestionPro.Users() {
			if strings.HasPrefix(u.EmailAddress, "qp-") {
				n++
			}
		}
		return n
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	apply, out := c.Command(ctx, "apply", "-input=false", "-no-color", "-auto-approve", "-parallelism=2")
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- apply.Wait() }()
	interrupted := false
	for !interrupted {
		select {
		case err := <-exited:
			t.Fatalf("the apply ended (%v) before a few users existed, so it could not be interrupted; output:\n%s", err, out)
		case <-time.After(50 * time.Millisecond):
		}
		if created() >= 4 {
			if err := apply.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
			interrupted = true
		}
	}
	var applyErr error
	select {
	case applyErr = <-exited:
	case <-time.After(90 * time.Second):
		t.Fatalf("the interrupted apply did not exit within 90s; output so far:\n%s", out)
	}
	if applyErr == nil {
		t.Fatalf("the interrupted apply exited 0; it should report the interruption:\n%s", out)
	}
	if !strings.Contains(out.String(), "nterrupt") {
		t.Errorf("the apply's output does not mention the interruption:\n%s", out)
	}

	// State and the vendors agree: every created user is in state.
	sb.ClearFaults()
	inState := c.StateAddresses()
	stateCreated := 0
	for _, a := range inState {
		if strings.HasPrefix(a, "saas_qacomplete_user.") || strings.HasPrefix(a, "saas_questionpro_user.") {
			stateCreated++
		}
	}
	if n := created(); n != stateCreated {
		t.Fatalf("after the interruption the vendors hold %d created users and state %d: %v", n, stateCreated, inState)
	}
	all := fleetAddresses(interruptFleet)
	if len(inState) == 0 || len(inState) >= len(all) {
		t.Fatalf("the interruption left %d of %d resources in state; want some but not all", len(inState), len(all))
	}

	// The next plan proposes exactly the remaining creates.
	changes, code := c.PlannedChanges()
	var want []string
	for _, a := range all {
		if !slices.Contains(inState, a) {
			want = append(want, "create "+a)
		}
	}
	if code != 2 || !slices.Equal(changes, want) {
		t.Fatalf("after the interruption the plan (exit %d) proposes:\n  %s\nwant only the %d remaining creates:\n  %s",
			code, strings.Join(changes, "\n  "), len(want), strings.Join(want, "\n  "))
	}
	t.Logf("interrupted with %d of %d resources done; the plan creates the other %d", len(inState), len(all), len(want))

	// The next apply finishes the work; the plan after it is empty.
	c.MustRun(0, "apply", "-input=false", "-no-color", "-auto-approve", "tfplan")
	if changes, code := c.PlannedChanges(); code != 0 || len(changes) != 0 {
		t.Fatalf("after the second apply the plan (exit %d) still proposes %v", code, changes)
	}
	if err := checkFleet(sb, interruptFleet, "Adopted"); err != nil {
		t.Fatal(err)
	}
}
