package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"rapport/storage/atomicfile"
)

// Backups are whole SQLite files, each a consistent snapshot made with
// VACUUM INTO, named for the database they are of (the name of its file
// without extension, and the first 8 hex digits of its identity, see ID)
// and the UTC second they were taken:
//
//	work-3f2a9c1e-20261123-093000.db             on schedule or on request
//	work-3f2a9c1e-20261123-093000-before-v5.db   before migrating to schema 5
//	work-3f2a9c1e-20261123-093000-before-restore.db  the state a restore replaced
//
// Only files named so are listed, and only a database's own are rotated,
// counted as its newest or offered to it for restore. Backups named as
// Rapport named them before databases had an identity,
// rapport-20261123-093000.db, are of a database no one can tell: they are
// listed as older backups and can be restored, but are never rotated away
// or chosen as a database's newest. A damaged database that a restore
// replaced is kept beside them as work-3f2a9c1e-20261123-093000-damaged.db,
// which nothing lists or removes. An encrypted backup is named as a plain
// one with ".age" added, work-3f2a9c1e-20261123-093000.db.age, and is its
// database's as a plain one is (see backup_sealed.go).

// backupInterval is how old the newest backup may be before BackupIfDue
// makes another.
const backupInterval = 24 * time.Hour

// keepMarked is how many of the newest backups taken before a migration,
// and how many taken before a restore, Rotate keeps whatever their age:
// they may be the only copy of the data as it was.
const keepMarked = 3

const backupTimeLayout = "20060102-150405"

var (
	backupNameRE = regexp.MustCompile(`^(.+)-([0-9a-f]{8})-(\d{8}-\d{6})(?:-before-(v\d+|restore))?\.db$`)
	olderNameRE  = regexp.MustCompile(`^rapport-(\d{8}-\d{6})(?:-before-(v\d+|restore))?\.db$`)
)

// BackupDir is the backups folder beside the database: <dir of db>/backups.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// Backup is one snapshot file.
type Backup struct {
	Path string
	// At is when the snapshot was taken, in UTC, to the second.
	At   time.Time
	Size int64
	// Before says what the snapshot was taken before: "v5" for a migration
	// to schema version 5, "restore" for a restore that replaced this
	// state; empty for a backup on schedule or on request.
	Before string
	// Stem and ID name the database the backup is of: the name of its
	// file without extension and the first 8 hex digits of its identity.
	// Both are "" for an older backup, named before databases had an
	// identity, whose database is unknown.
	Stem, ID string
	// Encrypted says the snapshot is encrypted with a passphrase (see
	// Encrypted and package sealed); its name ends in ".db.age".
	Encrypted bool
}

// Older reports whether b was named before databases had an identity, so
// that whose it is is unknown.
func (b Backup) Older() bool { return b.ID == "" }

// name is the file name of a backup of o's database taken at at; before is
// "" or what Backup.Before holds. A database without an identity (open
// read-only) has its backups named as older backups are.
func (o owner) name(at time.Time, before string) string {
	name := "rapport-" + at.UTC().Format(backupTimeLayout)
	if o.short() != "" {
		name = o.stem + "-" + o.short() + "-" + at.UTC().Format(backupTimeLayout)
	}
	if before != "" {
		name += "-before-" + before
	}
	return name + ".db"
}

// parseBackupName reads whose a backup is, when it was taken and its mark
// from its file name.
func parseBackupName(name string) (b Backup, ok bool) {
	stamp := ""
	if m := backupNameRE.FindStringSubmatch(name); m != nil {
		b.Stem, b.ID, stamp, b.Before = m[1], m[2], m[3], m[4]
	} else if m := olderNameRE.FindStringSubmatch(name); m != nil {
		stamp, b.Before = m[1], m[2]
	} else {
		return Backup{}, false
	}
	at, err := time.ParseInLocation(backupTimeLayout, stamp, time.UTC)
	if err != nil {
		return Backup{}, false
	}
	b.At = at
	return b, true
}

// Backup writes a consistent snapshot of the open database into dir
// (created 0700 if missing) as "work-3f2a9c1e-20261123-093000.db", named
// for the database and the UTC time of the store's clock, readable by the user alone, via VACUUM
// INTO to a temporary name then a rename, so dir never holds half a
// backup; a backup taken within the same second replaces it. Writers may
// go on meanwhile: the snapshot is of the moment the backup began. Then it
// rotates the database's own backups in dir (see Rotate). If only the
// rotation fails, the new backup is returned with the error. With
// Encrypted(passphrase) among opts, the backup is encrypted and its name
// ends in ".db.age" (see backup_sealed.go); it belongs to the database as
// a plain one does.
func (s *Store) Backup(ctx context.Context, dir string, opts ...BackupOption) (Backup, error) {
	// A copy of a damaged file would rotate good backups away.
	if err := s.Intact(ctx); err != nil {
		return Backup{}, fmt.Errorf("backup: %w", err)
	}
	o, err := s.owner(ctx)
	if err != nil {
		return Backup{}, fmt.Errorf("backup: %w", err)
	}
	now := s.now()
	b, err := snapshotTo(ctx, s.db, s.path, dir, o.name(now, ""), opts)
	if err != nil {
		return Backup{}, err
	}
	if err := rotate(dir, now, o); err != nil {
		return b, fmt.Errorf("backup: %w", err)
	}
	return b, nil
}

// Rotate rotates the database's own backups in dir as Backup does after
// writing one, by the store's clock.
func (s *Store) Rotate(ctx context.Context, dir string) error {
	o, err := s.owner(ctx)
	if err != nil {
		return fmt.Errorf("rotate backups: %w", err)
	}
	return rotate(dir, s.now(), o)
}

// BackupIfDue makes a backup, as Backup does, when the newest of the
// database's own backups in dir is 24 hours old or older, or there is
// none, reporting whether it made one; encrypted or not, as opts say. When none is due it returns the
// newest backup there is. (A newest backup more than a day in the future
// means the clock was set back: one is due.) A database that holds nobody
// yet is not backed up (there is nothing to keep): it returns the newest
// backup there is, if any, and made false, so the first daily backup is
// taken once the first person is added, not of the empty database.
func (s *Store) BackupIfDue(ctx context.Context, dir string, opts ...BackupOption) (Backup, bool, error) {
	o, err := s.owner(ctx)
	if err != nil {
		return Backup{}, false, fmt.Errorf("backup: %w", err)
	}
	list, err := backupsIn(o.owns, dir)
	if err != nil {
		return Backup{}, false, err
	}
	var newest Backup
	if len(list) > 0 {
		newest = list[0]
		if age := s.now().Sub(newest.At); age < backupInterval && age > -backupInterval {
			return newest, false, nil
		}
	}
	anyone, err := s.AnyPerson(ctx)
	if err != nil {
		return Backup{}, false, fmt.Errorf("backup: %w", err)
	}
	if !anyone {
		return newest, false, nil
	}
	b, err := s.Backup(ctx, dir, opts...)
	return b, b.Path != "", err
}

// Backups lists the snapshots in dir, of any database, newest first: the
// files named as Backup and Open name them, plain or encrypted, and older
// backups, nothing else. A missing dir has none.
func Backups(dir string) ([]Backup, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	var out []Backup
	modified := make(map[string]time.Time)
	for _, e := range entries {
		snap, encrypted := backupFileName(e.Name())
		b, ok := parseBackupName(snap)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if errors.Is(err, fs.ErrNotExist) {
			continue // removed since ReadDir
		}
		if err != nil {
			return nil, fmt.Errorf("list backups: %w", err)
		}
		b.Path, b.Size, b.Encrypted = filepath.Join(dir, e.Name()), info.Size(), encrypted
		out = append(out, b)
		modified[b.Path] = info.ModTime()
	}
	// Newest first; within one second, the one written last.
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.At.Equal(b.At) {
			return a.At.After(b.At)
		}
		if ma, mb := modified[a.Path], modified[b.Path]; !ma.Equal(mb) {
			return ma.After(mb)
		}
		return a.Path > b.Path
	})
	return out, nil
}

// rotate keeps, of o's backups in dir, the newest backup of each of the
// last 7 days, of each of the last 4 ISO weeks and of each of the last 12
// months (a file can count for several), and removes the rest. Backups of
// other databases, and older backups whose database is unknown, it leaves
// alone. Days, weeks and months are those of
// UTC, in which backups are named, counted back from now's. It never
// removes the newest backup, nor a backup dated after now (the clock may
// have been set back), nor one of the 3 newest taken before a migration or
// of the 3 newest taken before a restore. It also clears temporary files
// a backup interrupted an hour or more ago left behind.
func rotate(dir string, now time.Time, o owner) error {
	list, err := backupsIn(o.owns, dir)
	if err != nil {
		return err
	}
	now = now.UTC()
	keep := make(map[string]bool)
	for _, b := range list[:min(1, len(list))] { // the newest
		keep[b.Path] = true
	}
	today := civilDay(now)
	thisWeek := today - weekdayFromMonday(now)
	thisMonth := now.Year()*12 + int(now.Month()) - 1
	days, weeks, months := map[int]bool{}, map[int]bool{}, map[int]bool{}
	marked := map[bool]int{}
	for _, b := range list { // newest first: the first seen in a period is its newest
		at := b.At.UTC()
		if at.After(now) {
			keep[b.Path] = true
			continue
		}
		if b.Before != "" {
			kind := b.Before == "restore" // or a migration
			if marked[kind] < keepMarked {
				marked[kind]++
				keep[b.Path] = true
			}
		}
		day := civilDay(at)
		week := day - weekdayFromMonday(at)
		month := at.Year()*12 + int(at.Month()) - 1
		if today-day < 7 && !days[day] {
			days[day] = true
			keep[b.Path] = true
		}
		if (thisWeek-week)/7 < 4 && !weeks[week] {
			weeks[week] = true
			keep[b.Path] = true
		}
		if thisMonth-month < 12 && !months[month] {
			months[month] = true
			keep[b.Path] = true
		}
	}
	var errs []error
	for _, b := range list {
		if keep[b.Path] {
			continue
		}
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	errs = append(errs, removeStaleTemps(dir))
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("rotate backups: %w", err)
	}
	return nil
}

// civilDay numbers t's UTC calendar day: consecutive days, consecutive
// numbers.
func civilDay(t time.Time) int {
	y, m, d := t.UTC().Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// weekdayFromMonday is 0 on a Monday (when ISO weeks begin) to 6 on a
// Sunday.
func weekdayFromMonday(t time.Time) int { return (int(t.UTC().Weekday()) + 6) % 7 }

// tempPrefix begins the names of backups being written.
const tempPrefix = ".rapport-backup-"

// removeStaleTemps removes what backups interrupted at least an hour ago
// left in dir (a backup in progress is younger). The files' times are the
// system's, so this goes by the system clock, not a store's.
func removeStaleTemps(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < time.Hour {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// snapshot writes a consistent copy of db into dir/name: VACUUM INTO an
// empty temporary file made readable by the user alone, synced, then
// renamed over name, and the folder synced.
func snapshot(ctx context.Context, db *sql.DB, dir, name string) (b Backup, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, fmt.Errorf("backup: %w", err)
	}
	f, err := os.CreateTemp(dir, tempPrefix+"*.tmp")
	if err != nil {
		return Backup{}, fmt.Errorf("backup: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = os.Remove(tmp) // already failing; the first error is the one to report
			_ = os.Remove(tmp + "-journal")
			err = fmt.Errorf("backup to %s: %w", dir, err)
		}
	}()
	if err := f.Close(); err != nil {
		return Backup{}, err
	}
	// VACUUM INTO writes into an existing file when it is empty, keeping
	// its mode (CreateTemp makes it 0600).
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return Backup{}, err
	}
	if err := syncFile(tmp); err != nil {
		return Backup{}, err
	}
	path := filepath.Join(dir, name)
	if err := os.Rename(tmp, path); err != nil {
		return Backup{}, err
	}
	syncDir(dir)
	info, err := os.Stat(path)
	if err != nil {
		return Backup{}, err
	}
	b, _ = parseBackupName(name)
	b.Path, b.Size = path, info.Size()
	return b, nil
}

// syncFile makes the contents of the file at path durable.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable where folders can be synced;
// Windows cannot open one for this, which is no failure.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// freeName is name(at) or, when dir already holds a file of that name,
// name of the first later second that it does not: a backup taken before
// a migration or a restore may be the only copy of what it holds, so it
// never replaces another.
func freeName(dir string, at time.Time, name func(time.Time) string) string {
	for i := 0; ; i++ {
		n := name(at.Add(time.Duration(i) * time.Second))
		if _, err := os.Lstat(filepath.Join(dir, n)); errors.Is(err, fs.ErrNotExist) || i >= 3600 {
			return n
		}
	}
}

// markedName returns the namer of o's backups with the given mark, for
// freeName.
func (o owner) markedName(before string) func(time.Time) string {
	return func(at time.Time) string { return o.name(at, before) }
}

// backupBeforeMigrating snapshots a database that has a schema before
// migrating it to schema version known, into BackupDir, so that an upgrade
// can always be undone. A brand-new database (schema 0) has nothing to
// keep.
func (s *Store) backupBeforeMigrating(ctx context.Context, known int) error {
	version, err := s.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version == 0 || version >= known {
		return nil
	}
	o, err := s.migrationOwner(ctx)
	if err != nil {
		return fmt.Errorf("before migrating from schema %d to %d: %w", version, known, err)
	}
	dir := BackupDir(s.path)
	to := "v" + strconv.Itoa(known)
	if _, err := snapshot(ctx, s.db, dir, freeName(dir, s.now(), o.markedName(to))); err != nil {
		return fmt.Errorf("before migrating from schema %d to %d: %w", version, known, err)
	}
	return nil
}

// migrationOwner is the owner of the backup taken before a migration: the
// store's, unless the schema is older than the setting table that keeps
// identities, when the backup is named as older backups are.
func (s *Store) migrationOwner(ctx context.Context) (owner, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'setting'`).Scan(&n)
	if err != nil || n == 0 {
		return ownerOf(s.path, ""), err
	}
	return s.owner(ctx)
}

// Restore replaces the database at dbPath with the backup at backupPath.
// The backup must be a Rapport database this build can open that passes
// PRAGMA quick_check. Restore first keeps the current state in the backups
// folder beside dbPath: a snapshot marked "before-restore" when the
// current file is a sound Rapport database, or, when it is damaged, a copy
// of its bytes (and of its write-ahead log) named "…-damaged.db". It then
// writes the backup over dbPath atomically (see atomicfile) and removes
// the stale -wal, -shm and -journal files that belonged to the file it
// replaced. A file that is not a Rapport database is never replaced. The
// database must not be open: with a Store holding it, Restore returns an
// error wrapping ErrLocked, and it holds the lock itself meanwhile.
func Restore(dbPath, backupPath string) error {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return fmt.Errorf("restore %s: %w", dbPath, err)
	}
	src, err := filepath.Abs(backupPath)
	if err != nil {
		return fmt.Errorf("restore %s: %w", backupPath, err)
	}
	if err := restore(abs, src, time.Now()); err != nil {
		return fmt.Errorf("restore %s from %s: %w", abs, src, err)
	}
	return nil
}

// restore is Restore with absolute paths and the time now.
func restore(dbPath, src string, now time.Time) error {
	return restoreAs(dbPath, src, filepath.Base(src), now)
}

// restoreAs is restore from src, called shown in what it says (the
// encrypted backup a decrypted copy was made from).
func restoreAs(dbPath, src, shown string, now time.Time) error {
	if dbPath == src {
		return errors.New("the backup is the database itself")
	}
	if a, err := os.Stat(dbPath); err == nil {
		if b, err := os.Stat(src); err == nil && os.SameFile(a, b) {
			return errors.New("the backup is the database itself")
		}
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return err
	}
	lock, err := acquireLock(dbPath)
	if err != nil {
		return err
	}
	// Leaves no empty file behind when the restore made it and failed.
	defer lock.discard()
	migrations, err := loadMigrations()
	if err != nil {
		return err
	}
	theirs, ours, err := checkBackup(dbPath, src, shown, len(migrations))
	if err != nil {
		return err
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	// After the restore the database is the one the backup is of; an
	// older backup, of no known database, keeps the identity of the
	// database it replaces.
	id := cmp.Or(theirs, ours)
	if err := keepCurrent(dbPath, ownerOf(dbPath, id), len(migrations), now); err != nil {
		return err
	}
	// Remove the old file's log first: left beside the restored file,
	// SQLite would replay it onto it. The old state is kept by now.
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := atomicfile.Write(dbPath, data); err != nil {
		return err
	}
	if theirs == "" && ours != "" {
		return adoptID(dbPath, ours)
	}
	return nil
}

// checkBackup refuses a backup that cannot replace the database at
// dbPath: not a sound Rapport database this build can open (an encrypted
// one must be decrypted first), or one of another database (both files
// carry an identity, and they differ). It returns the identities of the
// backup and of the database, "" for none; shown names the backup.
func checkBackup(dbPath, src, shown string, known int) (theirs, ours string, err error) {
	if fi, err := os.Stat(src); err != nil {
		return "", "", err
	} else if fi.Size() == 0 {
		return "", "", fmt.Errorf("%w: the backup is empty", ErrNotRapport)
	}
	if enc, err := IsEncryptedFile(src); err != nil {
		return "", "", err
	} else if enc {
		return "", "", fmt.Errorf("%s is encrypted: restore it with its passphrase", shown)
	}
	if _, err := checkFile(src, known, false); err != nil {
		return "", "", fmt.Errorf("the backup cannot be used: %w", err)
	}
	theirs, ours = IDOf(src), IDOf(dbPath)
	if theirs != "" && ours != "" && theirs != ours {
		return "", "", fmt.Errorf("%w: %s is of the database %s, the file it would replace is %s",
			ErrOtherDatabase, shown, theirs[:8], ours[:8])
	}
	return theirs, ours, nil
}

// adoptID gives the database file at path, just restored from an older
// backup that has no identity, the identity id of the database it
// replaced, so that its backups stay its own.
func adoptID(path, id string) error {
	db, err := sql.Open("sqlite3", dsn(path, "_busy_timeout=5000&_txlock=immediate"))
	if err != nil {
		return err
	}
	_, err = db.Exec(`INSERT INTO setting (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, idKey, id)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("keep the database id: %w", err)
	}
	return nil
}

// keepCurrent saves what is at dbPath before a restore replaces it: a
// snapshot of a sound database, the bytes of a damaged one; nothing when
// there is no file. It refuses a file that is not Rapport's.
func keepCurrent(dbPath string, o owner, known int, now time.Time) error {
	fi, err := os.Stat(dbPath)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Size() == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	dir := BackupDir(dbPath)
	_, err = checkFile(dbPath, known, false)
	if errors.Is(err, ErrTooNew) { // a newer Rapport's, kept all the same
		err = quickCheck(context.Background(), dbPath)
	}
	switch {
	case err == nil:
		db, err := openProbe(dbPath)
		if err != nil {
			return err
		}
		_, serr := snapshot(context.Background(), db, dir, freeName(dir, now, o.markedName("restore")))
		if err := db.Close(); serr == nil {
			serr = err
		}
		if serr != nil {
			return fmt.Errorf("keep the current database: %w", serr)
		}
		return nil
	case errors.Is(err, ErrDamaged):
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		name := freeName(dir, now, func(at time.Time) string {
			return strings.TrimSuffix(o.name(at, ""), ".db") + "-damaged.db"
		})
		for _, suffix := range []string{"", "-wal"} {
			if err := copyFile(dbPath+suffix, filepath.Join(dir, name+suffix)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("keep the damaged database: %w", err)
			}
		}
		return nil
	default:
		return fmt.Errorf("the file to replace: %w", err)
	}
}

// copyFile copies the file at from to a new file at to, readable by the
// user alone, synced.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
