package ui

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// The helpers the shell's tests share: a window on a real store (a file
// under t.TempDir(), see storage/storetest), the stores' seeding and
// reading, the fakes of the window's options, and finders for what a
// window shows. Helpers one test file uses stay in that file.

// testNow is the time by the clock of every test window.
var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// newTestWindow opens a window on store in a headless test app.
func newTestWindow(t *testing.T, store Store) *Window {
	t.Helper()
	a := test.NewTempApp(t)
	w := New(a, store, Options{Now: func() time.Time { return testNow }, DBPath: "/home/dana/.local/share/rapport/rapport.db"})
	w.win.Resize(fyne.NewSize(1180, 760))
	w.background = inBeat // searches come back at once
	t.Cleanup(w.win.Close)
	// The People screen reads the people when it is first shown; tests use
	// it from the start, as if it had been.
	w.screens.people.Reload()
	return w
}

// person is a new person with a title and a team, for peopleStore.
func person(name, title, team string) model.Person {
	p := model.NewPerson(name)
	p.Title, p.Team = title, team
	return p
}

// pressShortcut does what the desktop driver does with a key press that
// has the shortcut modifier: it runs the main-menu item bound to it.
func pressShortcut(t *testing.T, w *Window, key fyne.KeyName) {
	t.Helper()
	want := shortcut(key)
	for _, m := range w.win.MainMenu().Items {
		for _, item := range m.Items {
			if item.Shortcut != nil && item.Shortcut.ShortcutName() == want.ShortcutName() {
				item.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item has the shortcut %s", want.ShortcutName())
}

// peopleStore is a real store holding the given people in order (IDs 1,
// 2, …): as given when they have a relation, else with their title and
// team and storetest.Person's defaults (peers, neutral, influence 3,
// monthly).
func peopleStore(t *testing.T, people ...model.Person) *storage.Store {
	t.Helper()
	st := storetest.Open(t, func() time.Time { return testNow })
	for _, p := range people {
		storetest.Person(t, st, p.Name, func(q *model.Person) {
			if p.Relation != "" { // as given
				*q = p
				return
			}
			q.Title, q.Team = p.Title, p.Team
		})
	}
	return st
}

// pageName is the name at the top of the person page on show, "" when
// none is.
func pageName(w *Window) string {
	l := kittest.Find(w.content, func(l *widget.Label) bool { return l.SizeName == theme.SizeNameHeadingText })
	if l == nil {
		return ""
	}
	return l.Text
}

// storedPeople are the active people in the store, by name.
func storedPeople(t *testing.T, st *storage.Store) []model.PersonSummary {
	t.Helper()
	list, err := st.People(t.Context(), false)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// formProblems are the problems shown under the fields of form, in order.
func formProblems(form fyne.CanvasObject) []string {
	var out []string
	red := theme.Color(theme.ColorNameError)
	kittest.Walk(form, func(o fyne.CanvasObject) bool {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" && sameColor(t.Color, red) {
			out = append(out, t.Text)
		}
		return true
	})
	return out
}

// sameColor reports whether a and b are the same colour.
func sameColor(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// storedPromises are the promises in st, failing the test when they
// cannot be read.
func storedPromises(t *testing.T, st *storage.Store) []model.Promise {
	t.Helper()
	all, err := st.Promises(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// topDialog is the dialog on top of w's window, failing the test when
// none is open.
func topDialog(t *testing.T, w *Window) fyne.CanvasObject {
	t.Helper()
	d := kittest.TopDialog(w.win)
	if d == nil {
		t.Fatal("no dialog open")
	}
	return d
}

// titled is an edit for storetest.Person: the given title and team.
func titled(title, team string) func(*model.Person) {
	return func(p *model.Person) { p.Title, p.Team = title, team }
}

// storedSettings are the user's settings in st.
func storedSettings(t *testing.T, st *storage.Store) model.Settings {
	t.Helper()
	s, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// interactionsWith are the interactions with the person with the given
// ID, latest first.
func interactionsWith(t *testing.T, st *storage.Store, id int64) []model.Interaction {
	t.Helper()
	got, err := st.InteractionsWith(context.Background(), id, 100)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// fakeCalendar stands in for storage/ics (tested on its own, and with the
// window in package main): it writes a line per meeting with what the
// window asked for, and reads back the events it was given.
type fakeCalendar struct {
	events []model.CalendarEvent
	calls  []string
}

func (c *fakeCalendar) Marshal(request bool, me model.Settings, zone *time.Location, now time.Time, ms ...model.ScheduledMeeting) ([]byte, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "request=%v organizer=%s zone=%v\n", request, me.UserEmail, zone)
	for _, m := range ms {
		fmt.Fprintf(&b, "UID:%s SEQUENCE:%d WITH:%s AGENDA:%q\n", m.Meeting.UID, m.Meeting.Sequence, m.With.Name, m.Meeting.Agenda)
	}
	c.calls = append(c.calls, b.String())
	return []byte(b.String()), nil
}

func (c *fakeCalendar) FileName(m model.Meeting, with string) string {
	return m.Start.Format("2006-01-02") + " " + m.Kind.Label() + " with " + with + ".ics"
}

func (c *fakeCalendar) WriteFile(path string, data []byte) error {
	return os.WriteFile(path, data, 0o600)
}

func (c *fakeCalendar) Read(io.Reader) ([]model.CalendarEvent, error) { return c.events, nil }

// london is the user's zone in these tests, set in their settings.
var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	return loc
}()

// newMeetingWindow opens a window on a real store holding Dana (person 1,
// with what she is working on, private notes and an e-mail address) and
// Ben (person 2), with the user in London and invites going to a
// temporary folder.
func newMeetingWindow(t *testing.T) (*Window, *storage.Store, *fakeCalendar, string) {
	t.Helper()
	st := storetest.Open(t, func() time.Time { return testNow })
	storetest.Person(t, st, "Dana Reyes", func(p *model.Person) {
		p.Title, p.Team = "Director", "Platform"
		p.WorkingOn = "the billing migration"
		p.Notes = "PRIVATE: thinking of leaving"
		p.Email = "dana@example.com"
	})
	storetest.Person(t, st, "Ben Okafor", func(p *model.Person) { p.Title, p.Team = "Engineer", "Data" })
	dir := t.TempDir()
	editSettings(t, st, func(s *model.Settings) { s.TimeZone, s.InvitesFolder = "Europe/London", dir })
	cal := &fakeCalendar{}
	a := test.NewTempApp(t)
	w := New(a, st, Options{Now: func() time.Time { return testNow }, Calendar: cal})
	w.win.Resize(w.win.Canvas().Size().Max(w.win.Content().MinSize()))
	t.Cleanup(w.win.Close)
	return w, st, cal, dir
}

// editSettings saves the user's settings changed by edit.
func editSettings(t *testing.T, st *storage.Store, edit func(*model.Settings)) {
	t.Helper()
	s, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	edit(&s)
	if err := st.SaveSettings(context.Background(), s); err != nil {
		t.Fatal(err)
	}
}

// addMeeting stores a meeting with person 1 (Dana).
func addMeeting(t *testing.T, st *storage.Store, start time.Time, rec model.Recurrence) model.Meeting {
	t.Helper()
	return storetest.Meeting(t, st, model.Meeting{PersonID: 1, Kind: model.MeetingCoffee, Start: start,
		Recurrence: rec, Agenda: "Hi Dana", Location: "Café Nero"})
}

// storedMeetings are every meeting in st, in order of start.
func storedMeetings(t *testing.T, st *storage.Store) []model.Meeting {
	t.Helper()
	all, err := st.Meetings(context.Background(), time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// overlayLabels lists the texts of the labels on the top overlay, in
// order.
func overlayLabels(w *Window) []string {
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var out []string
	for _, o := range test.LaidOutObjects(top) {
		switch l := o.(type) {
		case *widget.Label:
			out = append(out, l.Text)
		case *widget.RichText:
			out = append(out, l.String())
		}
	}
	return out
}

// fakeBackups keeps a list of backups in memory.
type fakeBackups struct {
	list          []model.BackupFile
	restored      string
	passphrase    string // the last given to RestoreEncrypted or SetPassphrase
	passphraseSet int    // how many times SetPassphrase was called
}

func (f *fakeBackups) List() ([]model.BackupFile, error) { return f.list, nil }

func (f *fakeBackups) Folder() string { return "/data/backups" }

func (f *fakeBackups) DefaultFolder() string { return "/data/backups" }

func (f *fakeBackups) BackupNow() (model.BackupFile, error) {
	b := model.BackupFile{Path: "/data/backups/rapport-20261123-093000.db", At: testNow, Size: 840 << 10}
	f.list = append([]model.BackupFile{b}, f.list...)
	return b, nil
}

func (f *fakeBackups) Restore(path string) error {
	f.restored = path
	return nil
}

// peopleList is the list of the People screen on show.
func peopleList(t *testing.T, w *Window) *kit.List {
	t.Helper()
	l := kittest.List(w.content)
	if l == nil {
		t.Fatalf("no list on show: %q", kittest.Texts(w.content))
	}
	return l
}

// RestoreEncrypted implements Backups for the fake.
func (f *fakeBackups) RestoreEncrypted(path, passphrase string) error {
	f.restored = path
	f.passphrase = passphrase
	return nil
}

// SetPassphrase implements Backups for the fake: no keyring.
func (f *fakeBackups) SetPassphrase(p string) (bool, error) {
	f.passphrase = p
	f.passphraseSet++
	return false, nil
}
