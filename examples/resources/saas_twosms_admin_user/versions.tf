# Not part of the documentation: import-by-identity.tf puts identity in an
# import block, which only Terraform 1.12+ and OpenTofu 1.12+ read, so this
# directory is checked with a CLI of that age.
terraform {
  required_version = ">= 1.12.0"
}
