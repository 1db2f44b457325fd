# By GUID:
terraform import saas_twosms_admin_user.jane a2d8b2d2-1673-4f2d-a9ec-b02947160be7

# By username or e-mail address (looked up in the user list):
terraform import saas_twosms_admin_user.jane jane.doe
terraform import saas_twosms_admin_user.jane jane.doe@example.com
