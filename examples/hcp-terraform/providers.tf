# No credential is written here: each comes from a workspace environment
# variable marked sensitive (QACOMPLETE_USERNAME, QACOMPLETE_PASSWORD,
# QUESTIONPRO_API_KEY, QUICKHELP_API_KEY, QUICKHELP_SUBSCRIPTION_KEY,
# TWOSMS_CLIENT_ID, TWOSMS_CLIENT_SECRET). An argument set in this block
# would beat its environment variable, so the block names only what is not
# secret.
provider "saas" {
  qacomplete {}

  questionpro {
    # Null leaves the host to QUESTIONPRO_BASE_URL, then to the US datacenter.
    datacenter      = var.questionpro_datacenter
    organization_id = var.questionpro_organization_id
  }

  quickhelp {}

  twosms {
    # Null leaves the deployment to TWOSMS_BASE_URL.
    region = var.twosms_region
  }
}
