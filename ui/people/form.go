package people

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
)

// openForm shows the form f on win in a dialog titled title, with Cancel
// and a button named verb that runs submit, at size (made small enough to
// fit the window); it returns the dialog and the button. It is the
// window's form frame (ui/fields.go), for the one form this screen owns.
func openForm(win fyne.Window, f *kit.FieldSet, title, verb string, size fyne.Size, submit func()) (dialog.Dialog, *widget.Button) {
	save := widget.NewButtonWithIcon(verb, theme.ConfirmIcon(), submit)
	save.Importance = widget.HighImportance
	var d dialog.Dialog
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, save)
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(f.Content())), win)
	room := win.Canvas().Size()
	margin := 4 * theme.Padding()
	if room.Width > 0 && size.Width > room.Width-margin {
		size.Width = room.Width - margin
	}
	if room.Height > 0 && size.Height > room.Height-margin {
		size.Height = room.Height - margin
	}
	d.Resize(size)
	d.Show()
	return d, save
}
