package model

import "time"

// Interaction is one contact with one or more people: a coffee, help given,
// a public thank-you, an ask. Its date is when it happened, not when it was
// typed in.
type Interaction struct {
	ID        int64
	Kind      InteractionKind
	At        time.Time
	Summary   string
	Notes     string
	PersonIDs []int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate reports every field of i that cannot be saved.
func (i Interaction) Validate() error {
	c := checker{record: "interaction"}
	c.oneOf("kind", i.Kind.Valid())
	if i.At.IsZero() {
		c.add("date", "is required")
	}
	if len(i.PersonIDs) == 0 {
		c.add("people", "must name at least one person")
	}
	seen := make(map[int64]bool, len(i.PersonIDs))
	for _, id := range i.PersonIDs {
		if id <= 0 {
			c.add("people", "has an unknown person")
			break
		}
		if seen[id] {
			c.add("people", "names the same person twice")
			break
		}
		seen[id] = true
	}
	c.text("summary", i.Summary, MaxShortText*5)
	c.text("notes", i.Notes, MaxLongText)
	return c.err()
}

// Title is a one-line description for a timeline: the summary, or the kind
// when there is no summary.
func (i Interaction) Title() string {
	if i.Summary != "" {
		return i.Summary
	}
	return i.Kind.Label()
}
