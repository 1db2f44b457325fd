data "saas_qacomplete_user" "by_email" {
  dept_id = 8162
  email   = "jane.doe@example.com"
}

data "saas_qacomplete_user" "by_id" {
  dept_id = 8162
  user_id = 24793
}

output "jane_is_admin" {
  value = data.saas_qacomplete_user.by_email.is_security_admin
}
