# Every active user of a department; all pages are walked.
data "saas_qacomplete_users" "active" {
  dept_id = 8162
  filter  = "IsActive = true"
}

output "active_emails" {
  value = [for u in data.saas_qacomplete_users.active.users : u.email]
}
