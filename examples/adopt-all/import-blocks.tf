# One plain import block per listed user, rendered as text: for when every
# user should get a resource block of its own, to edit by hand, and for
# Terraform 1.5 and 1.6, which have no for_each in import blocks. In this
# directory without adopt.tf (which would adopt the same users):
#
#   terraform apply      # reads the users and records the output, nothing else
#   terraform output -raw import_blocks > ../users/imports.tf
#
# then in ../users, next to copies of versions.tf, providers.tf and
# variables.tf:
#
#   terraform plan -generate-config-out=generated.tf -out=tfplan
#
# Neither Terraform nor OpenTofu generates configuration for import blocks
# that use for_each, which is why these are rendered one by one.

locals {
  import_candidates = concat(
    [for id, u in local.qacomplete_users : { type = "saas_qacomplete_user", id = id, base = split("@", u.email)[0] }],
    [for id, u in local.questionpro_users : { type = "saas_questionpro_user", id = id, base = split("@", u.email_address)[0] }],
    [for id, u in local.quickhelp_users : { type = "saas_quickhelp_user", id = id, base = split("@", u.email)[0] }],
    [for id, u in local.twosms_users : { type = "saas_twosms_admin_user", id = id, base = u.username }],
  )

  # A resource name from the e-mail's local part (2sms: the username): lower
  # case, every character but a letter, digit or underscore made an
  # underscore, and "u_" in front unless it starts with a letter or an
  # underscore.
  import_safe = [
    for c in local.import_candidates : merge(c, { safe = replace(lower(c.base), "/[^a-z0-9_]/", "_") })
  ]
  import_named = [
    for c in local.import_safe : merge(c, { name = can(regex("^[a-z_]", c.safe)) ? c.safe : "u_${c.safe}" })
  ]

  # Names two users of one resource type would share (jane@a.example and
  # jane@b.example) get the import id appended.
  import_name_uses = { for c in local.import_named : "${c.type}.${c.name}" => c.id... }

  import_targets = [
    for c in local.import_named : {
      to = format("%s.%s", c.type,
        length(local.import_name_uses["${c.type}.${c.name}"]) == 1 ? c.name : "${c.name}_${replace(c.id, "/[^A-Za-z0-9]/", "_")}",
      )
      id = c.id
    }
  ]
}

# sensitive only keeps the text (five lines per user) out of every plan and
# apply; nothing in it is secret, and `output -raw` prints it.
output "import_blocks" {
  description = "An import block for every listed user, to be written to a .tf file."
  sensitive   = true
  value       = <<-EOT
    # Written by `terraform output -raw import_blocks` from the saas_*_users
    # data sources: one import block per user. Run
    # `terraform plan -generate-config-out=generated.tf` to write their
    # resources.
    %{for t in local.import_targets~}

    import {
      to = ${t.to}
      id = "${t.id}"
    }
    %{endfor~}
  EOT
}
