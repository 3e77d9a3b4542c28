package contacts

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"rapport/model"
	"rapport/storage/contactcsv"
)

// samples are the format packages' realistic files, and this package's own.
var samples = []struct {
	path   string
	format model.ContactFormat
	people int
}{
	{"../vcard/testdata/apple-3.0.vcf", model.FormatVCard, 2},
	{"../vcard/testdata/rfc6350-4.0.vcf", model.FormatVCard, 2},
	{"../vcard/testdata/android-2.1.vcf", model.FormatVCard, 1},
	{"../vcard/testdata/cut-short.vcf", model.FormatVCard, 1},
	{"../contactcsv/testdata/Connections.csv", model.FormatLinkedIn, 4},
	{"../contactcsv/testdata/Connections-crlf.csv", model.FormatLinkedIn, 1},
	{"../contactcsv/testdata/google-contacts.csv", model.FormatGoogle, 3},
	{"../contactcsv/testdata/google-contacts-legacy.csv", model.FormatGoogle, 3},
	{"testdata/calendar.ics", model.FormatCalendar, 0},
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestReadTellsTheFormatFromTheContent(t *testing.T) {
	for _, s := range samples {
		t.Run(filepath.Base(s.path), func(t *testing.T) {
			// The name says nothing: the content does.
			got, err := Read("contacts.txt", mustRead(t, s.path))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Format != s.format || len(got.People) != s.people {
				t.Errorf("Format %q with %d people, want %q with %d", got.Format, len(got.People), s.format, s.people)
			}
		})
	}
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestReadEncodings(t *testing.T) {
	text := string(mustRead(t, "../contactcsv/testdata/Connections.csv"))
	tests := []struct {
		name string
		data []byte
	}{
		{"UTF-8", []byte(text)},
		{"UTF-8 with BOM", append([]byte("\uFEFF"), text...)},
		{"UTF-16LE with BOM", utf16Bytes(text, false, true)},
		{"UTF-16BE with BOM", utf16Bytes(text, true, true)},
		{"UTF-16LE without BOM", utf16Bytes(text, false, false)},
		{"UTF-16BE without BOM", utf16Bytes(text, true, false)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read("Connections.csv", tt.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got.Format != model.FormatLinkedIn || len(got.People) != 4 {
				t.Fatalf("Format %q with %d people", got.Format, len(got.People))
			}
			if name := got.People[2].Person.Name; name != "Zoë Müller-Łukasiewicz" {
				t.Errorf("name = %q", name)
			}
		})
	}
}

func TestReadBadFiles(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
	tests := []struct {
		name    string
		file    string
		data    []byte
		wantErr error
		wantMsg string
	}{
		{"too large", "huge.vcf", make([]byte, MaxSize+1), ErrTooLarge, "huge.vcf: file is larger than 200 MB"},
		{"binary renamed .vcf", "photo.vcf", png, ErrNotContacts, "photo.vcf: not a contacts file (it holds binary data)"},
		{"zip renamed .csv", "export.csv", []byte("PK\x03\x04\x14\x00\x08\x00"), ErrNotContacts, "export.csv: not a contacts file"},
		{"control characters", "noise.vcf", bytes.Repeat([]byte("ab\x01\x02\x03"), 100), ErrNotContacts, "noise.vcf: not a contacts file"},
		{"Latin-1", "latin1.csv", []byte("First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZo\xeb,M\xfcller,,,,,\n"),
			ErrNotText, "latin1.csv: line 2: not UTF-8 text"},
		{"empty", "empty.vcf", []byte(" \r\n\n"), ErrNotContacts, "empty.vcf: not a contacts file (the file is empty)"},
		{"other text", "notes.txt", []byte("Dear Dana,\nthanks for the coffee.\n"), ErrNotContacts, "notes.txt: not a contacts file"},
		{"missing column", "Connections.csv", mustRead(t, "../contactcsv/testdata/Connections-no-last-name.csv"),
			contactcsv.ErrMissingColumn, `Connections.csv: line 4: missing column "Last Name"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.file, tt.data)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if !strings.HasPrefix(err.Error(), tt.wantMsg) {
				t.Errorf("err = %q, want it to start %q", err, tt.wantMsg)
			}
		})
	}
}

func TestReadVCardAfterOtherText(t *testing.T) {
	got, err := Read("x.vcf", []byte("Exported by Phone Backup 2.0\nBEGIN:VCARD\nFN:Ana\nEND:VCARD\n"))
	if err != nil || got.Format != model.FormatVCard || len(got.People) != 1 {
		t.Fatalf("Read = %+v, %v", got, err)
	}
	if len(got.Problems) != 1 || got.Problems[0].Line != 1 {
		t.Errorf("problems = %v, want one at line 1", got.Problems)
	}
}

// TestReadOddEncodingsAndLineEnds: a UTF-16 vCard without a byte order
// mark whose names are not Latin was refused as "binary data"; a file with
// old Mac line ends (CR alone) was one long line. Both read now, with the
// right lines.
func TestReadOddEncodingsAndLineEnds(t *testing.T) {
	const vcf = "BEGIN:VCARD\nVERSION:3.0\nFN:Дмитрий Иванов\nORG:Рога и копыта\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:山田 花子\nEND:VCARD\n"
	const csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nDana,Reyes,,,Acme,CTO,01 Jan 2024\nSam,Lee,,,,,\n"
	tests := []struct {
		name   string
		data   []byte
		names  []string
		format model.ContactFormat
	}{
		{"UTF-16LE vCard without BOM, Cyrillic and Japanese", utf16Bytes(vcf, false, false), []string{"Дмитрий Иванов", "山田 花子"}, model.FormatVCard},
		{"UTF-16BE vCard without BOM", utf16Bytes(vcf, true, false), []string{"Дмитрий Иванов", "山田 花子"}, model.FormatVCard},
		{"vCard with CR line ends", []byte(strings.ReplaceAll(vcf, "\n", "\r")), []string{"Дмитрий Иванов", "山田 花子"}, model.FormatVCard},
		{"CSV with CR line ends", []byte(strings.ReplaceAll(csv, "\n", "\r")), []string{"Dana Reyes", "Sam Lee"}, model.FormatLinkedIn},
		{"UTF-16 CSV with CR line ends", utf16Bytes(strings.ReplaceAll(csv, "\n", "\r"), false, true), []string{"Dana Reyes", "Sam Lee"}, model.FormatLinkedIn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read("contacts", tt.data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var names []string
			for _, p := range got.People {
				names = append(names, p.Person.Name)
			}
			if got.Format != tt.format || strings.Join(names, "|") != strings.Join(tt.names, "|") {
				t.Errorf("Read = %s %q, want %s %q", got.Format, names, tt.format, tt.names)
			}
			if len(got.People) == 2 && got.People[1].Line <= got.People[0].Line {
				t.Errorf("lines %d and %d", got.People[0].Line, got.People[1].Line)
			}
		})
	}
}
