package meetings

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// The views of the Meetings screen.
const (
	viewComingUp = "Coming up"
	viewWaiting  = "Waiting for an outcome"
	viewHeld     = "Held"
	viewCanceled = "Cancelled"
	viewAll      = "All meetings"
)

// build lays out the view, the list and its buttons on the left, the
// selected meeting's page on the right.
func (s *Screen) build() fyne.CanvasObject {
	s.view = widget.NewSelect([]string{viewComingUp, viewWaiting, viewHeld, viewCanceled, viewAll},
		func(string) { s.applyView() })
	s.view.SetSelected(viewComingUp)
	schedule := widget.NewButtonWithIcon("Schedule…", theme.ContentAddIcon(), func() { s.nav.ScheduleMeeting(0) })
	schedule.Importance = widget.HighImportance
	exportWeek := widget.NewButtonWithIcon("Export the week", theme.DocumentSaveIcon(), s.nav.ExportWeek)
	importCal := widget.NewButtonWithIcon("Import past meetings…", theme.DownloadIcon(), s.nav.ImportCalendar)
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
	s.count.Wrapping = fyne.TextWrapWord

	s.rows = kit.NewList(func() int { return len(s.shown) }, s.newRow, s.updateRow)
	s.rows.SelectFollows = true
	s.rows.OnSelected = func(id widget.ListItemID) {
		if id < len(s.shown) {
			s.showMeeting(s.shown[id].ID)
		}
	}
	s.detail = container.NewStack()

	top := container.NewVBox(container.NewBorder(nil, nil, nil, schedule, s.view), s.count)
	// One above the other: side by side they would make the list too
	// wide for the meeting beside it in a small window.
	bottom := container.NewVBox(widget.NewSeparator(), exportWeek, importCal)
	left := kit.OverList(top, s.rows, bottom)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.4
	s.tips = kit.NewTipLayer()
	return container.NewStack(split, s.tips.Object())
}

// inView reports whether m belongs in the view chosen, at now.
func (s *Screen) inView(m model.Meeting, now time.Time) bool {
	switch s.view.Selected {
	case viewComingUp:
		return m.Status == model.MeetingPlanned && s.next[m.ID].Add(m.Duration).After(now)
	case viewWaiting:
		return m.WaitingForOutcome(now)
	case viewHeld:
		return m.Status == model.MeetingHeld || m.Recurrence != model.RecurrenceNone && m.OutcomeID != 0
	case viewCanceled:
		return m.Status == model.MeetingCanceled
	}
	return true
}

// applyView recomputes the list from the view chosen and shows it,
// keeping the selection.
func (s *Screen) applyView() {
	if s.rows == nil || s.zone == nil {
		return // still being built, or not read yet
	}
	s.filter(s.now())
	s.count.SetText(s.countText())
	s.rows.UnselectAll()
	s.rows.Refresh()
	for i, m := range s.shown {
		if m.ID == s.selected {
			s.rows.Select(i)
			s.rows.ScrollTo(i)
			return
		}
	}
	if s.selected != 0 {
		s.showMeeting(s.selected) // kept on show though out of the view
		return
	}
	s.showEmpty()
}

// filter computes each meeting's next start and the meetings in the view,
// soonest first for meetings ahead and latest first for the rest.
func (s *Screen) filter(now time.Time) {
	all := s.list.Meetings
	s.next = make(map[int64]time.Time, len(all))
	for _, m := range all {
		s.next[m.ID] = m.NextOccurrence(now, s.zone)
	}
	s.shown = s.shown[:0]
	for _, m := range all {
		if s.inView(m, now) {
			s.shown = append(s.shown, m)
		}
	}
	ahead := s.view.Selected == viewComingUp
	slices.SortStableFunc(s.shown, func(a, b model.Meeting) int {
		if ahead {
			return s.next[a.ID].Compare(s.next[b.ID])
		}
		return s.next[b.ID].Compare(s.next[a.ID])
	})
}

// countText says what the list holds, or why it is empty.
func (s *Screen) countText() string {
	n := len(s.shown)
	switch {
	case len(s.list.Meetings) == 0:
		return "No meetings yet. Schedule a coffee with someone who matters to your next move."
	case n > 0:
		return kit.Plural(n, "meeting", "meetings")
	case s.view.Selected == viewComingUp:
		return "Nothing planned. Today suggests whom to reach out to."
	case s.view.Selected == viewWaiting:
		return "Every meeting that took place has its outcome logged."
	}
	return "None."
}

// showEmpty puts a hint where the meeting page goes.
func (s *Screen) showEmpty() {
	s.page = nil
	hint := kit.QuietCentred("Select a meeting to see its agenda, send it to your calendar, and log what happened afterwards.")
	s.detail.Objects = []fyne.CanvasObject{container.NewCenter(container.New(&kit.MaxWidth{Width: 360}, hint))}
	s.detail.Refresh()
}

// showMeeting reads the page of the meeting with the given ID and shows
// it, or what failed in its place.
func (s *Screen) showMeeting(id int64) {
	data, err := s.store.MeetingPage(context.Background(), id)
	if err != nil {
		s.page = nil
		s.detail.Objects = []fyne.CanvasObject{kit.PageProblem("Could not open the meeting", err)}
		s.detail.Refresh()
		return
	}
	s.selected = id
	s.page = newPage(s, data)
	s.detail.Objects = []fyne.CanvasObject{s.page.root}
	s.detail.Refresh()
}

// newRow is the template of a row: when on the left, what and with whom,
// a line of details, and a handle to drag it onto a calendar.
func (s *Screen) newRow() fyne.CanvasObject {
	dragged := &model.ScheduledMeeting{}
	handle := s.nav.DragMeeting("list", func() (model.ScheduledMeeting, bool) { return *dragged, true })
	day := widget.NewLabelWithStyle("Wed 30 Dec", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	clock := widget.NewLabel("10:00")
	clock.SizeName = theme.SizeNameCaptionText
	// Cut only when the list is narrower than the text, and whole on hover.
	title := kit.NewShortLabel("Coffee with", true, s.tips)
	sub := kit.NewShortLabel("", false, s.tips)
	sub.SizeName = theme.SizeNameCaptionText
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	when := container.New(&kit.FixedWidth{Width: 96}, container.New(tight, day, clock))
	row := container.NewBorder(nil, nil, when, container.NewCenter(handle), container.New(tight, title, sub))
	s.rowMeetings[row] = dragged
	return row
}

// updateRow shows the id-th meeting in a row made by newRow.
func (s *Screen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.shown) {
		return
	}
	m := s.shown[id]
	with := s.list.People[m.PersonID]
	row := o.(*fyne.Container)
	main := row.Objects[0].(*fyne.Container)
	when := row.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container)
	start := s.next[m.ID].In(s.zone)
	when.Objects[0].(*widget.Label).SetText(start.Format("Mon 2 Jan"))
	when.Objects[1].(*widget.Label).SetText(start.Format("15:04"))
	main.Objects[0].(*kit.ShortLabel).SetText(kit.MeetingTitle(m, with))
	main.Objects[1].(*kit.ShortLabel).SetText(s.rowDetails(m))
	if dragged := s.rowMeetings[o]; dragged != nil {
		*dragged = model.ScheduledMeeting{Meeting: m, With: with}
	}
}

// rowDetails is the second line of a row: where, how it repeats, and what
// it waits for.
func (s *Screen) rowDetails(m model.Meeting) string {
	var parts []string
	if m.Location != "" {
		parts = append(parts, m.Location)
	}
	if m.Recurrence != model.RecurrenceNone {
		parts = append(parts, kit.LowerFirst(m.Recurrence.Label()))
	}
	switch {
	case m.Status == model.MeetingCanceled:
		parts = append(parts, "cancelled")
	case m.WaitingForOutcome(s.now()):
		parts = append(parts, "waiting for an outcome")
	case m.Status == model.MeetingHeld:
		parts = append(parts, "held")
	}
	if s.list.People[m.PersonID].Archived() {
		parts = append(parts, "person in the trash")
	}
	return strings.Join(parts, " · ")
}
