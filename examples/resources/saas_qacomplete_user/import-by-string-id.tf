# Terraform 1.5 and later: either id form works in an import block.
import {
  to = saas_qacomplete_user.jane
  id = "8162/jane.doe@example.com"
}
