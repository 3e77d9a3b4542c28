package ui_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/storage/storetest"
	"rapport/ui"
	"rapport/ui/kit/kittest"
)

// damagedWindow is a window on a real store whose Restart is recorded in
// asked, as are the restores of the problem it returns.
func damagedWindow(t *testing.T, asked *[]string, encrypted bool, fail error) (*ui.Window, ui.DatabaseProblem) {
	t.Helper()
	now := func() time.Time { return time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC) }
	w := ui.New(kittest.NewApp(t), storetest.Open(t, now), ui.Options{Now: now,
		Restart: func() { *asked = append(*asked, "restart") }})
	w.Window().Resize(fyne.NewSize(1024, 640))
	t.Cleanup(w.Window().Close)
	p := ui.DatabaseProblem{Advice: "This database is damaged, so Rapport has not written to it.",
		Err: errors.New("database disk image is malformed"), Encrypted: encrypted,
		Restore: func(passphrase string) error {
			*asked = append(*asked, "restore "+passphrase)
			return fail
		}}
	return w, p
}

func TestDamagedDatabaseOffersTheNewestBackup(t *testing.T) {
	for _, c := range []struct {
		name      string
		encrypted bool
		fail      error
		want      []string
	}{
		{"plain", false, nil, []string{"restore ", "restart"}},
		{"encrypted", true, nil, []string{"restore pass", "restart"}},
		{"failing", false, errors.New("disk full"), []string{"restore "}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var asked []string
			w, p := damagedWindow(t, &asked, c.encrypted, c.fail)
			w.ShowDamaged(p)
			top := kittest.TopDialog(w.Window())
			if !kittest.Shows(top, "has not written to it") || !kittest.Shows(top, "malformed") ||
				kittest.Button(top, "Close Rapport") == nil {
				t.Fatalf("the damaged dialog shows %q", kittest.Texts(top))
			}
			test.Tap(kittest.MustButton(t, top, "Restore the newest backup"))
			if c.encrypted {
				form := kittest.TopDialog(w.Window())
				kittest.FindEntry(form, nil).SetText("pass")
				test.Tap(kittest.MustButton(t, form, "Restore"))
			}
			if !slices.Equal(asked, c.want) {
				t.Errorf("asked %q, want %q", asked, c.want)
			}
			if c.fail != nil && !kittest.Shows(kittest.TopDialog(w.Window()), "isk full") { // the error dialog capitalises it
				t.Errorf("the failure is not shown: %q", kittest.Texts(kittest.TopDialog(w.Window())))
			}
		})
	}
}

func TestDamagedDatabaseWithoutABackupOffersOnlyClose(t *testing.T) {
	var asked []string
	w, p := damagedWindow(t, &asked, false, nil)
	p.Restore = nil
	w.ShowDamaged(p)
	top := kittest.TopDialog(w.Window())
	if kittest.Button(top, "Restore the newest backup") != nil || kittest.Button(top, "Close Rapport") == nil {
		t.Errorf("with no backup the dialog offers %q", kittest.Texts(top))
	}
}
