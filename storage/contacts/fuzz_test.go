package contacts

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReadContacts feeds arbitrary bytes to Read, starting from the
// checked-in corpus in testdata/fuzz/FuzzReadContacts and the realistic
// samples, and checks that it never panics and never hands back a person
// who cannot be stored: every person has a line in the file and passes
// Validate once given NewPerson's defaults. What cannot be stored must be
// a problem (or an error naming the file) instead.
func FuzzReadContacts(f *testing.F) {
	for _, s := range samples {
		f.Add(mustRead(f, s.path))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Read("fuzz.vcf", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.vcf: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if !got.Format.Valid() {
			t.Fatalf("Format %q", got.Format)
		}
		lines := bytes.Count(data, []byte{'\n'}) + 1
		if bytes.Contains(data, []byte{0}) { // UTF-16: two bytes a character
			lines = len(data) + 1
		}
		for _, p := range got.People {
			if p.Line < 1 || p.Line > lines {
				t.Errorf("%q at line %d of %d", p.Person.Name, p.Line, lines)
			}
			if err := p.AsNew().Validate(); err != nil {
				t.Errorf("line %d: %q cannot be stored: %v", p.Line, p.Person.Name, err)
			}
			for _, e := range p.Emails {
				q := p.AsNew()
				q.Email = e
				if err := q.Validate(); err != nil {
					t.Errorf("line %d: email %q cannot be stored: %v", p.Line, e, err)
				}
			}
		}
		for _, pr := range got.Problems {
			if pr.Line < 0 || pr.Line > lines || pr.Problem == "" {
				t.Errorf("problem %+v in a file of %d lines", pr, lines)
			}
		}
	})
}
