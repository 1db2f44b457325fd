package quickhelp

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/validate"
)

var (
	_ resource.Resource                     = &UserResource{}
	_ resource.ResourceWithConfigure        = &UserResource{}
	_ resource.ResourceWithImportState      = &UserResource{}
	_ resource.ResourceWithModifyPlan       = &UserResource{}
	_ resource.ResourceWithConfigValidators = &UserResource{}
	_ resource.ResourceWithIdentity         = &UserResource{}
)

// notFoundDetail explains why the provider cannot simply create the user.
const notFoundDetail = "QuickHelp's Customer API cannot create users: they come into being through SSO just-in-time provisioning, Microsoft Graph sync, a CSV import, self-provisioning or an administrator in the QuickHelp Admin Portal. Create the user there (or wait for the next sync) and apply again. A user erased with the GDPR delete can never be re-created by an administrator."

// NewUserResource is the saas_quickhelp_user constructor.
func NewUserResource() resource.Resource { return &UserResource{} }

// UserResource manages one existing QuickHelp user.
type UserResource struct {
	conn providerdata.Conn[Client]
}

func (r *UserResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_quickhelp_user"
}

func (r *UserResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.AtLeastOneOf(path.MatchRoot("user_id"), path.MatchRoot("email")),
	}
}

func (r *UserResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "saas_quickhelp_user", &resp.Diagnostics)
}

func (r *UserResource) client(diags *diag.Diagnostics) *Client {
	return r.conn.Client(diags)
}

// ModifyPlan reports missing credentials at plan time, before anything is
// sent, and warns when an update would leave out confirmed or bypass_sso
// (plan_warnings.go).
func (r *UserResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if !req.Plan.Raw.IsNull() {
		r.conn.CheckAtPlan(&resp.Diagnostics)
	}
	warnUnreturnedReset(ctx, req, resp)
}

// Create adopts the existing user and applies the configuration to it.
func (r *UserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config userResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() || c == nil {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	customerID := customerOf(&plan)
	var current *User
	var err error
	var where string
	var attrPath path.Path
	if !plan.UserID.IsUnknown() && !plan.UserID.IsNull() {
		current, err = c.FindUserByID(ctx, customerID, plan.UserID.ValueInt64(), c.writeAge)
		where, attrPath = fmt.Sprintf("with user id %d", plan.UserID.ValueInt64()), path.Root("user_id")
	} else {
		current, err = c.FindUserByEmail(ctx, customerID, plan.Email.ValueString(), c.writeAge)
		where, attrPath = "with the e-mail "+plan.Email.ValueString(), path.Root("email")
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not look up the QuickHelp user to adopt", err)
		return
	}
	if current == nil {
		resp.Diagnostics.AddAttributeError(attrPath, "QuickHelp user not found",
			fmt.Sprintf("No QuickHelp user %s exists in %s. %s", where, scopeText(c, customerID), notFoundDetail))
		return
	}
	tflog.Info(ctx, "adopting existing QuickHelp user", map[string]any{"user_id": current.UserID})

	body, d := expandUpdate(ctx, &plan, &config, current)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	user := current
	if needsUpdate(body, current) {
		user, err = c.ApplyUpdate(ctx, customerID, current, body)
		if err != nil {
			addUpdateError(&resp.Diagnostics, "Could not apply the configuration to the adopted QuickHelp user", err)
			return
		}
	}
	resp.Diagnostics.Append(flattenUser(ctx, user, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, plan.identity())...)
}

func (r *UserResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state userResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	// The id never changes: the identity is the state's, on every way out,
	// the user's removal from state included.
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, state.identity())...)
	if r.conn.Pending() {
		// The vendor's settings are not known until apply: keep the state
		// as it is and send nothing, rather than reach a host or use a
		// credential the configuration did not name.
		return
	}
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() || c == nil {
		return
	}
	timeout, d := state.Timeouts.Read(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	userID := state.UserID.ValueInt64()
	user, err := c.ReadUser(ctx, customerOf(&state), userID)
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QuickHelp user", err)
		return
	}
	if user == nil {
		// Positive proof: ReadUser looked in a walk of the whole list at
		// most forWrite old, every page in the Customer API's own shape and
		// the walk reaching the total the list claimed (see list_proof.go);
		// anything less is an error above.
		resp.Diagnostics.AddWarning("QuickHelp user no longer exists",
			fmt.Sprintf("User %d (%s) is not in QuickHelp's user list any more, so it was removed from Terraform state. It was probably deleted in the QuickHelp Admin Portal or with a GDPR delete. The next apply will try to adopt it again and fail if it does not come back (through SSO, Graph sync or the portal).", userID, state.Email.ValueString()))
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(flattenUser(ctx, user, &state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *UserResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, config, state userResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() || c == nil {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	customerID, userID := customerOf(&state), state.UserID.ValueInt64()
	// Read the user fresh: the update must carry what QuickHelp holds now
	// for every field the configuration leaves alone.
	current, err := c.FindUserByID(ctx, customerID, userID, c.writeAge)
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QuickHelp user before updating it", err)
		return
	}
	if current == nil {
		resp.Diagnostics.AddError("QuickHelp user no longer exists",
			fmt.Sprintf("User %d disappeared from QuickHelp's user list between plan and apply. Run terraform apply again to plan without it. %s", userID, notFoundDetail))
		return
	}
	body, d := expandUpdate(ctx, &plan, &config, current)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	user := current
	if needsUpdate(body, current) {
		user, err = c.ApplyUpdate(ctx, customerID, current, body)
		if err != nil {
			addUpdateError(&resp.Diagnostics, "Could not update the QuickHelp user", err)
			return
		}
	}
	resp.Diagnostics.Append(flattenUser(ctx, user, &plan)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, plan.identity())...)
}

func (r *UserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state userResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	mode := state.OnDestroy.ValueString()
	if mode == OnDestroyForget {
		tflog.Info(ctx, "on_destroy = forget: leaving the QuickHelp user as it is", map[string]any{"user_id": state.UserID.ValueInt64()})
		return
	}
	c := r.client(&resp.Diagnostics)
	if c == nil {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	customerID, userID := customerOf(&state), state.UserID.ValueInt64()
	current, err := c.FindUserByID(ctx, customerID, userID, c.writeAge)
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QuickHelp user before removing it", err)
		return
	}
	if current == nil {
		return // already gone
	}
	switch mode {
	case OnDestroyGDPRDelete:
		tflog.Warn(ctx, "on_destroy = gdpr_delete: erasing the QuickHelp user irreversibly", map[string]any{"user_id": userID})
		if err := c.GDPRDelete(ctx, customerID, userID, deref(current.Email)); err != nil {
			addUpdateError(&resp.Diagnostics, "Could not GDPR-delete the QuickHelp user", err)
		}
	default:
		if !current.LicenseIssued {
			return
		}
		if _, err := c.ApplyUpdate(ctx, customerID, current, unlicenseBody(&state, current)); err != nil {
			addUpdateError(&resp.Diagnostics, "Could not take the QuickHelp licence away", err)
		}
	}
}

// ImportState accepts "<user_id>" or "<email>", optionally prefixed by
// "<customer_id>/" for partner keys, or an identity, and always stores the
// numeric id.
func (r *UserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importID, d := providerdata.ImportID(ctx, req, identityImportID)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	customerID, userID, email, err := parseImportID(importID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for saas_quickhelp_user", err.Error())
		return
	}
	if email != "" {
		c := r.client(&resp.Diagnostics)
		if c == nil {
			return
		}
		// An import has no timeouts to read (the configuration's reach
		// state only with the next apply), so the default bounds its lookup.
		ctx, cancel := context.WithTimeout(ctx, providerdata.DefaultTimeout)
		defer cancel()
		found, err := c.FindUserByEmail(ctx, customerID, email, forRead)
		if err != nil {
			providerdata.AddAPIError(&resp.Diagnostics, "Could not look up the QuickHelp user to import", err)
			return
		}
		if found == nil {
			resp.Diagnostics.AddError("QuickHelp user not found",
				fmt.Sprintf("No QuickHelp user with the e-mail %s exists in %s.", email, scopeText(c, customerID)))
			return
		}
		userID = found.UserID
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.FormatInt(userID, 10))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), userID)...)
	if customerID > 0 {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("customer_id"), customerID)...)
	}
	// Imported users get the default a new resource would, so an import
	// followed by a plan shows no change.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("on_destroy"), OnDestroyUnlicense)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, userIdentityModel{UserID: types.Int64Value(userID)})...)
}

// parseImportID splits "[<customer_id>/]<user_id|email>".
func parseImportID(id string) (customerID, userID int64, email string, err error) {
	usage := fmt.Errorf("expected \"<user_id>\" or \"<email>\", optionally prefixed by \"<customer_id>/\" for partner keys (for example 4711, jane@example.com or 1002/jane@example.com), got %q", id)
	rest := id
	if before, after, ok := strings.Cut(id, "/"); ok {
		customerID, err = strconv.ParseInt(before, 10, 32)
		if err != nil || customerID < 1 {
			return 0, 0, "", usage
		}
		rest = after
	}
	if n, err := strconv.ParseInt(rest, 10, 32); err == nil {
		if n < 1 {
			return 0, 0, "", usage
		}
		return customerID, n, "", nil
	}
	if !validate.IsEmail(rest) {
		return 0, 0, "", usage
	}
	return customerID, 0, rest, nil
}

// scopeText names where a lookup searched, for error messages.
func scopeText(c *Client, customerID int64) string {
	if s := c.scopeFor(customerID); len(s) == 1 {
		return fmt.Sprintf("QuickHelp customer %d", s[0])
	}
	return "the QuickHelp account of the configured API key"
}

// addUpdateError is addAPIError for a write: a 400 naming fields becomes an
// error on each offending attribute, so Terraform points at the lines.
func addUpdateError(diags *diag.Diagnostics, summary string, err error) {
	e, ok := apiclient.AsError(err)
	if !ok || e.Status != 400 {
		providerdata.AddAPIError(diags, summary, err)
		return
	}
	attrs := offendingAttributes([]byte(e.Body))
	if len(attrs) == 0 {
		providerdata.AddAPIError(diags, summary, err)
		return
	}
	for _, a := range attrs {
		diags.AddAttributeError(path.Root(a), summary, e.Detail())
	}
}
