terraform {
  required_providers {
    saas = {
      source = "saas-users/saas"
    }
  }
}

# Credentials usually come from the environment (QACOMPLETE_PASSWORD,
# QUICKHELP_API_KEY, TWOSMS_CLIENT_SECRET, ...), so nothing secret is written
# here. A vendor's block is needed only when its resources are used.
provider "saas" {
  request_timeout = "30s"
  retry_budget    = "2m"

  qacomplete {
    # SaaS is the default; on-premises servers use their own root.
    base_url            = "https://rest.qacomplete.smartbear.com/rest-api/service/api/v1"
    username            = "terraform@example.com"
    requests_per_second = 10
  }

  questionpro {
    # api_key from QUESTIONPRO_API_KEY; the datacenter picks the API host.
    datacenter      = "EU"
    organization_id = 1001
  }

  quickhelp {
    # api_key and subscription_key from QUICKHELP_API_KEY and
    # QUICKHELP_SUBSCRIPTION_KEY.
    customer_id = 1001 # partner accounts only
  }

  twosms {
    region = "global"
    # client_id and client_secret from TWOSMS_CLIENT_ID and
    # TWOSMS_CLIENT_SECRET.
  }
}
