// Package forms holds the forms and dialogs that several screens open
// through the window's navigation verbs: a person, an interaction, a
// promise (its form and its dialog), a meeting, a meeting's outcome, and
// the settings. Each is opened by one function returning the editor, whose
// inputs are exported so that tests (and openers that preset a field) can
// drive it as a user would.
//
// A form knows the window only as a Host and the database only through the
// narrow store interface it declares here. Problems are shown under the
// fields at fault and nothing is written until all are fixed.
package forms

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
)

// Parent is the window a dialog opens over, and where a failure that no
// field explains is reported.
type Parent interface {
	// Window is the Fyne window the dialog opens over.
	Window() fyne.Window
	// ShowError tells the user that something failed; title says what
	// ("Could not save the meeting").
	ShowError(title string, err error)
}

// ParentOf is the Parent made of the window win and the function that
// reports a failure, for a screen that was given the two apart.
func ParentOf(win fyne.Window, showError func(title string, err error)) Parent {
	return windowParent{win: win, showError: showError}
}

// windowParent is a window and how failures over it are reported.
type windowParent struct {
	win       fyne.Window
	showError func(title string, err error)
}

// Window is the window the dialog opens over.
func (p windowParent) Window() fyne.Window { return p.win }

// ShowError reports a failure that no field explains.
func (p windowParent) ShowError(title string, err error) { p.showError(title, err) }

// Host is the Parent of the shared forms, which also say at the foot of
// the window what they did and read the window's clock.
type Host interface {
	Parent
	// Toast shows message at the foot of the window for a while, with an
	// Undo button when undo is not nil.
	Toast(message string, undo func())
	// Now is the current time by the window's clock.
	Now() time.Time
}

// Form is what every form has: its fields, which show the problems found
// under the inputs at fault, the button that saves, and the dialog it is
// shown in.
type Form struct {
	Fields *kit.FieldSet
	Save   *widget.Button
	Dialog dialog.Dialog
}

// Problem is the message shown under the field key, "" when none.
func (f *Form) Problem(key string) string { return f.Fields.Problem(key) }

// open shows the form's fields in a dialog over parent (see Open).
func (f *Form) open(parent Parent, title, verb string, size fyne.Size, submit func()) {
	f.Dialog, f.Save = Open(parent, f.Fields, title, verb, size, submit)
}

// Saved reports whether a save succeeded. When it did not, the problems
// err names are shown under their fields, or, when it names none, in an
// error dialog of parent headed what.
func Saved(parent Parent, f *kit.FieldSet, err error, what string) bool {
	if err == nil {
		return true
	}
	if !f.Show(err, nil) {
		parent.ShowError(what, err)
	}
	return false
}

// SaveRecord saves rec with create when isNew and with update otherwise,
// and reports whether it was saved; a failure is shown as Saved shows it,
// headed what.
func SaveRecord[T any](parent Parent, f *kit.FieldSet, rec *T, isNew bool,
	create, update func(context.Context, *T) error, what string) bool {
	save := update
	if isNew {
		save = create
	}
	return Saved(parent, f, save(context.Background(), rec), what)
}

// Open shows the form f in a dialog over parent titled title, with Cancel
// and a button named verb that runs submit, at size (made to fit the
// window); it returns the dialog and the button. Enter in any single-line
// input (Ctrl+Enter or Shift+Enter in a multi-line one) submits, Enter on
// a button presses it, and Esc closes the dialog without saving (asking
// first when something was typed). The window's newest toast shows at the
// dialog's foot while it is open (see kit.HoldToasts), and the fields
// scroll to the one that gets the keyboard (see kit.FollowFocus).
func Open(parent Parent, f *kit.FieldSet, title, verb string, size fyne.Size, submit func()) (dialog.Dialog, *widget.Button) {
	save := kit.NewButton(verb, theme.ConfirmIcon(), submit)
	save.Importance = widget.HighImportance
	var d dialog.Dialog
	cancel := kit.NewButton("Cancel", nil, func() { d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, save)
	slot := kit.NewToastSlot()
	fields := container.NewVScroll(f.Content())
	body := container.NewBorder(nil, container.NewVBox(buttons, slot), nil, nil, fields)
	d = dialog.NewCustomWithoutButtons(title, body, parent.Window())
	kit.SubmitOnEnter(f.Content(), submit)
	d.Resize(kit.FitWindow(parent.Window(), size))
	d.Show()
	kit.HoldToasts(parent.Window().Canvas(), slot, d)
	kit.CloseOnEscape(parent.Window().Canvas(), body, d)
	kit.FollowFocus(parent.Window().Canvas(), fields, d)
	return d, &save.Button
}
