# The person. Every tool gets the same name and e-mail; the other fields go
# to the tools that store them (see the README's mapping table).

variable "first_name" {
  description = "The person's first name. QAComplete allows at most 25 characters."
  type        = string
  nullable    = false

  validation {
    condition     = length(trimspace(var.first_name)) > 0 && trimspace(var.first_name) == var.first_name
    error_message = "The first_name input must not be empty or start or end with spaces."
  }
}

variable "last_name" {
  description = "The person's last name. QAComplete allows at most 25 characters."
  type        = string
  nullable    = false

  validation {
    condition     = length(trimspace(var.last_name)) > 0 && trimspace(var.last_name) == var.last_name
    error_message = "The last_name input must not be empty or start or end with spaces."
  }
}

variable "email" {
  description = "The person's e-mail address: their login in QAComplete and QuestionPro and how their QuickHelp user is found (unless tools.quickhelp.user_id is set)."
  type        = string
  nullable    = false

  validation {
    # The provider's own check is stricter (it parses the address); this one
    # catches the common mistakes before any tool is looked at.
    condition     = can(regex("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$", var.email))
    error_message = "The email input must be a bare e-mail address such as jane.doe@example.com: local-part@domain, a dotted domain, no spaces or display name."
  }
}

variable "department" {
  description = "The person's department, as a name (QuickHelp `department`). QAComplete and QuestionPro place users in departments by id: see tools.qacomplete.dept_id and tools.questionpro.department_id. Null keeps what QuickHelp holds."
  type        = string
  default     = null

  validation {
    condition     = var.department == null ? true : length(trimspace(var.department)) > 0
    error_message = "The department input must be null (keep QuickHelp's value) or a non-empty name."
  }
}

variable "job_title" {
  description = "The person's job title. Of the four tools only QuickHelp stores one (`job_title`). Null keeps what QuickHelp holds."
  type        = string
  default     = null

  validation {
    condition     = var.job_title == null ? true : length(trimspace(var.job_title)) > 0
    error_message = "The job_title input must be null (keep QuickHelp's value) or a non-empty title."
  }
}

variable "mobile_phone" {
  description = "The person's mobile phone number: 2sms `mobile_phone` and QAComplete `phone`. Must pass 2sms's rule: an optional +, then 5 to 20 digits, spaces, parentheses or dashes, with at least five digits. Null keeps each tool's value."
  type        = string
  default     = null

  validation {
    condition     = var.mobile_phone == null ? true : (can(regex("^\\+?[0-9 ()-]{5,20}$", var.mobile_phone)) && length(regexall("[0-9]", var.mobile_phone)) >= 5)
    error_message = "The mobile_phone input must be an optional + followed by 5 to 20 digits, spaces, parentheses or dashes, with at least five digits (the 2sms rule), such as +44 7700 900123."
  }
}

variable "active" {
  description = "Whether the person is active. Setting it to false offboards them in one apply: QuickHelp licence and admin roles taken away, 2sms user disabled and admin rights removed, QAComplete user disabled, QuestionPro user deleted. See the README for what setting it back to true can and cannot undo."
  type        = bool
  default     = true
  nullable    = false
}

variable "tools" {
  description = "Which tools the person gets, each an object of that tool's settings; leave a tool out (or null) to keep the person out of it. At least one is required."
  type = object({
    qacomplete = optional(object({
      # Required: the department the user is created in (its primary
      # department); changing it replaces the user.
      dept_id           = optional(number)
      is_security_admin = optional(bool, false)
      # Create-only in QAComplete: set before the first apply.
      time_zone      = optional(string)
      adopt_existing = optional(bool, false)
    }))
    questionpro = optional(object({
      department_id  = optional(number)
      adopt_existing = optional(bool, false)
    }))
    quickhelp = optional(object({
      user_id    = optional(number)
      licensed   = optional(bool, true)
      roles      = optional(set(string), [])
      confirmed  = optional(bool, true)
      bypass_sso = optional(bool, false)
    }))
    twosms = optional(object({
      # Required: the login name the existing 2sms user is found by.
      username    = optional(string)
      user_id     = optional(string)
      time_zone   = optional(string)
      language_id = optional(string)
      admin       = optional(bool, false)
    }))
  })
  nullable = false

  # Terraform 1.5 lets a validation refer only to its own variable, so the
  # rules that involve several tools live here, in one input.
  validation {
    condition     = anytrue([for t in [var.tools.qacomplete, var.tools.questionpro, var.tools.quickhelp, var.tools.twosms] : t != null])
    error_message = "The tools input must give the person at least one tool: qacomplete, questionpro, quickhelp or twosms."
  }

  validation {
    # A conditional reports only the errors of the branch it takes, so the
    # attribute access is safe when the tool is null; try() turns a missing
    # or null dept_id into false.
    condition     = var.tools.qacomplete == null ? true : try(var.tools.qacomplete.dept_id >= 1 && floor(var.tools.qacomplete.dept_id) == var.tools.qacomplete.dept_id, false)
    error_message = "The tools.qacomplete.dept_id input is required when QAComplete is chosen and must be a whole number of at least 1: the id of the QAComplete department the user is created in."
  }

  validation {
    condition     = try(var.tools.qacomplete.time_zone, null) == null ? true : length(trimspace(var.tools.qacomplete.time_zone)) > 0
    error_message = "The tools.qacomplete.time_zone input must be null (QAComplete's default) or a non-empty time zone name from QAComplete's list."
  }

  validation {
    condition     = try(var.tools.questionpro.department_id, null) == null ? true : (var.tools.questionpro.department_id >= 0 && floor(var.tools.questionpro.department_id) == var.tools.questionpro.department_id)
    error_message = "The tools.questionpro.department_id input must be a whole number of at least 0 (0 means no department), or null to keep QuestionPro's choice."
  }

  validation {
    condition     = try(var.tools.quickhelp.user_id, null) == null ? true : (var.tools.quickhelp.user_id >= 1 && var.tools.quickhelp.user_id <= 2147483647 && floor(var.tools.quickhelp.user_id) == var.tools.quickhelp.user_id)
    error_message = "The tools.quickhelp.user_id input must be a QuickHelp user id (a whole number from 1 to 2147483647), or null to find the user by email."
  }

  validation {
    condition     = alltrue([for r in try(coalesce(var.tools.quickhelp.roles, []), []) : can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", r))])
    error_message = "Every entry of the tools.quickhelp.roles input must be a QuickHelp role GUID such as 3f8e2a10-5b1c-4d7e-9a01-000000000005 (8-4-4-4-12 hexadecimal digits); read them from the roles of the saas_quickhelp_users data source."
  }

  validation {
    condition     = var.tools.twosms == null ? true : try(length(trimspace(var.tools.twosms.username)) > 0, false)
    error_message = "The tools.twosms.username input is required when 2sms is chosen: the login name of the person's existing 2sms user (2sms's API cannot create users, so the module adopts the one made in the 2sms portal)."
  }

  validation {
    condition     = try(var.tools.twosms.user_id, null) == null ? true : can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.tools.twosms.user_id))
    error_message = "The tools.twosms.user_id input must be the 2sms user's GUID such as 5a1ca887-9ec4-4ae8-bf61-715056ea9e98, or null to find the user by username."
  }

  validation {
    condition     = try(var.tools.twosms.language_id, null) == null ? true : can(regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", var.tools.twosms.language_id))
    error_message = "The tools.twosms.language_id input must be a 2sms language GUID such as 5a1ca887-9ec4-4ae8-bf61-715056ea9e98, or null to keep the user's language."
  }

  validation {
    condition     = try(var.tools.twosms.time_zone, null) == null ? true : length(trimspace(var.tools.twosms.time_zone)) > 0
    error_message = "The tools.twosms.time_zone input must be null (keep the user's time zone) or a non-empty 2sms time zone such as GMT Standard Time."
  }
}
