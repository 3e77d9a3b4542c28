package vcard

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"rapport/model"
)

// imported is what a test checks of one imported person.
type imported struct {
	Line                                          int
	Name, Title, Team, Organisation, Email, Phone string
	Emails, Related                               []string
	Notes                                         string
}

func summary(p model.ImportedPerson) imported {
	return imported{p.Line, p.Person.Name, p.Person.Title, p.Person.Team, p.Person.Organisation,
		p.Person.Email, p.Person.Phone, p.Emails, p.Related, p.Person.Notes}
}

func problems(f model.ContactFile) []string {
	var out []string
	for _, p := range f.Problems {
		out = append(out, p.String())
	}
	return out
}

func TestRead(t *testing.T) {
	tests := []struct {
		file         string
		want         []imported
		wantProblems []string
	}{
		{
			file: "apple-3.0.vcf",
			want: []imported{
				{1, "Dana M. Reyes", "Director of Engineering", "Platform", "Acme Corp", "dana@acme.example", "+1 415 555 0100",
					[]string{"dana@acme.example", "dana.reyes@gmail.example"}, []string{"Sam Lee"},
					"Met at the infra summit.\nWants help hiring SREs, and a sponsor.\n\nTags: Mentors, Work\n" +
						"Other emails: dana.reyes@gmail.example\nOther phones: +1 415 555 0199\nRelated: Sam Lee\n" +
						"Links: https://acme.example/dana"},
				{21, "Sam Lee", "Staff Engineer", "", "Initech, Inc.", "sam.lee@example.com", "",
					[]string{"sam.lee@example.com"}, nil,
					"A long note that Apple folds across lines because it goes past seventy-five octets, as the standard says."},
			},
			wantProblems: []string{"line 31: has no name; left out"},
		},
		{
			file: "rfc6350-4.0.vcf",
			want: []imported{
				{1, "Priya Natarajan", "VP Platform", "Platform Engineering", "Acme Corp", "priya.n@example.org", "+1-555-555-5555",
					[]string{"priya.n@example.org", "priya@work.example"},
					[]string{"Dana Reyes", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"},
					"Board member at the Open Source Foundation; chairs the CI working group.\n\nTags: board, open source\n" +
						"Other emails: priya@work.example\nRelated: Dana Reyes, urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6"},
				{18, "Chidi Okafor", "", "", "", "chidi@example.net", "", []string{"chidi@example.net"}, nil, ""},
			},
		},
		{
			file: "android-2.1.vcf",
			want: []imported{
				{1, "Zoë Müller", "", "", "Globex GmbH", "zoe@example.de", "+49 30 7654321", []string{"zoe@example.de"}, nil,
					"Sprach über Produktstrategie.\nFolgetermin im März.\n\nOther phones: +49 30 1234567"},
			},
		},
		{
			file: "cut-short.vcf",
			want: []imported{{4, "Sam Lee", "", "", "", "sam@example.com", "", []string{"sam@example.com"}, nil, ""}},
			wantProblems: []string{
				"line 1: card has no END:VCARD before the next card; left out",
				"line 9: card has no END:VCARD (is the file cut short?); left out",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := Read(f)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Format != model.FormatVCard {
				t.Errorf("Format = %q", got.Format)
			}
			var cards []imported
			for _, p := range got.People {
				cards = append(cards, summary(p))
			}
			if !reflect.DeepEqual(cards, tt.want) {
				t.Errorf("people =\n%+v\nwant\n%+v", cards, tt.want)
			}
			if !reflect.DeepEqual(problems(got), tt.wantProblems) {
				t.Errorf("problems = %q, want %q", problems(got), tt.wantProblems)
			}
		})
	}
}

func TestReadOddities(t *testing.T) {
	tests := []struct {
		name         string
		text         string
		want         []string // names
		wantProblems []string
	}{
		{"LF line ends, lower case", "begin:vcard\nversion:3.0\nfn:Ana\nend:vcard\n", []string{"Ana"}, nil},
		{"blank lines and a BOM", "\uFEFF\n\nBEGIN:VCARD\r\nFN:Ana\r\n\r\nEND:VCARD\r\n\r\n", []string{"Ana"}, nil},
		{"text between cards", "BEGIN:VCARD\nFN:Ana\nEND:VCARD\nhello\nthere\nBEGIN:VCARD\nFN:Bo\nEND:VCARD\n",
			[]string{"Ana", "Bo"}, []string{"line 4: text outside a card; ignored"}},
		{"stray END", "END:VCARD\nBEGIN:VCARD\nFN:Ana\nEND:VCARD", []string{"Ana"}, nil},
		{"N only", "BEGIN:VCARD\nN:Reyes;Dana;;Dr.;PhD\nEND:VCARD", []string{"Dr. Dana Reyes PhD"}, nil},
		{"escaped semicolon in ORG", "BEGIN:VCARD\nFN:Ana\nORG:A\\;B;Team\nEND:VCARD", []string{"Ana"}, nil},
		{"line that is no property", "BEGIN:VCARD\nFN:Ana\nthis is not a property\nEND:VCARD", []string{"Ana"}, nil},
		{"END of something else", "BEGIN:VCARD\nFN:Ana\nEND:VCALENDAR\nEND:VCARD",
			nil, []string{"line 1: card cannot be read (invalid END value); left out"}},
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
	got, _ := Read(strings.NewReader("BEGIN:VCARD\nFN:Ana\nORG:A\\;B;Team\nEND:VCARD"))
	if p := got.People[0].Person; p.Organisation != "A;B" || p.Team != "Team" {
		t.Errorf("ORG read as %q, %q", p.Organisation, p.Team)
	}
}

func TestReadNoCards(t *testing.T) {
	for _, text := range []string{"", "FN:Ana\n", "hello"} {
		if _, err := Read(strings.NewReader(text)); !errors.Is(err, ErrNoCards) {
			t.Errorf("Read(%q) = %v, want ErrNoCards", text, err)
		}
	}
}

// TestReadBrokenQuotedPrintable: a quoted-printable value that cannot be
// decoded was kept raw without a word; it still is (nothing is lost), with
// a problem at its line.
func TestReadBrokenQuotedPrintable(t *testing.T) {
	tests := []struct {
		name, text   string
		wantName     string
		wantProblems []string
	}{
		{"good", "BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;Zo=C3=AB\nEND:VCARD\n", "Zoë Müller", nil},
		{"bad hex", "BEGIN:VCARD\nVERSION:2.1\nFN:Ana\nNOTE;ENCODING=QUOTED-PRINTABLE:caf=ZZ bar\nEND:VCARD\n", "Ana",
			[]string{`line 4: NOTE: "=ZZ" is not quoted-printable (= and two hex digits); kept as written`}},
		{"cut after a soft break", "BEGIN:VCARD\nVERSION:2.1\nFN;QUOTED-PRINTABLE:Ana =\nB=4x\nEND:VCARD\n", "Ana B=4x",
			[]string{`line 3: FN: "=4x" is not quoted-printable (= and two hex digits); kept as written`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.People) != 1 || got.People[0].Person.Name != tt.wantName {
				t.Errorf("people = %+v, want %q", got.People, tt.wantName)
			}
			if !reflect.DeepEqual(problems(got), tt.wantProblems) {
				t.Errorf("problems = %q, want %q", problems(got), tt.wantProblems)
			}
		})
	}
}
