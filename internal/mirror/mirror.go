// Package mirror installs the provider binary into a Terraform filesystem
// mirror and writes the CLI configuration that installs it from there. It is
// the one installer behind `make demo`, `make install` (into the CLIs'
// implicit local mirror, ~/.terraform.d/plugins), the examples check, the
// real-CLI acceptance tests and the benchmarks, so the version and the
// directory layout the CLIs look for are written down only here.
package mirror

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// Version is the version the provider is installed under. Configurations
// that pin the provider pin this version.
const Version = "0.1.0"

// Namespace and Type are the provider's registry address, saas-users/saas.
const (
	Namespace = "saas-users"
	Type      = "saas"
)

// Hosts are the registry hosts the provider is installed under. A
// configuration that writes the explicit registry.terraform.io source finds
// it under either CLI; one that writes "saas-users/saas", as the examples do,
// means registry.terraform.io to Terraform and registry.opentofu.org to
// OpenTofu.
var Hosts = []string{"registry.terraform.io", "registry.opentofu.org"}

// Platform is the os_arch directory the provider is installed under: the
// platform this program was built for, which is the one the CLIs running
// beside it ask for.
func Platform() string { return runtime.GOOS + "_" + runtime.GOARCH }

// Sources are the provider's full source addresses, one per host.
func Sources() []string {
	sources := make([]string, len(Hosts))
	for i, host := range Hosts {
		sources[i] = host + "/" + Namespace + "/" + Type
	}
	return sources
}

// BinaryPath is where the provider of one host and platform lives in the
// mirror at dir: the unpacked layout
// HOST/NAMESPACE/TYPE/VERSION/OS_ARCH/terraform-provider-TYPE_vVERSION.
func BinaryPath(dir, host, platform string) string {
	return filepath.Join(dir, host, Namespace, Type, Version, platform, "terraform-provider-"+Type+"_v"+Version)
}

// Installation is what Install placed.
type Installation struct {
	// Dir is the mirror's root, absolute, as a CLI configuration names it.
	Dir      string
	Version  string
	Platform string
	// Binaries are the installed provider files, one per host in Hosts'
	// order.
	Binaries []string
}

// Install copies the provider binary into the filesystem mirror at dir
// (created if missing) under every host in Hosts, for this platform.
// Binaries already there are replaced by a rename, so a CLI running the old
// one keeps its file and never sees a half-written one.
func Install(provider, dir string) (Installation, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return Installation{}, err
	}
	in := Installation{Dir: dir, Version: Version, Platform: Platform()}
	for i, host := range Hosts {
		dst := BinaryPath(dir, host, in.Platform)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return Installation{}, err
		}
		// The second host's file is a hard link to the first one's where
		// the filesystem allows it: the binary is tens of megabytes.
		if i == 0 || replaceWithLink(in.Binaries[0], dst) != nil {
			if err := replaceWithCopy(provider, dst); err != nil {
				return Installation{}, fmt.Errorf("installing %s under %s: %w", provider, host, err)
			}
		}
		in.Binaries = append(in.Binaries, dst)
	}
	return in, nil
}

// replaceWithCopy writes a copy of src, executable, beside dst and renames it
// over dst.
func replaceWithCopy(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer func() { _ = in.Close() }()
	if fi, err := in.Stat(); err != nil {
		return err
	} else if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", src)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".install-*")
	if err != nil {
		return err
	}
	_, err = io.Copy(tmp, in)
	err = errors.Join(err, tmp.Chmod(0o755), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), dst)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}

// replaceWithLink hard-links src beside dst and renames the link over dst.
func replaceWithLink(src, dst string) error {
	tmp := filepath.Join(filepath.Dir(dst), ".install-link-"+filepath.Base(dst))
	_ = os.Remove(tmp)
	if err := os.Link(src, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return nil
}

// CLIConfig is a CLI configuration that installs the provider from the
// filesystem mirror at dir, under every host, and every other provider from
// its registry as usual.
func CLIConfig(dir string) string {
	quoted := make([]string, len(Hosts))
	for i, source := range Sources() {
		quoted[i] = fmt.Sprintf("%q", source)
	}
	list := strings.Join(quoted, ", ")
	return fmt.Sprintf(`provider_installation {
  filesystem_mirror {
    path    = %q
    include = [%s]
  }
  direct {
    exclude = [%s]
  }
}
`, dir, list, list)
}

// WriteCLIConfig writes CLIConfig(dir) to path, creating its directory.
func WriteCLIConfig(path, dir string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(CLIConfig(dir)), 0o644)
}
