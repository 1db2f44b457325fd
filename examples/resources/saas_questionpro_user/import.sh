# By user id:
terraform import saas_questionpro_user.jane 1234567

# By e-mail (QuestionPro's search by e-mail; needs questionpro.organization_id
# and the key of the organization's primary user):
terraform import saas_questionpro_user.jane jane.doe@example.com
