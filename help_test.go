package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// helpDispatched are the command words run's switch knows, read from
// main.go's source, so that a command added there and not to the help
// fails the test below.
func helpDispatched(t *testing.T) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		fn, ok := n.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "run" {
			return true
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			cc, ok := n.(*ast.CaseClause)
			if !ok {
				return true
			}
			for _, e := range cc.List {
				if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatal(err)
					}
					names = append(names, s)
				}
			}
			return true
		})
		return false
	})
	if len(names) < 5 {
		t.Fatalf("found only the commands %v in run's switch: has main.go changed shape?", names)
	}
	return names
}

// TestHelpListsEveryCommandAndFlag checks the help against the program:
// every command run dispatches is in it, and every flag each command's
// flag set defines is named in that command's entry.
func TestHelpListsEveryCommandAndFlag(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"help"}, &out, &out); code != 0 {
		t.Fatalf("rapport help: exit %d\n%s", code, out.String())
	}
	help := out.String()
	for _, name := range helpDispatched(t) {
		if !strings.Contains(help, "\n  rapport "+name+" ") && !strings.Contains(help, "\n  rapport "+name+"\n") {
			t.Errorf("run knows the command %q but the help does not list it:\n%s", name, help)
		}
	}
	for _, c := range helpCommands {
		if c.Name == "" || c.Name == "help" {
			continue
		}
		flags := commandFlags(c.Name)
		if len(flags) == 0 {
			t.Errorf("rapport %s -h printed no flags", c.Name)
		}
		entry := c.Synopsis + " " + strings.Join(c.More, " ") + " " + strings.Join(c.Text, " ")
		for _, f := range flags {
			if !regexp.MustCompile(`--` + regexp.QuoteMeta(f.Name) + `\b`).MatchString(entry) {
				t.Errorf("rapport %s has the flag --%s but its help does not name it: %q", c.Name, f.Name, entry)
			}
		}
	}
}

// TestManPageHasEveryCommandAndFlag renders the manual page and checks
// that every command line of the help, and every flag of every command,
// is in it.
func TestManPageHasEveryCommandAndFlag(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796601600") // 2026-12-07
	var out, errOut bytes.Buffer
	if code := run([]string{"help", "--man"}, &out, &errOut); code != 0 {
		t.Fatalf("rapport help --man: exit %d\n%s", code, errOut.String())
	}
	roff := out.String()
	if !strings.HasPrefix(roff, `.TH RAPPORT 1 "2026\-12\-07"`) {
		t.Errorf("the page starts %q, want .TH RAPPORT 1 with $SOURCE_DATE_EPOCH's date", firstLine(roff))
	}
	text := manPlain(roff)
	var help bytes.Buffer
	run([]string{"help"}, &help, &help)
	lines := 0
	for _, line := range strings.Split(help.String(), "\n") {
		if !strings.HasPrefix(line, "  rapport") {
			continue
		}
		lines++
		synopsis := strings.TrimSpace(line)
		if i := strings.Index(synopsis, "   "); i > 0 { // the description after it
			synopsis = synopsis[:i]
		}
		if !strings.Contains(text, "\n"+synopsis+"\n") {
			t.Errorf("the help's %q is not a line of the manual page", synopsis)
		}
	}
	if lines < len(helpDispatched(t)) {
		t.Errorf("found %d commands in the help, fewer than run knows", lines)
	}
	for _, c := range helpCommands {
		if c.Name == "" || c.Name == "help" {
			continue
		}
		for _, f := range commandFlags(c.Name) {
			if !strings.Contains(roff, `\fB\-\-`+manEscape(f.Name)+`\fR`) || !strings.Contains(text, f.Usage) {
				t.Errorf("the manual page does not describe rapport %s --%s (%q)", c.Name, f.Name, f.Usage)
			}
		}
	}
	for _, want := range []string{".SH NAME\nrapport \\- ", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH FILES", ".SH ENVIRONMENT"} {
		if !strings.Contains(roff, want) {
			t.Errorf("the manual page has no %q", want)
		}
	}
}

// manPlain is roff's text without its font changes and escapes, each
// request line left as it is.
func manPlain(roff string) string {
	return strings.NewReplacer(`\fB`, "", `\fI`, "", `\fR`, "", `\-`, "-", `\e`, `\`,
		`\(->`, "→", `\(Fo`, "«", `\(Fc`, "»", `.\|.\|.`, "…", `\&`, "").Replace(roff)
}

// firstLine is s up to its first newline.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func TestManDate(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) }
	tests := []struct {
		epoch   string
		want    string
		wantErr bool
	}{
		{"", "2026-12-07", false},
		{"0", "1970-01-01", false},
		{"1700000000", "2023-11-14", false},
		{"yesterday", "", true},
	}
	for _, tt := range tests {
		got, err := manDate(tt.epoch, now)
		if (err != nil) != tt.wantErr {
			t.Errorf("manDate(%q) error %v, want error %v", tt.epoch, err, tt.wantErr)
			continue
		}
		if err == nil && got.Format("2006-01-02") != tt.want {
			t.Errorf("manDate(%q) = %v, want %s", tt.epoch, got, tt.want)
		}
	}
}

func TestHelpArguments(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
	}{
		{[]string{"help"}, 0},
		{[]string{"help", "--man"}, 0},
		{[]string{"help", "--roff"}, 2},
		{[]string{"help", "--man", "x"}, 2},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		if got := run(tt.args, &out, &out); got != tt.wantCode {
			t.Errorf("rapport %v: exit %d, want %d", tt.args, got, tt.wantCode)
		}
	}
}
