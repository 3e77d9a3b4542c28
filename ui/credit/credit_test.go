package credit_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/credit"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// navigator records what the screen asked of the window, in words.
type navigator struct{ kittest.Recorder }

func (n *navigator) OpenPerson(id int64) { n.Ask("open person %d", id) }
func (n *navigator) LogThanks(id int64)  { n.Ask("log thanks %d", id) }
func (n *navigator) ShowError(title string, err error) {
	n.Ask("error %s: %v", title, err)
}
func (n *navigator) Toast(message string, undo func()) { n.Ask("toast %s", message) }

// show opens the Give credit screen on st in a window, as the shell does.
func show(t *testing.T, st credit.Store) (*credit.Screen, *navigator, fyne.Window, fyne.CanvasObject) {
	t.Helper()
	win := kittest.NewApp(t).NewWindow("credit")
	win.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(win.Close)
	nav := &navigator{}
	s := credit.New(st, nav, func() time.Time { return testNow }, win)
	root := s.Content()
	win.SetContent(root)
	return s, nav, win, root
}

// creditStore is a real store holding storetest.CreditTeam.
func creditStore(t *testing.T) (*storage.Store, storetest.Team) {
	t.Helper()
	st := storetest.Open(t, func() time.Time { return testNow })
	return st, storetest.CreditTeam(t, st, testNow)
}

func TestCreditShowsWhoWasThankedAndWhoIsOverlooked(t *testing.T) {
	st, team := creditStore(t)
	_, _, _, root := show(t, st)
	for _, want := range []string{"Thanked 6 days ago, in public", "Never thanked · overlooked", "Platform · 1 overlooked"} {
		if !kittest.Shows(root, want) {
			t.Errorf("the screen does not say %q", want)
		}
	}
	for _, p := range []model.Person{team.Aisha, team.Kenji} {
		if kittest.Hyperlink(root, p.Name) == nil {
			t.Errorf("Platform does not list %s", p.Name)
		}
	}
}

func TestThankAndNamesAskTheWindow(t *testing.T) {
	st, team := creditStore(t)
	_, nav, _, root := show(t, st)
	test.Tap(kittest.ButtonBeside(root, "Kenji Watanabe", "Thank"))
	kittest.TapLink(t, root, "Aisha Bello")
	want := []string{fmt.Sprintf("log thanks %d", team.Kenji.ID), fmt.Sprintf("open person %d", team.Aisha.ID)}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

func TestDraftNoteToTheBossAndLogItAsPublicThanks(t *testing.T) {
	st, team := creditStore(t)
	_, _, win, root := show(t, st)
	test.Tap(kittest.MustButton(t, root, "Draft a note to your manager…"))
	d := kittest.TopDialog(win)
	entry := kittest.FindEntry(d, nil)
	if entry == nil {
		t.Fatal("no draft opened")
	}
	text := entry.Text
	for _, want := range []string{"Helena", "Aisha", "Kenji", "Pair on the flaky test suite", "reviewed my migration plan"} {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
			t.Errorf("the draft does not mention %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "PRIVATE") {
		t.Errorf("the draft leaks a private note:\n%s", text)
	}
	entry.SetText(text + "\nEdited by me.")
	before := thanks(t, st)
	test.Tap(kittest.MustButton(t, d, "Copy and log as public thanks"))
	if got := fyne.CurrentApp().Clipboard().Content(); !strings.HasSuffix(got, "Edited by me.") {
		t.Errorf("clipboard = %q, want the edited draft", got)
	}
	logged := thanks(t, st)[len(before):]
	var ids []int64
	for _, r := range logged {
		if !r.Public || !r.At.Equal(testNow) {
			t.Errorf("logged %+v, want public thanks now", r)
		}
		ids = append(ids, r.PersonID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []int64{team.Aisha.ID, team.Kenji.ID}) {
		t.Errorf("thanked %v, want Aisha and Kenji", ids)
	}
	if kittest.TopDialog(win) != nil {
		t.Error("the draft is still open after logging")
	}
	if kittest.Shows(root, "Platform · 1 overlooked") || !kittest.Shows(root, "Platform") {
		t.Error("Kenji is still overlooked after the public thanks")
	}
}

// thanks are the thanks given, oldest first.
func thanks(t *testing.T, st *storage.Store) []model.ThanksRecord {
	t.Helper()
	got, err := st.Thanks(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestPassedOverPromptsToThankBackersAndAsk(t *testing.T) {
	st, team := creditStore(t)
	_, _, win, root := show(t, st)
	test.Tap(kittest.MustButton(t, root, "New opportunity…"))
	form := kittest.TopDialog(win)
	kittest.Entry(form, "Engineering Manager, Platform; the Q3 promotion round").SetText("Engineering Manager, Platform")
	kittest.Entry(form, "When it is decided: 2027-03-01, next month, 3 days ago").SetText("3 days ago")
	backers := kittest.PickerEntry(form, "Type a name: who backed you?")
	test.Type(backers, "Aisha")
	if !kittest.TapSuggestion(form, kit.PersonLabel(team.Aisha)) {
		t.Fatalf("typing Aisha offers no %q: %q", kit.PersonLabel(team.Aisha), kittest.Texts(form))
	}
	test.Tap(kittest.MustButton(t, form, "Add"))
	opps, err := st.Opportunities(t.Context())
	if err != nil || len(opps) != 1 || !slices.Equal(opps[0].BackerIDs, []int64{team.Aisha.ID}) {
		t.Fatalf("opportunities = %+v (%v)", opps, err)
	}
	if kittest.TopDialog(win) != nil {
		t.Error("follow-ups offered while the outcome is pending")
	}

	test.Tap(kittest.ButtonBeside(root, "Engineering Manager, Platform", "Change…"))
	form = kittest.TopDialog(win)
	outcome := kittest.FindSelect(form, func(s *widget.Select) bool { return slices.Contains(s.Options, model.OutcomePassedOver.Label()) })
	outcome.SetSelected(model.OutcomePassedOver.Label())
	test.Tap(kittest.MustButton(t, form, "Save"))
	f := kittest.TopDialog(win)
	logs := kittest.Buttons(f, "Done: log it")
	if len(logs) != 2 {
		t.Fatalf("follow-ups %q, want thank Aisha and ask her what to strengthen", kittest.Texts(f))
	}
	before, _ := st.InteractionsWith(t.Context(), team.Aisha.ID, 0)
	for _, b := range logs {
		test.Tap(b)
	}
	after, _ := st.InteractionsWith(t.Context(), team.Aisha.ID, 0)
	if len(after) != len(before)+2 {
		t.Fatalf("%d follow-ups logged, want 2", len(after)-len(before))
	}
	// Newest first: the ask was logged after the thanks.
	if kinds := []model.InteractionKind{after[1].Kind, after[0].Kind}; kinds[0] != model.KindThanksPrivate || kinds[1] != model.KindAsk {
		t.Errorf("logged kinds %v, want thanks then an ask", kinds)
	}
	if !logs[0].Disabled() {
		t.Error("a logged follow-up can be logged again")
	}
}

// failing is a store whose page read fails.
type failing struct{ credit.Store }

func (failing) CreditPage(context.Context) (model.CreditPage, error) {
	return model.CreditPage{}, errors.New("disk unplugged")
}

func TestAFailedReadSaysSoInPlaceOfThePage(t *testing.T) {
	_, nav, _, root := show(t, failing{})
	if !kittest.Shows(root, "Could not read who you thanked and your opportunities: disk unplugged") {
		t.Errorf("the screen shows %q, want the failure", kittest.Texts(root))
	}
	if kittest.Button(root, "Draft a note to your manager…") != nil || len(nav.Asked) != 0 {
		t.Error("a page that could not be read still offers its actions")
	}
}
