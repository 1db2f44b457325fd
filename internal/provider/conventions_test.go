package provider

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/saas-users/terraform-provider-saas/internal/providerdata"
)

// The conventions every resource and data source keeps, checked here rather
// than remembered: a new resource that forgets one fails this test.

// secretName matches attribute names that hold a secret: they must be
// Sensitive or write-only.
var secretName = regexp.MustCompile(`(^|_)(password|passwd|secret|pin|token|api_key|subscription_key|client_id)(_wo)?$`)

// describedAttribute is what the checks need of any attribute.
type describedAttribute interface {
	GetMarkdownDescription() string
	IsSensitive() bool
}

type writeOnly interface{ IsWriteOnly() bool }

func checkAttribute(t *testing.T, where, name string, a describedAttribute) {
	t.Helper()
	if strings.TrimSpace(a.GetMarkdownDescription()) == "" {
		t.Errorf("%s.%s has no MarkdownDescription", where, name)
	}
	if secretName.MatchString(name) {
		wo, ok := a.(writeOnly)
		if !a.IsSensitive() && (!ok || !wo.IsWriteOnly()) {
			t.Errorf("%s.%s holds a secret and is neither Sensitive nor write-only", where, name)
		}
	}
}

func TestConventionsProviderSchema(t *testing.T) {
	var resp provider.SchemaResponse
	New("test")().Schema(context.Background(), provider.SchemaRequest{}, &resp)
	for name, a := range resp.Schema.Attributes {
		checkAttribute(t, "provider", name, a)
	}
	for _, v := range Vendors() {
		block, ok := resp.Schema.Blocks[v.Key].(pschema.SingleNestedBlock)
		if !ok {
			t.Fatalf("provider schema has no %s block", v.Key)
		}
		if block.MarkdownDescription == "" {
			t.Errorf("provider block %s has no MarkdownDescription", v.Key)
		}
		for name, a := range block.Attributes {
			checkAttribute(t, "provider."+v.Key, name, a)
		}
		// Every setting the vendor's Configure resolves must exist in its
		// block, and every credential must be sensitive.
		need := []string{"base_url", "requests_per_second"}
		if v.BaseURL.Selector != nil {
			need = append(need, v.BaseURL.Selector.Attribute)
		}
		for _, c := range v.Credentials {
			need = append(need, c.Attribute)
			if a, ok := block.Attributes[c.Attribute]; ok && !a.IsSensitive() && c.Attribute != "username" {
				t.Errorf("provider.%s.%s is a credential and not Sensitive", v.Key, c.Attribute)
			}
			if c.EnvVar == "" || !strings.Contains(block.Attributes[c.Attribute].GetMarkdownDescription(), c.EnvVar) {
				t.Errorf("provider.%s.%s must name its environment variable %q in its description", v.Key, c.Attribute, c.EnvVar)
			}
		}
		for _, name := range need {
			if _, ok := block.Attributes[name]; !ok {
				t.Errorf("provider.%s lacks %s, which its Configure reads", v.Key, name)
			}
		}
		if !strings.Contains(block.Attributes["base_url"].GetMarkdownDescription(), v.BaseURL.EnvVar) {
			t.Errorf("provider.%s.base_url must name %s", v.Key, v.BaseURL.EnvVar)
		}
	}
}

func TestConventionsResources(t *testing.T) {
	ctx := context.Background()
	tests := acceptanceTestSources(t)
	for _, v := range Vendors() {
		for _, f := range v.Resources {
			r := f()
			var meta resource.MetadataResponse
			r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "saas"}, &meta)
			name := meta.TypeName
			if !strings.HasPrefix(name, "saas_"+v.Key+"_") {
				t.Errorf("%s belongs to vendor %s and must be named saas_%s_*", name, v.Key, v.Key)
			}
			var resp resource.SchemaResponse
			r.Schema(ctx, resource.SchemaRequest{}, &resp)
			if resp.Schema.MarkdownDescription == "" {
				t.Errorf("%s has no MarkdownDescription", name)
			}
			for an, a := range resp.Schema.Attributes {
				checkAttribute(t, name, an, a)
			}
			if _, ok := resp.Schema.Attributes["timeouts"]; !ok {
				t.Errorf("%s has no timeouts attribute", name)
			}
			od, ok := resp.Schema.Attributes["on_destroy"].(rschema.StringAttribute)
			if !ok || od.Default == nil || !od.Optional || !od.Computed || len(od.Validators) == 0 {
				t.Errorf("%s needs on_destroy: optional, computed, with a default and a validator of its values", name)
			}
			if _, ok := r.(resource.ResourceWithImportState); !ok {
				t.Errorf("%s does not implement import", name)
			}
			if _, ok := r.(resource.ResourceWithConfigure); !ok {
				t.Errorf("%s does not implement Configure", name)
			}
			checkIdentity(t, name, r, resp.Schema)
			if _, ok := r.(providerdata.PrivateStateKeys); !ok && usesPrivateState(t, v.Key) {
				t.Errorf("%s's package reads or writes private state, so the resource must name its keys (providerdata.PrivateStateKeys) for the no-change plan's differential test", name)
			}
			if !tests.hasImportVerify(name) {
				t.Errorf("%s has no acceptance test with an import step and ImportStateVerify", name)
			}
			if !tests.hasIdentityImport(name) {
				t.Errorf("%s has no acceptance test with an import block by identity", name)
			}
		}
	}
}

// checkIdentity requires resource identity (Terraform 1.12+, OpenTofu
// 1.12+): an identity schema whose every attribute is described, needed for
// an import, and a copy of the resource attribute of the same name and type,
// so state and identity can be compared.
func checkIdentity(t *testing.T, name string, r resource.Resource, s rschema.Schema) {
	t.Helper()
	ri, ok := r.(resource.ResourceWithIdentity)
	if !ok {
		t.Errorf("%s does not implement resource identity", name)
		return
	}
	var resp resource.IdentitySchemaResponse
	ri.IdentitySchema(context.Background(), resource.IdentitySchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() || len(resp.IdentitySchema.Attributes) == 0 {
		t.Errorf("%s has an empty identity schema: %v", name, resp.Diagnostics)
	}
	for an, a := range resp.IdentitySchema.Attributes {
		if strings.TrimSpace(a.GetDescription()) == "" {
			t.Errorf("%s identity.%s has no Description", name, an)
		}
		if !a.IsRequiredForImport() {
			t.Errorf("%s identity.%s must be RequiredForImport: the user cannot be found without it", name, an)
		}
		if sa, ok := s.Attributes[an]; !ok || !sa.GetType().Equal(a.GetType()) {
			t.Errorf("%s identity.%s must have a resource attribute of the same name and type", name, an)
		}
	}
}

func TestConventionsDataSources(t *testing.T) {
	ctx := context.Background()
	for _, v := range Vendors() {
		for _, f := range v.DataSources {
			ds := f()
			var meta datasource.MetadataResponse
			ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "saas"}, &meta)
			name := "data." + meta.TypeName
			if !strings.HasPrefix(meta.TypeName, "saas_"+v.Key+"_") {
				t.Errorf("%s belongs to vendor %s and must be named saas_%s_*", name, v.Key, v.Key)
			}
			var resp datasource.SchemaResponse
			ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
			if resp.Schema.MarkdownDescription == "" {
				t.Errorf("%s has no MarkdownDescription", name)
			}
			for an, a := range resp.Schema.Attributes {
				checkAttribute(t, name, an, a)
				if l, ok := a.(dschema.ListNestedAttribute); ok {
					for nn, na := range l.NestedObject.Attributes {
						checkAttribute(t, name+"."+an, nn, na)
					}
				}
			}
			if _, ok := resp.Schema.Attributes["timeouts"]; !ok {
				t.Errorf("%s has no timeouts attribute", name)
			}
			if _, ok := ds.(datasource.DataSourceWithConfigure); !ok {
				t.Errorf("%s does not implement Configure", name)
			}
		}
	}
}

// testSources is the text of every test file under internal/.
type testSources map[string]string

// importStep matches a TestStep that imports and verifies.
var importStep = regexp.MustCompile(`ImportState:\s*true,[\s\S]{0,400}?ImportStateVerify:\s*true`)

func acceptanceTestSources(t *testing.T) testSources {
	t.Helper()
	out := testSources{}
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return err
		}
		b, err := os.ReadFile(path)
		out[path] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// identityImportStep matches a TestStep that imports with an import block
// by identity.
var identityImportStep = regexp.MustCompile(`ImportStateKind:\s*resource\.ImportBlockWithResourceIdentity`)

// hasIdentityImport reports whether some acceptance test file configures
// the resource type and imports by identity.
func (s testSources) hasIdentityImport(typeName string) bool {
	for _, src := range s {
		if strings.Contains(src, typeName) && strings.Contains(src, "func TestAcc") && identityImportStep.MatchString(src) {
			return true
		}
	}
	return false
}

// hasImportVerify reports whether some test file both configures the
// resource type and has an import step that verifies the imported state.
func (s testSources) hasImportVerify(typeName string) bool {
	for _, src := range s {
		if strings.Contains(src, typeName) && strings.Contains(src, "func TestAcc") && importStep.MatchString(src) {
			return true
		}
	}
	return false
}

// privateStateCall matches a read or write of a private-state key.
var privateStateCall = regexp.MustCompile(`\.(GetKey|SetKey)\(ctx`)

// usesPrivateState reports whether the vendor package's own code (not its
// tests) reads or writes a private-state key.
func usesPrivateState(t *testing.T, vendorKey string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", vendorKey, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no source for vendor %s: %v", vendorKey, err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if privateStateCall.Match(b) {
			return true
		}
	}
	return false
}
