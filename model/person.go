package model

import (
	"strings"
	"time"
	"unicode"
)

// Person is someone who matters to the user's career: a manager, a peer, a
// leader in another function, the receptionist. Nobody is scored as
// worthless; influence only says how much say they have over the user's
// next move.
type Person struct {
	ID           int64
	Name         string
	Title        string // job title, e.g. "Director of Engineering"
	Team         string
	Organisation string
	Email        string
	Phone        string
	Relation     Relation
	Influence    int // 1 (little say) to 5 (decides)
	Stance       Stance
	CadenceDays  int // keep in touch every so many days; 0 means no cadence
	// CadenceSet is true when the user chose CadenceDays (in the person
	// form, or for everyone in an import); false while it is only the
	// default. A cadence set counts from when the person was added until
	// the first contact (see ContactOverdue); the default waits for it.
	CadenceSet bool
	WorkingOn  string // what they said they are working on
	Needs      string // what they said they need
	Notes      string // the user's private notes
	FirstMet   time.Time
	ArchivedAt time.Time // zero while active; set while in the trash
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Defaults for a person added without those fields.
const (
	DefaultInfluence   = 3
	DefaultCadenceDays = 30
	MaxCadenceDays     = 3650
)

// NewPerson returns a person with the given name and sensible defaults for
// the rest: middling influence, unknown stance, the default monthly cadence
// (not set by the user: see CadenceSet).
func NewPerson(name string) Person {
	return Person{
		Name:        name,
		Relation:    RelationOther,
		Influence:   DefaultInfluence,
		Stance:      StanceUnknown,
		CadenceDays: DefaultCadenceDays,
	}
}

// Archived reports whether the person is in the trash.
func (p Person) Archived() bool { return !p.ArchivedAt.IsZero() }

// Normalize trims surrounding white space from the single-line fields, so
// " Dana " and "Dana" are the same name.
func (p *Person) Normalize() {
	for _, s := range []*string{&p.Name, &p.Title, &p.Team, &p.Organisation, &p.Email, &p.Phone} {
		*s = strings.TrimSpace(*s)
	}
}

// Validate reports every field of p that cannot be saved.
func (p Person) Validate() error {
	c := checker{record: "person"}
	c.required("name", p.Name)
	for _, f := range []struct{ name, value string }{
		{"name", p.Name}, {"title", p.Title}, {"team", p.Team},
		{"organisation", p.Organisation}, {"email", p.Email}, {"phone", p.Phone},
	} {
		c.text(f.name, f.value, MaxShortText)
		c.singleLine(f.name, f.value)
	}
	c.email("email", p.Email)
	c.oneOf("relation", p.Relation.Valid())
	c.between("influence", p.Influence, 1, 5)
	c.oneOf("stance", p.Stance.Valid())
	c.between("cadence", p.CadenceDays, 0, MaxCadenceDays)
	c.text("working on", p.WorkingOn, MaxLongText)
	c.text("needs", p.Needs, MaxLongText)
	c.text("notes", p.Notes, MaxLongText)
	return c.err()
}

// Subtitle is the person's title, team and organisation joined for a list
// row, leaving out what is empty: "Director · Platform · Acme".
func (p Person) Subtitle() string {
	parts := make([]string, 0, 3)
	for _, s := range []string{p.Title, p.Team, p.Organisation} {
		if s != "" && !saidIn(parts, s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// saidIn reports whether one of parts already says s as whole words ("VP
// Sales" says "Sales"), accents and case ignored, so that a subtitle never
// repeats it.
func saidIn(parts []string, s string) bool {
	want := " " + strings.Join(strings.Fields(Fold(s)), " ") + " "
	for _, part := range parts {
		words := strings.FieldsFunc(Fold(part), func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
		if strings.Contains(" "+strings.Join(words, " ")+" ", want) {
			return true
		}
	}
	return false
}

// Tie is a directed link between two people: From reports to, influences,
// is close to, or is at odds with To.
type Tie struct {
	ID        int64
	FromID    int64
	ToID      int64
	Kind      TieKind
	Note      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate reports every field of t that cannot be saved.
func (t Tie) Validate() error {
	c := checker{record: "tie"}
	c.reference("from", t.FromID)
	c.reference("to", t.ToID)
	if t.FromID > 0 && t.FromID == t.ToID {
		c.add("to", "must be someone else")
	}
	c.oneOf("kind", t.Kind.Valid())
	c.text("note", t.Note, MaxShortText)
	return c.err()
}

// Disclosure is an entry in the user's private log of what they shared
// about themselves, with whom, and how sensitive it was. It never leaves
// the app in anything meant for others.
type Disclosure struct {
	ID          int64
	PersonID    int64
	Topic       string
	Sensitivity Sensitivity
	SharedOn    time.Time // a date
	Notes       string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Validate reports every field of d that cannot be saved.
func (d Disclosure) Validate() error {
	c := checker{record: "disclosure"}
	c.reference("person", d.PersonID)
	c.required("topic", d.Topic)
	c.text("topic", d.Topic, MaxShortText)
	c.singleLine("topic", d.Topic)
	c.oneOf("sensitivity", d.Sensitivity.Valid())
	if d.SharedOn.IsZero() {
		c.add("shared on", "is required")
	}
	c.text("notes", d.Notes, MaxLongText)
	return c.err()
}

// PersonSummary is a person with what a list row shows beside them.
type PersonSummary struct {
	Person
	LastContact time.Time // the latest interaction not in the future; zero if none
}
