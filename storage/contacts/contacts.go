// Package contacts reads a contacts file of any format Rapport imports,
// telling the format from the content, not the file name: a vCard (see
// storage/vcard), LinkedIn's Connections.csv or a Google Contacts CSV (see
// storage/contactcsv). An iCalendar file is recognised too, and reported
// as such with no people, so that the caller can send it to the calendar
// import.
package contacts

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"rapport/model"
	"rapport/storage/contactcsv"
	"rapport/storage/vcard"
)

// MaxSize is the largest file Read accepts, in bytes: 200 MB (MiB), far
// beyond any real address book.
const MaxSize = 200 << 20

// Errors that Read returns (wrapped, with the file's name and where known
// its line), to be checked with errors.Is. A CSV that lacks a column its
// layout needs gives contactcsv.ErrMissingColumn.
var (
	// ErrTooLarge means the file is larger than MaxSize.
	ErrTooLarge = errors.New("file is larger than 200 MB")
	// ErrNotText means the file is text, but neither UTF-8 nor UTF-16.
	ErrNotText = errors.New("not UTF-8 text")
	// ErrNotContacts means the file is binary, empty, or text in no format
	// Read knows.
	ErrNotContacts = errors.New("not a contacts file")
)

// Read reads the contacts in data, the content of the file called name
// (used in error messages only). Text may be UTF-8 (with or without a byte
// order mark) or UTF-16 (with a byte order mark, or plain ASCII-range text
// without one); it is converted to UTF-8 first.
//
// The format is told from the content: a first line BEGIN:VCARD is a
// vCard, BEGIN:VCALENDAR a calendar (Format FormatCalendar, no people, no
// error); anything else is read as a CSV, whose header row says LinkedIn
// or Google Contacts. The problems of a readable file (a card cut short, a
// person without a name) are in the ContactFile's Problems, each with its
// line. Read returns an error naming the file, and the line where there is
// one, for a file larger than MaxSize (before looking at it), a binary or
// empty file, text that is not UTF-8, a CSV without a known header row or
// lacking a column it needs.
func Read(name string, data []byte) (model.ContactFile, error) {
	if len(data) > MaxSize {
		return model.ContactFile{}, fmt.Errorf("%s: %w", name, ErrTooLarge)
	}
	text, err := decode(data)
	if err != nil {
		return model.ContactFile{}, fmt.Errorf("%s: %w", name, err)
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return model.ContactFile{}, fmt.Errorf("%s: %w (the file is empty)", name, ErrNotContacts)
	}
	switch firstLine(text) {
	case "BEGIN:VCARD":
		return readVCard(name, text)
	case "BEGIN:VCALENDAR":
		return model.ContactFile{Format: model.FormatCalendar}, nil
	}
	f, err := contactcsv.Read(bytes.NewReader(text))
	if errors.Is(err, contactcsv.ErrNoHeader) {
		if hasLine(text, "BEGIN:VCARD") {
			return readVCard(name, text)
		}
		return model.ContactFile{}, fmt.Errorf("%s: %w (found no vCard, LinkedIn connections or Google Contacts data)", name, ErrNotContacts)
	}
	if err != nil {
		return model.ContactFile{}, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

func readVCard(name string, text []byte) (model.ContactFile, error) {
	f, err := vcard.Read(bytes.NewReader(text))
	if err != nil {
		return model.ContactFile{}, fmt.Errorf("%s: %w", name, err)
	}
	return f, nil
}

// decode returns data as UTF-8 text without a byte order mark, or an
// error saying why it is not text.
func decode(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		data = fromUTF16(data[2:], false)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		data = fromUTF16(data[2:], true)
	default:
		if bigEndian, ok := looksUTF16(data); ok {
			data = fromUTF16(data, bigEndian)
		}
	}
	if isBinary(data) {
		return nil, fmt.Errorf("%w (it holds binary data)", ErrNotContacts)
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte{'\n'})
		return nil, fmt.Errorf("line %d: %w: save the file as UTF-8 and try again", line, ErrNotText)
	}
	return unixLineEnds(data), nil
}

// unixLineEnds turns CR LF and a lone CR (old Mac files) into LF, so that
// every reader sees one line per line; the count of lines is unchanged.
func unixLineEnds(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
}

// fromUTF16 converts UTF-16 text to UTF-8; a lone surrogate or a last odd
// byte becomes U+FFFD.
func fromUTF16(b []byte, bigEndian bool) []byte {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(b)/2+4)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	if len(b)%2 == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return out
}

// looksUTF16 reports whether data, which has no byte order mark, looks
// like UTF-16 text: it opens with four ASCII characters (every other byte
// zero: BEGIN:VCARD, a CSV header), or most of its characters are ASCII.
// No UTF-8 text holds a zero byte.
func looksUTF16(data []byte) (bigEndian, ok bool) {
	n := min(len(data), 512) / 2
	if n < 2 {
		return false, false
	}
	if len(data) >= 8 {
		le, be := true, true
		for i := 0; i < 8; i += 2 {
			le = le && data[i] != 0 && data[i+1] == 0
			be = be && data[i] == 0 && data[i+1] != 0
		}
		if le || be {
			return be, true
		}
	}
	var le, be int
	for i := range n {
		a, b := data[2*i], data[2*i+1]
		switch {
		case a != 0 && b == 0:
			le++
		case a == 0 && b != 0:
			be++
		}
	}
	switch {
	case le*10 >= n*9:
		return false, true
	case be*10 >= n*9:
		return true, true
	}
	return false, false
}

// magic are the openings of common binary files.
var magic = [][]byte{
	[]byte("%PDF-"), []byte("PK\x03\x04"), []byte("\x89PNG"), []byte("\xFF\xD8\xFF"),
	[]byte("GIF8"), []byte("SQLite format 3\x00"), []byte("\x1F\x8B"), []byte("7z\xBC\xAF"),
	[]byte("Rar!"), []byte("\xD0\xCF\x11\xE0"), []byte("\x7FELF"),
}

// isBinary reports whether data is not text: it opens like a known binary
// format, or its first 8,000 bytes hold a NUL or many control characters.
func isBinary(data []byte) bool {
	for _, m := range magic {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	head := data[:min(len(data), 8000)]
	controls := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f', c == 0x7F:
			controls++
		}
	}
	return controls*20 > len(head) // more than 5%
}

// firstInvalid is the offset of the first byte of data that is not valid
// UTF-8.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// firstLine is the first line of text that is not blank, trimmed and
// upper-cased, cut at 64 bytes.
func firstLine(text []byte) string {
	for line := range bytes.Lines(text) {
		if line = bytes.TrimSpace(line); len(line) > 0 {
			return string(bytes.ToUpper(line[:min(len(line), 64)]))
		}
	}
	return ""
}

// hasLine reports whether a line of text is want (ignoring case and
// surrounding white space).
func hasLine(text []byte, want string) bool {
	for line := range bytes.Lines(text) {
		if bytes.EqualFold(bytes.TrimSpace(line), []byte(want)) {
			return true
		}
	}
	return false
}
