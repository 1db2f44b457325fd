package questionpro

import "sort"

// DefaultDatacenter is QuestionPro's US datacenter.
const DefaultDatacenter = "US"

// apiPath is the v2 root on every host (questionpro-api.md §1.2).
const apiPath = "/a/api/v2"

// datacenterHosts maps each datacenter code to its API host. The API's own
// "Environment page" is not public; this is the table QuestionPro's mobile CX
// SDKs hard-code (questionpro-api.md §1.2), the best list available. The two
// Saudi hosts do not follow the api.questionpro.{env} pattern.
var datacenterHosts = map[string]string{
	"US":  "api.questionpro.com",
	"EU":  "api.questionpro.eu",
	"CA":  "api.questionpro.ca",
	"SG":  "api.questionpro.sg",
	"AU":  "api.questionpro.au",
	"AE":  "api.questionpro.ae",
	"SA":  "api.surveyanalytics.com",
	"KSA": "api.questionprosa.com",
}

// DatacenterBaseURL is the API root of a datacenter, or "" for an unknown
// code.
func DatacenterBaseURL(code string) string {
	host, ok := datacenterHosts[code]
	if !ok {
		return ""
	}
	return "https://" + host + apiPath
}

// Datacenters lists the known codes, sorted.
func Datacenters() []string {
	out := make([]string, 0, len(datacenterHosts))
	for k := range datacenterHosts {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// datacenterBaseURLs maps every datacenter code to its API root, for the
// provider's base URL rule.
func datacenterBaseURLs() map[string]string {
	out := make(map[string]string, len(datacenterHosts))
	for code := range datacenterHosts {
		out[code] = DatacenterBaseURL(code)
	}
	return out
}
