package kit

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// maxSuggestions is how many names a type-ahead field offers at once.
const maxSuggestions = 12

// PersonSuggester backs a type-ahead field for people: it turns what was
// typed into the matching names on offer, and recognises when the text is
// exactly one of them (picked from the drop-down).
type PersonSuggester struct {
	people   []model.PersonSummary
	index    *model.PeopleIndex
	suggests map[string]model.PersonSummary // label on offer → person
	options  []string                       // the labels on offer, in order
}

// NewPersonSuggester offers the given people.
func NewPersonSuggester(people []model.PersonSummary) *PersonSuggester {
	return &PersonSuggester{people: people, index: model.NewPeopleIndex(people)}
}

// Suggest returns the person whose label text is, when it is one of the
// suggestions on offer; otherwise it recomputes the suggestions for text.
func (s *PersonSuggester) Suggest(text string) (picked model.PersonSummary, ok bool) {
	if p, ok := s.suggests[text]; ok {
		return p, true
	}
	s.suggests = map[string]model.PersonSummary{}
	s.options = nil
	if strings.TrimSpace(text) == "" {
		return model.PersonSummary{}, false
	}
	for _, i := range s.index.Match(text, nil) {
		p := s.people[i]
		label := PersonLabel(p.Person)
		if _, dup := s.suggests[label]; dup {
			continue
		}
		s.suggests[label] = p
		s.options = append(s.options, label)
		if len(s.options) == maxSuggestions {
			break
		}
	}
	return model.PersonSummary{}, false
}

// PickOne runs a field that names one person: picked is set when the text
// is a suggestion chosen from the drop-down (which then closes, showing the
// name), kept while the text is still the picked name, and cleared
// otherwise, with the matching names offered.
func (s *PersonSuggester) PickOne(field *widget.SelectEntry, text string, picked *model.PersonSummary) {
	if p, ok := s.Suggest(text); ok {
		*picked = p
		s.Clear()
		field.SetOptions(nil)
		field.SetText(p.Name)
		return
	}
	if picked.ID != 0 && text == picked.Name {
		return
	}
	*picked = model.PersonSummary{}
	field.SetOptions(s.options)
}

// Clear forgets the suggestions on offer.
func (s *PersonSuggester) Clear() {
	s.suggests = nil
	s.options = nil
}

// PersonLabel names a person in a drop-down: "Dana Whitfield — VP · Platform".
func PersonLabel(p model.Person) string {
	if sub := p.Subtitle(); sub != "" {
		return p.Name + " — " + sub
	}
	return p.Name
}

// Options are the labels on offer for what was typed last, in order.
func (s *PersonSuggester) Options() []string { return s.options }
