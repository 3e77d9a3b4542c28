//go:build package && wine

package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"rapport/storage"
)

// installerUpgradeCode is the MSI's UpgradeCode (packaging/windows/rapport.wxs),
// which must never change: a newer Rapport finds the installed one by it.
const installerUpgradeCode = "{5C15A3BF-3127-416A-980F-8CBED2FB0991}"

// TestInstallerMSI checks the Windows installer: its tables (msiinfo),
// then, in a throwaway wine prefix, an older release installed per
// machine, a user's data written, the real MSI installed over it (a major
// upgrade: one entry in Apps & features, the data untouched), the
// installed program run (--version and a window that paints, on the
// user's data in %AppData%\Rapport), and the uninstall, which removes the
// program, its shortcut and its entry and leaves the data.
func TestInstallerMSI(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("wine runs the installer on Linux")
	}
	for _, tool := range []string{"msiinfo", "wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc", "Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed (make test-installers installs it): %v", tool, err)
		}
	}
	meta, err := readMetadata(fyneAppTOML)
	if err != nil {
		t.Fatal(err)
	}
	msi := packageArtifact(t, "RAPPORT_MSI", fmt.Sprintf("rapport-%s-x64.msi", meta.Version), "make package-msi")
	previous := packageArtifact(t, "RAPPORT_MSI_PREVIOUS", filepath.Join("test", "rapport-0.0.1-x64.msi"), "make package-msi-previous")
	if fi, err := os.Stat(msi); err == nil {
		t.Logf("%s: %d bytes (%.1f MB)", msi, fi.Size(), float64(fi.Size())/1e6)
	}
	t.Run("tables", func(t *testing.T) { installerMSITables(t, msi, meta.Version) })
	if t.Failed() {
		t.FailNow()
	}

	dir := t.TempDir()
	w := wineNewPrefix(t, filepath.Join(dir, "prefix"), filepath.Join(dir, "home"))
	drive := filepath.Join(w.prefix, "drive_c")
	for _, d := range []string{"rapport", "installers"} {
		if err := os.MkdirAll(filepath.Join(drive, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := wineCopy(msi, filepath.Join(drive, "installers", "rapport.msi")); err != nil {
		t.Fatal(err)
	}
	if err := wineCopy(previous, filepath.Join(drive, "installers", "previous.msi")); err != nil {
		t.Fatal(err)
	}
	user := installerWineUser(t, drive)
	installed := filepath.Join(drive, "Program Files", "Rapport", "rapport.exe")
	// ProgramMenuFolder: the all-users Start menu on Windows for a per-machine
	// install; wine 8 puts it in the user's.
	shortcuts := []string{
		filepath.Join(drive, "ProgramData", "Microsoft", "Windows", "Start Menu", "Programs", "Rapport.lnk"),
		filepath.Join(drive, "users", user, "AppData", "Roaming", "Microsoft", "Windows", "Start Menu", "Programs", "Rapport.lnk"),
	}
	const winExe = `C:\Program Files\Rapport\rapport.exe`
	winDB := `C:\users\` + user + `\AppData\Roaming\Rapport\rapport.db`
	unixDB := filepath.Join(drive, "users", user, "AppData", "Roaming", "Rapport", "rapport.db")

	t.Run("install the previous release", func(t *testing.T) {
		installerMsiexec(t, w, "/i", `C:\installers\previous.msi`)
		installerARP(t, w, "0.0.1")
		out, err := w.run(wineStartWait, "", winExe, "demo", "--db", winDB)
		if err != nil || !strings.Contains(out, "people") {
			t.Fatalf("the installed rapport.exe demo --db %s: %v\n%s", winDB, err, out)
		}
	})
	if t.Failed() {
		t.FailNow()
	}
	data := installerHash(t, unixDB)

	t.Run("upgrade in place", func(t *testing.T) {
		installerMsiexec(t, w, "/i", `C:\installers\rapport.msi`)
		entry := installerARP(t, w, meta.Version)
		if entry["Publisher"] != "Rapport" {
			t.Errorf("Apps & features shows Publisher %q, want Rapport", entry["Publisher"])
		}
		installerProductIcon(t, w, drive)
		if _, err := os.Stat(installed); err != nil {
			t.Errorf("after the upgrade: %v", err)
		}
		if n := installerExisting(shortcuts); len(n) != 1 {
			t.Errorf("want one Start menu shortcut, have %v", n)
		} else {
			t.Logf("the Start menu shortcut is %s", n[0])
		}
		if got := installerHash(t, unixDB); got != data {
			t.Errorf("the upgrade changed %s", unixDB)
		}
	})
	if t.Failed() {
		t.FailNow()
	}

	t.Run("older version refused", func(t *testing.T) {
		if out, err := w.run(wineStartWait, "", "msiexec", "/i", `C:\installers\previous.msi`, "/qn"); err == nil {
			t.Errorf("msiexec installed the older version over the newer one:\n%s", out)
		}
		installerARP(t, w, meta.Version)
	})

	t.Run("start", func(t *testing.T) {
		out, err := w.run(wineStartWait, "", winExe, "--version")
		if want := fmt.Sprintf("%s %s (build %d)", meta.Name, meta.Version, meta.Build); err != nil || !strings.Contains(out, want) {
			t.Fatalf("the installed rapport.exe --version: %v: %q, want %q", err, out, want)
		}
		// No --db: the installed program finds the user's data in
		// %AppData%\Rapport by itself.
		wineCheckWindow(t, w, filepath.Dir(installed), "msi.png", winExe)
	})

	t.Run("uninstall", func(t *testing.T) {
		installerMsiexec(t, w, "/x", `C:\installers\rapport.msi`)
		if entries := installerARPEntries(t, w); len(entries) != 0 {
			t.Errorf("Apps & features still lists Rapport: %v", entries)
		}
		for _, gone := range append([]string{installed, filepath.Dir(installed)}, shortcuts...) {
			if _, err := os.Stat(gone); !os.IsNotExist(err) {
				t.Errorf("the uninstall left %s (%v)", gone, err)
			}
		}
		if out, err := w.run(wineRunWait, "", "reg", "query", `HKLM\Software\Rapport`); err == nil {
			t.Errorf("the uninstall left HKLM\\Software\\Rapport:\n%s", out)
		}
		if got := installerHash(t, unixDB); got == "" {
			t.Fatalf("the uninstall removed the user's data %s", unixDB)
		}
		st, err := storage.Open(unixDB)
		if err != nil {
			t.Fatalf("the data left by the uninstall does not open: %v", err)
		}
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
}

// installerMSITables checks the MSI's tables with msiinfo: the Start
// menu shortcut with its icon, the UpgradeCode and the major upgrade, the
// Apps & features icon and publisher, per machine, 64-bit.
func installerMSITables(t *testing.T, msi, version string) {
	t.Helper()
	msi, err := filepath.Abs(msi)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir() // msiinfo writes a table's binary streams (the icon) into its folder
	table := func(name string) string {
		cmd := exec.Command("msiinfo", "export", msi, name)
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("msiinfo export %s %s: %v", msi, name, err)
		}
		t.Logf("%s:\n%s", name, out)
		return string(out)
	}
	props := map[string]string{}
	for _, line := range strings.Split(table("Property"), "\n") {
		if k, v, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t"); ok {
			props[k] = v
		}
	}
	for key, want := range map[string]string{"UpgradeCode": installerUpgradeCode, "ProductVersion": version,
		"Manufacturer": "Rapport", "ProductName": "Rapport", "ALLUSERS": "1", "ARPPRODUCTICON": "rapport.ico"} {
		if props[key] != want {
			t.Errorf("Property %s = %q, want %q", key, props[key], want)
		}
	}
	if shortcuts := table("Shortcut"); !strings.Contains(shortcuts, "\tProgramMenuFolder\tRapport\t") || !strings.Contains(shortcuts, "rapport.ico") {
		t.Errorf("no Start menu shortcut named Rapport with the icon")
	}
	if upgrade := table("Upgrade"); !strings.Contains(upgrade, installerUpgradeCode+"\t\t"+version) {
		t.Errorf("the Upgrade table does not remove older versions of %s", installerUpgradeCode)
	}
	if !strings.Contains(table("Icon"), "rapport.ico") {
		t.Error("no icon rapport.ico")
	}
	if seq := table("InstallExecuteSequence"); !strings.Contains(seq, "RemoveExistingProducts") || !strings.Contains(seq, "FindRelatedProducts") {
		t.Error("the install sequence does not remove the older version")
	}
	out, err := exec.Command("msiinfo", "suminfo", msi).Output()
	if err != nil || !strings.Contains(string(out), "Template: x64;") {
		t.Errorf("msiinfo suminfo: %v: want an x64 template:\n%s", err, out)
	}
}

// installerMsiexec runs msiexec with op (/i or /x) on the MSI at path,
// silently, and fails the test when it fails.
func installerMsiexec(t *testing.T, w *winePrefix, op, path string) {
	t.Helper()
	out, err := w.run(wineStartWait, "", "msiexec", op, path, "/qn")
	if err != nil {
		t.Fatalf("msiexec %s %s /qn: %v\n%s", op, path, err, out)
	}
	// The server writes the registry when it ends.
	if out, err := smokeRunIn(wineBootWait, w.env(""), "", "wineserver", "-w"); err != nil {
		t.Fatalf("wineserver -w: %v\n%s", err, out)
	}
}

// installerARP checks that Apps & features lists Rapport once, at
// version, and returns its entry.
func installerARP(t *testing.T, w *winePrefix, version string) map[string]string {
	t.Helper()
	entries := installerARPEntries(t, w)
	if len(entries) != 1 {
		t.Fatalf("Apps & features lists Rapport %d times, want once: %v", len(entries), entries)
	}
	if got := entries[0]["DisplayVersion"]; got != version {
		t.Errorf("Apps & features shows version %q, want %q", got, version)
	}
	t.Logf("Apps & features: %v", entries[0])
	return entries[0]
}

// installerARPEntries are the uninstall entries (Apps & features) named
// Rapport.
func installerARPEntries(t *testing.T, w *winePrefix) []map[string]string {
	t.Helper()
	var rapport []map[string]string
	for _, e := range installerRegQuery(t, w, `HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall`) {
		if e["DisplayName"] == "Rapport" {
			rapport = append(rapport, e)
		}
	}
	return rapport
}

// installerRegQuery reads the registry key and its subkeys with reg
// query /s: each key's values by name, and its name as "key".
func installerRegQuery(t *testing.T, w *winePrefix, key string) []map[string]string {
	t.Helper()
	out, err := w.run(wineRunWait, "", "reg", "query", key, "/s")
	if err != nil {
		t.Fatalf("reg query %s: %v\n%s", key, err, out)
	}
	var entries []map[string]string
	var cur map[string]string
	for _, line := range strings.Split(strings.ReplaceAll(out, "\r", ""), "\n") {
		switch {
		case strings.HasPrefix(line, "HKEY_"):
			cur = map[string]string{"key": line}
			entries = append(entries, cur)
		case cur != nil && strings.HasPrefix(line, "    "):
			f := strings.SplitN(strings.TrimSpace(line), "    ", 3)
			if len(f) == 3 {
				cur[f[0]] = strings.TrimSpace(f[2])
			}
		}
	}
	return entries
}

// installerProductIcon checks that the installed product has its icon
// registered per machine, where Apps & features reads it: ProductIcon
// in HKLM's Installer\Products, naming an icon file that exists.
func installerProductIcon(t *testing.T, w *winePrefix, drive string) {
	t.Helper()
	var icon string
	for _, e := range installerRegQuery(t, w, `HKLM\Software\Classes\Installer\Products`) {
		if e["ProductName"] == "Rapport" {
			icon = e["ProductIcon"]
		}
	}
	path, ok := strings.CutPrefix(icon, `C:\`)
	if !ok {
		t.Fatalf("Rapport has no ProductIcon on C: (%q)", icon)
	}
	if _, err := os.Stat(filepath.Join(drive, filepath.FromSlash(strings.ReplaceAll(path, `\`, "/")))); err != nil {
		t.Errorf("the ProductIcon %s: %v", icon, err)
	}
	t.Logf("Apps & features icon: %s", icon)
}

// installerExisting are the paths that exist.
func installerExisting(paths []string) []string {
	var have []string
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			have = append(have, p)
		}
	}
	return have
}

// installerWineUser is the name of the prefix's Windows user.
func installerWineUser(t *testing.T, drive string) string {
	t.Helper()
	dirs, err := os.ReadDir(filepath.Join(drive, "users"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if d.IsDir() && d.Name() != "Public" {
			return d.Name()
		}
	}
	t.Fatalf("no user in %s", filepath.Join(drive, "users"))
	return ""
}

// installerHash is the SHA-256 of the file at path, empty when there is
// no file.
func installerHash(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(data))
}
