package ics

import (
	"bytes"
	"unicode/utf8"
)

// MaxLine is the longest content line RFC 5545 §3.1 allows, in octets,
// not counting the CRLF.
const MaxLine = 75

// fold folds every CRLF-terminated content line of data longer than
// MaxLine octets: CRLF and one space start each continuation, and no
// UTF-8 sequence is split. It expects CRLF line endings (go-ical's output).
func fold(data []byte) []byte {
	out := make([]byte, 0, len(data)+len(data)/MaxLine*3)
	for len(data) > 0 {
		i := bytes.Index(data, []byte("\r\n"))
		line := data
		if i >= 0 {
			line, data = data[:i], data[i+2:]
		} else {
			data = nil
		}
		limit := MaxLine
		for len(line) > limit {
			cut := limit
			for cut > 0 && !utf8.RuneStart(line[cut]) {
				cut--
			}
			if cut == 0 { // not UTF-8 at all: cut anywhere rather than loop
				cut = limit
			}
			out = append(out, line[:cut]...)
			out = append(out, "\r\n "...)
			line = line[cut:]
			limit = MaxLine - 1 // the leading space counts
		}
		out = append(out, line...)
		out = append(out, "\r\n"...)
	}
	return out
}
