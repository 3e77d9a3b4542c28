package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/contacts"
)

// importUsage is the one-line usage of rapport import.
const importUsage = "usage: rapport import FILE [--db PATH] [--yes]"

// runImport reads a contacts file (vCard, LinkedIn Connections.csv or
// Google Contacts CSV, told from the content) and prints the preview: the
// format, how many people are new, duplicates and problems, then each
// duplicate and problem with its line. It writes nothing unless --yes is
// given; then it imports everyone in one transaction (duplicates merged,
// duplicates within the file skipped) and says what it did. A file that
// cannot be read is exit status 1 with a message naming the file and,
// where there is one, the line; bad usage is 2.
//
// Without --yes, a database that does not exist is not created: the
// preview is then against no one.
func runImport(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("rapport import", flag.ContinueOnError)
	flags.SetOutput(stderr)
	dbFlag := flags.String("db", "", "the database file")
	yes := flags.Bool("yes", false, "import (without it, only show what would be imported)")
	// The file may come before or after the flags.
	var positional []string
	for rest := args; ; {
		if err := flags.Parse(rest); err != nil {
			return 2
		}
		if flags.NArg() == 0 {
			break
		}
		positional = append(positional, flags.Arg(0))
		rest = flags.Args()[1:]
	}
	if len(positional) != 1 {
		fmt.Fprintln(stderr, importUsage)
		return 2
	}
	name := positional[0]
	fail := func(err error) int {
		fmt.Fprintln(stderr, "rapport import:", err)
		return 1
	}

	file, err := readContacts(name)
	if err != nil {
		return fail(err)
	}
	if file.Format == model.FormatCalendar {
		return fail(fmt.Errorf("%s is a calendar (iCalendar), not contacts: open Rapport and import it from the calendar import", name))
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

	matches := model.MatchImport(file.People, existing)
	printPreview(stdout, name, file, matches)
	if !*yes {
		fmt.Fprintf(stdout, "\nNothing was written. To import, run it again with --yes.\n")
		return 0
	}
	added, merged, skipped, err := st.ImportPeople(ctx, file.Format, matches)
	if err != nil {
		return fail(fmt.Errorf("%s: %w (nothing was written)", name, err))
	}
	fmt.Fprintf(stdout, "\nImported into %s: %d added, %d merged, %d skipped.\n", st.Path(), added, merged, skipped)
	return 0
}

// readContacts reads the contacts file at name, refusing one larger than
// contacts.MaxSize before reading it.
func readContacts(name string) (model.ContactFile, error) {
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
	if len(file.Problems) > 0 {
		fmt.Fprintln(w, "\nProblems:")
		for _, p := range file.Problems {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
}

// plural is n with the singular or plural noun: "1 person", "3 people".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
