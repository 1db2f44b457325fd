package main

import "testing"

// The report's header names the CLI from this line: OpenTofu's warnings
// about an unreadable CLI configuration come first on stdout and must not
// stand in for the version.
func TestVersionLine(t *testing.T) {
	tofu := "\nWarning: Unable to open CLI configuration file\n\nThe CLI configuration file at \"/root/.terraformrc\" does not exist.\n\nOpenTofu v1.12.6\non linux_amd64\n"
	if got := versionLine(tofu); got != "OpenTofu v1.12.6" {
		t.Errorf("OpenTofu: got %q", got)
	}
	if got := versionLine("Terraform v1.5.7\non linux_amd64\n"); got != "Terraform v1.5.7" {
		t.Errorf("Terraform: got %q", got)
	}
	if got := versionLine("Warning: something\n"); got != "" {
		t.Errorf("no version: got %q", got)
	}
}
