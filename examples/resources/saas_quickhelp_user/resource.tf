# QuickHelp users come from SSO, Microsoft Graph sync or the Admin Portal:
# the resource adopts an existing user and applies the configuration to it.
resource "saas_quickhelp_user" "jane" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
  department = "IT"
  job_title  = "Service desk lead"
  licensed   = true

  # Admin role GUIDs; read them from the saas_quickhelp_user(s) data sources.
  roles = ["3f8e2a10-5b1c-4d7e-9a01-000000000005"]

  # Take the licence away on destroy (the default). "forget" leaves the user
  # alone; "gdpr_delete" erases it irreversibly.
  on_destroy = "unlicense"
}

# Found by id; email is then changed in place.
resource "saas_quickhelp_user" "contractor" {
  user_id    = 4711
  email      = "contractor@example.com"
  bypass_sso = true
  confirmed  = true
}
