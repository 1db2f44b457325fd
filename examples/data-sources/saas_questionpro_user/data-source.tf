data "saas_questionpro_user" "by_email" {
  email_address = "jane.doe@example.com"
}

data "saas_questionpro_user" "by_id" {
  user_id = 1234567
}

output "jane_license" {
  value = data.saas_questionpro_user.by_email.license_type
}
