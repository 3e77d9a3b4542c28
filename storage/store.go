// Package storage keeps Rapport's data in one SQLite file: it opens and
// migrates the database, guards it against a second writer, and offers one
// transactional method per operation on each entity (one file per entity).
package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-sqlite3" // registers the "sqlite3" driver; its error codes
)

// ApplicationID is the SQLite application_id that marks a file as a
// Rapport database ('RAPP').
const ApplicationID = 0x52415050

// Errors that Open and the entity methods return, to be checked with
// errors.Is.
var (
	// ErrNotFound means the record asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrLocked means another Rapport process has the database open.
	ErrLocked = errors.New("database is in use by another Rapport window")
	// ErrNotRapport means the file exists but is not a Rapport database.
	ErrNotRapport = errors.New("not a Rapport database")
	// ErrTooNew means the database was written by a newer Rapport.
	ErrTooNew = errors.New("database was made by a newer version of Rapport")
	// ErrNotEmpty means an operation that needs an empty database found data.
	ErrNotEmpty = errors.New("database is not empty")
	// ErrDuplicate means the record would repeat one that already exists,
	// such as a second identical tie between the same two people.
	ErrDuplicate = errors.New("already exists")
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open Rapport database. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
	lock *fileLock
	// writing lets one write transaction of this process run at a time,
	// in turn: SQLite's own busy wait lets a writer that commits and
	// begins again at once starve another (a backup saving the database's
	// identity while an import writes) past the busy timeout.
	writing *sync.Mutex
	// notice is what Open did to the file unasked, for the user: "" or
	// one sentence or more (see Notice).
	notice string
	// readOnly is why the store was opened read-only, nil when it can
	// write.
	readOnly error
	// intact is the integrity check running in the background after
	// OpenCheckingInBackground; nil when Open checked before opening.
	intact *integrityCheck
	// version counts the write transactions of this store that have
	// ended, so that a result computed from the data can be kept until it
	// moves (reachRisks). The file's lock keeps other processes from
	// writing.
	version *atomic.Uint64
	// reachRisks keeps the last ReachRisks.
	reachRisks *riskCache
	// committed holds what is called after each write transaction
	// commits (see OnCommit); nil, or holding nil, calls nothing.
	committed *atomic.Pointer[func()]

	// Now is the clock used for created/updated times and anything relative
	// to today. Tests replace it to pin time.
	Now func() time.Time
}

// Open opens the Rapport database at path, creating it (and its folder)
// readable by the user alone when it does not exist, and brings its schema
// up to date. It refuses, without changing the file, one that is not a
// Rapport database, one made by a newer Rapport, one that another
// Rapport process has open, and one that fails PRAGMA quick_check
// (ErrDamaged). Before migrating a database that has a schema it writes a
// backup of it into BackupDir(path), marked with the version it migrates to.
func Open(path string) (*Store, error) {
	return openFile(path, false)
}

// OpenCheckingInBackground opens the database as Open does, but for its
// PRAGMA quick_check, which reads the whole file (about 90 ms on a
// 40 MB database): unless the schema must be migrated, it runs in the
// background while the caller goes on reading, from the first call of
// Intact (a window makes it once its first screen shows) or the first
// write or backup. Every write and backup waits for it; if it fails they
// return an error wrapping ErrDamaged without touching the file, and so
// does Intact, which a window watches to explain and offer a backup.
func OpenCheckingInBackground(path string) (*Store, error) {
	return openFile(path, true)
}

func openFile(path string, background bool) (*Store, error) {
	if path == "" {
		return nil, errors.New("open database: no path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("open database: create folder: %w", err)
	}
	lock, err := acquireLock(abs)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	s, err := open(abs, lock, background)
	if err != nil {
		lock.discard()
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	return s, nil
}

// removeIfEmpty removes the database file at path, and what SQLite made
// beside it, when created says this process made it and it is still
// empty: a failed open or restore leaves nothing behind.
func removeIfEmpty(path string, created bool) {
	if !created {
		return
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		return
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal", ""} {
		if fi, err := os.Lstat(path + suffix); err == nil && fi.Mode().IsRegular() {
			_ = os.Remove(path + suffix) // best effort: the open already failed
		}
	}
}

func open(path string, lock *fileLock, background bool) (*Store, error) {
	migrations, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	// Refuse a file that is not ours, too new or damaged before anything
	// (even a checkpoint) can write to it. Only a file that needs no
	// migration may be checked in the background: writes wait for that.
	version, err := checkFile(path, len(migrations), background)
	if err != nil {
		return nil, err
	}
	var intact *integrityCheck // nil: checked already
	if background && version == len(migrations) {
		intact = checkInBackground(path)
	}
	// acquireLock made a missing file readable by the user alone; one
	// made looser is tightened, and the -wal and -shm files SQLite derives
	// from it take its mode.
	notice := privatise(path)
	db, readOnly, err := connect(path, version == len(migrations))
	if err != nil {
		intact.stop()
		return nil, err
	}
	s := &Store{db: db, path: path, lock: lock, intact: intact, notice: notice, readOnly: readOnly, Now: time.Now,
		writing: new(sync.Mutex), version: new(atomic.Uint64), reachRisks: new(riskCache), committed: new(atomic.Pointer[func()])}
	if readOnly != nil {
		s.notice = joinNotice(notice, "Opened "+filepath.Base(path)+" read-only: "+readOnly.Error()+
			". It can be read, exported and backed up to another disk; nothing can be saved.")
		return s, nil
	}
	fail := func(err error) (*Store, error) {
		intact.stop()
		db.Close()
		return nil, err
	}
	// The file's lock keeps every other process out: a schema read as
	// current before connecting is current still, and needs neither a
	// backup nor a look under the write lock.
	if version < len(migrations) {
		if err := s.backupBeforeMigrating(context.Background(), len(migrations)); err != nil {
			return fail(err)
		}
		if err := s.migrate(context.Background(), migrations); err != nil {
			return fail(err)
		}
	}
	if err := s.refoldStale(context.Background()); err != nil {
		return fail(fmt.Errorf("fold credits: %w", err))
	}
	return s, nil
}

// Close closes the database and lets another process open it. An
// integrity check still running is stopped first.
func (s *Store) Close() error {
	s.intact.stop()
	err := s.db.Close()
	s.lock.release()
	return err
}

// Path is the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// dsn builds an SQLite URI filename for path with the given query.
func dsn(path, query string) string {
	p := filepath.ToSlash(path)
	if runtime.GOOS == "windows" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return "file:" + (&url.URL{Path: p}).EscapedPath() + "?" + query
}

// checkExisting inspects a database file before anything writes to it: a
// file that is not SQLite, or is SQLite but not Rapport's, or is newer than
// this build, is refused. A missing or empty file is fine: it will be made.
// It returns the file's schema version, 0 for a file still to be made.
// A file it accepts is then put through PRAGMA quick_check on the same
// read-only look, unless later is set and its schema is current.
func checkExisting(path string, known int, later bool) (version int, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	header := make([]byte, 100)
	n, _ := f.Read(header)
	if n == 0 {
		return 0, nil
	}
	if n < 100 || string(header[:16]) != "SQLite format 3\x00" {
		return 0, fmt.Errorf("%w: the file is not an SQLite database", ErrNotRapport)
	}
	// Read the header fields through SQLite itself, read-only: a recent
	// change may still sit in the write-ahead log.
	db, err := openProbe(path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var appID, tables int
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return 0, probeFailed(err)
	}
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return 0, probeFailed(err)
	}
	if err := db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&tables); err != nil {
		return 0, probeFailed(err)
	}
	if appID != ApplicationID && (tables > 0 || version > 0 || appID != 0) {
		return 0, fmt.Errorf("%w: it is an SQLite database of another application", ErrNotRapport)
	}
	if version > known {
		return 0, fmt.Errorf("%w (schema %d; this Rapport knows up to %d): update Rapport", ErrTooNew, version, known)
	}
	if !later || version < known {
		rows, err := db.QueryContext(context.Background(), "PRAGMA quick_check(10)")
		return version, checkResult("quick_check", rows, err)
	}
	return version, nil
}

type migration struct {
	name string
	sql  string
}

func loadMigrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]migration, 0, len(names))
	for _, name := range names {
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{name: name, sql: string(b)})
	}
	return out, nil
}

// SchemaVersion is the number of migrations applied to the database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate applies, in order and each in its own transaction, the
// migrations the database has not had yet. user_version counts them.
func (s *Store) migrate(ctx context.Context, migrations []migration) error {
	for {
		done, err := s.migrateOne(ctx, migrations)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next pending migration and reports whether none
// was left. Reading the version inside the write transaction means two
// processes racing to migrate cannot both apply the same step.
func (s *Store) migrateOne(ctx context.Context, migrations []migration) (done bool, err error) {
	// Foreign keys off: a migration may rebuild a table (0006_checks.sql).
	err = withForeignKeysOff(ctx, s.db, func(tx *sql.Tx) error {
		var version int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
			return err
		}
		if version >= len(migrations) {
			done = true
			return nil
		}
		m := migrations[version]
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version+1)); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
		return checkForeignKeys(ctx, tx)
	})
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	return done, nil
}

// inTx runs fn in one write transaction, committing when it returns nil
// and rolling back otherwise.
// The rollback is deferred, so that a panic in fn cannot leave the write
// lock held.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.Intact(ctx); err != nil {
		return err
	}
	if s.readOnly != nil {
		return fmt.Errorf("database %s is open read-only: %w", s.path, s.readOnly)
	}
	s.writing.Lock()
	defer s.writing.Unlock()
	defer s.changed() // after the commit or rollback: see version
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if s.committed != nil {
		if f := s.committed.Load(); f != nil {
			(*f)()
		}
	}
	return nil
}

// OnCommit sets fn to be called after each write transaction of this
// store commits, on the goroutine that wrote, so that a view of the data
// kept elsewhere (the tray's count of what is due) can be read again;
// fn must return at once. nil stops the calls.
func (s *Store) OnCommit(fn func()) {
	if s.committed == nil {
		s.committed = new(atomic.Pointer[func()])
	}
	if fn == nil {
		s.committed.Store(nil)
		return
	}
	s.committed.Store(&fn)
}

// changed counts one more write transaction ended: whatever was
// computed from the data before may be out of date.
func (s *Store) changed() {
	if s.version != nil {
		s.version.Add(1)
	}
}

// inReadTx runs fn on one connection inside a deferred transaction, so
// that its queries all see one snapshot of the database without taking the
// write lock (the DSN makes BeginTx immediate, which suits writers only).
func (s *Store) inReadTx(ctx context.Context, fn func(q querier) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		conn.Close()
		return err
	}
	defer endRead(ctx, conn)
	return fn(conn)
}

// endRead rolls back the read transaction on conn and gives conn back to
// the pool. A read transaction has nothing to undo, but a connection still
// in one must not go back to the pool: a failed rollback closes it.
func endRead(ctx context.Context, conn *sql.Conn) {
	if _, err := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); err != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	_ = conn.Close() // only says the connection was closed already
}

// now is the store's clock in UTC, truncated to what the database keeps.
func (s *Store) now() time.Time { return s.Now().UTC().Truncate(time.Millisecond) }

// timeLayout is how instants are stored: RFC 3339 in UTC with a fixed
// number of fractional digits, so that text order is time order.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// dayLayout is how days without a time are stored.
const dayLayout = "2006-01-02"

// instant converts t for storage: NULL when zero.
func instant(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// day converts a calendar day for storage: NULL when zero.
func day(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(dayLayout)
}

// timeField scans a stored instant or day (or NULL) into a time.Time.
type timeField struct{ dst *time.Time }

func (f timeField) Scan(v any) error {
	var s string
	switch v := v.(type) {
	case nil:
		*f.dst = time.Time{}
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	case time.Time:
		*f.dst = v.UTC()
		return nil
	default:
		return fmt.Errorf("time column holds %T", v)
	}
	return parseStoredTime(s, f.dst)
}

// parseStoredTime reads a stored instant or day into dst. Instants in the
// exact form instant writes are read digit by digit, several times faster
// than time.Parse, which matters for tens of thousands of rows; anything
// else goes through parseByLayout, so both give the same time or refuse the
// same texts.
func parseStoredTime(s string, dst *time.Time) error {
	const n = len("2006-01-02T15:04:05.000Z")
	if len(s) != n || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
		s[19] != '.' || s[23] != 'Z' {
		return parseByLayout(s, dst)
	}
	num := func(i, j int) int {
		v := 0
		for ; i < j; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d := num(0, 4), num(5, 7), num(8, 10)
	h, mi, sec, ms := num(11, 13), num(14, 16), num(17, 19), num(20, 23)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0 {
		return parseByLayout(s, dst)
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, ms*1e6, time.UTC)
	if t.Day() != d { // 31 April and the like: let time.Parse refuse it
		return parseByLayout(s, dst)
	}
	*dst = t
	return nil
}

// parseByLayout reads a stored instant or day with time.Parse.
func parseByLayout(s string, dst *time.Time) error {
	layout := timeLayout
	if len(s) == len(dayLayout) {
		layout = dayLayout
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return fmt.Errorf("time column: %w", err)
	}
	*dst = t.UTC()
	return nil
}

// idField scans a nullable foreign key into an int64 that is 0 for NULL.
type idField struct{ dst *int64 }

func (f idField) Scan(v any) error {
	var n sql.NullInt64
	if err := n.Scan(v); err != nil {
		return err
	}
	*f.dst = n.Int64
	return nil
}

// ref converts a foreign key for storage: NULL when 0.
func ref(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// isConstraint reports whether err is an SQLite constraint violation with
// the given extended code, such as sqlite3.ErrConstraintUnique.
func isConstraint(err error, code sqlite3.ErrNoExtended) bool {
	var e sqlite3.Error
	return errors.As(err, &e) && e.ExtendedCode == code
}

// missingRef explains a foreign key violation: a record named something
// (a person, a meeting) that does not exist.
func missingRef(op, names string, err error) error {
	if isConstraint(err, sqlite3.ErrConstraintForeignKey) {
		return fmt.Errorf("%s: it names %s that does not exist: %w", op, names, err)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// notFound turns sql.ErrNoRows into a descriptive ErrNotFound.
func notFound(err error, what string, id int64) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	return err
}

// checkAffected returns ErrNotFound when an update or delete touched no row.
func checkAffected(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
	}
	return nil
}
