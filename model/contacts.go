package model

import (
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ContactFormat names a file format the import recognises.
type ContactFormat string

// The formats the import recognises. A calendar is recognised only so that
// it can be sent to the calendar import: it holds no people.
const (
	FormatVCard    ContactFormat = "vcard"
	FormatLinkedIn ContactFormat = "linkedin"
	FormatGoogle   ContactFormat = "google"
	FormatCalendar ContactFormat = "calendar"
)

var contactFormatChoices = []choice[ContactFormat]{
	{FormatVCard, "vCard"},
	{FormatLinkedIn, "LinkedIn connections"},
	{FormatGoogle, "Google Contacts"},
	{FormatCalendar, "Calendar"},
}

// Label is the format as the screen shows it: "LinkedIn connections".
func (f ContactFormat) Label() string { return labelOf(contactFormatChoices, f) }

// Valid reports whether f is one of the formats.
func (f ContactFormat) Valid() bool { return isChoice(contactFormatChoices, f) }

// ImportedPerson is one person read from a file, not yet stored.
//
// Person holds what fits the person's fields: Name, Title, Team,
// Organisation, the first Email and Phone, Notes and FirstMet (LinkedIn's
// "Connected On"). What has no field of its own is kept in Notes, one
// "Label: values" line each, after the file's own notes: "Tags: a, b" (vCard
// categories, Google labels), "Other emails: …", "Other phones: …",
// "Related: …", "LinkedIn: URL". The other fields of Person are zero: see
// AsNew.
type ImportedPerson struct {
	Person  Person
	Emails  []string // every valid email address, Person.Email first
	Line    int      // the line of the file where the person starts, from 1
	Related []string // RELATED values (names or URIs) as written
}

// AsNew is the person to add for p: p.Person with NewPerson's defaults for
// relation, influence, stance and cadence where p leaves them zero (a
// cadence of 0 read from a file means unset, so it becomes the default
// too, unless CadenceSet says it was chosen: see ImportOptions), and no
// ID, archive state or timestamps.
func (p ImportedPerson) AsNew() Person {
	n := p.Person
	d := NewPerson(n.Name)
	if n.Relation == "" {
		n.Relation = d.Relation
	}
	if n.Influence == 0 {
		n.Influence = d.Influence
	}
	if n.Stance == "" {
		n.Stance = d.Stance
	}
	if n.CadenceDays == 0 && !n.CadenceSet {
		n.CadenceDays = d.CadenceDays
	}
	n.ID, n.ArchivedAt, n.CreatedAt, n.UpdatedAt = 0, time.Time{}, time.Time{}, time.Time{}
	return n
}

// ImportProblem is something wrong in a file, with its line (0 for the
// whole file).
type ImportProblem struct {
	Line    int
	Problem string
}

// String is the problem with its line: "line 12: has no name; left out".
func (p ImportProblem) String() string {
	if p.Line <= 0 {
		return p.Problem
	}
	return fmt.Sprintf("line %d: %s", p.Line, p.Problem)
}

// ContactFile is what a file holds: the people that can be imported, and
// the problems found on the way (people left out, values moved to notes).
type ContactFile struct {
	Format   ContactFormat
	People   []ImportedPerson
	Problems []ImportProblem
}

// ContactDraft is a person as a file describes them, before Import tidies
// them into an ImportedPerson. The format readers fill it in.
type ContactDraft struct {
	Line         int
	Name         string
	Title        string
	Team         string
	Organisation string
	Emails       []string // in order of preference
	Phones       []string // in order of preference
	Notes        string
	Tags         []string
	Related      []string
	Extra        []string // more "Label: value" lines for the notes
	FirstMet     time.Time
}

// Import tidies d into the person to import: single-line fields have their
// runs of white space (line breaks too) folded to one space and control
// characters removed, emails and phones lose blanks and repeats, and what
// has no field of its own goes into the notes (see ImportedPerson). It
// returns the problems found, each at d.Line, and ok false when the person
// cannot be imported at all (no name, a name or notes too long); then the
// problems say why. A value that does not fit its field (an email that is
// not an address, a title too long) is kept in the notes instead, with a
// problem saying so. When ok, p.AsNew() passes Validate.
func (d ContactDraft) Import() (p ImportedPerson, problems []ImportProblem, ok bool) {
	p.Line = d.Line
	problem := func(format string, args ...any) {
		problems = append(problems, ImportProblem{Line: d.Line, Problem: fmt.Sprintf(format, args...)})
	}
	name := oneLine(d.Name)
	if name == "" {
		problem("has no name; left out")
		return p, problems, false
	}
	if n := utf8.RuneCountInString(name); n > MaxShortText {
		problem("name is too long (%d characters; at most %d); left out", n, MaxShortText)
		return p, problems, false
	}
	p.Person.Name = name
	var lines []string // for the notes
	for _, f := range []struct {
		label string
		dst   *string
		value string
	}{
		{"Title", &p.Person.Title, d.Title},
		{"Team", &p.Person.Team, d.Team},
		{"Organisation", &p.Person.Organisation, d.Organisation},
	} {
		v := oneLine(f.value)
		if n := utf8.RuneCountInString(v); n > MaxShortText {
			lines = append(lines, f.label+": "+v)
			problem("%s is too long (%d characters; at most %d); kept in the notes", strings.ToLower(f.label), n, MaxShortText)
			continue
		}
		*f.dst = v
	}

	var valid, invalid []string
	seen := make(map[string]bool)
	for _, e := range d.Emails {
		addr, good := tidyEmail(e)
		if addr == "" || seen[strings.ToLower(addr)] {
			continue
		}
		seen[strings.ToLower(addr)] = true
		if good {
			valid = append(valid, addr)
			continue
		}
		invalid = append(invalid, addr)
		problem("email %q is not an email address like name@example.com; kept in the notes", addr)
	}
	p.Emails = valid
	var otherEmails []string
	if len(valid) > 0 {
		p.Person.Email = valid[0]
		otherEmails = slices.Clone(valid[1:])
	}
	otherEmails = append(otherEmails, invalid...)

	phones := distinct(d.Phones, func(s string) string {
		s = oneLine(s)
		if len(s) >= 4 && strings.EqualFold(s[:4], "tel:") {
			s = strings.TrimSpace(s[4:])
		}
		return s
	})
	var otherPhones []string
	if len(phones) > 0 {
		if n := utf8.RuneCountInString(phones[0]); n > MaxShortText {
			problem("phone is too long (%d characters; at most %d); kept in the notes", n, MaxShortText)
			otherPhones = phones
		} else {
			p.Person.Phone = phones[0]
			otherPhones = phones[1:]
		}
	}
	tags := distinct(d.Tags, oneLine)
	p.Related = distinct(d.Related, oneLine)

	var block []string
	for _, l := range []struct {
		label  string
		values []string
	}{
		{"Tags", tags},
		{"Other emails", otherEmails},
		{"Other phones", otherPhones},
		{"Related", p.Related},
	} {
		if len(l.values) > 0 {
			block = append(block, l.label+": "+strings.Join(l.values, ", "))
		}
	}
	block = append(block, lines...)
	for _, x := range d.Extra {
		if x = oneLine(x); x != "" {
			block = append(block, x)
		}
	}
	notes := tidyText(d.Notes)
	if len(block) > 0 {
		if notes != "" {
			notes += "\n\n"
		}
		notes += strings.Join(block, "\n")
	}
	if n := utf8.RuneCountInString(notes); n > MaxLongText {
		problem("notes are too long (%d characters; at most %d); left out", n, MaxLongText)
		return p, problems, false
	}
	p.Person.Notes = notes
	p.Person.FirstMet = Day(d.FirstMet)
	if err := p.AsNew().Validate(); err != nil {
		// Not expected after the tidying above; a safety net all the same.
		problem("cannot be stored (%v); left out", err)
		return p, problems, false
	}
	return p, problems, true
}

// distinct tidies each value with tidy and returns the non-empty ones,
// without repeats (ignoring case), in order.
func distinct(values []string, tidy func(string) string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, v := range values {
		v = tidy(v)
		k := strings.ToLower(v)
		if v == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}

// oneLine makes s a clean single-line value: valid UTF-8, runs of white
// space and control characters folded to one space, trimmed.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

// tidyText makes s clean multi-line text: valid UTF-8, LF line ends,
// control characters but TAB and LF removed, trimmed.
func tidyText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// tidyEmail cleans an email value ("mailto:" and a display name dropped)
// and reports whether it is an address a person's email field accepts.
// It returns "" for a blank value.
func tidyEmail(s string) (string, bool) {
	s = oneLine(s)
	if len(s) >= 7 && strings.EqualFold(s[:7], "mailto:") {
		s = strings.TrimSpace(s[7:])
	}
	if s == "" {
		return "", false
	}
	if validEmail(s) {
		return s, true
	}
	if a, err := mail.ParseAddress(s); err == nil && validEmail(a.Address) {
		return a.Address, true
	}
	return s, false
}

// validEmail reports whether a person's email field accepts s.
func validEmail(s string) bool {
	c := checker{record: "person"}
	c.email("email", s)
	c.text("email", s, MaxShortText)
	c.singleLine("email", s)
	return len(c.fields) == 0
}

// ImportAction is what importing one person does.
type ImportAction string

// The import actions.
const (
	ImportAdd   ImportAction = "add"
	ImportMerge ImportAction = "merge"
	ImportSkip  ImportAction = "skip"
)

var importActionChoices = []choice[ImportAction]{
	{ImportAdd, "Add"},
	{ImportMerge, "Merge"},
	{ImportSkip, "Skip"},
}

// Label is the action as the screen shows it.
func (a ImportAction) Label() string { return labelOf(importActionChoices, a) }

// Valid reports whether a is one of the import actions.
func (a ImportAction) Valid() bool { return isChoice(importActionChoices, a) }

// ImportActions lists every import action in display order.
func ImportActions() []ImportAction { return valuesOf(importActionChoices) }

// How an imported person was matched, for ImportMatch.By, and the Existing
// of a match to a person earlier in the same file.
const (
	MatchByEmail  = "email"
	MatchByName   = "name and organisation"
	EarlierInFile = "earlier in the file"
)

// ImportMatch is one person of a file, with the existing person it
// duplicates (ExistingID, 0 when none; -1 for a person earlier in the same
// file, see InFileDuplicates), how (By: MatchByEmail or MatchByName), and
// the action chosen (by default Add when new, Merge when a duplicate of an
// existing person, Skip when a duplicate of one earlier in the file).
type ImportMatch struct {
	Imported   ImportedPerson
	ExistingID int64
	Existing   string // their name, or EarlierInFile
	By         string
	Action     ImportAction
	// Job is the change of title or organisation the file gives an
	// existing person (see MatchJobChanges); zero when none. A merge with
	// a Job takes the new role and keeps the old one in their history.
	Job JobChange
}

// Duplicate reports whether m was matched to someone.
func (m ImportMatch) Duplicate() bool { return m.ExistingID != 0 }

// nameKey is how MatchImport compares names and organisations: case
// folded, white space folded, nothing else.
func nameKey(name, organisation string) string {
	return foldKey(name) + "\x00" + foldKey(organisation)
}

func foldKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// MatchImport finds the duplicates of each imported person among existing
// people (give it both the active and the archived ones): the same email
// (any of Emails against an existing person's email, ignoring case) first,
// else the same name and organisation (ignoring case and white space; two
// empty organisations are the same). When several existing people match,
// an active one wins over an archived one, then the lowest ID. A person
// whose duplicate is someone earlier in the same file (by the same rules,
// email first) is matched to them: ExistingID -1, Existing EarlierInFile,
// action Skip. A duplicate of an existing person by email wins over a
// duplicate earlier in the file, which wins over one by name.
func MatchImport(people []ImportedPerson, existing []PersonSummary) []ImportMatch {
	better := func(a, b Person) bool { // a is preferred to b
		if a.Archived() != b.Archived() {
			return !a.Archived()
		}
		return a.ID < b.ID
	}
	byEmail := make(map[string]int, len(existing))
	byName := make(map[string]int, len(existing))
	for i, e := range existing {
		if e.Email != "" {
			k := strings.ToLower(strings.TrimSpace(e.Email))
			if j, ok := byEmail[k]; !ok || better(e.Person, existing[j].Person) {
				byEmail[k] = i
			}
		}
		k := nameKey(e.Name, e.Organisation)
		if j, ok := byName[k]; !ok || better(e.Person, existing[j].Person) {
			byName[k] = i
		}
	}
	fileEmail := make(map[string]bool, len(people))
	fileName := make(map[string]bool, len(people))
	out := make([]ImportMatch, len(people))
	for i, p := range people {
		m := ImportMatch{Imported: p, Action: ImportAdd}
		name := nameKey(p.Person.Name, p.Person.Organisation)
		found := func(j int, by string) {
			m.ExistingID, m.Existing, m.By, m.Action = existing[j].ID, existing[j].Name, by, ImportMerge
		}
		earlier := func(by string) {
			m.ExistingID, m.Existing, m.By, m.Action = -1, EarlierInFile, by, ImportSkip
		}
		emails := importEmails(p)
		if j, ok := lookupEmail(byEmail, emails); ok {
			found(j, MatchByEmail)
		} else if anyIn(fileEmail, emails) {
			earlier(MatchByEmail)
		} else if j, ok := byName[name]; ok {
			found(j, MatchByName)
		} else if fileName[name] {
			earlier(MatchByName)
		}
		for _, e := range emails {
			fileEmail[e] = true
		}
		fileName[name] = true
		out[i] = m
	}
	return out
}

// importEmails is every email of p, lower-cased, Person.Email first.
func importEmails(p ImportedPerson) []string {
	out := make([]string, 0, len(p.Emails)+1)
	if p.Person.Email != "" {
		out = append(out, strings.ToLower(p.Person.Email))
	}
	for _, e := range p.Emails {
		if e = strings.ToLower(e); e != "" && (len(out) == 0 || e != out[0]) {
			out = append(out, e)
		}
	}
	return out
}

func lookupEmail(index map[string]int, emails []string) (int, bool) {
	for _, e := range emails {
		if j, ok := index[e]; ok {
			return j, true
		}
	}
	return 0, false
}

func anyIn(set map[string]bool, keys []string) bool {
	for _, k := range keys {
		if set[k] {
			return true
		}
	}
	return false
}

// InFileDuplicates returns, for each match, the index of the earlier match
// in the same file that it duplicates when its ExistingID is -1 (the first
// earlier one with a shared email when By is MatchByEmail, with the same
// name and organisation when By is MatchByName), and -1 otherwise.
func InFileDuplicates(matches []ImportMatch) []int {
	out := make([]int, len(matches))
	byEmail := make(map[string]int, len(matches))
	byName := make(map[string]int, len(matches))
	for i, m := range matches {
		out[i] = -1
		emails := importEmails(m.Imported)
		name := nameKey(m.Imported.Person.Name, m.Imported.Person.Organisation)
		if m.ExistingID == -1 {
			j, ok := lookupEmail(byEmail, emails)
			if m.By == MatchByName || !ok {
				if k, found := byName[name]; found {
					j, ok = k, true
				}
			}
			if ok {
				out[i] = j
			}
		}
		for _, e := range emails {
			if _, ok := byEmail[e]; !ok {
				byEmail[e] = i
			}
		}
		if _, ok := byName[name]; !ok {
			byName[name] = i
		}
	}
	return out
}

// Merged is existing with the imported person's details filling its empty
// fields only (title, team, organisation, email, phone, first met), never
// overwriting one. What differs from a field already filled ("Title: VP")
// and the imported notes are appended to the notes under an "Imported from
// <format>:" line, leaving out what the notes already hold, so merging the
// same file twice adds nothing the second time. The name, relation and
// everything else the user set stay as they were.
func Merged(existing Person, in ImportedPerson, format ContactFormat) Person {
	m := existing
	var add []string
	fill := func(dst *string, v, label string) {
		switch {
		case v == "":
		case *dst == "":
			*dst = v
		case foldKey(*dst) != foldKey(v):
			add = append(add, label+": "+v)
		}
	}
	fill(&m.Title, in.Person.Title, "Title")
	fill(&m.Team, in.Person.Team, "Team")
	fill(&m.Organisation, in.Person.Organisation, "Organisation")
	fill(&m.Email, in.Person.Email, "Email")
	fill(&m.Phone, in.Person.Phone, "Phone")
	if m.FirstMet.IsZero() {
		m.FirstMet = in.Person.FirstMet
	}
	if n := strings.TrimSpace(in.Person.Notes); n != "" {
		add = append(add, n)
	}
	var block []string
	for _, a := range add {
		if !strings.Contains(m.Notes, a) {
			block = append(block, a)
		}
	}
	if len(block) == 0 {
		return m
	}
	section := "Imported from " + format.Label() + ":\n" + strings.Join(block, "\n")
	if notes := strings.TrimRight(m.Notes, " \t\r\n"); notes != "" {
		m.Notes = notes + "\n\n" + section
	} else {
		m.Notes = section
	}
	return m
}
