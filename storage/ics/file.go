package ics

import (
	"strings"
	"unicode/utf8"

	"rapport/model"
	"rapport/storage/atomicfile"
)

// WriteFile writes data to path with mode 0600, atomically: it writes a
// temporary file in the same directory, syncs it, and renames it over
// path, so path ends up either as before or with all of data, never
// partial. On failure the temporary file is removed. It is
// [atomicfile.Write], which other exports share.
func WriteFile(path string, data []byte) error { return atomicfile.Write(path, data) }

// maxFileName bounds FileName's result in bytes, well under the 255 that
// common file systems allow, leaving room for a " (2)" a browser may add.
const maxFileName = 120

// FileName is a file name for the invite of m with the named person:
// "2026-12-01 Coffee with Dana Reyes.ics", the date in m.Start's location.
// Characters unsafe on Windows, macOS or Linux (/ \ : * ? " < > | and
// control characters) become "-", invalid UTF-8 becomes "-", runs of space
// collapse, leading and trailing spaces and dots of the name are trimmed,
// and the result is cut (on a character boundary) to at most 120 bytes.
// A blank name gives "2026-12-01 Coffee.ics".
func FileName(m model.Meeting, with string) string {
	with = strings.ToValidUTF8(with, "-")
	with = strings.Map(func(r rune) rune {
		if isControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return '-'
		}
		return r
	}, with)
	with = strings.Join(strings.Fields(with), " ")
	with = strings.Trim(with, " .")

	name := m.Start.Format("2006-01-02") + " " + m.Kind.Label()
	if with != "" {
		name += " with " + with
	}
	const ext = ".ics"
	if len(name) > maxFileName-len(ext) {
		cut := maxFileName - len(ext)
		for cut > 0 && !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = strings.TrimRight(name[:cut], " .")
	}
	return name + ext
}
