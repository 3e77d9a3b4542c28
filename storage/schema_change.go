package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// withForeignKeysOff runs fn in one write transaction on a connection
// whose foreign keys are off, committing when fn returns nil; fn checks
// the foreign keys (checkForeignKeys) before it returns when it changed
// anything that has them. It is for
// changes that rebuild tables (SQLite's twelve steps: a table is copied,
// dropped and renamed), which with foreign keys on would delete every
// row that names a dropped parent (ON DELETE CASCADE). PRAGMA foreign_keys
// has no effect inside a transaction, so it is set on the connection
// before; the connection is put back with foreign keys on, or discarded.
func withForeignKeysOff(ctx context.Context, db *sql.DB, fn func(tx *sql.Tx) error) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return fmt.Errorf("foreign keys off: %w", err)
	}
	defer func() {
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = ON"); rerr != nil {
			// Never hand back a connection without foreign keys.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			if err == nil {
				err = fmt.Errorf("foreign keys on: %w", rerr)
			}
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
