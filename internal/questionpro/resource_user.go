package questionpro

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

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

// NewUserResource is the saas_questionpro_user constructor.
func NewUserResource() resource.Resource { return &UserResource{} }

// UserResource manages one QuestionPro user.
type UserResource struct {
	conn providerdata.Conn[Client]
}

func (r *UserResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_questionpro_user"
}

func (r *UserResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "saas_questionpro_user", &resp.Diagnostics)
}

func (r *UserResource) client(diags *diag.Diagnostics) *Client {
	return r.conn.Client(diags)
}

// ModifyPlan reports, at plan time and before anything is sent, missing
// credentials and an adoption that needs an organization none configures.
func (r *UserResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	r.conn.CheckAtPlan(&resp.Diagnostics)
	if !req.State.Raw.IsNull() {
		return
	}
	var plan userResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	r.checkOrganizationAtPlan(&plan, &resp.Diagnostics)
}

func (r *UserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config userResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	// The write-only password is null in the plan: only the configuration
	// holds it.
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() || c == nil {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	email := plan.EmailAddress.ValueString()
	existing, checked := r.findExisting(ctx, c, email, plan.AdoptExisting.ValueBool(), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	var user *User
	var err error
	switch {
	case existing != nil && !plan.AdoptExisting.ValueBool():
		resp.Diagnostics.AddAttributeError(path.Root("email_address"), "QuestionPro user already exists",
			fmt.Sprintf("Organization %d already has a user with the e-mail %s: user id %d%s. To manage that user with Terraform, import it:\n\n  terraform import <resource address> %d\n\nor add an import block with id = \"%d\", or set adopt_existing = true to take it over on create.",
				existing.OrganizationID, email, existing.UserID, nameNote(existing), existing.UserID, existing.UserID))
		return
	case existing != nil:
		tflog.Info(ctx, "adopting existing QuestionPro user", map[string]any{"user_id": existing.UserID})
		if !plan.UserType.IsUnknown() && !plan.UserType.IsNull() && plan.UserType.ValueString() != existing.UserType {
			resp.Diagnostics.AddAttributeError(path.Root("user_type"), "Cannot adopt a QuestionPro user of another type",
				fmt.Sprintf("User %d (%s) has user_type %q and the configuration asks for %q. QuestionPro's update call cannot change the user type; change user_type to %q or remove it.", existing.UserID, email, existing.UserType, plan.UserType.ValueString(), existing.UserType))
			return
		}
		user, err = c.UpdateUser(ctx, existing.UserID, expandUserUpdate(&plan, &config, existing, passwordOnCreate(&plan, &config)))
		if err != nil {
			providerdata.AddAPIError(&resp.Diagnostics, "Could not update the adopted QuestionPro user", err)
			return
		}
	default:
		body := expandUserCreate(&plan, &config)
		user, err = r.createWithReconcile(ctx, c, email, checked, body)
		if err != nil {
			r.createFailed(ctx, c, email, checked, body.Password != nil, err, &resp.Diagnostics)
			return
		}
		if ctx.Err() != nil {
			resp.Diagnostics.AddWarning("QuestionPro user created during an interruption",
				fmt.Sprintf("The operation ended while QuestionPro was creating user %d (%s); the provider found the new user and recorded it in state, so the next apply will not create it again.", user.UserID, email))
		}
	}

	plan.setUser(user)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, plan.identity())...)
}

// createWithReconcile posts the new user. When the POST fails in a way that
// may have created the user anyway (a timeout, a dropped connection, a 5xx)
// and the e-mail was checked to be free just before, it looks the e-mail up:
// a user found now is the one this POST made, and is taken as the result;
// none found means QuestionPro did not act, and the POST is sent again. A
// retry therefore never makes a duplicate. Without that earlier check (no
// questionpro.organization_id, or a key that may not search) a user found
// afterwards could be someone else's, so the failure is returned for
// createFailed to report.
func (r *UserResource) createWithReconcile(ctx context.Context, c *Client, email string, checked bool, body UserCreate) (*User, error) {
	org := c.OrganizationID()
	var lastErr error
	// The POST is sent at most 1 + max_retries times, like any call: each
	// repeat comes only after a lookup showed the previous one made no user.
	for attempt := 1; attempt <= 1+c.http.MaxRetries(); attempt++ {
		user, err := c.CreateUser(ctx, body)
		if err == nil {
			return user, nil
		}
		if errors.Is(err, errCreatedWithoutUser) {
			return findCreated(ctx, c, org, email, checked)
		}
		if !checked || org == 0 || !apiclient.IsAmbiguous(err) {
			return nil, err
		}
		lastErr = err
		tflog.Warn(ctx, "QuestionPro create failed ambiguously; checking whether the user exists before retrying", map[string]any{"attempt": attempt, "error": err.Error()})
		found, serr := settleCreate(ctx, c, org, email)
		if serr != nil {
			return nil, fmt.Errorf("%w (and the follow-up lookup failed: %s)", err, serr.Error())
		}
		if found != nil {
			return found, nil
		}
		if ctx.Err() != nil {
			return nil, err // the run is over: an ended context cannot post again
		}
	}
	return nil, lastErr
}

// findCreated finds the user a POST /users made when its 2xx answer did not
// carry it. Only when the e-mail was checked to be free just before is a
// user found now certainly the one this POST made; otherwise the error says
// to look the user up and import it, and nothing is recorded.
func findCreated(ctx context.Context, c *Client, org int64, email string, checked bool) (*User, error) {
	if !checked || org == 0 {
		return nil, fmt.Errorf("%w. The provider cannot tell the new user from one that had the e-mail before, because the e-mail was not looked up before the create (that needs questionpro.organization_id and the key of the organization's primary user). Look %s up in QuestionPro and import the user: terraform import <resource address> <user_id>", errCreatedWithoutUser, email)
	}
	found, err := settleCreate(ctx, c, org, email)
	if err != nil {
		return nil, fmt.Errorf("%w, and looking %s up afterwards failed: %s. Look the user up in QuestionPro and import it: terraform import <resource address> <user_id>", errCreatedWithoutUser, email, errDetail(err))
	}
	if found == nil {
		return nil, fmt.Errorf("%w, and search by e-mail does not find %s afterwards. Check in QuestionPro whether the user exists; if it does, import it: terraform import <resource address> <user_id>\n\n%s", errCreatedWithoutUser, email, checkBaseURLShort)
	}
	return found, nil
}

// settleCreate finds the user an ambiguous POST may have created, even when
// the operation's context has ended in the meantime (see
// apiclient.Client.SettleContext).
func settleCreate(ctx context.Context, c *Client, org int64, email string) (*User, error) {
	ctx, cancel := c.http.SettleContext(ctx)
	defer cancel()
	return c.SearchUserByEmail(ctx, org, email)
}

// findExisting looks the e-mail up before a create, so an existing user is
// reported (or adopted) instead of being met by an undocumented POST error.
// The search needs questionpro.organization_id and the primary user's key;
// when either is missing it is skipped (checked = false), on every run
// alike, unless adopting, which cannot work without it (and is refused at
// plan time already).
func (r *UserResource) findExisting(ctx context.Context, c *Client, email string, adopt bool, diags *diag.Diagnostics) (existing *User, checked bool) {
	org := c.OrganizationID()
	if org == 0 {
		if adopt {
			diags.AddAttributeError(path.Root("adopt_existing"), organizationUnsetSummary, organizationUnsetDetail("adopt_existing = true"))
		}
		return nil, false
	}
	u, err := c.SearchUserByEmail(ctx, org, email)
	switch {
	case err == nil:
		return u, true
	case !adopt && apiclient.IsStatus(err, 403):
		// Only the primary user's key may search; other administrators can
		// still create users.
		tflog.Info(ctx, "search by e-mail refused for this key; creating without the duplicate check")
		return nil, false
	}
	providerdata.AddAPIError(diags, "Could not check for an existing QuestionPro user", err)
	return nil, false
}

// createFailed reports a failed POST. After a failure that may have
// created the user anyway (a timeout, a 5xx) or a 400 that may mean the
// e-mail exists, it looks the e-mail up, so the user learns what is there.
func (r *UserResource) createFailed(ctx context.Context, c *Client, email string, checked, sentPassword bool, err error, diags *diag.Diagnostics) {
	org := c.OrganizationID()
	if org != 0 && (apiclient.IsAmbiguous(err) || (!checked && apiclient.IsStatus(err, 400))) {
		if u, serr := c.SearchUserByEmail(ctx, org, email); serr == nil && u != nil {
			diags.AddAttributeError(path.Root("email_address"), "QuestionPro user already exists",
				fmt.Sprintf("The create call failed and organization %d now has a user with the e-mail %s: user id %d. Import it:\n\n  terraform import <resource address> %d\n\nCreate call: %s", org, email, u.UserID, u.UserID, errDetail(err)))
			return
		}
	}
	detail := errDetail(err)
	if !sentPassword && apiclient.IsStatus(err, 400) {
		// Whether POST /users needs a password is not documented (§5.2);
		// the provider sends one only when the configuration has one.
		detail += "\n\nNo password was sent with this create. If QuestionPro's message asks for one, set password_wo with password_wo_version (Terraform 1.11+ or OpenTofu 1.11+) or, on older CLIs, password."
	}
	if org == 0 && apiclient.IsStatus(err, 400) {
		detail += "\n\nIf the e-mail is already in use, import that user instead (terraform import <resource address> <user_id>). With organization_id set in the provider's questionpro block, the provider looks each e-mail up before creating and names the user that has it."
	}
	diags.AddError("Could not create the QuestionPro user", detail)
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
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	userID := state.UserID.ValueInt64()
	org := state.OrganizationID.ValueInt64()
	if org == 0 {
		org = c.OrganizationID()
	}
	// A refresh of many users of one department is served from one walk of
	// its list; a user the walk does not hold is read directly below, and
	// only that read may find it gone.
	if user, ok := c.snapshotUser(ctx, org, state.DepartmentID.ValueInt64(), userID); ok {
		state.setUser(user)
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		return
	}
	user, err := c.GetUser(ctx, userID)
	if apiclient.IsNotFound(err) {
		// The user's own organization, recorded from the API, names the
		// list that confirms the not-found.
		if perr := confirmUserGone(ctx, c, org, userID, err); perr != nil {
			resp.Diagnostics.AddError("Could not confirm that the QuestionPro user was deleted", perr.Error())
			return
		}
		resp.Diagnostics.AddWarning("QuestionPro user no longer exists",
			fmt.Sprintf("User %d%s was not found in QuestionPro (404, NOT_FOUND 1040), so it was removed from Terraform state; the next apply creates it again. It was probably deleted outside Terraform.", userID, inParens(state.EmailAddress.ValueString())))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QuestionPro user", err)
		return
	}
	state.setUser(user)
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
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	userID := state.UserID.ValueInt64()
	// Read the user fresh: the PUT must carry what the server holds now for
	// every field the configuration leaves alone, not what it held at plan.
	current, err := c.GetUser(ctx, userID)
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QuestionPro user before updating it", err)
		return
	}
	user := current
	password := passwordOnUpdate(&plan, &config, &state)
	if putFieldsDiffer(&plan, &state) || password != nil {
		user, err = c.UpdateUser(ctx, userID, expandUserUpdate(&plan, &config, current, password))
		if err != nil {
			providerdata.AddAPIError(&resp.Diagnostics, "Could not update the QuestionPro user", err)
			return
		}
	}
	plan.setUser(user)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, plan.identity())...)
}

func (r *UserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state userResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if state.OnDestroy.ValueString() == OnDestroyForget {
		tflog.Info(ctx, "on_destroy = forget: leaving the QuestionPro user in place", map[string]any{"id": state.ID.ValueString()})
		return
	}
	c := r.client(&resp.Diagnostics)
	if c == nil {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	// The user's own organization, recorded from the API, so delete works
	// without questionpro.organization_id.
	org := state.OrganizationID.ValueInt64()
	if org == 0 {
		org = c.OrganizationID()
	}
	if org == 0 {
		resp.Diagnostics.AddError(organizationUnsetSummary, organizationUnsetDetail("Deleting a user whose organization Terraform has not recorded"))
		return
	}
	userID := state.UserID.ValueInt64()
	err := c.DeleteUser(ctx, org, userID)
	if apiclient.IsNotFound(err) {
		// Already gone is success only on the same proof a refresh needs:
		// a bare 404 from a wrong base_url must not drop the user.
		if perr := confirmUserGone(ctx, c, org, userID, err); perr != nil {
			resp.Diagnostics.AddError("Could not confirm that the QuestionPro user was deleted", perr.Error())
		}
		return
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not delete the QuestionPro user", err)
	}
}

// ImportState accepts a user id or an e-mail (looked up with search by
// e-mail in the provider's organization), or an identity, and always stores
// the user id.
func (r *UserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importID, d := providerdata.ImportID(ctx, req, identityImportID)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	userID, email, err := parseImportID(importID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for saas_questionpro_user", err.Error())
		return
	}
	if email != "" {
		c := r.client(&resp.Diagnostics)
		if c == nil {
			return
		}
		org := c.OrganizationID()
		if org == 0 {
			resp.Diagnostics.AddError(organizationUnsetSummary, organizationUnsetDetail("Importing by e-mail")+
				" Or import by user id instead (terraform import <resource address> <user_id>), which needs no organization.")
			return
		}
		found, err := c.UserIDByEmail(ctx, org, email)
		if err != nil {
			providerdata.AddAPIError(&resp.Diagnostics, "Could not look up the QuestionPro user to import", err)
			return
		}
		if found == 0 {
			resp.Diagnostics.AddError("QuestionPro user not found", fmt.Sprintf("No user with e-mail %s exists in organization %d.", email, org))
			return
		}
		userID = found
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.FormatInt(userID, 10))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), userID)...)
	// Imported users get the defaults a new resource would, so an import
	// followed by a plan with those defaults shows no change.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("on_destroy"), OnDestroyDelete)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("adopt_existing"), false)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, userIdentityModel{UserID: types.Int64Value(userID)})...)
}

// parseImportID reads "<user_id>" or "<email>".
func parseImportID(id string) (userID int64, email string, err error) {
	id = strings.TrimSpace(id)
	usage := fmt.Errorf("expected a QuestionPro user id or an e-mail address (for example 1234567 or jane@example.com), got %q", id)
	if n, perr := strconv.ParseInt(id, 10, 64); perr == nil {
		if n < 1 {
			return 0, "", usage
		}
		return n, "", nil
	}
	if !validate.IsEmail(id) {
		return 0, "", usage
	}
	return 0, id, nil
}

// errDetail is the vendor's status, error name, id and message, plus the
// hint for it.
func errDetail(err error) string {
	if e, ok := apiclient.AsError(err); ok {
		return e.Detail()
	}
	return err.Error()
}

// nameNote is " (First Last)" for a user with a name, and "" for one
// without.
func nameNote(u *User) string { return inParens(strings.TrimSpace(u.FirstName + " " + u.LastName)) }

// inParens is " (s)", or "" when s is empty, so a message never shows an
// empty pair of parentheses (an e-mail is not known after an import by id).
func inParens(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}
