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

// personName is how a person is named on the page: marked when in the
// trash.
func personName(p model.Person) string {
	if p.Archived() {
		return kit.Isolate(p.Name) + " (in the trash)"
	}
	return p.Name
}

// newPersonLink is a person's name that opens their page: the person of
// *id when tapped.
func newPersonLink(nav Navigator, id *int64) *widget.Hyperlink {
	link := widget.NewHyperlink("", nil)
	link.OnTapped = func() { nav.OpenPerson(*id) }
	link.TextStyle.Bold = true
	link.Truncation = fyne.TextTruncateEllipsis // a long name must not widen the column
	return link
}

// reachOuts lists whom to contact, the first model.TodayReachShown of
// them with an "N more" button that lists the rest, or says why nobody is
// pressing.
type reachOuts struct {
	root   fyne.CanvasObject
	box    *fyne.Container
	rows   rows[*reachRow]
	quiet  fyne.CanvasObject
	more   *widget.Button
	moreAt fyne.CanvasObject // the more button's row
	all    []model.ReachOut
	people map[int64]model.Person
}

func newReachOuts(s *Screen) *reachOuts {
	r := &reachOuts{box: container.NewVBox(reading()),
		quiet: kit.Quiet("Nobody is pressing: everyone who matters has been in touch within their cadence.")}
	r.rows.build = func() *reachRow { return newReachRow(s.nav) }
	r.more = widget.NewButton("", func() { r.show(len(r.all)) })
	r.more.Importance = widget.LowImportance
	r.moreAt = container.NewHBox(r.more)
	r.root = container.NewVBox(section("Reach out", theme.IconNameAccount), r.box)
	return r
}

func (r *reachOuts) object() fyne.CanvasObject { return r.root }

func (r *reachOuts) fill(report model.Today) {
	r.all, r.people = report.ReachOuts, report.People
	r.show(min(len(r.all), model.TodayReachShown))
}

// show lists the first n reach-outs, and the button for the rest.
func (r *reachOuts) show(n int) {
	objs := make([]fyne.CanvasObject, 0, n+1)
	for i, row := range r.rows.first(n) {
		row.fill(r.all[i], r.people[r.all[i].PersonID])
		objs = append(objs, row.root)
	}
	if len(r.all) == 0 {
		objs = append(objs, r.quiet)
	}
	if rest := len(r.all) - n; rest > 0 {
		r.more.SetText(fmt.Sprintf("%d more", rest))
		objs = append(objs, r.moreAt)
	}
	r.box.Objects = objs
	r.box.Refresh()
}

// reachRow is one person to contact: their name (opens their page),
// stance, why, and buttons to log the contact or plan a coffee.
type reachRow struct {
	root   fyne.CanvasObject
	id     int64
	link   *widget.Hyperlink
	badge  *fyne.Container
	stance model.Stance
	why    *widget.Label
}

func newReachRow(nav Navigator) *reachRow {
	r := &reachRow{badge: container.NewStack()}
	r.link = newPersonLink(nav, &r.id)
	r.why = widget.NewLabel("")
	r.why.Wrapping = fyne.TextWrapWord
	r.why.SizeName = theme.SizeNameCaptionText
	log := widget.NewButtonWithIcon("Log", theme.ContentAddIcon(), func() { nav.LogInteraction(r.id) })
	log.Importance = widget.LowImportance
	coffee := widget.NewButtonWithIcon("Coffee", theme.CalendarIcon(), func() { nav.ScheduleMeeting(r.id) })
	coffee.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, container.NewHBox(r.badge, log, coffee), r.link)
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	r.root = container.New(tight, head, r.why)
	return r
}

func (r *reachRow) fill(ro model.ReachOut, p model.Person) {
	r.id = ro.PersonID
	r.link.SetText(personName(p))
	if len(r.badge.Objects) == 0 || r.stance != p.Stance {
		r.stance = p.Stance
		r.badge.Objects = []fyne.CanvasObject{kit.StanceBadge(p.Stance)}
		r.badge.Refresh()
	}
	r.why.SetText(strings.Join(ro.Reasons, " · "))
}

// due lists the promises due, both ways.
type due struct {
	root  fyne.CanvasObject
	box   *fyne.Container
	rows  rows[*dueRow]
	quiet fyne.CanvasObject
	more  *widget.RichText
}

func newDue(s *Screen) *due {
	d := &due{box: container.NewVBox(reading()),
		quiet: kit.Quiet("No promise is overdue or due this week, either way."), more: kit.QuietText("", theme.SizeNameText)}
	d.rows.build = func() *dueRow { return newDueRow(s.nav) }
	d.root = container.NewVBox(section("Promises due", theme.IconNameConfirm), d.box)
	return d
}

func (d *due) object() fyne.CanvasObject { return d.root }

func (d *due) fill(r model.Today) {
	objs := make([]fyne.CanvasObject, 0, len(r.Due)+1)
	for i, row := range d.rows.first(len(r.Due)) {
		row.fill(r.Due[i], r.People[r.Due[i].PersonID], r)
		objs = append(objs, row.parts.Row)
	}
	if len(r.Due) == 0 {
		objs = append(objs, d.quiet)
	}
	if more := r.DueCount - len(r.Due); more > 0 {
		setQuiet(d.more, fmt.Sprintf("and %d more on the Promises screen", more))
		objs = append(objs, d.more)
	}
	d.box.Objects = objs
	d.box.Refresh()
}

// setQuiet changes the text of a kit.QuietText.
func setQuiet(t *widget.RichText, text string) {
	seg := t.Segments[0].(*widget.TextSegment)
	if seg.Text != text {
		seg.Text = text
		t.Refresh()
	}
}

// dueRow is a promise due: who owes whom what and when, Kept, and the
// dialog for the rest.
type dueRow struct {
	parts  kit.PromiseRowParts
	p      model.Promise
	person string
}

func newDueRow(nav Navigator) *dueRow {
	r := &dueRow{parts: kit.PromiseRowOf(kit.NewPromiseRow())}
	r.parts.Header.Hide()
	// Today is a page, not a list: a long promise wraps rather than being cut.
	for _, l := range []*widget.Label{r.parts.What, r.parts.Sub} {
		l.Truncation, l.Wrapping = fyne.TextTruncateOff, fyne.TextWrapWord
	}
	r.parts.Kept.OnTapped = func() { nav.KeepPromise(r.p, r.person) }
	r.parts.More.OnTapped = func() { nav.OpenPromise(r.p, r.person) }
	return r
}

func (r *dueRow) fill(p model.Promise, person model.Person, report model.Today) {
	r.p, r.person = p, person.Name
	kit.FillPromiseRow(r.parts, p, person, report.Now)
}

// meetings lists the week's meetings, then the first five waiting for an
// outcome.
type meetings struct {
	root     fyne.CanvasObject
	box      *fyne.Container
	upcoming rows[*meetingRow]
	unlogged rows[*meetingRow]
	quiet    fyne.CanvasObject
	waiting  *widget.Label
	more     *widget.RichText
}

// meetingsWaitingShown is how many meetings waiting for an outcome are
// listed.
const meetingsWaitingShown = 5

func newMeetings(s *Screen) *meetings {
	// The heading of the meetings waiting is bold, like every heading on
	// the page: one font style fewer to load at start (docs/fyne-fonts.md).
	m := &meetings{box: container.NewVBox(reading()), quiet: kit.Quiet("No meetings planned for the coming week."),
		waiting: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		more:    kit.QuietText("", theme.SizeNameText)}
	m.upcoming.build = func() *meetingRow { return newMeetingRow(s) }
	m.unlogged.build = m.upcoming.build
	m.root = container.NewVBox(section("This week's meetings", theme.IconNameCalendar), m.box)
	return m
}

func (m *meetings) object() fyne.CanvasObject { return m.root }

func (m *meetings) fill(r model.Today) {
	var objs []fyne.CanvasObject
	for i, row := range m.upcoming.first(len(r.Upcoming)) {
		mt := r.Upcoming[i]
		row.fill(mt, mt.Start.Local().Format("Mon 2 Jan 15:04"), r)
		objs = append(objs, row.root)
	}
	if len(r.Upcoming) == 0 {
		objs = append(objs, m.quiet)
	}
	if len(r.Unlogged) > 0 {
		m.waiting.SetText(fmt.Sprintf("Waiting for an outcome · %d", len(r.Unlogged)))
		objs = append(objs, m.waiting)
		shown := min(len(r.Unlogged), meetingsWaitingShown)
		for i, row := range m.unlogged.first(shown) {
			mt := r.Unlogged[i]
			row.fill(mt, "held "+kit.Ago(mt.Start, r.Now), r)
			objs = append(objs, row.root)
		}
		if rest := len(r.Unlogged) - shown; rest > 0 {
			setQuiet(m.more, fmt.Sprintf("and %d more on the people's pages", rest))
			objs = append(objs, m.more)
		}
	}
	m.box.Objects = objs
	m.box.Refresh()
}

// meetingRow is a meeting: what and with whom (opening the person), when,
// a handle to drag it to a calendar, and a button to its page: to log
// the outcome of one held, or to prepare one ahead.
type meetingRow struct {
	s       *Screen
	root    fyne.CanvasObject
	m       model.Meeting
	person  int64
	at      *widget.Label
	kind    *widget.Label
	link    *widget.Hyperlink
	handle  *fyne.Container
	handled int64 // the meeting the handle drags, 0 for none yet
	open    *widget.Button
	waiting bool
}

func newMeetingRow(s *Screen) *meetingRow {
	r := &meetingRow{s: s, at: widget.NewLabel(""), kind: widget.NewLabel(""), handle: container.NewCenter()}
	r.at.SizeName = theme.SizeNameCaptionText
	r.link = newPersonLink(s.nav, &r.person)
	r.open = widget.NewButtonWithIcon("Agenda", theme.CalendarIcon(), func() {
		if r.waiting {
			s.nav.LogOutcome(r.m.ID)
		} else {
			s.nav.OpenMeeting(r.m.ID)
		}
	})
	r.open.Importance = widget.LowImportance
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	what := container.NewBorder(nil, nil, r.kind, nil, r.link)
	r.root = container.NewBorder(nil, nil, nil, container.NewHBox(r.handle, r.open), container.New(tight, what, r.at))
	return r
}

func (r *meetingRow) fill(m model.Meeting, when string, report model.Today) {
	r.m, r.person = m, m.PersonID
	r.at.SetText(when)
	r.kind.SetText(m.Kind.Label() + " with")
	r.link.SetText(personName(report.People[m.PersonID]))
	r.waiting = m.WaitingForOutcome(report.Now)
	if r.waiting {
		r.open.SetText("Log outcome")
	} else {
		r.open.SetText("Agenda")
	}
	if r.handled != m.ID {
		r.handled = m.ID
		r.handle.Objects = []fyne.CanvasObject{r.s.nav.MeetingDragHandle(m.ID, "today")}
		r.handle.Refresh()
	}
}

// risks lists the weak spots of the network.
type risks struct {
	root  fyne.CanvasObject
	box   *fyne.Container
	rows  rows[*riskRow]
	quiet fyne.CanvasObject
}

func newRisks(s *Screen) *risks {
	k := &risks{box: container.NewVBox(reading()),
		quiet: kit.Quiet("No weak spots found: support is spread, blockers are in touch, team mates thanked.")}
	k.rows.build = func() *riskRow { return newRiskRow(s.nav) }
	k.root = container.NewVBox(section("Risks in your network", theme.IconNameWarning), k.box)
	return k
}

func (k *risks) object() fyne.CanvasObject { return k.root }

func (k *risks) fill(r model.Today) {
	objs := make([]fyne.CanvasObject, 0, len(r.Risks)+1)
	for i, row := range k.rows.first(len(r.Risks)) {
		row.risk = r.Risks[i]
		row.text.SetText(row.risk.Text)
		objs = append(objs, row.root)
	}
	if len(r.Risks) == 0 {
		objs = append(objs, k.quiet)
	}
	k.box.Objects = objs
	k.box.Refresh()
}

// riskRow is a risk in words, opening the person it is about (the People
// screen filtered to team mates when it names several).
type riskRow struct {
	root fyne.CanvasObject
	risk model.Risk
	text *widget.Label
}

func newRiskRow(nav Navigator) *riskRow {
	r := &riskRow{text: widget.NewLabel("")}
	r.text.Wrapping = fyne.TextWrapWord
	open := widget.NewButton("Open", func() { openRisk(nav, r.risk) })
	open.Importance = widget.LowImportance
	r.root = container.NewBorder(nil, nil, kit.NewThemedIcon(theme.IconNameWarning), open, r.text)
	return r
}

func openRisk(nav Navigator, r model.Risk) {
	switch {
	case len(r.PersonIDs) == 1:
		nav.OpenPerson(r.PersonIDs[0])
	case r.Kind == model.RiskTeamUnthanked:
		nav.ShowPeople(model.RelationTeamMate)
	default:
		nav.ShowPeople("")
	}
}
