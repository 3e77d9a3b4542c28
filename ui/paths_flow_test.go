package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/kit/kittest"
)

// TestAskIntroductionLogsTheAskAndThePromise checks "Ask for an
// introduction" opens the Log form drafted as an ask to Daniel, with the
// promise he owes the user; logging it writes both; and with the promise
// row emptied (he did not agree) it writes the ask alone.
func TestAskIntroductionLogsTheAskAndThePromise(t *testing.T) {
	tests := []struct {
		name     string
		keep     bool
		promises []string
	}{{"he agreed", true, []string{"introduce me to Nadia Haddad"}}, {"he did not", false, nil}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := peopleStore(t, person("Nadia Haddad", "CEO", "Leadership"), person("Daniel Okafor", "EM", "Platform"))
			nadia, daniel := storedPeople(t, st)[1].Person, storedPeople(t, st)[0].Person
			if nadia.Name != "Nadia Haddad" {
				nadia, daniel = daniel, nadia
			}
			w := newTestWindow(t, st)
			e := w.askIntroduction(daniel, nadia)
			form := topDialog(t, w)
			if !kittest.Shows(form, "Log interaction with Daniel Okafor") ||
				e.Summary.Text != "Asked Daniel for an introduction to Nadia" ||
				e.Kind.Selected != model.KindAsk.Label() {
				t.Fatalf("form shows %q, summary %q, kind %q", kittest.Texts(form), e.Summary.Text, e.Kind.Selected)
			}
			row := e.Promises()[0]
			if row.What.Text != "introduce me to Nadia Haddad" || row.Direction.Selected != "Daniel owes me" {
				t.Fatalf("promise row %q, %q; want Daniel owing the introduction", row.What.Text, row.Direction.Selected)
			}
			if !tt.keep {
				row.What.SetText("")
			}
			test.Tap(kittest.MustButton(t, form, "Log"))
			got := interactionsWith(t, st, daniel.ID)
			if len(got) != 1 || got[0].Kind != model.KindAsk || got[0].Summary != e.Summary.Text {
				t.Fatalf("interactions with Daniel %+v, want the ask", got)
			}
			var whats []string
			for _, p := range storedPromises(t, st) {
				if p.PersonID != daniel.ID || p.Direction != model.DirectionTheirs {
					t.Errorf("promise %+v: want one Daniel owes", p)
				}
				whats = append(whats, p.What)
			}
			if !slices.Equal(whats, tt.promises) {
				t.Errorf("promises %q, want %q", whats, tt.promises)
			}
		})
	}
}
