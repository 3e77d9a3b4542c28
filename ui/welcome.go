package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/forms"
	"rapport/ui/kit"
)

// welcome is shown in place of any screen while the database is empty: it
// says what Rapport is and where the data lives, asks who the user is (the
// organiser of their invites), and offers an empty start (also Enter in
// either field) or a sample network to explore.
type welcome struct {
	w           *Window
	root        fyne.CanvasObject
	name        *kit.TextField
	email       *kit.TextField
	fields      *kit.FieldSet
	startEmpty  *widget.Button
	startSample *widget.Button
}

// newWelcome builds the welcome; its root goes in place of the screen.
func newWelcome(w *Window) *welcome {
	wl := &welcome{w: w}
	wl.startEmpty = widget.NewButtonWithIcon("Start with my own people", theme.ContentAddIcon(), func() { wl.start(w.startEmpty) })
	wl.startSample = widget.NewButtonWithIcon("Explore a sample network", theme.SearchIcon(), func() { wl.start(w.startWithSample) })
	wl.startEmpty.Importance = widget.HighImportance

	s := w.settings()
	wl.name, wl.email = forms.IdentityEntries(s)
	wl.fields = kit.NewFieldSet()
	wl.fields.Add("your name", "Your name", wl.name, "")
	wl.fields.Add("your email", "Your e-mail", wl.email, "Meeting invites you send come from you. Both can wait: Settings has them.")

	heading := widget.NewLabelWithStyle("Welcome to Rapport", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	intro := centred("Careers are decided by people. Rapport keeps track of who has a say in your next move and where each of them stands, the promises you made and must keep, and the conversations that build trust.")
	where := centred("Your data stays in one file on this computer, readable by you alone. Rapport never connects to the network: nothing you write leaves this machine unless you export it.")
	path := widget.NewLabel(w.opts.DBPath)
	path.Alignment = fyne.TextAlignCenter
	path.Truncation = fyne.TextTruncateEllipsis
	path.TextStyle.Monospace = true
	sample := centred("The sample is a fictional company of about forty people with a year of history, there to try things out. Keep your real network in a database of its own.")

	kit.SubmitOnEnter(wl.fields.Content(), func() { wl.start(w.startEmpty) })
	buttons := container.NewCenter(container.NewHBox(wl.startEmpty, wl.startSample))
	column := container.NewVBox(heading, intro, where, path, widget.NewSeparator(), wl.fields.Content(),
		widget.NewSeparator(), buttons, sample)
	wl.root = container.NewVScroll(container.NewCenter(container.New(&kit.MaxWidth{Width: 600}, column)))
	return wl
}

// centred is a wrapping label with its lines centred.
func centred(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	return l
}

// start saves the name and e-mail, when given and valid, and then starts
// as next does; a problem with either is shown under it and nothing
// starts.
func (wl *welcome) start(next func()) {
	name, email := strings.TrimSpace(wl.name.Text), strings.TrimSpace(wl.email.Text)
	s := wl.w.settings()
	if name != s.UserName || email != s.UserEmail {
		s.UserName, s.UserEmail = name, email
		if wl.fields.Show(s.Validate(), nil) {
			return
		}
		if !forms.Saved(wl.w, wl.fields, wl.w.store.SaveSettings(context.Background(), s), "Could not save your name and e-mail") {
			return
		}
	}
	next()
}

func (w *Window) showAbout() {
	meta := w.app.Metadata()
	version := meta.Version
	if version == "" {
		version = "development build"
	}
	text := widget.NewLabel("Rapport " + version + "\n\nManage the relationships that decide your career.\nOffline: your data never leaves this computer.\n\nDatabase: " + w.opts.DBPath)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About Rapport", "Close", text, w.win)
	d.Resize(fyne.NewSize(480, 260))
	d.Show()
}
