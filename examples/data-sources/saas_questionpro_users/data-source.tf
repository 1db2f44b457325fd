# Every user of the provider's organization; all pages are walked.
data "saas_questionpro_users" "all" {}

# The users of one department.
data "saas_questionpro_users" "research" {
  department_id = 2345
}

output "research_emails" {
  value = [for u in data.saas_questionpro_users.research.users : u.email_address]
}
