package credit

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/forms"
	"rapport/ui/kit"
)

// opportunityEditor adds an opportunity or records how it went: what, when,
// who backed the user, and the outcome. Once the outcome is known it
// offers the follow-ups.
type opportunityEditor struct {
	s   *Screen
	opp model.Opportunity

	title   *kit.TextField
	kind    *kit.Select
	date    *kit.TextField
	outcome *kit.Select
	backers *kit.PeopleChooser
	notes   *kit.TextField
	fields  *kit.FieldSet
	dialog  dialog.Dialog
}

// openOpportunity opens the form for o: a new one when o.ID is 0.
func (s *Screen) openOpportunity(o model.Opportunity) {
	e := &opportunityEditor{s: s, opp: o}
	e.title = kit.Entry(o.Title, "Engineering Manager, Platform; the Q3 promotion round")
	e.kind = kit.Choice(model.OpportunityKinds(), o.Kind)
	e.date = kit.Entry(kit.DayText(o.Date), "When it is decided: 2027-03-01, next month, 3 days ago")
	e.outcome = kit.Choice(model.OpportunityOutcomes(), o.Outcome)
	e.backers = kit.NewPeopleChooser(s.people, "Type a name: who backed you?")
	for _, id := range o.BackerIDs {
		for _, p := range s.people {
			if p.ID == id {
				e.backers.Add(p)
			}
		}
	}
	e.notes = kit.MultiLine(o.Notes, "", 3)
	f := kit.NewFieldSet()
	f.Add("title", "Opportunity", e.title, "")
	f.Add("kind", "Kind", e.kind, "")
	f.Add("date", "Decided on", e.date, "")
	f.Add("backers", "Backed by", e.backers.Root, "The people who spoke for you.")
	f.Add("outcome", "Outcome", e.outcome, "")
	f.Add("notes", "Notes", e.notes, "Private.")
	e.fields = f
	title, verb := "New opportunity", "Add"
	if o.ID != 0 {
		title, verb = "Opportunity", "Save"
	}
	e.dialog, _ = forms.Open(forms.ParentOf(s.parent, s.nav.ShowError), f, title, verb, fyne.NewSize(620, 560), e.submit)
}

// parseAnyDay reads a day in the past ("3 days ago") or ahead ("next
// month").
func parseAnyDay(text string, now time.Time) (time.Time, error) {
	if d, err := model.ParseDay(text, now); err == nil {
		return d, nil
	}
	return model.ParseDue(text, now)
}

// submit checks and saves the opportunity, then offers the follow-ups
// when its outcome became known.
func (e *opportunityEditor) submit() {
	o := e.opp
	problems := map[string]string{}
	o.Title = strings.TrimSpace(e.title.Text)
	if k, ok := model.FromLabel(model.OpportunityKinds(), e.kind.Selected); ok {
		o.Kind = k
	}
	day, err := parseAnyDay(e.date.Text, e.s.now())
	if err != nil {
		problems["date"] = "Decided on: " + err.Error()
	}
	o.Date = day
	if r, ok := model.FromLabel(model.OpportunityOutcomes(), e.outcome.Selected); ok {
		o.Outcome = r
	}
	o.BackerIDs = e.backers.IDs()
	o.Notes = strings.TrimSpace(e.notes.Text)
	if e.fields.Show(o.Validate(), problems) {
		return
	}
	if !e.save(&o) {
		return
	}
	e.dialog.Hide()
	e.s.Reload()
	if o.Outcome != model.OutcomePending && o.Outcome != e.opp.Outcome {
		people := map[int64]model.Person{}
		for _, p := range e.backers.Picked() {
			people[p.ID] = p.Person
		}
		e.s.openFollowUps(o, people)
	}
}

// save creates or updates o and reports whether it was saved; a problem
// with a field is shown beside it, any other failure in a dialog.
func (e *opportunityEditor) save(o *model.Opportunity) bool {
	return forms.SaveRecord(forms.ParentOf(e.s.parent, e.s.nav.ShowError), e.fields, o, o.ID == 0,
		e.s.store.CreateOpportunity, e.s.store.UpdateOpportunity, "Could not save the opportunity")
}

// openFollowUps shows what to do after o's outcome, each logged in one
// click; people are whom the follow-ups name, by ID.
func (s *Screen) openFollowUps(o model.Opportunity, people map[int64]model.Person) {
	box := container.NewVBox()
	intro := "You won it: thank the people who backed you, by name."
	if o.Outcome == model.OutcomePassedOver {
		intro = "It went the other way. Thank the people who backed you all the same, and ask them what to strengthen next time: that is how the next round is won."
	}
	box.Add(kit.Quiet(intro))
	items := model.FollowUps(o, people)
	if len(items) == 0 {
		box.Add(kit.Quiet("Add the people who backed you to the opportunity to see who to thank."))
	}
	for _, f := range items {
		text := widget.NewLabel(f.Text)
		text.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, nil, s.followUpButton(f), text))
	}
	var d dialog.Dialog
	closeBtn := widget.NewButton("Close", func() {
		d.Hide()
		s.Reload()
	})
	scroll := container.NewVScroll(box)
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), closeBtn), nil, nil, scroll)
	d = dialog.NewCustomWithoutButtons("After "+o.Title, body, s.parent)
	d.Resize(kit.FitWindow(s.parent, fyne.NewSize(640, 440)))
	d.Show()
	kit.FollowFocus(s.parent.Canvas(), scroll, d)
}

// followUpButton logs f as done, once.
func (s *Screen) followUpButton(f model.FollowUp) *widget.Button {
	var log *widget.Button
	log = widget.NewButtonWithIcon("Done: log it", theme.ConfirmIcon(), func() {
		i := model.Interaction{Kind: f.Kind, At: s.now(), PersonIDs: []int64{f.PersonID}, Summary: f.Text}
		if err := s.store.CreateInteraction(context.Background(), &i); err != nil {
			s.nav.ShowError("Could not log it", err)
			return
		}
		log.SetText("Logged")
		log.Disable()
	})
	log.Importance = widget.LowImportance
	return log
}
