// Package career is the Career plan screen: the target roles beside the
// page of the one selected, with its gaps, actions, progress and
// promotion panel, the forms that add and edit roles, requirements and
// actions, and the one-page summary to take to a manager.
//
// The list is read in one call (Store.RoleList) and a role's page in
// another (Store.RolePage), each one read transaction; the screen builds
// widgets from the values read and knows the window only through its
// Navigator.
package career

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// Store is what the Career plan reads (its list and a role's page, one
// call each) and writes (roles, requirements, actions, the panel); the
// forms also read the roles (is one the focus already?) and the people
// (whom to ask).
type Store interface {
	RoleList(ctx context.Context, archived bool) (model.RoleList, error)
	RolePage(ctx context.Context, id int64, now time.Time) (model.RolePage, error)

	Roles(ctx context.Context, archived bool) ([]model.Role, error)
	People(ctx context.Context, archived bool) ([]model.PersonSummary, error)
	CreateRole(ctx context.Context, r *model.Role) error
	UpdateRole(ctx context.Context, r *model.Role) error
	SetFocusRole(ctx context.Context, id int64) error
	CreateRequirement(ctx context.Context, r *model.Requirement) error
	UpdateRequirement(ctx context.Context, r *model.Requirement) error
	CreateAction(ctx context.Context, a *model.Action) error
	UpdateAction(ctx context.Context, a *model.Action) error
	SetPanelMember(ctx context.Context, m model.PanelMember) error
	SetPanelTarget(ctx context.Context, roleID, personID int64, target model.Stance) error
	RemovePanelMember(ctx context.Context, roleID, personID int64) error
}

// Navigator is what the Career plan asks of the window.
type Navigator interface {
	// OpenPerson shows the person's page.
	OpenPerson(id int64)
	// SaveFileAs asks where to save a file, suggesting name (with
	// extension ext), and hands the chosen path to then, which writes it;
	// what names the file in an error.
	SaveFileAs(what, name, ext string, then func(path string))
	// OpenFile opens a file with the system's default application.
	OpenFile(path string)
	// ShowError tells the user that something failed, with the cause.
	ShowError(title string, err error)
	// Toast shows message at the foot of the window, with Undo when undo
	// is not nil.
	Toast(message string, undo func())
}

// Screen is the Career plan. Content and Reload make it a screen of the
// window's table.
type Screen struct {
	store Store
	nav   Navigator
	win   fyne.Window
	plans PlanWriter
	now   func() time.Time

	list         model.RoleList
	showArchived bool
	selectedID   int64
	// seek is set by Select: the role selected is looked for among the
	// archived roles too.
	seek bool

	archived *widget.Check
	add      *widget.Button
	count    *widget.Label
	roles    *kit.List
	detail   *fyne.Container
	shown    *rolePage // the role page on show, or nil
	split    fyne.CanvasObject
	tips     *kit.TipLayer // shows a shortened requirement name whole
	root     *fyne.Container
}

// New is the Career plan on store, going places through nav; its forms
// open over win, and plans (nil: none) writes the summaries. Nothing is
// read until it is shown.
func New(store Store, nav Navigator, win fyne.Window, plans PlanWriter, now func() time.Time) *Screen {
	s := &Screen{store: store, nav: nav, win: win, plans: plans, now: now, root: container.NewStack(),
		tips: kit.NewTipLayer()}
	s.add = widget.NewButtonWithIcon("New role…", theme.ContentAddIcon(), func() {
		openRoleEditor(s, model.Role{Horizon: model.HorizonNext}, func(r model.Role) {
			s.selectedID = r.ID
			s.Reload()
		})
	})
	s.add.Importance = widget.HighImportance
	s.archived = widget.NewCheck("Archived", s.setArchived)
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
	s.count.Wrapping = fyne.TextWrapWord
	s.roles = kit.NewList(func() int { return len(s.list.Roles) }, newRoleRow, s.updateRow)
	s.roles.SelectFollows = true
	s.roles.OnSelected = func(id widget.ListItemID) {
		if id < len(s.list.Roles) && s.list.Roles[id].ID != s.selectedID {
			s.showRole(s.list.Roles[id].ID)
		}
	}
	s.detail = container.NewStack()
	top := container.NewVBox(container.NewBorder(nil, nil, s.archived, s.add), s.count)
	split := container.NewHSplit(kit.OverList(top, s.roles, nil), s.detail)
	split.Offset = 0.3
	s.split = split
	return s
}

// Select makes the role with id the one shown when the screen is next
// shown or reloaded, from the archived roles when that is where it is.
func (s *Screen) Select(id int64) {
	s.selectedID, s.seek = id, true
}

// ShownRole is the ID of the role whose page is on show, 0 when none is.
func (s *Screen) ShownRole() int64 {
	if s.shown == nil {
		return 0
	}
	return s.shown.role.ID
}

// Content reads the roles and returns the screen built from them, for
// the window to show.
func (s *Screen) Content() fyne.CanvasObject {
	s.load()
	return s.root
}

// Reload reads the roles again and shows the selected one (the focus
// when none is) afresh.
func (s *Screen) Reload() {
	s.load()
	s.root.Refresh()
}

// load reads the roles and shows them with the selected one, or, when
// the read fails, says so in place of the screen.
func (s *Screen) load() {
	list, err := s.store.RoleList(context.Background(), s.showArchived)
	if err != nil {
		s.list = model.RoleList{}
		s.root.Objects = []fyne.CanvasObject{kit.PageProblem("Could not read the career plan", err)}
		return
	}
	if s.seek && !hasRole(list, s.selectedID) {
		s.seek = false
		s.showArchived = !s.showArchived
		s.archived.OnChanged, s.archived.Checked = nil, s.showArchived
		s.archived.Refresh()
		s.archived.OnChanged = s.setArchived
		s.load()
		return
	}
	s.seek = false
	s.list = list
	s.root.Objects = []fyne.CanvasObject{s.split, s.tips.Object()}
	s.count.SetText(s.countText())
	s.roles.UnselectAll()
	s.roles.Refresh()
	if s.selectedID == 0 && len(list.Roles) > 0 {
		s.selectedID = list.Roles[0].ID // the focus comes first
	}
	for i, r := range list.Roles {
		if r.ID == s.selectedID {
			s.roles.Select(i)
			s.showRole(r.ID)
			return
		}
	}
	s.selectedID = 0
	s.shown = nil
	s.showEmpty()
}

// setArchived lists the archived roles (on) or the others.
func (s *Screen) setArchived(on bool) {
	s.showArchived = on
	s.selectedID = 0
	s.Reload()
}

// hasRole reports whether list holds the role with id.
func hasRole(list model.RoleList, id int64) bool {
	for _, r := range list.Roles {
		if r.ID == id {
			return true
		}
	}
	return false
}

// countText says what the list holds, or what to do when it is empty.
func (s *Screen) countText() string {
	switch {
	case len(s.list.Roles) > 0:
		return kit.Plural(len(s.list.Roles), "role", "roles")
	case s.showArchived:
		return "No archived roles."
	}
	return "No target role yet. Add the role you want next: what it requires shows where you fall short, and whom to ask."
}

// showEmpty puts a hint where the role page goes.
func (s *Screen) showEmpty() {
	hint := kit.QuietCentred("A career plan gives every conversation a purpose: the role you want next and the one after it, what each requires, where you fall short, and who can help.")
	s.detail.Objects = []fyne.CanvasObject{container.NewCenter(container.New(&kit.MaxWidth{Width: 380}, hint))}
	s.detail.Refresh()
}

// showRole reads the page of the role with the given ID and shows it, or
// what failed in its place.
func (s *Screen) showRole(id int64) {
	data, err := s.store.RolePage(context.Background(), id, s.now())
	if err != nil {
		s.shown = nil
		s.detail.Objects = []fyne.CanvasObject{kit.PageProblem("Could not open the role", err)}
		s.detail.Refresh()
		return
	}
	// The same role shown afresh (after a change to a requirement or the
	// panel, at the bottom of a long page) stays where the user was.
	var offset fyne.Position
	if s.shown != nil && s.shown.role.ID == id {
		offset = s.shown.scroll.Offset
	}
	s.selectedID = id
	pg := newRolePage(s, data)
	s.shown = pg
	s.detail.Objects = []fyne.CanvasObject{pg.root}
	s.detail.Refresh()
	if offset != (fyne.Position{}) {
		// Lay the content out first (the scroll would do it when drawn):
		// the offset is kept within the content's size.
		c := pg.scroll.Content
		c.Resize(c.MinSize().Max(pg.scroll.Size()))
		pg.scroll.ScrollToOffset(offset)
	}
}

// newRoleRow is a row of the list: the role's title, and under it its
// horizon, focus and gap.
func newRoleRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Engineering Manager", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("")
	sub.SizeName = theme.SizeNameCaptionText
	sub.Truncation = fyne.TextTruncateEllipsis
	return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), title, sub)
}

// updateRow shows the role at id in the row o.
func (s *Screen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.list.Roles) {
		return
	}
	r := s.list.Roles[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(r.Title)
	sub := r.Horizon.Label()
	if r.Focus {
		sub += " · current focus"
	}
	sub += fmt.Sprintf(" · gap %d", s.list.Gaps[r.ID])
	box.Objects[1].(*widget.Label).SetText(sub)
}
