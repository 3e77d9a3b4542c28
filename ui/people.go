package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// Labels of the filters' "no filter" choices.
const (
	anyStance   = "Any stance"
	anyRelation = "Any relation"
)

// peopleScreen is the searchable list of people beside the page of the one
// selected. It keeps its widgets so tests can type and tap on them.
type peopleScreen struct {
	w *Window

	all        []model.PersonSummary // loaded: active people, or the trash
	index      *model.PeopleIndex
	shown      []int // positions in all that pass search and filters
	showTrash  bool
	selectedID int64

	search     *widget.Entry
	stance     *widget.Select
	relation   *widget.Select
	trash      *widget.Check
	add        *widget.Button
	emptyTrash *widget.Button
	count      *widget.Label
	list       *widget.List
	detail     *fyne.Container
	page       *personPage // the page on show, nil when none
	root       fyne.CanvasObject
}

func newPeopleScreen(w *Window) *peopleScreen {
	s := &peopleScreen{w: w, index: model.NewPeopleIndex(nil)}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search people (Ctrl+F)")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(string) { s.applyFilter() }

	s.stance = widget.NewSelect(append([]string{anyStance}, model.Labels(model.Stances())...), func(string) { s.applyFilter() })
	s.stance.SetSelected(anyStance)
	s.relation = widget.NewSelect(append([]string{anyRelation}, model.Labels(model.Relations())...), func(string) { s.applyFilter() })
	s.relation.SetSelected(anyRelation)
	s.trash = widget.NewCheck("Trash", func(on bool) {
		s.showTrash = on
		s.selectedID = 0
		s.reload()
	})
	s.add = widget.NewButtonWithIcon("Add person", theme.ContentAddIcon(), s.addPerson)
	s.add.Importance = widget.HighImportance
	s.emptyTrash = widget.NewButtonWithIcon("Empty trash…", theme.DeleteIcon(), s.confirmEmptyTrash)
	s.emptyTrash.Hide()
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText

	s.list = widget.NewList(func() int { return len(s.shown) }, newPersonRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.shown) {
			s.showPerson(s.all[s.shown[id]].ID)
		}
	}
	s.detail = container.NewStack()

	filters := container.NewGridWithColumns(2, s.stance, s.relation)
	top := container.NewVBox(s.search, filters,
		container.NewBorder(nil, nil, s.trash, container.NewHBox(s.emptyTrash, s.add), s.count))
	left := container.NewBorder(top, nil, nil, nil, s.list)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.38
	s.root = split
	return s // the people are read when the screen is first shown
}

// content returns the screen with fresh data.
func (s *peopleScreen) content() fyne.CanvasObject {
	s.reload()
	return s.root
}

// reload reads the people from the store again and reapplies the search.
func (s *peopleScreen) reload() {
	list, err := s.w.store.People(context.Background(), s.showTrash)
	if err != nil {
		s.w.showError("Could not read people", err)
		return
	}
	s.all = list
	s.index = model.NewPeopleIndex(list)
	if s.showTrash {
		s.emptyTrash.Show()
		s.add.Hide()
	} else {
		s.emptyTrash.Hide()
		s.add.Show()
	}
	s.applyFilter()
}

// applyFilter recomputes which people the list shows from the search text
// and the filters, keeping the selection when it is still shown.
func (s *peopleScreen) applyFilter() {
	if s.list == nil {
		return // still being built
	}
	stance, stanceOK := model.FromLabel(model.Stances(), s.stance.Selected)
	relation, relationOK := model.FromLabel(model.Relations(), s.relation.Selected)
	s.shown = s.index.Match(s.search.Text, func(i int) bool {
		p := s.all[i]
		return (!stanceOK || p.Stance == stance) && (!relationOK || p.Relation == relation)
	})
	s.updateCount()
	s.list.Refresh()
	pos := -1
	for i, k := range s.shown {
		if s.all[k].ID == s.selectedID {
			pos = i
			break
		}
	}
	if pos >= 0 {
		s.list.Select(pos)
		s.showPerson(s.selectedID)
	} else {
		s.list.UnselectAll()
		s.showPerson(0)
	}
}

func (s *peopleScreen) updateCount() {
	what := kit.Plural(len(s.all), "person", "people")
	if s.showTrash {
		what = kit.Plural(len(s.all), "person", "people") + " in the trash"
	}
	if len(s.shown) != len(s.all) {
		what = fmt.Sprintf("%d of %s", len(s.shown), what)
	}
	s.count.SetText(what)
}

// personRow is the template of a list row: a stance dot, the name over the
// title and team, and on the right the stance and the last contact.
func newPersonRow() fyne.CanvasObject {
	dot := canvas.NewCircle(kit.StanceColor(model.StanceUnknown))
	name := widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("Title")
	sub.Truncation = fyne.TextTruncateEllipsis
	sub.SizeName = theme.SizeNameCaptionText
	stance := widget.NewLabelWithStyle("Supporter", fyne.TextAlignTrailing, fyne.TextStyle{})
	stance.SizeName = theme.SizeNameCaptionText
	last := widget.NewLabelWithStyle("12 months ago", fyne.TextAlignTrailing, fyne.TextStyle{})
	last.SizeName = theme.SizeNameCaptionText
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	return container.NewBorder(nil, nil,
		container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(12), dot)),
		container.New(tight, stance, last),
		container.New(tight, name, sub))
}

func (s *peopleScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.shown) {
		return
	}
	p := s.all[s.shown[id]]
	row := o.(*fyne.Container)
	center := row.Objects[0].(*fyne.Container)
	dot := row.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Circle)
	right := row.Objects[2].(*fyne.Container)
	center.Objects[0].(*widget.Label).SetText(p.Name)
	sub := p.Subtitle()
	if sub == "" {
		sub = p.Relation.Label()
	}
	center.Objects[1].(*widget.Label).SetText(sub)
	dot.FillColor = kit.StanceColor(p.Stance)
	dot.Refresh()
	right.Objects[0].(*widget.Label).SetText(p.Stance.Label())
	right.Objects[1].(*widget.Label).SetText(kit.Ago(p.LastContact, s.w.now()))
}

// showPerson puts the page of the person with id on the right, or a hint
// when id is 0.
func (s *peopleScreen) showPerson(id int64) {
	s.selectedID = id
	if id == 0 {
		s.page = nil
		s.detail.Objects = []fyne.CanvasObject{s.placeholder()}
		s.detail.Refresh()
		return
	}
	if s.page != nil && s.page.person.ID == id {
		return
	}
	page, err := newPersonPage(s, id)
	if err != nil {
		s.page = nil
		s.detail.Objects = []fyne.CanvasObject{pageProblem("Could not open this person", err)}
		s.detail.Refresh()
		return
	}
	s.page = page
	s.detail.Objects = []fyne.CanvasObject{page.root}
	s.detail.Refresh()
}

// refreshPerson rebuilds the page on show after its person changed.
func (s *peopleScreen) refreshPerson() {
	id := s.selectedID
	s.page = nil
	s.reload()
	if s.selectedID != id {
		s.showPerson(id)
	}
}

// names maps the ID of each of people to their name, leaving out those
// in the trash unless the screen lists the trash: a page then calls them
// "someone in the trash".
func (s *peopleScreen) names(people map[int64]model.Person) map[int64]string {
	m := make(map[int64]string, len(people))
	for id, p := range people {
		if s.showTrash || !p.Archived() {
			m[id] = p.Name
		}
	}
	return m
}

// placeholder is what the right side shows when nobody is selected.
func (s *peopleScreen) placeholder() fyne.CanvasObject {
	var msg string
	switch {
	case s.showTrash && len(s.all) == 0:
		msg = "The trash is empty. People you archive wait here until you empty it, and can be restored until then."
	case s.showTrash:
		msg = "Select someone to see them or restore them. Emptying the trash deletes them for good."
	case len(s.all) == 0:
		msg = "Nobody here yet. Add the people who have a say in your next move: your manager, their manager, the peers and leaders whose opinion counts, and everyone else you work with."
	case len(s.shown) == 0:
		msg = "Nobody matches the search and filters."
	default:
		msg = "Select a person to see their page, or add someone new."
	}
	objs := []fyne.CanvasObject{kit.QuietCentred(msg)}
	if !s.showTrash && len(s.all) == 0 {
		b := widget.NewButtonWithIcon("Add person", theme.ContentAddIcon(), s.addPerson)
		b.Importance = widget.HighImportance
		objs = append(objs, container.NewCenter(b))
	}
	return container.NewCenter(container.New(&kit.MaxWidth{Width: 420}, container.NewVBox(objs...)))
}

// selectPerson shows the People screen with the person with id selected,
// clearing a search or filter that would hide them.
func (s *peopleScreen) selectPerson(id int64, archived bool) {
	if s.w.current != screenPeople {
		s.w.show(screenPeople)
	}
	if s.showTrash != archived {
		s.trash.SetChecked(archived) // reloads
	}
	s.search.SetText("")
	s.stance.SetSelected(anyStance)
	s.relation.SetSelected(anyRelation)
	s.selectedID = id
	s.page = nil
	s.reload()
}

func (s *peopleScreen) focusSearch() {
	if s.w.current != screenPeople {
		s.w.show(screenPeople)
	}
	s.w.win.Canvas().Focus(s.search)
}

// addPerson opens the form for a new person.
func (s *peopleScreen) addPerson() {
	openPersonEditor(s.w, model.NewPerson(""), func(p model.Person) {
		s.selectPerson(p.ID, false)
		s.w.toast.show(p.Name+" added.", nil)
	})
}

// editSelected opens the form for the selected person.
func (s *peopleScreen) editSelected() {
	if s.page == nil || s.page.person.Archived() {
		return
	}
	openPersonEditor(s.w, s.page.person, func(model.Person) { s.refreshPerson() })
}

// archive moves a person to the trash and offers to undo it.
func (s *peopleScreen) archive(p model.Person) {
	if err := s.w.store.ArchivePerson(context.Background(), p.ID); err != nil {
		s.w.showError("Could not archive "+p.Name, err)
		return
	}
	s.selectedID = 0
	s.reload()
	s.w.toast.show(p.Name+" moved to the trash.", func() { s.restore(p) })
}

// restore takes a person out of the trash and shows them.
func (s *peopleScreen) restore(p model.Person) {
	if err := s.w.store.RestorePerson(context.Background(), p.ID); err != nil {
		s.w.showError("Could not restore "+p.Name, err)
		return
	}
	s.selectPerson(p.ID, false)
	s.w.toast.show(p.Name+" restored.", nil)
}

func (s *peopleScreen) confirmEmptyTrash() {
	n := len(s.all)
	if n == 0 {
		return
	}
	msg := fmt.Sprintf("Delete %s for good, with their interactions, promises and notes? This cannot be undone.", kit.Plural(n, "person", "people"))
	dialog.ShowConfirm("Empty the trash?", msg, func(ok bool) {
		if !ok {
			return
		}
		deleted, err := s.w.store.EmptyTrash(context.Background())
		if err != nil {
			s.w.showError("Could not empty the trash", err)
			return
		}
		s.selectedID = 0
		s.reload()
		s.w.toast.show(kit.Plural(deleted, "person", "people")+" deleted for good.", nil)
	}, s.w.win)
}
