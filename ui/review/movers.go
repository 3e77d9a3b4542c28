package review

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// moversBox lists who moved since last week: each person whose stance or
// influence changed in the week, with how ("Dana Reyes ↑ Neutral →
// Supporter, influence 3 → 4"), toward the user marked ↑ and away ↓.
func (r *Review) moversBox() fyne.CanvasObject {
	box := container.NewVBox(kit.Subheading("Who moved since last week"))
	if len(r.read.Moved) == 0 {
		box.Add(kit.Quiet("Nobody's stance or influence changed this week."))
		return box
	}
	for _, m := range r.read.Moved {
		box.Add(widget.NewLabel(MoverText(m, r.read.People[m.PersonID])))
	}
	return box
}

// MoverText is one line of who moved: "Dana Reyes ↑ Neutral → Supporter,
// influence 3 → 4".
func MoverText(m model.StanceMove, p model.Person) string {
	arrow := "↓"
	if m.Warmer() {
		arrow = "↑"
	}
	return kit.Isolate(p.Name) + " " + arrow + " " + m.Text()
}
