package today

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// build lays the report out: the date, the review nudge, the numbers, and
// two columns of sections.
func (s *Screen) build() fyne.CanvasObject {
	date := widget.NewLabelWithStyle(s.report.Now.Local().Format("Monday 2 January"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	date.SizeName = theme.SizeNameHeadingText
	left := container.NewVBox(section("Reach out", theme.IconNameAccount), s.reachOuts())
	right := container.NewVBox(
		section("Promises due", theme.IconNameConfirm), s.due(),
		section("This week's meetings", theme.IconNameCalendar), s.meetings(),
		section("Risks in your network", theme.IconNameWarning), s.risks(), s.reachSection())
	columns := container.NewGridWithColumns(2, left, right)
	quick := widget.NewButtonWithIcon("Quick log", theme.ContentAddIcon(), s.nav.QuickLog)
	body := container.NewVBox(container.NewBorder(nil, nil, nil, quick, date), s.reviewNudge(), s.numbers(), columns)
	return container.NewVScroll(container.NewPadded(body))
}

// numbers are the three headline figures.
func (s *Screen) numbers() fyne.CanvasObject {
	r := s.report
	rateNote := fmt.Sprintf("of %d resolved promises kept on time", r.FollowThrough.Resolved())
	if r.FollowThrough.Resolved() == 0 {
		rateNote = "none of your promises resolved yet"
	}
	return container.NewGridWithColumns(3,
		headline(r.FollowThrough.Percent(), "Follow-through", rateNote, s.nav.ShowPromises),
		headline(fmt.Sprint(r.Warmed), "People warmed", "contacted this month", func() { s.nav.ShowPeople("") }),
		headline(fmt.Sprint(r.PublicThanks), "Public thanks", "given this quarter", nil))
}

// reachOuts lists whom to contact, the first model.TodayReachShown of
// them with an "N more" button that lists the rest, or says why nobody is
// pressing.
func (s *Screen) reachOuts() fyne.CanvasObject {
	box := container.NewVBox()
	all := s.report.ReachOuts
	shown := min(len(all), model.TodayReachShown)
	for _, ro := range all[:shown] {
		box.Add(s.reachOutRow(ro))
	}
	if len(all) == 0 {
		box.Add(kit.Quiet("Nobody is pressing: everyone who matters has been in touch within their cadence."))
	}
	if rest := all[shown:]; len(rest) > 0 {
		row := container.NewHBox()
		more := widget.NewButton(fmt.Sprintf("%d more", len(rest)), func() {
			box.Remove(row)
			for _, ro := range rest {
				box.Add(s.reachOutRow(ro))
			}
		})
		more.Importance = widget.LowImportance
		row.Add(more)
		box.Add(row)
	}
	return box
}

// due lists the promises due, both ways.
func (s *Screen) due() fyne.CanvasObject {
	r := s.report
	box := container.NewVBox()
	for _, p := range r.Due {
		box.Add(s.dueRow(p))
	}
	if len(r.Due) == 0 {
		box.Add(kit.Quiet("No promise is overdue or due this week, either way."))
	}
	if more := r.DueCount - len(r.Due); more > 0 {
		box.Add(kit.Quiet(fmt.Sprintf("and %d more on the Promises screen", more)))
	}
	return box
}

// meetings lists the week's meetings, then the first five waiting for an
// outcome.
func (s *Screen) meetings() fyne.CanvasObject {
	r := s.report
	box := container.NewVBox()
	for _, m := range r.Upcoming {
		box.Add(s.meetingRow(m, m.Start.Local().Format("Mon 2 Jan 15:04")))
	}
	if len(r.Upcoming) == 0 {
		box.Add(kit.Quiet("No meetings planned for the coming week."))
	}
	if len(r.Unlogged) == 0 {
		return box
	}
	box.Add(kit.Subheading(fmt.Sprintf("Waiting for an outcome · %d", len(r.Unlogged))))
	for i, m := range r.Unlogged {
		if i == 5 {
			box.Add(kit.Quiet(fmt.Sprintf("and %d more on the people's pages", len(r.Unlogged)-5)))
			break
		}
		box.Add(s.meetingRow(m, "held "+kit.Ago(m.Start, r.Now)))
	}
	return box
}

// risks lists the weak spots of the network.
func (s *Screen) risks() fyne.CanvasObject {
	box := container.NewVBox()
	for _, risk := range s.report.Risks {
		box.Add(s.riskRow(risk))
	}
	if len(s.report.Risks) == 0 {
		box.Add(kit.Quiet("No weak spots found: support is spread, blockers are in touch, team mates thanked."))
	}
	return box
}

// reviewNudge asks for the weekly review when it is due: done a week or
// more ago, or never done and the first person added a week or more ago. Otherwise it takes no room.
func (s *Screen) reviewNudge() fyne.CanvasObject {
	last, now := s.report.LastReview, s.report.Now
	if !model.ReviewDue(last, s.report.FirstUse, now) {
		return container.NewVBox()
	}
	text := "Your weekly review is due: about ten minutes to log last week's meetings, resolve promises, and pick whom to reach this week."
	if !last.IsZero() {
		text = fmt.Sprintf("Your weekly review is due: the last one was %s. About ten minutes to log last week's meetings, resolve promises, and pick whom to reach this week.",
			kit.Ago(last, now))
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	start := widget.NewButtonWithIcon("Start the review", theme.HistoryIcon(), s.nav.StartReview)
	start.Importance = widget.HighImportance
	return container.NewBorder(nil, nil, kit.NewThemedIcon(theme.IconNameHistory), start, msg)
}

// reachOutRow is one person to contact: their name (opens their page),
// stance, why, and buttons to log the contact or plan a coffee.
func (s *Screen) reachOutRow(ro model.ReachOut) fyne.CanvasObject {
	p := s.report.People[ro.PersonID]
	why := widget.NewLabel(strings.Join(ro.Reasons, " · "))
	why.Wrapping = fyne.TextWrapWord
	why.SizeName = theme.SizeNameCaptionText
	log := widget.NewButtonWithIcon("Log", theme.ContentAddIcon(), func() { s.nav.LogInteraction(ro.PersonID) })
	log.Importance = widget.LowImportance
	coffee := widget.NewButtonWithIcon("Coffee", theme.CalendarIcon(), func() { s.nav.ScheduleMeeting(ro.PersonID) })
	coffee.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, container.NewHBox(kit.StanceBadge(p.Stance), log, coffee), s.personLink(ro.PersonID))
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	return container.New(tight, head, why)
}

// dueRow is a promise due: who owes whom what and when, Kept, and the
// dialog for the rest.
func (s *Screen) dueRow(p model.Promise) fyne.CanvasObject {
	parts := kit.PromiseRowOf(kit.NewPromiseRow())
	parts.Header.Hide()
	person := s.report.People[p.PersonID]
	kit.FillPromiseRow(parts, p, person, s.report.Now)
	// Today is a page, not a list: a long promise wraps rather than being cut.
	for _, l := range []*widget.Label{parts.What, parts.Sub} {
		l.Truncation, l.Wrapping = fyne.TextTruncateOff, fyne.TextWrapWord
	}
	parts.Kept.OnTapped = func() { s.nav.KeepPromise(p, person.Name) }
	parts.More.OnTapped = func() { s.nav.OpenPromise(p, person.Name) }
	return parts.Row
}

// meetingRow is a meeting: what and with whom (opening the person), when,
// a handle to drag it to a calendar, and a button to its page: to log
// the outcome of one held, or to prepare one ahead.
func (s *Screen) meetingRow(m model.Meeting, when string) fyne.CanvasObject {
	at := widget.NewLabel(when)
	at.SizeName = theme.SizeNameCaptionText
	kind := widget.NewLabel(m.Kind.Label() + " with")
	open := widget.NewButtonWithIcon("Agenda", theme.CalendarIcon(), func() { s.nav.OpenMeeting(m.ID) })
	if m.WaitingForOutcome(s.report.Now) {
		open = widget.NewButtonWithIcon("Log outcome", theme.CalendarIcon(), func() { s.nav.LogOutcome(m.ID) })
	}
	open.Importance = widget.LowImportance
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	what := container.NewBorder(nil, nil, kind, nil, s.personLink(m.PersonID))
	handle := s.nav.MeetingDragHandle(m.ID, "today")
	return container.NewBorder(nil, nil, nil, container.NewHBox(container.NewCenter(handle), open), container.New(tight, what, at))
}

// riskRow is a risk in words, opening the person it is about (the People
// screen filtered to team mates when it names several).
func (s *Screen) riskRow(r model.Risk) fyne.CanvasObject {
	text := widget.NewLabel(r.Text)
	text.Wrapping = fyne.TextWrapWord
	open := widget.NewButton("Open", func() { s.openRisk(r) })
	open.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, kit.NewThemedIcon(theme.IconNameWarning), open, text)
}

func (s *Screen) openRisk(r model.Risk) {
	switch {
	case len(r.PersonIDs) == 1:
		s.nav.OpenPerson(r.PersonIDs[0])
	case r.Kind == model.RiskTeamUnthanked:
		s.nav.ShowPeople(model.RelationTeamMate)
	default:
		s.nav.ShowPeople("")
	}
}

// personLink is a person's name that opens their page.
func (s *Screen) personLink(id int64) fyne.CanvasObject {
	p := s.report.People[id]
	name := p.Name
	if p.Archived() {
		name = kit.Isolate(name) + " (in the trash)"
	}
	link := widget.NewHyperlink(name, nil)
	link.OnTapped = func() { s.nav.OpenPerson(id) }
	link.TextStyle.Bold = true
	link.Truncation = fyne.TextTruncateEllipsis // a long name must not widen the column
	return link
}

// headline is one of the numbers at the top: big figure, name, what it
// counts; tapping it opens what it is about.
func headline(figure, name, note string, open func()) fyne.CanvasObject {
	// The accent colour as text (Hyperlink: Primary is a fill, too faint as
	// text on dark), read afresh on a theme switch.
	big := kit.NewThemedText(figure, theme.ColorNameHyperlink)
	big.SizeName, big.Grow = theme.SizeNameHeadingText, theme.TextHeadingSize()*0.4
	big.TextStyle.Bold = true
	title := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sub := widget.NewLabel(note)
	sub.SizeName = theme.SizeNameCaptionText
	sub.Wrapping = fyne.TextWrapWord
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	card := container.New(tight, container.NewPadded(big), title, sub)
	bg := kit.NewThemedRect(theme.ColorNameInputBackground)
	box := container.NewStack(bg, container.NewPadded(card))
	if open == nil {
		return box
	}
	return kit.NewTapArea(box, open)
}

// section is a heading with an icon above a list.
func section(title string, icon fyne.ThemeIconName) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return container.NewVBox(widget.NewSeparator(), container.NewHBox(kit.NewThemedIcon(icon), l))
}
