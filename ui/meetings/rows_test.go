package meetings_test

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
	"rapport/ui/meetings"
)

// rowLabels are the titles and details of the list's rows on show.
func rowLabels(root fyne.CanvasObject) []*kit.ShortLabel {
	var out []*kit.ShortLabel
	kittest.Walk(kittest.List(root), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*kit.ShortLabel); ok && l.Text != "" {
			out = append(out, l)
			return false
		}
		return true
	})
	return out
}

// TestRowsUseTheWidth checks a meeting's title and long details show
// whole in a wide window, are cut only in a narrow one, and then show
// whole on hover.
func TestRowsUseTheWidth(t *testing.T) {
	st, dana := seeded(t)
	m := model.Meeting{PersonID: dana.ID, Kind: model.MeetingOneOnOne, Start: testNow.AddDate(0, 0, 2),
		Location: "https://meet.example/platform-leadership-weekly-one-on-one-with-dana", Recurrence: model.RecurrenceWeekly, Duration: 30 * time.Minute}
	if err := st.CreateMeeting(t.Context(), &m); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		width   float32
		wantCut bool
	}{{1680, false}, {760, true}} {
		kittest.NewApp(t)
		s := meetings.New(st, &navigator{}, clock, nil)
		root := s.Content()
		w := test.NewWindow(root)
		w.Resize(fyne.NewSize(c.width, 700))
		labels := rowLabels(root)
		if len(labels) != 2 {
			t.Fatalf("at %v: %d row labels, want the title and the details", c.width, len(labels))
		}
		cut := false
		for _, l := range labels {
			if drawn := kittest.Drawn(l); l.Cut() != strings.HasSuffix(drawn, "…") {
				t.Errorf("at %v %q is drawn %q, but Cut says %v", c.width, l.Text, drawn, l.Cut())
			}
			if l.Cut() {
				cut = true
				l.MouseIn(nil)
				if got := kittest.Texts(root); !contains(got, l.Text) {
					t.Errorf("at %v: hovering the cut %q does not show it whole", c.width, l.Text)
				}
				l.MouseOut()
			}
		}
		if cut != c.wantCut {
			t.Errorf("at %v wide a row is cut: %v, want %v (%v of %v wide)", c.width, cut, c.wantCut,
				labels[1].Size().Width, labels[1].FullWidth())
		}
		w.Close()
	}
}

func contains(texts []string, s string) bool {
	n := 0
	for _, t := range texts {
		if t == s {
			n++
		}
	}
	return n >= 2 // the label itself, and the tip
}
