package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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

// meetingsScreen lists the meetings, coming up first, beside the page of
// the one selected; it schedules new ones, exports the week's to the
// calendar and brings past ones in from a calendar file. It keeps its
// widgets so tests can tap them.
type meetingsScreen struct {
	w *Window

	all        []model.Meeting
	people     map[int64]model.Person
	shown      []model.Meeting
	next       map[int64]time.Time // each meeting's next (or only) start
	zone       *time.Location      // the user's, read with the meetings
	selectedID int64

	view       *widget.Select
	schedule   *widget.Button
	exportWeek *widget.Button
	importCal  *widget.Button
	count      *widget.Label
	list       *widget.List
	detail     *fyne.Container
	page       *meetingPage
	root       fyne.CanvasObject
}

func newMeetingsScreen(w *Window) *meetingsScreen {
	s := &meetingsScreen{w: w, people: map[int64]model.Person{}}
	s.view = widget.NewSelect([]string{viewComingUp, viewWaiting, viewHeld, viewCanceled, viewAll},
		func(string) { s.applyView() })
	s.view.SetSelected(viewComingUp)
	s.schedule = widget.NewButtonWithIcon("Schedule…", theme.ContentAddIcon(), func() { w.scheduleMeeting(0) })
	s.schedule.Importance = widget.HighImportance
	s.exportWeek = widget.NewButtonWithIcon("Export the week", theme.DocumentSaveIcon(), s.exportTheWeek)
	s.importCal = widget.NewButtonWithIcon("Import past meetings…", theme.DownloadIcon(), func() { openCalendarImport(w) })
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
	s.count.Wrapping = fyne.TextWrapWord

	s.list = widget.NewList(func() int { return len(s.shown) }, s.newMeetingRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		if id < len(s.shown) {
			s.showMeeting(s.shown[id].ID)
		}
	}
	s.detail = container.NewStack()

	top := container.NewVBox(container.NewBorder(nil, nil, nil, s.schedule, s.view), s.count)
	// One above the other: side by side they would make the list too
	// wide for the meeting beside it in a small window.
	bottom := container.NewVBox(widget.NewSeparator(), s.exportWeek, s.importCal)
	left := container.NewBorder(top, bottom, nil, nil, s.list)
	split := container.NewHSplit(left, s.detail)
	split.Offset = 0.36
	s.root = split
	return s
}

// content returns the screen with fresh data.
func (s *meetingsScreen) content() fyne.CanvasObject {
	s.reload()
	return s.root
}

// reload reads the meetings again and shows the selected one afresh.
func (s *meetingsScreen) reload() {
	l, err := s.w.store.MeetingList(context.Background())
	if err != nil {
		s.w.showError("Could not read the meetings", err)
		return
	}
	s.all, s.people = l.Meetings, l.People
	s.applyView()
}

// inView reports whether m belongs in the view chosen, at now.
func (s *meetingsScreen) inView(m model.Meeting, now time.Time) bool {
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

// applyView recomputes the list from the view chosen, soonest first for
// meetings ahead and latest first for the rest, keeping the selection.
func (s *meetingsScreen) applyView() {
	if s.list == nil {
		return // still being built
	}
	now := s.w.now()
	s.zone = s.w.zone(s.w.settings())
	s.next = make(map[int64]time.Time, len(s.all))
	for _, m := range s.all {
		s.next[m.ID] = m.NextOccurrence(now, s.zone)
	}
	s.shown = s.shown[:0]
	for _, m := range s.all {
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
	s.count.SetText(s.countText())
	s.list.UnselectAll()
	s.list.Refresh()
	for i, m := range s.shown {
		if m.ID == s.selectedID {
			s.list.Select(i)
			s.list.ScrollTo(i)
			return
		}
	}
	if s.selectedID != 0 {
		s.showMeeting(s.selectedID) // kept on show though out of the view
		return
	}
	s.showEmpty()
}

// countText says what the list holds, or why it is empty.
func (s *meetingsScreen) countText() string {
	n := len(s.shown)
	switch {
	case len(s.all) == 0:
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
func (s *meetingsScreen) showEmpty() {
	s.page = nil
	hint := kit.QuietCentred("Select a meeting to see its agenda, send it to your calendar, and log what happened afterwards.")
	s.detail.Objects = []fyne.CanvasObject{container.NewCenter(container.New(&kit.MaxWidth{Width: 360}, hint))}
	s.detail.Refresh()
}

// showMeeting opens the page of the meeting with the given ID.
func (s *meetingsScreen) showMeeting(id int64) {
	pg, err := newMeetingPage(s, id)
	if err != nil {
		s.page = nil
		s.detail.Objects = []fyne.CanvasObject{pageProblem("Could not open the meeting", err)}
		s.detail.Refresh()
		return
	}
	s.selectedID = id
	s.page = pg
	s.detail.Objects = []fyne.CanvasObject{pg.root}
	s.detail.Refresh()
}

// newMeetingRow is the template of a row: when on the left, what and with
// whom, a line of details, and a handle to drag it onto a calendar.
func (s *meetingsScreen) newMeetingRow() fyne.CanvasObject {
	handle := newDragHandle(s.w, model.ScheduledMeeting{}, "list")
	day := widget.NewLabelWithStyle("Wed 30 Dec", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	clock := widget.NewLabel("10:00")
	clock.SizeName = theme.SizeNameCaptionText
	title := widget.NewLabelWithStyle("Coffee with", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("")
	sub.SizeName = theme.SizeNameCaptionText
	sub.Truncation = fyne.TextTruncateEllipsis
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	when := container.New(&kit.FixedWidth{Width: 96}, container.New(tight, day, clock))
	return container.NewBorder(nil, nil, when, container.NewCenter(handle), container.New(tight, title, sub))
}

func (s *meetingsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.shown) {
		return
	}
	m := s.shown[id]
	row := o.(*fyne.Container)
	main := row.Objects[0].(*fyne.Container)
	when := row.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container)
	start := s.next[m.ID].In(s.zone)
	when.Objects[0].(*widget.Label).SetText(start.Format("Mon 2 Jan"))
	when.Objects[1].(*widget.Label).SetText(start.Format("15:04"))
	main.Objects[0].(*widget.Label).SetText(meetingTitle(m, s.people[m.PersonID]))
	main.Objects[1].(*widget.Label).SetText(s.rowDetails(m))
	row.Objects[2].(*fyne.Container).Objects[0].(*dragHandle).setMeeting(model.ScheduledMeeting{Meeting: m, With: s.people[m.PersonID]})
}

// rowDetails is the second line of a row: where, how it repeats, and what
// it waits for.
func (s *meetingsScreen) rowDetails(m model.Meeting) string {
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
	case m.WaitingForOutcome(s.w.now()):
		parts = append(parts, "waiting for an outcome")
	case m.Status == model.MeetingHeld:
		parts = append(parts, "held")
	}
	if s.people[m.PersonID].Archived() {
		parts = append(parts, "person in the trash")
	}
	return strings.Join(parts, " · ")
}

// meetingTitle names a meeting: "Coffee with Dana Reyes".
func meetingTitle(m model.Meeting, with model.Person) string {
	if with.Name == "" {
		return m.Kind.Label()
	}
	return m.Kind.Label() + " with " + with.Name
}

// exportTheWeek writes every planned meeting of the coming seven days into
// one calendar file for the user's own calendar.
func (s *meetingsScreen) exportTheWeek() {
	now := s.w.now()
	settings := s.w.settings()
	zone := s.w.zone(settings)
	from := model.Day(now.In(zone))
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, zone)
	end := start.AddDate(0, 0, 7)
	var week []model.ScheduledMeeting
	for _, m := range s.all {
		next := m.NextOccurrence(start, zone)
		if m.Status == model.MeetingPlanned && !next.Before(start) && next.Before(end) {
			week = append(week, model.ScheduledMeeting{Meeting: m, With: s.people[m.PersonID]})
		}
	}
	if len(week) == 0 {
		s.w.toast.show("No meetings planned in the coming seven days: nothing to export.", nil)
		return
	}
	name := fmt.Sprintf("Meetings %s to %s.ics", start.Format("2006-01-02"), end.AddDate(0, 0, -1).Format("2006-01-02"))
	f, err := s.w.writeInvites(false, name, week...)
	if err != nil {
		s.w.explainExportError(err, model.Person{}, s.reload)
		return
	}
	bar := newExportBar(s.w)
	bar.show(f, kit.Plural(len(week), "meeting", "meetings")+" of the week")
	s.w.currentExportDialog = dialog.NewCustom("The week's meetings", "Close", container.New(&kit.MaxWidth{Width: 520}, bar.root), s.w.win)
	s.w.currentExportDialog.Show()
}
