package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/contacts"
)

// importUsage is the one-line usage of rapport import.
const importUsage = "usage: rapport import FILE [--db PATH] [--yes] [--team-from-company] [--cadence DAYS] [--passphrase-file FILE]"

// notEmptyAdvice is what rapport import says of a database that an export
// cannot be restored into.
const notEmptyAdvice = "restore into a new database with --db NEW.db"

// runImport reads a contacts file (vCard, LinkedIn Connections.csv or
// Google Contacts CSV, told from the content) and prints the preview: the
// format, how many people are new, duplicates and problems, then each
// duplicate and problem with its line. It writes nothing unless --yes is
// given; then it imports everyone in one transaction (duplicates merged,
// duplicates within the file skipped; --team-from-company and --cadence
// apply model.ImportOptions to everyone new) and says what it did. A file that
// cannot be read is exit status 1 with a message naming the file and,
// where there is one, the line; so is a file in which no person can be
// read (a vCard cut short), with its problems' lines; bad usage is 2.
//
// Without --yes, a database that does not exist is not created: the
// preview is then against no one.
//
// A Rapport export (rapport export --format json, told from the content)
// is restored instead, into an empty or new database: see runRestore.
func runImport(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("rapport import", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dbFlag := flags.String("db", "", "the database file")
	yes := flags.Bool("yes", false, "import (without it, only show what would be imported)")
	teamFromCompany := flags.Bool("team-from-company", false, "use each new person's company as their team too, to group them by company")
	cadence := flags.Int("cadence", 0, "keep in touch with everyone new every so many days, counted from the import (0: the default, counted from the first contact)")
	passFile := flags.String("passphrase-file", "", "decrypt an encrypted file with the passphrase on the first line of this file (without it, asked on the terminal)")
	// The file may come before or after the flags.
	positional, ok := parseInterleaved(flags, args)
	if !ok {
		return 2
	}
	if len(positional) != 1 {
		fmt.Fprintln(stderr, importUsage)
		return 2
	}
	if *cadence < 0 || *cadence > model.MaxCadenceDays {
		fmt.Fprintf(stderr, "rapport import: --cadence %d is not a number of days from 0 to %d\n", *cadence, model.MaxCadenceDays)
		return 2
	}
	opts := model.ImportOptions{TeamFromOrganisation: *teamFromCompany, CadenceDays: *cadence}
	name := positional[0]
	fail := func(err error) int {
		fmt.Fprintln(stderr, "rapport import:", err)
		return 1
	}

	plain, err := decryptedImport(name, *passFile, stderr) // nil: not encrypted
	if err != nil {
		return fail(err)
	}
	if export, err := isExportFile(name, plain); err != nil {
		return fail(err)
	} else if export {
		return runRestore(name, plain, dbPath(*dbFlag), *yes, stdout, stderr)
	}

	file, err := readContacts(name, plain)
	if err != nil {
		return fail(err)
	}
	if file.Format == model.FormatCalendar {
		return fail(fmt.Errorf("%s is a calendar (iCalendar), not contacts: open Rapport and import it from the calendar import", name))
	}
	if len(file.People) == 0 {
		return fail(nothingToImport(name, file))
	}

	ctx := context.Background()
	path := dbPath(*dbFlag)
	var st *storage.Store
	var existing []model.PersonSummary
	if _, err := os.Stat(path); *yes || err == nil {
		if st, err = storage.Open(path); err != nil {
			return fail(err)
		}
		defer st.Close()
		printNote(stderr, st.Notice())
		for _, archived := range []bool{false, true} {
			people, err := st.People(ctx, archived)
			if err != nil {
				return fail(err)
			}
			existing = append(existing, people...)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fail(err)
	}

	matches := model.MatchJobChanges(model.MatchImport(file.People, existing), existing)
	printPreview(stdout, name, file, matches)
	if !*yes {
		fmt.Fprintf(stdout, "\nNothing was written. To import, run it again with --yes.\n")
		return 0
	}
	added, merged, skipped, err := st.ImportPeople(ctx, file.Format, opts.Apply(matches))
	if err != nil {
		return fail(fmt.Errorf("%s: %w (nothing was written)", name, err))
	}
	fmt.Fprintf(stdout, "\nImported into %s: %d added, %d merged, %d skipped.\n", st.Path(), added, merged, skipped)
	return 0
}

// readContacts reads the contacts file at name, refusing one larger than
// contacts.MaxSize before reading it; plain, when not nil, is its
// decrypted content.
func readContacts(name string, plain []byte) (model.ContactFile, error) {
	if plain != nil {
		if len(plain) > contacts.MaxSize {
			return model.ContactFile{}, fmt.Errorf("%s: %w", name, contacts.ErrTooLarge)
		}
		return contacts.Read(name, plain)
	}
	info, err := os.Stat(name)
	if err != nil {
		return model.ContactFile{}, err
	}
	if info.IsDir() {
		return model.ContactFile{}, fmt.Errorf("%s is a folder, not a file", name)
	}
	if info.Size() > contacts.MaxSize {
		return model.ContactFile{}, fmt.Errorf("%s: %w", name, contacts.ErrTooLarge)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return model.ContactFile{}, err
	}
	return contacts.Read(name, data)
}

// nothingToImport is the error for a contacts file in which no person
// could be read: its problems, each with its line (the first five).
func nothingToImport(name string, file model.ContactFile) error {
	if len(file.Problems) == 0 {
		return fmt.Errorf("%s: nothing to import: the file holds no people", name)
	}
	var list []string
	for _, p := range file.Problems[:min(len(file.Problems), 5)] {
		list = append(list, p.String())
	}
	more := ""
	if n := len(file.Problems) - len(list); n > 0 {
		more = fmt.Sprintf("; and %s more", plural(n, "problem", "problems"))
	}
	return fmt.Errorf("%s: nothing can be imported: %s%s", name, strings.Join(list, "; "), more)
}

// printPreview prints what importing file would do.
func printPreview(w io.Writer, name string, file model.ContactFile, matches []model.ImportMatch) {
	dups := 0
	for _, m := range matches {
		if m.Duplicate() {
			dups++
		}
	}
	fmt.Fprintf(w, "%s: %s, %s\n", name, file.Format.Label(), plural(len(file.People), "person", "people"))
	fmt.Fprintf(w, "  %d new, %s, %s\n", len(matches)-dups, plural(dups, "duplicate", "duplicates"),
		plural(len(file.Problems), "problem", "problems"))
	if dups > 0 {
		earlier := model.InFileDuplicates(matches)
		fmt.Fprintln(w, "\nDuplicates:")
		for i, m := range matches {
			if !m.Duplicate() {
				continue
			}
			of := fmt.Sprintf("%s (#%d)", m.Existing, m.ExistingID)
			if m.ExistingID < 0 {
				of = m.Existing
				if j := earlier[i]; j >= 0 {
					of = fmt.Sprintf("%s (line %d, earlier in the file)", matches[j].Imported.Person.Name, matches[j].Imported.Line)
				}
			}
			fmt.Fprintf(w, "  line %d: %s: same %s as %s: %s\n", m.Imported.Line, m.Imported.Person.Name,
				m.By, of, m.Action.Label())
		}
	}
	printJobChanges(w, matches)
	if len(file.Problems) > 0 {
		fmt.Fprintln(w, "\nProblems:")
		for _, p := range file.Problems {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
}

// printJobChanges lists the people whose role the file changes, as the
// import will save them ("Ngozi Eze: now Director at Fabrikam, was Lead
// at Northwind").
func printJobChanges(w io.Writer, matches []model.ImportMatch) {
	var lines []string
	for _, m := range matches {
		if m.Job.Changed() && m.Action == model.ImportMerge {
			lines = append(lines, fmt.Sprintf("  %s: %s", m.Existing, m.Job.Text()))
		}
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintln(w, "\nJob changes (their old role stays in their history):")
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// plural is n with the singular or plural noun: "1 person", "3 people".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// isExportFile reports whether the file at name (or plain, its decrypted
// content, when not nil) is JSON (its first character, after white
// space, is "{"), which among the files rapport import reads only an
// export is; no contacts format starts so.
func isExportFile(name string, plain []byte) (bool, error) {
	if plain != nil {
		return isJSON(name, plain[:min(len(plain), 512)])
	}
	if info, err := os.Stat(name); err != nil || info.IsDir() {
		return false, err // readContacts says what a folder is not
	}
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, fmt.Errorf("%s: %w", name, err)
	}
	return isJSON(name, head[:n])
}

// isJSON reports whether head, the beginning of the file called name,
// begins a JSON object, after a byte order mark and white space; JSON
// saved as UTF-16 is refused with what to do.
func isJSON(name string, head []byte) (bool, error) {
	if utf16JSON(head) {
		return false, fmt.Errorf("%s is JSON saved as UTF-16 text: a Rapport export is UTF-8, as Rapport writes it; "+
			"save the file as UTF-8 (or export it again) and import that", name)
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n")
	return len(text) > 0 && text[0] == '{', nil
}

// utf16JSON reports whether head, the start of a file, is UTF-16 text (with
// or without a byte order mark) that opens with "{".
func utf16JSON(head []byte) bool {
	bigEndian := bytes.HasPrefix(head, []byte{0xFE, 0xFF})
	if bigEndian || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		head = head[2:]
	}
	for ; len(head) >= 2; head = head[2:] {
		c, zero := head[0], head[1]
		if bigEndian || (c == 0 && zero != 0) {
			c, zero = zero, c
		}
		if zero != 0 {
			return false
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return true
		}
		return false
	}
	return false
}

// runRestore restores the export document at name into the database at
// path, which must be empty or not exist yet (it is then made). Without
// yes it writes nothing: it checks the whole document (restoring it into a
// temporary database) and prints what it holds, table by table. A failed
// restore leaves the database as it was, and does not leave behind one it
// made. plain, when not nil, is the document, decrypted from name.
func runRestore(name string, plain []byte, path string, yes bool, stdout, stderr io.Writer) int {
	fail := func(err error) int {
		fmt.Fprintln(stderr, "rapport import:", err)
		return 1
	}
	ctx := context.Background()
	f, err := openImport(name, plain)
	if err != nil {
		return fail(err)
	}
	defer f.Close()
	if _, err := storage.ReadExportHeader(f); err != nil {
		return fail(fmt.Errorf("%s: %w", name, err))
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fail(fmt.Errorf("%s: %w", name, err))
	}
	_, err = os.Stat(path)
	existed := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fail(err)
	}
	notEmpty := func(err error) int {
		if errors.Is(err, storage.ErrNotEmpty) {
			err = fmt.Errorf("%s is not empty: %s", path, notEmptyAdvice)
		}
		return fail(err)
	}

	if !yes {
		sum, err := storage.CheckExport(ctx, f, filepath.Dir(path))
		if err != nil {
			return fail(fmt.Errorf("%s: %w (nothing was written)", name, err))
		}
		printExportPreview(stdout, name, sum)
		if existed {
			if err := checkEmptyDB(ctx, path); err != nil {
				return notEmpty(err)
			}
		}
		fmt.Fprintf(stdout, "\nNothing was written. To restore it into %s, run it again with --yes.\n", path)
		return 0
	}

	st, err := storage.Open(path)
	if err != nil {
		return fail(err)
	}
	if err := st.CheckEmpty(ctx); err != nil {
		st.Close()
		return notEmpty(err)
	}
	sum, err := st.RestoreExport(ctx, f)
	if cerr := st.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		if !existed {
			removeDatabase(path)
		}
		return fail(fmt.Errorf("%s: %w (nothing was written)", name, err))
	}
	printExportPreview(stdout, name, sum)
	fmt.Fprintf(stdout, "\nRestored %s into %s.\n", plural(sum.Rows(), "row", "rows"), path)
	return 0
}

// checkEmptyDB opens the database at path to see that it holds nothing.
func checkEmptyDB(ctx context.Context, path string) error {
	st, err := storage.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	return st.CheckEmpty(ctx)
}

// removeDatabase removes a database this command made, with the files
// SQLite and the store keep beside it.
func removeDatabase(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", ".lock"} {
		_ = os.Remove(path + suffix) // best effort: the restore's error is the one to report
	}
}

// printExportPreview prints what the export document holds.
func printExportPreview(w io.Writer, name string, sum storage.ExportSummary) {
	fmt.Fprintf(w, "%s: Rapport export (version %d, schema %d)", name, sum.Version, sum.Schema)
	if !sum.ExportedAt.IsZero() {
		fmt.Fprintf(w, ", exported %s UTC", sum.ExportedAt.UTC().Format("2006-01-02 15:04"))
	}
	fmt.Fprintln(w)
	for _, t := range sum.Tables {
		fmt.Fprintf(w, "  %-20s %8d\n", t.Table, t.Rows)
	}
	fmt.Fprintf(w, "  %s in %s\n", plural(sum.Rows(), "row", "rows"), plural(len(sum.Tables), "table", "tables"))
}
