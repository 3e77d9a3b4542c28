//go:build package

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// The installers these tests check are made by the Makefile (make
// test-installers makes them and runs the tests; make test-package runs
// that too):
//
//	make package-deb package-msi package-msi-previous
//	go test -count=1 -tags package,wine -run TestInstaller -v .
//
// $RAPPORT_DEB, $RAPPORT_MSI and $RAPPORT_MSI_PREVIOUS name them; without,
// they are looked for in dist/ under the Makefile's names.

// installerLintianAccepted are the lintian warnings the package may have,
// each with why (the README's Packages section lists them too). Any
// other warning fails the test, so that a new one is read and either
// fixed or added here with its reason. Errors always fail.
var installerLintianAccepted = map[string]string{
	// fyne package builds a position-dependent executable: Go's default
	// on linux/amd64. -buildmode=pie would need the release build made
	// differently from the tarball's and the .exe's; Go code is memory-safe
	// (bounds-checked), which is what PIE's address randomisation guards.
	"hardening-no-pie": "Go's default build mode, used by fyne package",
}

// TestInstallerDeb checks the Debian package: its control fields and
// dependencies (computed by dpkg-shlibdeps), its files, lintian with
// nothing at error level and no warning but the accepted ones, the
// AppStream metadata and desktop entry validated as a software centre
// reads them, the manual page, and the binary it installs.
func TestInstallerDeb(t *testing.T) {
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	arch := strings.TrimSpace(installerOutput(t, "dpkg", "--print-architecture"))
	deb := packageArtifact(t, "RAPPORT_DEB", fmt.Sprintf("rapport_%s_%s.deb", meta.Version, arch), "make package-deb")
	if fi, err := os.Stat(deb); err == nil {
		t.Logf("%s: %d bytes (%.1f MB)", deb, fi.Size(), float64(fi.Size())/1e6)
	}

	control := installerControl(installerOutput(t, "dpkg-deb", "--field", deb))
	for key, want := range map[string]string{"Package": "rapport", "Version": meta.Version, "Architecture": arch} {
		if control[key] != want {
			t.Errorf("%s: %q, want %q", key, control[key], want)
		}
	}
	depends := strings.Split(control["Depends"], ", ")
	t.Logf("Depends: %s", control["Depends"])
	for _, lib := range []string{"libc6", "libgl1", "libx11-6"} {
		if !slices.ContainsFunc(depends, func(d string) bool { return strings.HasPrefix(d, lib+" ") || d == lib }) {
			t.Errorf("Depends has no %s: %q (dpkg-shlibdeps should find it from the binary)", lib, control["Depends"])
		}
	}

	root := t.TempDir()
	installerOutput(t, "dpkg-deb", "--extract", deb, root)
	desktop := "usr/share/applications/" + meta.ID + ".desktop"
	metainfo := "usr/share/metainfo/" + meta.ID + ".metainfo.xml"
	want := []string{"usr/bin/rapport", desktop, metainfo, "usr/share/man/man1/rapport.1.gz",
		"usr/share/doc/rapport/copyright", "usr/share/doc/rapport/changelog.gz"}
	for _, size := range []int{16, 24, 32, 48, 64, 128, 256, 512} {
		want = append(want, fmt.Sprintf("usr/share/icons/hicolor/%dx%d/apps/%s.png", size, size, meta.ID))
	}
	for _, f := range want {
		if _, err := os.Stat(filepath.Join(root, f)); err != nil {
			t.Errorf("the package has no /%s", f)
		}
	}
	t.Logf("files:\n%s", installerOutput(t, "dpkg-deb", "--contents", deb))

	t.Run("lintian", func(t *testing.T) { installerLintian(t, deb) })
	t.Run("appstream", func(t *testing.T) {
		out, err := exec.Command("appstreamcli", "validate", "--no-net", "--pedantic", filepath.Join(root, metainfo)).CombinedOutput()
		t.Logf("appstreamcli validate --no-net --pedantic:\n%s", out)
		if err != nil || installerIssues(string(out)) != "" {
			t.Errorf("appstreamcli validate: %v: %s", err, installerIssues(string(out)))
		}
		// validate-tree reads the installed tree as a software centre
		// does: the metainfo with its desktop entry and icons.
		out, err = exec.Command("appstreamcli", "validate-tree", "--no-net", root).CombinedOutput()
		t.Logf("appstreamcli validate-tree --no-net:\n%s", out)
		if err != nil || installerIssues(string(out)) != "" {
			t.Errorf("appstreamcli validate-tree: %v: %s", err, installerIssues(string(out)))
		}
	})
	t.Run("desktop entry", func(t *testing.T) {
		entry := packageDesktopEntry(t, filepath.Join(root, desktop))
		if entry["Exec"] == "" || strings.Fields(entry["Exec"])[0] != "rapport" || entry["Icon"] != meta.ID || entry["StartupWMClass"] != meta.ID {
			t.Errorf("Exec %q, Icon %q, StartupWMClass %q: want rapport, %s, %s", entry["Exec"], entry["Icon"], entry["StartupWMClass"], meta.ID, meta.ID)
		}
		if out, err := exec.Command("desktop-file-validate", filepath.Join(root, desktop)).CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
			t.Errorf("desktop-file-validate: %v\n%s", err, out)
		}
	})
	t.Run("icons", func(t *testing.T) { installerIcons(t, root, meta.ID) })
	t.Run("manual page", func(t *testing.T) { installerManPage(t, root) })
	t.Run("binary", func(t *testing.T) {
		bin := filepath.Join(root, "usr", "bin", "rapport")
		packageCheckRelease(t, bin)
		out, err := packageRun(time.Minute, packageNoDisplay(t.TempDir()), "", bin, "--version")
		if got, want := strings.TrimSpace(string(out)), fmt.Sprintf("%s %s (build %d)", meta.Name, meta.Version, meta.Build); err != nil || got != want {
			t.Errorf("rapport --version: %v: %q, want %q", err, got, want)
		}
	})
	t.Run("apt can install it", func(t *testing.T) {
		// A dry run: apt resolves Depends against this system's archive
		// and installs nothing.
		out, err := exec.Command("apt-get", "install", "--simulate", "--no-install-recommends", deb).CombinedOutput()
		if err != nil || !bytes.Contains(out, []byte("Inst rapport")) {
			t.Errorf("apt-get install --simulate %s: %v\n%s", deb, err, out)
		}
	})
}

// installerLintian runs lintian on the package: no error, and no warning
// but installerLintianAccepted's; the info tags are logged.
func installerLintian(t *testing.T, deb string) {
	t.Helper()
	cmd := exec.Command("lintian", "--fail-on", "error", "--display-info", "--tag-display-limit", "0", deb)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
	out, err := cmd.CombinedOutput()
	t.Logf("lintian --fail-on error --display-info:\n%s", out)
	if err != nil {
		t.Errorf("lintian --fail-on error: %v", err)
	}
	tag := regexp.MustCompile(`^([EWIXPO]): rapport(?: \S+)?: (\S+)`)
	for _, line := range strings.Split(string(out), "\n") {
		m := tag.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		switch _, ok := installerLintianAccepted[m[2]]; {
		case m[1] == "E":
			t.Errorf("lintian error: %s", line)
		case m[1] == "W" && !ok:
			t.Errorf("lintian warning not accepted in installerLintianAccepted: %s", line)
		}
	}
}

// installerIssues is the error and warning lines of appstreamcli's
// output, empty when there are none.
func installerIssues(out string) string {
	var issues []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "E: ") || strings.HasPrefix(line, "W: ") {
			issues = append(issues, line)
		}
	}
	return strings.Join(issues, "\n")
}

// installerIcons checks that each hicolor icon is a PNG of its folder's size.
func installerIcons(t *testing.T, root, id string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(root, "usr/share/icons/hicolor/*/apps", id+".png"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no icons: %v", err)
	}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if got, want := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height), filepath.Base(filepath.Dir(filepath.Dir(p))); got != want {
			t.Errorf("%s is %s, want %s", p, got, want)
		}
	}
}

// installerManPage checks the installed manual page: man formats it
// without a warning, and every command of rapport help is in it.
func installerManPage(t *testing.T, root string) {
	t.Helper()
	page := filepath.Join(root, "usr/share/man/man1/rapport.1.gz")
	cmd := exec.Command("man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", page)
	cmd.Env = append(os.Environ(), "MANWIDTH=80", "LANG=C.UTF-8")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	text, err := cmd.Output()
	if err != nil || strings.TrimSpace(stderr.String()) != "" {
		t.Errorf("man --warnings %s: %v\n%s", page, err, stderr.String())
	}
	f, err := os.Open(page)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	roff, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range helpCommands {
		if !strings.Contains(string(roff), manCommand(c.Synopsis)) {
			t.Errorf("the installed page lacks %q", c.Synopsis)
		}
	}
	plain := regexp.MustCompile(`.\x08`).ReplaceAll(text, nil) // man's bold and underline
	if !bytes.Contains(plain, []byte("rapport - "+helpSummary)) {
		t.Errorf("man shows no NAME line %q:\n%s", "rapport - "+helpSummary, plain)
	}
}

// installerOutput runs a command and returns its output, failing the
// test when it fails.
func installerOutput(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out, stderr)
	}
	return string(out)
}

// installerControl parses control fields ("Key: value", continued on
// lines that start with a space).
func installerControl(s string) map[string]string {
	fields := map[string]string{}
	var last string
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, " ") && last != "" {
			fields[last] += "\n" + line
			continue
		}
		if k, v, ok := strings.Cut(line, ":"); ok {
			last = k
			fields[k] = strings.TrimSpace(v)
		}
	}
	return fields
}
