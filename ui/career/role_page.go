package career

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

// gapTrendMonths is how many months the progress chart shows.
const gapTrendMonths = 6

// rolePage is one target role: why it, the gaps as a picture and as a
// list with their actions and advisors, how the gaps closed month by
// month, the promotion panel, and the printable summary.
type rolePage struct {
	s       *Screen
	role    model.Role
	reqs    []model.Requirement // in order: gaps largest first, then those met
	actions map[int64][]model.Action
	people  map[int64]model.Person // advisors and panel members
	panel   model.PanelReadiness
	trend   []model.GapPoint
	active  []model.PersonSummary // whom the panel can take
	scroll  *container.Scroll
	root    fyne.CanvasObject
}

// newRolePage is the page of the role read in data.
func newRolePage(s *Screen, data model.RolePage) *rolePage {
	all := data.Requirements
	pg := &rolePage{s: s, role: data.Role, actions: data.Actions, people: data.Advisors,
		panel: data.Panel, active: data.Candidates}
	pg.reqs = model.RankGaps(all)
	for _, r := range all {
		if r.Gap() == 0 {
			pg.reqs = append(pg.reqs, r)
		}
	}
	// From the role's creation: before it, there was no gap to close.
	pg.trend = model.TrendSince(model.GapTrend(all, data.History, data.Now, gapTrendMonths), data.Role.CreatedAt)
	exportMD := widget.NewButtonWithIcon("Markdown…", theme.DocumentSaveIcon(), func() { pg.saveSummary("md") })
	exportWeb := widget.NewButtonWithIcon("Page to print…", theme.DocumentPrintIcon(), func() { pg.saveSummary("html") })
	body := container.NewVBox(pg.header(),
		widget.NewSeparator(), kit.CardHeading("Gaps, largest first"), pg.gapPicture(), pg.gapList(),
		widget.NewSeparator(), kit.CardHeading("Progress"), kit.Quiet(pg.trendText()), pg.trendChart(),
		widget.NewSeparator(), newPanelSection(pg),
		widget.NewSeparator(), kit.CardHeading("One-page summary for a conversation with your manager"),
		kit.Quiet("The role, the gaps with their actions and evidence, and the panel's readiness. Nothing from your notes on people."),
		container.NewHBox(exportMD, exportWeb))
	pg.scroll = container.NewVScroll(container.NewPadded(body))
	pg.root = pg.scroll
	return pg
}

// header is the role's title, what it is (subtitle), and what can be done
// with it: edit, make it the focus, archive or restore.
func (pg *rolePage) header() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(pg.role.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	title.Wrapping = fyne.TextWrapWord
	sub := widget.NewLabel(pg.subtitle())
	sub.Wrapping = fyne.TextWrapWord
	edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		openRoleEditor(pg.s, pg.role, func(model.Role) { pg.s.Reload() })
	})
	actions := container.NewHBox(edit)
	switch {
	case !pg.role.ArchivedAt.IsZero():
		actions.Add(widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), func() { pg.setArchived(false) }))
	default:
		if !pg.role.Focus {
			actions.Add(widget.NewButtonWithIcon("Make it my focus", theme.ConfirmIcon(), pg.makeFocus))
		}
		actions.Add(widget.NewButtonWithIcon("Archive", theme.DeleteIcon(), func() { pg.setArchived(true) }))
	}
	return container.NewVBox(title, sub, actions)
}

// gapList is the button to add a requirement, then a card per
// requirement, gaps largest first, then those met.
func (pg *rolePage) gapList() fyne.CanvasObject {
	addReq := widget.NewButtonWithIcon("Add requirement…", theme.ContentAddIcon(), func() {
		openRequirementEditor(pg.s, model.Requirement{RoleID: pg.role.ID, Kind: model.RequirementSkill, TargetLevel: 4,
			Importance: 3}, func(model.Requirement) { pg.s.Reload() })
	})
	list := container.NewVBox(container.NewHBox(addReq))
	shownMet := false
	for _, r := range pg.reqs {
		if r.Gap() == 0 && !shownMet {
			list.Add(kit.Subheading("Met"))
			shownMet = true
		}
		list.Add(newRequirementCard(pg, r))
	}
	if len(pg.reqs) == 0 {
		list.Add(kit.Quiet("No requirements yet. Add what the role asks for (skills, experience, visibility, certifications, relationships), the level it needs and where you stand."))
	}
	return list
}

// subtitle is the role's horizon, target date and focus, and why it.
func (pg *rolePage) subtitle() string {
	r := pg.role
	parts := []string{r.Horizon.Label()}
	if !r.TargetDate.IsZero() {
		parts = append(parts, "by "+r.TargetDate.Format("January 2006"))
	}
	if r.Focus {
		parts = append(parts, "your current focus")
	}
	if !r.ArchivedAt.IsZero() {
		parts = append(parts, "archived "+kit.DayText(r.ArchivedAt.Local()))
	}
	text := strings.Join(parts, " · ")
	if r.Why != "" {
		text += "\n\n" + r.Why
	}
	return text
}

// gapPicture draws every requirement's levels, current against target,
// in the order of the list.
func (pg *rolePage) gapPicture() fyne.CanvasObject {
	if len(pg.reqs) == 0 {
		return container.NewVBox()
	}
	// The names take the width they need, up to what the bars leave;
	// only a name longer than that is cut, and shows whole on hover.
	grid := container.New(&kit.NameColumn{Min: 160})
	for _, r := range pg.reqs {
		name := kit.NewShortLabel(r.Title, false, pg.s.tips)
		bar := kit.NewLevelBar(r.CurrentLevel, r.TargetLevel, r.ManagerLevel)
		figure := widget.NewLabel(kit.GapFigure(r))
		figure.SizeName = theme.SizeNameCaptionText
		grid.Add(name)
		grid.Add(container.NewHBox(bar, figure))
	}
	legend := kit.Quiet("Filled: where you are · outlined: what the role asks · tick: your manager's view")
	return container.NewVBox(grid, legend)
}

// trendText says how the total gap moved over the months shown.
func (pg *rolePage) trendText() string {
	if len(pg.trend) < 2 {
		return "Record where you stand as it changes: the plan keeps every level with its date."
	}
	first, last := pg.trend[0], pg.trend[len(pg.trend)-1]
	switch {
	case last.Gap < first.Gap:
		return fmt.Sprintf("Your total weighted gap went from %d to %d since %s.", first.Gap, last.Gap, first.Month.Format("January"))
	case last.Gap > first.Gap:
		return fmt.Sprintf("Your total weighted gap grew from %d to %d since %s: new requirements, or a level revised down.", first.Gap, last.Gap, first.Month.Format("January"))
	}
	return fmt.Sprintf("Your total weighted gap has stayed at %d since %s.", last.Gap, first.Month.Format("January"))
}

// trendChart draws the total weighted gap month by month.
func (pg *rolePage) trendChart() fyne.CanvasObject {
	top := 1
	for _, p := range pg.trend {
		top = max(top, p.Gap)
	}
	bars := make([]kit.MonthBar, len(pg.trend))
	for i, p := range pg.trend {
		bars[i] = kit.MonthBar{Month: p.Month, Share: float64(p.Gap) / float64(top), Text: fmt.Sprint(p.Gap)}
	}
	c := kit.NewMonthChart([]kit.ChartGuide{{Share: 1, Label: fmt.Sprint(top)}})
	c.SetBars(bars)
	return container.New(&kit.MaxWidth{Width: 420}, c)
}

// makeFocus makes this the role the user works toward now.
func (pg *rolePage) makeFocus() {
	if err := pg.s.store.SetFocusRole(context.Background(), pg.role.ID); err != nil {
		pg.s.nav.ShowError("Could not change the focus", err)
		return
	}
	pg.s.Reload()
}

// setArchived archives the role (course-correcting keeps its history), or
// restores it, with Undo.
func (pg *rolePage) setArchived(on bool) {
	s := pg.s
	r := pg.role
	if on {
		r.ArchivedAt, r.Focus = s.now(), false
	} else {
		r.ArchivedAt = time.Time{}
	}
	if err := s.store.UpdateRole(context.Background(), &r); err != nil {
		s.nav.ShowError("Could not save the role", err)
		return
	}
	before := pg.role
	if on {
		s.nav.Toast(r.Title+" archived, with its gaps, actions and history.", func() {
			if err := s.store.UpdateRole(context.Background(), &before); err != nil {
				s.nav.ShowError("Could not restore the role", err)
			}
			s.Reload()
		})
	}
	s.selectedID = 0
	s.Reload()
}

// newRequirementCard is one requirement in the list: its levels and gap,
// the two views when they differ, whom to ask, the evidence and the
// actions.
func newRequirementCard(pg *rolePage, r model.Requirement) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(r.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	levels := fmt.Sprintf("%s · now %d, target %d", r.Kind.Label(), r.CurrentLevel, r.TargetLevel)
	if r.ManagerLevel > 0 {
		levels += fmt.Sprintf(", your manager says %d", r.ManagerLevel)
	}
	levels += " · " + kit.GapFigure(r)
	facts := widget.NewLabel(levels)
	facts.SizeName = theme.SizeNameCaptionText
	facts.Wrapping = fyne.TextWrapWord
	edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() {
		openRequirementEditor(pg.s, r, func(model.Requirement) { pg.s.Reload() })
	})
	edit.Importance = widget.LowImportance
	box := container.NewVBox(container.NewBorder(nil, nil, nil, edit, title), facts)
	if r.ViewsDiffer() {
		flag := widget.NewLabel(fmt.Sprintf("Your view (%d) and your manager's (%d) differ by %d: a conversation to have.",
			r.CurrentLevel, r.ManagerLevel, abs(r.CurrentLevel-r.ManagerLevel)))
		flag.Importance = widget.WarningImportance
		flag.Wrapping = fyne.TextWrapWord
		box.Add(flag)
	}
	if names := pg.advisorNames(r); names != "" {
		box.Add(widget.NewLabel("Ask " + names))
	}
	if r.Evidence != "" {
		ev := widget.NewLabel("Evidence: " + r.Evidence)
		ev.Wrapping = fyne.TextWrapWord
		box.Add(ev)
	}
	for _, a := range pg.actions[r.ID] {
		box.Add(newActionRow(pg, a))
	}
	addStep := widget.NewButtonWithIcon("Add action…", theme.ContentAddIcon(), func() {
		openActionEditor(pg.s, model.Action{RequirementID: r.ID, Kind: model.ActionCourse, Status: model.ActionPlanned},
			func(model.Action) { pg.s.Reload() })
	})
	addStep.Importance = widget.LowImportance
	box.Add(container.NewHBox(addStep))
	bg := kit.NewThemedRect(theme.ColorNameInputBackground) // follows a theme switch
	return container.NewPadded(container.NewStack(bg, container.NewPadded(box)))
}

// advisorNames lists the people to ask about r: "Ingrid Halvorsen and
// Daniel Okafor".
func (pg *rolePage) advisorNames(r model.Requirement) string {
	var names []string
	for _, id := range r.AdvisorIDs {
		if p, ok := pg.people[id]; ok {
			names = append(names, p.Name)
		}
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// newActionRow is one action of a requirement, with Done (or, once done,
// the evidence switch) and a button to edit it.
func newActionRow(pg *rolePage, a model.Action) fyne.CanvasObject {
	status := a.Status.Label()
	switch {
	case a.Status == model.ActionDone && !a.DoneOn.IsZero():
		status = "Done " + kit.DayText(a.DoneOn)
	case !a.DueOn.IsZero():
		status += " · due " + model.DueWords(a.DueOn, pg.s.now())
	}
	label := widget.NewLabel(a.Title)
	label.Wrapping = fyne.TextWrapWord
	if a.Status == model.ActionDropped {
		label.Importance = widget.LowImportance
	}
	sub := widget.NewLabel(a.Kind.Label() + " · " + status)
	sub.SizeName = theme.SizeNameCaptionText
	edit := widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), func() {
		openActionEditor(pg.s, a, func(model.Action) { pg.s.Reload() })
	})
	edit.Importance = widget.LowImportance
	right := container.NewHBox()
	switch a.Status {
	case model.ActionDone:
		evidence := widget.NewCheck("Evidence", func(on bool) { pg.setEvidence(a, on) })
		evidence.Checked = a.Evidence
		right.Add(evidence)
	case model.ActionDropped:
	default:
		done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() { pg.markDone(a) })
		done.Importance = widget.LowImportance
		right.Add(done)
	}
	right.Add(edit)
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	icon := kit.NewThemedIcon(actionIcon(a.Status))
	return container.NewBorder(nil, nil, icon, right, container.New(tight, label, sub))
}

// actionIcon shows an action's status at a glance.
func actionIcon(s model.ActionStatus) fyne.ThemeIconName {
	switch s {
	case model.ActionDone:
		return theme.IconNameCheckButtonChecked
	case model.ActionDropped:
		return theme.IconNameCancel
	case model.ActionInProgress:
		return theme.IconNameMediaPlay
	}
	return theme.IconNameCheckButton
}

// markDone marks an action done today.
func (pg *rolePage) markDone(a model.Action) {
	s := pg.s
	a.Status, a.DoneOn = model.ActionDone, model.Day(s.now())
	if err := s.store.UpdateAction(context.Background(), &a); err != nil {
		s.nav.ShowError("Could not save the action", err)
		return
	}
	s.nav.Toast("Done: "+a.Title+". Tick Evidence to offer it as evidence for the requirement.", nil)
	s.Reload()
}

// setEvidence offers a done action as evidence, or takes it back.
func (pg *rolePage) setEvidence(a model.Action, on bool) {
	a.Evidence = on
	if err := pg.s.store.UpdateAction(context.Background(), &a); err != nil {
		pg.s.nav.ShowError("Could not save the action", err)
	}
	pg.s.Reload()
}

// abs is n without its sign.
func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
