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

// gapTrendMonths is how many months the progress chart shows.
const gapTrendMonths = 6

// rolePage is one target role: why it, the gaps as a picture and as a
// list with their actions and advisors, how the gaps closed month by
// month, the promotion panel, and the printable summary. It keeps its
// widgets so tests can tap them.
type rolePage struct {
	s       *careerScreen
	role    model.Role
	reqs    []model.Requirement // in order: gaps largest first, then those met
	actions map[int64][]model.Action
	people  map[int64]model.Person // advisors and panel members
	panel   model.PanelReadiness
	trend   []model.GapPoint
	active  []model.PersonSummary // whom the panel can take

	edit      *widget.Button
	focus     *widget.Button
	archive   *widget.Button
	restore   *widget.Button
	addReq    *widget.Button
	exportMD  *widget.Button
	exportWeb *widget.Button
	cards     map[int64]*requirementCard
	panelView *panelSection
	root      fyne.CanvasObject
}

// newRolePage reads the page of the role with the given ID in one call
// and builds it.
func newRolePage(s *careerScreen, id int64) (*rolePage, error) {
	w := s.w
	data, err := w.store.RolePage(context.Background(), id, w.now())
	if err != nil {
		return nil, err
	}
	role, all := data.Role, data.Requirements
	pg := &rolePage{s: s, role: role, actions: data.Actions, people: data.Advisors,
		panel: data.Panel, active: data.Candidates, cards: map[int64]*requirementCard{}}
	pg.reqs = model.RankGaps(all)
	for _, r := range all {
		if r.Gap() == 0 {
			pg.reqs = append(pg.reqs, r)
		}
	}
	pg.trend = model.GapTrend(all, data.History, data.Now, gapTrendMonths)

	title := widget.NewLabelWithStyle(role.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	title.Wrapping = fyne.TextWrapWord
	sub := widget.NewLabel(pg.subtitle())
	sub.Wrapping = fyne.TextWrapWord

	pg.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		openRoleEditor(w, pg.role, func(model.Role) { s.reload() })
	})
	pg.focus = widget.NewButtonWithIcon("Make it my focus", theme.ConfirmIcon(), pg.makeFocus)
	pg.archive = widget.NewButtonWithIcon("Archive", theme.DeleteIcon(), func() { pg.setArchived(true) })
	pg.restore = widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), func() { pg.setArchived(false) })
	pg.exportMD = widget.NewButtonWithIcon("Markdown…", theme.DocumentSaveIcon(), func() { pg.saveSummary("md") })
	pg.exportWeb = widget.NewButtonWithIcon("Page to print…", theme.DocumentPrintIcon(), func() { pg.saveSummary("html") })
	actions := container.NewHBox(pg.edit)
	if !role.ArchivedAt.IsZero() {
		actions.Add(pg.restore)
	} else {
		if !role.Focus {
			actions.Add(pg.focus)
		}
		actions.Add(pg.archive)
	}

	pg.addReq = widget.NewButtonWithIcon("Add requirement…", theme.ContentAddIcon(), func() {
		openRequirementEditor(w, model.Requirement{RoleID: id, Kind: model.RequirementSkill, TargetLevel: 4,
			Importance: 3}, func(model.Requirement) { s.reload() })
	})
	gapList := container.NewVBox()
	shownMet := false
	for _, r := range pg.reqs {
		if r.Gap() == 0 && !shownMet {
			gapList.Add(kit.Subheading("Met"))
			shownMet = true
		}
		card := newRequirementCard(pg, r)
		pg.cards[r.ID] = card
		gapList.Add(card.root)
	}
	if len(pg.reqs) == 0 {
		gapList.Add(kit.Quiet("No requirements yet. Add what the role asks for (skills, experience, visibility, certifications, relationships), the level it needs and where you stand."))
	}

	pg.panelView = newPanelSection(pg)
	body := container.NewVBox(title, sub, actions,
		widget.NewSeparator(), kit.CardHeading("Gaps, largest first"), pg.gapPicture(),
		container.NewHBox(pg.addReq), gapList,
		widget.NewSeparator(), kit.CardHeading("Progress"), kit.Quiet(pg.trendText()), pg.trendChart(),
		widget.NewSeparator(), pg.panelView.root,
		widget.NewSeparator(), kit.CardHeading("One-page summary for a conversation with your manager"),
		kit.Quiet("The role, the gaps with their actions and evidence, and the panel's readiness. Nothing from your notes on people."),
		container.NewHBox(pg.exportMD, pg.exportWeb))
	pg.root = container.NewVScroll(container.NewPadded(body))
	return pg, nil
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
	grid := container.New(layout.NewFormLayout())
	for _, r := range pg.reqs {
		name := widget.NewLabel(r.Title)
		name.Truncation = fyne.TextTruncateEllipsis
		bar := kit.NewLevelBar(r.CurrentLevel, r.TargetLevel, r.ManagerLevel)
		figure := widget.NewLabel(gapFigure(r))
		figure.SizeName = theme.SizeNameCaptionText
		grid.Add(container.New(&kit.FixedWidth{Width: 260}, name))
		grid.Add(container.NewHBox(bar, figure))
	}
	legend := kit.Quiet("Filled: where you are · outlined: what the role asks · tick: your manager's view")
	return container.NewVBox(grid, legend)
}

// gapFigure says a requirement's gap in numbers: "gap 2 × importance 5".
func gapFigure(r model.Requirement) string {
	if r.Gap() == 0 {
		return "met"
	}
	return fmt.Sprintf("gap %d × importance %d = %d", r.Gap(), r.Importance, r.WeightedGap())
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
	if err := pg.s.w.store.SetFocusRole(context.Background(), pg.role.ID); err != nil {
		pg.s.w.showError("Could not change the focus", err)
		return
	}
	pg.s.reload()
}

// setArchived archives the role (course-correcting keeps its history), or
// restores it, with Undo.
func (pg *rolePage) setArchived(on bool) {
	w := pg.s.w
	r := pg.role
	if on {
		r.ArchivedAt, r.Focus = w.now(), false
	} else {
		r.ArchivedAt = time.Time{}
	}
	if err := w.store.UpdateRole(context.Background(), &r); err != nil {
		w.showError("Could not save the role", err)
		return
	}
	before := pg.role
	if on {
		w.toast.show(r.Title+" archived, with its gaps, actions and history.", func() {
			if err := w.store.UpdateRole(context.Background(), &before); err != nil {
				w.showError("Could not restore the role", err)
			}
			pg.s.reload()
		})
	}
	pg.s.selectedID = 0
	pg.s.reload()
}

// requirementCard is one requirement in the list: its levels and gap, the
// two views when they differ, whom to ask, the evidence and the actions.
type requirementCard struct {
	req     model.Requirement
	edit    *widget.Button
	addStep *widget.Button
	steps   []*actionRow
	root    fyne.CanvasObject
}

// actionRow is one action of a requirement, with Done and the evidence
// switch.
type actionRow struct {
	action   model.Action
	done     *widget.Button
	evidence *widget.Check
	edit     *widget.Button
	root     fyne.CanvasObject
}

func newRequirementCard(pg *rolePage, r model.Requirement) *requirementCard {
	w := pg.s.w
	c := &requirementCard{req: r}
	title := widget.NewLabelWithStyle(r.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	levels := fmt.Sprintf("%s · now %d, target %d", r.Kind.Label(), r.CurrentLevel, r.TargetLevel)
	if r.ManagerLevel > 0 {
		levels += fmt.Sprintf(", your manager says %d", r.ManagerLevel)
	}
	levels += " · " + gapFigure(r)
	facts := widget.NewLabel(levels)
	facts.SizeName = theme.SizeNameCaptionText
	facts.Wrapping = fyne.TextWrapWord
	c.edit = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() {
		openRequirementEditor(w, c.req, func(model.Requirement) { pg.s.reload() })
	})
	c.edit.Importance = widget.LowImportance
	box := container.NewVBox(container.NewBorder(nil, nil, nil, c.edit, title), facts)
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
		row := newActionRow(pg, a)
		c.steps = append(c.steps, row)
		box.Add(row.root)
	}
	c.addStep = widget.NewButtonWithIcon("Add action…", theme.ContentAddIcon(), func() {
		openActionEditor(w, model.Action{RequirementID: r.ID, Kind: model.ActionCourse, Status: model.ActionPlanned},
			func(model.Action) { pg.s.reload() })
	})
	c.addStep.Importance = widget.LowImportance
	box.Add(container.NewHBox(c.addStep))
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	c.root = container.NewPadded(container.NewStack(bg, container.NewPadded(box)))
	return c
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

func newActionRow(pg *rolePage, a model.Action) *actionRow {
	w := pg.s.w
	row := &actionRow{action: a}
	text := a.Title
	status := a.Status.Label()
	switch {
	case a.Status == model.ActionDone && !a.DoneOn.IsZero():
		status = "Done " + kit.DayText(a.DoneOn)
	case !a.DueOn.IsZero():
		status += " · due " + model.DueWords(a.DueOn, w.now())
	}
	label := widget.NewLabel(text)
	label.Wrapping = fyne.TextWrapWord
	if a.Status == model.ActionDropped {
		label.Importance = widget.LowImportance
	}
	sub := widget.NewLabel(a.Kind.Label() + " · " + status)
	sub.SizeName = theme.SizeNameCaptionText
	row.done = widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() { pg.markDone(a) })
	row.done.Importance = widget.LowImportance
	row.evidence = widget.NewCheck("Evidence", func(on bool) { pg.setEvidence(a, on) })
	row.evidence.Checked = a.Evidence
	row.edit = widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), func() {
		openActionEditor(w, a, func(model.Action) { pg.s.reload() })
	})
	row.edit.Importance = widget.LowImportance
	right := container.NewHBox()
	switch a.Status {
	case model.ActionDone:
		right.Add(row.evidence)
	case model.ActionDropped:
	default:
		right.Add(row.done)
	}
	right.Add(row.edit)
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	icon := widget.NewIcon(actionIcon(a.Status))
	row.root = container.NewBorder(nil, nil, icon, right, container.New(tight, label, sub))
	return row
}

// actionIcon shows an action's status at a glance.
func actionIcon(s model.ActionStatus) fyne.Resource {
	switch s {
	case model.ActionDone:
		return theme.CheckButtonCheckedIcon()
	case model.ActionDropped:
		return theme.CancelIcon()
	case model.ActionInProgress:
		return theme.MediaPlayIcon()
	}
	return theme.CheckButtonIcon()
}

// markDone marks an action done today.
func (pg *rolePage) markDone(a model.Action) {
	a.Status, a.DoneOn = model.ActionDone, model.Day(pg.s.w.now())
	if err := pg.s.w.store.UpdateAction(context.Background(), &a); err != nil {
		pg.s.w.showError("Could not save the action", err)
		return
	}
	pg.s.w.toast.show("Done: "+a.Title+". Tick Evidence to offer it as evidence for the requirement.", nil)
	pg.s.reload()
}

// setEvidence offers a done action as evidence, or takes it back.
func (pg *rolePage) setEvidence(a model.Action, on bool) {
	a.Evidence = on
	if err := pg.s.w.store.UpdateAction(context.Background(), &a); err != nil {
		pg.s.w.showError("Could not save the action", err)
	}
	pg.s.reload()
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
