package qacomplete

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	rstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// sparseUser is a user as QAComplete may answer it: the server drops null
// properties, and no sample confirms primary_dept_id, a_d_search_value or
// company_name in every answer, so they are left out here.
const sparseUser = `{"id":7,"first_name":"Grace","last_name":"Hopper","email":"grace@example.com","work_phone":"555-0101",` +
	`"is_security_admin":true,"is_active":true,"is_a_d_account":false,` +
	`"date_created":"2024-01-02T03:04:05.0000000","date_updated":"2024-01-03T03:04:05.0000000"}`

// sparseServer answers the single-user GET and the list with sparseUser.
func sparseServer(t *testing.T) *Client {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /depts/8162/users/7", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(sparseUser))
	})
	mux.HandleFunc("GET /depts/8162/users", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"metadata":{"result_set":{"count":1,"offset":0,"limit":100,"total":1}},"results":[` + sparseUser + `]}`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	h, err := apiclient.New(apiclient.Config{Vendor: "qacomplete", DisplayName: "QAComplete", BaseURL: mustBaseURL(t, srv.URL),
		Authenticate: basicAuth("admin@example.com", "pw"), DecodeError: decodeError})
	if err != nil {
		t.Fatal(err)
	}
	return NewClient(h)
}

// The resource and both data sources map a user through one flatten, so for
// the same answer they report the same values, including primary_dept_id,
// which the answer leaves out and which is the department the user was read
// through.
func TestResourceAndDataSourcesReportTheSameUser(t *testing.T) {
	client := sparseServer(t)
	fromResource := refreshImported(t, client)
	fromOne := readUserDataSource(t, client)
	fromList := readUsersDataSource(t, client)

	if got := fromResource.PrimaryDeptID; !got.Equal(types.Int64Value(8162)) {
		t.Fatalf("resource primary_dept_id = %v, want the department it was read through", got)
	}
	if fromOne != fromResource {
		t.Errorf("saas_qacomplete_user disagrees with the resource:\n data     %+v\n resource %+v", fromOne, fromResource)
	}
	if len(fromList) != 1 || fromList[0] != fromResource {
		t.Errorf("saas_qacomplete_users disagrees with the resource:\n data     %+v\n resource %+v", fromList, fromResource)
	}
}

// refreshImported runs the resource's Read for user 8162/7 as just imported,
// with only the ids known, and returns what it reports.
func refreshImported(t *testing.T, client *Client) userModel {
	t.Helper()
	ctx := context.Background()
	r := &UserResource{conn: providerdata.ConnWith(vendorName, "saas_qacomplete_user", client)}
	var s resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &s)
	imported := userResourceModel{
		ID: types.StringValue("8162/7"), DeptID: types.Int64Value(8162), userModel: nullUserModel(), TimeZone: types.StringNull(),
		OnDestroy: types.StringValue(OnDestroyDisable), AdoptExisting: types.BoolValue(false),
		Timeouts: rstimeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "read": types.StringType, "update": types.StringType, "delete": types.StringType})},
	}
	imported.UserID = types.Int64Value(7)
	for _, c := range imported.customs() {
		*c = types.StringNull()
	}
	prior := tfsdk.State{Schema: s.Schema, Raw: encode(t, tfsdk.State{Schema: s.Schema}, &imported)}
	resp := &resource.ReadResponse{State: prior}
	r.Read(ctx, resource.ReadRequest{State: prior}, resp)
	var got userResourceModel
	if resp.Diagnostics.Append(resp.State.Get(ctx, &got)...); resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return got.userModel
}

// readUserDataSource reads saas_qacomplete_user for user 8162/7 by id.
func readUserDataSource(t *testing.T, client *Client) userModel {
	t.Helper()
	ctx := context.Background()
	d := &UserDataSource{conn: providerdata.ConnWith(vendorName, "data.saas_qacomplete_user", client)}
	var s datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &s)
	cfg := userDataSourceModel{ID: types.StringNull(), DeptID: types.Int64Value(8162), Timeouts: nullReadTimeouts(), userModel: nullUserModel()}
	cfg.UserID = types.Int64Value(7)
	raw := encode(t, tfsdk.State{Schema: s.Schema}, &cfg)
	resp := &datasource.ReadResponse{State: tfsdk.State{Schema: s.Schema, Raw: raw}}
	d.Read(ctx, datasource.ReadRequest{Config: tfsdk.Config{Schema: s.Schema, Raw: raw}}, resp)
	var got userDataSourceModel
	if resp.Diagnostics.Append(resp.State.Get(ctx, &got)...); resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return got.userModel
}

// readUsersDataSource reads saas_qacomplete_users for department 8162.
func readUsersDataSource(t *testing.T, client *Client) []userModel {
	t.Helper()
	ctx := context.Background()
	d := &UsersDataSource{conn: providerdata.ConnWith(vendorName, "data.saas_qacomplete_users", client)}
	var s datasource.SchemaResponse
	d.Schema(ctx, datasource.SchemaRequest{}, &s)
	cfg := usersDataSourceModel{ID: types.StringNull(), DeptID: types.Int64Value(8162), Filter: types.StringNull(), Timeouts: nullReadTimeouts()}
	raw := encode(t, tfsdk.State{Schema: s.Schema}, &cfg)
	resp := &datasource.ReadResponse{State: tfsdk.State{Schema: s.Schema, Raw: raw}}
	d.Read(ctx, datasource.ReadRequest{Config: tfsdk.Config{Schema: s.Schema, Raw: raw}}, resp)
	var got usersDataSourceModel
	if resp.Diagnostics.Append(resp.State.Get(ctx, &got)...); resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return got.Users
}

// encode turns a model into the raw value Terraform would send for it
// under st's schema.
func encode(t *testing.T, st tfsdk.State, model any) tftypes.Value {
	t.Helper()
	ctx := context.Background()
	st.Raw = tftypes.NewValue(st.Schema.Type().TerraformType(ctx), nil)
	if d := st.Set(ctx, model); d.HasError() {
		t.Fatal(d)
	}
	return st.Raw
}

func nullReadTimeouts() dstimeouts.Value {
	return dstimeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"read": types.StringType})}
}

// nullUserModel is a userModel with every attribute null, as a configuration
// that sets none of them.
func nullUserModel() userModel {
	return userModel{
		UserID: types.Int64Null(), Email: types.StringNull(), FirstName: types.StringNull(), MiddleName: types.StringNull(),
		LastName: types.StringNull(), Phone: types.StringNull(), IsSecurityAdmin: types.BoolNull(), IsAdAccount: types.BoolNull(),
		AdSearchValue: types.StringNull(), CompanyName: types.StringNull(), IsActive: types.BoolNull(),
		PrimaryDeptID: types.Int64Null(), DateCreated: types.StringNull(), DateUpdated: types.StringNull(),
	}
}
