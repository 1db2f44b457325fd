resource "saas_qacomplete_user" "team" {
  for_each = var.team

  dept_id           = var.qacomplete_dept_id
  email             = each.key
  first_name        = each.value.first_name
  last_name         = each.value.last_name
  is_security_admin = each.value.qacomplete_admin
}

resource "saas_questionpro_user" "team" {
  for_each = var.team

  email_address = each.key
  first_name    = each.value.first_name
  last_name     = each.value.last_name
  department_id = var.questionpro_department_id
}

# QuickHelp users come from SSO or directory sync; the resource finds each
# by e-mail and gives it a licence.
resource "saas_quickhelp_user" "team" {
  for_each = var.team

  email    = each.key
  licensed = true
  # QuickHelp never returns these two and its update call may reset them,
  # so they are always stated.
  confirmed  = true
  bypass_sso = false
}

# 2sms is only read here: who holds an enabled admin account.
data "saas_twosms_admin_users" "all" {}

output "twosms_enabled_admins" {
  description = "Usernames of the enabled 2sms admins, for the access review."
  value       = sort([for u in data.saas_twosms_admin_users.all.users : u.username if u.enabled && u.admin_user])
}
