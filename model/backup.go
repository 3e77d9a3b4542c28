package model

import "time"

// BackupFile is one snapshot of the database: where, when, and how big.
type BackupFile struct {
	Path string
	At   time.Time
	Size int64
	// Encrypted says it needs a passphrase to be restored.
	Encrypted bool
}
