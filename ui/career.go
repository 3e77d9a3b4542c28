package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// careerScreen is the career plan: the target roles beside the page of the
// one selected, with its gaps, actions, progress and promotion panel. It
// keeps its widgets so tests can tap them.
type careerScreen struct {
	w *Window

	roles        []model.Role
	gaps         map[int64]int // each role's total weighted gap
	showArchived bool
	selectedID   int64

	archived *widget.Check
	add      *widget.Button
	count    *widget.Label
	list     *widget.List
	detail   *fyne.Container
	page     *rolePage
	root     fyne.CanvasObject
}

func newCareerScreen(w *Window) *careerScreen {
	s := &careerScreen{w: w}
	s.add = widget.NewButtonWithIcon("New role…", theme.ContentAddIcon(), func() {
		openRoleEditor(w, model.Role{Horizon: model.HorizonNext}, func(r model.Role) {
			s.selectedID = r.ID
			s.reload()
		})
	})
	s.add.Importance = widget.HighImportance
	s.archived = widget.NewCheck("Archived", func(on bool) {
		s.showArchived = on
		s.selectedID = 0
		s.reload()
	})
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
	s.count.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.roles) }, newRoleRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.roles) && s.roles[id].ID != s.selectedID {
			s.showRole(s.roles[id].ID)
		}
	}
	s.detail = container.NewStack()
	top := container.NewVBox(container.NewBorder(nil, nil, s.archived, s.add), s.count)
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, s.list), s.detail)
	split.Offset = 0.3
	s.root = split
	return s
}

// content returns the screen with fresh data.
func (s *careerScreen) content() fyne.CanvasObject {
	s.reload()
	return s.root
}

// reload reads the roles again and shows the selected one (the focus
// when none is) afresh.
func (s *careerScreen) reload() {
	ctx := context.Background()
	roles, err := s.w.store.Roles(ctx, s.showArchived)
	if err != nil {
		s.w.showError("Could not read the career plan", err)
		return
	}
	s.roles = roles
	s.gaps = make(map[int64]int, len(roles))
	for _, r := range roles {
		reqs, err := s.w.store.Requirements(ctx, r.ID)
		if err != nil {
			s.w.showError("Could not read the career plan", err)
			return
		}
		for _, q := range reqs {
			s.gaps[r.ID] += q.WeightedGap()
		}
	}
	s.count.SetText(s.countText())
	s.list.UnselectAll()
	s.list.Refresh()
	if s.selectedID == 0 && len(roles) > 0 {
		s.selectedID = roles[0].ID // the focus comes first
	}
	for i, r := range roles {
		if r.ID == s.selectedID {
			s.list.Select(i)
			s.showRole(r.ID)
			return
		}
	}
	s.selectedID = 0
	s.showEmpty()
}

// countText says what the list holds, or what to do when it is empty.
func (s *careerScreen) countText() string {
	switch {
	case len(s.roles) > 0:
		return kit.Plural(len(s.roles), "role", "roles")
	case s.showArchived:
		return "No archived roles."
	}
	return "No target role yet. Add the role you want next: what it requires shows where you fall short, and whom to ask."
}

// showEmpty puts a hint where the role page goes.
func (s *careerScreen) showEmpty() {
	s.page = nil
	hint := kit.QuietCentred("A career plan gives every conversation a purpose: the role you want next and the one after it, what each requires, where you fall short, and who can help.")
	s.detail.Objects = []fyne.CanvasObject{container.NewCenter(container.New(&kit.MaxWidth{Width: 380}, hint))}
	s.detail.Refresh()
}

// showRole opens the page of the role with the given ID.
func (s *careerScreen) showRole(id int64) {
	pg, err := newRolePage(s, id)
	if err != nil {
		s.page = nil
		s.detail.Objects = []fyne.CanvasObject{pageProblem("Could not open the role", err)}
		s.detail.Refresh()
		return
	}
	s.selectedID = id
	s.page = pg
	s.detail.Objects = []fyne.CanvasObject{pg.root}
	s.detail.Refresh()
}

func newRoleRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Engineering Manager", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("")
	sub.SizeName = theme.SizeNameCaptionText
	sub.Truncation = fyne.TextTruncateEllipsis
	return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), title, sub)
}

func (s *careerScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.roles) {
		return
	}
	r := s.roles[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(r.Title)
	sub := r.Horizon.Label()
	if r.Focus {
		sub += " · current focus"
	}
	sub += fmt.Sprintf(" · gap %d", s.gaps[r.ID])
	box.Objects[1].(*widget.Label).SetText(sub)
}
