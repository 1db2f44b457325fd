package mirror

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
)

// The layout is what Terraform and OpenTofu look for; a file anywhere else
// makes `init` fail with "no available releases match".
func TestInstall_layout(t *testing.T) {
	provider := writeProvider(t, "first build")
	dir := filepath.Join(t.TempDir(), "mirror")

	in, err := Install(provider, dir)
	if err != nil {
		t.Fatal(err)
	}
	plat := runtime.GOOS + "_" + runtime.GOARCH
	want := []string{
		"registry.opentofu.org/saas-users/saas/0.1.0/" + plat + "/terraform-provider-saas_v0.1.0",
		"registry.terraform.io/saas-users/saas/0.1.0/" + plat + "/terraform-provider-saas_v0.1.0",
	}
	if got := filesUnder(t, dir); !slices.Equal(got, want) {
		t.Fatalf("files in the mirror:\n  %q\nwant\n  %q", got, want)
	}
	if in.Dir != dir || in.Version != "0.1.0" || in.Platform != plat {
		t.Errorf("Install reported dir %q version %q platform %q, want %q 0.1.0 %q", in.Dir, in.Version, in.Platform, dir, plat)
	}
	wantBinaries := []string{filepath.Join(dir, filepath.FromSlash(want[1])), filepath.Join(dir, filepath.FromSlash(want[0]))}
	if !slices.Equal(in.Binaries, wantBinaries) {
		t.Errorf("Install reported binaries %q, want %q", in.Binaries, wantBinaries)
	}
	for _, b := range in.Binaries {
		checkBinary(t, b, "first build")
	}
}

// Installing again, as `make install` after a rebuild does, replaces both
// binaries and leaves nothing else behind.
func TestInstall_replaces(t *testing.T) {
	dir := t.TempDir()
	if _, err := Install(writeProvider(t, "first build"), dir); err != nil {
		t.Fatal(err)
	}
	in, err := Install(writeProvider(t, "second build"), dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := filesUnder(t, dir); len(got) != 2 {
		t.Fatalf("after a second install the mirror holds %q, want the two binaries", got)
	}
	for _, b := range in.Binaries {
		checkBinary(t, b, "second build")
	}
}

// A relative directory is made absolute: the CLI configuration's path must
// not depend on the directory the CLI runs in.
func TestInstall_relativeDir(t *testing.T) {
	provider := writeProvider(t, "build")
	t.Chdir(t.TempDir())
	in, err := Install(provider, "mirror")
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(wd, "mirror"); in.Dir != want {
		t.Errorf("Install reported dir %q, want %q", in.Dir, want)
	}
}

func TestInstall_missingProvider(t *testing.T) {
	dir := t.TempDir()
	if _, err := Install(filepath.Join(dir, "terraform-provider-saas"), filepath.Join(dir, "mirror")); err == nil {
		t.Fatal("Install of a missing binary succeeded")
	}
}

func TestCLIConfig(t *testing.T) {
	want := `provider_installation {
  filesystem_mirror {
    path    = "/tmp/a \"quoted\" mirror"
    include = ["registry.terraform.io/saas-users/saas", "registry.opentofu.org/saas-users/saas"]
  }
  direct {
    exclude = ["registry.terraform.io/saas-users/saas", "registry.opentofu.org/saas-users/saas"]
  }
}
`
	if got := CLIConfig(`/tmp/a "quoted" mirror`); got != want {
		t.Errorf("CLIConfig:\n%s\nwant\n%s", got, want)
	}
	path := filepath.Join(t.TempDir(), "cli", "terraformrc")
	if err := WriteCLIConfig(path, `/tmp/a "quoted" mirror`); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != want {
		t.Errorf("WriteCLIConfig wrote %q (%v), want %q", b, err, want)
	}
}

func writeProvider(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "terraform-provider-saas")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func checkBinary(t *testing.T, path, content string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm()&0o111 != 0o111 {
		t.Errorf("%s has mode %v, want it executable", path, fi.Mode())
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != content {
		t.Errorf("%s holds %q (%v), want %q", path, b, err, content)
	}
}

// filesUnder lists every file below dir, slash-separated and sorted.
func filesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		files = append(files, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}
