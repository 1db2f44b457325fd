package qacomplete

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	qacsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
)

// readAfter runs the resource's Read against a sandbox in which the user was
// changed by vanish, and returns the response.
func readAfter(t *testing.T, vanish func(e *qacsandbox.Emulator, id int)) *resource.ReadResponse {
	t.Helper()
	ctx := context.Background()
	emu := qacsandbox.New(qacsandbox.Options{})
	srv := sandbox.NewServer(emu)
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	u := emu.AddUser(qacsandbox.User{DeptID: 8162, Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper", IsActive: true})
	vanish(emu, u.ID)

	h, err := apiclient.New(apiclient.Config{Vendor: "qacomplete", DisplayName: "QAComplete", BaseURL: mustBaseURL(t, srv.BaseURL("qacomplete")),
		Authenticate: basicAuth(qacsandbox.DefaultAdminLogin, qacsandbox.DefaultAdminPassword), DecodeError: decodeError})
	if err != nil {
		t.Fatal(err)
	}
	r := &UserResource{conn: providerdata.ConnWith(vendorName, "saas_qacomplete_user", NewClient(h))}
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	model := userResourceModel{
		ID: types.StringValue(resourceID(8162, int64(u.ID))), DeptID: types.Int64Value(8162),
		userModel: userModel{
			UserID: types.Int64Value(int64(u.ID)), Email: types.StringValue("grace@example.com"),
			FirstName: types.StringValue("Grace"), LastName: types.StringValue("Hopper"),
		},
		OnDestroy: types.StringValue(OnDestroyDisable), AdoptExisting: types.BoolValue(false),
		Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "read": types.StringType, "update": types.StringType, "delete": types.StringType})},
	}
	for _, s := range []*types.String{&model.MiddleName, &model.Phone, &model.AdSearchValue, &model.TimeZone, &model.CompanyName, &model.DateCreated, &model.DateUpdated} {
		*s = types.StringNull()
	}
	for _, c := range model.customs() {
		*c = types.StringNull()
	}
	model.IsSecurityAdmin, model.IsAdAccount, model.IsActive = types.BoolNull(), types.BoolNull(), types.BoolNull()
	model.PrimaryDeptID = types.Int64Null()
	if d := state.Set(ctx, &model); d.HasError() {
		t.Fatal(d)
	}
	resp := &resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, resp)
	return resp
}

// A user deleted or disabled outside Terraform leaves state with a warning
// that says what happened, not an error.
func TestReadRemovesVanishedUserWithWarning(t *testing.T) {
	cases := map[string]struct {
		vanish func(e *qacsandbox.Emulator, id int)
		want   string
	}{
		"deleted":            {func(e *qacsandbox.Emulator, id int) { e.DeleteUserHard(id) }, "QAComplete user no longer exists"},
		"disabled":           {func(e *qacsandbox.Emulator, id int) { e.Disable(id) }, "QAComplete user was disabled outside Terraform"},
		"department deleted": {func(e *qacsandbox.Emulator, _ int) { e.DeleteDepartment(8162) }, "QAComplete department no longer exists"},
		"present":            {func(*qacsandbox.Emulator, int) {}, ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			resp := readAfter(t, c.vanish)
			if resp.Diagnostics.HasError() {
				t.Fatalf("Read must not fail: %v", resp.Diagnostics)
			}
			if c.want == "" {
				if resp.State.Raw.IsNull() || resp.Diagnostics.WarningsCount() != 0 {
					t.Fatalf("a present user stays in state without warnings: %v", resp.Diagnostics)
				}
				return
			}
			if !resp.State.Raw.IsNull() {
				t.Fatal("the vanished user must be removed from state")
			}
			w := resp.Diagnostics.Warnings()
			if len(w) != 1 || w[0].Summary() != c.want || !strings.Contains(w[0].Detail(), "grace@example.com") {
				t.Fatalf("want one warning %q naming the user, got %v", c.want, resp.Diagnostics)
			}
		})
	}
}

func mustBaseURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := apiclient.ParseBaseURL(vendorName, raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
