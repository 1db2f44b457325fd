package main

import (
	"fmt"
	"strings"
)

// user is one generated user; the same data drives every vendor's resources
// and the floor's terraform_data inputs.
type user struct {
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
}

// generateUsers makes n users keyed u00000..; the first changed of them get
// a new last name, which is the "10% change".
func generateUsers(n, changed int) map[string]user {
	out := make(map[string]user, n)
	for i := range n {
		last := fmt.Sprintf("Number%05d", i)
		if i < changed {
			last += "-renamed"
		}
		out[userKey(i)] = user{FirstName: "Bench", LastName: last}
	}
	return out
}

func userKey(i int) string { return fmt.Sprintf("u%05d", i) }

// vendor is one vendor's part of the benchmark configuration: its provider
// block, its resources (one per user, for_each over var.users), the users
// to seed when its API cannot create them, and its credentials.
type vendor struct {
	name string
	// settings are the vendor block's lines other than requests_per_second,
	// which the cap setting decides.
	settings  []string
	resources string
	seed      func(n int) any
	env       func(sandboxURL string) []string
}

var vendors = []vendor{
	{
		name: "qacomplete",
		resources: `
resource "saas_qacomplete_user" "u" {
  for_each   = var.users
  dept_id    = 8162
  email      = "${each.key}@qac.bench.example.com"
  first_name = each.value.first_name
  last_name  = each.value.last_name
}
`,
		seed: func(int) any { return map[string]any{} },
		env: func(url string) []string {
			return []string{
				"QACOMPLETE_BASE_URL=" + url + "/qacomplete/rest-api/service/api/v1",
				"QACOMPLETE_USERNAME=admin@example.com",
				"QACOMPLETE_PASSWORD=sandbox-admin-password",
			}
		},
	},
	{
		name:     "questionpro",
		settings: []string{"organization_id = 1001"},
		resources: `
resource "saas_questionpro_user" "u" {
  for_each      = var.users
  email_address = "${each.key}@qp.bench.example.com"
  first_name    = each.value.first_name
  last_name     = each.value.last_name
  department_id = 2001
}
`,
		// null restores the emulator's default organization, keys and users.
		seed: func(int) any { return nil },
		env: func(url string) []string {
			return []string{
				"QUESTIONPRO_BASE_URL=" + url + "/questionpro/a/api/v2",
				"QUESTIONPRO_API_KEY=sandbox-questionpro-key",
			}
		},
	},
	{
		name: "quickhelp",
		resources: `
resource "saas_quickhelp_user" "u" {
  for_each   = var.users
  email      = "${each.key}@qh.bench.example.com"
  first_name = each.value.first_name
  last_name  = each.value.last_name
  licensed   = true
  confirmed  = true
  bypass_sso = false
}
`,
		// QuickHelp's API cannot create users: seed them, for adoption.
		seed: func(n int) any {
			users := make([]map[string]any, n)
			for i := range n {
				users[i] = map[string]any{
					"userId": i + 1, "customerId": 1001, "firstName": "Seeded", "lastName": "User",
					"email": userKey(i) + "@qh.bench.example.com", "licensed": false, "confirmed": true, "bypassSso": false, "roles": []string{},
				}
			}
			return map[string]any{"users": users}
		},
		env: func(url string) []string {
			return []string{
				"QUICKHELP_BASE_URL=" + url + "/quickhelp/v1",
				"QUICKHELP_API_KEY=sandbox-quickhelp-api-key",
				"QUICKHELP_SUBSCRIPTION_KEY=sandbox-quickhelp-subscription-key",
			}
		},
	},
	{
		name: "twosms",
		resources: `
resource "saas_twosms_admin_user" "u" {
  for_each     = var.users
  username     = each.key
  display_name = "${each.value.first_name} ${each.value.last_name}"
  enabled      = true
}
`,
		// 2sms's API cannot create users either. The API client is bound
		// to the admin user, which must stay in the seed.
		seed: func(n int) any {
			const account, language = "acc00000-0000-4000-8000-000000000001", "1a000000-0000-4000-8000-000000000001"
			users := []map[string]any{{
				"ID": "ad000000-0000-4000-8000-000000000001", "AccountID": account, "AdminUser": true, "DisplayName": "Sandbox Admin",
				"EmailAddress": "admin@sandbox.example", "Enabled": true, "LanguageID": language, "MobilePhone": "+44 7700 900000",
				"TimeZone": "GMT Standard Time", "Username": "sandbox.admin",
			}}
			for i := range n {
				users = append(users, map[string]any{
					"ID": fmt.Sprintf("b0000000-0000-4000-8000-%012d", i), "AccountID": account, "DisplayName": "Seeded User",
					"EmailAddress": userKey(i) + "@sms.bench.example.com", "Enabled": false, "LanguageID": language,
					"MobilePhone": "+44 7700 900000", "TimeZone": "GMT Standard Time", "Username": userKey(i),
				})
			}
			return map[string]any{"users": users}
		},
		env: func(url string) []string {
			return []string{
				"TWOSMS_BASE_URL=" + url + "/twosms",
				"TWOSMS_CLIENT_ID=sandbox-twosms-client",
				"TWOSMS_CLIENT_SECRET=sandbox-twosms-secret",
			}
		},
	},
}

const varsTF = `
variable "users" {
  type = map(object({ first_name = string, last_name = string }))
}
`

// Cap settings: how requests_per_second is set in every vendor block.
const (
	// capsLifted sets a cap no run reaches: the bench measures the
	// provider, not its courtesy pacing (QuestionPro's default alone
	// stretches 1,000 creates over minutes).
	capsLifted = "lifted"
	// capsDefault leaves requests_per_second out, so each vendor's
	// default applies, as it does for users who do not set it.
	capsDefault = "default"
)

var capSettings = []string{capsLifted, capsDefault}

// liftedRequestsPerSecond is far above what one machine can send.
const liftedRequestsPerSecond = 10000

// providerBlock is one vendor's block in the provider configuration at the
// given cap setting.
func (v vendor) providerBlock(caps string) string {
	lines := append([]string(nil), v.settings...)
	if caps == capsLifted {
		lines = append(lines, fmt.Sprintf("requests_per_second = %d", liftedRequestsPerSecond))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "  %s {\n", v.name)
	for _, l := range lines {
		fmt.Fprintf(&b, "    %s\n", l)
	}
	b.WriteString("  }\n")
	return b.String()
}

// providerTF is the configuration for the selected vendors at the given cap
// setting: one resource per user per vendor.
func providerTF(selected []vendor, caps string) string {
	var blocks, resources strings.Builder
	for _, v := range selected {
		blocks.WriteString(v.providerBlock(caps))
		resources.WriteString(v.resources)
	}
	return `
terraform {
  required_providers {
    saas = { source = "saas-users/saas" }
  }
}

provider "saas" {
` + blocks.String() + "}\n" + resources.String() + varsTF
}

// floorTF is the same number of resources with no provider: Terraform's own
// cost for the same graph.
func floorTF(selected []vendor) string {
	var b strings.Builder
	for _, v := range selected {
		fmt.Fprintf(&b, "\nresource \"terraform_data\" %q {\n  for_each = var.users\n  input    = each.value\n}\n", v.name)
	}
	return b.String() + varsTF
}

// seedFor is the sandbox seed for n users of each selected vendor.
func seedFor(selected []vendor, n int) map[string]any {
	out := map[string]any{}
	for _, v := range selected {
		out[v.name] = v.seed(n)
	}
	return out
}

// envFor is every selected vendor's credentials.
func envFor(selected []vendor, url string) []string {
	var out []string
	for _, v := range selected {
		out = append(out, v.env(url)...)
	}
	return out
}
