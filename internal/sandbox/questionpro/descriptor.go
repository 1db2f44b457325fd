package questionpro

import (
	"strconv"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// Descriptor is how saas-sandbox and the acceptance tests build this
// emulator and point the provider's questionpro block at it. The default key
// is the administrator key of the organization's primary user, so every
// operation the provider offers works with it; organization_id is set too,
// because import by e-mail, adopt_existing and the organization-wide data
// sources need it before any user is known.
var Descriptor = sandbox.Descriptor{
	Vendor:     name,
	BasePath:   basePath,
	New:        func() sandbox.Emulator { return New(Options{}) },
	BaseURLEnv: "QUESTIONPRO_BASE_URL",
	Settings: []sandbox.Setting{
		{Attribute: "api_key", EnvVar: "QUESTIONPRO_API_KEY", Value: DefaultAPIKey, Sensitive: true},
		{Attribute: "organization_id", Value: strconv.Itoa(DefaultOrganizationID), Number: true},
	},
	Seed: []sandbox.SeedValue{
		{Name: "organization_id", Value: strconv.Itoa(DefaultOrganizationID), About: `the default organization, "Sandbox Organization"`},
		{Name: "department_id", Value: strconv.Itoa(DefaultDepartmentID), About: `its department "Headquarters"`},
		{Name: "department_id", Value: strconv.Itoa(ResearchDepartmentID), About: `its department "Research"`},
	},
	Switches: switches,
}
