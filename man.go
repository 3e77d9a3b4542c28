package main

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// writeManPage writes the manual page rapport(1), in roff, from
// helpCommands and the commands' own flag sets, dated date.
func writeManPage(w io.Writer, meta fyne.AppMetadata, date time.Time) {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH RAPPORT 1 %s %s \"User Commands\"\n",
		manQuote(date.Format("2006-01-02")), manQuote(meta.Name+" "+meta.Version))
	b.WriteString(".ad l\n.nh\n")
	b.WriteString(".SH NAME\nrapport \\- " + manEscape(helpSummary) + "\n")
	b.WriteString(".SH SYNOPSIS\n.nf\n")
	for _, c := range helpCommands {
		b.WriteString(manCommand(c.Synopsis) + "\n")
	}
	b.WriteString(".fi\n")
	b.WriteString(".SH DESCRIPTION\n" + manEscape(manDescription) + "\n")
	b.WriteString(".PP\n" + manEscape(manCommandLine) + "\n")
	b.WriteString(".SH COMMANDS\n")
	for _, c := range helpCommands {
		b.WriteString(".TP\n" + manCommand(c.Synopsis) + "\n")
		b.WriteString(manEscape(strings.Join(c.Text, " ")) + ".\n")
		if c.Name == "" || c.Name == "help" {
			continue
		}
		for _, f := range commandFlags(c.Name) {
			b.WriteString(".RS\n.TP\n" + manFlag(c.Synopsis+" "+strings.Join(c.More, " "), f) + "\n")
			b.WriteString(manEscape(f.Usage) + "\n.RE\n")
		}
	}
	b.WriteString(".SH ENVIRONMENT\n")
	b.WriteString(".TP\n.B RAPPORT_DB\nThe database used when no \\fB\\-\\-db\\fR is given.\n")
	b.WriteString(".TP\n.B XDG_DATA_HOME\nWhere the default database is kept, when set to an absolute path.\n")
	b.WriteString(".SH FILES\n")
	b.WriteString(".TP\n.I $XDG_DATA_HOME/rapport/rapport.db\n.TQ\n.I ~/.local/share/rapport/rapport.db\n")
	b.WriteString("The database, one SQLite file readable by you alone, when neither \\fB\\-\\-db\\fR nor \\fBRAPPORT_DB\\fR names another.\n")
	b.WriteString(".TP\n.I backups/\nDaily backups, beside the database unless Settings names another folder.\n")
	b.WriteString(".SH EXIT STATUS\n0 on success, 1 when the command failed, 2 when it was called wrongly.\n")
	fmt.Fprint(w, b.String())
}

// manDescription is the manual's description of the program.
const manDescription = "Rapport is an offline desktop app for people who want their next promotion " +
	"or job and know it will not come from good work alone. It helps you find the people who " +
	"influence your career, build trust with them deliberately, keep every promise you make to " +
	"them, and aim the effort at a written career plan. One window, one local SQLite file, no " +
	"account, no network."

// manCommandLine introduces the commands.
const manCommandLine = "Without a command, rapport opens its window. The commands below work " +
	"without a display; those that read the database refuse while the window has it open. " +
	"Flags may come before, between or after the other arguments."

// manFlagArg finds a flag and the word after it in a synopsis.
var manFlagArg = regexp.MustCompile(`--([a-z-]+)(?: ([A-Z][A-Za-z.]*|json\|vcard))?`)

// manCommand sets a synopsis in roff: the words in bold, the
// placeholders (upper case) in italics.
func manCommand(s string) string {
	var b strings.Builder
	for i, word := range strings.Fields(s) {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(manWord(word))
	}
	return b.String()
}

// manWord sets one word of a synopsis: upper-case placeholders in
// italics, the rest in bold, brackets and bars in roman.
func manWord(word string) string {
	var b strings.Builder
	emit := func(font string, s string) {
		if s != "" {
			b.WriteString(font + manEscape(s) + `\fR`)
		}
	}
	start := 0
	for i, r := range word + " " {
		if i < len(word) && !strings.ContainsRune("[]|'", r) {
			continue
		}
		part := word[start:i]
		font := `\fB`
		if strings.ToUpper(part) == part && strings.ToLower(part) != part {
			font = `\fI`
		}
		emit(font, part)
		if i < len(word) {
			b.WriteString(manEscape(string(r)))
		}
		start = i + 1
	}
	return b.String()
}

// manFlag sets a flag of a command, with the placeholder its synopsis
// gives it (else the flag's type).
func manFlag(synopsis string, f helpFlag) string {
	arg := f.Arg
	for _, m := range manFlagArg.FindAllStringSubmatch(synopsis, -1) {
		if m[1] == f.Name && m[2] != "" {
			arg = m[2]
		}
	}
	s := `\fB\-\-` + manEscape(f.Name) + `\fR`
	if arg != "" {
		s += " " + manWord(arg)
	}
	return s
}

// manEscape escapes text for roff: backslashes, minus signs, a leading
// dot or quote, and the few characters groff names better than UTF-8.
func manEscape(s string) string {
	s = strings.NewReplacer(`\`, `\e`, "-", `\-`, "→", `\(->`, "«", `\(Fo`, "»", `\(Fc`, "…", `.\|.\|.`).Replace(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// manQuote quotes an argument of a roff request.
func manQuote(s string) string {
	return `"` + strings.ReplaceAll(manEscape(s), `"`, `\(dq`) + `"`
}
