terraform {
  # HCP Terraform runs the Terraform version the workspace selects; 1.5 is
  # the oldest the provider is tested with.
  required_version = ">= 1.5.0"

  required_providers {
    saas = {
      # The public registry. From the organization's private registry
      # instead: source = "app.terraform.io/example-org/saas".
      source  = "saas-users/saas"
      version = "~> 0.1"
    }
  }
}
