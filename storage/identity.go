package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// idKey is the setting that holds a database's identity: 32 hex digits
// (128 random bits) made the first time a backup needs it. It lives inside
// the file, so a copy or a backup of the file carries it, a restored
// backup keeps it, and a restored export takes the one it carries.
const idKey = "database.id"

// ErrOtherDatabase means a backup belongs to another database than the
// one it would replace.
var ErrOtherDatabase = errors.New("the backup is of another database")

// validID reports whether id is an identity as newID makes them.
func validID(id string) bool {
	if len(id) != 32 {
		return false
	}
	_, err := hex.DecodeString(id)
	return err == nil && strings.ToLower(id) == id
}

// newID makes a random identity.
func newID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make a database id: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// readID reads the identity in the setting table: "" when there is none
// or it is not one newID made.
func readID(ctx context.Context, q querier) (string, error) {
	rows, err := q.QueryContext(ctx, `SELECT value FROM setting WHERE key = ?`, idKey)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var id string
	if rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return "", err
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if !validID(id) {
		return "", nil
	}
	return id, nil
}

// ID returns the database's identity, which names its backups, making
// and saving it the first time it is asked for (so opening a database
// never writes). A read-only store without one returns "".
func (s *Store) ID(ctx context.Context) (string, error) {
	id, err := readID(ctx, s.db)
	if err != nil || id != "" || s.readOnly != nil {
		return id, err
	}
	fresh, err := newID()
	if err != nil {
		return "", err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if id, err = readID(ctx, tx); err != nil || id != "" {
			return err // made meanwhile
		}
		id = fresh
		_, err := tx.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, idKey, fresh)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("save the database id: %w", err)
	}
	return id, nil
}

// IDOf reads the identity inside the database or backup file at path
// without writing to it or beside it: "" when it has none or cannot be
// read (an older backup, a damaged file).
func IDOf(path string) string {
	db, err := openProbe(path)
	if err != nil {
		return ""
	}
	defer db.Close()
	id, err := readID(context.Background(), db)
	if err != nil {
		return ""
	}
	return id
}

// owner is whose backups are whose: the name of the database file
// without its extension (its stem) and its identity. Backups are named
// with both and belong to a database when both match: two databases in
// one folder differ by name, and a copy renamed is a database of its own.
type owner struct{ stem, id string }

// ownerOf is the owner of the database at path with identity id.
func ownerOf(path, id string) owner { return owner{stem: stemOf(path), id: id} }

// stemOf is the database file's name without its extension ("rapport"
// for rapport.db), as backup names begin.
func stemOf(path string) string {
	base := filepath.Base(path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if stem == "" || stem == "." || stem == string(filepath.Separator) {
		return "rapport"
	}
	return stem
}

// short is the part of the identity backup names carry: 8 hex digits,
// enough to tell a user's databases apart (a restore confirms the whole
// identity inside the file).
func (o owner) short() string {
	if len(o.id) < 8 {
		return ""
	}
	return o.id[:8]
}

// owns reports whether b is a backup of o's database by its name.
func (o owner) owns(b Backup) bool {
	return o.short() != "" && b.ID == o.short() && b.Stem == o.stem
}

// owner is the store's owner, making its identity when needed.
func (s *Store) owner(ctx context.Context) (owner, error) {
	id, err := s.ID(ctx)
	if err != nil {
		return owner{}, err
	}
	return ownerOf(s.path, id), nil
}
