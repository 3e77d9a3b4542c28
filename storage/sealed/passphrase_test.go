package sealed

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadPassphraseFile(t *testing.T) {
	tests := []struct {
		name, content, want string
		wantErr             bool
	}{
		{"a line", "correct horse\n", "correct horse", false},
		{"no line end", "correct horse", "correct horse", false},
		{"CRLF", "correct horse\r\n", "correct horse", false},
		{"the first line only", "first\nsecond\n", "first", false},
		{"spaces kept", "  spaced  \n", "  spaced  ", false},
		{"empty", "", "", true},
		{"an empty first line", "\nsecond\n", "", true},
		{"too long", strings.Repeat("x", MaxPassphrase+1), "", true},
		{"longest", strings.Repeat("x", MaxPassphrase) + "\r\n", strings.Repeat("x", MaxPassphrase), false},
		{"not text", "\xff\xfe\n", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pass")
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := ReadPassphraseFile(path)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ReadPassphraseFile = %q, %v; want %q (error: %v)", got, err, tt.want, tt.wantErr)
			}
			if err != nil && tt.content != "" && strings.Contains(err.Error(), strings.TrimSpace(tt.content)) {
				t.Errorf("the error %q repeats the file's content", err)
			}
		})
	}
	if _, err := ReadPassphraseFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("a missing file gave no error")
	}
}

// fakeTerminal answers each prompt with the next of lines.
func fakeTerminal(out *bytes.Buffer, lines ...string) *Terminal {
	return &Terminal{out: out, read: func(int) ([]byte, error) {
		if len(lines) == 0 {
			return nil, errors.New("EOF")
		}
		l := lines[0]
		lines = lines[1:]
		return []byte(l), nil
	}}
}

func TestTerminalAskNew(t *testing.T) {
	tests := []struct {
		name    string
		lines   []string
		want    string
		wantErr error
	}{
		{"the same twice", []string{"s3cret words", "s3cret words"}, "s3cret words", nil},
		{"different", []string{"s3cret words", "s3cret word"}, "", ErrMismatch},
		{"empty", []string{""}, "", ErrNoPassphrase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			got, err := fakeTerminal(&out, tt.lines...).AskNew()
			if got != tt.want || !errors.Is(err, tt.wantErr) {
				t.Errorf("AskNew = %q, %v; want %q, %v", got, err, tt.want, tt.wantErr)
			}
			if strings.Contains(out.String(), "s3cret") {
				t.Errorf("the prompts %q show the passphrase", out.String())
			}
			if !strings.Contains(out.String(), "New passphrase: ") {
				t.Errorf("the prompts %q do not ask for a new passphrase", out.String())
			}
		})
	}
}

func TestTerminalAsk(t *testing.T) {
	var out bytes.Buffer
	got, err := fakeTerminal(&out, "pw").Ask("Passphrase for x.age: ")
	if got != "pw" || err != nil {
		t.Errorf("Ask = %q, %v; want pw", got, err)
	}
	if out.String() != "Passphrase for x.age: \n" {
		t.Errorf("the terminal shows %q, want the prompt and a line end", out.String())
	}
	if _, err := fakeTerminal(&out).Ask("? "); err == nil {
		t.Error("a failed read gave no error")
	}
}

func TestNewTerminalOnAFile(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stdin")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, ok := NewTerminal(f, &bytes.Buffer{}); ok {
		t.Error("NewTerminal says a plain file is a terminal")
	}
}
