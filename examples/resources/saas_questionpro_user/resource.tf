resource "saas_questionpro_user" "jane" {
  email_address = "jane.doe@example.com"
  first_name    = "Jane"
  last_name     = "Doe"
  department_id = 2345

  # Terraform 1.11+ / OpenTofu 1.11+: prefer the write-only form, which is
  # never stored in state; bump the version to send a new password:
  #   password_wo         = var.jane_password
  #   password_wo_version = 1
  # Older CLIs: the Sensitive fallback (kept in state).
  password = var.jane_password

  # Delete the user on destroy (the default); "forget" leaves it in QuestionPro.
  on_destroy = "delete"
}

variable "jane_password" {
  type      = string
  sensitive = true
}

# Take over a user that already exists instead of failing on its e-mail.
resource "saas_questionpro_user" "existing" {
  email_address  = "john.smith@example.com"
  last_name      = "Smith"
  adopt_existing = true
}
