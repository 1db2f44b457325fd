package providerdata

import (
	"net"
	"net/url"
)

// InsecureURLWarning explains the risk of a plain-HTTP base URL. Credentials
// then cross the network in clear text; on-premises installs sometimes have no
// TLS, so this is a warning, not an error. Loopback hosts (the sandbox, an SSH
// tunnel) never leave the machine and get no warning.
func InsecureURLWarning(u *url.URL) string {
	if u.Scheme != "http" {
		return ""
	}
	host := u.Hostname()
	if host == "localhost" {
		return ""
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return ""
	}
	return "The base URL " + u.Scheme + "://" + u.Host + " uses plain http://, so credentials and user data travel unencrypted. Use https:// unless this is an on-premises server on a trusted network."
}
