package faulttest_test

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// The user passwords and PINs the secret-leak tests send: a first set, then
// a second one an update sends.
const (
	qpPassword1, qpPassword2   = "Qp-Secret-Pass-4a7c", "Qp-Secret-Pass-9e1d"
	smsPassword1, smsPassword2 = "Sms-Secret-Pass-3b8f", "Sms-Secret-Pass-6c2e"
	smsPin1, smsPin2           = "73945182", "50618397"
)

// With every credential set (from the environment, as in CI), write-only
// passwords and a PIN on the vendors that have them, and TF_LOG=TRACE: no
// secret appears in the log, in a diagnostic (every vendor echoes its
// secrets in an error body once), in the state, or in any URL the sandbox
// received.
func TestAccFaults_noSecretLeaksAcrossVendors(t *testing.T) {
	testNoSecretLeaks(t, true)
}

// The same on CLIs without write-only attributes (Terraform 1.5), with the
// Sensitive password and pin attributes. Those are stored in state by
// design, so only the log, the diagnostics and the URLs are checked.
func TestAccFaults_noSecretLeaksAcrossVendorsSensitiveFallback(t *testing.T) {
	testNoSecretLeaks(t, false)
}

func testNoSecretLeaks(t *testing.T, writeOnly bool) {
	sb := acctest.StartSandbox(t)
	seedFleet(sb, 1)
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	// Credentials come from the environment and user secrets from TF_VAR_
	// variables set before each step: the harness logs every step's
	// configuration text, so no secret may be written into it.
	sb.SetProviderEnv(t)
	secretsAre := func(qp, sms, pin string) {
		t.Setenv("TF_VAR_qp_password", qp)
		t.Setenv("TF_VAR_sms_password", sms)
		t.Setenv("TF_VAR_sms_pin", pin)
	}
	secretsAre("", "", "")

	cfg := func(version int) string {
		qpSecret := "password = var.qp_password"
		smsSecrets := "password = var.sms_password\n  pin      = var.sms_pin"
		if writeOnly {
			qpSecret = fmt.Sprintf("password_wo         = var.qp_password\n  password_wo_version = %d", version)
			smsSecrets = fmt.Sprintf("password_wo         = var.sms_password\n  password_wo_version = %[1]d\n  pin_wo              = var.sms_pin\n  pin_wo_version      = %[1]d", version)
		}
		return fmt.Sprintf(`
provider "saas" {
  max_retries     = 2
  request_timeout = "10s"
  questionpro {
    organization_id = %[1]d
  }
}

variable "qp_password" {
  type      = string
  sensitive = true
}

variable "sms_password" {
  type      = string
  sensitive = true
}

variable "sms_pin" {
  type      = string
  sensitive = true
}

resource "saas_qacomplete_user" "s" {
  dept_id    = %[2]d
  email      = "keeper@example.com"
  first_name = "Secret"
  last_name  = "Keeper %[3]d"
}

resource "saas_questionpro_user" "s" {
  email_address = "keeper@example.com"
  last_name     = "Keeper %[3]d"
  %[4]s
}

resource "saas_quickhelp_user" "s" {
  email     = %[5]q
  job_title = "Keeper %[3]d"
}

resource "saas_twosms_admin_user" "s" {
  username     = %[6]q
  display_name = "Keeper %[3]d"
  %[7]s
}
`, acctest.QuestionProOrganizationID, acctest.QACompleteDeptID, version, qpSecret, qhEmail(0), smsUsername(0), smsSecrets)
	}

	basicBlob := base64.StdEncoding.EncodeToString([]byte(acctest.QACompleteUsername + ":" + acctest.QACompletePassword))
	secrets := map[string]string{
		"QAComplete password":        acctest.QACompletePassword,
		"QAComplete Basic blob":      basicBlob,
		"QuestionPro API key":        acctest.QuestionProAPIKey,
		"QuickHelp API key":          acctest.QuickHelpAPIKey,
		"QuickHelp subscription key": acctest.QuickHelpSubscriptionKey,
		"2sms client secret":         acctest.TwoSMSClientSecret,
		"QuestionPro password 1":     qpPassword1,
		"QuestionPro password 2":     qpPassword2,
		"2sms password 1":            smsPassword1,
		"2sms password 2":            smsPassword2,
		"2sms PIN 1":                 smsPin1,
		"2sms PIN 2":                 smsPin2,
	}

	// echo makes each vendor refuse its update with a body that repeats the
	// secrets that call carried, as a careless server might.
	echo := func() {
		body := func(secrets ...string) string { return "echoed: " + strings.Join(secrets, " ") }
		sb.SetFaults("qacomplete", sandbox.Fault{Method: "PUT", Status: 400, Body: body(acctest.QACompletePassword, basicBlob)})
		sb.SetFaults("questionpro", sandbox.Fault{Method: "PUT", Status: 400, Body: body(acctest.QuestionProAPIKey, qpPassword2)})
		sb.SetFaults("quickhelp", sandbox.Fault{Method: "POST", Status: 400, Body: body(acctest.QuickHelpAPIKey, acctest.QuickHelpSubscriptionKey)})
		sb.SetFaults("twosms", sandbox.Fault{Method: "PUT", Status: 400, Body: body(smsPassword2, smsPin2)})
	}

	// received checks the secrets reached the vendors, or the test proves
	// nothing.
	received := func(qp, sms, pin string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			var qpID int
			for _, u := range sb.QuestionPro.Users() {
				if u.EmailAddress == "keeper@example.com" {
					qpID = u.UserID
				}
			}
			var smsID string
			for _, u := range sb.TwoSMS.Users() {
				if u.Username == smsUsername(0) {
					smsID = u.ID
				}
			}
			if sb.QuestionPro.Password(qpID) != qp || sb.TwoSMS.Password(smsID) != sms || sb.TwoSMS.PIN(smsID) != pin {
				return fmt.Errorf("the passwords and PIN did not all reach the sandbox")
			}
			return nil
		}
	}
	stateLacks := func(values ...string) resource.TestCheckFunc {
		return func(s *terraform.State) error {
			if !writeOnly {
				return nil
			}
			for addr, rs := range s.RootModule().Resources {
				for k, v := range rs.Primary.Attributes {
					for _, secret := range values {
						if strings.Contains(v, secret) {
							return fmt.Errorf("state of %s holds a secret in %s", addr, k)
						}
					}
				}
			}
			return nil
		}
	}
	var stateChecks []statecheck.StateCheck
	var versionChecks []tfversion.TerraformVersionCheck
	if writeOnly {
		versionChecks = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)}
		stateChecks = []statecheck.StateCheck{
			statecheck.ExpectKnownValue("saas_questionpro_user.s", tfjsonpath.New("password_wo"), knownvalue.Null()),
			statecheck.ExpectKnownValue("saas_questionpro_user.s", tfjsonpath.New("password"), knownvalue.Null()),
			statecheck.ExpectKnownValue("saas_twosms_admin_user.s", tfjsonpath.New("password_wo"), knownvalue.Null()),
			statecheck.ExpectKnownValue("saas_twosms_admin_user.s", tfjsonpath.New("pin_wo"), knownvalue.Null()),
			statecheck.ExpectKnownValue("saas_twosms_admin_user.s", tfjsonpath.New("pin"), knownvalue.Null()),
		}
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProviderFactories,
		TerraformVersionChecks:   versionChecks,
		Steps: []resource.TestStep{
			{
				PreConfig:         func() { secretsAre(qpPassword1, smsPassword1, smsPin1) },
				Config:            cfg(1),
				ConfigStateChecks: stateChecks,
				Check:             resource.ComposeTestCheckFunc(received(qpPassword1, smsPassword1, smsPin1), stateLacks(qpPassword1, smsPassword1, smsPin1)),
			},
			{Config: cfg(1), PlanOnly: true},
			// Every vendor refuses the update and echoes its secrets: the
			// diagnostics show them masked.
			{
				PreConfig:   func() { secretsAre(qpPassword2, smsPassword2, smsPin2); echo() },
				Config:      cfg(2),
				ExpectError: regexp.MustCompile(`echoed:\s+\*\*\*`),
			},
			{
				PreConfig:         sb.ClearFaults,
				Config:            cfg(2),
				ConfigStateChecks: stateChecks,
				Check:             resource.ComposeTestCheckFunc(received(qpPassword2, smsPassword2, smsPin2), stateLacks(qpPassword1, smsPassword1, smsPin1, qpPassword2, smsPassword2, smsPin2)),
			},
			{Config: cfg(2), PlanOnly: true},
		},
	})
	if t.Skipped() {
		return
	}

	data, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	// The log must hold each vendor's requests with their headers and the
	// echoing diagnostics, or the test proves nothing.
	for _, want := range []string{"/depts/", "/users/search", "/User/Update", "/api/v1/admin/users", "Authorization", "Ocp-Apim-Subscription-Key", "echoed"} {
		if !strings.Contains(log, want) {
			t.Fatalf("the trace log (%d bytes) does not mention %q", len(log), want)
		}
	}
	for _, vendor := range []string{"QAComplete", "QuestionPro", "QuickHelp", "2sms"} {
		if !regexp.MustCompile(`diagnostic_detail=.*` + vendor + `[^\n]*echoed`).MatchString(log) {
			t.Errorf("the trace log holds no diagnostic of %s's echoing error", vendor)
		}
	}
	for name, secret := range secrets {
		if strings.Contains(log, secret) {
			t.Errorf("the trace log contains the %s", name)
		}
	}
	// The 2sms bearer tokens are credentials too.
	tokens := map[string]bool{}
	for _, r := range sb.Requests("twosms") {
		if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
			tokens[strings.TrimPrefix(h, "Bearer ")] = true
		}
	}
	if len(tokens) == 0 {
		t.Fatal("the sandbox saw no 2sms bearer token")
	}
	for tok := range tokens {
		if strings.Contains(log, tok) {
			t.Error("the trace log contains a 2sms access token")
		}
		secrets["2sms access token "+tok[:4]] = tok
	}
	// No secret in any URL any vendor received, escaped or not.
	for _, r := range sb.Requests("") {
		path, _ := url.PathUnescape(r.Path)
		query, _ := url.QueryUnescape(r.RawQuery)
		for name, secret := range secrets {
			for _, part := range []string{r.Path, path, r.RawQuery, query} {
				if strings.Contains(part, secret) {
					t.Errorf("%s %s %s carries the %s in its URL", r.Vendor, r.Method, r.Path, name)
				}
			}
		}
	}
}
