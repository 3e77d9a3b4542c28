package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
)

// TestDigestOncePerDay: a window opened after the digest time sends the
// day's digest at once and remembers the day; one opened again the same
// day sends none; a promise that becomes due later gets one notification
// of its own, once; the timer never waits under a minute.
func TestDigestOncePerDay(t *testing.T) {
	day := func(d int) time.Time { return model.Day(testNow).AddDate(0, 0, d) }
	st := storetest.Open(t, func() time.Time { return testNow })
	dana := storetest.Person(t, st, "Dana Reyes")
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: dana.ID, What: "the deck",
		MadeOn: day(-5), DueOn: day(-1)})
	a := test.NewTempApp(t)
	w := New(a, st, Options{Now: func() time.Time { return testNow }})
	defer w.reminder.stop()
	if len(w.reminder.sent) != 1 {
		t.Fatalf("sent %d notifications on start, want the digest", len(w.reminder.sent))
	}
	if n := w.reminder.sent[0]; n.Title != "Rapport: 1 promise needs you today" ||
		n.Content != "1 promise overdue\nYou owe Dana Reyes: the deck" {
		t.Errorf("digest %q / %q", n.Title, n.Content)
	}
	if got := a.Preferences().String(PrefLastDigest); got != "2026-11-23" {
		t.Errorf("%s = %q", PrefLastDigest, got)
	}
	if wait := reminderWait(testNow, w.reminder.wake); wait != model.DigestRecheck {
		t.Errorf("next step in %v, want %v", wait, model.DigestRecheck)
	}

	// Opened again the same day: no second digest.
	again := New(a, st, Options{Now: func() time.Time { return testNow }})
	defer again.reminder.stop()
	if len(again.reminder.sent) != 0 {
		t.Errorf("a second window the same day sent %d notifications", len(again.reminder.sent))
	}

	// A promise becomes due: its own notification, once.
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionTheirs, PersonID: dana.ID, What: "an intro",
		MadeOn: day(-5), DueOn: day(0)})
	w.recheckReminders()
	w.recheckReminders()
	if len(w.reminder.sent) != 2 || w.reminder.sent[1].Title != "Rapport: a promise is due" ||
		w.reminder.sent[1].Content != "Dana Reyes owes you: an intro" {
		t.Errorf("after a promise became due: %d sent, last %+v", len(w.reminder.sent), w.reminder.sent[len(w.reminder.sent)-1])
	}
}

// TestDigestPausedAndNothingDue: none while paused, none when nothing is
// due; the next wake is tomorrow's digest time.
func TestDigestPausedAndNothingDue(t *testing.T) {
	day := func(d int) time.Time { return model.Day(testNow).AddDate(0, 0, d) }
	st := storetest.Open(t, func() time.Time { return testNow })
	a := test.NewTempApp(t)
	empty := New(a, st, Options{Now: func() time.Time { return testNow }})
	empty.reminder.stop()
	if len(empty.reminder.sent) != 0 {
		t.Errorf("a digest of nothing: %+v", empty.reminder.sent[0])
	}

	dana := storetest.Person(t, st, "Dana Reyes")
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: dana.ID, What: "the deck",
		MadeOn: day(-5), DueOn: day(-1)})
	paused := test.NewTempApp(t)
	paused.Preferences().SetString(PrefPausedOn, "2026-11-23")
	w := New(paused, st, Options{Now: func() time.Time { return testNow }})
	defer w.reminder.stop()
	if len(w.reminder.sent) != 0 {
		t.Errorf("sent %d notifications while paused", len(w.reminder.sent))
	}
	if want := time.Date(2026, 11, 24, 8, 30, 0, 0, time.UTC); !w.reminder.wake.Equal(want) {
		t.Errorf("paused: next wake %v, want %v", w.reminder.wake, want)
	}
	paused.Preferences().SetString(PrefPausedOn, "")
	w.recheckReminders()
	if len(w.reminder.sent) != 1 {
		t.Errorf("resumed: %d sent, want the digest", len(w.reminder.sent))
	}
}

// TestOpenShowsTodayAfterADigest: the digest cannot be clicked, so the
// next time the tray opens the window it shows Today, once.
func TestOpenShowsTodayAfterADigest(t *testing.T) {
	day := func(d int) time.Time { return model.Day(testNow).AddDate(0, 0, d) }
	st := storetest.Open(t, func() time.Time { return testNow })
	dana := storetest.Person(t, st, "Dana Reyes")
	storetest.Promise(t, st, model.Promise{Direction: model.DirectionMine, PersonID: dana.ID, What: "the deck",
		MadeOn: day(-5), DueOn: day(-1)})
	w := newTestWindow(t, st)
	defer w.reminder.stop()
	w.show(screenPeople)
	w.open()
	if w.current != screenToday {
		t.Errorf("after a digest open shows screen %d, want Today", w.current)
	}
	w.show(screenPeople)
	w.open()
	if w.current != screenPeople {
		t.Errorf("a second open moved to screen %d", w.current)
	}
}

func TestReminderWait(t *testing.T) {
	tests := []struct {
		wake time.Duration
		want time.Duration
	}{
		{-time.Hour, time.Minute}, {0, time.Minute}, {10 * time.Second, time.Minute},
		{5 * time.Minute, 5 * time.Minute}, {20 * time.Hour, model.DigestRecheck},
	}
	for _, tt := range tests {
		if got := reminderWait(testNow, testNow.Add(tt.wake)); got != tt.want {
			t.Errorf("reminderWait(+%v) = %v, want %v", tt.wake, got, tt.want)
		}
	}
}
