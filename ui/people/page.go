package people

import (
	"context"
	"fmt"
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

// personPage shows everything known about one person and the actions on
// them. It keeps its buttons so tests can tap them.
type personPage struct {
	person   model.Person
	timeline []model.Interaction
	promises []model.Promise
	upcoming []model.NextMeeting
	ties     *tieSection
	frame    *frameSection // what the user shared with them

	// editRow and deleteRow are each interaction's Edit and Delete, in
	// the order of timeline (none for a person in the trash).
	editRow, deleteRow []*widget.Button

	// openMeeting are the Open buttons of the coming meetings, in order.
	openMeeting []*widget.Button

	// marks are the timeline's rows by interaction, each with the mark
	// that shows it is the one a search opened.
	marks map[int64]timelineMark
	body  *fyne.Container

	logInteraction *widget.Button
	addPromise     *widget.Button
	schedule       *widget.Button
	edit           *widget.Button
	archive        *widget.Button
	restore        *widget.Button
	scroll         *container.Scroll
	root           fyne.CanvasObject
}

// newPersonPage reads the page of the person with the given ID in one
// call and builds it.
func (s *Screen) newPersonPage(id int64) (*personPage, error) {
	data, err := s.store.PersonPage(context.Background(), id, s.now())
	if err != nil {
		return nil, err
	}
	pg := &personPage{person: data.Person, timeline: data.Timeline, promises: data.Promises, upcoming: data.Upcoming}
	if pg.ties, err = newTieSection(s, data); err != nil {
		return nil, err
	}
	pg.frame = newFrameSection(s, data)
	pg.buildActions(s)

	body := container.NewVBox(pg.header(), pg.banner(), pg.chips(), widget.NewSeparator(), pg.facts(data), pg.texts())
	if len(pg.upcoming) > 0 { // none: not even the gap of an empty part
		body.Add(pg.meetingSection(s))
	}
	body.Add(pg.promiseSection(s, data.Now))
	body.Add(pg.ties.root)
	body.Add(pathSection(s, pg))
	body.Add(pg.frame.root)
	body.Add(historySection(data))
	body.Add(widget.NewSeparator())
	body.Add(widget.NewLabelWithStyle("Timeline", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	body.Add(pg.timelineBox(s, s.names(data.People), data.Now))
	pg.body = body
	pg.scroll = container.NewVScroll(container.NewPadded(body))
	pg.root = pg.scroll
	return pg, nil
}

// buildActions makes the page's buttons: each asks the window for its
// form, or archives or restores the person.
func (pg *personPage) buildActions(s *Screen) {
	id := pg.person.ID
	pg.logInteraction = widget.NewButtonWithIcon("Log interaction", theme.ContentAddIcon(), func() { s.nav.LogInteraction(id) })
	pg.logInteraction.Importance = widget.HighImportance
	pg.addPromise = widget.NewButtonWithIcon("Promise", theme.ConfirmIcon(), func() { s.nav.NewPromise(id) })
	pg.schedule = widget.NewButtonWithIcon("Schedule", theme.CalendarIcon(), func() { s.nav.ScheduleMeeting(id) })
	pg.edit = widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { s.nav.EditPerson(id) })
	pg.archive = widget.NewButtonWithIcon("Archive", theme.DeleteIcon(), func() { s.archive(pg.person) })
	pg.restore = widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), func() { s.restore(pg.person) })
	pg.restore.Importance = widget.HighImportance
}

// header is the name, the title and team, and the actions: Restore only
// in the trash.
func (pg *personPage) header() fyne.CanvasObject {
	p := pg.person
	name := widget.NewLabelWithStyle(p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	name.Wrapping = fyne.TextWrapWord
	sub := widget.NewLabel(kit.Subtitle(p))
	sub.Wrapping = fyne.TextWrapWord
	if sub.Text == "" {
		sub.Hide()
	}
	var actions fyne.CanvasObject
	if p.Archived() {
		actions = container.NewHBox(pg.restore)
	} else {
		actions = container.NewHBox(pg.logInteraction, pg.addPromise, pg.schedule, pg.edit, pg.archive)
	}
	return container.NewVBox(name, sub, actions)
}

// banner says that the person is in the trash; otherwise it is nothing
// (a spacer would soak up the spare height of a short page).
func (pg *personPage) banner() fyne.CanvasObject {
	p := pg.person
	if !p.Archived() {
		return container.NewVBox()
	}
	msg := widget.NewLabel(fmt.Sprintf("In the trash since %s. Restore to edit or log interactions; emptying the trash deletes for good.", kit.DayText(p.ArchivedAt.Local())))
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.WarningImportance
	return msg
}

// chips are the stance, influence and relation.
func (pg *personPage) chips() fyne.CanvasObject {
	p := pg.person
	influence := widget.NewLabel("Influence " + kit.InfluenceDots(p.Influence))
	return container.NewHBox(kit.StanceBadge(p.Stance), influence, widget.NewLabel(p.Relation.Label()))
}

// facts are the labelled facts known: contact details, cadence, last
// contact, first met, and what to ask them about.
func (pg *personPage) facts(data model.PersonPage) fyne.CanvasObject {
	p, now := pg.person, data.Now
	facts := container.New(layout.NewFormLayout())
	addFact := func(label, value string) {
		if value == "" {
			return
		}
		facts.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Italic: true}))
		facts.Add(kit.ValueLabel(value))
	}
	addFact("Email", p.Email)
	addFact("Phone", p.Phone)
	addFact("Keep in touch", kit.CadenceText(p.CadenceDays))
	last := "Never"
	for _, i := range pg.timeline {
		if !i.At.After(now) {
			last = fmt.Sprintf("%s (%s, %s)", kit.CapitalFirst(kit.Ago(i.At, now)), i.Kind.Label(), kit.DayText(i.At.Local()))
			break
		}
	}
	addFact("Last contact", last)
	addFact("First met", kit.DayText(p.FirstMet))
	if topics := model.AskAbout(data.Advises, p.ID); len(topics) > 0 {
		addFact("Ask about", strings.Join(topics, "; "))
	}
	return facts
}

// texts are the free texts written about the person, each under its
// heading, those left empty left out.
func (pg *personPage) texts() fyne.CanvasObject {
	sections := container.NewVBox()
	addText := func(title, text string) {
		if text == "" {
			return
		}
		sections.Add(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		sections.Add(kit.NewMoreText(text).Root)
	}
	addText("Working on", pg.person.WorkingOn)
	addText("What they need", pg.person.Needs)
	addText("Notes", pg.person.Notes)
	return sections
}

// timelineBox lists the interactions, newest first, or says there are
// none yet; names name the others who were there.
func (pg *personPage) timelineBox(s *Screen, names map[int64]string, now time.Time) fyne.CanvasObject {
	box := container.NewVBox()
	pg.marks = make(map[int64]timelineMark, len(pg.timeline))
	if len(pg.timeline) == 0 {
		box.Add(kit.Quiet("No interactions yet. Log a coffee, a message, help given or a thank-you: each one keeps the relationship warm."))
	}
	for _, i := range pg.timeline {
		var actions fyne.CanvasObject
		if !pg.person.Archived() {
			actions = pg.rowActions(s, i, names)
		}
		mark := kit.NewThemedRect(theme.ColorNameSelection)
		mark.Hide()
		row := container.NewStack(mark, timelineRow(i, pg.person.ID, names, now, actions))
		pg.marks[i.ID] = timelineMark{row: row, mark: mark, box: box}
		box.Add(row)
	}
	if len(pg.timeline) == model.TimelineLimit {
		more := widget.NewLabel(fmt.Sprintf("Showing the latest %d interactions.", model.TimelineLimit))
		more.Importance = widget.LowImportance
		box.Add(more)
	}
	return box
}

// meetingSection lists the meetings planned with the person that are
// still to come, soonest first: what, when, how often, and Open to the
// meeting's page. The page leaves it out when there are none.
func (pg *personPage) meetingSection(s *Screen) fyne.CanvasObject {
	box := container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle("Coming meetings", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, u := range pg.upcoming {
		m := u.Meeting
		when := u.Next.Local().Format("Mon 2 Jan 15:04") // as Today and the Meetings list say it
		if m.Recurrence != model.RecurrenceNone {
			when += " · " + strings.ToLower(m.Recurrence.Label()[:1]) + m.Recurrence.Label()[1:]
		}
		if m.Location != "" {
			when += " · " + m.Location
		}
		what := widget.NewLabelWithStyle(m.Kind.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		sub := widget.NewLabel(when)
		sub.SizeName = theme.SizeNameCaptionText
		sub.Wrapping = fyne.TextWrapWord
		id := m.ID
		open := widget.NewButtonWithIcon("Open", theme.CalendarIcon(), func() { s.nav.OpenMeeting(id) })
		open.Importance = widget.LowImportance
		pg.openMeeting = append(pg.openMeeting, open)
		tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
		box.Add(container.NewBorder(nil, nil, nil, container.NewCenter(open), container.New(tight, what, sub)))
	}
	return box
}

// promiseSection lists the promises still pending between the user and
// the person, both ways, and how well each side has followed through.
func (pg *personPage) promiseSection(s *Screen, now time.Time) fyne.CanvasObject {
	if len(pg.promises) == 0 {
		return container.NewVBox() // nothing, taking no room
	}
	box := container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle("Promises", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	report := model.FollowThroughOf(pg.promises, now, 1)
	pending := 0
	for _, p := range pg.promises {
		if !p.Status.Pending() {
			continue
		}
		pending++
		parts := kit.PromiseRowOf(kit.NewPromiseRow())
		parts.Header.Hide()
		kit.FillPromiseRow(parts, p, pg.person, now)
		parts.Sub.SetText(strings.TrimPrefix(strings.TrimPrefix(parts.Sub.Text, kit.Isolate(pg.person.Name)), " · "))
		parts.Kept.OnTapped = func() { s.nav.KeepPromise(p, pg.person.Name) }
		parts.More.OnTapped = func() { s.nav.OpenPromise(p, pg.person.Name) }
		box.Add(parts.Row)
	}
	if pending == 0 {
		box.Add(kit.Quiet("Nothing pending either way."))
	}
	var rates []string
	if r := report.Mine; r.Resolved() > 0 {
		rates = append(rates, fmt.Sprintf("you kept %s on time (%d of %d)", r.Percent(), r.Kept, r.Resolved()))
	}
	if r := report.Theirs; r.Resolved() > 0 {
		rates = append(rates, fmt.Sprintf("%s kept %s (%d of %d)", kit.FirstName(pg.person.Name), r.Percent(), r.Kept, r.Resolved()))
	}
	if len(rates) > 0 {
		l := widget.NewLabel("Follow-through: " + strings.Join(rates, "; ") + ".")
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText
		box.Add(l)
	}
	return box
}

// rowActions are the Edit and Delete buttons of interaction i on the
// timeline; names name the people who could have been there. The page
// stays scrolled where it was after either, and after an undo.
func (pg *personPage) rowActions(s *Screen, i model.Interaction, names map[int64]string) fyne.CanvasObject {
	person := pg.person
	with := []string{person.Name}
	for _, id := range i.PersonIDs {
		if n, ok := names[id]; ok && id != person.ID {
			with = append(with, n)
		}
	}
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { s.nav.EditInteraction(i, person, s.changed) })
	edit.Importance = widget.LowImportance
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.nav.DeleteInteraction(i, with, s.changed) })
	del.Importance = widget.LowImportance
	pg.editRow = append(pg.editRow, edit)
	pg.deleteRow = append(pg.deleteRow, del)
	return container.NewVBox(container.NewHBox(edit, del))
}

// timelineRow is one interaction on a person page: date, kind, who else
// was there, summary and notes, and actions (if any) at the end.
func timelineRow(i model.Interaction, self int64, names map[int64]string, now time.Time, actions fyne.CanvasObject) fyne.CanvasObject {
	when := widget.NewLabel(kit.DayText(i.At.Local()))
	kind := widget.NewLabelWithStyle(i.Kind.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := i.Summary
	if i.Notes != "" {
		if text != "" {
			text += "\n"
		}
		text += i.Notes
	}
	summary := kit.NewMoreText(text)
	summary.Label.Selectable = false
	var others []string
	for _, id := range i.PersonIDs {
		if id == self {
			continue
		}
		if n, ok := names[id]; ok {
			others = append(others, n)
		} else {
			others = append(others, "someone in the trash")
		}
	}
	if len(others) > 0 {
		kind.SetText(i.Kind.Label() + " · with " + strings.Join(others, ", "))
	}
	if i.At.After(now) {
		when.SetText(kit.DayText(i.At.Local()) + " (planned)")
	}
	left := container.New(&kit.FixedWidth{Width: 150}, when)
	return container.NewBorder(nil, nil, left, actions, container.NewVBox(kind, summary.Root))
}
