package questionpro

import (
	"net/http"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// TestDescriptor_KeyAdministersTheOrganization proves the descriptor's key
// and organization list the users of the organization and of each seed
// department on the emulator it builds.
func TestDescriptor_KeyAdministersTheOrganization(t *testing.T) {
	s := sandbox.NewServer(Descriptor.New())
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	key, _ := Descriptor.Setting("api_key")
	org, _ := Descriptor.Setting("organization_id")
	if key.EnvVar != "QUESTIONPRO_API_KEY" || !key.Sensitive || !org.Number {
		t.Errorf("settings %+v %+v", key, org)
	}
	paths := []string{"/organizations/" + org.Value + "/users"}
	for _, v := range Descriptor.Seed {
		if v.Name == "department_id" {
			paths = append(paths, "/organizations/"+org.Value+"/departments/"+v.Value+"/users")
		}
	}
	for _, p := range paths {
		req, err := http.NewRequestWithContext(t.Context(), "GET", s.BaseURL(Descriptor.Vendor)+p, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set(headerAPIKey, key.Value)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d", p, resp.StatusCode)
		}
	}
}
