# Terraform 1.5 and later: either id form works in an import block.
import {
  to = saas_quickhelp_user.jane
  id = "jane.doe@example.com"
}
