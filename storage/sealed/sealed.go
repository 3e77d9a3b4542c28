// Package sealed reads and writes Rapport's encrypted files: any file
// (a backup, an export) encrypted with a passphrase in the age format
// (https://age-encryption.org/v1), so that the age tool decrypts it too:
//
//	age -d -o rapport.db rapport-20261123-093000.db.age
//
// The passphrase is stretched with scrypt (age's scrypt recipient); the
// content is encrypted and authenticated in 64 KiB chunks, so a file that
// was cut short or changed fails to decrypt instead of yielding altered
// data.
package sealed

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// Suffix ends the name of an encrypted file: the name of the plain file
// with ".age" added, as the age tool names its output.
const Suffix = ".age"

// Header begins every binary age file, followed by a newline.
const Header = "age-encryption.org/v1"

// HeaderLen is how many of a file's first bytes IsEncrypted needs.
const HeaderLen = len(armor.Header)

// Errors of Decrypt and Encrypt, to be checked with errors.Is.
var (
	// ErrWrongPassphrase means the passphrase is not the one the file was
	// encrypted with.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrNotPassphrase means the file is encrypted, but to an age key
	// rather than with a passphrase.
	ErrNotPassphrase = errors.New("encrypted to an age key, not with a passphrase")
	// ErrNoPassphrase means the passphrase given is empty.
	ErrNoPassphrase = errors.New("the passphrase is empty")
	// ErrDamaged means the file is not a whole, unaltered age file.
	ErrDamaged = errors.New("the encrypted file is damaged or cut short")
)

// DefaultWorkFactor is age's own scrypt work factor: 2^18 iterations,
// about a second on a laptop, and 256 MiB of memory.
const DefaultWorkFactor = 18

// WorkFactor is the scrypt work factor (2^WorkFactor iterations) of
// Encrypt. Tests of other packages lower it so that they run fast;
// nothing else changes it. Decrypt reads the factor from the file.
var WorkFactor = DefaultWorkFactor

// maxWorkFactor is the largest work factor Decrypt accepts: age's own
// limit, about fifteen seconds.
const maxWorkFactor = 22

// IsEncrypted reports whether head, the first bytes of a file (at least
// HeaderLen of them when the file has so many), begins an age file, binary
// or armored (ASCII).
func IsEncrypted(head []byte) bool {
	return bytes.HasPrefix(head, []byte(Header+"\n")) || bytes.HasPrefix(head, []byte(armor.Header))
}

// Encrypt returns a writer that encrypts what is written to it with
// passphrase and writes it to w as an age file. Close writes the last
// chunk; without it the file is incomplete (and does not decrypt). The
// passphrase must not be empty.
func Encrypt(w io.Writer, passphrase string) (io.WriteCloser, error) {
	if passphrase == "" {
		return nil, ErrNoPassphrase
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	r.SetWorkFactor(min(max(WorkFactor, 1), maxWorkFactor))
	wc, err := age.Encrypt(w, r)
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	return wc, nil
}

// Decrypt returns the content of the age file read from r, encrypted with
// passphrase. A wrong passphrase is ErrWrongPassphrase; a file encrypted
// to a key is ErrNotPassphrase. The header is checked before Decrypt
// returns; the content is authenticated as it is read, and a read that
// finds it damaged or cut short fails with an error wrapping ErrDamaged:
// read to the end before trusting what was read.
func Decrypt(r io.Reader, passphrase string) (io.Reader, error) {
	if passphrase == "" {
		return nil, ErrNoPassphrase
	}
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, fmt.Errorf("decrypt: %w", err)
	}
	id.SetMaxWorkFactor(maxWorkFactor)
	br := bufio.NewReader(r)
	if head, _ := br.Peek(HeaderLen); bytes.HasPrefix(head, []byte(armor.Header)) {
		r = armor.NewReader(br)
	} else {
		r = br
	}
	plain, err := age.Decrypt(r, id)
	var noMatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &noMatch) && slices.Contains(noMatch.StanzaTypes, "scrypt"):
		return nil, ErrWrongPassphrase
	case errors.As(err, &noMatch):
		return nil, ErrNotPassphrase
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	return damagedReader{plain}, nil
}

// damagedReader marks the errors of an age payload as ErrDamaged.
type damagedReader struct{ r io.Reader }

func (d damagedReader) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	return n, err
}

// EncryptBytes returns data encrypted with passphrase as a whole age
// file: for files written at once (an export), whole or not at all.
func EncryptBytes(data []byte, passphrase string) ([]byte, error) {
	var buf bytes.Buffer
	w, err := Encrypt(&buf, passphrase)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	return buf.Bytes(), nil
}
