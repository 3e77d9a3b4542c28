package autostart

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestLinuxEntryWrittenAndRemoved writes the XDG autostart entry for
// real in a temporary home, with and without XDG_CONFIG_HOME, reads its
// status, replaces it, and removes it cleanly.
func TestLinuxEntryWrittenAndRemoved(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes")
	}
	home := t.TempDir()
	xdg := filepath.Join(t.TempDir(), "conf")
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"default", nil, filepath.Join(home, ".config", "autostart", DesktopFile)},
		{"XDG_CONFIG_HOME", map[string]string{"XDG_CONFIG_HOME": xdg}, filepath.Join(xdg, "autostart", DesktopFile)},
		{"relative XDG_CONFIG_HOME is ignored", map[string]string{"XDG_CONFIG_HOME": "conf"},
			filepath.Join(home, ".config", "autostart", DesktopFile)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Place{GOOS: "linux", Home: home, Getenv: func(k string) string { return tt.env[k] }}
			if got := p.Path(); got != tt.want {
				t.Fatalf("Path = %s, want %s", got, tt.want)
			}
			if on, err := p.Enabled(); on || err != nil {
				t.Fatalf("Enabled before = %v, %v", on, err)
			}
			exe := "/opt/My Apps/rapport"
			if err := p.Enable(TrayCommand(exe, "")); err != nil {
				t.Fatal(err)
			}
			if err := p.Enable(TrayCommand(exe, "/home/me/work.db")); err != nil { // replaced
				t.Fatal(err)
			}
			b, err := os.ReadFile(tt.want)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), "\nExec=\"/opt/My Apps/rapport\" \"--tray\" \"--db\" \"/home/me/work.db\"\n") {
				t.Errorf("entry:\n%s", b)
			}
			fi, err := os.Stat(tt.want)
			if err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("entry mode %v, %v", fi.Mode(), err)
			}
			if on, err := p.Enabled(); !on || err != nil {
				t.Errorf("Enabled after = %v, %v", on, err)
			}
			entries, _ := os.ReadDir(filepath.Dir(tt.want))
			if len(entries) != 1 {
				t.Errorf("autostart folder holds %d files, want the entry alone", len(entries))
			}
			for range 2 { // removing twice is fine
				if err := p.Disable(); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := os.Stat(tt.want); !os.IsNotExist(err) {
				t.Errorf("entry still there: %v", err)
			}
			if on, err := p.Enabled(); on || err != nil {
				t.Errorf("Enabled after Disable = %v, %v", on, err)
			}
		})
	}
	if err := (Place{GOOS: "linux", Home: home}).Enable(Command{Exe: "rapport"}); err == nil {
		t.Error("a relative program path was accepted")
	}
}

func TestDesktopEntryQuotesEveryArgument(t *testing.T) {
	tests := []struct {
		exe, want string
	}{
		{"/usr/bin/rapport", `Exec="/usr/bin/rapport" "--tray"`},
		{`/home/a "b"/$x/100%/r`, `Exec="/home/a \\"b\\"/\\$x/100%%/r" "--tray"`},
		{`/a\b`, `Exec="/a\\\\b" "--tray"`},
	}
	for _, tt := range tests {
		b, err := DesktopEntry(TrayCommand(tt.exe, ""))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "\n"+tt.want+"\n") || !strings.HasPrefix(string(b), "[Desktop Entry]\nType=Application\n") {
			t.Errorf("DesktopEntry(%q):\n%s\nwant a line %s", tt.exe, b, tt.want)
		}
	}
	if _, err := DesktopEntry(TrayCommand("/a\nb", "")); err == nil {
		t.Error("a path with a line break was accepted")
	}
}

// TestLaunchAgentContent checks the macOS property list by its content.
func TestLaunchAgentContent(t *testing.T) {
	got := string(LaunchAgent(TrayCommand("/Applications/Rapport.app/Contents/MacOS/rapport", "/Users/me/R & D.db")))
	for _, want := range []string{
		"<key>Label</key>\n\t<string>app.rapport</string>",
		"<array>\n\t\t<string>/Applications/Rapport.app/Contents/MacOS/rapport</string>\n\t\t<string>--tray</string>\n" +
			"\t\t<string>--db</string>\n\t\t<string>/Users/me/R &amp; D.db</string>\n\t</array>",
		"<key>RunAtLoad</key>\n\t<true/>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("LaunchAgent lacks %q:\n%s", want, got)
		}
	}
	p := Place{GOOS: "darwin", Home: "/Users/me"}
	if p.Path() != "/Users/me/Library/LaunchAgents/app.rapport.plist" {
		t.Errorf("Path = %s", p.Path())
	}
}

// TestWindowsCommandLine checks the Run value by its content: each
// argument as CommandLineToArgvW reads it back.
func TestWindowsCommandLine(t *testing.T) {
	tests := []struct {
		c    Command
		want string
	}{
		{TrayCommand(`C:\Program Files\Rapport\rapport.exe`, ""), `"C:\Program Files\Rapport\rapport.exe" --tray`},
		{TrayCommand(`C:\Rapport\rapport.exe`, `D:\My Data\`), `C:\Rapport\rapport.exe --tray --db "D:\My Data\\"`},
		{Command{Exe: `C:\a"b\r.exe`}, `"C:\a\"b\r.exe"`},
		{Command{Exe: `C:\r.exe`, Args: []string{""}}, `C:\r.exe ""`},
	}
	for _, tt := range tests {
		if got := WindowsCommandLine(tt.c); got != tt.want {
			t.Errorf("WindowsCommandLine(%q) = %s, want %s", tt.c, got, tt.want)
		}
	}
	if p := (Place{GOOS: "windows"}); p.Path() != `HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run\Rapport` {
		t.Errorf("Path = %s", p.Path())
	}
}
