package sealed

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ageTool returns the paths of Debian's age tool and of script(1), which
// gives age the terminal it reads a passphrase from, or skips the test
// saying which is missing.
func ageTool(t *testing.T) (agePath, scriptPath string) {
	t.Helper()
	agePath, err := exec.LookPath("age")
	if err != nil {
		t.Skip("the age tool is not installed (apt-get install age): cannot check that it reads Rapport's files")
	}
	scriptPath, err = exec.LookPath("script")
	if err != nil {
		t.Skip("script(1) is not installed (util-linux): cannot give the age tool a terminal")
	}
	return agePath, scriptPath
}

// quote quotes s for sh.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// onTerminal runs command under script(1), whose terminal receives input:
// age reads passphrases only from a terminal.
func onTerminal(t *testing.T, scriptPath, command, input string) {
	t.Helper()
	cmd := exec.Command(scriptPath, "-qec", command, "/dev/null")
	cmd.Stdin = strings.NewReader(input)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", command, err, out)
	}
}

// TestAgeToolDecrypts checks that the age tool (Debian's, an
// independent build of the format) decrypts what Encrypt writes: the
// README promises that age -d opens a backup.
func TestAgeToolDecrypts(t *testing.T) {
	agePath, scriptPath := ageTool(t)
	dir := t.TempDir()
	plain := bytes.Repeat([]byte("SQLite format 3\x00 notes on Helena "), 5000)
	in, out := filepath.Join(dir, "backup.db.age"), filepath.Join(dir, "backup.db")
	if err := os.WriteFile(in, seal(t, plain, "correct horse battery"), 0o600); err != nil {
		t.Fatal(err)
	}
	onTerminal(t, scriptPath, quote(agePath)+" -d -o "+quote(out)+" "+quote(in), "correct horse battery\n")
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, plain) {
		t.Errorf("age -d wrote %d bytes, want the %d encrypted", len(got), len(plain))
	}
}
