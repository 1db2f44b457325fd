package questionpro

// wireOrganization is the organization object of questionpro-api.md §5.8,
// keys in the document's (alphabetical) order.
type wireOrganization struct {
	AccountRepEmail        string   `json:"accountRepEmail"`
	DashboardUserCount     int      `json:"dashboardUserCount"`
	License                string   `json:"license"`
	Name                   string   `json:"name"`
	OrganizationID         int      `json:"organizationID"`
	PrimaryAccountID       int      `json:"primaryAccountID"`
	PrimaryAccountUsername string   `json:"primaryAccountUsername"`
	ShortURL               string   `json:"shortUrl"`
	SMTPRelay              string   `json:"smtpRelay"`
	StyleSheet             string   `json:"styleSheet"`
	UserCount              int      `json:"userCount"`
	WelcomeHTML            string   `json:"welcomeHTML"`
	Usage                  orgUsage `json:"usage"`
}

// orgUsage is the `usage` block of §5.8; the emulator has no surveys,
// communities or files, so every counter is 0.
type orgUsage struct {
	Communities struct {
		CommunitiesCount int `json:"communitiesCount"`
		CommunityMembers int `json:"communityMembers"`
		EmailsSent       int `json:"emailsSent"`
	} `json:"communities"`
	Storage struct {
		TotalSpaceUsed int `json:"totalSpaceUsed"`
		UploadedFiles  int `json:"uploadedFiles"`
	} `json:"storage"`
	Survey struct {
		CompletedResponses int `json:"completedResponses"`
		Devices            int `json:"devices"`
		EmailLists         int `json:"emailLists"`
		EmailSent          int `json:"emailSent"`
		SurveysCount       int `json:"surveysCount"`
		TotalResponses     int `json:"totalResponses"`
	} `json:"survey"`
	Workforce struct {
		EmailsSent     int `json:"emailsSent"`
		WorkforceCount int `json:"workforceCount"`
	} `json:"workforce"`
}

// wire renders an organization. [I] §5.8: userCount counts the
// organization's users, dashboardUserCount is 0, primaryAccountUsername is
// the primary user's emailAddress. Callers hold mu.
func (e *Emulator) wireOrganization(o *SeedOrganization) wireOrganization {
	w := wireOrganization{
		License:          o.License,
		Name:             o.Name,
		OrganizationID:   o.ID,
		PrimaryAccountID: o.PrimaryAccountID,
	}
	if u, ok := e.users[o.PrimaryAccountID]; ok {
		w.PrimaryAccountUsername = u.EmailAddress
	}
	for _, u := range e.users {
		if u.OrganizationID == o.ID {
			w.UserCount++
		}
	}
	return w
}

// getOrganization follows §5.8 "GET /organizations/{organization-id}".
// [I] §5.8: any key of the organization may read it.
func (e *Emulator) getOrganization(rq *request) reply {
	org, err := rq.requireOrg()
	if err != nil {
		return fail(err)
	}
	return success(e.wireOrganization(e.orgs[org]))
}

// updateOrganization follows §5.8 "PUT /organizations/{organization-id}":
// the body example carries only `name`. [I] §5.8: name is required and is
// the only writable key (others get 400/1002 unless
// Options.IgnoreUnknownFields); the response is the organization object.
func (e *Emulator) updateOrganization(rq *request) reply {
	if err := requireAdmin(rq.key); err != nil {
		return fail(err)
	}
	org, err := rq.requireOrg()
	if err != nil {
		return fail(err)
	}
	obj, err := decodeObject(rq.body)
	if err != nil {
		return fail(err)
	}
	var nameField field[string]
	readOnly := []string{"accountRepEmail", "dashboardUserCount", "license", "organizationID", "primaryAccountID",
		"primaryAccountUsername", "shortUrl", "smtpRelay", "styleSheet", "userCount", "welcomeHTML", "usage"}
	if err := bodyFields(obj, map[string]any{"name": &nameField}, readOnly, e.opts.IgnoreUnknownFields); err != nil {
		return fail(err)
	}
	o := e.orgs[org]
	switch {
	case nameField.set && nameField.v != "":
		o.Name = nameField.v
	case !nameField.set && e.opts.MergeOnUpdate:
		// Merging: nothing to change.
	default:
		return fail(errSchema("name is required"))
	}
	return success(e.wireOrganization(o))
}
