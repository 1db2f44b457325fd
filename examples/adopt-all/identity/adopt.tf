# Way A with import blocks that name each user by its resource identity
# instead of an id string (identity in import blocks needs Terraform 1.12+
# or OpenTofu 1.12+). Everything else is ../adopt.tf: the same resources,
# the same for_each, the same "keep what the tool holds" for every argument
# left out. The other files of this directory are links to the parent's, so
# this directory is the whole example with this file in place of adopt.tf.
#
# An identity is typed, one attribute per part of the id, each taken
# straight from the data sources: no "<dept_id>/<user_id>" string to
# assemble.

terraform {
  required_version = ">= 1.12.0"
}

import {
  for_each = local.qacomplete_users
  to       = saas_qacomplete_user.adopted[each.key]
  identity = {
    dept_id = each.value.primary_dept_id
    user_id = each.value.user_id
  }
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
  identity = {
    user_id = each.value.user_id
  }
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
  identity = {
    user_id = each.value.user_id
  }
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
  identity = {
    id = each.key
  }
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
