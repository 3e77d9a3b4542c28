// Package keyring keeps the passphrases of databases' encrypted backups
// outside the databases (a backup would otherwise hold its own key): in
// the system's keyring (the Secret Service over the session's D-Bus on
// Linux, the Keychain on macOS, the Credential Manager on Windows; local
// calls, no network), so that the daily backup goes on unattended. Where
// there is none (a session without a keyring, a CI machine), Keys keeps
// what the user typed until Rapport closes, and Rapport asks again next
// time.
package keyring

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

// service names Rapport's entries in the system keyring; each is for one
// database, named by its identity.
const service = "Rapport backups"

// timeout is how long a call to the keyring may take before Rapport
// carries on without it (a locked keyring asks the user to unlock it; an
// answer that never comes must not freeze the window).
const timeout = 5 * time.Second

// ErrNoKeyring means the system has no keyring Rapport can use.
var ErrNoKeyring = errors.New("no system keyring")

// Keyring keeps secrets by name.
type Keyring interface {
	// Get returns the secret kept under name; an error when there is none
	// or the keyring cannot be reached.
	Get(name string) (string, error)
	// Set keeps secret under name.
	Set(name, secret string) error
	// Delete forgets the secret under name; none is no error.
	Delete(name string) error
}

// System is the keyring of the system, through go-keyring.
type System struct{}

// Get implements Keyring.
func (System) Get(name string) (secret string, err error) {
	err = withKeyring(func() (err error) {
		secret, err = gokeyring.Get(service, name)
		return err
	})
	return secret, err
}

// Set implements Keyring.
func (System) Set(name, secret string) error {
	return withKeyring(func() error { return gokeyring.Set(service, name, secret) })
}

// Delete implements Keyring.
func (System) Delete(name string) error {
	err := withKeyring(func() error { return gokeyring.Delete(service, name) })
	if errors.Is(err, gokeyring.ErrNotFound) {
		return nil
	}
	return err
}

// withKeyring runs call when the system has a keyring to talk to, giving
// up after timeout (the call then finishes on its own).
func withKeyring(call func() error) error {
	if !haveKeyring() {
		return ErrNoKeyring
	}
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		return err
	case <-time.After(timeout):
		return fmt.Errorf("%w: the keyring did not answer", ErrNoKeyring)
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

// Keys finds the passphrase of a database's encrypted backups by name:
// the one typed since Rapport started, else the one in the keyring. A nil
// *Keys knows none.
type Keys struct {
	keyring Keyring // nil: none
	mu      sync.Mutex
	typed   map[string]string // by name
}

// New returns the passphrases kept in k (nil for none: then only those
// typed until Rapport closes).
func New(k Keyring) *Keys {
	return &Keys{keyring: k, typed: make(map[string]string)}
}

// Passphrase returns the passphrase kept under name, "" when none is
// known.
func (k *Keys) Passphrase(name string) string {
	if k == nil {
		return ""
	}
	k.mu.Lock()
	p := k.typed[name]
	k.mu.Unlock()
	if p != "" || k.keyring == nil {
		return p
	}
	p, err := k.keyring.Get(name)
	if err != nil {
		return ""
	}
	k.mu.Lock()
	k.typed[name] = p
	k.mu.Unlock()
	return p
}

// Keep remembers p as the passphrase kept under name until Rapport
// closes, and in the keyring when there is one; it reports whether the
// keyring keeps it. An empty p forgets it, in the keyring too.
func (k *Keys) Keep(name, p string) (inKeyring bool, err error) {
	if k == nil {
		return false, errors.New("keep a passphrase: no place to keep it")
	}
	k.mu.Lock()
	if p == "" {
		delete(k.typed, name)
	} else {
		k.typed[name] = p
	}
	k.mu.Unlock()
	if k.keyring == nil {
		return false, nil
	}
	if p == "" {
		return false, k.keyring.Delete(name)
	}
	if err := k.keyring.Set(name, p); err != nil {
		// Kept for this run only, which the caller tells the user; why
		// goes to the log (never the passphrase).
		fmt.Fprintln(os.Stderr, "rapport: system keyring:", err)
		return false, nil
	}
	return true, nil
}
