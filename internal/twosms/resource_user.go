package twosms

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

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

const typeName = "saas_twosms_admin_user"

// NewUserResource is the saas_twosms_admin_user constructor.
func NewUserResource() resource.Resource { return &UserResource{} }

// UserResource manages one existing 2sms portal user.
type UserResource struct {
	conn providerdata.Conn[Client]
}

func (r *UserResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_twosms_admin_user"
}

func (r *UserResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "saas_twosms_admin_user", &resp.Diagnostics)
}

func (r *UserResource) client(diags *diag.Diagnostics) *Client {
	return r.conn.Client(diags)
}

// ModifyPlan reports missing credentials before anything is sent, refuses
// a change of account_id, which 2sms cannot carry out, warns when an update
// or the disabling destroy may reset a PIN 2sms does not show, and keeps
// date_modified known when the update will write nothing.
func (r *UserResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		if !req.State.Raw.IsNull() {
			warnPinResetOnDestroy(ctx, req, &resp.Diagnostics)
		}
		return // destroy: nothing else to plan
	}
	r.conn.CheckAtPlan(&resp.Diagnostics)
	if req.State.Raw.IsNull() {
		return
	}
	var plan, state, config userResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	warnPinReset(ctx, req, &config, &resp.Diagnostics)
	if writesNothing(req.Plan.Raw, req.State.Raw) {
		// Only on_destroy or timeouts change: Update sends nothing, so
		// 2sms's date_modified stays as it is. Left unknown, the plan would
		// show it changing.
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("date_modified"), state.DateModified)...)
	}
	r.checkAccountUnchanged(&plan, &state, &resp.Diagnostics)
}

// checkAccountUnchanged refuses a plan that moves the user to another
// account.
func (r *UserResource) checkAccountUnchanged(plan, state *userResourceModel, diags *diag.Diagnostics) {
	if plan.AccountID.IsUnknown() || state.AccountID.IsNull() || !plan.UserID.Equal(state.UserID) {
		return
	}
	if !sameGUID(plan.AccountID.ValueString(), state.AccountID.ValueString()) {
		diags.AddAttributeError(path.Root("account_id"), "Cannot move a 2sms user to another account",
			fmt.Sprintf("User %s belongs to account %s and the configuration asks for %s. The 2sms admin API has no call that moves a user between accounts (PUT ignores AccountID). Restore account_id, or remove it to follow the user's account.",
				state.ID.ValueString(), state.AccountID.ValueString(), plan.AccountID.ValueString()))
	}
}

func (r *UserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config userResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() || c == nil {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, finish := providerdata.WithTimeout(ctx, timeout, "timeouts.create", &resp.Diagnostics)
	defer finish()

	found, ok := r.findForAdoption(ctx, c, &plan, &resp.Diagnostics)
	if !ok {
		return
	}
	tflog.Info(ctx, "adopting existing 2sms user", map[string]any{"user_id": found.ID})
	sec := secrets{password: configuredPassword(&config), pin: configuredPin(&config)}
	user, err := applyConfig(ctx, c, found.ID, &plan, &config, sec)
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not apply the configuration to the adopted 2sms user", err)
		return
	}
	plan.refresh(user)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(recordPinRead(ctx, resp.Private, user)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, plan.identity())...)
}

// findForAdoption finds the existing user the configuration names: by
// user_id, else by username, else by email_address. Not found is an error
// explaining that 2sms users come from the portal.
func (r *UserResource) findForAdoption(ctx context.Context, c *Client, plan *userResourceModel, diags *diag.Diagnostics) (*User, bool) {
	account := ""
	if !plan.AccountID.IsNull() && !plan.AccountID.IsUnknown() {
		account = normalizeGUID(plan.AccountID.ValueString())
	}
	var user *User
	var err error
	var key string
	if id := plan.UserID.ValueString(); !plan.UserID.IsNull() && !plan.UserID.IsUnknown() {
		key = "user_id " + id
		user, err = c.GetUser(ctx, normalizeGUID(id))
		if err != nil {
			if err = c.confirmGone(ctx, normalizeGUID(id), err); err == nil {
				user = nil
			}
		}
	} else {
		username, email := knownString(plan.Username), knownString(plan.EmailAddress)
		var keys []string
		if username != "" {
			keys = append(keys, "username "+username)
		}
		if email != "" {
			keys = append(keys, "e-mail address "+email)
		}
		key = strings.Join(keys, " or ")
		user, err = c.FindUser(ctx, account, username, email)
	}
	if err != nil {
		providerdata.AddAPIError(diags, "Could not look up the 2sms user to adopt", err)
		return nil, false
	}
	where := "visible to the API client"
	if account != "" {
		where = "in account " + account
	}
	if user == nil {
		diags.AddError("2sms user not found",
			fmt.Sprintf("No 2sms user with %s exists %s. The 2sms admin API cannot create users, so this resource adopts users that already exist: create the user in the 2sms portal (Settings > Users), then apply again. Super users are not adopted.", key, where))
		return nil, false
	}
	if account != "" && !sameGUID(user.AccountID, account) {
		diags.AddAttributeError(path.Root("account_id"), "2sms user belongs to another account",
			fmt.Sprintf("User %s (%s) belongs to account %s, not %s. 2sms cannot move users between accounts.", user.ID, deref(user.Username), user.AccountID, account))
		return nil, false
	}
	return user, true
}

func knownString(v interface {
	IsNull() bool
	IsUnknown() bool
	ValueString() string
}) string {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	return v.ValueString()
}

// applyConfig brings user id to the configuration: it reads the user fresh
// (the PUT must carry what the server holds now for every field the
// configuration leaves alone), PUTs the complete object when something
// differs or a secret is to be sent, then toggles admin rights when they
// still differ, re-reading the user afterwards for the final state.
func applyConfig(ctx context.Context, c *Client, id string, plan, config *userResourceModel, sec secrets) (*User, error) {
	current, err := c.GetUser(ctx, id)
	if err != nil {
		return nil, err
	}
	body := expandUser(plan, config, current, sec)
	if putNeeded(body, current) {
		if current, err = c.UpdateUser(ctx, id, body); err != nil {
			return nil, err
		}
	}
	if !config.AdminUser.IsNull() && !plan.AdminUser.IsUnknown() && current.AdminUser != plan.AdminUser.ValueBool() {
		// The toggle is not idempotent (§4.6): it is sent only after a read
		// showed the value differs, and never retried blindly.
		if _, err := c.ToggleAccess(ctx, id); err != nil {
			return nil, err
		}
		if current, err = c.GetUser(ctx, id); err != nil {
			return nil, err
		}
		// The toggle forgot the list snapshots; the user as read after it
		// is what the provider's write left.
		c.recordWrite(current, nil)
	}
	return current, nil
}

func (r *UserResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state userResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	// The GUID never changes: the identity is the state's, on every way
	// out, the user's removal from state included.
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
	timeout, diags := state.Timeouts.Read(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, finish := providerdata.WithTimeout(ctx, timeout, "timeouts.read", &resp.Diagnostics)
	defer finish()

	// A refresh may be served from the list a burst of refreshes shares;
	// only the user's own GET can prove it gone (ReadUser).
	id := normalizeGUID(state.ID.ValueString())
	user, pinShown, err := c.ReadUser(ctx, id)
	if user == nil && err == nil {
		resp.Diagnostics.AddWarning("2sms user no longer exists",
			fmt.Sprintf("User %s (%s) was not found in 2sms, so it was removed from Terraform state. It was probably deleted in the portal; the next apply adopts a user matching the configuration again, if one exists.", id, state.Username.ValueString()))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the 2sms user", err)
		return
	}
	state.refresh(user)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	resp.Diagnostics.Append(recordPinShown(ctx, resp.Private, pinShown)...)
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
	timeout, diags := plan.Timeouts.Update(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, finish := providerdata.WithTimeout(ctx, timeout, "timeouts.update", &resp.Diagnostics)
	defer finish()

	if writesNothing(req.Plan.Raw, req.State.Raw) {
		// Only on_destroy or timeouts changed: nothing to send (not even
		// the PIN every PUT carries), and the plan already holds the
		// user's values, date_modified included.
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, plan.identity())...)
		return
	}

	// The password goes out only when its version (or the legacy value)
	// changed: 2sms keeps a password it is not sent. The PIN goes with every
	// PUT, because 2sms resets a PIN it is not sent.
	var sec secrets
	if !plan.PasswordWOVersion.Equal(state.PasswordWOVersion) || !plan.Password.Equal(state.Password) {
		sec.password = configuredPassword(&config)
	}
	sec.pin = configuredPin(&config)
	user, err := applyConfig(ctx, c, normalizeGUID(state.ID.ValueString()), &plan, &config, sec)
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not update the 2sms user", err)
		return
	}
	plan.refresh(user)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(recordPinRead(ctx, resp.Private, user)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, plan.identity())...)
}

func (r *UserResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state userResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if state.OnDestroy.ValueString() == OnDestroyForget {
		tflog.Info(ctx, "on_destroy = forget: leaving the 2sms user as it is", map[string]any{"id": state.ID.ValueString()})
		return
	}
	c := r.client(&resp.Diagnostics)
	if c == nil {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, finish := providerdata.WithTimeout(ctx, timeout, "timeouts.delete", &resp.Diagnostics)
	defer finish()

	id := normalizeGUID(state.ID.ValueString())
	current, err := c.GetUser(ctx, id)
	if err != nil {
		err = c.confirmGone(ctx, id, err)
	}
	if current == nil && err == nil {
		c.snaps.Remove(scopeAll, id)
		return // gone, as proven: nothing to disable
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the 2sms user before disabling it", err)
		return
	}
	if !current.Enabled {
		return
	}
	// The complete current user with Enabled = false. The PUT resets a PIN
	// it is not sent, so it carries the legacy pin (the only PIN state
	// holds; write-only values do not reach a destroy), else the PIN 2sms
	// just returned, as read. When 2sms shows neither, the PIN is reset, as
	// the on_destroy description says.
	body := *current
	body.Enabled = false
	body.Password, body.Pin = nil, optString(state.Pin)
	if body.Pin == nil {
		body.Pin = readPin(current)
	}
	if _, err := c.UpdateUser(ctx, id, &body); err != nil && !IsUserNotFound(err) {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not disable the 2sms user", err)
	}
}

// ImportState accepts the user's GUID, username or e-mail address, or an
// identity, and always stores the GUID.
func (r *UserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importID, d := providerdata.ImportID(ctx, req, identityImportID)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := strings.TrimSpace(importID)
	if id == "" {
		resp.Diagnostics.AddError("Invalid import ID for "+typeName, "Expected the user's GUID, username or e-mail address, got an empty string.")
		return
	}
	if !validate.IsGUID(id) {
		c := r.client(&resp.Diagnostics)
		if c == nil {
			return
		}
		// Import has no timeouts of its own: the lookup gets the default.
		ctx, cancel := context.WithTimeout(ctx, providerdata.DefaultTimeout)
		defer cancel()
		username, email := id, ""
		if validate.IsEmail(id) {
			username, email = "", id
		}
		found, err := c.FindUser(ctx, "", username, email)
		if err != nil {
			providerdata.AddAPIError(&resp.Diagnostics, "Could not look up the 2sms user to import", err)
			return
		}
		if found == nil {
			resp.Diagnostics.AddError("2sms user not found",
				fmt.Sprintf("No 2sms user has the username or e-mail address %q (super users are not searched). Import by GUID to be exact.", id))
			return
		}
		id = found.ID
	}
	id = normalizeGUID(id)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("on_destroy"), OnDestroyDisable)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, userIdentityModel{ID: types.StringValue(id)})...)
}
