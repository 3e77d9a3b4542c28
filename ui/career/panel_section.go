package career

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// panelSection is a role's promotion panel: who decides and who
// influences the decision, where each stands and is it warm, the next step
// with each, and the risks (support resting on one person, possible
// blockers).
type panelSection struct {
	pg   *rolePage
	who  *kit.PersonPicker
	part *kit.Select
}

// newPanelSection is the panel of the role on pg.
func newPanelSection(pg *rolePage) fyne.CanvasObject {
	ps := &panelSection{pg: pg}
	box := container.NewVBox(kit.CardHeading("Promotion panel"))
	intro := "Who will decide, and who influences the decision, for this role."
	if !pg.role.Focus {
		intro += " It matters most for the role you focus on now."
	}
	box.Add(kit.Quiet(intro))
	r := pg.panel
	if r.Total > 0 {
		summary := widget.NewLabel(r.Summary)
		summary.Wrapping = fyne.TextWrapWord
		summary.TextStyle.Bold = true
		box.Add(summary)
	}
	if r.SingleChampion {
		risk := widget.NewLabel("All your support rests on one person: if they move on or change their mind, nobody speaks for you. Win over a second backer.")
		risk.Wrapping = fyne.TextWrapWord
		risk.Importance = widget.WarningImportance
		box.Add(risk)
	}
	for _, m := range r.Members {
		box.Add(ps.memberRow(m))
	}
	box.Add(ps.adder())
	return box
}

// adder is the field to put someone on the panel, with the part they take.
func (ps *panelSection) adder() fyne.CanvasObject {
	ps.who = kit.NewPersonPicker(ps.pg.active, "Add someone: type a name")
	ps.who.Entry.OnSubmitted = func(string) { ps.addMember() }
	ps.part = kit.Choice(model.PanelParts(), model.PanelDecides)
	add := widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), ps.addMember)
	if !ps.pg.role.ArchivedAt.IsZero() {
		ps.who.Entry.Disable()
		add.Disable()
	}
	row := container.NewBorder(nil, nil, nil, container.NewHBox(ps.part, add), ps.who.Entry)
	box := container.NewVBox(row, ps.who.List)
	ps.who.Relayout = box.Refresh
	return box
}

// memberRow is one member: stance, name (opening their page), part,
// status and warmth, the next step, and a button to take them off.
func (ps *panelSection) memberRow(m model.PanelStanding) fyne.CanvasObject {
	nav := ps.pg.s.nav
	name := widget.NewHyperlink(m.Person.Name, nil)
	name.OnTapped = func() { nav.OpenPerson(m.Person.ID) }
	status := widget.NewLabel(fmt.Sprintf("%s · %s · warmth %d", m.Part.Label(), m.Status.Label(), m.Warmth))
	status.SizeName = theme.SizeNameCaptionText
	step := widget.NewLabel(m.NextStep)
	step.Wrapping = fyne.TextWrapWord
	step.SizeName = theme.SizeNameCaptionText
	if m.Status == model.PanelMayBlock {
		step.Importance = widget.WarningImportance
	}
	remove := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { ps.removeMember(m) })
	remove.Importance = widget.LowImportance
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	head := container.NewHBox(kit.StanceBadge(m.Person.Stance), name, status)
	return container.NewBorder(nil, nil, nil, remove, container.New(tight, head, step, ps.targetRow(m)))
}

// addMember puts the person typed on the panel with the part chosen.
func (ps *panelSection) addMember() {
	s := ps.pg.s
	picked, problem := ps.who.Resolve()
	if picked.ID == 0 {
		s.nav.Toast(kit.CapitalFirst(kit.PersonProblem("a name", problem))+".", nil)
		return
	}
	part, _ := model.FromLabel(model.PanelParts(), ps.part.Selected)
	m := model.PanelMember{RoleID: ps.pg.role.ID, PersonID: picked.ID, Part: part}
	if err := s.store.SetPanelMember(context.Background(), m); err != nil {
		s.nav.ShowError("Could not add to the panel", err)
		return
	}
	s.Reload()
}

// removeMember takes someone off the panel, with Undo.
func (ps *panelSection) removeMember(m model.PanelStanding) {
	s := ps.pg.s
	roleID := ps.pg.role.ID
	if err := s.store.RemovePanelMember(context.Background(), roleID, m.Person.ID); err != nil {
		s.nav.ShowError("Could not take them off the panel", err)
		return
	}
	s.Reload()
	s.nav.Toast(kit.Isolate(m.Person.Name)+" is off the panel.", func() {
		if err := s.store.SetPanelMember(context.Background(), model.PanelMember{RoleID: roleID, PersonID: m.Person.ID, Part: m.Part, Target: m.Target}); err != nil {
			s.nav.ShowError("Could not put them back", err)
		}
		s.Reload()
	})
}
