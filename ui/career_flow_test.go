package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// TestAdvisorChosenOnTheCareerPlanOnTheRealStore: a requirement added on
// the Career plan with Ingrid to ask about it shows on Ingrid's page (the
// shell's OpenPerson) and in the agenda drafted for a coffee with her.
// The form is found on top of the window through the canvas overlays.
func TestAdvisorChosenOnTheCareerPlanOnTheRealStore(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	ingrid := storetest.Person(t, st, "Ingrid Halvorsen", func(p *model.Person) { p.Title, p.Team = "Director", "Platform" })
	storetest.Role(t, st, model.Role{Title: "Engineering Manager", Focus: true})
	w := newTestWindow(t, st)
	w.show(screenCareer)

	test.Tap(kittest.MustButton(t, w.content, "Add requirement…"))
	form := kittest.TopDialog(w.win)
	if !kittest.Shows(form, "New requirement") {
		t.Fatalf("the dialog on top shows %q, want the requirement form", kittest.Texts(form))
	}
	kittest.Entry(form, "Stakeholder management; led hiring end to end; a talk at a conference").SetText("Stakeholder management")
	var levels []*widget.Select // kind, target, current, manager, importance
	kittest.Walk(form, func(o fyne.CanvasObject) bool {
		if s, ok := kittest.AsSelect(o); ok {
			levels = append(levels, s)
		}
		return true
	})
	levels[2].SetSelected("1")
	advisor := kittest.PickerEntry(form, "Type a name: who is best placed to advise on this?")
	test.Type(advisor, "Ingrid Halv")
	if !kittest.TapSuggestion(form, kit.PersonLabel(ingrid)) {
		t.Fatalf("typing Ingrid Halv offers no %q", kit.PersonLabel(ingrid))
	}
	test.Tap(kittest.MustButton(t, form, "Add"))
	if kittest.TopDialog(w.win) != nil {
		t.Fatalf("the requirement was refused: %q", kittest.Texts(form))
	}
	if !kittest.Shows(w.content, "Ask Ingrid Halvorsen") {
		t.Fatal("the Career plan does not say to ask Ingrid")
	}

	w.OpenPerson(ingrid.ID)
	if !kittest.Shows(w.content, "Stakeholder management") {
		t.Errorf("Ingrid's page does not say to ask her about Stakeholder management, as the user wrote it: %q", kittest.Texts(w.content))
	}
	agenda, err := w.DraftAgenda(model.Meeting{PersonID: ingrid.ID, Kind: model.MeetingCoffee})
	if err != nil || !strings.Contains(agenda, "Stakeholder management") {
		t.Errorf("agenda for Ingrid = %q (%v), want the gap she advises on", agenda, err)
	}
}
