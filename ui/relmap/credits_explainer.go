package relmap

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// showCreditsExplainer answers "How is this computed?": the rules of
// credits, warmth, whom to reach out to and the risks in plain sentences,
// and the table of what each kind of contact and promise outcome is worth.
func showCreditsExplainer(win fyne.Window) {
	rules := model.DefaultCredits
	body := container.NewVBox()
	for _, para := range strings.Split(rules.Explain(), "\n\n") {
		body.Add(kit.Wrapped(para))
	}
	body.Add(kit.CardHeading("What each is worth, in credits"))
	table := container.New(layout.NewFormLayout())
	for _, row := range rules.Table() {
		points := widget.NewLabelWithStyle(signedCredits(row.Points), fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
		if row.Points < 0 {
			points.Importance = widget.DangerImportance
		}
		table.Add(points)
		table.Add(widget.NewLabel(row.What))
	}
	body.Add(table)
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(600, 480))
	dialog.ShowCustom("How is this computed?", "Close", scroll, win)
}

// signedCredits is a weight with its sign: "+8", "−2", "0".
func signedCredits(v float64) string {
	s := strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), "-", "−", 1)
	if v > 0 {
		return "+" + s
	}
	return s
}
