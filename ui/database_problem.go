package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// DatabaseProblem is why Rapport cannot use its database, in words, with
// the newest backup to restore when there is one. main fills it from what
// storage said.
type DatabaseProblem struct {
	// Advice says what happened and what the user can do.
	Advice string
	// Err is the error itself, shown below the advice.
	Err error
	// Restore puts the newest backup in the database's place, decrypting
	// it with passphrase when Encrypted; nil when there is no backup to
	// offer. After it succeeds, Rapport starts again.
	Restore func(passphrase string) error
	// Encrypted says the newest backup needs its passphrase, asked first.
	Encrypted bool
}

// ShowStartupProblem tells a user who double-clicked the app, and so sees
// no terminal, why it cannot open their data, in a window of its own on
// app, offering the newest backup; restart runs after a restore. It
// returns when the window is closed.
func ShowStartupProblem(app fyne.App, p DatabaseProblem, restart func()) {
	win := app.NewWindow("Rapport")
	buttons := container.NewHBox(widget.NewButton("Close", app.Quit))
	if p.Restore != nil {
		buttons.Add(restoreButton(win, p, restart))
	}
	win.SetContent(problemContent(p, buttons))
	win.Resize(fyne.NewSize(520, 220))
	win.ShowAndRun()
}

// ShowDamaged says in the window that the database was found damaged
// while Rapport ran, and offers to close Rapport or restore the newest
// backup (then Options.Restart runs).
func (w *Window) ShowDamaged(p DatabaseProblem) {
	buttons := container.NewHBox(widget.NewButton("Close Rapport", w.app.Quit))
	if p.Restore != nil {
		buttons.Add(restoreButton(w.win, p, w.restart))
	}
	d := dialog.NewCustomWithoutButtons("Your database is damaged", problemContent(p, buttons), w.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

// restart starts Rapport again, after a restore, when main says how.
func (w *Window) restart() {
	if w.opts.Restart != nil {
		w.opts.Restart()
	}
}

// problemContent is the advice and error of p above buttons.
func problemContent(p DatabaseProblem, buttons *fyne.Container) fyne.CanvasObject {
	msg := widget.NewLabel(p.Advice + "\n\n" + p.Err.Error())
	msg.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, container.NewCenter(buttons), nil, nil, msg)
}

// restoreButton restores the newest backup of p, after asking its
// passphrase in win when it is encrypted, and then runs restart; a
// failure is shown in win.
func restoreButton(win fyne.Window, p DatabaseProblem, restart func()) *widget.Button {
	restore := func(passphrase string) {
		if err := p.Restore(passphrase); err != nil {
			dialog.ShowError(err, win)
			return
		}
		restart()
	}
	b := widget.NewButton("Restore the newest backup", func() {
		if !p.Encrypted {
			restore("")
			return
		}
		entry := widget.NewPasswordEntry()
		dialog.ShowForm("The newest backup is encrypted", "Restore", "Cancel",
			[]*widget.FormItem{widget.NewFormItem("Passphrase", entry)}, func(ok bool) {
				if ok && entry.Text != "" {
					restore(entry.Text)
				}
			}, win)
	})
	b.Importance = widget.HighImportance
	return b
}
