package career

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
)

// The plan's forms open as the window's forms do (ui/fields.go: saved,
// saveRecord, openForm, fitCanvas), over the window the screen was given.

// saveRecord saves rec with create when isNew and with update otherwise,
// and reports whether it was saved. When it was not, the problems the
// error names are shown under their fields, or, when it names none, in a
// dialog headed what.
func saveRecord[T any](s *Screen, f *kit.FieldSet, rec *T, isNew bool,
	create, update func(context.Context, *T) error, what string) bool {
	save := update
	if isNew {
		save = create
	}
	err := save(context.Background(), rec)
	if err == nil {
		return true
	}
	if !f.Show(err, nil) {
		s.nav.ShowError(what, err)
	}
	return false
}

// openForm shows the form f in a dialog titled title, with Cancel and a
// button named verb that runs submit, at size (made small enough to fit
// the window with a margin), and returns the dialog.
func openForm(s *Screen, f *kit.FieldSet, title, verb string, size fyne.Size, submit func()) dialog.Dialog {
	save := widget.NewButtonWithIcon(verb, theme.ConfirmIcon(), submit)
	save.Importance = widget.HighImportance
	var d dialog.Dialog
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, save)
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(f.Content())), s.win)
	room := s.win.Canvas().Size()
	margin := 4 * theme.Padding()
	if room.Width > 0 && size.Width > room.Width-margin {
		size.Width = room.Width - margin
	}
	if room.Height > 0 && size.Height > room.Height-margin {
		size.Height = room.Height - margin
	}
	d.Resize(size)
	d.Show()
	return d
}
