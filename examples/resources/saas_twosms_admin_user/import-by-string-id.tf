# Terraform 1.5 and later: a GUID, username or e-mail address works in an import block.
import {
  to = saas_twosms_admin_user.jane
  id = "jane.doe@example.com"
}
