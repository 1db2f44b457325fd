terraform {
  required_providers {
    saas = {
      # The full address, so that OpenTofu (whose default registry is
      # registry.opentofu.org) installs the same provider as Terraform.
      source = "registry.terraform.io/saas-users/saas"
    }
  }
}
