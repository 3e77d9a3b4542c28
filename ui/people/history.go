package people

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// historyShown is how many changes of stance the page lists before
// "and N earlier".
const historyShown = 8

// badgeWidth is the width of the history's stance badges, the widest
// stance's ("Supporter").
const badgeWidth = 96

// historySection is how the person's stance and influence moved, and the
// roles a contacts import found them leave, newest first, each with its
// day and cause.
func historySection(data model.PersonPage) fyne.CanvasObject {
	box := container.NewVBox(widget.NewSeparator(), kit.CardHeading("Stance and influence over time"))
	steps := model.StanceSteps(data.StanceHistory)
	if len(steps) == 0 {
		box.Add(kit.Quiet("Nothing kept yet: each change of stance or influence is kept here with its day and what caused it."))
	}
	for i, c := range steps {
		if i == historyShown {
			box.Add(kit.Quiet(fmt.Sprintf("and %d earlier", len(steps)-historyShown)))
			break
		}
		box.Add(stanceStepRow(c, i == 0))
	}
	for i := len(data.RoleHistory) - 1; i >= 0; i-- {
		box.Add(roleChangeRow(data.RoleHistory[i]))
	}
	return box
}

// stanceStepRow is one change: "Supporter · influence 4 ●●●●○", then
// "since 20 Nov 2026 · weekly review".
func stanceStepRow(c model.StanceChange, latest bool) fyne.CanvasObject {
	what := widget.NewLabel(fmt.Sprintf("influence %d %s", c.Influence, kit.InfluenceDots(c.Influence)))
	when := "from " + historyDay(c.At)
	if latest {
		when = "since " + historyDay(c.At)
	}
	sub := kit.QuietText(when+" · "+c.Cause.Label(), theme.SizeNameCaptionText)
	sub.Wrapping = fyne.TextWrapOff // one short line: as wide as it reads
	badge := kit.StanceBadge(c.Stance)
	// Every badge as wide, so that the influences line up.
	column := container.New(layout.NewGridWrapLayout(fyne.NewSize(badgeWidth, what.MinSize().Height)), badge)
	return container.NewHBox(column, what, sub)
}

// roleChangeRow is a job change: "Was Lead at Northwind, now Director at
// Fabrikam · 7 Dec 2026 · contacts import".
func roleChangeRow(c model.RoleChange) fyne.CanvasObject {
	l := widget.NewLabel("Role: " + c.Job().Text() + " · " + historyDay(c.At) + " · " + c.Cause.Label())
	l.Wrapping = fyne.TextWrapWord
	return l
}

// historyDay is a day of the history as the page shows it: "20 Nov 2026".
func historyDay(t time.Time) string { return t.Local().Format("2 Jan 2006") }
