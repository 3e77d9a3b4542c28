package kit_test

import (
	"testing"

	"fyne.io/fyne/v2"

	"rapport/model"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

func TestInputsHoldWhatTheyWereGiven(t *testing.T) {
	kittest.NewApp(t)
	e := kit.Entry("Dana", "Full name")
	if e.Text != "Dana" || e.PlaceHolder != "Full name" || e.MultiLine {
		t.Errorf("Entry = %q / %q (multi-line %v), want Dana / Full name, one line", e.Text, e.PlaceHolder, e.MultiLine)
	}
	m := kit.MultiLine("notes", "Private", 3)
	if m.Text != "notes" || m.PlaceHolder != "Private" || !m.MultiLine || m.Wrapping != fyne.TextWrapWord {
		t.Errorf("MultiLine = %q / %q (multi-line %v, wrapping %v), want notes / Private, wrapping words",
			m.Text, m.PlaceHolder, m.MultiLine, m.Wrapping)
	}
	c := kit.Choice(model.Stances(), model.StanceChampion)
	if got, want := c.Selected, model.StanceChampion.Label(); got != want {
		t.Errorf("Choice selected %q, want %q", got, want)
	}
	if got, want := len(c.Options), len(model.Stances()); got != want {
		t.Errorf("Choice offers %d options, want %d", got, want)
	}
}
