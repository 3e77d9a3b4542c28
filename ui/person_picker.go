package ui

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// maxSuggestions is how many names a type-ahead field offers at once.
const maxSuggestions = 12

// personSuggester backs a type-ahead field for people: it turns what was
// typed into the matching names on offer, and recognises when the text is
// exactly one of them (picked from the drop-down).
type personSuggester struct {
	people   []model.PersonSummary
	index    *model.PeopleIndex
	suggests map[string]model.PersonSummary // label on offer → person
	options  []string                       // the labels on offer, in order
}

func newPersonSuggester(people []model.PersonSummary) *personSuggester {
	return &personSuggester{people: people, index: model.NewPeopleIndex(people)}
}

// suggest returns the person whose label text is, when it is one of the
// suggestions on offer; otherwise it recomputes the suggestions for text.
func (s *personSuggester) suggest(text string) (picked model.PersonSummary, ok bool) {
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
		label := personLabel(p.Person)
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

// pickOne runs a field that names one person: picked is set when the text
// is a suggestion chosen from the drop-down (which then closes, showing the
// name), kept while the text is still the picked name, and cleared
// otherwise, with the matching names offered.
func (s *personSuggester) pickOne(field *widget.SelectEntry, text string, picked *model.PersonSummary) {
	if p, ok := s.suggest(text); ok {
		*picked = p
		s.clear()
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

// clear forgets the suggestions on offer.
func (s *personSuggester) clear() {
	s.suggests = nil
	s.options = nil
}

// personLabel names a person in a drop-down: "Dana Whitfield — VP · Platform".
func personLabel(p model.Person) string {
	if sub := p.Subtitle(); sub != "" {
		return p.Name + " — " + sub
	}
	return p.Name
}
