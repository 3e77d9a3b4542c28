package ui

import (
	"context"
	"fmt"
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

// praiseWindow is how far back drafts look for what people did.
const praiseWindow = 90 * 24 * time.Hour

// creditScreen is where credit is given: per team, who was thanked, when
// and how, and who has been overlooked; drafts of a note to the manager
// and of a team thank-you; and the opportunities with the people who
// backed the user, and what to do after the outcome. It keeps its widgets
// so tests can tap them.
type creditScreen struct {
	w      *Window
	groups []model.AckGroup
	opps   []model.Opportunity
	people map[int64]model.Person

	bossNote  *widget.Button
	teamNotes map[string]*widget.Button
	thank     map[int64]*widget.Button
	newOpp    *widget.Button
	oppEdit   map[int64]*widget.Button
	followUps map[int64]*widget.Button
	root      *fyne.Container
}

func newCreditScreen(w *Window) *creditScreen {
	return &creditScreen{w: w, root: container.NewStack()}
}

// content returns the screen with fresh data.
func (s *creditScreen) content() fyne.CanvasObject {
	s.reload()
	return s.root
}

// reload reads thanks, people and opportunities again and rebuilds.
func (s *creditScreen) reload() {
	ctx := context.Background()
	people, err := s.w.store.People(ctx, false)
	if err != nil {
		s.w.showError("Could not read people", err)
		return
	}
	thanks, err := s.w.store.Thanks(ctx)
	if err != nil {
		s.w.showError("Could not read the thanks given", err)
		return
	}
	opps, err := s.w.store.Opportunities(ctx)
	if err != nil {
		s.w.showError("Could not read the opportunities", err)
		return
	}
	s.people = make(map[int64]model.Person, len(people))
	plain := make([]model.Person, len(people))
	for i, p := range people {
		s.people[p.ID] = p.Person
		plain[i] = p.Person
	}
	s.groups = model.Acknowledgments(plain, thanks, s.w.now())
	s.opps = opps
	s.root.Objects = []fyne.CanvasObject{s.build()}
	s.root.Refresh()
}

func (s *creditScreen) build() fyne.CanvasObject {
	s.teamNotes = map[string]*widget.Button{}
	s.thank = map[int64]*widget.Button{}
	s.oppEdit = map[int64]*widget.Button{}
	s.followUps = map[int64]*widget.Button{}
	title := widget.NewLabelWithStyle("Give credit", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	s.bossNote = widget.NewButtonWithIcon("Draft a note to your manager…", theme.MailComposeIcon(), s.draftBossNote)
	s.bossNote.Importance = widget.HighImportance
	body := container.NewVBox(title,
		kit.Quiet(fmt.Sprintf("Who you thanked, when and how. Anyone you work with and have not thanked in %d days is marked overlooked: credit given in public costs you nothing and is remembered.", model.OverlookedDays)),
		container.NewHBox(s.bossNote))
	if len(s.groups) == 0 {
		body.Add(kit.Quiet("Nobody to thank yet: mark people as team mates, direct reports or peers, and log the thanks you give."))
	}
	for _, g := range s.groups {
		body.Add(s.groupBox(g))
	}

	s.newOpp = widget.NewButtonWithIcon("New opportunity…", theme.ContentAddIcon(), func() {
		openOpportunityEditor(s.w, model.Opportunity{Kind: model.OpportunityPromotion, Outcome: model.OutcomePending}, s.reload)
	})
	body.Add(widget.NewSeparator())
	oppTitle := widget.NewLabelWithStyle("Opportunities and outcomes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	oppTitle.SizeName = theme.SizeNameSubHeadingText
	body.Add(container.NewBorder(nil, nil, nil, s.newOpp, oppTitle))
	body.Add(kit.Quiet("A promotion round, a job opening, a project to lead: who backed you, and how it ended. Win or lose, thank them; passed over, ask what to strengthen next time."))
	for _, o := range s.opps {
		body.Add(s.opportunityRow(o))
	}
	return container.NewVScroll(container.NewPadded(body))
}

// groupBox is one team: its members with when each was last thanked, and
// a draft thank-you for the team.
func (s *creditScreen) groupBox(g model.AckGroup) fyne.CanvasObject {
	head := g.Name
	if g.Overlooked > 0 {
		head += fmt.Sprintf(" · %d overlooked", g.Overlooked)
	}
	team := widget.NewButtonWithIcon("Team thank-you…", theme.DocumentCreateIcon(), func() { s.draftTeamThanks(g) })
	team.Importance = widget.LowImportance
	s.teamNotes[g.Name] = team
	box := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, team, kit.Subheading(head)))
	for _, a := range g.Members {
		box.Add(s.memberRow(a))
	}
	return box
}

// memberRow is one person: name, when and how they were last thanked,
// and a button to log thanks.
func (s *creditScreen) memberRow(a model.Acknowledgment) fyne.CanvasObject {
	p := a.Person
	name := widget.NewHyperlink(p.Name, nil)
	name.OnTapped = func() { s.w.openPeopleOn(p.ID, false) }
	when := widget.NewLabel(thankedText(a))
	when.SizeName = theme.SizeNameCaptionText
	if a.Overlooked {
		when.Importance = widget.WarningImportance
	}
	thank := widget.NewButtonWithIcon("Thank", theme.ConfirmIcon(), func() {
		e := openInteractionEditor(s.w, p, s.reload)
		if e != nil {
			e.kind.SetSelected(model.KindThanksPrivate.Label())
		}
	})
	thank.Importance = widget.LowImportance
	s.thank[p.ID] = thank
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	return container.NewBorder(nil, nil, nil, thank, container.New(tight, name, when))
}

// thankedText says when and how someone was last thanked.
func thankedText(a model.Acknowledgment) string {
	if a.Last.IsZero() {
		text := "Never thanked"
		if a.Overlooked {
			text += " · overlooked"
		}
		return text
	}
	how := "in private"
	if a.LastPublic {
		how = "in public"
	}
	text := fmt.Sprintf("Thanked %s, %s", dayWords(a.DaysSince), how)
	if a.Count > 1 {
		text += fmt.Sprintf(" · %d times this year", a.Count)
	}
	if a.Overlooked {
		text += " · overlooked"
	}
	return text
}

// dayWords says a number of days ago: "today", "yesterday", "12 days ago".
func dayWords(days int) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return fmt.Sprintf("%d days ago", days)
}

// manager is the user's manager, when one is marked.
func (s *creditScreen) manager() model.Person {
	for _, p := range s.people {
		if p.Relation == model.RelationManager {
			return p
		}
	}
	return model.Person{}
}

// mates are the people a note to the manager praises: the team mates and
// direct reports, overlooked first.
func (s *creditScreen) mates() []int64 {
	var ids []int64
	for _, g := range s.groups {
		for _, a := range g.Members {
			if a.Person.Relation == model.RelationTeamMate || a.Person.Relation == model.RelationDirectReport {
				ids = append(ids, a.Person.ID)
			}
		}
	}
	return ids
}

// draftBossNote drafts a note to the manager praising the team mates.
func (s *creditScreen) draftBossNote() {
	ids := s.mates()
	if len(ids) == 0 {
		s.w.toast.show("Mark your team mates (relation: team mate or direct report) to draft a note about them.", nil)
		return
	}
	facts, err := s.w.store.PraiseFacts(context.Background(), ids, s.w.now().Add(-praiseWindow))
	if err != nil {
		s.w.showError("Could not read what your team did", err)
		return
	}
	boss := s.manager()
	title := "A note to your manager"
	if boss.Name != "" {
		title = "A note to " + boss.Name
	}
	openDraft(s.w, title, model.DraftBossNote(boss, facts), ids, s.reload)
}

// draftTeamThanks drafts a two-minute thank-you for a team meeting.
func (s *creditScreen) draftTeamThanks(g model.AckGroup) {
	ids := make([]int64, len(g.Members))
	for i, a := range g.Members {
		ids[i] = a.Person.ID
	}
	facts, err := s.w.store.PraiseFacts(context.Background(), ids, s.w.now().Add(-praiseWindow))
	if err != nil {
		s.w.showError("Could not read what the team did", err)
		return
	}
	openDraft(s.w, "Thank-you for the "+g.Name+" meeting", model.DraftTeamThanks(g.Name, facts), ids, s.reload)
}

// opportunityRow is one opportunity: what, when, how it ended, who backed
// the user, and what to do next.
func (s *creditScreen) opportunityRow(o model.Opportunity) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(o.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	var backers []string
	for _, id := range o.BackerIDs {
		if p, ok := s.people[id]; ok {
			backers = append(backers, p.Name)
		}
	}
	line := fmt.Sprintf("%s · %s · %s", o.Kind.Label(), kit.DayText(o.Date), o.Outcome.Label())
	if len(backers) > 0 {
		line += " · backed by " + strings.Join(backers, ", ")
	}
	sub := widget.NewLabel(line)
	sub.SizeName = theme.SizeNameCaptionText
	sub.Wrapping = fyne.TextWrapWord
	edit := widget.NewButtonWithIcon("Change…", theme.DocumentCreateIcon(), func() { openOpportunityEditor(s.w, o, s.reload) })
	edit.Importance = widget.LowImportance
	s.oppEdit[o.ID] = edit
	buttons := container.NewHBox(edit)
	if o.Outcome != model.OutcomePending {
		follow := widget.NewButtonWithIcon("Follow up…", theme.MailReplyIcon(), func() { openFollowUps(s.w, o, s.people) })
		s.followUps[o.ID] = follow
		buttons.Add(follow)
	}
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	return container.NewBorder(nil, nil, nil, buttons, container.New(tight, title, sub))
}

// draftDialog shows a draft to edit, copy, and log as public thanks in
// one step. It keeps its widgets for tests.
type draftDialog struct {
	text   *widget.Entry
	copy   *widget.Button
	logged *widget.Button
	dialog dialog.Dialog
}

// openDraft shows text, drafted for the people with the given IDs.
func openDraft(w *Window, title, text string, ids []int64, onLogged func()) *draftDialog {
	d := &draftDialog{text: widget.NewMultiLineEntry()}
	d.text.Wrapping = fyne.TextWrapWord
	d.text.SetMinRowsVisible(14)
	d.text.SetText(text)
	d.copy = widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		w.app.Clipboard().SetContent(d.text.Text)
		w.toast.show("Copied: paste it where you will send or say it.", nil)
	})
	d.logged = widget.NewButtonWithIcon("Copy and log as public thanks", theme.ConfirmIcon(), func() {
		w.app.Clipboard().SetContent(d.text.Text)
		i := model.Interaction{Kind: model.KindThanksPublic, At: w.now(), PersonIDs: ids,
			Summary: strings.TrimSpace(firstLine(title))}
		if err := w.store.CreateInteraction(context.Background(), &i); err != nil {
			w.showError("Could not log the thanks", err)
			return
		}
		d.dialog.Hide()
		w.toast.show(fmt.Sprintf("Copied, and logged as public thanks to %s.", kit.Plural(len(ids), "person", "people")), nil)
		if onLogged != nil {
			onLogged()
		}
	})
	d.logged.Importance = widget.HighImportance
	note := kit.Quiet("In your own voice: edit it before you send it. Nothing you shared about yourself is ever in a draft.")
	close := widget.NewButton("Close", func() { d.dialog.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), close, d.copy, d.logged)
	d.dialog = dialog.NewCustomWithoutButtons(title, container.NewBorder(note, buttons, nil, nil, d.text), w.win)
	d.dialog.Resize(fitCanvas(w, fyne.NewSize(680, 560)))
	d.dialog.Show()
	w.currentDraft = d
	return d
}

// firstLine is the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
