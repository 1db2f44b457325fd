variable "qacomplete_dept_ids" {
  description = "Every QAComplete department to adopt users from. QAComplete lists a user only under its primary department, so a department left out here leaves its users out."
  type        = set(number)
}

variable "questionpro_organization_id" {
  description = "The QuestionPro organization the API key belongs to."
  type        = number
}
