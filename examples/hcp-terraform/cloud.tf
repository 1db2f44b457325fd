# The HCP Terraform workspace that holds this configuration's runs, state
# and variables; replace the organization and the workspace with yours.
# Leave the file out to run the configuration elsewhere, for example against
# saas-sandbox.
terraform {
  cloud {
    organization = "example-org"

    workspaces {
      name = "saas-users"
    }
  }
}
