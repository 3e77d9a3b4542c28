package forms_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/forms"
	"rapport/ui/kit/kittest"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// host is the window the forms open over in a test: a real (test) Fyne
// window, with the errors and messages it was asked to show recorded.
type host struct {
	win    fyne.Window
	errors []string
	toasts []string
	undo   func() // the Undo of the last message, if it had one
}

func (h *host) Window() fyne.Window { return h.win }
func (h *host) Now() time.Time      { return testNow }
func (h *host) ShowError(title string, err error) {
	h.errors = append(h.errors, fmt.Sprintf("%s: %v", title, err))
}
func (h *host) Toast(message string, undo func()) {
	h.toasts = append(h.toasts, message)
	h.undo = undo
}

// open is a real store on a temporary file and a test window to open
// forms over.
func open(t *testing.T) (*storage.Store, *host) {
	t.Helper()
	kittest.NewApp(t)
	st := storetest.Open(t, clock)
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(win.Close)
	return st, &host{win: win}
}

// onTop fails the test unless the dialog on top of h's window shows
// title.
func onTop(t *testing.T, h *host, title string) {
	t.Helper()
	top := kittest.TopDialog(h.win)
	if top == nil || !kittest.Shows(top, title) {
		t.Fatalf("no dialog %q on top of the window", title)
	}
}

// closed fails the test while a dialog is still on top of h's window.
func closed(t *testing.T, h *host) {
	t.Helper()
	if top := kittest.TopDialog(h.win); top != nil {
		t.Fatalf("a dialog is still open: %q", kittest.Texts(top))
	}
}

// wantProblems fails the test unless form shows, under each field named,
// a problem starting with what is given.
func wantProblems(t *testing.T, form *forms.Form, want map[string]string) {
	t.Helper()
	for key, prefix := range want {
		if got := form.Problem(key); len(got) < len(prefix) || got[:len(prefix)] != prefix {
			t.Errorf("problem under %s = %q, want it to start with %q", key, got, prefix)
		}
	}
}

// people is everyone active in st, by name.
func people(t *testing.T, st *storage.Store) map[string]model.PersonSummary {
	t.Helper()
	all, err := st.People(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]model.PersonSummary{}
	for _, p := range all {
		out[p.Name] = p
	}
	return out
}

// promises is every promise in st.
func promises(t *testing.T, st *storage.Store) []model.Promise {
	t.Helper()
	all, err := st.Promises(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return all
}
