package keyring_test

import (
	"errors"
	"testing"

	"rapport/storage/keyring"
)

// memory is a keyring in memory; failing makes Set fail.
type memory struct {
	secrets map[string]string
	failing bool
}

func (m *memory) Get(name string) (string, error) {
	s, ok := m.secrets[name]
	if !ok {
		return "", errors.New("not found")
	}
	return s, nil
}

func (m *memory) Set(name, secret string) error {
	if m.failing {
		return keyring.ErrNoKeyring
	}
	m.secrets[name] = secret
	return nil
}

func (m *memory) Delete(name string) error {
	delete(m.secrets, name)
	return nil
}

func TestKeysKeepInTheKeyringAndForget(t *testing.T) {
	ring := &memory{secrets: map[string]string{}}
	keys := keyring.New(ring)
	if in, err := keys.Keep("db-1", "pass"); !in || err != nil {
		t.Fatalf("Keep = %v, %v; want it in the keyring", in, err)
	}
	// A new start reads it from the keyring.
	if got := keyring.New(ring).Passphrase("db-1"); got != "pass" {
		t.Errorf("Passphrase after a new start = %q, want %q", got, "pass")
	}
	if got := keys.Passphrase("db-2"); got != "" {
		t.Errorf("another database's passphrase = %q, want none", got)
	}
	if _, err := keys.Keep("db-1", ""); err != nil {
		t.Fatal(err)
	}
	if got, want := keys.Passphrase("db-1")+ring.secrets["db-1"], ""; got != want {
		t.Errorf("after forgetting, the passphrase is %q, want none, in the keyring too", got)
	}
}

func TestKeysWithoutAKeyringKeepUntilClosed(t *testing.T) {
	for _, ring := range []keyring.Keyring{nil, &memory{secrets: map[string]string{}, failing: true}} {
		keys := keyring.New(ring)
		if in, err := keys.Keep("db-1", "pass"); in || err != nil {
			t.Fatalf("Keep = %v, %v; want it kept in memory only", in, err)
		}
		if got := keys.Passphrase("db-1"); got != "pass" {
			t.Errorf("Passphrase = %q, want the one typed", got)
		}
		if got := keyring.New(ring).Passphrase("db-1"); got != "" {
			t.Errorf("a new start knows %q, want none", got)
		}
	}
	var none *keyring.Keys
	if none.Passphrase("db-1") != "" {
		t.Error("a nil Keys knows a passphrase")
	}
}
