package questionpro

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// QuestionPro's organization comes from the provider block and nowhere else
// (see Client.organizationID): the calls that name it (search by e-mail, the
// organization and department lists) need questionpro.organization_id or a
// data source's own organization_id, and refuse without one; the calls that
// do not (create, read, update) never need it, and delete names the
// organization recorded from the user itself.

// organizationUnsetSummary is the summary of every error about a missing
// organization, so users meet one wording wherever it happens.
const organizationUnsetSummary = "QuestionPro organization_id not set"

// organizationUnsetDetail says why what needs the organization cannot run
// and how to give it one. what starts the sentence, e.g. "Importing by
// e-mail".
func organizationUnsetDetail(what string) string {
	return what + " calls a QuestionPro operation that names the organization, and the provider block does not set questionpro.organization_id. " +
		"QuestionPro has no call that tells the organization of an API key, so the provider never guesses it. " +
		"Set organization_id in the provider's questionpro block to the organization the key belongs to: the organization_id that any saas_questionpro_user, or the saas_questionpro_user data source looked up by user_id, reports."
}

// checkOrganizationAtPlan refuses, before anything is sent, a new resource
// with adopt_existing = true when no organization is configured: adopting
// starts with a search by e-mail, which names the organization.
func (r *UserResource) checkOrganizationAtPlan(plan *userResourceModel, diags *diag.Diagnostics) {
	if !r.conn.Configured() || r.conn.Pending() || diags.HasError() || !plan.AdoptExisting.ValueBool() {
		return
	}
	c := r.client(diags)
	if c == nil || c.OrganizationID() != 0 {
		return
	}
	diags.AddAttributeError(path.Root("adopt_existing"), organizationUnsetSummary,
		organizationUnsetDetail("adopt_existing = true")+
			" Or leave adopt_existing out and import the existing user by its user id (terraform import <resource address> <user_id>, or an import block), which needs no organization.")
}

// orgOrDefault is the organization a data source names: its own attribute,
// else questionpro.organization_id (0 when neither is set).
func orgOrDefault(v types.Int64, c *Client) int64 {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueInt64()
	}
	return c.OrganizationID()
}
