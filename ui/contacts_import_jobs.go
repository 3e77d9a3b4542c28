package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// jobChangeLabel is the line of a re-import's preview that says a person
// changed jobs ("Ngozi Eze: now Director at Fabrikam, was Lead at
// Northwind"), or nil when the file gives them no new role.
func jobChangeLabel(m model.ImportMatch) fyne.CanvasObject {
	if !m.Job.Changed() {
		return nil
	}
	l := widget.NewLabel(kit.Isolate(m.Existing) + ": " + m.Job.Text() + ". A merge takes the new role and keeps the old one in their history.")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.HighImportance
	return l
}

// jobChangesSummary is what the preview's summary adds about job changes
// (" 2 of them changed jobs."), "" when nobody did.
func jobChangesSummary(matches []model.ImportMatch) string {
	n := 0
	for _, m := range matches {
		if m.Job.Changed() {
			n++
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return " One of them changed jobs."
	}
	return fmt.Sprintf(" %d of them changed jobs.", n)
}
