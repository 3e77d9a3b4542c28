package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	gokeyring "github.com/zalando/go-keyring"

	"rapport/storage"
	"rapport/storage/sealed"
	"rapport/ui"
)

// The passphrase of a database's encrypted backups is kept outside the
// database (a backup of it would otherwise hold its own key): in the
// system's keyring (the Secret Service over the session's D-Bus on
// Linux, the Keychain on macOS, the Credential Manager on Windows; local
// calls, no network), so that the daily backup goes on unattended. Where
// there is none (a session without a keyring, a CI machine), Rapport
// keeps what the user typed until it closes and asks again next time;
// the daily backup at start is then skipped, and the user told, rather
// than made in plain text.

// keyringService names Rapport's entries in the system keyring; each is
// for one database, named by its identity (see keyName).
const keyringService = "Rapport backups"

// keyringTimeout is how long a call to the keyring may take before
// Rapport carries on without it (a locked keyring asks the user to unlock
// it; an answer that never comes must not freeze the window).
const keyringTimeout = 5 * time.Second

// errNoKeyring means the system has no keyring Rapport can use.
var errNoKeyring = errors.New("no system keyring")

// keyring keeps secrets by name outside the database.
type keyring interface {
	// Get returns the secret kept under name; an error when there is none
	// or the keyring cannot be reached.
	Get(name string) (string, error)
	// Set keeps secret under name.
	Set(name, secret string) error
	// Delete forgets the secret under name; none is no error.
	Delete(name string) error
}

// systemKeyring is the keyring of the system, through go-keyring.
type systemKeyring struct{}

// osKeyring is the keyring the window and commands use; tests replace it.
var osKeyring keyring = systemKeyring{}

// Get implements keyring.
func (systemKeyring) Get(name string) (secret string, err error) {
	err = withKeyring(func() (err error) {
		secret, err = gokeyring.Get(keyringService, name)
		return err
	})
	return secret, err
}

// Set implements keyring.
func (systemKeyring) Set(name, secret string) error {
	return withKeyring(func() error { return gokeyring.Set(keyringService, name, secret) })
}

// Delete implements keyring.
func (systemKeyring) Delete(name string) error {
	err := withKeyring(func() error { return gokeyring.Delete(keyringService, name) })
	if errors.Is(err, gokeyring.ErrNotFound) {
		return nil
	}
	return err
}

// withKeyring runs call when the system has a keyring to talk to, giving
// up after keyringTimeout (the call then finishes on its own).
func withKeyring(call func() error) error {
	if !haveKeyring() {
		return errNoKeyring
	}
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		return err
	case <-time.After(keyringTimeout):
		return fmt.Errorf("%w: the keyring did not answer", errNoKeyring)
	}
}

// haveKeyring reports whether a keyring may be reached. On Linux and the
// BSDs that needs a running session bus: without one, the D-Bus library
// would try to launch a bus of its own.
func haveKeyring() bool {
	switch runtime.GOOS {
	case "windows", "darwin":
		return true
	}
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return true
	}
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "bus")); err == nil {
			return true
		}
	}
	return false
}

// backupKeys finds the passphrase of a database's encrypted backups: the
// one typed since Rapport started, else the one in the keyring. A nil
// *backupKeys knows none.
type backupKeys struct {
	keyring keyring // nil: none
	mu      sync.Mutex
	typed   map[string]string // by keyName
}

// newBackupKeys returns the passphrases kept in k (nil for none).
func newBackupKeys(k keyring) *backupKeys {
	return &backupKeys{keyring: k, typed: make(map[string]string)}
}

// keyName names the passphrase of st's backups, in the keyring and in
// backupKeys: the database's identity, made now when it has none yet (as
// its first backup would), so that the passphrase stays the database's
// when its file is moved or renamed, as its backups do; the database's
// path when it has no identity and cannot be given one (open read-only).
func keyName(ctx context.Context, st *storage.Store) (string, error) {
	id, err := st.ID(ctx)
	if err != nil {
		return "", err
	}
	if id == "" {
		return st.Path(), nil
	}
	return id, nil
}

// passphrase returns the passphrase of the backups of the database
// named db (see keyName), "" when none is known.
func (k *backupKeys) passphrase(db string) string {
	if k == nil {
		return ""
	}
	k.mu.Lock()
	p := k.typed[db]
	k.mu.Unlock()
	if p != "" || k.keyring == nil {
		return p
	}
	p, err := k.keyring.Get(db)
	if err != nil {
		return ""
	}
	k.mu.Lock()
	k.typed[db] = p
	k.mu.Unlock()
	return p
}

// keep remembers p as the passphrase of the backups of the database
// named db (see keyName) until Rapport
// closes, and in the keyring when there is one; it reports whether the
// keyring keeps it. An empty p forgets it, in the keyring too.
func (k *backupKeys) keep(db, p string) (inKeyring bool, err error) {
	k.mu.Lock()
	if p == "" {
		delete(k.typed, db)
	} else {
		k.typed[db] = p
	}
	k.mu.Unlock()
	if k.keyring == nil {
		return false, nil
	}
	if p == "" {
		return false, k.keyring.Delete(db)
	}
	if err := k.keyring.Set(db, p); err != nil {
		// Kept for this run only, which the caller tells the user; why
		// goes to the log (never the passphrase).
		fmt.Fprintln(os.Stderr, "rapport: system keyring:", err)
		return false, nil
	}
	return true, nil
}

// backupOptions are the options of st's backups: encrypted, with the
// passphrase known for it ("" when none, which the backup refuses),
// when its settings ask for it or cannot be read; plain otherwise.
func (k *backupKeys) backupOptions(ctx context.Context, st *storage.Store) []storage.BackupOption {
	if s, err := st.Settings(ctx); err == nil && !s.EncryptBackups {
		return nil
	}
	name, err := keyName(ctx, st)
	if err != nil {
		// The backup, which needs the identity too, says why.
		return []storage.BackupOption{storage.Encrypted("")}
	}
	return []storage.BackupOption{storage.Encrypted(k.passphrase(name))}
}

// needPassphrase marks a backup refused for want of a passphrase as
// ui.ErrNeedPassphrase, for the window to ask for one.
func needPassphrase(err error) error {
	if errors.Is(err, sealed.ErrNoPassphrase) {
		return fmt.Errorf("%w: %w", ui.ErrNeedPassphrase, err)
	}
	return err
}

// RestoreEncrypted implements ui.Backups: see
// storage.Store.RestoreEncryptedBackup (a wrong passphrase changes
// nothing, the window included; a backup of another database is refused
// once decrypted); on success Rapport starts again on the restored
// database.
func (b *windowBackups) RestoreEncrypted(path, passphrase string) error {
	if err := b.store.RestoreEncryptedBackup(path, passphrase); err != nil {
		return err
	}
	restart(b.app, b.store.Path())
	return nil
}

// SetPassphrase implements ui.Backups: kept under the database's identity
// (see keyName), which is made now when the database has none yet.
func (b *windowBackups) SetPassphrase(passphrase string) (bool, error) {
	if b.keys == nil {
		b.keys = newBackupKeys(nil)
	}
	name, err := keyName(context.Background(), b.store)
	if err != nil {
		return false, err
	}
	return b.keys.keep(name, passphrase)
}

// tellSkippedBackup tells the user in w, once, when the daily backup was
// skipped for want of a passphrase.
func tellSkippedBackup(w *ui.Window, skipped <-chan struct{}) {
	go func() {
		if _, ok := <-skipped; ok {
			fyne.Do(w.BackupSkipped)
		}
	}()
}

// withBackupPassphrase runs then at once for a plain backup (with ""),
// and for an encrypted one after asking its passphrase in win.
func withBackupPassphrase(win fyne.Window, backup string, then func(passphrase string)) {
	if !strings.HasSuffix(backup, sealed.Suffix) {
		then("")
		return
	}
	entry := widget.NewPasswordEntry()
	dialog.ShowForm("The newest backup is encrypted", "Restore", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Passphrase", entry)}, func(ok bool) {
			if ok && entry.Text != "" {
				then(entry.Text)
			}
		}, win)
}

// restoreBackup restores the database at path from backup, decrypting it
// with passphrase when it is not empty.
func restoreBackup(path, backup, passphrase string) error {
	if passphrase == "" {
		return storage.Restore(path, backup)
	}
	return storage.RestoreEncrypted(path, backup, passphrase)
}
