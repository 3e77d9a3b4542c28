package ui

import (
	"errors"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/storage/storetest"
	"rapport/ui/kit/kittest"
)

// TestOpenFailureSaysWhatFailedAndCloses: when the desktop cannot open an
// invite (no xdg-open), the window says so in words, not as the raw
// error, offers to copy the path, and Enter or Esc closes the message.
func TestOpenFailureSaysWhatFailedAndCloses(t *testing.T) {
	w := newTestWindow(t, storetest.Open(t, nil))
	path := filepath.Join(t.TempDir(), "2026-12-01 Coffee with Priya Shah.ics")
	missing := &exec.Error{Name: "xdg-open", Err: exec.ErrNotFound}
	other := errors.New("the desktop said no")
	for _, tt := range []struct {
		name       string
		err        error
		key        fyne.KeyName
		wantFolder bool
	}{
		{"no xdg-open, Esc", missing, fyne.KeyEscape, false},
		{"no xdg-open, Enter", missing, fyne.KeyReturn, false},
		{"another failure, keypad Enter", other, fyne.KeyEnter, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w.openURL = func(*url.URL) error { return tt.err }
			w.openPath(path)
			d := kittest.TopDialog(w.win)
			if d == nil {
				t.Fatal("no message")
			}
			texts := strings.Join(kittest.Texts(d), " | ")
			if strings.Contains(texts, "exec:") || strings.Contains(texts, "executable file not found") {
				t.Errorf("the raw error is shown: %s", texts)
			}
			if !strings.Contains(texts, "Could not open 2026-12-01 Coffee with Priya Shah.ics") || !strings.Contains(texts, "Nothing is lost") {
				t.Errorf("the message does not say what failed: %s", texts)
			}
			if kittest.Button(d, "Copy path") == nil || (kittest.Button(d, "Show in folder") != nil) != tt.wantFolder {
				t.Errorf("buttons: %s; want Copy path, and Show in folder %v", texts, tt.wantFolder)
			}
			w.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: tt.key})
			if top := kittest.TopDialog(w.win); top != nil && top == d && d.Visible() {
				t.Errorf("%s did not close the message", tt.key)
			}
		})
	}

	w.openURL = func(*url.URL) error { return missing }
	w.openPath(path)
	test.Tap(kittest.MustButton(t, kittest.TopDialog(w.win), "Copy path"))
	if got := w.app.Clipboard().Content(); got != path {
		t.Errorf("clipboard = %q, want the path", got)
	}
}
