// Command install-mirror installs a built provider binary into a Terraform
// filesystem mirror, under registry.terraform.io and registry.opentofu.org,
// and optionally writes a CLI configuration that installs the provider from
// that mirror and every other provider from its registry:
//
//	go run ./cmd/install-mirror -provider bin/terraform-provider-saas -dir .demo/mirror -cli-config .demo/terraformrc
//
// A CLI's implicit local mirror (~/.terraform.d/plugins) needs no CLI
// configuration: leave -cli-config out. On success it prints what it did as
// key=value lines, easy to read from a shell or a program:
//
//	version=0.1.0
//	platform=linux_amd64
//	mirror=/abs/path/.demo/mirror
//	binary=/abs/path/.demo/mirror/registry.terraform.io/saas-users/saas/0.1.0/linux_amd64/terraform-provider-saas_v0.1.0
//	binary=/abs/path/.demo/mirror/registry.opentofu.org/saas-users/saas/0.1.0/linux_amd64/terraform-provider-saas_v0.1.0
//	cli_config=/abs/path/.demo/terraformrc
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/saas-users/terraform-provider-saas/internal/mirror"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "install-mirror:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("install-mirror", flag.ContinueOnError)
	flags.SetOutput(stderr)
	provider := flags.String("provider", "", "the provider binary to install (required)")
	dir := flags.String("dir", "", "the filesystem mirror's directory, created if missing (required)")
	cliConfig := flags.String("cli-config", "", "where to write a CLI configuration that installs the provider from the mirror (optional)")
	if err := flags.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	if *provider == "" || *dir == "" || flags.NArg() != 0 {
		flags.Usage()
		return errors.New("-provider and -dir are required, and nothing else")
	}
	in, err := mirror.Install(*provider, *dir)
	if err != nil {
		return err
	}
	lines := []string{"version=" + in.Version, "platform=" + in.Platform, "mirror=" + in.Dir}
	for _, b := range in.Binaries {
		lines = append(lines, "binary="+b)
	}
	if *cliConfig != "" {
		path, err := filepath.Abs(*cliConfig)
		if err != nil {
			return err
		}
		if err := mirror.WriteCLIConfig(path, in.Dir); err != nil {
			return err
		}
		lines = append(lines, "cli_config="+path)
	}
	for _, l := range lines {
		if _, err := fmt.Fprintln(stdout, l); err != nil {
			return err
		}
	}
	return nil
}
