package people

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// tieSection is the Ties section of a person page: who the person reports
// to, influences, is close to or at odds with, and who stands that way to
// them, in words, each name a link to that person's page. On an active
// person's page each tie can be removed (with Undo) and a row below adds
// one; a page in the trash only lists them. It keeps its widgets so tests
// can type and tap on them.
type tieSection struct {
	s      *Screen
	person model.Person

	lines []tieLine // the ties as listed, in order
	rows  []tieRow  // their rows, in the same order

	picked  model.PersonSummary // the person the tie is to, as check found
	kind    *widget.Select      // nil on a page in the trash, like who and add
	who     *kit.PersonPicker   // whom a tie can be added to
	add     *widget.Button
	problem *widget.Label // what is wrong with the tie to add, hidden when nothing
	list    *fyne.Container
	root    *fyne.Container
}

// tieLine is a tie as the page reads it: from this person's side
// ("Reports to Ana Ruiz", and every tie of a mutual kind: "Close to Ben"),
// or from the other's ("Ben Ode reports to Dana").
type tieLine struct {
	tie   model.Tie
	other model.Person // the person at the other end
	mine  bool         // phrased from this person's side
}

// tieRow is the row of one tie: the sentence, the link on the other
// person's name, and the remove button (nil on a page in the trash).
type tieRow struct {
	line   tieLine
	text   *widget.RichText
	link   *widget.HyperlinkSegment
	remove *widget.Button
}

// newTieSection reads the ties of p and builds their section. s is the
// People screen whose page it goes on: its loaded people name the other
// ends, and its Open opens them.
func newTieSection(s *Screen, data model.PersonPage) (*tieSection, error) {
	p := data.Person
	ts := &tieSection{s: s, person: p, list: container.NewVBox()}
	heading := widget.NewLabelWithStyle("Ties", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ts.root = container.NewVBox(widget.NewSeparator(), heading, ts.list)
	if !p.Archived() {
		if err := ts.buildAddRow(); err != nil {
			return nil, err
		}
	}
	ts.setTies(data)
	return ts, nil
}

// buildAddRow makes the row that adds a tie, phrased from the person:
// "Dana [reports to] [Type a name] [Add tie]".
func (ts *tieSection) buildAddRow() error {
	var others []model.PersonSummary
	active := ts.s.all
	if ts.s.showTrash { // the screen holds the trash: read who can be picked
		var err error
		if active, err = ts.s.store.People(context.Background(), false); err != nil {
			return err
		}
	}
	for _, p := range active {
		if p.ID != ts.person.ID && !p.Archived() {
			others = append(others, p)
		}
	}

	ts.problem = widget.NewLabel("")
	ts.problem.Importance = widget.DangerImportance
	ts.problem.SizeName = theme.SizeNameCaptionText
	ts.problem.Wrapping = fyne.TextWrapWord
	ts.problem.Hide()
	lead := widget.NewLabelWithStyle(kit.FirstName(ts.person.Name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ts.kind = widget.NewSelect(model.Labels(model.TieKinds()), func(string) { ts.showProblem("") })
	ts.kind.SetSelected(model.TieReportsTo.Label())
	ts.who = kit.NewPersonPicker(others, "Type a name")
	ts.who.OnChanged = func(string) { ts.showProblem("") }
	ts.who.Entry.OnSubmitted = func(string) { ts.submit() }
	ts.add = widget.NewButtonWithIcon("Add tie", theme.ContentAddIcon(), ts.submit)
	row := container.NewBorder(nil, nil, container.NewHBox(lead, ts.kind), ts.add, ts.who.Entry)
	ts.root.Add(row)
	ts.root.Add(ts.who.List)
	ts.who.Relayout = ts.root.Refresh
	ts.root.Add(ts.problem)
	return nil
}

// setTies lists the ties of the page read.
func (ts *tieSection) setTies(data model.PersonPage) {
	lines := make([]tieLine, 0, len(data.Ties))
	for _, t := range data.Ties {
		id := t.ToID
		if t.ToID == ts.person.ID {
			id = t.FromID
		}
		lines = append(lines, tieLine{tie: t, other: data.People[id], mine: t.FromID == ts.person.ID || t.Kind.Mutual()})
	}
	sortTieLines(lines)
	ts.lines = lines
	ts.show()
}

// sortTieLines puts the person's own ties first, then the others' to them,
// each by kind in the order of model.TieKinds, then by name.
func sortTieLines(lines []tieLine) {
	kinds := model.TieKinds()
	slices.SortStableFunc(lines, func(a, b tieLine) int {
		if a.mine != b.mine {
			if a.mine {
				return -1
			}
			return 1
		}
		return cmp.Or(
			cmp.Compare(slices.Index(kinds, a.tie.Kind), slices.Index(kinds, b.tie.Kind)),
			strings.Compare(model.Fold(a.other.Name), model.Fold(b.other.Name)),
			cmp.Compare(a.tie.ID, b.tie.ID))
	})
}

// show lists ts.lines, or says there are none.
func (ts *tieSection) show() {
	ts.rows = ts.rows[:0]
	objs, ok := startSection(ts.root, len(ts.lines), ts.person, "No ties yet. Say whom "+kit.FirstName(ts.person.Name)+
		" reports to, influences, is close to or is at odds with: the relationship map draws these lines.")
	if !ok {
		return
	}
	for _, l := range ts.lines {
		r := ts.newRow(l)
		ts.rows = append(ts.rows, r)
		var remove fyne.CanvasObject
		if r.remove != nil {
			remove = r.remove
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, remove, r.text))
	}
	ts.list.Objects = objs
	ts.list.Refresh()
}

// newRow builds the row of l: "Reports to Ana Ruiz — since the reorg",
// "Ben Ode (in the trash) reports to Dana".
func (ts *tieSection) newRow(l tieLine) tieRow {
	other := l.other
	r := tieRow{line: l, link: &widget.HyperlinkSegment{Text: other.Name, OnTapped: func() { ts.open(other) }}}
	var segs []widget.RichTextSegment
	if l.mine {
		segs = append(segs, inlineText(kit.TieVerb(l.tie.Kind)+" "), r.link)
	} else {
		segs = append(segs, r.link)
	}
	if other.Archived() {
		segs = append(segs, inlineText(" (in the trash)"))
	}
	if !l.mine {
		segs = append(segs, inlineText(" "+l.tie.Kind.Label()+" "+kit.FirstName(ts.person.Name)))
	}
	if note := strings.TrimSpace(l.tie.Note); note != "" {
		segs = append(segs, &widget.TextSegment{Text: " — " + note,
			Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true}}})
	}
	r.text = widget.NewRichText(segs...)
	r.text.Wrapping = fyne.TextWrapWord
	if !ts.person.Archived() {
		r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { ts.remove(l) })
		r.remove.Importance = widget.LowImportance
	}
	return r
}

// inlineText is a run of plain text inside a sentence.
func inlineText(text string) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: widget.RichTextStyleInline}
}

// tieAlready says that a tie exists: "already reports to", "is already
// close to".
func tieAlready(k model.TieKind) string {
	if rest, ok := strings.CutPrefix(k.Label(), "is "); ok {
		return "is already " + rest
	}
	return "already " + k.Label()
}

// open shows the page of a person at the other end of a tie.
func (ts *tieSection) open(p model.Person) {
	ts.s.Open(p.ID, p.Archived())
}

// check says what is wrong with adding a tie of the kind chosen to the
// person picked, "" when nothing is.
func (ts *tieSection) check() (model.TieKind, string) {
	kind, ok := model.FromLabel(model.TieKinds(), ts.kind.Selected)
	var problem string
	ts.picked, problem = ts.who.Resolve()
	switch {
	case !ok:
		return kind, "Kind: choose how " + kit.FirstName(ts.person.Name) + " is tied to them"
	case ts.picked.ID == 0:
		return kind, kit.PersonProblem("Person", problem)
	}
	for _, l := range ts.lines {
		t := l.tie
		same := t.FromID == ts.person.ID && t.ToID == ts.picked.ID
		reverse := kind.Mutual() && t.FromID == ts.picked.ID && t.ToID == ts.person.ID
		if t.Kind == kind && (same || reverse) {
			return kind, kit.FirstName(ts.person.Name) + " " + tieAlready(kind) + " " + ts.picked.Name
		}
	}
	return kind, ""
}

// showProblem puts problem up under the add row, or takes it down when
// it is "".
func (ts *tieSection) showProblem(problem string) {
	if problem == "" {
		if ts.problem.Visible() {
			ts.problem.Hide()
			ts.root.Refresh() // give the room back
		}
		return
	}
	ts.problem.SetText(problem)
	if !ts.problem.Visible() {
		ts.problem.Show()
		ts.root.Refresh() // make room for it under the row
	}
}

// submit adds the tie the row describes, or says what is wrong with it.
func (ts *tieSection) submit() {
	kind, problem := ts.check()
	ts.showProblem(problem)
	if problem != "" {
		return
	}
	t := model.Tie{FromID: ts.person.ID, ToID: ts.picked.ID, Kind: kind}
	if err := ts.s.store.CreateTie(context.Background(), &t); err != nil {
		ts.s.nav.ShowError("Could not add the tie", err)
		return
	}
	what := ts.person.Name + " " + kind.Label() + " " + ts.picked.Name
	ts.who.Clear()
	ts.s.nav.Toast("Tie added: "+what+".", func() {
		if err := ts.s.store.DeleteTie(context.Background(), t.ID); err != nil {
			ts.s.nav.ShowError("Could not undo", err)
			return
		}
		ts.s.changed()
	})
	ts.s.changed()
}

// remove deletes the tie of l, offering to put it back.
func (ts *tieSection) remove(l tieLine) {
	old := l.tie
	if err := ts.s.store.DeleteTie(context.Background(), old.ID); err != nil {
		ts.s.nav.ShowError("Could not remove the tie", err)
		return
	}
	from, to := ts.person.Name, l.other.Name
	if old.FromID != ts.person.ID {
		from, to = to, from
	}
	ts.s.nav.Toast("Tie removed: "+from+" "+old.Kind.Label()+" "+to+".", func() {
		again := model.Tie{FromID: old.FromID, ToID: old.ToID, Kind: old.Kind, Note: old.Note}
		if err := ts.s.store.CreateTie(context.Background(), &again); err != nil {
			ts.s.nav.ShowError("Could not undo", err)
			return
		}
		ts.s.changed()
	})
	ts.s.changed()
}

// startSection begins the list of a section of p's page holding n items:
// with none, it hides root when p is in the trash (nothing to list and
// nothing to do: take no room) and reports false, or starts the list with
// the quiet words empty; otherwise it shows root and starts an empty list.
func startSection(root *fyne.Container, n int, p model.Person, empty string) ([]fyne.CanvasObject, bool) {
	switch {
	case n > 0:
	case p.Archived():
		root.Hide()
		return nil, false
	default:
		root.Show()
		return []fyne.CanvasObject{kit.Quiet(empty)}, true
	}
	root.Show()
	return nil, true
}
