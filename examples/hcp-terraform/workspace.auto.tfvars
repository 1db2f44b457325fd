# HCP Terraform reads *.auto.tfvars from the configuration. The ids are
# those of a fresh saas-sandbox; use your tenants' ids.
team = {
  "ada.lovelace@example.com" = {
    first_name       = "Ada"
    last_name        = "Lovelace"
    qacomplete_admin = true
  }
  "grace.hopper@example.com" = {
    first_name = "Grace"
    last_name  = "Hopper"
  }
}

qacomplete_dept_id          = 8162
questionpro_organization_id = 1001
questionpro_department_id   = 2001
questionpro_datacenter      = "US"
twosms_region               = "global"
