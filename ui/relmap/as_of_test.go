package relmap

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
	"rapport/ui/netmap"
)

// asOfNav is the map's navigator in this test: it records errors only.
type asOfNav struct {
	Navigator
	win    fyne.Window
	errors []error
}

func (n *asOfNav) ShowError(_ string, err error) { n.errors = append(n.errors, err) }
func (n *asOfNav) Window() fyne.Window           { return n.win }

// TestMapAsOfShowsTheNetworkAsItWas: Dana, added three months ago a
// skeptic with influence 2, became a champion with influence 5 last week;
// Cleo was added yesterday. As of a month ago the map draws Dana a
// skeptic the size of influence 2, and leaves Cleo out; back to today it
// draws them as they are.
func TestMapAsOfShowsTheNetworkAsItWas(t *testing.T) {
	ctx := t.Context()
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	at := now.AddDate(0, -3, 0)
	st := storetest.Open(t, func() time.Time { return at })
	dana := storetest.Person(t, st, "Dana Reyes", storetest.Standing(model.StanceSkeptic, 2))
	at = now.AddDate(0, 0, -7)
	dana.Stance, dana.Influence = model.StanceChampion, 5
	if err := st.UpdatePerson(ctx, &dana); err != nil {
		t.Fatal(err)
	}
	at = now.AddDate(0, 0, -1)
	cleo := storetest.Person(t, st, "Cleo Marsh")
	at = now

	kittest.NewApp(t)
	nav := &asOfNav{}
	s := New(st, nav, func() time.Time { return now })
	root := s.Content()
	nav.win = test.NewTempWindow(t, root)
	nodes := func() map[int64]netmap.Node {
		out := map[int64]netmap.Node{}
		for _, n := range s.view.Layout().Nodes {
			out[n.ID] = n
		}
		return out
	}
	if n := nodes(); n[dana.ID].Shape != stanceShape(model.StanceChampion) || n[dana.ID].Size != 5 || n[cleo.ID].ID == 0 {
		t.Fatalf("today: Dana %+v, Cleo %+v; want Dana a champion of influence 5, and Cleo", n[dana.ID], n[cleo.ID])
	}
	s.asOf.SetSelected("As of a month ago")
	n := nodes()
	if n[dana.ID].Shape != stanceShape(model.StanceSkeptic) || n[dana.ID].Size != 2 {
		t.Errorf("a month ago Dana is drawn %+v, want a skeptic of influence 2", n[dana.ID])
	}
	if _, ok := n[cleo.ID]; ok {
		t.Error("a month ago Cleo, added yesterday, is on the map")
	}
	s.asOf.SetSelected("As of today")
	if n := nodes(); n[dana.ID].Size != 5 || n[cleo.ID].ID == 0 {
		t.Errorf("back to today: Dana %+v, Cleo %+v", n[dana.ID], n[cleo.ID])
	}
	if len(nav.errors) > 0 {
		t.Errorf("errors: %v", nav.errors)
	}
}
