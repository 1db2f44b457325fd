# Terraform 1.12+ and OpenTofu 1.12+: an import block can name the user by
# its identity, the user id. It needs no questionpro.organization_id.
import {
  to = saas_questionpro_user.existing
  identity = {
    user_id = 1234567
  }
}
