package vcard

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"rapport/model"
)

func TestWriteRoundTrip(t *testing.T) {
	people := []model.Person{
		{Name: "Dana Reyes", Title: "Director of Engineering", Team: "Platform", Organisation: "Acme Corp",
			Email: "dana@acme.example", Phone: "+1 415 555 0100", Notes: "PRIVATE: wants to leave"},
		{Name: "Zoë Müller-Łukasiewicz", Title: `R&D; AI, ML \ Data`, Organisation: "Initech; Inc, Ltd"},
		{Name: "Cher"},
		{Name: strings.Repeat("名前", 60), Title: strings.Repeat("é", 150)},
	}
	var buf bytes.Buffer
	if err := Write(&buf, people); err != nil {
		t.Fatalf("Write: %v", err)
	}
	text := buf.String()
	if strings.Contains(text, "NOTE") || strings.Contains(text, "PRIVATE") {
		t.Errorf("private notes written:\n%s", text)
	}
	for i, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d splits a character: %q", i+1, line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare line break: %q", i+1, line)
		}
	}
	got, err := Read(strings.NewReader(text))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(got.People) != len(people) || len(got.Problems) != 0 {
		t.Fatalf("read back %d people, problems %v", len(got.People), got.Problems)
	}
	for i, p := range people {
		q := got.People[i].Person
		for _, f := range []struct{ name, got, want string }{
			{"name", q.Name, p.Name}, {"title", q.Title, p.Title}, {"team", q.Team, p.Team},
			{"organisation", q.Organisation, p.Organisation}, {"email", q.Email, p.Email}, {"phone", q.Phone, p.Phone},
		} {
			if f.got != f.want {
				t.Errorf("person %d: %s = %q, want %q", i, f.name, f.got, f.want)
			}
		}
	}
}

func TestWriteCleansValues(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, []model.Person{{Name: "Dana\r\nEND:VCARD\r\nBEGIN:VCARD\x00", Title: "a\u2028b\uE000"}})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\r\nBEGIN:VCARD") + strings.Count(buf.String(), "\r\nEND:VCARD"); n != 1 {
		t.Errorf("a name started %d cards:\n%s", n, buf.String())
	}
	got, err := Read(&buf)
	if err != nil || len(got.People) != 1 {
		t.Fatalf("Read: %v, %+v", err, got)
	}
	if p := got.People[0].Person; p.Name != "Dana END:VCARD BEGIN:VCARD" || p.Title != "a b" {
		t.Errorf("read back %q, %q", p.Name, p.Title)
	}
}

func TestWriteNobody(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, nil); err != nil || buf.Len() != 0 {
		t.Errorf("Write(nil) = %v, %q", err, buf.String())
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"A:" + strings.Repeat("x", 73) + "\r\n", "A:" + strings.Repeat("x", 73) + "\r\n"},
		{"A:" + strings.Repeat("x", 74) + "\r\n", "A:" + strings.Repeat("x", 73) + "\r\n x\r\n"},
		{"A:" + strings.Repeat("x", 72) + "é\r\n", "A:" + strings.Repeat("x", 72) + "\r\n é\r\n"},
	}
	for _, tt := range tests {
		if got := fold(tt.in); got != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
