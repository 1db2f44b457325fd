package providerdata

import (
	"net"
	"net/url"
)

// AllowInsecureHTTPAttribute is the attribute every vendor block gets that
// lets a base URL use plain http:// to a host that is not loopback.
const AllowInsecureHTTPAttribute = "allow_insecure_http"

// insecureRemote reports whether u sends credentials in clear text over a
// network: plain http:// to a host that is not a loopback address. Loopback
// hosts (the sandbox, an SSH tunnel) never leave the machine.
func insecureRemote(u *url.URL) bool {
	if u.Scheme != "http" {
		return false
	}
	host := u.Hostname()
	if host == "localhost" {
		return false
	}
	ip := net.ParseIP(host)
	return ip == nil || !ip.IsLoopback()
}
