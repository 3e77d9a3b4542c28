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
// Every part taken from data (the meeting kind's label, which is the raw
// code of a kind this build does not know, and the name) is cleaned by
// cleanPart, so no data can lead the file out of its folder; the result
// is cut (on a character boundary) to at most 120 bytes. A blank name
// gives "2026-12-01 Coffee.ics".
func FileName(m model.Meeting, with string) string {
	name := m.Start.Format("2006-01-02")
	if kind := cleanPart(m.Kind.Label()); kind != "" {
		name += " " + kind
	}
	if with = cleanPart(with); with != "" {
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
	if isReservedName(name) {
		name = "-" + name
	}
	return name + ext
}

// cleanPart makes text from data safe inside a file name on Windows, macOS
// and Linux: characters unsafe there (/ \ : * ? " < > | and control
// characters) become "-", invalid UTF-8 becomes "-", runs of dots become
// one (no ".."), runs of space collapse, leading and trailing spaces and
// dots are trimmed, and a name Windows reserves (CON, NUL, COM1…) gets a
// leading "-".
func cleanPart(s string) string {
	s = strings.ToValidUTF8(s, "-")
	s = strings.Map(func(r rune) rune {
		if isControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return '-'
		}
		return r
	}, s)
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", ".")
	}
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " .")
	if isReservedName(s) {
		s = "-" + s
	}
	return s
}

// isReservedName reports whether name (before any extension) is a device
// name Windows reserves in every folder.
func isReservedName(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	switch strings.ToUpper(strings.TrimSpace(stem)) {
	case "CON", "PRN", "AUX", "NUL",
		"COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		return true
	}
	return false
}
