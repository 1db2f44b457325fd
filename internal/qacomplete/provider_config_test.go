package qacomplete

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

func configFor(baseURL, user, pass string) *ProviderConfig {
	str := func(s string) types.String {
		if s == "" {
			return types.StringNull()
		}
		return types.StringValue(s)
	}
	return &ProviderConfig{BaseURL: str(baseURL), Username: str(user), Password: str(pass), RequestsPerSecond: types.Float64Null()}
}

func TestConfigure(t *testing.T) {
	t.Setenv(EnvBaseURL, "")
	t.Setenv(EnvUsername, "")
	t.Setenv(EnvPassword, "")
	ctx := context.Background()
	common := providerdata.Common{}

	t.Run("plain http to a remote host warns but works", func(t *testing.T) {
		got, diags := Configure(ctx, configFor("http://qacomplete.corp.example/rest-api/service/api/v1", "u@example.com", "pw"), common)
		if diags.HasError() || got.Client == nil {
			t.Fatalf("want a client, got %v", diags)
		}
		if diags.WarningsCount() != 1 || !strings.Contains(diags.Warnings()[0].Detail(), "plain http://") {
			t.Fatalf("want one plain-HTTP warning, got %v", diags)
		}
	})
	t.Run("https and loopback do not warn", func(t *testing.T) {
		for _, u := range []string{"", "https://qac.example.com/rest-api/service/api/v1", "http://127.0.0.1:8080/qacomplete/rest-api/service/api/v1"} {
			if _, diags := Configure(ctx, configFor(u, "u@example.com", "pw"), common); len(diags) != 0 {
				t.Fatalf("%q: want no diagnostics, got %v", u, diags)
			}
		}
	})
	t.Run("an invalid base URL is an error on the attribute", func(t *testing.T) {
		_, diags := Configure(ctx, configFor("ftp://x", "u@example.com", "pw"), common)
		if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "qacomplete.base_url (or QACOMPLETE_BASE_URL)") {
			t.Fatalf("want an error naming the attribute, got %v", diags)
		}
	})
	t.Run("missing credentials are deferred, not errors", func(t *testing.T) {
		got, diags := Configure(ctx, nil, common)
		if diags.HasError() || got.Client != nil || len(got.Missing) != 2 {
			t.Fatalf("want two missing settings and no error yet, got %+v %v", got, diags)
		}
	})
	t.Run("environment fallbacks", func(t *testing.T) {
		t.Setenv(EnvUsername, "env@example.com")
		t.Setenv(EnvPassword, "env-pw")
		got, diags := Configure(ctx, nil, common)
		if diags.HasError() || got.Client == nil {
			t.Fatalf("want a client from the environment, got %+v %v", got, diags)
		}
	})
}
