// Package contactcsv reads people from the CSV files that LinkedIn and
// Google Contacts export: LinkedIn's Connections.csv, and Google Contacts'
// current ("First Name", "Labels", …) and legacy ("Given Name", "Group
// Membership", …) layouts. Columns are found by the names in the header
// row, never by position, so files with columns added, dropped or moved
// still read.
package contactcsv

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"rapport/model"
)

// Errors that Read returns, to be checked with errors.Is.
var (
	// ErrNoHeader means no row near the top of the file names the columns
	// of a LinkedIn or Google Contacts CSV.
	ErrNoHeader = errors.New("no header row of a LinkedIn or Google Contacts CSV")
	// ErrMissingColumn means the header row lacks a column the format
	// needs; the error names it.
	ErrMissingColumn = errors.New("missing column")
	// ErrUnbalancedQuote means a quoted cell runs on over the lines after
	// it (its closing quote is missing), so the rows there cannot be told
	// apart; the error names the line where the quote opens.
	ErrUnbalancedQuote = errors.New("a quote opens here and is not closed on its line")
)

// headerSearch is how many rows Read looks through for the header:
// LinkedIn puts a few lines of notes before it.
const headerSearch = 50

// multiValue separates the values of one Google Contacts cell.
const multiValue = " ::: "

// layout is one CSV layout: the columns that point to it, those it cannot
// do without, and how a row becomes a person.
type layout struct {
	format    model.ContactFormat
	name      string
	signature []string // lower-case column names typical of this layout
	required  []string // as written in the file
	draft     func(r row) model.ContactDraft
}

var layouts = []layout{
	{
		format:    model.FormatLinkedIn,
		name:      "LinkedIn connections file",
		signature: []string{"url", "email address", "company", "position", "connected on"},
		required:  []string{"First Name", "Last Name"},
		draft:     linkedInDraft,
	},
	{
		format: model.FormatGoogle,
		name:   "Google Contacts file",
		signature: []string{"middle name", "organization name", "organization title",
			"organization department", "labels", "file as", "phonetic first name",
			"phonetic last name", "e-mail 1 - label", "phone 1 - label"},
		required: []string{"First Name", "Last Name"},
		draft:    googleDraft,
	},
	{
		format: model.FormatGoogle,
		name:   "Google Contacts file (legacy layout)",
		signature: []string{"given name", "family name", "additional name", "group membership",
			"organization 1 - name", "organization 1 - title", "yomi name",
			"e-mail 1 - type", "phone 1 - type"},
		required: []string{"Given Name", "Family Name"},
		draft:    legacyDraft,
	},
}

// Read reads a LinkedIn or Google Contacts CSV, telling which from the
// header row (the first of the first 50 rows whose column names point to
// one layout). Each row after it becomes an ImportedPerson at the row's
// line, through model.ContactDraft.Import; blank rows are skipped. A row
// that cannot be read (a stray quote) is a problem naming its line, and
// so is a last row cut short on its line, and the rest is still read.
//
// Read returns ErrNoHeader when it finds no header row, an error wrapping
// ErrMissingColumn, naming the column and the header's line, when the
// header lacks a column the layout needs, an error wrapping
// ErrUnbalancedQuote naming the line where a quote opens that is not
// closed on its line and runs on over later lines (those rows would be
// lost), and r's own errors.
func Read(r io.Reader) (model.ContactFile, error) {
	tr := &tracker{r: r}
	cr := csv.NewReader(tr)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var (
		file model.ContactFile
		l    *layout
		hdr  header
		at   int
	)
	for k := 0; l == nil; k++ {
		if k == headerSearch {
			return file, ErrNoHeader
		}
		rec, err := cr.Read()
		if err == io.EOF {
			return file, ErrNoHeader
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			continue
		}
		if err != nil {
			return file, err
		}
		at, _ = cr.FieldPos(0)
		hdr = newHeader(rec)
		l = hdr.layout()
	}
	file.Format = l.format
	var missing []string
	for _, c := range l.required {
		if _, ok := hdr.col[key(c)]; !ok {
			missing = append(missing, fmt.Sprintf("%q", c))
		}
	}
	if len(missing) > 0 {
		return file, fmt.Errorf("line %d: %w %s: a %s needs %s", at, ErrMissingColumn,
			strings.Join(missing, ", "), l.name, strings.Join(l.required, ", "))
	}

	problem := func(line int, text string) {
		file.Problems = append(file.Problems, model.ImportProblem{Line: line, Problem: text})
	}
	const cut = "the file ends in the middle of this row (is it cut short?); left out"
	var (
		last      = -1 // the line of the last row read whole
		lastShort bool // it has fewer cells than the header
		lastAdded bool // it gave the last person of file.People
		lastProbs int  // how many problems it gave
		openQuote bool // the last row read ended in an unclosed quote
	)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			if openQuote {
				file.Problems[len(file.Problems)-1].Problem = cut
			}
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote) && pe.Line > pe.StartLine {
			return file, unbalanced(pe)
		}
		if errors.As(err, &pe) {
			problem(pe.StartLine, "row cannot be read ("+pe.Err.Error()+"); left out")
			last, openQuote = -1, errors.Is(pe.Err, csv.ErrQuote)
			continue
		}
		if err != nil {
			return file, err
		}
		line, _ := cr.FieldPos(0)
		last, lastShort, lastAdded, lastProbs, openQuote = line, len(rec) < len(hdr.names), false, 0, false
		if blank(rec) {
			continue
		}
		d := l.draft(row{rec: rec, header: &hdr})
		d.Line = line
		p, probs, ok := d.Import()
		file.Problems = append(file.Problems, probs...)
		lastProbs = len(probs)
		if ok {
			file.People = append(file.People, p)
			lastAdded = true
		}
	}
	// A file cut short ends inside a quoted cell (a parse error above), or
	// in a row with fewer cells than the header and no line break after it.
	if last > 0 && lastShort && !tr.endsWithNewline() {
		if lastAdded {
			file.People = file.People[:len(file.People)-1]
		}
		file.Problems = file.Problems[:len(file.Problems)-lastProbs]
		problem(last, cut)
	}
	return file, nil
}

// unbalanced is the error for a quoted cell that swallowed the lines after
// the one where it opens, up to line pe.Line: every row there would be
// lost.
func unbalanced(pe *csv.ParseError) error {
	return fmt.Errorf("line %d: %w: lines %d to %d would be read as one cell and their rows lost; "+
		"close the quote (a quote inside a quoted cell is written twice) and try again",
		pe.StartLine, ErrUnbalancedQuote, pe.StartLine, pe.Line)
}

// header is a header row: its names, and the column of each (lower-cased,
// white space folded; the first column of a name wins).
type header struct {
	names []string
	col   map[string]int
}

func newHeader(rec []string) header {
	h := header{names: make([]string, len(rec)), col: make(map[string]int, len(rec))}
	for i, name := range rec {
		if i == 0 {
			name = strings.TrimPrefix(name, "\uFEFF")
		}
		k := key(name)
		h.names[i] = k
		if _, ok := h.col[k]; !ok && k != "" {
			h.col[k] = i
		}
	}
	return h
}

// key is how column names are compared: case and white space folded.
func key(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// layout returns the layout whose signature columns the header has most
// of (at least two, and more than any other layout), or nil.
func (h header) layout() *layout {
	var best *layout
	bestScore, tie := 1, false
	for i := range layouts {
		score := 0
		for _, c := range layouts[i].signature {
			if _, ok := h.col[c]; ok {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = &layouts[i], score, false
		case score == bestScore && best != nil:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// row is one row of the file, read through its header.
type row struct {
	rec    []string
	header *header
}

// get is the cell under the column named name, or "".
func (r row) get(name string) string {
	i, ok := r.header.col[key(name)]
	if !ok || i >= len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[i])
}

// all is every value of every column named "<prefix> N - <suffix>"
// (Google's "E-mail 1 - Value", "E-mail 2 - Value", …), in column order,
// multi-value cells split.
func (r row) all(prefix, suffix string) []string {
	prefix, suffix = key(prefix)+" ", " - "+key(suffix)
	var out []string
	for i, name := range r.header.names {
		if i >= len(r.rec) || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, suffix) {
			continue
		}
		out = append(out, split(r.rec[i])...)
	}
	return out
}

// split splits a Google Contacts cell into its values.
func split(cell string) []string {
	var out []string
	for v := range strings.SplitSeq(cell, multiValue) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func join(parts ...string) string { return strings.Join(strings.Fields(strings.Join(parts, " ")), " ") }

// linkedInDraft is a row of LinkedIn's Connections.csv.
func linkedInDraft(r row) model.ContactDraft {
	d := model.ContactDraft{
		Name:         join(r.get("First Name"), r.get("Last Name")),
		Organisation: r.get("Company"),
		Title:        r.get("Position"),
		Emails:       []string{r.get("Email Address")},
	}
	if u := r.get("URL"); u != "" {
		d.Extra = append(d.Extra, "LinkedIn: "+u)
	}
	if s := r.get("Connected On"); s != "" {
		if t, ok := parseDate(s); ok {
			d.FirstMet = t
		} else {
			d.Extra = append(d.Extra, "Connected on: "+s)
		}
	}
	return d
}

// dateLayouts are the ways LinkedIn has written "Connected On".
var dateLayouts = []string{"02 Jan 2006", "2 Jan 2006", "Jan 2, 2006", "January 2, 2006",
	"2006-01-02", "1/2/2006", "1/2/06"}

func parseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// googleDraft is a row of Google Contacts' current layout.
func googleDraft(r row) model.ContactDraft {
	d := model.ContactDraft{
		Name:   join(r.get("First Name"), r.get("Middle Name"), r.get("Last Name")),
		Emails: r.all("E-mail", "Value"),
		Phones: r.all("Phone", "Value"),
		Notes:  r.get("Notes"),
	}
	d.Organisation, d.Extra = firstOf(d.Extra, "Other organisations", r.get("Organization Name"))
	d.Title, d.Extra = firstOf(d.Extra, "Other titles", r.get("Organization Title"))
	d.Team, d.Extra = firstOf(d.Extra, "Other departments", r.get("Organization Department"))
	googleCommon(&d, r, r.get("Labels"), r.get("Nickname"), r.get("File As"))
	return d
}

// legacyDraft is a row of Google Contacts' legacy layout.
func legacyDraft(r row) model.ContactDraft {
	d := model.ContactDraft{
		Name:   r.get("Name"),
		Emails: r.all("E-mail", "Value"),
		Phones: r.all("Phone", "Value"),
		Notes:  r.get("Notes"),
	}
	if d.Name == "" {
		d.Name = join(r.get("Given Name"), r.get("Additional Name"), r.get("Family Name"))
	}
	orgs, titles, depts := r.all("Organization", "Name"), r.all("Organization", "Title"), r.all("Organization", "Department")
	d.Organisation, d.Extra = firstOf(d.Extra, "Other organisations", orgs...)
	d.Title, d.Extra = firstOf(d.Extra, "Other titles", titles...)
	d.Team, d.Extra = firstOf(d.Extra, "Other departments", depts...)
	googleCommon(&d, r, r.get("Group Membership"), r.get("Nickname"), r.get("Short Name"))
	return d
}

// googleCommon fills in what both Google layouts share: tags from the
// labels (groups), related people, websites, the birthday, and a name
// from the alternatives (else the first email) when the row has none.
func googleCommon(d *model.ContactDraft, r row, labels string, names ...string) {
	for _, n := range names {
		if d.Name == "" {
			d.Name = n
		}
	}
	if d.Name == "" && len(d.Emails) > 0 {
		d.Name = d.Emails[0]
	}
	for _, l := range split(labels) {
		if tag, ok := label(l); ok {
			d.Tags = append(d.Tags, tag)
		}
	}
	d.Related = r.all("Relation", "Value")
	if sites := r.all("Website", "Value"); len(sites) > 0 {
		d.Extra = append(d.Extra, "Links: "+strings.Join(sites, ", "))
	}
	if b := r.get("Birthday"); b != "" {
		d.Extra = append(d.Extra, "Birthday: "+b)
	}
}

// label turns a Google label or group into a tag: the system group every
// contact is in ("* myContacts") is dropped, other system groups ("*
// starred") lose their star.
func label(l string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(l)) {
	case "* mycontacts", "* my contacts", "system group: my contacts", "* other", "":
		return "", false
	}
	return strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(l, "* "), "System Group: ")), true
}

// firstOf returns the first of the values (each a cell, multi-values
// split) and extra with a "label: the others" line added when there are
// more.
func firstOf(extra []string, label string, cells ...string) (string, []string) {
	var vs []string
	for _, c := range cells {
		vs = append(vs, split(c)...)
	}
	if len(vs) == 0 {
		return "", extra
	}
	if len(vs) > 1 {
		extra = append(extra, label+": "+strings.Join(vs[1:], ", "))
	}
	return vs[0], extra
}

// tracker passes a file through to the CSV reader, keeping its last byte,
// so that Read can tell whether the file ends with a line break.
type tracker struct {
	r     io.Reader
	lastB byte
}

// Read implements io.Reader.
func (t *tracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		t.lastB = p[n-1]
	}
	return n, err
}

func (t *tracker) endsWithNewline() bool { return t.lastB == '\n' || t.lastB == '\r' }
