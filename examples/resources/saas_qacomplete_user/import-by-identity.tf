# Terraform 1.12+ and OpenTofu 1.12+: an import block can name the user by
# its identity, the department and the user id.
import {
  to = saas_qacomplete_user.existing
  identity = {
    dept_id = 8162
    user_id = 24793
  }
}
