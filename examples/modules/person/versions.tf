terraform {
  # 1.5 is the oldest Terraform release this module is tested with; OpenTofu
  # checks the same constraint against its own version, so every OpenTofu
  # release from 1.6 on accepts it too.
  required_version = ">= 1.5.0"

  required_providers {
    saas = {
      source = "saas-users/saas"
    }
  }
}
