package qacomplete

import (
	"context"
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
	_ resource.Resource                = &UserResource{}
	_ resource.ResourceWithConfigure   = &UserResource{}
	_ resource.ResourceWithImportState = &UserResource{}
	_ resource.ResourceWithModifyPlan  = &UserResource{}
	_ resource.ResourceWithIdentity    = &UserResource{}
)

// NewUserResource is the saas_qacomplete_user constructor.
func NewUserResource() resource.Resource { return &UserResource{} }

// UserResource manages one QAComplete user.
type UserResource struct {
	conn providerdata.Conn[Client]
}

func (r *UserResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_qacomplete_user"
}

func (r *UserResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.conn = providerdata.ConnFrom[Client](req.ProviderData, vendorKey, "saas_qacomplete_user", &resp.Diagnostics)
}

// client returns the QAComplete client, or reports which provider settings
// are missing, naming the attribute and its environment variable.
func (r *UserResource) client(diags *diag.Diagnostics) *Client {
	return r.conn.Client(diags)
}

// ModifyPlan reports missing credentials before anything is sent, handles
// a change to an attribute QAComplete accepts only on create (refused, or
// recorded without being sent when confirmed: see create_only.go), and keeps
// date_updated known when the update will write nothing.
func (r *UserResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	r.conn.CheckAtPlan(&resp.Diagnostics)
	if req.State.Raw.IsNull() {
		return // create
	}
	var plan, state userResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !plan.DeptID.Equal(state.DeptID) {
		return // a new dept_id replaces the user
	}
	planCreateOnly(&plan, &state, &resp.Diagnostics)
	if putFieldsDiffer(&plan, &state) {
		warnPutMayReset(&state, &resp.Diagnostics)
	} else {
		// Update sends no PUT (only Terraform's own attributes or unsendable
		// create-only values change), so QAComplete's date_updated stays as
		// it is; left unknown, the plan would show it changing.
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("date_updated"), state.DateUpdated)...)
	}
}

func (r *UserResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan userResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	c := r.client(&resp.Diagnostics)
	if resp.Diagnostics.HasError() || c == nil {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, providerdata.DefaultTimeout)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	deptID, email := plan.DeptID.ValueInt64(), plan.Email.ValueString()
	// The department's snapshot finds an existing user for every adoption
	// of a bulk create at the cost of one walk; an e-mail it misses is
	// looked up directly before anything is posted.
	existing, err := c.FindListedUserByEmail(ctx, deptID, email)
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not check for an existing QAComplete user", err)
		return
	}

	var user *User
	switch {
	case existing != nil && !existing.Active():
		resp.Diagnostics.AddAttributeError(path.Root("email"), "QAComplete user already exists and is disabled", disabledExistingDetail(deptID, email, existing.ID, plan.AdoptExisting.ValueBool()))
		return
	case existing != nil && !plan.AdoptExisting.ValueBool():
		resp.Diagnostics.AddAttributeError(path.Root("email"), "QAComplete user already exists",
			fmt.Sprintf("Department %d already has a user with the e-mail %s: user id %d. To manage that user with Terraform, import it:\n\n  terraform import <resource address> %d/%d\n\nor add an import block with id = \"%d/%d\", or set adopt_existing = true to take it over on create.",
				deptID, email, existing.ID, deptID, existing.ID, deptID, existing.ID))
		return
	case existing != nil:
		tflog.Info(ctx, "adopting existing QAComplete user", map[string]any{"dept_id": deptID, "user_id": existing.ID})
		// The PUT is built from the full user, not the list row: a list
		// item may lack fields the single user has (§4.2), and the PUT
		// would reset them.
		current, err := c.getUserByEmail(ctx, deptID, existing.ID, email)
		if err != nil {
			providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QAComplete user to adopt", err)
			return
		}
		resp.Diagnostics.Append(checkAdoptedCreateOnly(&plan, current)...)
		if resp.Diagnostics.HasError() {
			return
		}
		var config userResourceModel
		resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
		user, err = c.UpdateUser(ctx, deptID, existing.ID, expandUserPut(&plan, &config, current))
		if err != nil {
			c.recordUnknown()
			providerdata.AddAPIError(&resp.Diagnostics, "Could not update the adopted QAComplete user", err)
			return
		}
	default:
		user, err = r.createWithReconcile(ctx, c, &plan)
		if err != nil {
			c.recordUnknown()
			providerdata.AddAPIError(&resp.Diagnostics, "Could not create the QAComplete user", err)
			return
		}
		if ctx.Err() != nil {
			resp.Diagnostics.AddWarning("QAComplete user created during an interruption",
				fmt.Sprintf("The operation ended while QAComplete was creating user %d (%s); the provider found the new user and recorded it in state, so the next apply will not create it again.", user.ID, email))
		}
	}

	c.recordWritten(deptID, user)
	flattenUserToResource(deptID, user, &plan)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, plan.identity())...)
}

// createWithReconcile posts the new user. When the POST fails in a way that
// may have created the user anyway (a timeout, a dropped connection, a 5xx),
// it looks the e-mail up before posting again, so a retry never makes a
// duplicate.
func (r *UserResource) createWithReconcile(ctx context.Context, c *Client, plan *userResourceModel) (*User, error) {
	deptID, email := plan.DeptID.ValueInt64(), plan.Email.ValueString()
	var lastErr error
	// The POST is sent at most 1 + max_retries times, like any call: each
	// repeat comes only after a lookup showed the previous one made no user.
	for attempt := 1; attempt <= 1+c.http.MaxRetries(); attempt++ {
		user, err := c.CreateUser(ctx, deptID, expandUserPost(plan))
		if err == nil {
			if user != nil {
				return user, nil
			}
			// [I] The POST response is undocumented; without a user in
			// it, find the user the server just made, even when the
			// operation is being interrupted: the user exists now and
			// must reach state.
			found, ferr := settleCreate(ctx, c, deptID, email)
			if ferr != nil {
				return nil, fmt.Errorf("QAComplete accepted the new user with e-mail %s but its answer carried no user, and finding it failed: %w", email, ferr)
			}
			if found == nil {
				return nil, fmt.Errorf("QAComplete accepted the new user but its answer carried no user, and no user with e-mail %s was found in department %d afterwards. Check in the QAComplete UI whether the user was created, and check qacomplete.base_url (or %s)", email, deptID, EnvBaseURL)
			}
			return found, nil
		}
		if !apiclient.IsAmbiguous(err) {
			return nil, err
		}
		lastErr = err
		tflog.Warn(ctx, "QAComplete create failed ambiguously; checking whether the user exists before retrying", map[string]any{"attempt": attempt, "error": err.Error()})
		found, ferr := settleCreate(ctx, c, deptID, email)
		if ferr != nil {
			return nil, fmt.Errorf("%w (and the follow-up lookup failed: %s)", err, ferr.Error())
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

// settleCreate finds the user a POST created (or, after an ambiguous
// failure, may have created), with the full record, even when the
// operation's context ends during the lookup (see settleContext).
func settleCreate(ctx context.Context, c *Client, deptID int64, email string) (*User, error) {
	ctx, cancel := c.settleContext(ctx)
	defer cancel()
	found, err := c.FindUserByEmail(ctx, deptID, email)
	if err != nil || found == nil {
		return nil, err
	}
	return c.getUserByEmail(ctx, deptID, found.ID, email)
}

func (r *UserResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state userResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	// The ids never change: the identity is the state's, on every way out,
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

	deptID, userID := state.DeptID.ValueInt64(), state.UserID.ValueInt64()
	// A refresh of many users of the department shares one walk of its
	// list; the user is read directly otherwise, and always before it may
	// leave state (snapshot.go).
	user, gone, err := c.ReadUserListed(ctx, deptID, userID, rowCovers(&state))
	if gone == DepartmentGone {
		resp.Diagnostics.AddWarning("QAComplete department no longer exists",
			fmt.Sprintf("Department %d, the primary department of user %d%s, no longer exists in QAComplete: the user and the department's user list both answer QAComplete's own not-found, and GET /depts does not list it. The user was removed from Terraform state; the next plan proposes to create it again, which fails until dept_id names an existing department.", deptID, userID, inParens(state.Email.ValueString())))
		resp.State.RemoveResource(ctx)
		return
	}
	if gone == UserGone {
		resp.Diagnostics.AddWarning("QAComplete user no longer exists",
			fmt.Sprintf("User %d in department %d%s was not found, so it was removed from Terraform state; the next plan proposes to create it again. It was deleted outside Terraform or moved to another primary department.", userID, deptID, inParens(state.Email.ValueString())))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QAComplete user", err)
		return
	}
	if !user.Active() {
		resp.Diagnostics.AddWarning("QAComplete user was disabled outside Terraform",
			fmt.Sprintf("User %d in department %d%s is disabled, so it was removed from Terraform state. QAComplete's API cannot re-enable a user: re-enable it in the QAComplete UI and import it, or let Terraform create a new user with another e-mail.", userID, deptID, inParens(deref(user.Email))))
		resp.State.RemoveResource(ctx)
		return
	}
	flattenUserToResource(deptID, user, &state)
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

	deptID, userID := state.DeptID.ValueInt64(), state.UserID.ValueInt64()
	// Read the user fresh: the PUT must carry what the server holds now for
	// every field the configuration leaves alone, not what it held at plan.
	current, err := c.GetUser(ctx, deptID, userID)
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QAComplete user before updating it", err)
		return
	}
	// A create-only value the plan records must not contradict what
	// QAComplete reports for it.
	resp.Diagnostics.Append(checkReportedCreateOnly(&plan, &state, current)...)
	if resp.Diagnostics.HasError() {
		return
	}
	user := current
	if putFieldsDiffer(&plan, &state) {
		user, err = c.UpdateUser(ctx, deptID, userID, expandUserPut(&plan, &config, current))
		if err != nil {
			c.recordUnknown()
			providerdata.AddAPIError(&resp.Diagnostics, "Could not update the QAComplete user", err)
			return
		}
		c.recordWritten(deptID, user)
		if lost := putResetCreateOnly(current, user); len(lost) > 0 {
			// State records what QAComplete now holds, not the lost values.
			for _, v := range plan.createOnly() {
				*v = types.StringNull()
			}
			resp.Diagnostics.AddError("QAComplete's update reset create-only values", putResetDetail(state.ID.ValueString(), lost))
		}
	}
	flattenUserToResource(deptID, user, &plan)
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
		tflog.Info(ctx, "on_destroy = forget: leaving the QAComplete user in place", map[string]any{"id": state.ID.ValueString()})
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

	err := c.DisableUser(ctx, state.DeptID.ValueInt64(), state.UserID.ValueInt64())
	// QAComplete keeps the disabled user, listed with is_active false and a
	// new date_updated, but its DELETE answers nothing to record: the
	// snapshots are forgotten rather than guessed at.
	c.recordUnknown()
	if err != nil {
		providerdata.AddAPIError(&resp.Diagnostics, "Could not disable the QAComplete user", err)
	}
}

// ImportState accepts "<dept_id>/<user_id>" or "<dept_id>/<email>", or an
// identity, and always stores the numeric id.
func (r *UserResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importID, d := providerdata.ImportID(ctx, req, identityImportID)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	deptID, userID, email, err := parseImportID(importID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID for saas_qacomplete_user", err.Error())
		return
	}
	c := r.client(&resp.Diagnostics)
	if c == nil {
		return
	}
	// Import has no timeouts of its own: the lookup gets the default.
	ctx, cancel := context.WithTimeout(ctx, providerdata.DefaultTimeout)
	defer cancel()
	var found *User
	if email != "" {
		found, err = c.FindListedUserByEmail(ctx, deptID, email)
		if err != nil {
			providerdata.AddAPIError(&resp.Diagnostics, "Could not look up the QAComplete user to import", err)
			return
		}
		if found == nil {
			resp.Diagnostics.AddError("QAComplete user not found",
				fmt.Sprintf("No user with e-mail %s exists in department %d (users appear in the department of their primary department).", email, deptID))
			return
		}
		userID = found.ID
	} else {
		// A user proven gone is left to Read, which reports it the way
		// Terraform expects; a disabled one gets its own explanation. A
		// not-found without that proof (a wrong base URL) fails here.
		found, _, err = c.ReadUser(ctx, deptID, userID)
		if err != nil {
			providerdata.AddAPIError(&resp.Diagnostics, "Could not read the QAComplete user to import", err)
			return
		}
	}
	if found != nil && !found.Active() {
		resp.Diagnostics.AddError("QAComplete user is disabled", disabledImportDetail(deptID, userID, deref(found.Email)))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), resourceID(deptID, userID))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("dept_id"), deptID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), userID)...)
	// Imported users get the same defaults a new resource would, so an
	// import followed by a plan with those defaults shows no change.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("on_destroy"), OnDestroyDisable)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("adopt_existing"), false)...)
	resp.Diagnostics.Append(providerdata.SetIdentity(ctx, resp.Identity, userIdentityModel{DeptID: types.Int64Value(deptID), UserID: types.Int64Value(userID)})...)
}

// parseImportID splits "<dept_id>/<user_id>" or "<dept_id>/<email>".
func parseImportID(id string) (deptID, userID int64, email string, err error) {
	usage := fmt.Errorf("expected \"<dept_id>/<user_id>\" or \"<dept_id>/<email>\" (for example 8162/24793 or 8162/jane@example.com), got %q", id)
	dept, rest, ok := strings.Cut(id, "/")
	if !ok || rest == "" {
		return 0, 0, "", usage
	}
	deptID, err = strconv.ParseInt(dept, 10, 64)
	if err != nil || deptID < 1 {
		return 0, 0, "", usage
	}
	if n, err := strconv.ParseInt(rest, 10, 64); err == nil {
		if n < 1 {
			return 0, 0, "", usage
		}
		return deptID, n, "", nil
	}
	if !validate.IsEmail(rest) {
		return 0, 0, "", usage
	}
	return deptID, 0, rest, nil
}

// inParens is " (s)", or "" when s is empty, so a message never shows an
// empty pair of parentheses.
func inParens(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}
