# The ids of the local sandbox (saas-sandbox with its default data). Use a
# file of your own with your departments and organization.
qacomplete_dept_ids         = [8162, 8163]
questionpro_organization_id = 1001
