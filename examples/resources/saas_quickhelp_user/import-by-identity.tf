# Terraform 1.12+ and OpenTofu 1.12+: an import block can name the user by
# its identity, the user id. It is looked up in the provider's
# quickhelp.customer_id (or the API key's own account); for a user of
# another customer of a partner key, import by id = "<customer_id>/<user_id>".
import {
  to = saas_quickhelp_user.contractor
  identity = {
    user_id = 4711
  }
}
