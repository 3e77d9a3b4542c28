package promises

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// chartMonths is how many months the follow-through chart shows.
const chartMonths = 12

// build lays out the filters and the list on the left, the user's
// follow-through on the right.
func (s *Screen) build() fyne.CanvasObject {
	s.direction = widget.NewSelect(append([]string{allDirections}, model.Labels(model.Directions())...), func(string) { s.applyFilter() })
	s.direction.SetSelected(allDirections)
	s.status = widget.NewSelect(append([]string{pendingFilter, allStatuses}, model.Labels(model.PromiseStatuses())...), func(string) { s.applyFilter() })
	s.status.SetSelected(pendingFilter)
	s.person = widget.NewEntry()
	s.person.SetPlaceHolder("Filter by person or what")
	s.person.ActionItem = kit.NewThemedIcon(theme.IconNameSearch) // follows a theme switch
	s.person.OnChanged = func(string) { s.applyFilter() }
	add := widget.NewButtonWithIcon("Add promise", theme.ContentAddIcon(), func() { s.nav.NewPromise(0) })
	add.Importance = widget.HighImportance
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
	s.list = kit.NewList(func() int { return len(s.rows) }, kit.NewPromiseRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll()
		if id < len(s.rows) && s.rows[id].header == "" {
			s.open(s.rows[id].promise)
		}
	}

	filters := container.NewGridWithColumns(3, s.person, s.direction, s.status)
	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil, add, s.count))
	left := kit.OverList(top, s.list, nil)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(s.panel.build())))
	split.Offset = 0.64
	return split
}

// followThrough is the panel beside the list: the user's rate of promises
// kept on time, month by month, and the rate of those made to them.
type followThrough struct {
	mineRate   *widget.Label
	mineDetail *widget.Label
	theirsRate *widget.Label
	chart      *kit.MonthChart
}

// build lays out the panel, empty until show.
func (f *followThrough) build() fyne.CanvasObject {
	f.mineRate = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.mineRate.SizeName = theme.SizeNameHeadingText
	f.mineDetail = widget.NewLabel("")
	f.mineDetail.Wrapping = fyne.TextWrapWord
	f.mineDetail.SizeName = theme.SizeNameCaptionText
	f.theirsRate = widget.NewLabel("")
	f.theirsRate.Wrapping = fyne.TextWrapWord
	f.chart = kit.NewMonthChart(kit.RateGuides)
	heading := widget.NewLabelWithStyle("Your follow-through", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	monthly := widget.NewLabelWithStyle("Kept on time, month by month", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	explain := widget.NewLabel("Kept on time ÷ resolved (kept, kept late or broken). Released promises count for neither side; a renegotiated date counts as the due date.")
	explain.Wrapping = fyne.TextWrapWord
	explain.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(heading, f.mineRate, f.mineDetail, widget.NewSeparator(),
		monthly, f.chart, widget.NewSeparator(), f.theirsRate, explain)
}

// show fills the panel from all the promises at now.
func (f *followThrough) show(all []model.Promise, now time.Time) {
	report := model.FollowThroughOf(all, now, chartMonths)
	mine := report.Mine
	f.mineRate.SetText(mine.Percent() + " kept on time")
	if mine.Resolved() == 0 {
		f.mineRate.SetText("No promises resolved yet")
		f.mineDetail.SetText("Mark your promises kept, late or broken as they resolve, and your rate appears here.")
	} else {
		f.mineDetail.SetText(fmt.Sprintf("%d of %d resolved on time · %d late · %d broken · %d released",
			mine.Kept, mine.Resolved(), mine.KeptLate, mine.Broken, mine.Released))
	}
	f.chart.SetBars(kit.RateBars(monthsOf(all, model.DirectionMine, now)))
	theirs := report.Theirs
	if theirs.Resolved() == 0 {
		f.theirsRate.SetText("Promises made to you: none resolved yet.")
	} else {
		f.theirsRate.SetText(fmt.Sprintf("Promises made to you: %s kept on time (%d of %d).",
			theirs.Percent(), theirs.Kept, theirs.Resolved()))
	}
}

// monthsOf is the monthly follow-through of the promises one way.
func monthsOf(all []model.Promise, d model.Direction, now time.Time) []model.MonthlyFollowThrough {
	var oneWay []model.Promise
	for _, p := range all {
		if p.Direction == d {
			oneWay = append(oneWay, p)
		}
	}
	return model.FollowThroughOf(oneWay, now, chartMonths).ByMonth
}

// sizeHeaders gives the header rows a header's height, and the rows that
// were headers before the filter changed a promise's height again.
func (s *Screen) sizeHeaders() {
	headerH := widget.NewLabel("Overdue").MinSize().Height
	rowH := kit.NewPromiseRow().MinSize().Height
	for _, id := range s.sized {
		if id < len(s.rows) && s.rows[id].header == "" {
			s.list.SetItemHeight(id, rowH)
		}
	}
	s.sized = s.sized[:0]
	for id, r := range s.rows {
		if r.header != "" {
			s.list.SetItemHeight(id, headerH)
			s.sized = append(s.sized, id)
		}
	}
}

// updateRow fills a list row: a header, or a promise with Kept and More.
func (s *Screen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	r := kit.PromiseRowOf(o)
	if h := s.rows[id].header; h != "" {
		r.Header.SetText(h)
		r.Header.Show()
		r.Row.Hide()
		return
	}
	r.Header.Hide()
	r.Row.Show()
	p := s.rows[id].promise
	person := s.people[p.PersonID]
	kit.FillPromiseRow(r, p, person, s.now())
	r.Kept.OnTapped = func() { s.nav.KeepPromise(p, person.Name) }
	r.More.OnTapped = func() { s.open(p) }
}
