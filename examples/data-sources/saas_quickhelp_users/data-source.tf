# Every user of the key's account; all pages are walked.
data "saas_quickhelp_users" "all" {}

# Partner keys: the users of some customer accounts.
data "saas_quickhelp_users" "customers" {
  customer_ids = [1002, 1003]
}

output "unlicensed_emails" {
  value = [for u in data.saas_quickhelp_users.all.users : u.email if !u.licensed]
}
