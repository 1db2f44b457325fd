package faulttest_test

import (
	"fmt"
	"strings"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	qhsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// words is acctest.Words: whitespace-tolerant ExpectError patterns.
var words = acctest.Words

// The e-mails and usernames of the users of a fleet: user i of each vendor.
func qacEmail(i int) string    { return fmt.Sprintf("qac-%d@example.com", i) }
func qpEmail(i int) string     { return fmt.Sprintf("qp-%d@example.com", i) }
func qhEmail(i int) string     { return fmt.Sprintf("qh-%d@example.com", i) }
func smsUsername(i int) string { return fmt.Sprintf("sms-%d", i) }

// fleetResources is n users of each vendor: QAComplete and QuestionPro
// users created, QuickHelp and 2sms users (seeded with seedFleet) adopted
// and given a job title or display name. jobTitle lets a test change every
// adopted user at once.
func fleetResources(n int, jobTitle string) string {
	return fmt.Sprintf(`
resource "saas_qacomplete_user" "u" {
  count      = %[1]d
  dept_id    = %[2]d
  email      = "qac-${count.index}@example.com"
  first_name = "Qac"
  last_name  = "User ${count.index}"
}

resource "saas_questionpro_user" "u" {
  count         = %[1]d
  email_address = "qp-${count.index}@example.com"
  first_name    = "Qp"
  last_name     = "User ${count.index}"
}

resource "saas_quickhelp_user" "u" {
  count     = %[1]d
  email     = "qh-${count.index}@example.com"
  job_title = "%[3]s ${count.index}"
  licensed  = true
}

resource "saas_twosms_admin_user" "u" {
  count        = %[1]d
  username     = "sms-${count.index}"
  display_name = "%[3]s ${count.index}"
}
`, n, acctest.QACompleteDeptID, jobTitle)
}

// seedFleet adds the QuickHelp and 2sms users fleetResources adopts, as SSO
// provisioning or the 2sms portal would have made them.
func seedFleet(sb *acctest.Sandbox, n int) {
	for i := range n {
		sb.QuickHelp.AddUser(qhsandbox.User{
			Email: qhEmail(i), FirstName: "Qh", LastName: fmt.Sprintf("User %d", i),
			JobTitle: "Seeded", Department: "Sales",
		})
		sb.TwoSMS.AddUser(smssandbox.User{
			Username: smsUsername(i), DisplayName: fmt.Sprintf("Seeded %d", i),
			EmailAddress: fmt.Sprintf("sms-%d@example.com", i), Enabled: true,
			MobilePhone: fmt.Sprintf("+44 7700 900%03d", i), TimeZone: "GMT Standard Time",
		})
	}
}

// checkFleet reports how the sandbox differs from the n users of each vendor
// fleetResources describes: every user exactly once (a retried create must
// not leave a duplicate), no stray user with a fleet prefix, and each with
// the configured values.
func checkFleet(sb *acctest.Sandbox, n int, jobTitle string) error {
	var problems []string
	fail := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	qac := map[string]int{}
	for _, u := range sb.QAComplete.Users(acctest.QACompleteDeptID) {
		if strings.HasPrefix(u.Email, "qac-") {
			qac[u.Email]++
			if !u.IsActive || u.FirstName != "Qac" {
				fail("QAComplete user %s is %+v", u.Email, u)
			}
		}
	}
	qp := map[string]int{}
	for _, u := range sb.QuestionPro.Users() {
		if strings.HasPrefix(u.EmailAddress, "qp-") {
			qp[u.EmailAddress]++
			if u.FirstName != "Qp" {
				fail("QuestionPro user %s is %+v", u.EmailAddress, u)
			}
		}
	}
	qh := map[string]qhsandbox.User{}
	for _, u := range sb.QuickHelp.Users() {
		if strings.HasPrefix(u.Email, "qh-") {
			qh[u.Email] = u
		}
	}
	sms := map[string]smssandbox.User{}
	for _, u := range sb.TwoSMS.Users() {
		if strings.HasPrefix(u.Username, "sms-") {
			sms[u.Username] = u
		}
	}
	for i := range n {
		if c := qac[qacEmail(i)]; c != 1 {
			fail("QAComplete holds %d users with e-mail %s, want 1", c, qacEmail(i))
		}
		if c := qp[qpEmail(i)]; c != 1 {
			fail("QuestionPro holds %d users with e-mail %s, want 1", c, qpEmail(i))
		}
		want := fmt.Sprintf("%s %d", jobTitle, i)
		if u := qh[qhEmail(i)]; u.JobTitle != want || !u.Licensed || u.FirstName != "Qh" || u.Department != "Sales" {
			fail("QuickHelp user %s is %+v, want job title %q, licensed, other fields kept", qhEmail(i), u, want)
		}
		if u := sms[smsUsername(i)]; u.DisplayName != want || !u.Enabled || u.TimeZone != "GMT Standard Time" {
			fail("2sms user %s is %+v, want display name %q, other fields kept", smsUsername(i), u, want)
		}
	}
	if len(qac) != n || len(qp) != n || len(qh) != n || len(sms) != n {
		fail("distinct fleet users: QAComplete %d, QuestionPro %d, QuickHelp %d, 2sms %d; want %d each", len(qac), len(qp), len(qh), len(sms), n)
	}
	if len(problems) > 0 {
		if len(problems) > 10 {
			problems = append(problems[:10], fmt.Sprintf("... and %d more", len(problems)-10))
		}
		return fmt.Errorf("the sandbox does not hold the configured users:\n  %s", strings.Join(problems, "\n  "))
	}
	return nil
}
