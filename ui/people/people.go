// Package people is the People screen: the searchable list of people (or
// of those in the trash) beside the page of the one selected, with their
// timeline, promises, ties and what the user shared with them. It reads
// the list in one call (Store.People) and a page in one call
// (Store.PersonPage); it writes only what it changes itself (archive,
// restore, empty the trash, ties, the frame log) and asks the window
// through Navigator for the forms it opens.
package people

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// Store is what the People screen reads, the list and a page each in one
// call, and the writes it makes itself.
type Store interface {
	People(ctx context.Context, archived bool) ([]model.PersonSummary, error)
	PersonPage(ctx context.Context, id int64, now time.Time) (model.PersonPage, error)
	ArchivePerson(ctx context.Context, id int64) error
	RestorePerson(ctx context.Context, id int64) error
	EmptyTrash(ctx context.Context) (int, error)
	CreateTie(ctx context.Context, t *model.Tie) error
	DeleteTie(ctx context.Context, id int64) error
	CreateDisclosure(ctx context.Context, d *model.Disclosure) error
	UpdateDisclosure(ctx context.Context, d *model.Disclosure) error
	DeleteDisclosure(ctx context.Context, id int64) error
	OnPanel(ctx context.Context, personID int64) (bool, error)
	// Search answers the search when it uses the search's filters or
	// phrases (stance:skeptic, "the reorg"), as the Ctrl+K box does.
	Search(ctx context.Context, q model.SearchQuery, limit int) (model.SearchResults, error)
}

// Navigator is what the People screen asks of the window: the forms it
// opens, messages, and its dialogs' window. After a form saves, the window
// reloads the screen on show.
type Navigator interface {
	// OpenPerson shows the People screen on the person's page.
	OpenPerson(id int64)
	// NewPerson opens the form for a new person; once saved, their page
	// shows.
	NewPerson()
	// EditPerson opens the form for the person.
	EditPerson(id int64)
	// LogInteraction opens the form to log a contact with the person.
	LogInteraction(personID int64)
	// NewPromise opens the quick-add form for a promise with the person.
	NewPromise(personID int64)
	// ScheduleMeeting opens the form for a new meeting with the person.
	ScheduleMeeting(personID int64)
	// OpenMeeting shows the Meetings screen on the meeting's page.
	OpenMeeting(id int64)
	// KeepPromise marks p kept (with undo); personName is whom it is with.
	KeepPromise(p model.Promise, personName string)
	// OpenPromise opens the dialog of p.
	OpenPromise(p model.Promise, personName string)
	// EditInteraction opens the form of the logged interaction i, seen
	// from person's page; changed runs after a save and after its undo.
	EditInteraction(i model.Interaction, person model.Person, changed func())
	// DeleteInteraction deletes i at once, with Undo in the toast; with
	// are the names of whom it was with. changed runs after the delete
	// and after its undo.
	DeleteInteraction(i model.Interaction, with []string, changed func())
	// Refresh reads the data of the screen on show again, after this
	// screen changed something others show too (a tie, the frame log).
	Refresh()
	// ShowError tells the user that something failed, with the cause.
	ShowError(title string, err error)
	// Toast shows message at the foot of the window, with Undo when undo
	// is not nil.
	Toast(message string, undo func())
	// Window is the window the screen's own dialogs open on.
	Window() fyne.Window
}

// Labels of the filters' "no filter" choices.
const (
	anyStance   = "Any stance"
	anyRelation = "Any relation"
)

// Screen is the People screen. Content and Reload make it a screen of the
// window's table. It keeps its widgets so tests can type and tap on them.
type Screen struct {
	store Store
	nav   Navigator
	now   func() time.Time

	all        []model.PersonSummary // loaded: active people, or the trash
	index      *model.PeopleIndex
	shown      []int // positions in all that pass search and filters
	showTrash  bool
	selectedID int64
	keepScroll bool // Reload keeps the page where it was scrolled to

	search     *kit.TextField
	stance     *widget.Select
	relation   *widget.Select
	trash      *widget.Check
	add        *widget.Button
	emptyTrash *widget.Button
	count      *widget.Label
	list       *kit.List
	detail     *fyne.Container
	page       *personPage // the page on show, nil when none
	root       fyne.CanvasObject
}

// New is the People screen reading store at now, asking nav for forms.
// Nothing is read until it is shown.
func New(store Store, nav Navigator, now func() time.Time) *Screen {
	s := &Screen{store: store, nav: nav, now: now, index: model.NewPeopleIndex(nil)}
	s.buildFilters()
	s.list = kit.NewList(func() int { return len(s.shown) }, newPersonRow, s.updateRow)
	s.list.SelectFollows = true
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.shown) {
			s.showPerson(s.all[s.shown[id]].ID)
		}
	}
	s.detail = container.NewStack()

	filters := container.NewGridWithColumns(2, s.stance, s.relation)
	top := container.NewVBox(s.search, filters,
		container.NewBorder(nil, nil, s.trash, container.NewHBox(s.emptyTrash, s.add), s.count))
	left := kit.OverList(top, s.list, nil)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.38
	s.root = split
	return s
}

// buildFilters makes the search, the filters and the buttons over the
// list.
func (s *Screen) buildFilters() {
	s.search = &kit.TextField{}
	s.search.ActionItem = kit.NewThemedIcon(theme.IconNameSearch)
	s.search.ExtendBaseWidget(s.search)
	s.search.SetPlaceHolder(searchHint)
	s.search.OnChanged = func(string) { s.applyFilter() }
	s.search.OnSubmitted = func(string) { s.openFirstMatch() }
	s.search.OnDown = s.focusList

	s.stance = widget.NewSelect(append([]string{anyStance}, model.Labels(model.Stances())...), func(string) { s.applyFilter() })
	s.stance.SetSelected(anyStance)
	s.relation = widget.NewSelect(append([]string{anyRelation}, model.Labels(model.Relations())...), func(string) { s.applyFilter() })
	s.relation.SetSelected(anyRelation)
	s.trash = widget.NewCheck("Trash", func(on bool) {
		s.showTrash = on
		s.selectedID = 0
		s.reload()
	})
	s.add = widget.NewButtonWithIcon("Add person", theme.ContentAddIcon(), s.nav.NewPerson)
	s.add.Importance = widget.HighImportance
	s.emptyTrash = widget.NewButtonWithIcon("Empty trash…", theme.DeleteIcon(), s.confirmEmptyTrash)
	s.emptyTrash.Hide()
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
}

// Content reads the people and the page on show, and returns the screen,
// for the window to show. The page stays scrolled where it was.
func (s *Screen) Content() fyne.CanvasObject {
	s.rebuild(true)
	return s.root
}

// Reload reads the people and the page on show again, after something
// changed.
func (s *Screen) Reload() {
	s.rebuild(s.keepScroll)
}

// Open shows the page of the person with id, in the trash when archived,
// clearing a search or filter that would hide them.
func (s *Screen) Open(id int64, archived bool) {
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

// Filter shows only the people of relation.
func (s *Screen) Filter(relation model.Relation) {
	s.relation.SetSelected(relation.Label())
}

// PersonInView is the person whose page is on show, unless there is none
// or they are in the trash.
func (s *Screen) PersonInView() (model.Person, bool) {
	if s.page == nil || s.page.person.Archived() {
		return model.Person{}, false
	}
	return s.page.person, true
}

// FocusSearch puts the cursor in the search.
func (s *Screen) FocusSearch() {
	s.nav.Window().Canvas().Focus(s.search)
}

// openFirstMatch opens the page of the first person the search shows
// (Enter in the search), and gives the list the keyboard so that Up and
// Down go on from there.
func (s *Screen) openFirstMatch() {
	if len(s.shown) == 0 {
		return
	}
	s.list.Open(0)
	s.focusList()
}

// focusList gives the list the keyboard (Down in the search), on the
// person selected or else the first shown, whose page opens.
func (s *Screen) focusList() {
	if len(s.shown) == 0 {
		return
	}
	if s.page == nil {
		s.list.Open(0)
	}
	s.nav.Window().Canvas().Focus(s.list)
}

// rebuild reads the list and builds the page on show again; keepScroll
// keeps the page where it was scrolled to when it is the same person's.
func (s *Screen) rebuild(keepScroll bool) {
	id := s.selectedID
	var pageID int64
	var offset fyne.Position
	if keepScroll && s.page != nil {
		pageID, offset = s.page.person.ID, s.page.scroll.Offset
	}
	s.page = nil
	s.reload()
	if s.selectedID != id {
		s.showPerson(id)
	}
	if s.page != nil && s.page.person.ID == pageID {
		s.page.scroll.ScrollToOffset(offset)
	}
}

// changed reads the page again after this screen changed a tie or the
// frame log: the window refreshes the screen on show, which keeps the page
// scrolled where it was when it is this one.
func (s *Screen) changed() {
	s.keepScroll = true
	defer func() { s.keepScroll = false }()
	s.nav.Refresh()
}

// reload reads the people from the store again and reapplies the search;
// a failed read empties the list and says why in place of the page.
func (s *Screen) reload() {
	list, err := s.store.People(context.Background(), s.showTrash)
	if err != nil {
		s.all, s.index, s.shown, s.page = nil, model.NewPeopleIndex(nil), nil, nil
		s.list.UnselectAll()
		s.list.Refresh()
		s.count.SetText("")
		s.detail.Objects = []fyne.CanvasObject{kit.PageProblem("Could not read people", err)}
		s.detail.Refresh()
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
func (s *Screen) applyFilter() {
	if s.list == nil {
		return // still being built
	}
	stance, stanceOK := model.FromLabel(model.Stances(), s.stance.Selected)
	relation, relationOK := model.FromLabel(model.Relations(), s.relation.Selected)
	keep := func(i int) bool {
		p := s.all[i]
		return (!stanceOK || p.Stance == stance) && (!relationOK || p.Relation == relation)
	}
	var problem error
	if usesFilters(s.search.Text) {
		s.shown, problem = s.searched(s.search.Text, keep)
	} else {
		s.shown = s.index.Match(s.search.Text, keep)
	}
	s.updateCount()
	if problem != nil {
		s.count.SetText("Could not search: " + problem.Error())
	}
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

// updateCount says how many people the list shows, of how many.
func (s *Screen) updateCount() {
	what := kit.Plural(len(s.all), "person", "people")
	if s.showTrash {
		what = kit.Plural(len(s.all), "person", "people") + " in the trash"
	}
	if len(s.shown) != len(s.all) {
		what = fmt.Sprintf("%d of %s", len(s.shown), what)
	}
	s.count.SetText(what)
}

// archive moves a person to the trash and offers to undo it.
func (s *Screen) archive(p model.Person) {
	if err := s.store.ArchivePerson(context.Background(), p.ID); err != nil {
		s.nav.ShowError("Could not archive "+p.Name, err)
		return
	}
	s.selectedID = 0
	s.reload()
	s.nav.Toast(kit.Isolate(p.Name)+" moved to the trash.", func() { s.restore(p) })
}

// restore takes a person out of the trash and shows them.
func (s *Screen) restore(p model.Person) {
	if err := s.store.RestorePerson(context.Background(), p.ID); err != nil {
		s.nav.ShowError("Could not restore "+p.Name, err)
		return
	}
	s.nav.OpenPerson(p.ID)
	s.nav.Toast(kit.Isolate(p.Name)+" restored.", nil)
}

// confirmEmptyTrash asks before deleting everyone in the trash for good.
func (s *Screen) confirmEmptyTrash() {
	n := len(s.all)
	if n == 0 {
		return
	}
	msg := fmt.Sprintf("Delete %s for good, with their interactions, promises and notes? This cannot be undone.", kit.Plural(n, "person", "people"))
	dialog.ShowConfirm("Empty the trash?", msg, func(ok bool) {
		if !ok {
			return
		}
		deleted, err := s.store.EmptyTrash(context.Background())
		if err != nil {
			s.nav.ShowError("Could not empty the trash", err)
			return
		}
		s.selectedID = 0
		s.reload()
		s.nav.Toast(kit.Plural(deleted, "person", "people")+" deleted for good.", nil)
	}, s.nav.Window())
}
