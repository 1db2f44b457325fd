data "saas_twosms_admin_user" "by_username" {
  username = "jane.doe"
}

data "saas_twosms_admin_user" "by_id" {
  user_id = "a2d8b2d2-1673-4f2d-a9ec-b02947160be7"
}

output "jane_is_admin" {
  value = data.saas_twosms_admin_user.by_username.admin_user
}
