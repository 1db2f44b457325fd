package providerdata

import (
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// summarizer is an error that knows a better diagnostic summary than the
// caller's, such as a refused OAuth client.
type summarizer interface {
	error
	Summary() string
}

// AddAPIError turns a client error into a diagnostic: an API error shows the
// vendor's status, code, message and the hint for it (masked by the client);
// an error that names its own summary gets it.
func AddAPIError(diags *diag.Diagnostics, summary string, err error) {
	var s summarizer
	if errors.As(err, &s) {
		diags.AddError(s.Summary(), s.Error())
		return
	}
	detail := err.Error()
	if e, ok := apiclient.AsError(err); ok {
		detail = e.Detail()
	}
	diags.AddError(summary, detail)
}
