package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// helpCommand is one command in rapport's help: `rapport help` prints the
// list as it is, and `rapport help --man` makes the manual page rapport(1)
// from the same list, so that the two cannot disagree.
type helpCommand struct {
	// Name is the word that selects the command ("demo"); empty for the
	// window.
	Name string
	// Synopsis is how the command is called, in the help's own words.
	Synopsis string
	// More are further lines of the synopsis (the demo's options).
	More []string
	// Text is what the command does, in lines as the help wraps them; the
	// manual page joins them into one paragraph.
	Text []string
}

// helpColumn is where the help's descriptions start.
const helpColumn = 38

// helpSummary says in one line what Rapport is: the NAME of the manual.
const helpSummary = "build the working relationships that move your career"

// helpCommands are rapport's commands, in the order the help lists them.
var helpCommands = []helpCommand{
	{Synopsis: "rapport [--db PATH] [--tray]", Text: []string{
		"open Rapport on a database; --tray starts it in the",
		"system tray without a window (where the desktop has one)"}},
	{Synopsis: "rapport --version", Text: []string{"print the version"}},
	{Name: "demo", Synopsis: "rapport demo --db PATH [options]",
		More: []string{"--people N --interactions N --promises N --seed N"},
		Text: []string{"write a sample career network into a new database"}},
	{Name: "backup", Synopsis: "rapport backup [--to DIR] [--db PATH] [--encrypt | --passphrase-file FILE]", Text: []string{
		"write a backup of the database (default: the backup folder",
		"of Settings, else backups beside it); --encrypt asks for a",
		"passphrase, --passphrase-file reads it from a file's first line"}},
	{Name: "import", Synopsis: "rapport import FILE [--db PATH] [--yes] [--team-from-company] [--cadence DAYS] [--passphrase-file FILE]", Text: []string{
		"preview importing people from a vCard, LinkedIn or Google",
		"Contacts file; --yes imports them; --team-from-company makes",
		"each new person's company their team; --cadence DAYS keeps in",
		"touch with everyone new every DAYS days. A Rapport export",
		"(.json) is restored instead, into a new or empty database. An",
		"encrypted file (age) is decrypted with the passphrase"}},
	{Name: "export", Synopsis: "rapport export --format json|vcard --out FILE [--db PATH] [--encrypt | --passphrase-file FILE]", Text: []string{
		"write everything as one JSON document (restore it with",
		"rapport import FILE --db NEW.db --yes), or the active people",
		"as vCard 4.0 without their notes; --out - writes to stdout;",
		"encrypted with a passphrase (age) when asked"}},
	{Name: "log", Synopsis: "rapport log [--yes] [--db PATH] 'LINE'", Text: []string{
		"preview logging a contact and its promises from one line,",
		"e.g. 'coffee with Helena yesterday; I owe her the plan by Fri';",
		"--yes saves it"}},
	{Name: "search", Synopsis: "rapport search [--db PATH] [--json] [--limit N] QUERY...", Text: []string{
		"search everything as the search box does: one result a line",
		"(kind, date, person, snippet with matches in «»), or a JSON",
		"array with --json; the frame log only with is:frame or frame:yes"}},
	{Name: "path", Synopsis: "rapport path [--db PATH] NAME", Text: []string{
		"print the best chains of introductions from you to NAME,",
		"one per line: You → Daniel Okafor → Helena Sørensen"}},
	{Name: "due", Synopsis: "rapport due [--db PATH] [--json]", Text: []string{
		"print the promises overdue, due today and this week (both",
		"ways), today's meetings and the gap actions due this week,",
		"or one JSON object with --json; works while the window is",
		"open. Exit status 0 when no promise is overdue or due today,",
		"3 when some are (for status bars), 1 on an error"}},
	{Name: "autostart", Synopsis: "rapport autostart on|off|status [--db PATH]", Text: []string{
		"start Rapport in the tray when you log in (on), stop doing",
		"so (off), or say whether it does (status); --db PATH is",
		"kept in the entry"}},
	{Name: "invite", Synopsis: "rapport invite ID [--request] [--out FILE] [--db PATH]", Text: []string{
		"print meeting ID as an iCalendar file for your own",
		"calendar; --request makes it an invite to the person;",
		"--out writes it (whole or not at all) to FILE"}},
	{Name: "help", Synopsis: "rapport help", Text: []string{"print this help"}},
}

// usage prints the help: every command, and where the database is.
func usage(w io.Writer) {
	var b strings.Builder
	b.WriteString("Usage:\n")
	for _, c := range helpCommands {
		text := c.Text
		if len(c.Synopsis) < helpColumn-3 {
			fmt.Fprintf(&b, "  %-*s%s\n", helpColumn-2, c.Synopsis, text[0])
			text = text[1:]
		} else {
			fmt.Fprintf(&b, "  %s\n", c.Synopsis)
		}
		for _, line := range c.More {
			fmt.Fprintf(&b, "      %s\n", line)
		}
		for _, line := range text {
			fmt.Fprintf(&b, "%*s%s\n", helpColumn, "", line)
		}
	}
	fmt.Fprintf(&b, "\nThe database is PATH, else $RAPPORT_DB, else %s\n", defaultDBPath(runtime.GOOS, os.Getenv, homeDir()))
	fmt.Fprint(w, b.String())
}

// runHelp prints the help, or with --man the manual page.
func runHelp(args []string, meta fyne.AppMetadata, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		usage(stdout)
		return 0
	case len(args) == 1 && args[0] == "--man":
		date, err := manDate(os.Getenv("SOURCE_DATE_EPOCH"), time.Now)
		if err != nil {
			fmt.Fprintln(stderr, "rapport help:", err)
			return 1
		}
		writeManPage(stdout, meta, date)
		return 0
	default:
		fmt.Fprintln(stderr, "usage: rapport help [--man]")
		return 2
	}
}

// manDate is the date the manual page shows: $SOURCE_DATE_EPOCH's when
// set (so that a package build gives the same page), else today's.
func manDate(epoch string, now func() time.Time) (time.Time, error) {
	if epoch == "" {
		return now().UTC(), nil
	}
	secs, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds: %w", epoch, err)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// helpFlag is one flag of a command, as its flag set describes it.
type helpFlag struct {
	Name, Arg, Usage string
}

// commandFlags are the flags the command name defines, read from what its
// own flag set prints for -h, so that the manual lists every flag there
// is with the words the command itself uses.
func commandFlags(name string) []helpFlag {
	var out bytes.Buffer
	run([]string{name, "-h"}, io.Discard, &out)
	var flags []helpFlag
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "  -"):
			f := helpFlag{}
			f.Name, f.Arg, _ = strings.Cut(strings.TrimPrefix(line, "  -"), " ")
			f.Arg, f.Usage, _ = strings.Cut(strings.TrimSpace(f.Arg), "\t")
			flags = append(flags, f)
		case strings.HasPrefix(line, "    \t") && len(flags) > 0:
			f := &flags[len(flags)-1]
			f.Usage = strings.TrimSpace(f.Usage + " " + strings.TrimSpace(line))
		}
	}
	return flags
}
