package forms_test

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/forms"
	"rapport/ui/kit/kittest"
)

// smallSettings opens Settings over a window of 1024×540, where the
// Reminders section reaches below the fold and the Files section lies
// under it, and returns the editor and the scroll its fields are in.
func smallSettings(t *testing.T) (*forms.SettingsEditor, *container.Scroll, *host) {
	t.Helper()
	st, h := open(t)
	h.win.Resize(fyne.NewSize(1024, 540))
	var looks []string
	e := forms.EditSettings(h, st, model.DefaultSettings(), choices(&looks), nil)
	onTop(t, h, "Settings")
	s := kittest.Find[*container.Scroll](kittest.TopDialog(h.win), nil)
	if s == nil {
		t.Fatal("the settings do not scroll")
	}
	if s.Content.Size().Height <= s.Size().Height {
		t.Fatalf("the settings (%v) fit their scroll (%v): nothing lies below the fold", s.Content.Size(), s.Size())
	}
	return e, s, h
}

// inView reports whether o lies wholly in the visible part of s; where
// says where it lies, for a message.
func inView(s *container.Scroll, o fyne.CanvasObject) (ok bool, where string) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y
	bottom := y + o.Size().Height
	return y >= 0 && bottom <= s.Size().Height,
		fmt.Sprintf("rows %.0f to %.0f of a scroll %.0f high, offset %.0f", y, bottom, s.Size().Height, s.Offset.Y)
}

// tabTo presses Tab (Shift+Tab when back) until target has the keyboard,
// at most 30 times.
func tabTo(t *testing.T, h *host, target fyne.Focusable, back bool) {
	t.Helper()
	c := h.win.Canvas()
	for range 30 {
		if c.Focused() == target {
			return
		}
		if back {
			c.FocusPrevious()
		} else {
			c.FocusNext()
		}
	}
	t.Fatalf("Tab never reached %T (focus on %T)", target, c.Focused())
}

func TestTabScrollsSettingsToTheFieldBelowTheFoldAndShiftTabBack(t *testing.T) {
	e, s, h := smallSettings(t)
	if h.win.Canvas().Focused() != e.Name {
		t.Fatalf("settings open with %T focused, want the name", h.win.Canvas().Focused())
	}
	if ok, where := inView(s, e.DigestAt); ok {
		t.Fatalf("the digest time is in view before any Tab (%s): the window is too big for this test", where)
	}
	for _, field := range []*struct {
		name string
		obj  fyne.Focusable
	}{{"digest time", e.DigestAt}, {"invites folder", e.Folder}, {"backup folder", e.Backups}} {
		before := s.Offset.Y
		tabTo(t, h, field.obj, false)
		if ok, where := inView(s, field.obj.(fyne.CanvasObject)); !ok || s.Offset.Y <= before {
			t.Errorf("Tab to the %s: it lies at %s, offset was %v: want it in view, scrolled down", field.name, where, before)
		}
	}
	e.Backups.SetText("typed while scrolled")
	s.ScrollToBottom() // the wheel, all the way down
	for _, field := range []*struct {
		name string
		obj  fyne.Focusable
	}{{"meeting length", e.Length}, {"e-mail", e.Email}, {"name", e.Name}} {
		tabTo(t, h, field.obj, true)
		if ok, where := inView(s, field.obj.(fyne.CanvasObject)); !ok {
			t.Errorf("Shift+Tab back to the %s: it lies at %s, want it in view", field.name, where)
		}
	}
	if e.Backups.Text != "typed while scrolled" {
		t.Errorf("the backup folder holds %q after Shift+Tab", e.Backups.Text)
	}
}

func TestTabToAFieldInViewDoesNotScroll(t *testing.T) {
	e, s, h := smallSettings(t)
	tabTo(t, h, e.Email, false)
	tabTo(t, h, e.Length, false)
	if s.Offset.Y != 0 {
		t.Errorf("Tab to fields in view scrolled the settings to %v", s.Offset.Y)
	}
	tabTo(t, h, e.Backups, false)
	at := s.Offset.Y
	h.win.Canvas().Focus(e.Folder) // a click on the field above, in view
	if s.Offset.Y != at {
		t.Errorf("focusing a field in view scrolled from %v to %v", at, s.Offset.Y)
	}
}

func TestAClickOrFailedSaveBringsTheFieldIntoView(t *testing.T) {
	e, s, h := smallSettings(t)
	h.win.Canvas().Focus(e.Backups) // as a click, or a field a form focuses
	if ok, where := inView(s, e.Backups); !ok {
		t.Errorf("focused from the code, the backup folder lies at %s, want it in view", where)
	}
	tabTo(t, h, e.Name, true)
	e.Backups.SetText("/mnt/usb\nbackups")
	test.Tap(e.Save)
	if e.Problem("backup folder") == "" {
		t.Fatal("no problem shown under the backup folder")
	}
	if ok, where := inView(s, e.Backups); !ok {
		t.Errorf("after a failed save, the backup folder at fault lies at %s, want it in view", where)
	}
}
