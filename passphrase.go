package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"rapport/storage"
	"rapport/storage/keyring"
	"rapport/storage/sealed"
)

// passphraseFileUsage describes --passphrase-file.
const passphraseFileUsage = "encrypt (or decrypt) with the passphrase on the first line of this file; never give the passphrase itself as an argument"

// errNeedPassphrase is what a command says when it needs a passphrase and
// has no terminal to ask on.
var errNeedPassphrase = errors.New("a passphrase is needed: put it on the first line of a file readable by you alone and give --passphrase-file FILE")

// maxDecrypted is the largest decrypted file rapport import reads (it
// holds it in memory, so that no plain copy is written anywhere): ten
// times the export of a 5,000-person database.
const maxDecrypted = 512 << 20

// asker asks for passphrases on a terminal.
type asker interface {
	Ask(prompt string) (string, error)
	AskNew() (string, error)
}

// terminal returns the terminal of standard input, prompting on stderr,
// and whether there is one; tests replace it.
var terminal = func(stderr io.Writer) (asker, bool) { return sealed.NewTerminal(os.Stdin, stderr) }

// newPassphrase is the passphrase to encrypt a new file with: from file
// when given, else asked twice on the terminal, else errNeedPassphrase.
func newPassphrase(file string, stderr io.Writer) (string, error) {
	if file != "" {
		return sealed.ReadPassphraseFile(file)
	}
	if t, ok := terminal(stderr); ok {
		return t.AskNew()
	}
	return "", errNeedPassphrase
}

// encryptIf returns data encrypted with passphrase, or data itself when
// passphrase is empty.
func encryptIf(data []byte, passphrase string) ([]byte, error) {
	if passphrase == "" {
		return data, nil
	}
	return sealed.EncryptBytes(data, passphrase)
}

// backupOptions are the options of a backup of st by rapport backup:
// encrypted with the passphrase of file when given, or when asked with
// encrypt, or when the database's settings encrypt its backups (then with
// the passphrase in the keyring, or asked on the terminal); plain
// otherwise. With encryption due and no passphrase, it is an error: a
// backup is never made in plain text instead.
func backupOptions(ctx context.Context, st *storage.Store, file string, encrypt bool, stderr io.Writer) ([]storage.BackupOption, error) {
	s, err := st.Settings(ctx)
	if err != nil {
		return nil, err
	}
	if file == "" && !encrypt && !s.EncryptBackups {
		return nil, nil
	}
	if file == "" && s.EncryptBackups {
		p, err := st.BackupSet(keyring.New(osKeyring)).Passphrase(ctx)
		if err != nil {
			return nil, err
		}
		if p != "" {
			return []storage.BackupOption{storage.Encrypted(p)}, nil
		}
	}
	p, err := newPassphrase(file, stderr)
	if err != nil {
		if s.EncryptBackups && errors.Is(err, errNeedPassphrase) {
			err = fmt.Errorf("the backups of this database are encrypted (Settings) and no keyring holds the passphrase: %w", err)
		}
		return nil, err
	}
	return []storage.BackupOption{storage.Encrypted(p)}, nil
}

// decryptedImport returns the content of the file at name when it is
// encrypted, decrypted with the passphrase of file, or one asked on the
// terminal; nil when it is not encrypted (or cannot be read: the import
// then says why).
func decryptedImport(name, file string, stderr io.Writer) ([]byte, error) {
	if info, err := os.Stat(name); err != nil || !info.Mode().IsRegular() {
		return nil, nil
	}
	if enc, err := storage.IsEncryptedFile(name); err != nil || !enc {
		return nil, nil
	}
	var p string
	var err error
	if file != "" {
		p, err = sealed.ReadPassphraseFile(file)
	} else if t, ok := terminal(stderr); ok {
		p, err = t.Ask("Passphrase for " + name + ": ")
	} else {
		err = fmt.Errorf("%s is encrypted: %w", name, errNeedPassphrase)
	}
	if err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := sealed.Decrypt(f, p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w (nothing was written)", name, err)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxDecrypted+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w (nothing was written)", name, err)
	}
	if len(data) > maxDecrypted {
		return nil, fmt.Errorf("%s: decrypted, it is larger than %d MB (nothing was written)", name, maxDecrypted>>20)
	}
	return data, nil
}

// openImport opens the file at name to read, or plain, its decrypted
// content, when not nil.
func openImport(name string, plain []byte) (io.ReadSeekCloser, error) {
	if plain != nil {
		return nopCloser{bytes.NewReader(plain)}, nil
	}
	return os.Open(name)
}

// nopCloser is a bytes.Reader that closes.
type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }
