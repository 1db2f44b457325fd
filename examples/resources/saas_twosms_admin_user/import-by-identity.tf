# Terraform 1.12+ and OpenTofu 1.12+: an import block can name the user by
# its identity, the GUID. A username or e-mail address goes in id instead.
import {
  to = saas_twosms_admin_user.ops
  identity = {
    id = "a2d8b2d2-1673-4f2d-a9ec-b02947160be7"
  }
}
