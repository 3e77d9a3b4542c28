package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
)

// fakeLogin is a LoginStart that remembers what it was told.
type fakeLogin struct{ on bool }

func (f *fakeLogin) Enabled() (bool, error)   { return f.on, nil }
func (f *fakeLogin) SetEnabled(on bool) error { f.on = on; return nil }

// TestSettingsDigestAndStartAtLogin: Settings shows the digest's time
// and days and the start-at-login switch; saving a bad time names the
// field and saves nothing; a good one is kept, the reminder takes it, and
// the switch turns starting at login on.
func TestSettingsDigestAndStartAtLogin(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow })
	login := &fakeLogin{}
	w := New(test.NewTempApp(t), st, Options{Now: func() time.Time { return testNow }, AtLogin: login})
	defer w.reminder.stop()
	e := w.editSettings(nil)
	if e.DigestAt.Text != "08:30" || !e.WorkingDays.Checked {
		t.Errorf("the form starts at %q, working days %v", e.DigestAt.Text, e.WorkingDays.Checked)
	}
	e.DigestAt.SetText("25:99")
	test.Tap(e.Save)
	if e.Fields.Problem("digest time") == "" {
		t.Error("no problem shown with the digest time 25:99")
	}
	e.DigestAt.SetText("7:15")
	e.WorkingDays.SetChecked(false)
	if e.AtLogin == nil || e.AtLogin.Checked {
		t.Fatal("no Start at login switch, or ticked while off")
	}
	e.AtLogin.SetChecked(true)
	test.Tap(e.Save)
	got := storedSettings(t, st).Digest()
	if got != (model.DigestSettings{Minute: 7*60 + 15}) {
		t.Errorf("saved digest %+v", got)
	}
	if w.reminder.schedule.Settings != got {
		t.Errorf("the reminder keeps %+v after the save", w.reminder.schedule.Settings)
	}
	if !login.on {
		t.Error("Start at login was ticked and saved, but is not on")
	}
}

// TestOfferAtLoginOnceAfterAWeek: not before a week of use, then once.
func TestOfferAtLoginOnceAfterAWeek(t *testing.T) {
	st := storetest.Open(t, func() time.Time { return testNow.AddDate(0, 0, -30) })
	storetest.Person(t, st, "Dana Reyes")
	a := test.NewTempApp(t)
	open := func(now time.Time) int {
		w := New(a, st, Options{Now: func() time.Time { return now }, AtLogin: &fakeLogin{}})
		w.reminder.stop()
		defer w.win.Close()
		return len(w.win.Canvas().Overlays().List())
	}
	if n := open(testNow); n != 0 {
		t.Errorf("offered on the first day (%d overlays)", n)
	}
	if n := open(testNow.AddDate(0, 0, 8)); n != 1 {
		t.Errorf("a week later %d overlays, want the offer", n)
	}
	if n := open(testNow.AddDate(0, 0, 9)); n != 0 {
		t.Errorf("offered twice (%d overlays)", n)
	}
}
