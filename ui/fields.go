package ui

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

// saved reports whether a save succeeded. When it did not, the problems
// err names are shown under their fields, or, when it names none, in a
// dialog headed what.
func saved(w *Window, f *kit.FieldSet, err error, what string) bool {
	if err == nil {
		return true
	}
	if !f.Show(err, nil) {
		w.showError(what, err)
	}
	return false
}

// saveRecord saves rec with create when isNew and with update otherwise,
// and reports whether it was saved; a failure is shown as saved shows it,
// headed what.
func saveRecord[T any](w *Window, f *kit.FieldSet, rec *T, isNew bool,
	create, update func(context.Context, *T) error, what string) bool {
	save := update
	if isNew {
		save = create
	}
	return saved(w, f, save(context.Background(), rec), what)
}

// openForm shows the form f in a dialog titled title, with Cancel and a
// button named verb that runs submit, at size; it returns the dialog and
// the button.
func openForm(w *Window, f *kit.FieldSet, title, verb string, size fyne.Size, submit func()) (dialog.Dialog, *widget.Button) {
	save := widget.NewButtonWithIcon(verb, theme.ConfirmIcon(), submit)
	save.Importance = widget.HighImportance
	var d dialog.Dialog
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, save)
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(f.Content())), w.win)
	d.Resize(fitCanvas(w, size))
	d.Show()
	return d, save
}

// fitCanvas is size made small enough for a dialog to fit inside the
// window with a margin, so that a form stays whole (scrolling inside)
// in a small window.
func fitCanvas(w *Window, size fyne.Size) fyne.Size {
	room := w.win.Canvas().Size()
	margin := 4 * theme.Padding()
	if room.Width > 0 && size.Width > room.Width-margin {
		size.Width = room.Width - margin
	}
	if room.Height > 0 && size.Height > room.Height-margin {
		size.Height = room.Height - margin
	}
	return size
}
