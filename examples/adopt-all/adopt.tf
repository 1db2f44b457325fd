# Adopt every listed user in one plan: an import block per user (for_each in
# import blocks needs Terraform 1.7+ or OpenTofu 1.7+) into a resource with
# the same for_each. Each resource sets only what it requires or what
# identifies the user; every other argument is left out, which for these
# resources means "keep the value the tool holds", so the plan imports every
# user and changes none. To manage a field for everyone, set it here (for
# example licensed = true on QuickHelp): the plan then shows that change.
#
# prevent_destroy: with it, no plan of this configuration can disable,
# delete or unlicense anyone. A user deleted or disabled in the tool simply
# leaves state at the next refresh; a plan that would destroy one (say, a
# department dropped from qacomplete_dept_ids) fails instead. To stop
# managing users, use a removed block with destroy = false.

terraform {
  required_version = ">= 1.7.0"
}

import {
  for_each = local.qacomplete_users
  to       = saas_qacomplete_user.adopted[each.key]
  id       = each.key
}

resource "saas_qacomplete_user" "adopted" {
  for_each = local.qacomplete_users

  dept_id    = tonumber(split("/", each.key)[0])
  email      = each.value.email
  first_name = each.value.first_name
  last_name  = each.value.last_name
  # time_zone and custom1..custom10 are left out: QAComplete never returns
  # them, so their values are unknown to Terraform and stay as they are.

  lifecycle {
    prevent_destroy = true
  }
}

import {
  for_each = local.questionpro_users
  to       = saas_questionpro_user.adopted[each.key]
  id       = each.key
}

resource "saas_questionpro_user" "adopted" {
  for_each = local.questionpro_users

  email_address = each.value.email_address
  # department_id is left out: the organization-wide list reports 0 for
  # every user, while the user itself holds its real department.

  lifecycle {
    prevent_destroy = true
  }
}

import {
  for_each = local.quickhelp_users
  to       = saas_quickhelp_user.adopted[each.key]
  id       = each.key
}

resource "saas_quickhelp_user" "adopted" {
  for_each = local.quickhelp_users

  user_id = each.value.user_id
  # confirmed and bypass_sso are left out: QuickHelp never returns them, so
  # Terraform cannot know them and sends nothing for them.

  lifecycle {
    prevent_destroy = true
  }
}

import {
  for_each = local.twosms_users
  to       = saas_twosms_admin_user.adopted[each.key]
  id       = each.key
}

resource "saas_twosms_admin_user" "adopted" {
  for_each = local.twosms_users

  user_id = each.key
  # No pin or pin_wo: 2sms never returns PINs, and its update call resets a
  # PIN it is not sent. Nothing here causes an update; before setting any
  # argument that does, read the PIN caveat of saas_twosms_admin_user.

  lifecycle {
    prevent_destroy = true
  }
}
