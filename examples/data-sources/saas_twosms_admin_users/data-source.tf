# Every user of one account, super users excluded.
data "saas_twosms_admin_users" "account" {
  account_id = "5a1ca887-9ec4-4ae8-bf61-715056ea9e98"
}

output "disabled_usernames" {
  value = [for u in data.saas_twosms_admin_users.account.users : u.username if !u.enabled]
}
