// Command saas-sandbox runs the emulators of the vendors' user APIs on one
// loopback port, so a Terraform configuration using the saas provider can be
// tried offline and a module's tests can run in CI without vendor accounts.
//
//	saas-sandbox [-listen 127.0.0.1:8080] [-seed seed.json] [-url-file path]
//	             [-vendors qacomplete,...] [-allow-remote]
//
// It prints a provider block and environment variables that point the
// provider at each emulator, and serves an admin API under /_sandbox/
// (request log, counters, fault injection, state, seeding).
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
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/qacomplete"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/questionpro"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/quickhelp"
	"github.com/saas-users/terraform-provider-saas/internal/sandbox/twosms"
)

// emulators builds every emulator compiled in. A new vendor is one line here.
var emulators = []func() sandbox.Emulator{
	func() sandbox.Emulator { return qacomplete.New(qacomplete.Options{}) },
	func() sandbox.Emulator { return questionpro.New(questionpro.Options{}) },
	func() sandbox.Emulator { return quickhelp.New(quickhelp.Options{}) },
	func() sandbox.Emulator { return twosms.New(twosms.Options{}) },
}

// shutdownGrace bounds how long requests in flight may finish on exit.
const shutdownGrace = 5 * time.Second

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
	vendorList := fs.String("vendors", "", "comma-separated vendors to serve (default: all compiled in: "+strings.Join(allNames(), ",")+")")
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
	selected, err := selectEmulators(*vendorList)
	if err != nil {
		return err
	}

	srv := sandbox.NewServer(selected...)
	if *seed != "" {
		if err := srv.SeedFile(*seed); err != nil {
			return err
		}
	}
	if err := srv.Start(*listen); err != nil {
		return err
	}
	if *urlFile != "" {
		if err := writeFileAtomic(*urlFile, srv.URL()+"\n"); err != nil {
			_ = srv.Close()
			return fmt.Errorf("-url-file: %w", err)
		}
		defer func() { _ = os.Remove(*urlFile) }()
	}
	printBanner(stdout, srv)

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

func allNames() []string {
	var names []string
	for _, build := range emulators {
		names = append(names, build().Name())
	}
	return names
}

// selectEmulators builds the emulators named in a comma list, or all.
func selectEmulators(list string) ([]sandbox.Emulator, error) {
	all := map[string]sandbox.Emulator{}
	var order []string
	for _, build := range emulators {
		e := build()
		all[e.Name()] = e
		order = append(order, e.Name())
	}
	if strings.TrimSpace(list) == "" {
		out := make([]sandbox.Emulator, 0, len(order))
		for _, n := range order {
			out = append(out, all[n])
		}
		return out, nil
	}
	var out []sandbox.Emulator
	var seen []string
	for _, n := range strings.Split(list, ",") {
		n = strings.TrimSpace(n)
		if n == "" || slices.Contains(seen, n) {
			continue
		}
		e, ok := all[n]
		if !ok {
			return nil, fmt.Errorf("-vendors: unknown vendor %q (compiled in: %s)", n, strings.Join(order, ", "))
		}
		seen = append(seen, n)
		out = append(out, e)
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
// polling for it never reads half a URL.
func writeFileAtomic(path, content string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".saas-sandbox-url-*")
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

// printBanner shows the root URL and, for every vendor, how to point the
// provider at it: one provider block to paste, and the same settings as
// environment variables. Sensitive values go only in the environment form;
// they are the sandbox's public, sandbox-only credentials.
func printBanner(w io.Writer, srv *sandbox.Server) {
	var b strings.Builder
	fmt.Fprintf(&b, "saas-sandbox listening on %s\n", srv.URL())
	fmt.Fprintf(&b, "admin API: %s%s{requests,stats,faults,state,seed}\n\n", srv.URL(), sandbox.AdminPrefix)

	var env []string
	b.WriteString("provider \"saas\" {\n")
	for _, name := range srv.Vendors() {
		base := srv.BaseURL(name)
		fmt.Fprintf(&b, "  %s {\n", name)
		fmt.Fprintf(&b, "    base_url = %s\n", hclString(base))
		d, ok := srv.Emulator(name).(sandbox.Describer)
		if ok {
			env = append(env, exportLine(d.BaseURLEnv(), base))
			for _, s := range d.ProviderSettings() {
				if s.Sensitive {
					fmt.Fprintf(&b, "    # %s: from %s below\n", s.Attribute, s.EnvVar)
				} else {
					fmt.Fprintf(&b, "    %s = %s\n", s.Attribute, hclString(s.Value))
				}
				env = append(env, exportLine(s.EnvVar, s.Value))
			}
		}
		b.WriteString("  }\n")
	}
	b.WriteString("}\n")
	if len(env) > 0 {
		b.WriteString("\n# the same through the environment (sandbox-only credentials):\n")
		b.WriteString(strings.Join(env, "\n"))
		b.WriteString("\n")
	}
	_, _ = io.WriteString(w, b.String())
}

// hclString quotes a value for an HCL string literal, escaping template
// sequences so a value is never interpolated.
func hclString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "${", "$${", "%{", "%%{")
	return `"` + r.Replace(s) + `"`
}

// exportLine is a POSIX shell assignment with the value single-quoted.
func exportLine(name, value string) string {
	return "export " + name + "='" + strings.ReplaceAll(value, "'", `'\''`) + "'"
}
