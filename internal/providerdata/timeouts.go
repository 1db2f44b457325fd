package providerdata

import (
	"context"
	"fmt"
	"time"

	dstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	rstimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// ResourceTimeouts is the timeouts attribute of every resource: create,
// read, update and delete, each defaulting to def. Retries, Retry-After
// waits and rate-limit pacing all fit inside it.
func ResourceTimeouts(ctx context.Context, def time.Duration) rschema.Attribute {
	op := func(name string) string {
		return fmt.Sprintf("How long %s may take, as a Go duration such as `30s` or `10m`. Defaults to `%s`.", name, def)
	}
	a, ok := rstimeouts.Attributes(ctx, rstimeouts.Opts{
		Create: true, Read: true, Update: true, Delete: true,
		CreateDescription: op("a create (or adoption)"),
		ReadDescription:   op("a refresh"),
		UpdateDescription: op("an update"),
		DeleteDescription: op("a destroy"),
	}).(rschema.SingleNestedAttribute)
	if !ok {
		panic("resource timeouts: unexpected attribute type")
	}
	a.MarkdownDescription = fmt.Sprintf("Time limits for each operation, retries and waits for the vendor's rate limit included. Each defaults to `%s`.", def)
	return a
}

// DataSourceTimeouts is the timeouts attribute of every data source.
func DataSourceTimeouts(ctx context.Context, def time.Duration) dschema.Attribute {
	a, ok := dstimeouts.AttributesWithOpts(ctx, dstimeouts.Opts{
		ReadDescription: fmt.Sprintf("How long the read may take (every page of a list included), as a Go duration such as `30s` or `10m`. Defaults to `%s`.", def),
	}).(dschema.SingleNestedAttribute)
	if !ok {
		panic("data source timeouts: unexpected attribute type")
	}
	a.MarkdownDescription = fmt.Sprintf("Time limit for the read, retries and waits for the vendor's rate limit included. Defaults to `%s`.", def)
	return a
}
