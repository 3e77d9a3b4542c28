package people

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// newPersonRow is the template of a list row: a stance dot, the name over
// the title and team, and on the right the stance and the last contact.
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

// updateRow fills the row template o with the id-th person shown.
func (s *Screen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.shown) {
		return
	}
	p := s.all[s.shown[id]]
	row := o.(*fyne.Container)
	center := row.Objects[0].(*fyne.Container)
	dot := row.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Circle)
	right := row.Objects[2].(*fyne.Container)
	center.Objects[0].(*widget.Label).SetText(p.Name)
	sub := kit.Subtitle(p.Person)
	if sub == "" {
		sub = p.Relation.Label()
	}
	center.Objects[1].(*widget.Label).SetText(sub)
	dot.FillColor = kit.StanceColor(p.Stance)
	dot.Refresh()
	right.Objects[0].(*widget.Label).SetText(p.Stance.Label())
	right.Objects[1].(*widget.Label).SetText(kit.Ago(p.LastContact, s.now()))
}

// showPerson puts the page of the person with id on the right, or a hint
// when id is 0.
func (s *Screen) showPerson(id int64) {
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
	page, err := s.newPersonPage(id)
	if err != nil {
		s.page = nil
		s.detail.Objects = []fyne.CanvasObject{kit.PageProblem("Could not open this person", err)}
		s.detail.Refresh()
		return
	}
	s.page = page
	s.detail.Objects = []fyne.CanvasObject{page.root}
	s.detail.Refresh()
}

// names maps the ID of each of people to their name, leaving out those
// in the trash unless the screen lists the trash: a page then calls them
// "someone in the trash".
func (s *Screen) names(people map[int64]model.Person) map[int64]string {
	m := make(map[int64]string, len(people))
	for id, p := range people {
		if s.showTrash || !p.Archived() {
			m[id] = p.Name
		}
	}
	return m
}

// placeholder is what the right side shows when nobody is selected.
func (s *Screen) placeholder() fyne.CanvasObject {
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
		b := widget.NewButtonWithIcon("Add person", theme.ContentAddIcon(), s.nav.NewPerson)
		b.Importance = widget.HighImportance
		objs = append(objs, container.NewCenter(b))
	}
	return container.NewCenter(container.New(&kit.MaxWidth{Width: 420}, container.NewVBox(objs...)))
}
