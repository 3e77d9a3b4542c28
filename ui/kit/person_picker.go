package kit

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"rapport/model"
)

// maxSuggestions is how many names a person picker offers at once.
const maxSuggestions = 6

// PersonPicker is the one field that names a person, in every form. As a
// name is typed, the people it matches (by any word of their name, title,
// team, organisation or email, accents and case ignored) are listed right
// under the field, the first one highlighted: Up and Down move the
// highlight, Enter or a click picks it, Esc closes the list (a second Esc
// reaches the dialog), Tab moves on. The list is part of the form, not a
// pop-up, so the keyboard stays in the field while it shows.
//
// A full name typed exactly (accents and case ignored) counts as picked
// without the list; Resolve also accepts text that matches exactly one
// person.
type PersonPicker struct {
	// Entry is the field the name is typed into.
	Entry *TextField
	// Root is what to place in a form: the field with the list under it.
	Root fyne.CanvasObject
	// List is the list of suggestions alone, for a row that places the
	// field (Entry) beside other inputs and the list under the row
	// instead of Root.
	List fyne.CanvasObject
	// OnPicked, when set, runs with the person picked from the list.
	OnPicked func(model.PersonSummary)
	// OnChanged, when set, runs after every change of the text.
	OnChanged func(text string)
	// Relayout lays out again what holds the picker when the list opens
	// or closes (Fyne may miss that the form grew); a FieldSet sets it,
	// and nil lays out Root only.
	Relayout func()

	people      []model.PersonSummary
	index       *model.PeopleIndex
	picked      model.PersonSummary
	shown       []model.PersonSummary // the suggestions on offer
	acceptExact bool                  // an exactly typed full name counts as picked
	list        *SuggestionList
}

// NewPersonPicker offers people in a field showing placeholder.
func NewPersonPicker(people []model.PersonSummary, placeholder string) *PersonPicker {
	pp := &PersonPicker{people: people, index: model.NewPeopleIndex(people), acceptExact: true}
	pp.Entry = Entry("", placeholder)
	pp.Entry.picker = pp
	pp.Entry.OnChanged = pp.changed
	pp.list = NewSuggestionList(maxSuggestions)
	pp.list.OnPick = pp.pick
	pp.list.Relayout = pp.relayout
	pp.List = pp.list.Object()
	pp.Root = container.NewVBox(pp.Entry, pp.List)
	return pp
}

// Picked is the person picked, or typed by exact full name; ID 0 when none.
func (pp *PersonPicker) Picked() model.PersonSummary { return pp.picked }

// SetPerson shows p as picked, without offering anyone.
func (pp *PersonPicker) SetPerson(p model.PersonSummary) {
	pp.picked = p
	pp.Entry.SetText(p.Name)
	pp.Close()
}

// Clear empties the field and forgets whoever was picked.
func (pp *PersonPicker) Clear() {
	pp.picked = model.PersonSummary{}
	pp.Entry.SetText("")
	pp.Close()
}

// Suggestions are the labels on offer ("Dana Reyes — VP · Platform"),
// in order; none while the list is closed.
func (pp *PersonPicker) Suggestions() []string {
	if !pp.list.IsOpen() {
		return nil
	}
	out := make([]string, len(pp.shown))
	for i, p := range pp.shown {
		out[i] = PersonLabel(p.Person)
	}
	return out
}

// Highlighted is the position of the highlighted suggestion, -1 when the
// list is closed.
func (pp *PersonPicker) Highlighted() int { return pp.list.Highlighted() }

// Resolve is the person the field names: the one picked, else the only
// active person whose full name is the text (accents and case ignored),
// else the only one the text matches. problem says why there is none
// ("" when the field is empty).
func (pp *PersonPicker) Resolve() (p model.PersonSummary, problem string) {
	if pp.picked.ID != 0 {
		return pp.picked, ""
	}
	text := strings.TrimSpace(pp.Entry.Text)
	if text == "" {
		return model.PersonSummary{}, ""
	}
	if p, ok := pp.exact(text); ok {
		return p, ""
	}
	matches := pp.index.Match(text, nil)
	switch len(matches) {
	case 1:
		return pp.people[matches[0]], ""
	case 0:
		return model.PersonSummary{}, fmt.Sprintf("no one called %q: check the spelling or add them first", text)
	}
	return model.PersonSummary{}, fmt.Sprintf("%d people match %q: pick one from the list", len(matches), text)
}

// exact is the only person whose full name is text, accents and case
// ignored.
func (pp *PersonPicker) exact(text string) (model.PersonSummary, bool) {
	want := model.Fold(strings.Join(strings.Fields(text), " "))
	var found []model.PersonSummary
	for _, p := range pp.people {
		if model.Fold(p.Name) == want {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		return model.PersonSummary{}, false
	}
	return found[0], true
}

// changed offers the people matching text, or takes it as picked when it
// is someone's full name.
func (pp *PersonPicker) changed(text string) {
	defer func() {
		if pp.OnChanged != nil {
			pp.OnChanged(text)
		}
	}()
	if pp.picked.ID != 0 && text == pp.picked.Name {
		return
	}
	pp.picked = model.PersonSummary{}
	if strings.TrimSpace(text) == "" {
		pp.Close()
		return
	}
	exact, isExact := pp.exact(text)
	if isExact && pp.acceptExact {
		pp.picked = exact
		pp.Close()
		return
	}
	pp.offer(text, exact, isExact)
}

// offer lists the first matches for text, exact first when isExact.
func (pp *PersonPicker) offer(text string, exact model.PersonSummary, isExact bool) {
	pp.shown = pp.shown[:0]
	if isExact {
		pp.shown = append(pp.shown, exact)
	}
	for _, i := range pp.index.Match(text, nil) {
		if len(pp.shown) == maxSuggestions {
			break
		}
		if p := pp.people[i]; !isExact || p.ID != exact.ID {
			pp.shown = append(pp.shown, p)
		}
	}
	labels := make([]string, len(pp.shown))
	for i, p := range pp.shown {
		labels[i] = PersonLabel(p.Person)
	}
	pp.list.Show(labels, 0)
}

// relayout makes room for the list, or takes it back.
func (pp *PersonPicker) relayout() {
	if pp.Relayout != nil {
		pp.Relayout()
		return
	}
	pp.Root.Refresh()
}

// Close hides the suggestions.
func (pp *PersonPicker) Close() { pp.list.Close() }

// pick takes suggestion i: the field shows the name and OnPicked runs.
func (pp *PersonPicker) pick(i int) {
	if i < 0 || i >= len(pp.shown) {
		return
	}
	p := pp.shown[i]
	pp.SetPerson(p)
	if pp.OnPicked != nil {
		pp.OnPicked(p)
	}
}

// typedKey moves the highlight, picks or closes while suggestions show,
// and reports whether it took the key.
func (pp *PersonPicker) typedKey(ev *fyne.KeyEvent) bool {
	if !pp.list.IsOpen() {
		return false
	}
	switch ev.Name {
	case fyne.KeyDown:
		pp.list.Move(1)
	case fyne.KeyUp:
		pp.list.Move(-1)
	case fyne.KeyReturn, fyne.KeyEnter:
		pp.pick(pp.list.Highlighted())
	case fyne.KeyEscape:
		pp.Close()
	default:
		return false
	}
	return true
}

// PersonLabel names a person in a list: "Dana Whitfield — VP · Platform".
func PersonLabel(p model.Person) string {
	if sub := Subtitle(p); sub != "" {
		return Isolate(p.Name) + " — " + sub
	}
	return p.Name
}

// Subtitle is the person's title, team and organisation as shown under
// their name (model.Person.Subtitle), each right-to-left run isolated so
// that a title in Arabic or Hebrew keeps the " · " after it where it
// belongs ("مديرة الهندسة · Payments", not "مديرة الهندسة ·Payments").
func Subtitle(p model.Person) string {
	return IsolateRuns(p.Subtitle())
}

// PersonProblem is the message for a person field labelled label that
// names no one: "<label> is required" when it is empty (problem ""), else
// "<label>: <problem>" with problem as Resolve gave it.
func PersonProblem(label, problem string) string {
	if problem == "" {
		return label + " is required"
	}
	return label + ": " + problem
}
