package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage"
	"rapport/ui/kit/kittest"
)

// slowToday is a store whose Today waits until release is closed.
type slowToday struct {
	*storage.Store
	release chan struct{}
}

func (s slowToday) Today(ctx context.Context, now time.Time) (model.Today, error) {
	<-s.release
	return s.Store.Today(ctx, now)
}

// TestFirstScreenShowsTodaysLayoutAtOnce checks that the window the app
// opens (FirstScreenWhenRunning) shows Today's layout with placeholders
// as soon as it is built, without waiting for the report, and tells
// FirstScreenShown once the report is on show.
func TestFirstScreenShowsTodaysLayoutAtOnce(t *testing.T) {
	st := peopleStore(t, person("Dana Reyes", "Staff engineer", "Platform"))
	slow := slowToday{Store: st, release: make(chan struct{})}
	shown := make(chan struct{}, 2)
	a := test.NewTempApp(t)
	w := New(a, slow, Options{Now: func() time.Time { return testNow }, FirstScreenWhenRunning: true,
		FirstScreenShown: func() { shown <- struct{}{} }})
	w.win.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(w.win.Close)

	content := w.win.Content()
	for _, want := range []string{"Reach out", "Promises due", "Reading…"} {
		if !kittest.Shows(content, want) {
			t.Errorf("before the report, the window does not show %q: %q", want, kittest.Texts(content))
		}
	}
	if len(shown) != 0 || w.reminder != nil {
		t.Error("the first screen was reported shown before its report arrived")
	}

	close(slow.release)
	select {
	case <-shown:
	case <-time.After(time.Minute): // a liveness bound, not a timing
		t.Fatal("FirstScreenShown was never called")
	}
	if !kittest.Shows(content, "Dana Reyes") || kittest.Shows(content, "Reading…") {
		t.Errorf("after the report, the window shows %q", kittest.Texts(content))
	}
	// The reminder starts a little later, so as not to hold up the frames
	// that finish the first screen.
	if w.reminder != nil || w.reminderSoon == nil {
		t.Errorf("reminder started %v, waiting to start %v; want it waiting", w.reminder != nil, w.reminderSoon != nil)
	}
	if w.reminderSoon != nil {
		w.reminderSoon.Stop()
	}
}
