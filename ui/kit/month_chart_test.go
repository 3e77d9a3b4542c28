package kit_test

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// TestMonthChartLabelsAreQuietNotFaint: the month names under the bars and
// the guide labels are drawn in the quiet colour, which reads at 4.5:1,
// not in the disabled colour (1.3:1 on white), and follow a theme switch.
func TestMonthChartLabelsAreQuietNotFaint(t *testing.T) {
	kittest.NewApp(t)
	c := kit.NewMonthChart(kit.RateGuides)
	c.SetBars([]kit.MonthBar{{Month: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), Share: 0.5, Text: "50%"},
		{Month: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Empty: true}})
	w := test.NewWindow(c)
	w.Resize(fyne.NewSize(300, 200))
	t.Cleanup(w.Close)
	quiet := theme.Color(kit.ColorNameQuiet)
	labels := map[string]bool{"Oct": false, "N": false, "100%": false, "50%": false}
	for _, o := range test.WidgetRenderer(c).Objects() {
		text, ok := o.(*canvas.Text)
		if !ok {
			continue
		}
		if _, want := labels[text.Text]; want && text.Color == quiet {
			labels[text.Text] = true
		}
	}
	for label, quietly := range labels {
		if !quietly {
			t.Errorf("label %q is not in the quiet colour", label)
		}
	}
}
