package career

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// noTarget is the target drop-down's choice for no target stance.
const noTarget = "No target"

// targetRow is the stance the user is working toward with a panel member,
// chosen in a drop-down, and where they stand against it ("Neutral,
// aiming for Champion (2 steps to go)").
func (ps *panelSection) targetRow(m model.PanelStanding) fyne.CanvasObject {
	options := append([]string{noTarget}, model.Labels(model.TargetStances())...)
	sel := kit.NewSelect(options, nil)
	sel.SetSelected(noTarget)
	if m.Target != "" {
		sel.SetSelected(m.Target.Label())
	}
	sel.OnChanged = func(label string) { ps.setTarget(m, label) }
	if !ps.pg.role.ArchivedAt.IsZero() {
		sel.Disable()
	}
	gap := widget.NewLabel(model.StanceGap(m.Person.Stance, m.Target))
	gap.SizeName = theme.SizeNameCaptionText
	if m.Target != "" && m.Target != m.Person.Stance {
		gap.Importance = widget.HighImportance
	}
	aim := widget.NewLabel("Target stance")
	aim.SizeName = theme.SizeNameCaptionText
	return container.NewHBox(aim, sel, gap)
}

// setTarget stores the target stance chosen for m (label, or noTarget).
func (ps *panelSection) setTarget(m model.PanelStanding, label string) {
	s := ps.pg.s
	var target model.Stance
	if label != noTarget {
		target, _ = model.FromLabel(model.TargetStances(), label)
	}
	if target == m.Target {
		return
	}
	if err := s.store.SetPanelTarget(context.Background(), ps.pg.role.ID, m.Person.ID, target); err != nil {
		s.nav.ShowError("Could not set the target stance", err)
		return
	}
	s.Reload()
}
