resource "saas_qacomplete_user" "jane" {
  dept_id    = 8162
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
  phone      = "+1 555 0100"

  is_security_admin = false

  # Create-only: QAComplete accepts these only when the user is created.
  time_zone    = "UTC"
  company_name = "Example Corp"

  # Disable the account on destroy (the default); "forget" leaves it active.
  on_destroy = "disable"
}

# Take over a user that already exists instead of failing on its e-mail.
resource "saas_qacomplete_user" "existing" {
  dept_id        = 8162
  email          = "john.smith@example.com"
  first_name     = "John"
  last_name      = "Smith"
  adopt_existing = true
}
