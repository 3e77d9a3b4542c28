// Package vcard reads people from vCard files (versions 2.1, 3.0 and 4.0,
// one card or many) and writes people as vCard 4.0, on
// github.com/emersion/go-vcard.
//
// go-vcard neither counts lines nor copes with a card cut short, vCard 2.1's
// bare parameters ("TEL;CELL:…") or quoted-printable soft line breaks, so
// Read splits the file into cards itself, line by line, tidies each
// property line, and has go-vcard decode one card at a time.
package vcard

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"mime/quotedprintable"
	"slices"
	"strings"
	"unicode/utf8"

	govcard "github.com/emersion/go-vcard"

	"rapport/model"
)

// ErrNoCards means the text holds no BEGIN:VCARD line at all.
var ErrNoCards = errors.New("no vCard in the file (no BEGIN:VCARD line)")

// Read reads every card in r. A card becomes an ImportedPerson, at the line
// of its BEGIN:VCARD, through model.ContactDraft.Import: FN (else N) is the
// name, ORG the organisation (its second part the team), TITLE (else ROLE)
// the title, EMAIL and TEL every address and number (preferred first),
// NOTE the notes, CATEGORIES the tags, RELATED (and Apple's
// X-ABRELATEDNAMES) the related people, URL a "Links:" line in the notes.
//
// A card without END:VCARD (a file cut short) is left out with a problem
// at its first line; the cards after it are still read. A quoted-printable
// value that cannot be decoded is kept as written, with a problem at its
// line. Text outside any
// card is reported as a problem and ignored. Read returns an error only
// when r fails or holds no card at all (ErrNoCards).
func Read(r io.Reader) (model.ContactFile, error) {
	file := model.ContactFile{Format: model.FormatVCard}
	lr := &lineReader{r: bufio.NewReaderSize(r, 64<<10)}
	var (
		card      strings.Builder
		inCard    bool
		start     int // the line of the card's BEGIN
		strayFrom int // the first line of a run of text outside a card
		anyCard   bool
	)
	problem := func(line int, text string) {
		file.Problems = append(file.Problems, model.ImportProblem{Line: line, Problem: text})
	}
	for {
		line, at, ok := lr.logical()
		if !ok {
			break
		}
		word := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case word == "BEGIN:VCARD":
			if inCard {
				problem(start, "card has no END:VCARD before the next card; left out")
			}
			inCard, start, anyCard, strayFrom = true, at, true, 0
			card.Reset()
			card.WriteString("BEGIN:VCARD\r\n")
		case word == "END:VCARD" && inCard:
			inCard = false
			card.WriteString("END:VCARD\r\n")
			readCard(&file, card.String(), start)
		case inCard:
			if bad := badQuotedPrintable(line); bad != "" {
				problem(at, bad)
			}
			if p := tidyProperty(line); p != "" {
				card.WriteString(p)
				card.WriteString("\r\n")
			}
		case word != "" && word != "END:VCARD" && strayFrom == 0:
			strayFrom = at
			problem(at, "text outside a card; ignored")
		}
	}
	if lr.err != nil {
		return file, lr.err
	}
	if inCard {
		problem(start, "card has no END:VCARD (is the file cut short?); left out")
	}
	if !anyCard {
		return file, ErrNoCards
	}
	return file, nil
}

// readCard decodes one card's text, which starts at line start, and adds
// the person (or the problems) to file.
func readCard(file *model.ContactFile, text string, start int) {
	c, err := govcard.NewDecoder(strings.NewReader(text)).Decode()
	if err != nil {
		file.Problems = append(file.Problems, model.ImportProblem{Line: start,
			Problem: "card cannot be read (" + strings.TrimPrefix(err.Error(), "vcard: ") + "); left out"})
		return
	}
	p, problems, ok := cardDraft(c, start).Import()
	file.Problems = append(file.Problems, problems...)
	if ok {
		file.People = append(file.People, p)
	}
}

// cardDraft is the person a decoded card describes.
func cardDraft(c govcard.Card, line int) model.ContactDraft {
	d := model.ContactDraft{Line: line}
	d.Name = first(values(c, govcard.FieldFormattedName))
	if strings.TrimSpace(d.Name) == "" {
		for _, f := range c[govcard.FieldName] {
			if d.Name = nameFromN(components(fieldValue(f))); d.Name != "" {
				break
			}
		}
	}
	if f := preferred(c[govcard.FieldOrganization]); len(f) > 0 {
		parts := components(fieldValue(f[0]))
		d.Organisation = parts[0]
		d.Team = strings.Join(nonBlank(parts[1:]), ", ")
	}
	d.Title = first(values(c, govcard.FieldTitle))
	if strings.TrimSpace(d.Title) == "" {
		d.Title = first(values(c, govcard.FieldRole))
	}
	d.Emails = values(c, govcard.FieldEmail)
	d.Phones = values(c, govcard.FieldTelephone)
	d.Notes = strings.Join(nonBlank(values(c, govcard.FieldNote)), "\n\n")
	for _, v := range values(c, govcard.FieldCategories) {
		d.Tags = append(d.Tags, strings.Split(v, ",")...)
	}
	d.Related = append(values(c, govcard.FieldRelated), values(c, "X-ABRELATEDNAMES")...)
	if urls := nonBlank(values(c, govcard.FieldURL)); len(urls) > 0 {
		d.Extra = append(d.Extra, "Links: "+strings.Join(urls, ", "))
	}
	return d
}

// values is the decoded value of every property k of c, preferred first.
func values(c govcard.Card, k string) []string {
	fields := preferred(c[k])
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = unescape(fieldValue(f))
	}
	return out
}

// preferred orders fields by preference: PREF=1 (4.0) or TYPE=pref (3.0)
// first, then in the order written.
func preferred(fields []*govcard.Field) []*govcard.Field {
	rank := func(f *govcard.Field) int {
		if f.Params.HasType("pref") {
			return 0
		}
		if p := f.Params.Get(govcard.ParamPreferred); len(p) == 1 && p[0] >= '1' && p[0] <= '9' {
			return int(p[0] - '0')
		}
		return 100
	}
	out := slices.Clone(fields)
	slices.SortStableFunc(out, func(a, b *govcard.Field) int { return rank(a) - rank(b) })
	return out
}

// fieldValue is f's value with vCard 2.1's quoted-printable encoding and
// 8-bit character sets undone, still escaped.
func fieldValue(f *govcard.Field) string {
	v := f.Value
	if strings.EqualFold(f.Params.Get("ENCODING"), "QUOTED-PRINTABLE") {
		if b, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(v))); err == nil {
			v = string(b)
		}
	}
	if !utf8.ValidString(v) {
		switch strings.ToUpper(f.Params.Get("CHARSET")) {
		case "ISO-8859-1", "LATIN1", "WINDOWS-1252", "CP1252":
			v = latin1(v)
		}
	}
	return strings.ToValidUTF8(v, "\uFFFD")
}

// latin1 reads each byte of s as the character of that number.
func latin1(s string) string {
	r := make([]rune, len(s))
	for i := range len(s) {
		r[i] = rune(s[i])
	}
	return string(r)
}

// unescape undoes the escapes that go-vcard leaves: "\;", "\N", "\:".
var unescaper = strings.NewReplacer(`\;`, ";", `\N`, "\n", `\:`, ":")

func unescape(s string) string { return unescaper.Replace(s) }

// components splits a structured value (N, ORG) at its unescaped
// semicolons and unescapes each part. It returns at least one part.
func components(s string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			b.WriteByte(s[i])
			b.WriteByte(s[i+1])
			i++
		case s[i] == ';':
			out = append(out, unescape(b.String()))
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(out, unescape(b.String()))
}

// nameFromN builds a display name from N's parts (family; given;
// additional; prefixes; suffixes): "Dr. Dana M. Reyes Jr.".
func nameFromN(parts []string) string {
	get := func(i int) string {
		if i < len(parts) {
			return strings.ReplaceAll(parts[i], ",", " ")
		}
		return ""
	}
	return strings.Join(strings.Fields(strings.Join([]string{get(3), get(1), get(2), get(0), get(4)}, " ")), " ")
}

func first(vs []string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

func nonBlank(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// tidyProperty rewrites the name and parameters of a property line so that
// go-vcard reads them: vCard 2.1's bare parameters become TYPE=… (or
// ENCODING=… for an encoding), and a line that is no property is dropped.
func tidyProperty(line string) string {
	line = strings.TrimLeft(line, " \t")
	colon := propertyColon(line)
	if colon < 0 {
		return ""
	}
	head, rest := line[:colon], line[colon:]
	if !strings.Contains(head, ";") {
		return line
	}
	parts := splitOutsideQuotes(head, ';')
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		if p == "" || strings.Contains(p, "=") {
			continue
		}
		switch strings.ToUpper(p) {
		case "QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B":
			parts[i] = "ENCODING=" + p
		default:
			parts[i] = "TYPE=" + p
		}
	}
	return strings.Join(parts, ";") + rest
}

// propertyColon is the index of the colon that ends a property line's name
// and parameters (parameter values may hold quoted colons), or -1.
func propertyColon(line string) int {
	quoted := false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			quoted = !quoted
		case ':':
			if !quoted {
				return i
			}
		}
	}
	return -1
}

func splitOutsideQuotes(s string, sep byte) []string {
	var out []string
	quoted, from := false, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case sep:
			if !quoted {
				out = append(out, s[from:i])
				from = i + 1
			}
		}
	}
	return append(out, s[from:])
}

// lineReader reads a file's physical lines, counting them, and joins them
// into logical lines: folded lines (a line starting with a space or a tab
// continues the one before) and quoted-printable soft line breaks (a line
// ending in "=").
type lineReader struct {
	r      *bufio.Reader
	n      int // physical lines read
	peeked string
	has    bool // peeked holds the next line
	done   bool
	err    error
}

// physical returns the next physical line without its line end.
func (lr *lineReader) physical() (string, bool) {
	if lr.has {
		lr.has = false
		lr.n++
		return lr.peeked, true
	}
	l, ok := lr.read()
	if ok {
		lr.n++
	}
	return l, ok
}

func (lr *lineReader) peek() (string, bool) {
	if !lr.has {
		l, ok := lr.read()
		if !ok {
			return "", false
		}
		lr.peeked, lr.has = l, true
	}
	return lr.peeked, true
}

func (lr *lineReader) read() (string, bool) {
	if lr.done {
		return "", false
	}
	b, err := lr.r.ReadBytes('\n')
	if err != nil {
		lr.done = true
		if err != io.EOF {
			lr.err = err
			return "", false
		}
		if len(b) == 0 {
			return "", false
		}
	}
	b = bytes.TrimRight(b, "\r\n")
	if lr.n == 0 && !lr.has {
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	}
	return string(b), true
}

// logical returns the next logical line and the line it starts on.
func (lr *lineReader) logical() (string, int, bool) {
	l, ok := lr.physical()
	if !ok {
		return "", 0, false
	}
	at := lr.n
	b := []byte(l)
	qp := isQuotedPrintable(l)
	for {
		if qp && len(b) > 0 && b[len(b)-1] == '=' {
			next, ok := lr.physical()
			if !ok {
				break
			}
			b = append(b[:len(b)-1], next...)
			continue
		}
		next, ok := lr.peek()
		if !ok || next == "" || (next[0] != ' ' && next[0] != '\t') {
			break
		}
		lr.physical()
		b = append(b, next[1:]...)
	}
	return string(b), at, true
}

// badQuotedPrintable is the problem with a property line l that declares
// quoted-printable encoding but whose value is not (a "=" not followed by
// two hex digits, which decoding passes through as written); "" when l is
// fine.
func badQuotedPrintable(l string) string {
	if !isQuotedPrintable(l) {
		return ""
	}
	colon := propertyColon(l)
	v := l[colon+1:]
	for i := strings.IndexByte(v, '='); i >= 0; i = strings.IndexByte(v, '=') {
		if i+2 < len(v) && isHex(v[i+1]) && isHex(v[i+2]) {
			v = v[i+3:]
			continue
		}
		if strings.TrimSpace(v[i+1:]) == "" {
			break // a soft line break at the end
		}
		name, _, _ := strings.Cut(l[:colon], ";")
		return strings.ToUpper(strings.TrimSpace(name)) + ": " + strconvQuote(v[i:min(i+3, len(v))]) +
			" is not quoted-printable (= and two hex digits); kept as written"
	}
	return ""
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' || 'a' <= c && c <= 'f' }

// strconvQuote quotes s for a problem, its bytes kept valid UTF-8.
func strconvQuote(s string) string { return `"` + strings.ToValidUTF8(s, "\uFFFD") + `"` }

// isQuotedPrintable reports whether the property line l declares
// quoted-printable encoding.
func isQuotedPrintable(l string) bool {
	colon := propertyColon(l)
	if colon < 0 {
		return false
	}
	return strings.Contains(strings.ToUpper(l[:colon]), "QUOTED-PRINTABLE")
}
