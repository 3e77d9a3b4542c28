package today_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
	"rapport/ui/today"
)

// thinReach is a store where Nadia Haddad (influence 5) is reached only
// through Daniel Okafor, whom the user had coffee with yesterday.
func thinReach(t *testing.T) (*storage.Store, model.Person) {
	t.Helper()
	st := storetest.Open(t, clock)
	nadia := storetest.Person(t, st, "Nadia Haddad", storetest.Standing(model.StanceUnknown, 5))
	daniel := storetest.Person(t, st, "Daniel Okafor", storetest.Standing(model.StanceSupporter, 3))
	if err := st.CreateTie(t.Context(), &model.Tie{FromID: daniel.ID, ToID: nadia.ID, Kind: model.TieReportsTo}); err != nil {
		t.Fatal(err)
	}
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -1), daniel.ID)
	return st, nadia
}

// TestTodayShowsWhereReachIsThin checks Today lists, under its own
// heading, an influential person reached through one person only, with
// the next step, and Open goes to them.
func TestTodayShowsWhereReachIsThin(t *testing.T) {
	st, nadia := thinReach(t)
	// Cooling, but not cold long enough for Today's other risks to name her.
	storetest.Interaction(t, st, model.KindMessage, testNow.AddDate(0, 0, -80), nadia.ID)
	_, nav, content := show(t, st)
	want := "You reach Nadia Haddad (influence 5) only through Daniel Okafor: " +
		"ask Daniel to introduce you to Nadia while the way is open"
	for _, w := range []string{"Where your reach is thin", want} {
		if !kittest.Shows(content, w) {
			t.Fatalf("Today does not show %q; shows %q", w, kittest.Texts(content))
		}
	}
	for _, b := range kittest.Buttons(content, "Open") {
		test.Tap(b)
	}
	if got, want := nav.Asked, []string{"open person 1"}; !slices.Equal(got, want) {
		t.Errorf("asked %q, want %q: the reach risk's Open only", got, want)
	}
}

// aheadStore is a store whose Today waits until release is closed and
// which counts its reads of the reach risks.
type aheadStore struct {
	*storage.Store
	release chan struct{}
	reads   chan struct{}
}

func (a aheadStore) Today(ctx context.Context, now time.Time) (model.Today, error) {
	<-a.release
	return a.Store.Today(ctx, now)
}

func (a aheadStore) ReachRisks(ctx context.Context, now time.Time) ([]model.Risk, error) {
	a.reads <- struct{}{}
	return a.Store.ReachRisks(ctx, now)
}

// TestTodayReadsTheReachBesideTheReport: reading in the background, the
// reach risks are read while the report is still being read, once, and
// shown with it.
func TestTodayReadsTheReachBesideTheReport(t *testing.T) {
	st, _ := thinReach(t)
	kittest.NewApp(t)
	a := aheadStore{Store: st, release: make(chan struct{}), reads: make(chan struct{}, 4)}
	s := today.New(a, &navigator{}, clock)
	s.LoadInBackground()
	loaded := make(chan struct{}, 1)
	s.OnLoad(func() { loaded <- struct{}{} })
	content := s.Content()
	select {
	case <-a.reads: // while Today's own read still waits
	case <-time.After(time.Minute): // a liveness bound, not a timing
		t.Fatal("the reach risks were not read beside the report")
	}
	close(a.release)
	select {
	case <-loaded:
	case <-time.After(time.Minute): // a liveness bound, not a timing
		t.Fatal("the report never arrived")
	}
	if want := "You reach Nadia Haddad (influence 5) only through Daniel Okafor"; !strings.Contains(strings.Join(kittest.Texts(content), "\n"), want) {
		t.Errorf("Today does not show %q: %q", want, kittest.Texts(content))
	}
	if n := len(a.reads); n != 0 {
		t.Errorf("the reach risks were read %d more times", n)
	}
}
