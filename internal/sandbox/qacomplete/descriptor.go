package qacomplete

import (
	"strconv"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// Descriptor is how saas-sandbox and the acceptance tests build this
// emulator and point the provider's qacomplete block at it: the first
// default account is an administrator, who may manage the users of every
// department.
var Descriptor = sandbox.Descriptor{
	Vendor:     VendorName,
	BasePath:   APIBasePath,
	New:        func() sandbox.Emulator { return New(Options{}) },
	BaseURLEnv: "QACOMPLETE_BASE_URL",
	Settings: []sandbox.Setting{
		{Attribute: "username", EnvVar: "QACOMPLETE_USERNAME", Value: DefaultAdminLogin},
		{Attribute: "password", EnvVar: "QACOMPLETE_PASSWORD", Value: DefaultAdminPassword, Sensitive: true},
	},
	Seed: []sandbox.SeedValue{
		{Name: "dept_id", Value: strconv.Itoa(DefaultDepartmentID), About: `the default department, "Your Company Name"`},
		{Name: "dept_id", Value: strconv.Itoa(SecondDepartmentID), About: `a second department, "Second Department"`},
	},
	Switches: switches,
}
