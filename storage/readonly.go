package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Errors of OpenReadOnly, to be checked with errors.Is.
var (
	// ErrSchemaOld means the database's schema is older than this
	// Rapport's: a read-only open does not migrate it.
	ErrSchemaOld = errors.New("database was made by an older version of Rapport")
	// ErrOpenedReadOnly is why every write to a store from OpenReadOnly
	// fails.
	ErrOpenedReadOnly = errors.New("opened read-only, beside the window that may write")
)

// readOnlyQuery configures each connection of a read-only store: SQLite's
// read-only mode, which reads a write-ahead log beside a writer in another
// process safely (each read sees one committed snapshot), and writes
// nothing, not even a checkpoint.
const readOnlyQuery = "mode=ro&_foreign_keys=on&_busy_timeout=5000&_cache_size=-32000&_mutex=no"

// OpenReadOnly opens the existing Rapport database at path for reading
// only, while a window (another process) may hold it open and write: it
// takes no lock of Rapport's (not the exclusive one Open takes), never
// migrates and never writes to the database or its write-ahead log
// (beside a closed database SQLite may make an empty log and its
// shared-memory index, as any reader does); every write method fails with an error
// wrapping ErrOpenedReadOnly. It refuses a missing file, one that is not a
// Rapport database (ErrNotRapport), one made by a newer Rapport
// (ErrTooNew) and one whose schema is older than this Rapport's
// (ErrSchemaOld: the window updates it when it opens). It runs no
// integrity check, which would read the whole file.
func OpenReadOnly(path string) (*Store, error) {
	s, err := openReadOnly(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s read-only: %w", path, err)
	}
	return s, nil
}

func openReadOnly(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("no path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if fi.Size() == 0 {
		return nil, fmt.Errorf("%w: the file is empty", ErrNotRapport)
	}
	migrations, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", dsn(abs, readOnlyQuery))
	if err != nil {
		return nil, err
	}
	if err := checkSchema(db, len(migrations)); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, path: abs, readOnly: ErrOpenedReadOnly, writing: new(sync.Mutex), Now: time.Now}, nil
}

// checkSchema refuses a database that is not Rapport's, or whose schema
// is not the known one, through db.
func checkSchema(db *sql.DB, known int) error {
	ctx := context.Background()
	var appID, version int
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return probeFailed(err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return probeFailed(err)
	}
	switch {
	case appID != ApplicationID:
		return fmt.Errorf("%w: it is not marked as Rapport's", ErrNotRapport)
	case version > known:
		return fmt.Errorf("%w (schema %d; this Rapport knows up to %d): update Rapport", ErrTooNew, version, known)
	case version < known:
		return fmt.Errorf("%w (schema %d; this Rapport's is %d): open it once in the Rapport window, "+
			"which updates it, then try again", ErrSchemaOld, version, known)
	}
	return nil
}
