package apiclient

import "strings"

// UserAgent builds the User-Agent every vendor sees, so their support can
// tell the provider's traffic (and its version) from other integrations.
// The Terraform part is left out when the CLI version is not known, e.g.
// before the provider's Configure ran.
func UserAgent(providerVersion, terraformVersion string) string {
	v := strings.TrimSpace(providerVersion)
	if v == "" {
		v = "dev"
	}
	ua := "terraform-provider-saas/" + v + " (+https://registry.terraform.io/providers/saas-users/saas)"
	if tf := strings.TrimSpace(terraformVersion); tf != "" {
		ua += " Terraform/" + tf
	}
	return ua
}
