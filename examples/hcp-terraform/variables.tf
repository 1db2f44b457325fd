# Only settings that are not secret are Terraform variables; their values
# are in workspace.auto.tfvars, committed with the configuration.

variable "team" {
  description = "The team, keyed by e-mail address: each person gets a QAComplete and a QuestionPro user, and their existing QuickHelp user a licence."
  type = map(object({
    first_name       = string
    last_name        = string
    qacomplete_admin = optional(bool, false)
  }))
}

variable "qacomplete_dept_id" {
  description = "QAComplete department of the team's users."
  type        = number
}

variable "questionpro_organization_id" {
  description = "QuestionPro organization the API key belongs to."
  type        = number
}

variable "questionpro_department_id" {
  description = "QuestionPro department of the team's users."
  type        = number
}

variable "questionpro_datacenter" {
  description = "QuestionPro datacenter (US, EU, CA, SG, AU, AE, SA, KSA); null leaves the host to QUESTIONPRO_BASE_URL or the default."
  type        = string
  default     = null
}

variable "twosms_region" {
  description = "2sms deployment (us, global, au, uk, mazingo, plus); null leaves it to TWOSMS_BASE_URL."
  type        = string
  default     = null
}
