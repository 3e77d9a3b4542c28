package contactcsv

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// imported is what a test checks of one imported person.
type imported struct {
	Line                                          int
	Name, Title, Team, Organisation, Email, Phone string
	Emails, Related                               []string
	Notes                                         string
	FirstMet                                      string
}

func summary(p model.ImportedPerson) imported {
	met := ""
	if !p.Person.FirstMet.IsZero() {
		met = p.Person.FirstMet.Format(time.DateOnly)
	}
	return imported{p.Line, p.Person.Name, p.Person.Title, p.Person.Team, p.Person.Organisation,
		p.Person.Email, p.Person.Phone, p.Emails, p.Related, p.Person.Notes, met}
}

func problems(f model.ContactFile) []string {
	var out []string
	for _, p := range f.Problems {
		out = append(out, p.String())
	}
	return out
}

func readFile(t *testing.T, name string) (model.ContactFile, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Read(f)
}

func TestRead(t *testing.T) {
	tests := []struct {
		file         string
		format       model.ContactFormat
		want         []imported
		wantProblems []string
	}{
		{
			file: "Connections.csv", format: model.FormatLinkedIn,
			want: []imported{
				{5, "Dana Reyes", "Director of Engineering", "", "Acme Corp", "", "", nil, nil,
					"LinkedIn: https://www.linkedin.com/in/dana-reyes-4b1a2c", "2024-03-14"},
				{6, "Sam Lee", "Staff Engineer", "", "Initech, Inc.", "sam.lee@example.com", "", []string{"sam.lee@example.com"}, nil,
					"LinkedIn: https://www.linkedin.com/in/samlee", "2024-01-01"},
				{7, "Zoë Müller-Łukasiewicz", "Head of Product 🚀", "", "Globex GmbH", "", "", nil, nil,
					"LinkedIn: https://www.linkedin.com/in/zoe-mueller", "2023-02-28"},
				{9, "Priya Natarajan", "VP, Platform", "", "Acme Corp", "Priya.N@Example.org", "", []string{"Priya.N@Example.org"}, nil,
					"LinkedIn: https://www.linkedin.com/in/priyan", "2019-09-09"},
			},
			wantProblems: []string{"line 8: has no name; left out"},
		},
		{
			file: "Connections-crlf.csv", format: model.FormatLinkedIn,
			want: []imported{{2, "Ana Souza", "Recruiter", "", "Umbrella", "", "", nil, nil,
				"LinkedIn: https://www.linkedin.com/in/anasouza", "2025-11-17"}},
		},
		{
			file: "google-contacts.csv", format: model.FormatGoogle,
			want: []imported{
				{2, "Dana M. Reyes", "Director of Engineering", "Platform", "Acme Corp", "dana@acme.example", "+1 415 555 0100",
					[]string{"dana@acme.example", "dana.reyes@gmail.example", "dana@home.example"}, []string{"Sam Lee"},
					"Met at the infra summit.\nWants help hiring SREs.\n\nTags: Work, starred\n" +
						"Other emails: dana.reyes@gmail.example, dana@home.example\nOther phones: +1 415 555 0199\n" +
						"Related: Sam Lee\nLinks: https://acme.example/dana", ""},
				{4, "Sam Lee", "Staff Engineer", "", "Initech", "sam.lee@example.com", "+44 20 7946 0958",
					[]string{"sam.lee@example.com"}, nil, "Birthday: 1988-04-12", ""},
				{5, "newsletter@vendor.example", "", "", "", "newsletter@vendor.example", "",
					[]string{"newsletter@vendor.example"}, nil, "", ""},
			},
			wantProblems: []string{"line 6: has no name; left out"},
		},
		{
			file: "google-contacts-legacy.csv", format: model.FormatGoogle,
			want: []imported{
				{2, "Dana Reyes", "Director of Engineering", "Platform", "Acme Corp", "dana@acme.example", "+1 415 555 0100",
					[]string{"dana@acme.example"}, nil, "Sponsor for the staff promotion.\n\nTags: Mentors", ""},
				{3, "Priya Natarajan", "VP Platform", "", "Acme Corp", "priya.n@example.org", "",
					[]string{"priya.n@example.org", "priya@work.example"}, []string{"Kim"},
					"Other emails: priya@work.example\nRelated: Kim\nOther organisations: Open Source Foundation\n" +
						"Other titles: Board Member", ""},
				{4, "Jo", "", "", "", "", "", nil, nil, "Tags: Friends\nOther emails: not an address", ""},
			},
			wantProblems: []string{`line 4: email "not an address" is not an email address like name@example.com; kept in the notes`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := readFile(t, tt.file)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Format != tt.format {
				t.Errorf("Format = %q, want %q", got.Format, tt.format)
			}
			var people []imported
			for _, p := range got.People {
				people = append(people, summary(p))
			}
			if !reflect.DeepEqual(people, tt.want) {
				t.Errorf("people =\n%+v\nwant\n%+v", people, tt.want)
			}
			if !reflect.DeepEqual(problems(got), tt.wantProblems) {
				t.Errorf("problems = %q, want %q", problems(got), tt.wantProblems)
			}
		})
	}
}

func TestReadMissingColumn(t *testing.T) {
	_, err := readFile(t, "Connections-no-last-name.csv")
	if !errors.Is(err, ErrMissingColumn) {
		t.Fatalf("err = %v, want ErrMissingColumn", err)
	}
	if want := `line 4: missing column "Last Name"`; !strings.Contains(err.Error(), want) {
		t.Errorf("err = %q, want it to say %q", err, want)
	}
	_, err = Read(strings.NewReader("Name,Given Name,Group Membership,E-mail 1 - Value\nDana,Dana,,d@example.com\n"))
	if err == nil || !strings.Contains(err.Error(), `line 1: missing column "Family Name"`) {
		t.Errorf("legacy without Family Name: err = %v", err)
	}
}

func TestReadColumnsByName(t *testing.T) {
	// Columns moved and one unknown added: still read by name.
	text := "Connected On,Position,Company,Extra,Last Name,First Name,URL\n" +
		"\"14 Mar 2024\",CTO,Acme,?,Reyes,Dana,\n"
	got, err := Read(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []imported{{2, "Dana Reyes", "CTO", "", "Acme", "", "", nil, nil, "", "2024-03-14"}}
	if len(got.People) != 1 || !reflect.DeepEqual(summary(got.People[0]), want[0]) {
		t.Errorf("people = %+v, want %+v", got.People, want)
	}
}

func TestReadNoHeader(t *testing.T) {
	for _, text := range []string{
		"",
		"hello, world\n1,2\n",
		"First Name,Last Name\nDana,Reyes\n", // names alone say no format
		strings.Repeat("Notes:\n", headerSearch) + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
	} {
		if _, err := Read(strings.NewReader(text)); !errors.Is(err, ErrNoHeader) {
			t.Errorf("Read(%.40q) = %v, want ErrNoHeader", text, err)
		}
	}
}

func TestReadBadRows(t *testing.T) {
	const header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
	tests := []struct {
		name         string
		text         string
		want         []string // names
		wantProblems []string
	}{
		{"stray quote", header + "Dana,Reyes,,,Acme,CTO,01 Jan 2024\nSam,Lee \"Jr,,,,,\nKim,Ito,,,,,\n",
			[]string{"Dana Reyes", "Kim Ito"}, []string{`line 3: row cannot be read (bare " in non-quoted-field); left out`}},
		{"cut inside a quoted cell", header + "Dana,Reyes,,,Acme,CTO,01 Jan 2024\nSam,Lee,,,\"Initech,",
			[]string{"Dana Reyes"}, []string{"line 3: the file ends in the middle of this row (is it cut short?); left out"}},
		{"cut in a row", header + "Dana,Reyes,,,Acme,CTO,01 Jan 2024\nSam,Lee,,,Initech",
			[]string{"Dana Reyes"}, []string{"line 3: the file ends in the middle of this row (is it cut short?); left out"}},
		{"short last row ending in a line break", header + "Dana,Reyes\n", []string{"Dana Reyes"}, nil},
		{"whole last row without a line break", header + "Dana,Reyes,,,Acme,CTO,01 Jan 2024", []string{"Dana Reyes"}, nil},
		{"quoted last cell without a line break", header + "Dana,Reyes,,,Acme,CTO,\"01 Jan 2024\"", []string{"Dana Reyes"}, nil},
		{"blank rows", header + ",,,,,,\nDana,Reyes,,,,,\n\n", []string{"Dana Reyes"}, nil},
		{"a date LinkedIn never wrote", header + "Dana,Reyes,,,,,someday\n", []string{"Dana Reyes"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.text))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var names []string
			for _, p := range got.People {
				names = append(names, p.Person.Name)
			}
			if !reflect.DeepEqual(names, tt.want) {
				t.Errorf("names = %q, want %q", names, tt.want)
			}
			if !reflect.DeepEqual(problems(got), tt.wantProblems) {
				t.Errorf("problems = %q, want %q", problems(got), tt.wantProblems)
			}
		})
	}
	got, _ := Read(strings.NewReader(header + "Dana,Reyes,,,,,someday\n"))
	if p := got.People[0].Person; p.Notes != "Connected on: someday" || !p.FirstMet.IsZero() {
		t.Errorf("unreadable date: notes %q, first met %v", p.Notes, p.FirstMet)
	}
}

// TestReadUnbalancedQuote: a quote that opens in a cell and is not closed
// on its line once swallowed every later row, silently. It is an error
// naming the line where the quote opens.
func TestReadUnbalancedQuote(t *testing.T) {
	const header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
	tests := []struct {
		name string
		text string
		want string
	}{
		{"never closed", header + "Dana,Reyes,,,Acme,CTO,01 Jan 2024\nSam,\"Lee,,,,,\nKim,Ito,,,,,\nAna,Bel,,,,,\n",
			"line 3: a quote opens here and is not closed on its line: lines 3 to 5"},
		{"closed rows later", header + "Sam,\"Lee,,,,,\nKim,Ito,,,,,\nAna,\"Bel\",,,,,\n",
			"line 2: a quote opens here and is not closed on its line: lines 2 to 4"},
		{"CRLF line ends", strings.ReplaceAll(header+"Dana,Reyes,,,,,\nSam,\"Lee,,,,,\nKim,Ito,,,,,\n", "\n", "\r\n"),
			"line 3: a quote opens here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read(strings.NewReader(tt.text))
			if !errors.Is(err, ErrUnbalancedQuote) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read = %d people, %v; want ErrUnbalancedQuote saying %q", len(f.People), err, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	want := time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"05 Jan 2024", "5 Jan 2024", "Jan 5, 2024", "2024-01-05", " 05  Jan 2024 "} {
		if got, ok := parseDate(s); !ok || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v", s, got, ok)
		}
	}
	if _, ok := parseDate("yesterday"); ok {
		t.Error("parseDate(yesterday) ok")
	}
}

func TestLabel(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"* myContacts", "", false},
		{"* My Contacts", "", false},
		{"System Group: My Contacts", "", false},
		{"* starred", "starred", true},
		{"Work", "Work", true},
		{"System Group: Friends", "Friends", true},
	}
	for _, tt := range tests {
		if got, ok := label(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("label(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
