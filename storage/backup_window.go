package storage

import (
	"context"
	"errors"
	"fmt"

	"rapport/model"
	"rapport/storage/sealed"
)

// Passphrases keeps the passphrases of databases' encrypted backups
// outside the databases, by name (storage/keyring's Keys is one).
type Passphrases interface {
	// Passphrase returns the passphrase kept under name, "" when none.
	Passphrase(name string) string
	// Keep keeps p under name ("" forgets it) and reports whether the
	// system's keyring keeps it, rather than memory until Rapport closes.
	Keep(name, p string) (inKeyring bool, err error)
}

// BackupSet is the backups of an open database as the window uses them:
// listed, made now or once a day (encrypted when the settings say so,
// with the passphrase kept in keys) and restored. Its methods take no
// context: the window calls them from a button.
type BackupSet struct {
	store *Store
	keys  Passphrases // nil: none known
}

// BackupSet returns the backups of s, encrypted with the passphrases
// kept in keys (nil: none known, and none can be kept).
func (s *Store) BackupSet(keys Passphrases) *BackupSet {
	return &BackupSet{store: s, keys: keys}
}

// Folder is where the backups are written now (see Store.BackupFolder).
func (b *BackupSet) Folder() string { return b.store.BackupFolder(context.Background()) }

// DefaultFolder is where the backups go when the settings name no
// folder: beside the database (see BackupDir).
func (b *BackupSet) DefaultFolder() string { return BackupDir(b.store.Path()) }

// List lists the database's own backups and the older ones whose
// database is unknown, newest first (see Store.ListBackups).
func (b *BackupSet) List() ([]model.BackupFile, error) {
	list, err := b.store.ListBackups(context.Background())
	out := make([]model.BackupFile, len(list))
	for i, x := range list {
		out[i] = x.File()
	}
	return out, err
}

// BackupNow writes a backup into Folder: encrypted when the settings say
// so (an error wrapping model.ErrNeedPassphrase when no passphrase is
// known), never plain then.
func (b *BackupSet) BackupNow() (model.BackupFile, error) {
	ctx := context.Background()
	x, err := b.store.Backup(ctx, b.Folder(), b.Options(ctx)...)
	return x.File(), needPassphrase(err)
}

// BackupIfDue writes the day's backup into Folder, at most one a day, as
// BackupNow does.
func (b *BackupSet) BackupIfDue() error {
	ctx := context.Background()
	_, _, err := b.store.BackupIfDue(ctx, b.Folder(), b.Options(ctx)...)
	return needPassphrase(err)
}

// Restore puts the backup at path in the place of the database, as
// Store.RestoreBackup does: the store is left closed, for the caller to
// start again on the restored database.
func (b *BackupSet) Restore(path string) error { return b.store.RestoreBackup(path) }

// RestoreEncrypted is Restore for an encrypted backup (see
// Store.RestoreEncryptedBackup): a wrong passphrase changes nothing, the
// store included; a backup of another database is refused once
// decrypted.
func (b *BackupSet) RestoreEncrypted(path, passphrase string) error {
	return b.store.RestoreEncryptedBackup(path, passphrase)
}

// SetPassphrase keeps the passphrase of the backups ("" forgets it) under
// the database's identity (see KeyName), made now when it has none yet,
// and reports whether the system's keyring keeps it.
func (b *BackupSet) SetPassphrase(passphrase string) (bool, error) {
	if b.keys == nil {
		return false, errors.New("keep the passphrase: this build keeps none")
	}
	name, err := b.store.KeyName(context.Background())
	if err != nil {
		return false, err
	}
	return b.keys.Keep(name, passphrase)
}

// Passphrase returns the passphrase known for the backups, "" when none.
func (b *BackupSet) Passphrase(ctx context.Context) (string, error) {
	name, err := b.store.KeyName(ctx)
	if err != nil || b.keys == nil {
		return "", err
	}
	return b.keys.Passphrase(name), nil
}

// Options are the options of the backups: encrypted, with the passphrase
// known for them ("" when none, which the backup refuses), when the
// settings ask for it or cannot be read; plain otherwise.
func (b *BackupSet) Options(ctx context.Context) []BackupOption {
	if s, err := b.store.Settings(ctx); err == nil && !s.EncryptBackups {
		return nil
	}
	// The passphrase is looked up only once a backup is written: a daily
	// backup not yet due asks the keyring nothing. On error the backup,
	// which needs the identity too, says why.
	return []BackupOption{func(o *backupOptions) {
		p, _ := b.Passphrase(ctx)
		Encrypted(p)(o)
	}}
}

// KeyName names the passphrase of the store's backups: the database's
// identity, made now when it has none yet (as its first backup would), so
// that the passphrase stays the database's when its file is moved or
// renamed, as its backups do; the database's path when it has no
// identity and cannot be given one (open read-only).
func (s *Store) KeyName(ctx context.Context) (string, error) {
	id, err := s.ID(ctx)
	if err != nil {
		return "", err
	}
	if id == "" {
		return s.Path(), nil
	}
	return id, nil
}

// File is b as the window lists it.
func (b Backup) File() model.BackupFile {
	return model.BackupFile{Path: b.Path, At: b.At, Size: b.Size, Older: b.Older(), Encrypted: b.Encrypted}
}

// needPassphrase marks a backup refused for want of a passphrase as
// model.ErrNeedPassphrase, for the window to ask for one.
func needPassphrase(err error) error {
	if errors.Is(err, sealed.ErrNoPassphrase) {
		return fmt.Errorf("%w: %w", model.ErrNeedPassphrase, err)
	}
	return err
}
