package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// TestFrameLogNeverLeaves: what the user shared about themselves appears
// in none of the texts meant for others: an agenda and invite, a draft
// to the manager, a team thank-you.
func TestFrameLogNeverLeaves(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	team := storetest.CreditTeam(t, st, testNow)
	for _, p := range []model.Person{team.Boss, team.Aisha, team.Kenji} {
		d := model.Disclosure{PersonID: p.ID, Topic: "SECRET-TOPIC interviewing elsewhere", Sensitivity: model.SensitivityHigh,
			SharedOn: model.Day(testNow), Notes: "SECRET-NOTES"}
		if err := st.CreateDisclosure(t.Context(), &d); err != nil {
			t.Fatal(err)
		}
	}
	w := newTestWindow(t, st)
	var texts []string
	agenda, err := w.DraftAgenda(model.Meeting{PersonID: team.Aisha.ID, Kind: model.MeetingCoffee})
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, agenda)
	w.show(screenCredit)
	draft := func(b *widget.Button) string {
		test.Tap(b)
		d := kittest.TopDialog(w.win)
		text := kittest.FindEntry(d, nil).Text
		test.Tap(kittest.MustButton(t, d, "Close"))
		return text
	}
	texts = append(texts, draft(kittest.MustButton(t, w.content, "Draft a note to your manager…")))
	texts = append(texts, draft(kittest.ButtonBeside(w.content, "Platform", "Team thank-you…")))
	for _, text := range texts {
		if !strings.Contains(text, "Aisha") {
			t.Errorf("a text meant for others does not name Aisha, so proves nothing:\n%s", text)
		}
		if strings.Contains(text, "SECRET") {
			t.Errorf("a text meant for others carries the frame log:\n%s", text)
		}
	}
}
