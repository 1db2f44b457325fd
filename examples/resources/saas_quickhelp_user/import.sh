# By QuickHelp user id:
terraform import saas_quickhelp_user.jane 4711

# By e-mail (looked up in the user list, without regard to case):
terraform import saas_quickhelp_user.jane jane.doe@example.com

# Partner keys: prefix the customer id.
terraform import saas_quickhelp_user.jane 1002/jane.doe@example.com
