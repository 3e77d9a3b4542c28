package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"rapport/storage"
)

// runBackup writes a snapshot of the database into its backups folder, or
// into the folder given with --to, as the window does once a day, and
// rotates the backups there.
func runBackup(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rapport backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbFlag := fs.String("db", "", "the database file")
	to := fs.String("to", "", "the folder to write the backup into (default: the backup folder in Settings, else backups beside the database)")
	passFile := fs.String("passphrase-file", "", passphraseFileUsage)
	encrypt := fs.Bool("encrypt", false, "encrypt the backup with a passphrase asked on the terminal (twice)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "rapport backup: unexpected argument %q\nusage: rapport backup [--to DIR] [--db PATH] [--encrypt | --passphrase-file FILE]\n", fs.Arg(0))
		return 2
	}
	path := dbPath(*dbFlag)
	if _, err := os.Stat(path); err != nil {
		// Opening would make a new, empty database: nothing to back up.
		fmt.Fprintf(stderr, "rapport backup: no database to back up: %v\n", err)
		return 1
	}
	st, err := storage.Open(path)
	if err != nil {
		fmt.Fprintln(stderr, "rapport backup:", err)
		switch {
		case errors.Is(err, storage.ErrDamaged):
			fmt.Fprintln(stderr, "The database is damaged: it was not backed up, and it has not been changed.")
			if b, note := storage.NewestBackupOf(path); b.Path != "" {
				fmt.Fprintf(stderr, "The newest backup of this database is %s (%s UTC).\n", b.Path, b.At.Format("2006-01-02 15:04"))
				printNote(stderr, note)
			} else {
				printNote(stderr, note)
			}
		case errors.Is(err, storage.ErrLocked):
			fmt.Fprintln(stderr, "Rapport has this database open; it backs it up itself once a day. Close it to back up now.")
		}
		return 1
	}
	defer st.Close()
	printNote(stderr, st.Notice())
	dir := *to
	if dir == "" {
		dir = st.BackupFolder(context.Background())
	}
	opts, err := backupOptions(context.Background(), st, *passFile, *encrypt, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "rapport backup:", err, "(nothing was written)")
		return 1
	}
	b, err := st.Backup(context.Background(), dir, opts...)
	if err != nil {
		fmt.Fprintln(stderr, "rapport backup:", err)
		if b.Path == "" {
			return 1
		}
	}
	encrypted := ""
	if b.Encrypted {
		encrypted = ", encrypted"
	}
	fmt.Fprintf(stdout, "Backed up %s (%d KB%s) to %s\n", st.Path(), (b.Size+1023)/1024, encrypted, b.Path)
	if err != nil {
		return 1
	}
	return 0
}

// printNote prints note, when there is one, on a line of its own: what
// storage did or found unasked, such as a database made private.
func printNote(w io.Writer, note string) {
	if note != "" {
		fmt.Fprintln(w, "rapport:", note)
	}
}
