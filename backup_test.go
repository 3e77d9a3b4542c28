package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/keyring"
)

// makeBackupTestDB writes a closed database at path with n people in it.
func makeBackupTestDB(t *testing.T, path string, n int) {
	t.Helper()
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		p := model.NewPerson("Person " + strings.Repeat("p", i%30))
		p.Notes = strings.Repeat("Met at the offsite. ", 20)
		if err := st.CreatePerson(context.Background(), &p); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRunBackup(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeBackupTestDB(t, db, 3)
	elsewhere := filepath.Join(dir, "elsewhere")

	// A damaged copy: the middle page of a larger database overwritten.
	damaged := filepath.Join(dir, "damaged", "rapport.db")
	makeBackupTestDB(t, damaged, 150)
	data, err := os.ReadFile(damaged)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	mid := len(data) / page / 2 * page
	copy(data[mid:mid+page], bytes.Repeat([]byte("garbage! "), page/9+1))
	if err := os.WriteFile(damaged, data, 0o600); err != nil {
		t.Fatal(err)
	}

	backupLine := regexp.MustCompile(`^Backed up (.+) \((\d+) KB\) to (.+)\n$`)
	tests := []struct {
		name     string
		args     []string
		env      string // $RAPPORT_DB
		wantCode int
		wantDir  string // where the backup lands, when one is made
		wantErr  string
	}{
		{"beside the database", []string{"--db", db}, "", 0, storage.BackupDir(db), ""},
		{"to a folder", []string{"--db", db, "--to", elsewhere}, "", 0, elsewhere, ""},
		{"the database from the environment", nil, db, 0, storage.BackupDir(db), ""},
		{"no database", []string{"--db", filepath.Join(dir, "missing.db")}, "", 1, "", "no database to back up"},
		{"a damaged database", []string{"--db", damaged}, "", 1, "", "has not been changed"},
		{"an argument", []string{"--db", db, "now"}, "", 2, "", "unexpected argument"},
		{"a bad flag", []string{"--colour"}, "", 2, "", "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("RAPPORT_DB", tt.env)
			var out, errOut bytes.Buffer
			before, _ := os.ReadFile(damaged)
			code := runBackup(tt.args, &out, &errOut)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.wantCode, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr %q does not contain %q", errOut.String(), tt.wantErr)
			}
			if after, _ := os.ReadFile(damaged); !bytes.Equal(before, after) {
				t.Error("the damaged database was changed")
			}
			if tt.wantDir == "" {
				if out.Len() > 0 {
					t.Errorf("stdout %q, want nothing", out.String())
				}
				return
			}
			m := backupLine.FindStringSubmatch(out.String())
			if m == nil {
				t.Fatalf("stdout %q, want \"Backed up PATH (N KB) to FILE\"", out.String())
			}
			if m[1] != db || filepath.Dir(m[3]) != tt.wantDir {
				t.Errorf("backed up %s to %s, want %s into %s", m[1], m[3], db, tt.wantDir)
			}
			fi, err := os.Stat(m[3])
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != 0o600 || m[2] != strconv.FormatInt((fi.Size()+1023)/1024, 10) {
				t.Errorf("backup mode %v, %d bytes, reported %s KB", fi.Mode().Perm(), fi.Size(), m[2])
			}
		})
	}

	// While a Store (the window) holds the database, the command says so.
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out, errOut bytes.Buffer
	if code := runBackup([]string{"--db", db}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "Close it") {
		t.Errorf("backup of an open database: exit %d, stderr %q", code, errOut.String())
	}
}

func TestBackupFolderFromSettings(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeBackupTestDB(t, db, 2)
	usb := filepath.Join(dir, "usb", "Rapport backups")

	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	b := st.BackupSet(keyring.New(nil))
	if b.Folder() != storage.BackupDir(st.Path()) || b.Folder() != b.DefaultFolder() {
		t.Errorf("with no folder set, backups go to %q, want %q", b.Folder(), storage.BackupDir(st.Path()))
	}
	beside, err := b.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	s, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.BackupFolder = usb
	if err := st.SaveSettings(ctx, s); err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return time.Now().Add(time.Hour) }
	onUSB, err := b.BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(onUSB.Path) != usb {
		t.Errorf("with the folder set, a backup went to %s, want %s", onUSB.Path, usb)
	}
	list, err := b.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Path != onUSB.Path || list[1].Path != beside.Path {
		t.Errorf("List = %+v, want the USB backup then the one beside the database", list)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// rapport backup uses the folder of the settings too.
	var stdout, stderr bytes.Buffer
	if code := run([]string{"backup", "--db", db}, &stdout, &stderr); code != 0 {
		t.Fatalf("rapport backup: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), usb) {
		t.Errorf("rapport backup wrote %q, want a backup in %s", stdout.String(), usb)
	}
}

func TestDamagedDatabaseFindsBackupsInTheFolderOfItsSettings(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	dir := t.TempDir()
	db := filepath.Join(dir, "rapport.db")
	makeBackupTestDB(t, db, 150)
	usb := filepath.Join(dir, "usb")
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	s := model.DefaultSettings()
	s.BackupFolder = usb
	if err := st.SaveSettings(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	b, err := st.BackupSet(keyring.New(nil)).BackupNow()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// A page of people three quarters in (the settings sit in the middle).
	const page = 4096
	at := len(data) / page * 3 / 4 * page
	copy(data[at:at+page], bytes.Repeat([]byte("garbage! "), page/9+1))
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if newest, note := storage.NewestBackupOf(db); newest.Path != b.Path || note != "" {
		t.Fatalf("newest backup of the damaged database = %+v (%q), want the one in %s", newest, note, usb)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"backup", "--db", db}, &stdout, &stderr); code != 1 {
		t.Fatalf("backup of a damaged database: exit %d", code)
	}
	if !strings.Contains(stderr.String(), "The newest backup of this database is "+b.Path) {
		t.Errorf("stderr = %q, want it to name %s", stderr.String(), b.Path)
	}

	// The window offers the same backup, and restores it after letting
	// go of the database.
	p := startupProblem(db, fmt.Errorf("open: %w", storage.ErrDamaged), func() {})
	if p.Restore == nil || p.Encrypted || !strings.Contains(p.Advice, "The newest backup of it is from") {
		t.Fatalf("the window's advice = %q (restore offered: %v)", p.Advice, p.Restore != nil)
	}
	if err := p.Restore(""); err != nil {
		t.Fatal(err)
	}
	restored, err := storage.Open(db)
	if err != nil {
		t.Fatalf("the restored database does not open: %v", err)
	}
	restored.Close()
}

func TestStartupProblemSaysWhatToDo(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{storage.ErrLocked, "already open"},
		{storage.ErrNotRapport, "not a Rapport database"},
		{storage.ErrTooNew, "newer version"},
		{errors.New("disk full"), "could not open"},
		{storage.ErrDamaged, "no backup of it to restore"},
	} {
		p := startupProblem(filepath.Join(t.TempDir(), "rapport.db"), fmt.Errorf("open: %w", c.err), func() {})
		if !strings.Contains(p.Advice, c.want) || p.Restore != nil || !errors.Is(p.Err, c.err) {
			t.Errorf("%v: advice %q (restore offered: %v), want %q and none", c.err, p.Advice, p.Restore != nil, c.want)
		}
	}
}

// Issue 18, fault 1, as reported: two demo databases in one folder,
// backed up one after the other; both backups stay, each the newest of
// its own database.
func TestBackupsOfTwoDatabasesInOneFolder(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	dir := t.TempDir()
	work, personal := filepath.Join(dir, "work.db"), filepath.Join(dir, "personal.db")
	for _, args := range [][]string{
		{"demo", "--db", work, "--people", "5"},
		{"demo", "--db", personal, "--people", "5", "--seed", "99"},
		{"backup", "--db", work},
		{"backup", "--db", personal},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("rapport %s: exit %d: %s", strings.Join(args, " "), code, stderr.String())
		}
	}
	list, err := storage.Backups(storage.BackupDir(work))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("the backups folder holds %d backups, want both databases': %+v", len(list), list)
	}
	for _, db := range []string{work, personal} {
		newest, _ := storage.NewestBackupOf(db)
		if storage.IDOf(newest.Path) == "" || storage.IDOf(newest.Path) != storage.IDOf(db) {
			t.Errorf("newest backup of %s = %s, want one of its own", filepath.Base(db), newest.Path)
		}
	}
}

// Issue 18, fault 7: a command on a database others may read makes it
// private and says so, once.
func TestCommandSaysItMadeTheDatabasePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows files have no such modes")
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	db := filepath.Join(t.TempDir(), "rapport.db")
	makeBackupTestDB(t, db, 2)
	if err := os.Chmod(db, 0o644); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"Made rapport.db readable by you alone (it was 0644).", ""} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"backup", "--db", db}, &stdout, &stderr); code != 0 {
			t.Fatalf("rapport backup: exit %d: %s", code, stderr.String())
		}
		if got := strings.Contains(stderr.String(), "readable by you alone"); got != (want != "") ||
			(want != "" && !strings.Contains(stderr.String(), want)) {
			t.Errorf("run %d: stderr = %q, want %q", i+1, stderr.String(), want)
		}
	}
	if fi, err := os.Stat(db); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after = %v, %v; want 0600", fi.Mode().Perm(), err)
	}
}
