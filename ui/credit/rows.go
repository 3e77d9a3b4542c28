package credit

import (
	"context"
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

// groupBox is one team: its members with when each was last thanked, and
// a draft thank-you for the team.
func (s *Screen) groupBox(g model.AckGroup) fyne.CanvasObject {
	head := g.Name
	if g.Overlooked > 0 {
		head += fmt.Sprintf(" · %d overlooked", g.Overlooked)
	}
	team := widget.NewButtonWithIcon("Team thank-you…", theme.DocumentCreateIcon(), func() { s.draftTeamThanks(g) })
	team.Importance = widget.LowImportance
	box := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, team, kit.Subheading(head)))
	for _, a := range g.Members {
		box.Add(s.memberRow(a))
	}
	return box
}

// memberRow is one person: name, when and how they were last thanked,
// and a button to log thanks.
func (s *Screen) memberRow(a model.Acknowledgment) fyne.CanvasObject {
	p := a.Person
	name := widget.NewHyperlink(p.Name, nil)
	name.OnTapped = func() { s.nav.OpenPerson(p.ID) }
	when := widget.NewLabel(thankedText(a))
	when.SizeName = theme.SizeNameCaptionText
	if a.Overlooked {
		when.Importance = widget.WarningImportance
	}
	thank := widget.NewButtonWithIcon("Thank", theme.ConfirmIcon(), func() { s.nav.LogThanks(p.ID) })
	thank.Importance = widget.LowImportance
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
func (s *Screen) manager() model.Person {
	for _, p := range s.people {
		if p.Relation == model.RelationManager {
			return p.Person
		}
	}
	return model.Person{}
}

// mates are the people a note to the manager praises: the team mates and
// direct reports, overlooked first.
func (s *Screen) mates() []int64 {
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
func (s *Screen) draftBossNote() {
	ids := s.mates()
	if len(ids) == 0 {
		s.nav.Toast("Mark your team mates (relation: team mate or direct report) to draft a note about them.", nil)
		return
	}
	facts, err := s.store.PraiseFacts(context.Background(), ids, s.now().Add(-praiseWindow))
	if err != nil {
		s.nav.ShowError("Could not read what your team did", err)
		return
	}
	boss := s.manager()
	title := "A note to your manager"
	if boss.Name != "" {
		title = "A note to " + boss.Name
	}
	s.openDraft(title, model.DraftBossNote(boss, facts), ids)
}

// draftTeamThanks drafts a two-minute thank-you for a team meeting.
func (s *Screen) draftTeamThanks(g model.AckGroup) {
	ids := make([]int64, len(g.Members))
	for i, a := range g.Members {
		ids[i] = a.Person.ID
	}
	facts, err := s.store.PraiseFacts(context.Background(), ids, s.now().Add(-praiseWindow))
	if err != nil {
		s.nav.ShowError("Could not read what the team did", err)
		return
	}
	s.openDraft("Thank-you for the "+g.Name+" meeting", model.DraftTeamThanks(g.Name, facts), ids)
}

// opportunityRow is one opportunity: what, when, how it ended, who backed
// the user, and what to do next.
func (s *Screen) opportunityRow(o model.Opportunity) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(o.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	var backers []string
	for _, id := range o.BackerIDs {
		if p, ok := s.byID[id]; ok {
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
	edit := widget.NewButtonWithIcon("Change…", theme.DocumentCreateIcon(), func() { s.openOpportunity(o) })
	edit.Importance = widget.LowImportance
	buttons := container.NewHBox(edit)
	if o.Outcome != model.OutcomePending {
		follow := widget.NewButtonWithIcon("Follow up…", theme.MailReplyIcon(), func() { s.openFollowUps(o, s.byID) })
		buttons.Add(follow)
	}
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	return container.NewBorder(nil, nil, nil, buttons, container.New(tight, title, sub))
}
