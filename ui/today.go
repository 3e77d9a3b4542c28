package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// todayScreen is what the app opens on: whom to reach out to and why, the
// promises due both ways, the week's meetings and those waiting for an
// outcome, risks in words, and three headline numbers. Every item opens
// what it is about in one click. It keeps its report for tests.
type todayScreen struct {
	w          *Window
	report     model.Today
	lastReview time.Time
	review     *widget.Button // starts the weekly review when it is due
	root       *fyne.Container
}

func newTodayScreen(w *Window) *todayScreen {
	return &todayScreen{w: w, root: container.NewStack()}
}

// content returns the screen with fresh data, for the window to show
// (and lay out).
func (s *todayScreen) content() fyne.CanvasObject {
	s.load()
	return s.root
}

// reload reads the report again and rebuilds the screen where it is.
func (s *todayScreen) reload() {
	s.load()
	s.root.Refresh()
}

// load reads the report and builds the screen from it.
func (s *todayScreen) load() {
	report, err := s.w.store.Today(context.Background(), s.w.now())
	if err != nil {
		s.w.showError("Could not read today's plan", err)
		return
	}
	s.report = report
	if s.lastReview, err = s.w.store.LastReview(context.Background()); err != nil {
		s.w.showError("Could not read when you last reviewed your week", err)
	}
	s.root.Objects = []fyne.CanvasObject{s.build()}
}

func (s *todayScreen) build() fyne.CanvasObject {
	r := s.report
	date := widget.NewLabelWithStyle(r.Now.Local().Format("Monday 2 January"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	date.SizeName = theme.SizeNameHeadingText

	rate := r.FollowThrough.Percent()
	rateNote := fmt.Sprintf("of %d resolved promises kept on time", r.FollowThrough.Resolved())
	if r.FollowThrough.Resolved() == 0 {
		rateNote = "none of your promises resolved yet"
	}
	numbers := container.NewGridWithColumns(3,
		headline(rate, "Follow-through", rateNote, func() { s.w.Show("promises") }),
		headline(fmt.Sprint(r.Warmed), "People warmed", "contacted this month", func() { s.w.Show("people") }),
		headline(fmt.Sprint(r.PublicThanks), "Public thanks", "given this quarter", nil))

	reach := container.NewVBox()
	for _, ro := range r.ReachOuts {
		reach.Add(s.reachOutRow(ro))
	}
	if len(r.ReachOuts) == 0 {
		reach.Add(kit.Quiet("Nobody is pressing: everyone who matters has been in touch within their cadence."))
	}

	due := container.NewVBox()
	for _, p := range r.Due {
		due.Add(s.dueRow(p))
	}
	if len(r.Due) == 0 {
		due.Add(kit.Quiet("No promise is overdue or due this week, either way."))
	}
	if more := r.DueCount - len(r.Due); more > 0 {
		due.Add(kit.Quiet(fmt.Sprintf("and %d more on the Promises screen", more)))
	}

	meetings := container.NewVBox()
	for _, m := range r.Upcoming {
		meetings.Add(s.meetingRow(m, m.Start.Local().Format("Mon 2 Jan 15:04")))
	}
	if len(r.Upcoming) == 0 {
		meetings.Add(kit.Quiet("No meetings planned for the coming week."))
	}
	if len(r.Unlogged) > 0 {
		meetings.Add(kit.Subheading(fmt.Sprintf("Waiting for an outcome · %d", len(r.Unlogged))))
		for i, m := range r.Unlogged {
			if i == 5 {
				meetings.Add(kit.Quiet(fmt.Sprintf("and %d more on the people's pages", len(r.Unlogged)-5)))
				break
			}
			meetings.Add(s.meetingRow(m, "held "+kit.Ago(m.Start, r.Now)))
		}
	}

	risks := container.NewVBox()
	for _, risk := range r.Risks {
		risks.Add(s.riskRow(risk))
	}
	if len(r.Risks) == 0 {
		risks.Add(kit.Quiet("No weak spots found: support is spread, blockers are in touch, team mates thanked."))
	}

	left := container.NewVBox(section("Reach out", theme.AccountIcon()), reach)
	right := container.NewVBox(
		section("Promises due", theme.ConfirmIcon()), due,
		section("This week's meetings", theme.CalendarIcon()), meetings,
		section("Risks in your network", theme.WarningIcon()), risks)
	columns := container.NewGridWithColumns(2, left, right)
	body := container.NewVBox(date, s.reviewNudge(), numbers, columns)
	return container.NewVScroll(container.NewPadded(body))
}

// reviewNudge asks for the weekly review when it is due: never done, or
// done a week or more ago. Otherwise it takes no room.
func (s *todayScreen) reviewNudge() fyne.CanvasObject {
	s.review = nil
	if !model.ReviewDue(s.lastReview, s.report.Now) {
		return container.NewVBox()
	}
	text := "Your weekly review is due: about ten minutes to log last week's meetings, resolve promises, and pick whom to reach this week."
	if !s.lastReview.IsZero() {
		text = fmt.Sprintf("Your weekly review is due: the last one was %s. About ten minutes to log last week's meetings, resolve promises, and pick whom to reach this week.",
			kit.Ago(s.lastReview, s.report.Now))
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	s.review = widget.NewButtonWithIcon("Start the review", theme.HistoryIcon(), func() { openWeeklyReview(s.w) })
	s.review.Importance = widget.HighImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.HistoryIcon()), s.review, msg)
}

// reachOutRow is one person to contact: their name (opens their page),
// stance, why, and a button to log the contact.
func (s *todayScreen) reachOutRow(ro model.ReachOut) fyne.CanvasObject {
	p := s.report.People[ro.PersonID]
	name := s.personLink(ro.PersonID)
	why := widget.NewLabel(strings.Join(ro.Reasons, " · "))
	why.Wrapping = fyne.TextWrapWord
	why.SizeName = theme.SizeNameCaptionText
	log := widget.NewButtonWithIcon("Log", theme.ContentAddIcon(), func() {
		openInteractionEditor(s.w, p, s.reload)
	})
	log.Importance = widget.LowImportance
	coffee := widget.NewButtonWithIcon("Coffee", theme.CalendarIcon(), func() { s.w.scheduleMeeting(ro.PersonID) })
	coffee.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, container.NewHBox(kit.StanceBadge(p.Stance), log, coffee), name)
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	return container.New(tight, head, why)
}

// dueRow is a promise due: who owes whom what and when, Kept, and the
// dialog for the rest.
func (s *todayScreen) dueRow(p model.Promise) fyne.CanvasObject {
	parts := promiseRowOf(newPromiseRow())
	parts.header.Hide()
	person := s.report.People[p.PersonID]
	fillPromiseRow(parts, p, person, s.report.Now)
	parts.kept.OnTapped = func() { s.w.keepPromise(p, person.Name, s.reload) }
	parts.more.OnTapped = func() { openPromiseDialog(s.w, p, person.Name, s.reload) }
	return parts.row
}

// meetingRow is a meeting: what and with whom (opening the person), when,
// and a button to its page: to log the outcome of one held, or to prepare
// one ahead.
func (s *todayScreen) meetingRow(m model.Meeting, when string) fyne.CanvasObject {
	w := widget.NewLabel(when)
	w.SizeName = theme.SizeNameCaptionText
	kind := widget.NewLabel(m.Kind.Label() + " with")
	label := "Agenda"
	if waitingForOutcome(m, s.report.Now) {
		label = "Log outcome"
	}
	open := widget.NewButtonWithIcon(label, theme.CalendarIcon(), func() {
		s.w.showMeeting(m.ID)
		if pg := s.w.meetings.page; label == "Log outcome" && pg != nil && pg.meeting.ID == m.ID {
			openOutcomeEditor(s.w, pg.meeting, pg.person, s.w.meetings.reload)
		}
	})
	open.Importance = widget.LowImportance
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	what := container.NewBorder(nil, nil, kind, nil, s.personLink(m.PersonID))
	handle := newDragHandle(s.w, ScheduledMeeting{}, "today")
	handle.prepare = func() (ScheduledMeeting, bool) {
		// As stored: a repeating meeting is listed at its next occurrence,
		// but its invite starts with the series.
		stored, err := s.w.store.Meeting(context.Background(), m.ID)
		if err != nil {
			s.w.showError("Could not read the meeting", err)
			return ScheduledMeeting{}, false
		}
		return ScheduledMeeting{Meeting: stored, With: s.report.People[m.PersonID]}, true
	}
	return container.NewBorder(nil, nil, nil, container.NewHBox(container.NewCenter(handle), open), container.New(tight, what, w))
}

// riskRow is a risk in words, opening the person it is about (the People
// screen filtered to team mates when it names several).
func (s *todayScreen) riskRow(r model.Risk) fyne.CanvasObject {
	icon := widget.NewIcon(theme.WarningIcon())
	text := widget.NewLabel(r.Text)
	text.Wrapping = fyne.TextWrapWord
	open := widget.NewButton("Open", func() { s.openRisk(r) })
	open.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, icon, open, text)
}

func (s *todayScreen) openRisk(r model.Risk) {
	if len(r.PersonIDs) == 1 {
		s.openPerson(r.PersonIDs[0])
		return
	}
	s.w.Show("people")
	if r.Kind == model.RiskTeamUnthanked {
		s.w.people.relation.SetSelected(model.RelationTeamMate.Label())
	}
}

// personLink is a person's name that opens their page.
func (s *todayScreen) personLink(id int64) fyne.CanvasObject {
	p := s.report.People[id]
	name := p.Name
	if p.Archived() {
		name += " (in the trash)"
	}
	link := widget.NewHyperlink(name, nil)
	link.OnTapped = func() { s.openPerson(id) }
	link.TextStyle.Bold = true
	link.Truncation = fyne.TextTruncateEllipsis // a long name must not widen the column
	return link
}

func (s *todayScreen) openPerson(id int64) {
	p := s.report.People[id]
	s.w.people.selectPerson(id, p.Archived())
}

// headline is one of the numbers at the top: big figure, name, what it
// counts; tapping it opens what it is about.
func headline(figure, name, note string, open func()) fyne.CanvasObject {
	big := canvas.NewText(figure, theme.Color(theme.ColorNamePrimary))
	big.TextSize = theme.TextHeadingSize() * 1.4
	big.TextStyle.Bold = true
	title := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sub := widget.NewLabel(note)
	sub.SizeName = theme.SizeNameCaptionText
	sub.Wrapping = fyne.TextWrapWord
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	card := container.New(tight, container.NewPadded(big), title, sub)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	box := container.NewStack(bg, container.NewPadded(card))
	if open == nil {
		return box
	}
	return kit.NewTapArea(box, open)
}

// section is a heading with an icon above a list on Today.
func section(title string, icon fyne.Resource) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return container.NewVBox(widget.NewSeparator(), container.NewHBox(widget.NewIcon(icon), l))
}
