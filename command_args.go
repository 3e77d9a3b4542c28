package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"rapport/storage"
)

// parseInterleaved parses flags from args, where the positional
// arguments may come before, between or after the flags, and returns the
// positional ones in order; ok is false when a flag was wrong (flags has
// said why on its output: exit 2).
func parseInterleaved(flags *flag.FlagSet, args []string) (positional []string, ok bool) {
	for rest := args; ; {
		if err := flags.Parse(rest); err != nil {
			return nil, false
		}
		if flags.NArg() == 0 {
			return positional, true
		}
		positional = append(positional, flags.Arg(0))
		rest = flags.Args()[1:]
	}
}

// openExisting opens the database at path with open for the command cmd
// ("rapport log"), or says on stderr why it cannot and returns nil: there
// is no file (opening would make a new, empty database, with nothing in
// it to use), or the window has it open, when busy says what to do
// instead.
func openExisting(cmd, path string, open func(string) (*storage.Store, error), busy string, stderr io.Writer) *storage.Store {
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintf(stderr, "%s: no database: %v\n", cmd, err)
		return nil
	}
	st, err := open(path)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", cmd, err)
		if errors.Is(err, storage.ErrLocked) {
			fmt.Fprintln(stderr, busy)
		}
		return nil
	}
	printNote(stderr, st.Notice())
	return st
}

// openForReading opens the existing database at path for a command that
// only reads, beside a window that may hold it (storage.OpenReadOnly).
// A database whose schema is older than this Rapport's is opened with
// storage.Open instead, which updates it, unless a window holds it. It
// returns nil when it could not open it, having said why on stderr.
func openForReading(cmd, path string, stderr io.Writer) *storage.Store {
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintf(stderr, "%s: no database: %v\n", cmd, err)
		return nil
	}
	st, err := storage.OpenReadOnly(path)
	if errors.Is(err, storage.ErrSchemaOld) {
		return openExisting(cmd, path, storage.Open,
			"Rapport has this database open and has not updated it yet: close that window and try again.", stderr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", cmd, err)
		return nil
	}
	return st
}
