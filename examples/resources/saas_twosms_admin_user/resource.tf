# 2sms has no API call that creates users: create them in the 2sms portal,
# then adopt them here by username, e-mail address or GUID.
resource "saas_twosms_admin_user" "jane" {
  username     = "jane.doe"
  display_name = "Jane Doe"
  mobile_phone = "+44 7700 900123"
  time_zone    = "GMT Standard Time"
  admin_user   = true
  enabled      = true

  # On Terraform 1.11+ / OpenTofu 1.11+, set the password write-only, so it
  # is never stored in state; bump the version to send a new value:
  #   password_wo         = var.jane_password
  #   password_wo_version = 1
  # Older CLIs use the sensitive (but stored) fallback instead:
  password = var.jane_password

  # Disable the user on destroy (the default); "forget" leaves it alone.
  on_destroy = "disable"
}

# Adopt by GUID and manage only whether the user is enabled.
resource "saas_twosms_admin_user" "ops" {
  user_id = "a2d8b2d2-1673-4f2d-a9ec-b02947160be7"
  enabled = false
}

variable "jane_password" {
  type      = string
  sensitive = true
}
