// Package today is the screen the app opens on: whom to reach out to and
// why, the promises due both ways, the week's meetings and those waiting
// for an outcome, risks in words, three headline numbers, and the weekly
// review when it is due. Every item opens what it is about in one click,
// by asking the window through Navigator.
//
// It is the pattern for a screen package: one read (Store.Today, one
// read transaction) gives a ready model.Today; the screen's widgets are
// built once (layout.go, rows.go) and filled from each report; it knows
// the window only through its Navigator. The window may have the read
// made off its goroutine (LoadInBackground): the page then shows its
// layout with placeholders at once and fills when the report arrives.
package today

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"rapport/model"
	"rapport/ui/kit"
)

// Store is what the Today screen reads: its whole report, in one call.
type Store interface {
	Today(ctx context.Context, now time.Time) (model.Today, error)
}

// Navigator is what the Today screen asks of the window: to go where an
// item leads, or to open the form for what it proposes. After a form
// saves, the window reloads the screen on show.
type Navigator interface {
	// OpenPerson shows the person's page.
	OpenPerson(id int64)
	// ShowPeople shows the People screen, filtered to relation, or with
	// its filters as they were when relation is "".
	ShowPeople(relation model.Relation)
	// ShowPromises shows the Promises screen.
	ShowPromises()
	// LogInteraction opens the form to log a contact with the person.
	LogInteraction(personID int64)
	// ScheduleMeeting opens the form for a new meeting with the person.
	ScheduleMeeting(personID int64)
	// KeepPromise marks p kept (with undo); personName is whom it is with.
	KeepPromise(p model.Promise, personName string)
	// OpenPromise opens the dialog of p.
	OpenPromise(p model.Promise, personName string)
	// OpenMeeting shows the meeting's page.
	OpenMeeting(id int64)
	// LogOutcome shows the meeting's page and opens its outcome form.
	LogOutcome(meetingID int64)
	// StartReview opens the weekly review.
	StartReview()
	// QuickLog opens the quick log box (one line: an interaction and its
	// promises).
	QuickLog()
	// MeetingDragHandle is a handle that drags the meeting's calendar
	// file out of the window; place says where it is ("today").
	MeetingDragHandle(meetingID int64, place string) fyne.CanvasObject
}

// Screen is the Today screen. Content and Reload make it a screen of the
// window's table.
type Screen struct {
	store  Store
	nav    Navigator
	now    func() time.Time
	report model.Today
	root   *fyne.Container
	page   *page // built on the first Content, then only filled

	background bool   // read off the UI goroutine (LoadInBackground)
	reads      int    // reads started; a report from an older one is dropped
	pending    bool   // a read in the background has not been shown yet
	onLoad     func() // told after each report is shown (OnLoad)
}

// New is the Today screen reading store at now, going places through
// nav. Nothing is read until it is shown.
func New(store Store, nav Navigator, now func() time.Time) *Screen {
	return &Screen{store: store, nav: nav, now: now, root: container.NewStack()}
}

// LoadInBackground has the report read on a goroutine of its own and
// shown through fyne.Do, so that the window's goroutine never waits for
// the database: the page shows its layout with placeholders until then.
// Tests leave it off to get a page filled on return.
func (s *Screen) LoadInBackground() { s.background = true }

// OnLoad sets f to be called on the window's goroutine after each report
// read is shown (or its failure said).
func (s *Screen) OnLoad(f func()) { s.onLoad = f }

// Content reads the report and returns the screen, for the window to
// show: filled from it, or, reading in the background, with placeholders
// that fill when it arrives.
func (s *Screen) Content() fyne.CanvasObject {
	if s.page == nil {
		s.page = newPage(s)
		s.root.Objects = []fyne.CanvasObject{s.page.root}
	}
	s.load()
	return s.root
}

// Reload reads the report again and fills the screen where it is.
func (s *Screen) Reload() {
	if s.page == nil {
		s.Content()
		return
	}
	s.load()
}

// Report is the report on show; its People is nil when there is none
// (never shown, or the read failed) or a newer one is being read in the
// background: then only a read of its own is up to date.
func (s *Screen) Report() model.Today {
	if s.pending {
		return model.Today{}
	}
	return s.report
}

// load reads the report and fills the page from it; in the background
// the read runs on a goroutine and the newest read's report is shown.
func (s *Screen) load() {
	now := s.now()
	if !s.background {
		report, err := s.store.Today(context.Background(), now)
		s.show(report, err)
		return
	}
	s.reads++
	read := s.reads
	s.pending = true
	if s.page.thin != nil {
		s.page.thin.readAhead(now)
	}
	go func() {
		report, err := s.store.Today(context.Background(), now)
		fyne.Do(func() {
			if read == s.reads {
				s.pending = false
				s.show(report, err)
			}
		})
	}()
}

// show fills the page from report, or, when the read failed, says so in
// place of the page.
func (s *Screen) show(report model.Today, err error) {
	if err != nil {
		s.report = model.Today{}
		s.root.Objects = []fyne.CanvasObject{kit.ScreenProblem("Could not read today's plan", err)}
	} else {
		s.report = report
		s.page.fill(report)
		s.root.Objects = []fyne.CanvasObject{s.page.root}
	}
	s.root.Refresh()
	if s.onLoad != nil {
		s.onLoad()
	}
}
