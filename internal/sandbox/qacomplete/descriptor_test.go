package qacomplete

import (
	"net/http"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// TestDescriptor_LogsInAsAdministrator proves the descriptor's login manages
// the users of its seed departments on the emulator it builds.
func TestDescriptor_LogsInAsAdministrator(t *testing.T) {
	s := sandbox.NewServer(Descriptor.New())
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	user, _ := Descriptor.Setting("username")
	pass, _ := Descriptor.Setting("password")
	if user.EnvVar != "QACOMPLETE_USERNAME" || pass.EnvVar != "QACOMPLETE_PASSWORD" || user.Sensitive || !pass.Sensitive {
		t.Errorf("settings %+v %+v", user, pass)
	}
	for _, dept := range Descriptor.Seed {
		req, err := http.NewRequestWithContext(t.Context(), "GET", s.BaseURL(Descriptor.Vendor)+"/depts/"+dept.Value+"/users", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.SetBasicAuth(user.Value, pass.Value)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("users of department %s: %d", dept.Value, resp.StatusCode)
		}
	}
}
