package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"rapport/storage"
	"rapport/storage/atomicfile"
)

// exportUsage is the one-line usage of rapport export.
const exportUsage = "usage: rapport export --format json|vcard --out FILE [--db PATH] [--encrypt | --passphrase-file FILE]"

// runExport writes the database's export: with --format json, everything
// as one export document (storage.Store.Export), which rapport import
// restores into a new database; with --format vcard, the active people
// (not those in the trash) as vCard 4.0 cards, without their notes. The
// file is written whole or not at all, readable by the user alone;
// --out - writes to standard output instead. A database that does not
// exist is not created. Bad usage is exit status 2; a failure is 1, with
// a message naming the file.
func runExport(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("rapport export", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dbFlag := flags.String("db", "", "the database file")
	format := flags.String("format", "", "json (everything, for rapport import) or vcard (the active people)")
	out := flags.String("out", "", "the file to write, or - for standard output")
	passFile := flags.String("passphrase-file", "", passphraseFileUsage)
	encrypt := flags.Bool("encrypt", false, "encrypt the file with a passphrase asked on the terminal (twice)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "rapport export: unexpected argument %q\n%s\n", flags.Arg(0), exportUsage)
		return 2
	}
	if *format != "json" && *format != "vcard" {
		if *format == "" {
			fmt.Fprintln(stderr, "rapport export: --format is needed")
		} else {
			fmt.Fprintf(stderr, "rapport export: unknown format %q: json or vcard\n", *format)
		}
		fmt.Fprintln(stderr, exportUsage)
		return 2
	}
	if *out == "" {
		fmt.Fprintf(stderr, "rapport export: --out is needed (- for standard output)\n%s\n", exportUsage)
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "rapport export:", err)
		return 1
	}
	var passphrase string
	if *passFile != "" || *encrypt {
		p, err := newPassphrase(*passFile, stderr)
		if err != nil {
			return fail(err)
		}
		passphrase = p
	}
	path := dbPath(*dbFlag)
	if _, err := os.Stat(path); err != nil {
		// Opening would make a new, empty database: nothing to export.
		return fail(fmt.Errorf("no database to export: %w", err))
	}
	st, err := storage.Open(path)
	if err != nil {
		return fail(err)
	}
	defer st.Close()
	printNote(stderr, st.Notice())
	ctx := context.Background()
	var data []byte
	var what string
	if *format == "json" {
		data, err = st.ExportJSON(ctx)
		what = "everything"
	} else {
		var n int
		data, n, err = st.PeopleVCard(ctx)
		what = plural(n, "person", "people")
	}
	if err == nil {
		data, err = encryptIf(data, passphrase)
	}
	if err != nil {
		return fail(err)
	}
	if *out == "-" {
		if _, err := stdout.Write(data); err != nil {
			return fail(err)
		}
		return 0
	}
	if err := atomicfile.Write(*out, data); err != nil {
		return fail(err)
	}
	if passphrase != "" {
		what += ", encrypted,"
	}
	fmt.Fprintf(stdout, "Exported %s from %s to %s (%d KB).\n", what, st.Path(), *out, (len(data)+1023)/1024)
	return 0
}
