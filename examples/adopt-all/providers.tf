# Base URLs and credentials come from the environment (QACOMPLETE_*,
# QUESTIONPRO_*, QUICKHELP_*, TWOSMS_*), so nothing secret is written here.
provider "saas" {
  qacomplete {}
  questionpro {
    # Listing an organization's users names the organization.
    organization_id = var.questionpro_organization_id
  }
  quickhelp {}
  twosms {}
}
