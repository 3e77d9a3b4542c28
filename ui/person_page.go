package ui

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
	ties     *tieSection
	frame    *frameSection // what the user shared with them

	logInteraction *widget.Button
	addPromise     *widget.Button
	schedule       *widget.Button
	edit           *widget.Button
	archive        *widget.Button
	restore        *widget.Button
	root           fyne.CanvasObject
}

// newPersonPage reads the page of the person with the given ID in one
// call and builds it.
func newPersonPage(s *peopleScreen, id int64) (*personPage, error) {
	data, err := s.w.store.PersonPage(context.Background(), id, s.w.now())
	if err != nil {
		return nil, err
	}
	p, timeline, now := data.Person, data.Timeline, data.Now
	pg := &personPage{person: p, timeline: timeline, promises: data.Promises}
	if pg.ties, err = newTieSection(s, data); err != nil {
		return nil, err
	}
	pg.frame = newFrameSection(s.w, data)

	name := widget.NewLabelWithStyle(p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameHeadingText
	name.Wrapping = fyne.TextWrapWord
	sub := widget.NewLabel(p.Subtitle())
	sub.Wrapping = fyne.TextWrapWord
	if p.Subtitle() == "" {
		sub.Hide()
	}

	pg.logInteraction = widget.NewButtonWithIcon("Log interaction", theme.ContentAddIcon(), func() {
		openInteractionEditor(s.w, pg.person, s.refreshPerson)
	})
	pg.logInteraction.Importance = widget.HighImportance
	pg.addPromise = widget.NewButtonWithIcon("Promise", theme.ConfirmIcon(), func() {
		openPromiseEditor(s.w, model.Promise{PersonID: pg.person.ID}, func(model.Promise) { s.refreshPerson() })
	})
	pg.schedule = widget.NewButtonWithIcon("Schedule", theme.CalendarIcon(), func() { s.w.scheduleMeeting(pg.person.ID) })
	pg.edit = widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), s.editSelected)
	pg.archive = widget.NewButtonWithIcon("Archive", theme.DeleteIcon(), func() { s.archive(pg.person) })
	pg.restore = widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), func() { s.restore(pg.person) })
	pg.restore.Importance = widget.HighImportance

	var actions fyne.CanvasObject
	// Nothing between the header and the chips unless in the trash (a
	// spacer would soak up the spare height of a short page).
	var banner fyne.CanvasObject = container.NewVBox()
	if p.Archived() {
		actions = container.NewHBox(pg.restore)
		msg := widget.NewLabel(fmt.Sprintf("In the trash since %s. Restore to edit or log interactions; emptying the trash deletes for good.", kit.DayText(p.ArchivedAt.Local())))
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.WarningImportance
		banner = msg
	} else {
		actions = container.NewHBox(pg.logInteraction, pg.addPromise, pg.schedule, pg.edit, pg.archive)
	}

	badge := kit.StanceBadge(p.Stance)
	influence := widget.NewLabel("Influence " + kit.InfluenceDots(p.Influence))
	relation := widget.NewLabel(p.Relation.Label())
	chips := container.NewHBox(badge, influence, relation)

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
	for _, i := range timeline {
		if !i.At.After(now) {
			last = fmt.Sprintf("%s (%s, %s)", kit.CapitalFirst(kit.Ago(i.At, now)), i.Kind.Label(), kit.DayText(i.At.Local()))
			break
		}
	}
	addFact("Last contact", last)
	addFact("First met", kit.DayText(p.FirstMet))
	if topics := model.AskAbout(data.Advises, id); len(topics) > 0 {
		addFact("Ask about", strings.Join(topics, "; "))
	}

	sections := container.NewVBox()
	addText := func(title, text string) {
		if text == "" {
			return
		}
		sections.Add(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		sections.Add(kit.ValueLabel(text))
	}
	addText("Working on", p.WorkingOn)
	addText("What they need", p.Needs)
	addText("Notes", p.Notes)

	timelineHeading := widget.NewLabelWithStyle("Timeline", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	timelineBox := container.NewVBox()
	if len(timeline) == 0 {
		timelineBox.Add(kit.Quiet("No interactions yet. Log a coffee, a message, help given or a thank-you: each one keeps the relationship warm."))
	}
	names := s.names(data.People)
	for _, i := range timeline {
		timelineBox.Add(timelineRow(i, p.ID, names, now))
	}
	if len(timeline) == model.TimelineLimit {
		more := widget.NewLabel(fmt.Sprintf("Showing the latest %d interactions.", model.TimelineLimit))
		more.Importance = widget.LowImportance
		timelineBox.Add(more)
	}

	header := container.NewVBox(name, sub, actions)
	body := container.NewVBox(header, banner, chips, widget.NewSeparator(), facts, sections,
		pg.promiseSection(s, now), pg.ties.root, pg.frame.root, widget.NewSeparator(), timelineHeading, timelineBox)
	pg.root = container.NewVScroll(container.NewPadded(body))
	return pg, nil
}

// promiseSection lists the promises still pending between the user and
// the person, both ways, and how well each side has followed through.
func (pg *personPage) promiseSection(s *peopleScreen, now time.Time) fyne.CanvasObject {
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
		parts.Sub.SetText(strings.TrimPrefix(strings.TrimPrefix(parts.Sub.Text, pg.person.Name), " · "))
		parts.Kept.OnTapped = func() { s.w.keepPromise(p, pg.person.Name, s.refreshPerson) }
		parts.More.OnTapped = func() { openPromiseDialog(s.w, p, pg.person.Name, s.refreshPerson) }
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

// timelineRow is one interaction on a person page: date, kind, who else
// was there, summary and notes.
func timelineRow(i model.Interaction, self int64, names map[int64]string, now time.Time) fyne.CanvasObject {
	when := widget.NewLabel(kit.DayText(i.At.Local()))
	kind := widget.NewLabelWithStyle(i.Kind.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := i.Summary
	if i.Notes != "" {
		if text != "" {
			text += "\n"
		}
		text += i.Notes
	}
	summary := widget.NewLabel(text)
	summary.Wrapping = fyne.TextWrapWord
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
	return container.NewBorder(nil, nil, left, nil, container.NewVBox(kind, summary))
}
