// Command saas-sandbox runs the emulators of the vendors' user APIs on one
// loopback port, so a Terraform configuration using the saas provider can be
// tried offline and a module's tests can run in CI without vendor accounts.
//
//	saas-sandbox [-listen 127.0.0.1:8080] [-seed seed.json] [-url-file path]
//	             [-token-file path] [-admin-token token] [-admin-hosts name,...]
//	             [-request-log-limit 1000] [-vendors qacomplete,...] [-allow-remote]
//
// It prints one provider block and one set of environment variables that
// point the provider at every emulator it serves, credentials included, and
// serves an admin API under /_sandbox/ (request log, counters, fault
// injection, state, seeding). The admin API answers only requests addressed
// to a loopback host and carrying the run's token, random unless given with
// -admin-token or SAAS_SANDBOX_ADMIN_TOKEN; the banner prints it and
// -token-file writes it for scripts.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/saas-users/terraform-provider-saas/internal/sandbox"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/emulators"
)

// shutdownGrace bounds how long requests in flight may finish on exit.
const shutdownGrace = 5 * time.Second

// adminTokenEnv fixes the admin token without putting it on the command line,
// where other local users could read it.
const adminTokenEnv = "SAAS_SANDBOX_ADMIN_TOKEN"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case err != nil:
		fmt.Fprintln(os.Stderr, "saas-sandbox:", err)
		os.Exit(1)
	}
}

// run serves until ctx ends, then shuts down cleanly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("saas-sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:8080", "address to listen on; 127.0.0.1:0 picks a free port")
	seed := fs.String("seed", "", "JSON seed file keyed by vendor (optional)")
	urlFile := fs.String("url-file", "", "write the server root URL to this file once listening, and remove it on exit")
	tokenFile := fs.String("token-file", "", "write the admin API token to this file (mode 0600) before the -url-file, and remove it on exit")
	adminToken := fs.String("admin-token", "", fmt.Sprintf("the admin API token, at least %d printable characters (default: $%s, else random for each run; the variable keeps it off the command line, which other local users can read)", sandbox.MinAdminTokenLength, adminTokenEnv))
	adminHosts := fs.String("admin-hosts", "", "comma-separated host names the admin API answers to besides loopback ones (127.0.0.0/8, [::1], localhost), for a sandbox reached by name with -allow-remote")
	logLimit := fs.Int("request-log-limit", sandbox.DefaultRequestLogLimit, fmt.Sprintf("requests the request log keeps, the oldest dropped first; each keeps %d KiB of its body, and the per-route counters count every request", sandbox.LoggedBodyBytes>>10))
	vendorList := fs.String("vendors", "", "comma-separated vendors to serve (default: all compiled in: "+strings.Join(emulators.Vendors(), ",")+")")
	allowRemote := fs.Bool("allow-remote", false, "allow a non-loopback -listen address (the sandbox's passwords are public)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}

	host, _, err := net.SplitHostPort(*listen)
	if err != nil {
		return fmt.Errorf("-listen %q: %w", *listen, err)
	}
	if !*allowRemote && !isLoopback(host) {
		return fmt.Errorf("refusing to listen on %q: not a loopback address. The sandbox's credentials are public; pass -allow-remote to expose it anyway", *listen)
	}
	selected, err := selectVendors(*vendorList)
	if err != nil {
		return err
	}
	if *logLimit < 1 {
		return fmt.Errorf("-request-log-limit %d: the log keeps at least one request", *logLimit)
	}

	built := make([]sandbox.Emulator, len(selected))
	for i, d := range selected {
		built[i] = d.New()
	}
	srv := sandbox.NewServer(built...)
	tokenFrom, err := setAdminToken(srv, *adminToken)
	if err != nil {
		return err
	}
	srv.AllowAdminHosts(strings.Split(*adminHosts, ",")...)
	srv.SetRequestLogLimit(*logLimit)
	if *seed != "" {
		if err := srv.SeedFile(*seed); err != nil {
			return err
		}
	}
	if err := srv.Start(*listen); err != nil {
		return err
	}
	// The token file comes first, so a script that waits for the URL file
	// finds the token beside it.
	for _, f := range []struct{ flag, path, content string }{
		{"-token-file", *tokenFile, srv.AdminToken() + "\n"},
		{"-url-file", *urlFile, srv.URL() + "\n"},
	} {
		if f.path == "" {
			continue
		}
		if err := writeFileAtomic(f.path, f.content); err != nil {
			_ = srv.Close()
			return fmt.Errorf("%s: %w", f.flag, err)
		}
		defer func() { _ = os.Remove(f.path) }()
	}
	printBanner(stdout, srv, selected, *seed != "", tokenFrom)

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// setAdminToken applies the token given by flag, else by environment, and
// says where the server's token came from ("" for a random one).
func setAdminToken(srv *sandbox.Server, flagValue string) (string, error) {
	token, from := flagValue, "-admin-token"
	if token == "" {
		token, from = os.Getenv(adminTokenEnv), adminTokenEnv
	}
	if token == "" {
		return "", nil
	}
	if err := srv.SetAdminToken(token); err != nil {
		return "", fmt.Errorf("%s: %w", from, err)
	}
	return from, nil
}

// selectVendors picks the descriptors named in a comma list, in the list's
// order, or all of them.
func selectVendors(list string) ([]sandbox.Descriptor, error) {
	if strings.TrimSpace(list) == "" {
		return emulators.All(), nil
	}
	var out []sandbox.Descriptor
	var seen []string
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" || slices.Contains(seen, n) {
			continue
		}
		d, ok := emulators.Lookup(n)
		if !ok {
			return nil, fmt.Errorf("-vendors: unknown vendor %q (compiled in: %s)", n, strings.Join(emulators.Vendors(), ", "))
		}
		seen = append(seen, n)
		out = append(out, d)
	}
	if len(out) == 0 {
		return nil, errors.New("-vendors names no vendor")
	}
	return out, nil
}

// isLoopback accepts "localhost" and loopback IPs; an empty host means every
// interface and is not loopback.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// writeFileAtomic makes the file appear complete or not at all, so a script
// polling for it never reads half a URL or token. The file is readable by its
// owner only (os.CreateTemp's mode), which the token needs.
func writeFileAtomic(path, content string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".saas-sandbox-*")
	if err != nil {
		return err
	}
	if _, err := tmp.WriteString(content); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
