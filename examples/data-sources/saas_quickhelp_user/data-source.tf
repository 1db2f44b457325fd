data "saas_quickhelp_user" "by_email" {
  email = "jane.doe@example.com"
}

data "saas_quickhelp_user" "by_id" {
  user_id = 4711
}

# QuickHelp publishes no list of role GUIDs: read them from a user who has them.
output "jane_roles" {
  value = { for r in data.saas_quickhelp_user.by_email.roles : r.name => r.id }
}
