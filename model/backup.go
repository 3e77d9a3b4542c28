package model

import (
	"errors"
	"time"
)

// BackupFile is one snapshot of the database: where, when, and how big.
type BackupFile struct {
	Path string
	At   time.Time
	Size int64
	// Older marks a backup named before each database had an identity:
	// of this database or of another in the same folder, no one can tell.
	Older bool
	// Encrypted says it needs a passphrase to be restored.
	Encrypted bool
}

// ErrNeedPassphrase is what a backup returns (wrapped) when the backups
// are to be encrypted and no passphrase is known: nothing is written, and
// the window asks for one.
var ErrNeedPassphrase = errors.New("the backups are encrypted and Rapport has no passphrase for them")
