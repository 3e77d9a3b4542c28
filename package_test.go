//go:build package

package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"debug/buildinfo"
	"debug/elf"
	"debug/pe"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// The packages these tests check are made by the Makefile (make
// test-package makes both and runs them):
//
//	make package package-windows
//	go test -count=1 -tags package -run TestPackage -v .
//
// $RAPPORT_LINUX_PKG and $RAPPORT_WINDOWS_EXE name them; without, they are
// looked for in dist/ under the names the Makefile gives them.

// packageSystemPython is Debian's Python, which has python3-pefile; the
// python3 first on PATH may be another one without it.
const packageSystemPython = "/usr/bin/python3"

// packageLinuxPath is the Linux tarball under test.
func packageLinuxPath(t *testing.T) string {
	t.Helper()
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	return packageArtifact(t, "RAPPORT_LINUX_PKG",
		fmt.Sprintf("rapport-%s-linux-%s.tar.xz", meta.Version, runtime.GOARCH), "make package")
}

// packageWindowsPath is the Windows .exe under test.
func packageWindowsPath(t *testing.T) string {
	t.Helper()
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	return packageArtifact(t, "RAPPORT_WINDOWS_EXE",
		fmt.Sprintf("rapport-%s-windows-amd64.exe", meta.Version), "make package-windows")
}

// packageArtifact is the file $env names, else dist/name; the test fails
// when it is missing, saying which target makes it.
func packageArtifact(t *testing.T, env, name, target string) string {
	t.Helper()
	path := os.Getenv(env)
	if path == "" {
		path = filepath.Join("dist", name)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("%v: run %s first (make test-package does)", err, target)
	}
	return path
}

// TestPackageLinux unpacks the Linux tarball and checks what it holds: a
// stripped release binary that runs, the icon, a desktop entry the menus
// accept, and the Makefile whose user-install puts them in ~/.local.
func TestPackageLinux(t *testing.T) {
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	tarball := packageLinuxPath(t)
	info, err := os.Stat(tarball)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes", tarball, info.Size())

	root := t.TempDir()
	files := packageUntar(t, tarball, root)
	t.Logf("the tarball holds %s", strings.Join(files, ", "))

	// fyne's layout: rapport/usr/local/... on a system with /usr/local,
	// else rapport/usr/...; the Makefile beside usr knows which.
	var prefix string
	for _, f := range files {
		if dir, ok := strings.CutSuffix(f, "/bin/rapport"); ok {
			prefix = dir
		}
	}
	if prefix == "" {
		t.Fatalf("no bin/rapport in the tarball")
	}
	top, _, _ := strings.Cut(prefix, "/")
	bin := filepath.Join(root, prefix, "bin", "rapport")
	desktopRel := prefix + "/share/applications/" + meta.ID + ".desktop"
	iconRel := prefix + "/share/pixmaps/" + meta.ID + ".png"
	for _, want := range []string{top + "/Makefile", desktopRel, iconRel} {
		if !slices.Contains(files, want) {
			t.Errorf("the tarball has no %s", want)
		}
	}

	t.Run("desktop entry", func(t *testing.T) {
		path := filepath.Join(root, desktopRel)
		entry := packageDesktopEntry(t, path)
		for key, want := range map[string]string{
			"Type":           "Application",
			"Name":           meta.Name,
			"StartupWMClass": meta.ID,
			"Icon":           meta.ID,
		} {
			if got := entry[key]; got != want {
				t.Errorf("%s = %q, want %q", key, got, want)
			}
		}
		if entry["Comment"] == "" {
			t.Error("no Comment")
		}
		if cats := strings.Split(entry["Categories"], ";"); !slices.Contains(cats, "Office") {
			t.Errorf("Categories = %q, want Office among them", entry["Categories"])
		}
		if exec := strings.Fields(entry["Exec"]); len(exec) == 0 || exec[0] != "rapport" {
			t.Errorf("Exec = %q, want the binary in bin/, rapport", entry["Exec"])
		}
		validate, err := exec.LookPath("desktop-file-validate")
		if err != nil {
			t.Fatalf("desktop-file-validate (desktop-file-utils) is needed: %v", err)
		}
		if out, err := exec.Command(validate, path).CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
			t.Errorf("desktop-file-validate: %v\n%s", err, out)
		}
	})

	t.Run("icon", func(t *testing.T) {
		f, err := os.Open(filepath.Join(root, iconRel))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cfg, err := png.DecodeConfig(f)
		if err != nil {
			t.Fatalf("the icon is not a PNG: %v", err)
		}
		if cfg.Width != cfg.Height || cfg.Width < 256 {
			t.Errorf("the icon is %dx%d, want a square of at least 256", cfg.Width, cfg.Height)
		}
	})

	t.Run("binary", func(t *testing.T) {
		f, err := elf.Open(bin)
		if err != nil {
			t.Fatalf("the binary is not ELF: %v", err)
		}
		defer f.Close()
		if want := packageELFMachine[runtime.GOARCH]; want != elf.EM_NONE && f.Machine != want {
			t.Errorf("machine = %v, want %v", f.Machine, want)
		}
		for _, s := range f.Sections {
			if s.Name == ".symtab" || strings.HasPrefix(s.Name, ".debug_") || strings.HasPrefix(s.Name, ".zdebug_") {
				t.Errorf("the binary has a %s section: not stripped (-s -w)", s.Name)
			}
		}
		packageCheckRelease(t, bin)
		fi, err := os.Stat(bin)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode()&0o111 == 0 {
			t.Errorf("the binary is not executable: %v", fi.Mode())
		}
		t.Logf("the binary is %d bytes (%.1f MB)", fi.Size(), float64(fi.Size())/1e6)
	})

	t.Run("runs", func(t *testing.T) {
		env := packageNoDisplay(t.TempDir())
		out, err := packageRun(time.Minute, env, "", bin, "--version")
		if err != nil {
			t.Fatalf("rapport --version: %v\n%s", err, out)
		}
		want := fmt.Sprintf("%s %s (build %d)", meta.Name, meta.Version, meta.Build)
		if got := strings.TrimSpace(string(out)); got != want {
			t.Errorf("rapport --version = %q, want %q", got, want)
		}
		db := filepath.Join(t.TempDir(), "demo.db")
		if out, err := packageRun(time.Minute, env, "", bin, "demo", "--db", db); err != nil || !bytes.Contains(out, []byte("people")) {
			t.Errorf("rapport demo --db %s: %v\n%s", db, err, out)
		}
	})

	t.Run("user-install", func(t *testing.T) {
		// The tarball's own Makefile, as make install-user runs it, into
		// a home of its own.
		home := t.TempDir()
		env := packageNoDisplay(home)
		if out, err := packageRun(time.Minute, env, filepath.Join(root, top), "make", "--no-print-directory", "user-install"); err != nil {
			t.Fatalf("make user-install: %v\n%s", err, out)
		}
		installed := filepath.Join(home, ".local", "bin", "rapport")
		entry := packageDesktopEntry(t, filepath.Join(home, ".local", "share", "applications", meta.ID+".desktop"))
		if exec := strings.Fields(entry["Exec"]); len(exec) == 0 || exec[0] != installed {
			t.Errorf("installed Exec = %q, want %s", entry["Exec"], installed)
		}
		if _, err := os.Stat(filepath.Join(home, ".local", "share", "icons", entry["Icon"]+".png")); err != nil {
			t.Errorf("installed icon: %v", err)
		}
		if out, err := packageRun(time.Minute, env, "", installed, "--version"); err != nil || !strings.HasPrefix(string(out), meta.Name+" "+meta.Version) {
			t.Errorf("%s --version: %v\n%s", installed, err, out)
		}
	})
}

// packageELFMachine is the ELF machine of each GOARCH the test knows.
var packageELFMachine = map[string]elf.Machine{
	"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64, "386": elf.EM_386,
}

// packageCheckRelease checks from the Go build information in bin that
// it is a release build: -trimpath (so that it cannot find the build
// machine's files, such as its zoneinfo, at run time), the release tag,
// with cgo. (With -trimpath Go does not record -ldflags: the callers check
// the stripping in the file itself.)
func packageCheckRelease(t *testing.T, bin string) {
	t.Helper()
	bi, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatalf("reading the Go build information: %v", err)
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if settings["-trimpath"] != "true" {
		t.Errorf("not built with -trimpath: %v", bi.Settings)
	}
	if tags := strings.Split(settings["-tags"], ","); !slices.Contains(tags, "release") {
		t.Errorf("-tags = %q, want release", settings["-tags"])
	}
	if settings["CGO_ENABLED"] != "1" {
		t.Errorf("CGO_ENABLED = %q, want 1", settings["CGO_ENABLED"])
	}
	t.Logf("%s, %s, -tags=%s -trimpath=%s", bi.GoVersion, bi.Main.Path, settings["-tags"], settings["-trimpath"])
}

// TestPackageWindows checks the .exe: a 64-bit GUI program, a stripped
// release build, with the icon, version and manifest resources that
// Explorer shows, read with Debian's python3-pefile.
func TestPackageWindows(t *testing.T) {
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	exe := packageWindowsPath(t)
	fi, err := os.Stat(exe)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes (%.1f MB)", exe, fi.Size(), float64(fi.Size())/1e6)

	f, err := pe.Open(exe)
	if err != nil {
		t.Fatalf("not a PE file: %v", err)
	}
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine = %#x, want AMD64", f.Machine)
	}
	if f.FileHeader.PointerToSymbolTable != 0 || f.FileHeader.NumberOfSymbols != 0 {
		t.Errorf("the .exe has a COFF symbol table: not stripped")
	}
	for _, s := range f.Sections {
		if strings.HasPrefix(s.Name, ".debug_") || strings.HasPrefix(s.Name, ".zdebug_") {
			t.Errorf("the .exe has a %s section: not stripped", s.Name)
		}
	}
	f.Close()
	packageCheckRelease(t, exe)

	if _, err := os.Stat(packageSystemPython); err != nil {
		t.Fatalf("Debian's %s is needed to read the resources: %v", packageSystemPython, err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "wine", "resources.py"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(packageSystemPython, script, exe).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("%s %s: %v\n%s%s\n(python3-pefile is needed: make test-package installs it)", packageSystemPython, script, err, out, stderr)
	}
	var res struct {
		Types     []int             `json:"types"`
		Strings   map[string]string `json:"strings"`
		Subsystem int               `json:"subsystem"`
		Manifest  string            `json:"manifest"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	t.Logf("resource types %v, version strings %v", res.Types, res.Strings)
	for _, want := range []struct {
		id   int
		name string
	}{{3, "RT_ICON"}, {14, "RT_GROUP_ICON"}, {16, "RT_VERSION"}, {24, "RT_MANIFEST"}} {
		if !slices.Contains(res.Types, want.id) {
			t.Errorf("no %s resource", want.name)
		}
	}
	if res.Subsystem != 2 { // IMAGE_SUBSYSTEM_WINDOWS_GUI: no console window
		t.Errorf("subsystem = %d, want 2 (Windows GUI)", res.Subsystem)
	}
	if got := res.Strings["ProductName"]; got != meta.Name {
		t.Errorf("ProductName = %q, want %q", got, meta.Name)
	}
	if got, want := res.Strings["ProductVersion"], fmt.Sprintf("%s.%d", meta.Version, meta.Build); got != want {
		t.Errorf("ProductVersion = %q, want %q", got, want)
	}
	if !strings.Contains(res.Manifest, "assemblyIdentity") {
		t.Errorf("the manifest has no assemblyIdentity:\n%s", res.Manifest)
	}
}

// packageUntar unpacks the .tar.xz at path into dir (through xz, which the
// Go library cannot read) and returns the regular files it holds, by
// name. It fails the test on an entry that is not a file or folder, that
// would land outside dir, or that does not have the tarball's fixed
// owner and time.
func packageUntar(t *testing.T, path, dir string) []string {
	t.Helper()
	cmd := exec.Command("xz", "-dc", path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("xz: %v", err)
	}
	defer cmd.Wait()
	tr := tar.NewReader(bufio.NewReader(stdout))
	var files []string
	var mtime time.Time
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading %s: %v\n%s", path, err, stderr.String())
		}
		name := strings.TrimPrefix(h.Name, "./")
		if !filepath.IsLocal(name) {
			t.Fatalf("the tarball has %q, outside its folder", h.Name)
		}
		if h.Uid != 0 || h.Gid != 0 {
			t.Errorf("%s is owned by %d:%d, want 0:0", name, h.Uid, h.Gid)
		}
		if mtime.IsZero() {
			mtime = h.ModTime
		} else if !h.ModTime.Equal(mtime) {
			t.Errorf("%s has time %v, want %v like the others", name, h.ModTime, mtime)
		}
		if h.Mode&0o022 != 0 {
			t.Errorf("%s is writable by others: %o", name, h.Mode)
		}
		target := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				t.Fatal(err)
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				t.Fatal(err)
			}
			out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(h.Mode)&0o755)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(out, tr); err != nil {
				out.Close()
				t.Fatal(err)
			}
			if err := out.Close(); err != nil {
				t.Fatal(err)
			}
			files = append(files, filepath.ToSlash(name))
		default:
			t.Fatalf("the tarball has %s of type %q: want files and folders only", name, h.Typeflag)
		}
	}
	return files
}

// packageDesktopEntry reads the keys of the [Desktop Entry] group of the
// desktop file at path.
func packageDesktopEntry(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s:\n%s", filepath.Base(path), data)
	entry := map[string]string{}
	group := ""
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			group = line
		case group == "[Desktop Entry]":
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				t.Errorf("%s: line %q is not key=value", path, line)
				continue
			}
			k = strings.TrimSpace(k)
			if _, dup := entry[k]; dup {
				t.Errorf("%s: %s twice", path, k)
			}
			entry[k] = strings.TrimSpace(v)
		}
	}
	return entry
}

// packageNoDisplay is the test's environment with no display and a home
// of its own, so the binaries run headless and touch nothing of the
// user's.
func packageNoDisplay(home string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "DISPLAY", "WAYLAND_DISPLAY", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "RAPPORT_DB", "MAKEFLAGS", "MAKELEVEL", "MFLAGS":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
}

// packageRun runs name with args in env and dir (the test's own when
// empty), killing it after d, and returns its combined output.
func packageRun(d time.Duration, env []string, dir, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = env
	cmd.Dir = dir
	cmd.WaitDelay = time.Second
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	timer := time.AfterFunc(d, func() { _ = cmd.Process.Kill() })
	defer timer.Stop()
	err := cmd.Wait()
	if !timer.Stop() {
		err = fmt.Errorf("%v (killed after %v)", err, d)
	}
	return out.Bytes(), err
}
