package apiclient

import "testing"

func TestUserAgent(t *testing.T) {
	tests := []struct{ provider, terraform, want string }{
		{"0.3.0", "1.5.7", "terraform-provider-saas/0.3.0 (+https://registry.terraform.io/providers/saas-users/saas) Terraform/1.5.7"},
		{"0.3.0", "", "terraform-provider-saas/0.3.0 (+https://registry.terraform.io/providers/saas-users/saas)"},
		{"", " ", "terraform-provider-saas/dev (+https://registry.terraform.io/providers/saas-users/saas)"},
	}
	for _, tt := range tests {
		if got := UserAgent(tt.provider, tt.terraform); got != tt.want {
			t.Errorf("UserAgent(%q, %q) = %q, want %q", tt.provider, tt.terraform, got, tt.want)
		}
	}
}
