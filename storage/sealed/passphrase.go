package sealed

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/term"
)

// MaxPassphrase is the longest passphrase accepted, in bytes.
const MaxPassphrase = 1024

// ErrMismatch means a new passphrase was not typed the same twice.
var ErrMismatch = errors.New("the two passphrases differ")

// ReadPassphraseFile reads a passphrase from the first line of the file at
// path, without its line end (LF or CRLF): the way to give one to a
// command without a terminal. The passphrase is never a command's
// argument, where other users of the machine could read it.
func ReadPassphraseFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("passphrase file: %w", err)
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, MaxPassphrase+2)).ReadBytes('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("passphrase file %s: %w", path, err)
	}
	p, err := checkPassphrase(bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r")))
	if err != nil {
		return "", fmt.Errorf("passphrase file %s: %w", path, err)
	}
	return p, nil
}

// CheckPassphrase says what is wrong with p as a passphrase: empty, too
// long or not text.
func CheckPassphrase(p string) error {
	_, err := checkPassphrase([]byte(p))
	return err
}

func checkPassphrase(p []byte) (string, error) {
	switch {
	case len(p) == 0:
		return "", ErrNoPassphrase
	case len(p) > MaxPassphrase:
		return "", fmt.Errorf("the passphrase is longer than %d bytes", MaxPassphrase)
	case !utf8.Valid(p):
		return "", errors.New("the passphrase is not UTF-8 text")
	}
	return string(p), nil
}

// Terminal asks for passphrases on a terminal without echoing them.
type Terminal struct {
	fd  int
	out io.Writer
	// read reads a line without echo; term.ReadPassword but in tests.
	read func(fd int) ([]byte, error)
}

// NewTerminal returns the terminal of in, writing its prompts to out
// (standard error, so that standard output stays the command's), and
// whether in is a terminal at all: when it is not, there is no one to ask.
func NewTerminal(in *os.File, out io.Writer) (*Terminal, bool) {
	fd := int(in.Fd())
	return &Terminal{fd: fd, out: out, read: term.ReadPassword}, term.IsTerminal(fd)
}

// Ask asks for a passphrase once, after prompt ("Passphrase for
// backup.db.age: ").
func (t *Terminal) Ask(prompt string) (string, error) {
	fmt.Fprint(t.out, prompt)
	line, err := t.read(t.fd)
	fmt.Fprintln(t.out) // the Enter typed was not echoed
	if err != nil {
		return "", fmt.Errorf("read the passphrase: %w", err)
	}
	return checkPassphrase(line)
}

// AskNew asks for a new passphrase twice and returns it when both are
// the same (else ErrMismatch): a typing mistake in a passphrase nobody
// has seen would lock the user out of their own file.
func (t *Terminal) AskNew() (string, error) {
	p, err := t.Ask("New passphrase: ")
	if err != nil {
		return "", err
	}
	again, err := t.Ask("The same passphrase again: ")
	if err != nil {
		return "", err
	}
	if again != p {
		return "", ErrMismatch
	}
	return p, nil
}
