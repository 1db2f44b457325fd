package twosms_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/acctest"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	smssandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// words is acctest.Words: whitespace-tolerant ExpectError patterns.
var words = acctest.Words

const graceID = "9ace0000-0000-4000-8000-000000000042"

// seedGrace adds a portal user with every read-only field filled in, as a
// person who accepted the privacy policy long ago would have.
func seedGrace(sb *acctest.Sandbox) {
	agreed := time.Date(2023, 5, 17, 9, 30, 15, 123456700, time.UTC)
	sb.TwoSMS.AddUser(smssandbox.User{
		ID: graceID, AgreementDate: &agreed, DisplayName: "Grace Hopper", DPAVersion: "2.1",
		EmailAddress: "grace@example.com", Enabled: true, MobilePhone: "+44 7700 900042",
		PrivacyPolicyVersion: "3.0", TimeZone: "GMT Standard Time", Username: "grace.hopper",
		Preferences: 2, SSOEnabled: true,
	})
}

// sandboxUser reads a user from the sandbox the way a person would check
// the 2sms portal.
func sandboxUser(t *testing.T, sb *acctest.Sandbox, id string) *smssandbox.User {
	t.Helper()
	for _, u := range sb.TwoSMS.Users() {
		if u.ID == id {
			return &u
		}
	}
	return nil
}

// requests returns the sandbox's 2sms requests on one route.
func requests(sb *acctest.Sandbox, route string) []sandbox.Request {
	var out []sandbox.Request
	for _, r := range sb.Requests("twosms") {
		if r.Route == route {
			out = append(out, r)
		}
	}
	return out
}

const putRoute = "PUT /api/v1/admin/users/{id}"

// putBodies decodes every PUT body the sandbox received.
func putBodies(sb *acctest.Sandbox) ([]map[string]any, error) {
	var out []map[string]any
	for _, r := range requests(sb, putRoute) {
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			return nil, fmt.Errorf("PUT body is not JSON: %w", err)
		}
		out = append(out, body)
	}
	return out, nil
}
