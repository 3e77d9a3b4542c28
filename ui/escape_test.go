package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// typeEsc sends Esc as the window does: to the input that has the
// keyboard, else to the canvas.
func typeEsc(w *Window) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := w.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	w.win.Canvas().OnTypedKey()(ev)
}

func TestEscClosesEveryKindOfDialog(t *testing.T) {
	tests := []struct {
		name  string
		open  func(w *Window)
		shows string
	}{
		{"about", func(w *Window) { w.showAbout() }, "About Rapport"},
		{"keyboard shortcuts", func(w *Window) { w.showShortcuts() }, "Keyboard shortcuts"},
		{"backups", func(w *Window) { pressShortcut(t, w, fyne.KeyB) }, "Backups"},
		{"weekly review", func(w *Window) { pressShortcut(t, w, fyne.KeyR) }, "Weekly review"},
		{"settings, in the time zone drop-down", func(w *Window) {
			pressShortcut(t, w, fyne.KeyComma)
			zone := kittest.Find[*kit.SelectEntry](kittest.TopDialog(w.win), nil)
			if zone == nil {
				t.Fatal("the settings have no time zone drop-down")
			}
			w.win.Canvas().Focus(zone)
		}, "Settings"},
		{"confirm", func(w *Window) {
			dialog.ShowConfirm("Empty the trash?", "Delete for good?", func(bool) {}, w.win)
		}, "Empty the trash?"},
		{"information", func(w *Window) { dialog.ShowInformation("Log interaction", "Select someone.", w.win) }, "Select someone."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := peopleStore(t, person("Dana Reyes", "Director", "Platform"))
			w := newTestWindow(t, st)
			tt.open(w)
			top := kittest.TopDialog(w.win)
			if top == nil || !kittest.Shows(top, tt.shows) {
				t.Fatalf("no dialog showing %q: %q", tt.shows, kittest.Texts(top))
			}
			typeEsc(w)
			if top := kittest.TopDialog(w.win); top != nil {
				t.Errorf("Esc left %q open", kittest.Texts(top))
			}
		})
	}
}
