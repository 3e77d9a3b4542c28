package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/forms"
	"rapport/ui/kit"
)

// Calendar writes meetings as iCalendar files and reads calendar files.
// main hands in one built on storage/ics; the window never writes the
// format itself.
type Calendar interface {
	// Marshal encodes meetings as one calendar: an invite to each meeting's
	// person from the user (METHOD:REQUEST) when request is true, else
	// events for the user's own calendar (METHOD:PUBLISH). Recurring
	// meetings keep their local time in zone.
	Marshal(request bool, me model.Settings, zone *time.Location, now time.Time, meetings ...model.ScheduledMeeting) ([]byte, error)
	// FileName is the name a person can find a meeting's invite by
	// ("2026-12-01 Coffee with Dana Reyes.ics").
	FileName(m model.Meeting, with string) string
	// WriteFile writes data to path whole or not at all, readable by the
	// user alone.
	WriteFile(path string, data []byte) error
	// Read reads the events of a calendar file.
	Read(r io.Reader) ([]model.CalendarEvent, error)
}

// Why an invite cannot be sent yet; the window offers the fix.
var (
	errNoCalendar       = errors.New("this build of Rapport cannot write calendar files")
	errNeedsUserEmail   = errors.New("an invite comes from your e-mail address: set it in Settings")
	errNeedsPersonEmail = errors.New("an invite goes to the person's e-mail address: add it to their details")
	errNeedsZone        = errors.New("a repeating meeting keeps its local time in a named time zone: choose yours in Settings")
)

// exported is a calendar file written for the user: where, and what.
type exported struct {
	path string
	data []byte
}

// settings are the user's settings, or the defaults when they cannot be
// read (the error is shown).
func (w *Window) settings() model.Settings {
	s, err := w.store.Settings(context.Background())
	if err != nil {
		w.showError("Could not read your settings", err)
		return model.DefaultSettings()
	}
	return s
}

// zone is the user's time zone: the one in the settings, else the
// system's.
func (w *Window) zone(s model.Settings) *time.Location {
	system := w.opts.Zone
	if system == nil {
		system = time.Local
	}
	return s.Zone(system)
}

// invitesDir is where invites are written: the folder in the settings,
// else the default beside the database.
func (w *Window) invitesDir(s model.Settings) string {
	switch {
	case s.InvitesFolder != "":
		return s.InvitesFolder
	case w.opts.InvitesDir != "":
		return w.opts.InvitesDir
	case w.opts.DBPath != "":
		return filepath.Join(filepath.Dir(w.opts.DBPath), "invites")
	}
	return "invites"
}

// writeInvites encodes meetings and writes them to the invites folder as
// name (a file name from Calendar.FileName), returning what was written.
func (w *Window) writeInvites(request bool, name string, meetings ...model.ScheduledMeeting) (exported, error) {
	cal := w.opts.Calendar
	if cal == nil {
		return exported{}, errNoCalendar
	}
	s := w.settings()
	if request {
		if s.UserEmail == "" {
			return exported{}, errNeedsUserEmail
		}
		for _, m := range meetings {
			if m.With.Email == "" {
				return exported{}, fmt.Errorf("%s: %w", m.With.Name, errNeedsPersonEmail)
			}
		}
	}
	zone := w.zone(s)
	if zone.String() == "Local" {
		// No calendar knows "Local": one-offs go in UTC, and a repeating
		// meeting needs a zone with a name.
		for _, m := range meetings {
			if m.Meeting.Recurrence != model.RecurrenceNone {
				return exported{}, errNeedsZone
			}
		}
		zone = nil
	}
	meetings, err := w.followAgendas(meetings)
	if err != nil {
		return exported{}, err
	}
	data, err := cal.Marshal(request, s, zone, w.now(), meetings...)
	if err != nil {
		return exported{}, err
	}
	dir := w.invitesDir(s)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return exported{}, fmt.Errorf("make the invites folder: %w", err)
	}
	path := filepath.Join(dir, name)
	if err := cal.WriteFile(path, data); err != nil {
		return exported{}, err
	}
	return exported{path: path, data: data}, nil
}

// followAgendas brings each drafted agenda up to date with what is known
// about the person now (see Store.FollowAgenda) before it goes into a
// calendar file; the meetings handed in are left as they are.
func (w *Window) followAgendas(meetings []model.ScheduledMeeting) ([]model.ScheduledMeeting, error) {
	out := slices.Clone(meetings)
	for i, m := range out {
		if !m.Meeting.AgendaDrafted || m.Meeting.ID == 0 {
			continue
		}
		fresh, err := w.store.FollowAgenda(context.Background(), m.Meeting.ID, w.now())
		if err != nil {
			return nil, err
		}
		out[i].Meeting = fresh
	}
	return out, nil
}

// inviteFileName is a meeting's file name; an invite to the person is
// told apart from the user's own copy.
func (w *Window) inviteFileName(m model.ScheduledMeeting, request bool) string {
	dated := m.Meeting
	dated.Start = dated.Start.In(w.zone(w.settings())) // the day the user sees
	name := w.opts.Calendar.FileName(dated, m.With.Name)
	switch {
	case request && m.Meeting.Status == model.MeetingCanceled:
		name = strings.TrimSuffix(name, ".ics") + " (cancellation).ics"
	case request:
		name = strings.TrimSuffix(name, ".ics") + " (invite).ics"
	}
	return name
}

// fileURL is the file:// URL of a local path, for the system to open.
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/… on Windows
	}
	return &url.URL{Scheme: "file", Path: p}
}

// openPath opens a file or folder with the system's default application,
// or says in words why it could not and offers what still works.
func (w *Window) openPath(path string) {
	if err := w.openURL(fileURL(path)); err != nil {
		w.explainOpenFailure(path, err)
	}
}

// explainOpenFailure tells the user that the desktop could not open path,
// in words rather than as the raw error ("exec: \"xdg-open\": executable
// file not found"), and offers Copy path, and Show in folder when that can
// work. Enter and Esc close it.
func (w *Window) explainOpenFailure(path string, err error) {
	name := filepath.Base(path)
	noOpener := errors.Is(err, exec.ErrNotFound)
	why := "Your desktop could not open it (" + err.Error() + ")."
	if noOpener {
		why = "Rapport asks your desktop to open files, and this computer has no program for that " +
			"(on Linux it is xdg-open, from the xdg-utils package)."
	}
	msg := widget.NewLabel(why + " Nothing is lost: the file is saved in " + filepath.Dir(path) + ".")
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	copyPath := widget.NewButtonWithIcon("Copy path", theme.ContentCopyIcon(), func() {
		w.app.Clipboard().SetContent(path)
		d.Hide()
		w.toast.show("Copied the path of "+name+".", nil)
	})
	closeBtn := widget.NewButton("Close", func() { d.Hide() })
	closeBtn.Importance = widget.HighImportance
	buttons := container.NewHBox(copyPath)
	if folder := filepath.Dir(path); !noOpener && folder != path {
		buttons.Add(widget.NewButtonWithIcon("Show in folder", theme.FolderOpenIcon(), func() {
			d.Hide()
			w.openPath(folder)
		}))
	}
	buttons.Add(closeBtn)
	content := container.NewVBox(msg, container.NewCenter(buttons))
	d = dialog.NewCustomWithoutButtons("Could not open "+name, content, w.win)
	closeOnKeys(w.win.Canvas(), d)
	d.Resize(kit.FitWindow(w.win, fyne.NewSize(480, 200)))
	d.Show()
}

// closeOnKeys makes Enter, Return and Esc hide d while it shows, giving
// the canvas its previous key handler back when d closes.
func closeOnKeys(c fyne.Canvas, d dialog.Dialog) {
	previous := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter:
			d.Hide()
			return
		}
		if previous != nil {
			previous(ev)
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(previous) })
}

// exportBar is the line under a meeting's export buttons once an invite
// was written: where it is, and Open, Show in folder, Copy and Save as.
type exportBar struct {
	w      *Window
	file   exported
	label  *widget.Label
	open   *widget.Button
	folder *widget.Button
	copy   *widget.Button
	saveAs *widget.Button
	root   *fyne.Container
}

func newExportBar(w *Window) *exportBar {
	b := &exportBar{w: w, label: widget.NewLabel("")}
	b.label.Wrapping = fyne.TextWrapWord
	b.label.SizeName = theme.SizeNameCaptionText
	b.open = widget.NewButtonWithIcon("Open", theme.FileIcon(), func() { w.openPath(b.file.path) })
	b.folder = widget.NewButtonWithIcon("Show in folder", theme.FolderOpenIcon(), func() { w.openPath(filepath.Dir(b.file.path)) })
	b.copy = widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		w.app.Clipboard().SetContent(string(b.file.data))
		w.toast.show("Copied the invite: paste it into a mail or a calendar.", nil)
	})
	b.saveAs = widget.NewButtonWithIcon("Save as…", theme.DocumentSaveIcon(), b.saveElsewhere)
	for _, btn := range []*widget.Button{b.open, b.folder, b.copy, b.saveAs} {
		btn.Importance = widget.LowImportance
	}
	b.root = container.NewVBox()
	return b
}

// show reports a file just written.
func (b *exportBar) show(f exported, what string) {
	b.file = f
	b.label.SetText(fmt.Sprintf("%s saved as %s in %s", what, filepath.Base(f.path), filepath.Dir(f.path)))
	b.root.Objects = []fyne.CanvasObject{b.label, container.NewHBox(b.open, b.folder, b.copy, b.saveAs)}
	b.root.Refresh()
}

// saveElsewhere writes the same calendar where the user chooses.
func (b *exportBar) saveElsewhere() {
	b.w.saveFileAs("the invite", filepath.Base(b.file.path), ".ics", func(path string) {
		if err := b.w.opts.Calendar.WriteFile(path, b.file.data); err != nil {
			b.w.showError("Could not save the invite", err)
			return
		}
		b.w.toast.show("Saved "+filepath.Base(path)+".", nil)
	})
}

// explainExportError shows why an invite could not be written, offering
// the fix when there is one.
func (w *Window) explainExportError(err error, person model.Person, refresh func()) {
	switch {
	case errors.Is(err, errNeedsUserEmail):
		dialog.ShowConfirm("Your e-mail address is needed",
			"An invite is sent from you: Rapport puts your name and e-mail address on it as the organiser. Set them now?",
			func(ok bool) {
				if ok {
					w.editSettings(refresh)
				}
			}, w.win)
	case errors.Is(err, errNeedsZone):
		dialog.ShowConfirm("Your time zone is needed",
			"Rapport could not tell your computer's time zone by name, and a repeating meeting needs it to keep its local time when the clocks change. Choose it now?",
			func(ok bool) {
				if ok {
					w.editSettings(refresh)
				}
			}, w.win)
	case errors.Is(err, errNeedsPersonEmail):
		dialog.ShowConfirm(person.Name+"'s e-mail address is needed",
			"An invite goes to the person's e-mail address, and Rapport has none for "+person.Name+". Add it now?",
			func(ok bool) {
				if ok {
					forms.EditPerson(w, w.store, person, func(model.Person) { refresh() })
				}
			}, w.win)
	default:
		w.showError("Could not write the invite", err)
	}
}
