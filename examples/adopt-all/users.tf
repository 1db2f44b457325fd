# Every user each tool holds now, as the saas_*_users data sources list them
# (every page walked), keyed by the id its resource imports by. adopt.tf and
# import-blocks.tf both start from these maps.

data "saas_qacomplete_users" "dept" {
  for_each = toset([for id in var.qacomplete_dept_ids : tostring(id)])

  dept_id = each.value
}

data "saas_questionpro_users" "all" {}

data "saas_quickhelp_users" "all" {}

# Super users are left out (the list hides them unless
# include_super_users = true): the resource does not adopt them.
data "saas_twosms_admin_users" "all" {}

locals {
  # QAComplete: "<dept_id>/<user_id>". Disabled users are left out: the
  # resource drops a disabled user from state (QAComplete's API cannot
  # re-enable one), so importing it would fail.
  qacomplete_users = merge([
    for dept, list in data.saas_qacomplete_users.dept : {
      for u in list.users : "${dept}/${u.user_id}" => u if u.is_active
    }
  ]...)

  # QuestionPro and QuickHelp: the numeric user id.
  questionpro_users = { for u in data.saas_questionpro_users.all.users : tostring(u.user_id) => u }
  quickhelp_users   = { for u in data.saas_quickhelp_users.all.users : tostring(u.user_id) => u }

  # 2sms: the user's GUID. Disabled users are adopted as they are.
  twosms_users = { for u in data.saas_twosms_admin_users.all.users : u.user_id => u }
}
