package quickhelp_test

import (
	"net/http"
	"testing"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

func TestMediaTypes(t *testing.T) {
	const update = `{"userId":7,"email":"ada@example.com"}`
	const xml = `<UserUpdateDto><userId>7</userId><email>ada@example.com</email></UserUpdateDto>`
	tests := []struct {
		name        string
		path        string
		contentType *string
		body        string
		wantStatus  int
		wantMessage string
	}{
		{"application/xml", "/User/Update", str("application/xml"), xml, 415, "The request entity's media type 'application/xml' is not supported for this resource."},
		{"text/xml", "/User/Update", str("text/xml; charset=utf-8"), xml, 415, "The request entity's media type 'text/xml' is not supported for this resource."},
		{"xml on delete", "/User/Delete", str("application/xml"), `<x/>`, 415, ""},
		{"form", "/User/Update", str("application/x-www-form-urlencoded"), "userId=7", 415, ""},
		{"no content type", "/User/Update", nil, update, 415, "The request entity's media type 'application/octet-stream' is not supported for this resource."},
		{"json with charset", "/User/Update", str("application/json; charset=utf-8"), update, 200, ""},
		{"text/json", "/User/Update", str("text/json"), update, 200, ""},
		{"upper-case type", "/User/Update", str("Application/JSON"), update, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newEnv(t, quickhelp.Options{})
			env.emu.AddUser(fullUser())
			r := env.do(t, "POST", tt.path, tt.body, headers{"Content-Type": tt.contentType})
			if r.status != tt.wantStatus {
				t.Fatalf("status %d, want %d: %s", r.status, tt.wantStatus, r.body)
			}
			if tt.wantMessage != "" && r.json(t)["message"] != tt.wantMessage {
				t.Errorf("body %s, want message %q", r.body, tt.wantMessage)
			}
			if tt.wantStatus == http.StatusUnsupportedMediaType && env.emu.Users()[0].FirstName != "Ada" {
				t.Error("a refused body changed the user")
			}
		})
	}
}

// TestMediaTypes_AfterAuth: the backend checks the API key before it looks
// at the body.
func TestMediaTypes_AfterAuth(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	r := env.do(t, "POST", "/User/Update", `<x/>`, headers{"Content-Type": str("application/xml"), "Authorization": nil})
	if r.status != http.StatusUnauthorized {
		t.Fatalf("status %d, want 401", r.status)
	}
}
