package quickhelp_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
)

const (
	msgMissingSub = "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API."
	msgInvalidSub = "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."
	msgDenied     = "Authorization has been denied for this request."
)

func TestKeys(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	tests := []struct {
		name       string
		path       string
		hdr        headers
		wantStatus int
		// wantGateway is APIM's {"statusCode","message"}; otherwise the
		// backend's {"message"}.
		wantGateway bool
		wantMessage string
	}{
		{"both keys", "/User/List", nil, http.StatusOK, false, ""},
		{"no subscription key", "/User/List", headers{"Ocp-Apim-Subscription-Key": nil}, http.StatusUnauthorized, true, msgMissingSub},
		{"empty subscription key", "/User/List", headers{"Ocp-Apim-Subscription-Key": str("")}, http.StatusUnauthorized, true, msgMissingSub},
		{"wrong subscription key", "/User/List", headers{"Ocp-Apim-Subscription-Key": str("nope")}, http.StatusUnauthorized, true, msgInvalidSub},
		{"API key as subscription key", "/User/List", headers{"Ocp-Apim-Subscription-Key": str(quickhelp.DefaultAPIKey)}, http.StatusUnauthorized, true, msgInvalidSub},
		{"gateway before backend", "/User/List", headers{"Ocp-Apim-Subscription-Key": nil, "Authorization": nil}, http.StatusUnauthorized, true, msgMissingSub},
		{"no API key", "/User/List", headers{"Authorization": nil}, http.StatusUnauthorized, false, msgDenied},
		{"wrong API key", "/User/List", headers{"Authorization": str("nope")}, http.StatusUnauthorized, false, msgDenied},
		{"bearer prefix", "/User/List", headers{"Authorization": str("Bearer " + quickhelp.DefaultAPIKey)}, http.StatusUnauthorized, false, msgDenied},
		{"subscription key as API key", "/User/List", headers{"Authorization": str(quickhelp.DefaultSubscriptionKey)}, http.StatusUnauthorized, false, msgDenied},
		{"subscription key in query is off", "/User/List?Ocp-Apim-Subscription-Key=" + quickhelp.DefaultSubscriptionKey, headers{"Ocp-Apim-Subscription-Key": nil}, http.StatusUnauthorized, true, msgMissingSub},
		{"unknown path", "/User/Create", nil, http.StatusNotFound, true, "Resource not found"},
		{"wrong method", "/User/Update", nil, http.StatusNotFound, true, "Resource not found"},
		{"unknown path needs a key too", "/nowhere", headers{"Ocp-Apim-Subscription-Key": nil}, http.StatusUnauthorized, true, msgMissingSub},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := env.do(t, "GET", tt.path, "", tt.hdr)
			if r.status != tt.wantStatus {
				t.Fatalf("status %d, want %d: %s", r.status, tt.wantStatus, r.body)
			}
			if tt.wantMessage == "" {
				return
			}
			body := r.json(t)
			if body["message"] != tt.wantMessage {
				t.Errorf("message %q, want %q", body["message"], tt.wantMessage)
			}
			_, hasCode := body["statusCode"]
			if hasCode != tt.wantGateway {
				t.Errorf("statusCode present %v, want %v: %s", hasCode, tt.wantGateway, r.body)
			}
			if code, _ := body["statusCode"].(float64); tt.wantGateway && int(code) != tt.wantStatus {
				t.Errorf("statusCode %v, want %d", body["statusCode"], tt.wantStatus)
			}
		})
	}
}

func TestKeys_SubscriptionKeyInQuery(t *testing.T) {
	env := newEnv(t, quickhelp.Options{SubscriptionKeyInQuery: true})
	r := env.do(t, "GET", "/User/List?Ocp-Apim-Subscription-Key="+quickhelp.DefaultSubscriptionKey, "", headers{"Ocp-Apim-Subscription-Key": nil})
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	r = env.do(t, "GET", "/User/List?Ocp-Apim-Subscription-Key=nope", "", headers{"Ocp-Apim-Subscription-Key": nil})
	if r.status != http.StatusUnauthorized || r.json(t)["message"] != msgInvalidSub {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
}

func TestRateLimit(t *testing.T) {
	clk := newClock()
	env := newEnv(t, quickhelp.Options{RateLimitCalls: 2, RateLimitPeriodSeconds: 10, Now: clk.Now})
	env.seed(t, `{"keys":[
		{"api_key":"k1","subscription_key":"s1","customer_ids":[1]},
		{"api_key":"k2","subscription_key":"s2","customer_ids":[2]}]}`)
	call := func(sub, api string) reply {
		return env.do(t, "GET", "/User/List", "", headers{"Ocp-Apim-Subscription-Key": str(sub), "Authorization": str(api)})
	}
	steps := []struct {
		advance    time.Duration
		sub, api   string
		wantStatus int
		wantRetry  string
	}{
		{0, "s1", "k1", 200, ""},
		{time.Second, "s1", "k1", 200, ""},
		{time.Second, "s1", "k1", 429, "8"},
		{0, "s2", "k2", 200, ""}, // another subscription has its own window
		{3500 * time.Millisecond, "s1", "k1", 429, "5"},
		{4500 * time.Millisecond, "s1", "k1", 200, ""}, // the window renewed
		{0, "s1", "k1", 200, ""},
		{0, "s1", "k1", 429, "10"},
		{0, "s1", "wrong", 429, "10"}, // the gateway answers before the backend
	}
	for i, s := range steps {
		clk.advance(s.advance)
		r := call(s.sub, s.api)
		if r.status != s.wantStatus {
			t.Fatalf("step %d: status %d, want %d: %s", i, r.status, s.wantStatus, r.body)
		}
		if s.wantStatus != http.StatusTooManyRequests {
			continue
		}
		if got := r.header.Get("Retry-After"); got != s.wantRetry {
			t.Errorf("step %d: Retry-After %q, want %q", i, got, s.wantRetry)
		}
		body := r.json(t)
		want := "Rate limit is exceeded. Try again in " + s.wantRetry + " seconds."
		if body["message"] != want || body["statusCode"] != float64(429) {
			t.Errorf("step %d: body %s, want message %q", i, r.body, want)
		}
	}
}

func TestQuota(t *testing.T) {
	tests := []struct {
		name    string
		period  int
		advance time.Duration
		want    string
	}{
		{"hours", 3600, 0, "01:00:00"},
		{"partly used", 3600, 90*time.Second + 500*time.Millisecond, "00:58:30"},
		{"days", 2*86400 + 3*3600, time.Hour, "2.02:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := newClock()
			env := newEnv(t, quickhelp.Options{QuotaCalls: 2, QuotaPeriodSeconds: tt.period, Now: clk.Now})
			for i := range 2 {
				if r := env.do(t, "GET", "/User/List", "", nil); r.status != http.StatusOK {
					t.Fatalf("call %d: status %d", i, r.status)
				}
			}
			clk.advance(tt.advance)
			r := env.do(t, "GET", "/User/List", "", nil)
			if r.status != http.StatusForbidden {
				t.Fatalf("status %d, want 403: %s", r.status, r.body)
			}
			want := "Out of call volume quota. Quota will be replenished in " + tt.want + "."
			if body := r.json(t); body["message"] != want || body["statusCode"] != float64(403) {
				t.Errorf("body %s, want message %q", r.body, want)
			}
			clk.advance(time.Duration(tt.period) * time.Second)
			if r := env.do(t, "GET", "/User/List", "", nil); r.status != http.StatusOK {
				t.Errorf("after renewal: status %d", r.status)
			}
		})
	}
}

func TestLimitsOffByDefault(t *testing.T) {
	env := newEnv(t, quickhelp.Options{})
	for i := range 300 {
		if r := env.do(t, "GET", "/User/List", "", nil); r.status != http.StatusOK {
			t.Fatalf("call %d: status %d", i, r.status)
		}
	}
}
