resource "saas_qacomplete_user" "jane" {
  dept_id    = 8162
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
  phone      = "+1 555 0100"

  is_security_admin = false

  # Create-only: QAComplete accepts these only when the user is created.
  # To change one later, change it in the QAComplete UI, set the same value
  # here and raise create_only_version in the same apply: the plan records
  # the new value in state, sends nothing, and warns that it did.
  time_zone    = "UTC"
  company_name = "Example Corp"
  # create_only_version = 1

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
