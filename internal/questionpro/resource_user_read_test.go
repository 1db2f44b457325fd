package questionpro

import (
	"context"
	"strconv"
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
	qpsandbox "github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
)

// readAfter runs the resource's Read of a user against a sandbox set to
// options, after change has acted on the user behind Terraform's back.
func readAfter(t *testing.T, options string, change func(e *qpsandbox.Emulator, id int)) *resource.ReadResponse {
	t.Helper()
	ctx := context.Background()
	emu := qpsandbox.New(qpsandbox.Options{})
	if err := emu.MergeOptions([]byte(options)); err != nil {
		t.Fatal(err)
	}
	srv := sandbox.NewServer(emu)
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	u := emu.AddUser(qpsandbox.User{EmailAddress: "grace@example.com", FirstName: "Grace"})
	change(emu, u.UserID)

	base, err := apiclient.ParseBaseURL("QuestionPro", srv.BaseURL(vendorKey))
	if err != nil {
		t.Fatal(err)
	}
	h, err := apiclient.New(apiclient.Config{Vendor: vendorKey, BaseURL: base, Authenticate: apiKeyAuth(qpsandbox.DefaultAPIKey), DecodeError: decodeError, Hint: hint})
	if err != nil {
		t.Fatal(err)
	}
	r := &UserResource{conn: providerdata.ConnWith(vendorKey, "saas_questionpro_user", NewClient(h, int64(qpsandbox.DefaultOrganizationID)))}
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)}
	model := userResourceModel{
		ID:        types.StringValue(strconv.Itoa(u.UserID)),
		userModel: flattenUser(&User{UserID: int64(u.UserID), OrganizationID: int64(u.OrganizationID), EmailAddress: u.EmailAddress, FirstName: u.FirstName}),
		Password:  types.StringNull(), PasswordWO: types.StringNull(), PasswordWOVersion: types.Int64Null(),
		OnDestroy: types.StringValue(OnDestroyDelete), AdoptExisting: types.BoolValue(false),
		Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "read": types.StringType, "update": types.StringType, "delete": types.StringType})},
	}
	if d := state.Set(ctx, &model); d.HasError() {
		t.Fatal(d)
	}
	resp := &resource.ReadResponse{State: state}
	r.Read(ctx, resource.ReadRequest{State: state}, resp)
	return resp
}

// A user deleted in QuestionPro leaves state with one warning naming it,
// whichever type the error envelope's id has (§2.1); a user still there
// stays, without a warning.
func TestReadRemovesDeletedUserWithWarning(t *testing.T) {
	for _, options := range []string{`{"error_id_as_string": false}`, `{"error_id_as_string": true}`} {
		t.Run(options, func(t *testing.T) {
			resp := readAfter(t, options, func(e *qpsandbox.Emulator, id int) { e.DeleteUserHard(id) })
			if resp.Diagnostics.HasError() || !resp.State.Raw.IsNull() {
				t.Fatalf("the deleted user should leave state without an error: %v", resp.Diagnostics)
			}
			w := resp.Diagnostics.Warnings()
			if len(w) != 1 || w[0].Summary() != "QuestionPro user no longer exists" || !strings.Contains(w[0].Detail(), "grace@example.com") {
				t.Fatalf("want one warning naming the user, got %v", resp.Diagnostics)
			}

			resp = readAfter(t, options, func(*qpsandbox.Emulator, int) {})
			if resp.State.Raw.IsNull() || resp.Diagnostics.WarningsCount() != 0 || resp.Diagnostics.HasError() {
				t.Fatalf("a present user stays in state without warnings: %v", resp.Diagnostics)
			}
		})
	}
}
