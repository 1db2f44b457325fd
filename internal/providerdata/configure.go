package providerdata

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/apiclient"
)

// Configure is the provider's Configure for every vendor at once: it reads
// each vendor's block, resolves each setting (explicit argument, then
// environment, then default), checks the base URL once, and builds the
// clients. Invalid settings are errors now; missing and unknown ones are
// recorded and reported only by the resources and data sources that need
// them, so a configuration that manages one vendor never has to configure
// the others.
func Configure(ctx context.Context, cfg tfsdk.Config, vendors []Vendor, common Common) (*Data, diag.Diagnostics) {
	var diags diag.Diagnostics
	data := &Data{conns: make(map[string]*conn, len(vendors))}
	for _, v := range vendors {
		var block types.Object
		diags.Append(cfg.GetAttribute(ctx, path.Root(v.Key), &block)...)
		if diags.HasError() {
			return nil, diags
		}
		c, d := configureVendor(ctx, v, block.Attributes(), common, os.Getenv)
		diags.Append(d...)
		data.conns[v.Key] = c
	}
	return data, diags
}

// configureVendor resolves one vendor's block. attrs is empty when the block
// is absent; getenv is os.Getenv outside tests.
func configureVendor(ctx context.Context, v Vendor, attrs map[string]attr.Value, common Common, getenv func(string) string) (*conn, diag.Diagnostics) {
	var diags diag.Diagnostics
	c := &conn{vendor: v.DisplayName}
	blockPath := path.Root(v.Key)

	// A value that is unknown until apply (taken from another resource's
	// output) must never be replaced by the environment or a default: that
	// could send these credentials to another host.
	for _, name := range sortedKeys(attrs) {
		if attrs[name].IsUnknown() {
			c.unknown = append(c.unknown, v.Key+"."+name)
		}
	}
	if len(c.unknown) > 0 {
		return c, diags
	}

	raw, source := resolveBaseURL(v, attrs, getenv)
	if raw == "" {
		c.missing = append(c.missing, Missing{Attribute: baseURLAttributes(v), EnvVar: v.BaseURL.EnvVar})
	}
	var settings Settings
	if raw != "" {
		u, err := apiclient.ParseBaseURL(v.DisplayName, raw)
		if err != nil {
			diags.AddAttributeError(blockPath.AtName("base_url"), "Invalid "+v.DisplayName+" base URL",
				fmt.Sprintf("%s (from %s): %s.", err.Error(), source, exampleHint(v)))
			return nil, diags
		}
		if insecureRemote(u) && !explicitBool(attrs[AllowInsecureHTTPAttribute]) {
			// The Basic password, API keys and the OAuth client secret
			// would cross the network in clear text: refuse unless the
			// configuration says this is deliberate.
			diags.AddAttributeError(blockPath.AtName("base_url"), v.DisplayName+" base URL uses plain HTTP",
				fmt.Sprintf("The base URL %s://%s (from %s) uses plain http:// to a host that is not a loopback address, so %s credentials and user data would travel unencrypted. Use https://, or set %s.%s = true if this is an on-premises server on a network you trust.",
					u.Scheme, u.Host, source, v.DisplayName, v.Key, AllowInsecureHTTPAttribute))
			return nil, diags
		}
		settings.BaseURL = u
	}

	settings.Credentials = make(map[string]string, len(v.Credentials))
	for _, cred := range v.Credentials {
		val := stringOrEnv(attrs[cred.Attribute], cred.EnvVar, getenv)
		if val == "" {
			c.missing = append(c.missing, Missing{Attribute: v.Key + "." + cred.Attribute, EnvVar: cred.EnvVar})
			continue
		}
		settings.Credentials[cred.Attribute] = val
	}
	if len(c.missing) > 0 {
		return c, diags
	}

	settings.Vendor, settings.DisplayName = v.Key, v.DisplayName
	settings.Common = common
	settings.Block = attrs
	settings.RequestsPerSecond = v.DefaultRequestsPerSecond
	if rps, ok := attrs["requests_per_second"].(types.Float64); ok && !rps.IsNull() {
		settings.RequestsPerSecond = rps.ValueFloat64()
	}
	client, err := v.NewClient(ctx, settings)
	if err != nil {
		diags.AddAttributeError(blockPath.AtName("base_url"), "Invalid "+v.DisplayName+" configuration", err.Error())
		return nil, diags
	}
	c.client = client
	return c, diags
}

// resolveBaseURL applies the one precedence rule: base_url, then the
// selector's attribute, then the environment, then the default. It returns
// the URL and where it came from, for error messages.
func resolveBaseURL(v Vendor, attrs map[string]attr.Value, getenv func(string) string) (raw, source string) {
	if s := explicitString(attrs["base_url"]); s != "" {
		return s, v.Key + ".base_url"
	}
	sel := v.BaseURL.Selector
	if sel != nil {
		if name := explicitString(attrs[sel.Attribute]); name != "" {
			return sel.Hosts[name], fmt.Sprintf("%s.%s = %q", v.Key, sel.Attribute, name)
		}
	}
	if s := getenv(v.BaseURL.EnvVar); s != "" {
		return s, "the " + v.BaseURL.EnvVar + " environment variable"
	}
	if sel != nil && sel.Default != "" {
		return sel.Hosts[sel.Default], fmt.Sprintf("the default %s %q", sel.Attribute, sel.Default)
	}
	return v.BaseURL.Default, "the default"
}

// baseURLAttributes names the attributes that can set the base URL, for the
// missing-settings message.
func baseURLAttributes(v Vendor) string {
	if v.BaseURL.Selector != nil {
		return v.Key + ".base_url or " + v.Key + "." + v.BaseURL.Selector.Attribute
	}
	return v.Key + ".base_url"
}

func exampleHint(v Vendor) string {
	example := v.BaseURL.Example
	if example == "" {
		example = v.BaseURL.Default
	}
	return fmt.Sprintf("set %s.base_url or %s to a URL such as %s", v.Key, v.BaseURL.EnvVar, example)
}

// explicitString is a string attribute's configured value, or "" when it is
// null or not a string. Values are taken as written: a password may begin
// or end with a space.
func explicitString(v attr.Value) string {
	s, ok := v.(types.String)
	if !ok || s.IsNull() || s.IsUnknown() {
		return ""
	}
	return s.ValueString()
}

// explicitBool is a bool attribute's configured value; null is false.
func explicitBool(v attr.Value) bool {
	b, ok := v.(types.Bool)
	return ok && b.ValueBool()
}

// stringOrEnv returns the configured value, or the environment variable when
// the attribute is null, so the provider runs in Terraform Cloud workspaces
// with no files.
func stringOrEnv(v attr.Value, env string, getenv func(string) string) string {
	if s := explicitString(v); s != "" {
		return s
	}
	return getenv(env)
}

func sortedKeys(m map[string]attr.Value) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
