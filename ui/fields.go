package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// fieldSet lays out labelled inputs in a form and shows, under each, the
// problem found with it when the user tries to save. Field keys are the
// field names model validation reports ("name", "email", …).
type fieldSet struct {
	grid     *fyne.Container
	problems map[string]*canvas.Text
	labels   map[string]string
	order    []string
}

func newFieldSet() *fieldSet {
	return &fieldSet{grid: container.New(layout.NewFormLayout()), problems: map[string]*canvas.Text{}, labels: map[string]string{}}
}

// add appends an input labelled label for the field key, with an optional
// hint in grey under it.
func (f *fieldSet) add(key, label string, input fyne.CanvasObject, hint string) {
	problem := canvas.NewText("", theme.Color(theme.ColorNameError))
	problem.TextSize = theme.CaptionTextSize()
	problem.Hide()
	f.problems[key] = problem
	f.labels[key] = label
	f.order = append(f.order, key)
	cell := container.NewVBox(input, problem)
	if hint != "" {
		cell.Add(kit.QuietText(hint, theme.SizeNameCaptionText))
	}
	l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{})
	f.grid.Add(l)
	f.grid.Add(cell)
}

// section starts a group of fields under the heading title.
func (f *fieldSet) section(title string) {
	f.grid.Add(layout.NewSpacer())
	f.grid.Add(kit.CardHeading(title))
}

// show marks every field problem in err (a *model.ValidationError) and the
// extra problems found while reading the inputs, clearing the rest. It
// reports whether anything was wrong.
func (f *fieldSet) show(err error, extra map[string]string) bool {
	any := false
	for _, key := range f.order {
		msg := extra[key]
		if msg == "" {
			if m := model.FieldProblem(err, key); m != "" {
				msg = f.labels[key] + " " + m
			}
		}
		p := f.problems[key]
		if msg == "" {
			p.Hide()
			continue
		}
		any = true
		p.Text = msg
		p.Color = theme.Color(theme.ColorNameError)
		p.Show()
		p.Refresh()
	}
	return any
}

// saved reports whether a save succeeded. When it did not, the problems
// err names are shown under their fields, or, when it names none, in a
// dialog headed what.
func (f *fieldSet) saved(w *Window, err error, what string) bool {
	if err == nil {
		return true
	}
	if !f.show(err, nil) {
		w.showError(what, err)
	}
	return false
}

// saveRecord saves rec with create when isNew and with update otherwise,
// and reports whether it was saved; a failure is shown as saved shows it,
// headed what.
func saveRecord[T any](w *Window, f *fieldSet, rec *T, isNew bool,
	create, update func(context.Context, *T) error, what string) bool {
	save := update
	if isNew {
		save = create
	}
	return f.saved(w, save(context.Background(), rec), what)
}

// problem is the message shown under a field, "" when none.
func (f *fieldSet) problem(key string) string {
	if p := f.problems[key]; p != nil && p.Visible() {
		return p.Text
	}
	return ""
}

// openDialog shows the form in a dialog titled title, with Cancel and a
// button named verb that runs submit, at size; it returns the dialog and
// the button.
func (f *fieldSet) openDialog(w *Window, title, verb string, size fyne.Size, submit func()) (dialog.Dialog, *widget.Button) {
	save := widget.NewButtonWithIcon(verb, theme.ConfirmIcon(), submit)
	save.Importance = widget.HighImportance
	var d dialog.Dialog
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, save)
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(f.grid)), w.win)
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
