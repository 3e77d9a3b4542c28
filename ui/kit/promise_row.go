package kit

import (
	"rapport/model"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NewPromiseRow is the template of a row: a header line, or who owes whom,
// what, the person and due date, and the actions.
func NewPromiseRow() fyne.CanvasObject {
	header := widget.NewLabelWithStyle("Overdue", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	dir := widget.NewLabel("They owe me")
	what := widget.NewLabelWithStyle("What", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("Person · due")
	sub.Truncation = fyne.TextTruncateEllipsis
	sub.SizeName = theme.SizeNameCaptionText
	kept := widget.NewButtonWithIcon("Kept", theme.ConfirmIcon(), nil)
	more := widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), nil)
	more.Importance = widget.LowImportance
	state := widget.NewLabel("Kept late")
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	// The buttons keep their height, centred, when the text wraps.
	row := container.NewBorder(nil, nil, container.New(&FixedWidth{Width: 84}, dir),
		container.NewCenter(container.NewHBox(state, kept, more)), container.New(tight, what, sub))
	return container.NewStack(header, row)
}

// PromiseRowParts are the widgets of a row made by NewPromiseRow.
type PromiseRowParts struct {
	Header, Dir, What, Sub, State *widget.Label
	Kept, More                    *widget.Button
	Row                           *fyne.Container
}

// PromiseRowOf finds the parts of a row made by NewPromiseRow.
func PromiseRowOf(o fyne.CanvasObject) PromiseRowParts {
	stack := o.(*fyne.Container)
	row := stack.Objects[1].(*fyne.Container)
	center := row.Objects[0].(*fyne.Container)
	left := row.Objects[1].(*fyne.Container)
	right := row.Objects[2].(*fyne.Container).Objects[0].(*fyne.Container)
	return PromiseRowParts{
		Header: stack.Objects[0].(*widget.Label), Row: row,
		Dir: left.Objects[0].(*widget.Label), What: center.Objects[0].(*widget.Label),
		Sub: center.Objects[1].(*widget.Label), State: right.Objects[0].(*widget.Label),
		Kept: right.Objects[1].(*widget.Button), More: right.Objects[2].(*widget.Button),
	}
}

// FillPromiseRow shows p, owed to or by person, in a row's widgets.
func FillPromiseRow(r PromiseRowParts, p model.Promise, person model.Person, now time.Time) {
	if p.Direction == model.DirectionMine {
		r.Dir.SetText("I owe")
	} else {
		r.Dir.SetText("Owes me")
	}
	r.What.SetText(p.What)
	sub := Isolate(person.Name)
	if person.Archived() {
		sub += " (in the trash)"
	}
	switch {
	case !p.Status.Pending():
		if !p.ResolvedOn.IsZero() {
			sub += " · " + p.ResolvedOn.Format("2 Jan 2006")
		}
	case p.Overdue(now):
		sub += " · " + model.DueWords(p.DueOn, now)
	case !p.DueOn.IsZero():
		sub += " · due " + model.DueWords(p.DueOn, now)
	}
	if p.Status == model.PromiseRenegotiated {
		sub += " · renegotiated"
	}
	r.Sub.SetText(sub)
	r.Sub.Importance = widget.MediumImportance
	if p.Overdue(now) {
		r.Sub.Importance = widget.DangerImportance
	}
	r.Sub.Refresh()
	if p.Status.Pending() {
		r.State.Hide()
		r.Kept.Show()
	} else {
		r.State.SetText(p.Status.Label())
		r.State.Show()
		r.Kept.Hide()
	}
}
