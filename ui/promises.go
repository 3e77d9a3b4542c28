package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// Choices of the Promises screen's filters that are not a single status.
const (
	allDirections  = "Both ways"
	pendingFilter  = "Pending"
	allStatuses    = "Any status"
	chartMonths    = 12
	resolvedHeader = "Resolved"
)

// promisesScreen lists the promises both ways, overdue first, with the
// user's follow-through beside them. It keeps its widgets for tests.
type promisesScreen struct {
	w *Window

	all    []model.Promise
	people map[int64]model.Person // everyone, archived too
	rows   []promiseListRow       // what the list shows: headers and promises
	sized  []widget.ListItemID    // rows given a header's height

	direction *widget.Select
	status    *widget.Select
	person    *widget.Entry
	add       *widget.Button
	count     *widget.Label
	list      *widget.List

	mineRate   *widget.Label
	mineDetail *widget.Label
	theirsRate *widget.Label
	chart      *kit.MonthChart
	root       fyne.CanvasObject
}

// promiseListRow is a row of the list: a section header, or a promise.
type promiseListRow struct {
	header  string
	promise model.Promise
}

func newPromisesScreen(w *Window) *promisesScreen {
	s := &promisesScreen{w: w}
	s.direction = widget.NewSelect(append([]string{allDirections}, model.Labels(model.Directions())...), func(string) { s.applyFilter() })
	s.direction.SetSelected(allDirections)
	s.status = widget.NewSelect(append([]string{pendingFilter, allStatuses}, model.Labels(model.PromiseStatuses())...), func(string) { s.applyFilter() })
	s.status.SetSelected(pendingFilter)
	s.person = widget.NewEntry()
	s.person.SetPlaceHolder("Filter by person or what")
	s.person.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.person.OnChanged = func(string) { s.applyFilter() }
	s.add = widget.NewButtonWithIcon("Add promise", theme.ContentAddIcon(), func() { w.addPromise(0) })
	s.add.Importance = widget.HighImportance
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
	s.list = widget.NewList(func() int { return len(s.rows) }, kit.NewPromiseRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll()
		if id < len(s.rows) && s.rows[id].header == "" {
			s.open(s.rows[id].promise)
		}
	}

	filters := container.NewGridWithColumns(3, s.person, s.direction, s.status)
	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil, s.add, s.count))
	left := container.NewBorder(top, nil, nil, nil, s.list)

	s.mineRate = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.mineRate.SizeName = theme.SizeNameHeadingText
	s.mineDetail = widget.NewLabel("")
	s.mineDetail.Wrapping = fyne.TextWrapWord
	s.mineDetail.SizeName = theme.SizeNameCaptionText
	s.theirsRate = widget.NewLabel("")
	s.theirsRate.Wrapping = fyne.TextWrapWord
	s.chart = kit.NewMonthChart(kit.RateGuides)
	heading := widget.NewLabelWithStyle("Your follow-through", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	monthly := widget.NewLabelWithStyle("Kept on time, month by month", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	explain := widget.NewLabel("Kept on time ÷ resolved (kept, kept late or broken). Released promises count for neither side; a renegotiated date counts as the due date.")
	explain.Wrapping = fyne.TextWrapWord
	explain.SizeName = theme.SizeNameCaptionText
	right := container.NewVBox(heading, s.mineRate, s.mineDetail, widget.NewSeparator(),
		monthly, s.chart, widget.NewSeparator(), s.theirsRate, explain)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(right)))
	split.Offset = 0.64
	s.root = split
	return s
}

// content returns the screen with fresh data.
func (s *promisesScreen) content() fyne.CanvasObject {
	s.reload()
	return s.root
}

// reload reads the promises and people again.
func (s *promisesScreen) reload() {
	ctx := context.Background()
	all, err := s.w.store.Promises(ctx)
	if err != nil {
		s.w.showError("Could not read promises", err)
		return
	}
	s.all = all
	s.people = map[int64]model.Person{}
	everyone, err := s.w.everyone(ctx)
	if err != nil {
		s.w.showError("Could not read people", err)
		return
	}
	for _, p := range everyone {
		s.people[p.ID] = p.Person
	}
	s.showFollowThrough()
	s.applyFilter()
}

// showFollowThrough fills the panel beside the list.
func (s *promisesScreen) showFollowThrough() {
	report := model.FollowThroughOf(s.all, s.w.now(), chartMonths)
	mine := report.Mine
	s.mineRate.SetText(mine.Percent() + " kept on time")
	if mine.Resolved() == 0 {
		s.mineRate.SetText("No promises resolved yet")
		s.mineDetail.SetText("Mark your promises kept, late or broken as they resolve, and your rate appears here.")
	} else {
		s.mineDetail.SetText(fmt.Sprintf("%d of %d resolved on time · %d late · %d broken · %d released",
			mine.Kept, mine.Resolved(), mine.KeptLate, mine.Broken, mine.Released))
	}
	s.chart.SetBars(kit.RateBars(monthsOf(s.all, model.DirectionMine, s.w)))
	theirs := report.Theirs
	if theirs.Resolved() == 0 {
		s.theirsRate.SetText("Promises made to you: none resolved yet.")
	} else {
		s.theirsRate.SetText(fmt.Sprintf("Promises made to you: %s kept on time (%d of %d).",
			theirs.Percent(), theirs.Kept, theirs.Resolved()))
	}
}

// monthsOf is the monthly follow-through of the promises one way.
func monthsOf(all []model.Promise, d model.Direction, w *Window) []model.MonthlyFollowThrough {
	var oneWay []model.Promise
	for _, p := range all {
		if p.Direction == d {
			oneWay = append(oneWay, p)
		}
	}
	return model.FollowThroughOf(oneWay, w.now(), chartMonths).ByMonth
}

// applyFilter rebuilds the rows from the filters: pending promises grouped
// overdue, due this week, later and undated; resolved ones latest first.
func (s *promisesScreen) applyFilter() {
	if s.list == nil || s.people == nil {
		return
	}
	now := s.w.now()
	dir, dirOK := model.FromLabel(model.Directions(), s.direction.Selected)
	status, statusOK := model.FromLabel(model.PromiseStatuses(), s.status.Selected)
	query := model.Fold(strings.TrimSpace(s.person.Text))
	groups := map[string][]model.Promise{}
	order := []string{"Overdue", "Due in the next 7 days", "Later", "No due date", resolvedHeader}
	shown := 0
	for _, p := range s.all {
		if dirOK && p.Direction != dir {
			continue
		}
		switch {
		case statusOK && p.Status != status:
			continue
		case s.status.Selected == pendingFilter && !p.Status.Pending():
			continue
		}
		if query != "" && !strings.Contains(model.Fold(s.people[p.PersonID].Name+" "+p.What), query) {
			continue
		}
		shown++
		var g string
		switch {
		case !p.Status.Pending():
			g = resolvedHeader
		case p.Overdue(now):
			g = order[0]
		case p.DueOn.IsZero():
			g = order[3]
		case p.DueWithin(now, model.DueSoonDays):
			g = order[1]
		default:
			g = order[2]
		}
		groups[g] = append(groups[g], p)
	}
	slices.SortStableFunc(groups[resolvedHeader], func(a, b model.Promise) int {
		return b.ResolvedOn.Compare(a.ResolvedOn)
	})
	s.rows = s.rows[:0]
	for _, g := range order {
		if len(groups[g]) == 0 {
			continue
		}
		s.rows = append(s.rows, promiseListRow{header: fmt.Sprintf("%s · %d", g, len(groups[g]))})
		for _, p := range groups[g] {
			s.rows = append(s.rows, promiseListRow{promise: p})
		}
	}
	s.sizeHeaders()
	switch {
	case len(s.all) == 0:
		s.count.SetText("No promises yet. Add one with Ctrl+P, from a person's page, or after a meeting.")
	case shown == 0:
		s.count.SetText("No promises match these filters.")
	default:
		s.count.SetText(fmt.Sprintf("%s shown of %d", kit.Plural(shown, "promise", "promises"), len(s.all)))
	}
	s.list.Refresh()
}

// sizeHeaders gives the header rows a header's height, and the rows that
// were headers before the filter changed a promise's height again.
func (s *promisesScreen) sizeHeaders() {
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

func (s *promisesScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
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
	kit.FillPromiseRow(r, p, person, s.w.now())
	r.Kept.OnTapped = func() { s.w.keepPromise(p, person.Name, s.reload) }
	r.More.OnTapped = func() { s.open(p) }
}

// open shows the dialog of a promise.
func (s *promisesScreen) open(p model.Promise) {
	openPromiseDialog(s.w, p, s.people[p.PersonID].Name, s.reload)
}
