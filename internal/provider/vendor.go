package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// vendor is how one vendor package plugs into the provider: its provider
// block, how that block becomes a client, and its resources and data
// sources. Each vendor registers itself from its own vendor_<name>.go file,
// so adding a vendor touches no shared list.
type vendor struct {
	name        string
	block       func() schema.Block
	configure   func(ctx context.Context, cfg tfsdk.Config, common providerdata.Common, data *Data) diag.Diagnostics
	resources   []func() resource.Resource
	dataSources []func() datasource.DataSource
}

var vendors []vendor

func registerVendor(v vendor) { vendors = append(vendors, v) }

// Data is what Configure hands to every resource and data source. Each vendor
// package reads its own part through a small interface it declares itself
// (implemented in vendor_<name>.go), so no vendor package imports this one or
// another vendor.
type Data struct {
	vendors map[string]any
}
