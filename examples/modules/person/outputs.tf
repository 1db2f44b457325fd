output "display_name" {
  description = "The person's name as the tools show it (2sms `display_name`)."
  value       = local.display_name
}

output "email" {
  description = "The person's e-mail address."
  value       = var.email
}

output "active" {
  description = "Whether the person is active (the `active` input)."
  value       = var.active
}

output "qacomplete_user_id" {
  description = "QAComplete user id; null when the person is not in QAComplete or is offboarded (the disabled user keeps its id in QAComplete, but is no longer managed)."
  value       = one(saas_qacomplete_user.this[*].user_id)
}

output "qacomplete_id" {
  description = "QAComplete `<dept_id>/<user_id>`, the form `terraform import` takes; null when user_id is."
  value       = one(saas_qacomplete_user.this[*].id)
}

output "questionpro_user_id" {
  description = "QuestionPro user id; null when the person is not in QuestionPro or is offboarded (the user was deleted)."
  value       = one(saas_questionpro_user.this[*].user_id)
}

output "quickhelp_user_id" {
  description = "QuickHelp user id; null when the person is not in QuickHelp. Kept after offboarding: the user stays, unlicensed."
  value       = one(saas_quickhelp_user.this[*].user_id)
}

output "twosms_user_id" {
  description = "2sms user GUID; null when the person is not in 2sms. Kept after offboarding: the user stays, disabled."
  value       = one(saas_twosms_admin_user.this[*].id)
}

output "status" {
  description = "Per tool, what the person has there now: qacomplete `active` or `disabled`, questionpro `active` or `deleted`, quickhelp `licensed` or `unlicensed`, twosms `enabled` or `disabled`; null for a tool the person does not have."
  value = {
    # A disabled QAComplete user never stays in state (the provider drops
    # it), so a resource in state is an active user.
    qacomplete  = local.qacomplete == null ? null : (length(saas_qacomplete_user.this) > 0 ? "active" : "disabled")
    questionpro = local.questionpro == null ? null : (length(saas_questionpro_user.this) > 0 ? "active" : "deleted")
    quickhelp   = local.quickhelp == null ? null : (saas_quickhelp_user.this[0].licensed ? "licensed" : "unlicensed")
    twosms      = local.twosms == null ? null : (saas_twosms_admin_user.this[0].enabled ? "enabled" : "disabled")
  }
}
