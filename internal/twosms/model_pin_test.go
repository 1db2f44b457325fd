package twosms

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The PIN a PUT carries: the configured one, else the one 2sms returned,
// never a mask or a null; and a PUT is needed only for a PIN 2sms does not
// show it already holds.
func TestExpandUserPin(t *testing.T) {
	str := func(s string) *string { return &s }
	cases := []struct {
		name       string
		read       *string // Pin as GET returned it
		configured *string
		wantSent   *string
		wantPut    bool
	}{
		{"null read, none configured", nil, nil, nil, false},
		{"masked read, none configured", str("********"), nil, nil, false},
		{"partly masked read, none configured", str("**90"), nil, nil, false},
		{"blank read, none configured", str(" "), nil, nil, false},
		{"real read, none configured: sent back", str("135790"), nil, str("135790"), false},
		{"real read, another configured", str("135790"), str("246810"), str("246810"), true},
		{"real read, the same configured", str("135790"), str("135790"), str("135790"), false},
		{"masked read, one configured", str("********"), str("246810"), str("246810"), true},
		{"null read, one configured", nil, str("246810"), str("246810"), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			server := &User{ID: "9ace0000-0000-4000-8000-000000000042", DisplayName: str("Grace"), Pin: c.read}
			var plan, config userResourceModel
			plan.DisplayName, config.DisplayName = types.StringValue("Grace"), types.StringValue("Grace")
			body := expandUser(&plan, &config, server, secrets{pin: c.configured})
			if deref(body.Pin) != deref(c.wantSent) || (body.Pin == nil) != (c.wantSent == nil) {
				t.Errorf("PUT carries Pin %v (set %v), want %v (set %v)", deref(body.Pin), body.Pin != nil, deref(c.wantSent), c.wantSent != nil)
			}
			if got := putNeeded(body, server); got != c.wantPut {
				t.Errorf("putNeeded = %v, want %v", got, c.wantPut)
			}
		})
	}
}
