# By department id and user id:
terraform import saas_qacomplete_user.jane 8162/24793

# By department id and e-mail (looked up in the department's user list):
terraform import saas_qacomplete_user.jane 8162/jane.doe@example.com
