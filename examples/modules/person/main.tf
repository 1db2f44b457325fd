# One person across the four tools. The resources exist while the person has
# the tool; `active = false` offboards them in the way each tool allows:
#
# - QAComplete and QuestionPro users go away with their resource (the
#   resource's on_destroy disables the QAComplete user, deletes the
#   QuestionPro one). A disabled QAComplete user cannot be kept in state:
#   the provider treats it as gone, because QAComplete's API cannot enable
#   it again.
# - QuickHelp and 2sms users stay under management, unlicensed and disabled,
#   so setting `active = true` again gives the same users back. Their own
#   on_destroy (unlicense, disable) covers removing the module call.
#
# Offboarding also takes away every admin right the module grants (QuickHelp
# roles and SSO bypass, 2sms admin), so nothing privileged is left on an
# account that is merely unlicensed or disabled.

locals {
  display_name = "${var.first_name} ${var.last_name}"

  qacomplete  = var.tools.qacomplete
  questionpro = var.tools.questionpro
  quickhelp   = var.tools.quickhelp
  twosms      = var.tools.twosms
}

resource "saas_qacomplete_user" "this" {
  count = local.qacomplete != null && var.active ? 1 : 0

  dept_id           = local.qacomplete.dept_id
  email             = var.email
  first_name        = var.first_name
  last_name         = var.last_name
  phone             = var.mobile_phone
  is_security_admin = local.qacomplete.is_security_admin
  time_zone         = local.qacomplete.time_zone
  adopt_existing    = local.qacomplete.adopt_existing

  # QAComplete's DELETE disables the user and keeps its history.
  on_destroy = "disable"

  lifecycle {
    # Checked here rather than in the variables: the limit is QAComplete's,
    # and a person who does not use QAComplete may have a longer name.
    precondition {
      condition     = length(var.first_name) <= 25 && length(var.last_name) <= 25
      error_message = "QAComplete allows first and last names of at most 25 characters; first_name has ${length(var.first_name)} and last_name ${length(var.last_name)}. Shorten them or leave QAComplete out of tools."
    }
  }
}

resource "saas_questionpro_user" "this" {
  count = local.questionpro != null && var.active ? 1 : 0

  email_address  = var.email
  first_name     = var.first_name
  last_name      = var.last_name
  department_id  = local.questionpro.department_id
  adopt_existing = local.questionpro.adopt_existing

  # QuestionPro has no disabled state: deleting the sub-account is what
  # frees its licence.
  on_destroy = "delete"
}

resource "saas_quickhelp_user" "this" {
  count = local.quickhelp != null ? 1 : 0

  user_id    = local.quickhelp.user_id
  email      = var.email
  first_name = var.first_name
  last_name  = var.last_name
  department = var.department
  job_title  = var.job_title

  licensed = var.active && local.quickhelp.licensed
  roles    = var.active ? local.quickhelp.roles : toset([])
  # QuickHelp never returns these two, and its update call may reset an
  # omitted boolean to false, so the module always states them.
  confirmed  = local.quickhelp.confirmed
  bypass_sso = var.active && local.quickhelp.bypass_sso

  # Removing the module call takes the licence away too (QuickHelp's
  # recommended way to remove someone); never a GDPR delete.
  on_destroy = "unlicense"
}

resource "saas_twosms_admin_user" "this" {
  count = local.twosms != null ? 1 : 0

  user_id       = local.twosms.user_id
  username      = local.twosms.username
  email_address = var.email
  display_name  = local.display_name
  mobile_phone  = var.mobile_phone
  time_zone     = local.twosms.time_zone
  language_id   = local.twosms.language_id

  enabled    = var.active
  admin_user = var.active && local.twosms.admin

  # 2sms has no delete call: removing the module call disables the user.
  on_destroy = "disable"
}
