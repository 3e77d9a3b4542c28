package relmap_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/model/sample"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
	"rapport/ui/netmap"
	"rapport/ui/relmap"
)

// sampleNow pins the sample network's today, so its warmth (and so the
// picture) is the same on every run.
var sampleNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// The app's frame around a screen: the sidebar and the menu bar, in the
// real window, so a test window of the screen alone at window size minus
// these gives the map the room it has in the app.
const (
	sidebarWidth = 220
	menuHeight   = 28
)

// sampleMap shows the map of the sample network (the one `rapport demo`
// writes) in a test window as large as the room the app gives the screen
// in a w×h window; it returns the map, the network and the screen.
func sampleMap(t *testing.T, w, h float32) (*netmap.Map, model.Network, fyne.CanvasObject) {
	t.Helper()
	kittest.NewApp(t)
	now := func() time.Time { return sampleNow }
	st := storetest.Open(t, now)
	if err := st.InsertNetwork(t.Context(), sample.Generate(sample.Options{Seed: storage.SampleSeed, Now: sampleNow})); err != nil {
		t.Fatal(err)
	}
	nav := &navigator{}
	s := relmap.New(st, nav, now)
	root := s.Content()
	win := test.NewTempWindow(t, root)
	win.Resize(fyne.NewSize(w-sidebarWidth, h-menuHeight))
	nav.win = win
	net, err := st.Network(t.Context(), sampleNow)
	if err != nil {
		t.Fatal(err)
	}
	return kittest.Find[*netmap.Map](root, nil), net, root
}

// mapLabels are the names the map shows.
func mapLabels(m *netmap.Map) []string {
	var out []string
	for _, o := range test.WidgetRenderer(m).Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
			out = append(out, tx.Text)
		}
	}
	return out
}

// unnamedInfluential are the people of influence 4–5 the map does not
// name, and how many there are in all.
func unnamedInfluential(m *netmap.Map, net model.Network) (missing []string, all int) {
	named := mapLabels(m)
	for _, p := range net.People {
		if p.Person.Influence < model.HighInfluence || p.Person.Archived() {
			continue
		}
		all++
		if !slices.Contains(named, p.Person.Name) {
			missing = append(missing, p.Person.Name)
		}
	}
	return missing, all
}

// At 1280×800 and larger the map of the sample network names every
// person of influence 4–5, with no two labels overlapping (the netmap
// tests check that on any map); the picture and the labels' places are
// kept as golden files at 1280×800.
func TestSampleMapNamesEveryInfluentialPerson(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}} {
		t.Run(fmt.Sprintf("%vx%v", size.Width, size.Height), func(t *testing.T) {
			m, net, _ := sampleMap(t, size.Width, size.Height)
			missing, all := unnamedInfluential(m, net)
			if all != 12 {
				t.Errorf("the sample has %d people of influence 4–5, want 12", all)
			}
			if len(missing) > 0 {
				t.Errorf("%d of %d people of influence 4–5 have no label: %v", len(missing), all, missing)
			}
			if size.Width == 1280 {
				test.AssertObjectRendersToMarkup(t, "map_sample_1280x800.xml", m)
				test.AssertObjectRendersToImage(t, "map_sample_1280x800.png", m)
			}
		})
	}
}

// At 1024×640 the room is short: the most influential are still named
// first, and most of them are.
func TestSampleMapNamesTheMostInfluentialWhenShortOfRoom(t *testing.T) {
	m, net, _ := sampleMap(t, 1024, 640)
	missing, all := unnamedInfluential(m, net)
	if len(missing) > all/4 {
		t.Errorf("%d of %d people of influence 4–5 have no label at 1024×640: %v", len(missing), all, missing)
	}
	t.Logf("%d of %d people of influence 4–5 named at 1024×640", all-len(missing), all)
}

// At 1024×640 the legend fits the card whole: no label is narrower than
// its text, and nothing is below the fold.
func TestLegendFitsASmallWindow(t *testing.T) {
	_, _, root := sampleMap(t, 1024, 640)
	scroll := kittest.Find(root, func(s *container.Scroll) bool {
		return s.Direction == container.ScrollVerticalOnly && kittest.Shows(s.Content, "Reading the map")
	})
	if scroll == nil {
		t.Fatal("no legend in a vertical scroll beside the map")
	}
	if got, room := scroll.Content.MinSize().Height, scroll.Size().Height; got > room {
		t.Errorf("the legend is %v tall in a card %v tall: its last rows are cut off", got, room)
	}
	kittest.Walk(scroll.Content, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Wrapping == fyne.TextWrapOff && l.Size().Width < l.MinSize().Width {
			t.Errorf("legend label %q is %v wide, narrower than its %v", l.Text, l.Size().Width, l.MinSize().Width)
		}
		return true
	})
}
