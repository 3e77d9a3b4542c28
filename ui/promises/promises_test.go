package promises_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
	"rapport/ui/promises"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// day is the day d days from the test's today.
func day(d int) time.Time { return model.Day(testNow).AddDate(0, 0, d) }

// navigator records what the screen asked of the window, in words.
type navigator struct{ kittest.Recorder }

func (n *navigator) NewPromise(id int64)                      { n.Ask("new promise %d", id) }
func (n *navigator) KeepPromise(p model.Promise, name string) { n.Ask("keep %q with %s", p.What, name) }
func (n *navigator) OpenPromise(p model.Promise, name string) {
	n.Ask("open promise %q with %s", p.What, name)
}

// show builds the screen on store in a test window, as the shell does.
func show(t *testing.T, st promises.Store) (*promises.Screen, *navigator, fyne.CanvasObject) {
	t.Helper()
	kittest.NewApp(t)
	nav := &navigator{}
	s := promises.New(st, nav, clock)
	content := s.Content()
	w := test.NewWindow(content)
	w.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(w.Close)
	return s, nav, content
}

// selectFilter chooses option in the filter now showing from.
func selectFilter(t *testing.T, root fyne.CanvasObject, from, option string) {
	t.Helper()
	sel := kittest.FindSelect(root, func(s *widget.Select) bool { return s.Selected == from })
	if sel == nil {
		t.Fatalf("no filter showing %q", from)
	}
	sel.SetSelected(option)
}

// TestGroupsAndFilters: pending promises are grouped overdue, due this
// week, later and undated; the filters by status, direction and text
// narrow the list, and the count says so.
func TestGroupsAndFilters(t *testing.T) {
	st := storetest.Open(t, clock)
	dana := storetest.Person(t, st, "Dana Reyes")
	ben := storetest.Person(t, st, "Ben Okafor")
	mine := func(who int64, what string, due time.Time) model.Promise {
		return storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: who, What: what,
			MadeOn: day(-20), DueOn: due})
	}
	mine(dana.ID, "Review the design doc", day(-2))
	mine(dana.ID, "Send the runbook", day(3))
	mine(ben.ID, "Lend the book", day(30))
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionTheirs, PersonID: ben.ID, What: "Intro to the data team", MadeOn: day(-20)})
	kept := mine(ben.ID, "Old favour", day(-10))
	kept, err := kept.Resolve(model.PromiseKept, testNow.AddDate(0, 0, -11))
	if err == nil {
		err = st.UpdatePromise(context.Background(), &kept)
	}
	if err != nil {
		t.Fatal(err)
	}
	_, _, root := show(t, st)

	tests := []struct {
		name, filter, from, option string
		want                       []string
		count                      string
	}{
		{"pending", "", "", "", []string{"Overdue · 1", "Due in the next 7 days · 1", "Later · 1", "No due date · 1"}, "4 promises shown of 5"},
		{"any status", "", "Pending", "Any status", []string{"Overdue · 1", "Due in the next 7 days · 1", "Later · 1", "No due date · 1", "Resolved · 1"}, "5 promises shown of 5"},
		{"they owe me", "", "Both ways", model.DirectionTheirs.Label(), []string{"No due date · 1"}, "1 promise shown of 5"},
		{"by name", "ben", model.DirectionTheirs.Label(), "Both ways", []string{"Later · 1", "No due date · 1", "Resolved · 1"}, "3 promises shown of 5"},
		{"nothing", "nobody", "", "", nil, "No promises match these filters."},
	}
	for _, tt := range tests {
		if tt.from != "" {
			selectFilter(t, root, tt.from, tt.option)
		}
		if tt.filter != "" {
			kittest.Entry(root, "Filter by person or what").SetText(tt.filter)
		}
		if got := kittest.PromiseHeaders(root); !slices.Equal(got, tt.want) {
			t.Errorf("%s: headers = %q, want %q", tt.name, got, tt.want)
		}
		if !kittest.Shows(root, tt.count) {
			t.Errorf("%s: count not %q among %q", tt.name, tt.count, kittest.Texts(root))
		}
	}
}

// TestFollowThroughRate: the panel says nothing is resolved yet, then the
// rate of promises kept on time, with the late ones, and the rate of
// those made to the user.
func TestFollowThroughRate(t *testing.T) {
	st := storetest.Open(t, clock)
	dana := storetest.Person(t, st, "Dana Reyes")
	s, _, root := show(t, st)
	if !kittest.Shows(root, "No promises resolved yet") || !kittest.Shows(root, "No promises yet. Add one with Ctrl+P") {
		t.Errorf("empty screen shows %q", kittest.Texts(root))
	}
	resolve := func(d model.Direction, what string, status model.PromiseStatus, on int) {
		p := storetest.Promise(t, st, model.Promise{Direction: d, PersonID: dana.ID, What: what, MadeOn: day(-20), DueOn: day(-5)})
		p, err := p.Resolve(status, day(on))
		if err == nil {
			err = st.UpdatePromise(context.Background(), &p)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	resolve(model.DirectionMine, "On time", model.PromiseKept, -6)
	resolve(model.DirectionMine, "Late", model.PromiseKeptLate, -1)
	resolve(model.DirectionTheirs, "Theirs", model.PromiseKept, -6)
	s.Reload()
	for _, want := range []string{"50% kept on time", "1 of 2 resolved on time · 1 late · 0 broken · 0 released",
		"Promises made to you: 100% kept on time (1 of 1)."} {
		if !kittest.Shows(root, want) {
			t.Errorf("panel does not say %q: %q", want, kittest.Texts(root))
		}
	}
}

// TestRowsAskTheWindow: Kept, the row's More and Add promise ask the
// window; an archived person's promise stays in view, said so.
func TestRowsAskTheWindow(t *testing.T) {
	st := storetest.Open(t, clock)
	dana := storetest.Person(t, st, "Dana Reyes")
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: dana.ID, What: "Return the book",
		MadeOn: day(-3), DueOn: day(-1)})
	storetest.Archived(t, st, dana.ID)
	_, nav, root := show(t, st)
	row := kittest.PromiseRow(t, root, "Return the book")
	if !strings.Contains(row.Sub.Text, "Dana Reyes (in the trash)") {
		t.Errorf("row says %q", row.Sub.Text)
	}
	test.Tap(row.Kept)
	test.Tap(row.More)
	test.Tap(kittest.MustButton(t, root, "Add promise"))
	want := []string{`keep "Return the book" with Dana Reyes`, `open promise "Return the book" with Dana Reyes`, "new promise 0"}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

// failing is a store whose read fails.
type failing struct{}

func (failing) PromiseList(context.Context) (model.PromiseList, error) {
	return model.PromiseList{}, errors.New("disk on fire")
}

// TestFailedReadSaysSo: a read that fails shows a message in place of
// the page, not a stale list.
func TestFailedReadSaysSo(t *testing.T) {
	_, _, root := show(t, failing{})
	if !kittest.Shows(root, "Could not read the promises: disk on fire") || kittest.Button(root, "Add promise") != nil {
		t.Errorf("failed read shows %q", kittest.Texts(root))
	}
}
