package quickhelp

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
)

// TestDescriptor_KeysListTheCustomer proves the descriptor's key pair passes
// the gateway and the backend of the emulator it builds, and acts for the
// seed customer without a customerId.
func TestDescriptor_KeysListTheCustomer(t *testing.T) {
	e, ok := Descriptor.New().(*Emulator)
	if !ok {
		t.Fatalf("Descriptor.New built a %T", Descriptor.New())
	}
	customer := Descriptor.Seed[0]
	id, err := strconv.Atoi(customer.Value)
	if customer.Name != "customer_id" || err != nil {
		t.Fatalf("seed %+v", customer)
	}
	e.AddUser(User{CustomerID: id, FirstName: "Ann", LastName: "Lee", Email: "ann@example.com"})
	s := sandbox.NewServer(e)
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	apiKey, _ := Descriptor.Setting("api_key")
	subKey, _ := Descriptor.Setting("subscription_key")
	if apiKey.EnvVar != "QUICKHELP_API_KEY" || subKey.EnvVar != "QUICKHELP_SUBSCRIPTION_KEY" || !apiKey.Sensitive || !subKey.Sensitive {
		t.Errorf("settings %+v %+v", apiKey, subKey)
	}
	req, err := http.NewRequestWithContext(t.Context(), "GET", s.BaseURL(Descriptor.Vendor)+pathList, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", apiKey.Value)
	req.Header.Set(headerSubscriptionKey, subKey.Value)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "ann@example.com") {
		t.Errorf("GET %s: %d %s", pathList, resp.StatusCode, body)
	}
}
