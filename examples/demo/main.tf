# The configuration `make demo` applies against the local sandbox, which
# examples/demo/seed.json fills with the QuickHelp and 2sms users this
# configuration adopts (neither vendor's API can create users). Credentials
# and base URLs come from QACOMPLETE_*, QUESTIONPRO_*, QUICKHELP_* and TWOSMS_*
# variables.
terraform {
  required_providers {
    saas = {
      source = "saas-users/saas"
    }
  }
}

provider "saas" {
  qacomplete {}
  questionpro {
    organization_id = 1001
  }
  quickhelp {}
  twosms {}
}

locals {
  team = {
    ada   = { first = "Ada", last = "Lovelace", admin = true }
    grace = { first = "Grace", last = "Hopper", admin = false }
    alan  = { first = "Alan", last = "Turing", admin = false }
  }
}

resource "saas_qacomplete_user" "team" {
  for_each = local.team

  dept_id           = 8162
  email             = "${each.key}@example.com"
  first_name        = each.value.first
  last_name         = each.value.last
  is_security_admin = each.value.admin
  time_zone         = "UTC"
}

# QuestionPro: two sub-accounts in the Research department.
resource "saas_questionpro_user" "analysts" {
  for_each = toset(["rosalind", "dorothy"])

  email_address = "${each.key}@example.com"
  first_name    = title(each.key)
  last_name     = "Analyst"
  department_id = 2002
}

# QuickHelp: license two existing users and set their job titles.
resource "saas_quickhelp_user" "research" {
  for_each = toset(["marie@example.com", "pierre@example.com"])

  email      = each.key
  job_title  = "Research scientist"
  licensed   = true
  confirmed  = true
  bypass_sso = false
}

# 2sms: take charge of two portal users' phones and time zones.
resource "saas_twosms_admin_user" "ops" {
  for_each = {
    "dana.ops" = "+44 7700 900101"
    "fox.ops"  = "+44 7700 900102"
  }

  username     = each.key
  mobile_phone = each.value
  time_zone    = "W. Europe Standard Time"
  enabled      = true
}

# One person across the four tools, through examples/modules/person: her
# QAComplete and QuestionPro users are created, her QuickHelp and 2sms users
# (in seed.json, as SSO and the 2sms portal would have made them) adopted.
# `make demo` offboards her with -var person_active=false.
variable "person_active" {
  description = "Whether Katherine Johnson is active; false offboards her from every tool."
  type        = bool
  default     = true
}

module "katherine" {
  source = "../modules/person"

  first_name   = "Katherine"
  last_name    = "Johnson"
  email        = "katherine@example.com"
  department   = "Flight Research"
  job_title    = "Mathematician"
  mobile_phone = "+44 7700 900103"
  active       = var.person_active

  tools = {
    qacomplete  = { dept_id = 8162, time_zone = "UTC" }
    questionpro = { department_id = 2002 }
    quickhelp   = { roles = ["3f8e2a10-5b1c-4d7e-9a01-000000000003"] }
    twosms      = { username = "katherine.j", time_zone = "W. Europe Standard Time" }
  }
}

output "katherine" {
  value = module.katherine.status
}

data "saas_qacomplete_users" "department" {
  dept_id    = 8162
  depends_on = [saas_qacomplete_user.team]
}

output "user_ids" {
  value = { for k, u in saas_qacomplete_user.team : k => u.user_id }
}

output "department_emails" {
  value = sort([for u in data.saas_qacomplete_users.department.users : u.email])
}
