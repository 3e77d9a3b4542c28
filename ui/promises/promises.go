// Package promises is the Promises screen: the promises both ways, pending
// ones grouped overdue, due this week, later and undated, resolved ones
// latest first, with the user's follow-through beside them. Keeping a
// promise, opening one and adding one are asked of the window through
// Navigator.
//
// One read (Store.PromiseList, one read transaction) gives every promise
// with the people they are with; the screen filters and builds widgets.
package promises

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// Store is what the Promises screen reads: every promise with its people,
// in one call.
type Store interface {
	PromiseList(ctx context.Context) (model.PromiseList, error)
}

// Navigator is what the Promises screen asks of the window. After a form
// or dialog changes a promise, the window reloads the screen on show.
type Navigator interface {
	// NewPromise opens the quick-add form for a promise (0: the person in
	// view, if any).
	NewPromise(personID int64)
	// KeepPromise marks p kept (with undo); personName is whom it is with.
	KeepPromise(p model.Promise, personName string)
	// OpenPromise opens the dialog of p.
	OpenPromise(p model.Promise, personName string)
}

// Screen is the Promises screen. Content and Reload make it a screen of
// the window's table. Its filters keep their choices across reloads.
type Screen struct {
	store Store
	nav   Navigator
	now   func() time.Time

	all []model.Promise
	// seek is the promise to highlight when the list is next filled (0:
	// none), clearing the filters that would hide it.
	seek   int64
	people map[int64]model.Person // whom the promises are with, archived too
	rows   []row                  // what the list shows: headers and promises
	sized  []widget.ListItemID    // rows given a header's height

	direction *widget.Select
	status    *widget.Select
	person    *widget.Entry
	count     *widget.Label
	list      *kit.List
	panel     followThrough
	page      fyne.CanvasObject // the list and panel, built once
	root      *fyne.Container
}

// row is a row of the list: a section header, or a promise.
type row struct {
	header  string
	promise model.Promise
}

// New is the Promises screen reading store at now, going places through
// nav. Nothing is read until it is shown.
func New(store Store, nav Navigator, now func() time.Time) *Screen {
	s := &Screen{store: store, nav: nav, now: now, root: container.NewStack()}
	s.page = s.build()
	return s
}

// Content reads the promises and returns the screen built from them, for
// the window to show.
func (s *Screen) Content() fyne.CanvasObject {
	s.load()
	return s.root
}

// Reload reads the promises again and shows them where they are.
func (s *Screen) Reload() {
	s.load()
	s.root.Refresh()
}

// load reads the promises and fills the page from them, or, when the read
// fails, says so in place of the page.
func (s *Screen) load() {
	l, err := s.store.PromiseList(context.Background())
	if err != nil {
		s.all, s.people = nil, nil
		s.root.Objects = []fyne.CanvasObject{kit.ScreenProblem("Could not read the promises", err)}
		return
	}
	s.all, s.people = l.Promises, l.People
	if s.people == nil {
		s.people = map[int64]model.Person{}
	}
	s.root.Objects = []fyne.CanvasObject{s.page}
	s.panel.show(s.all, s.now())
	s.applyFilter()
	if s.seek != 0 {
		s.seekPromise()
	}
}

// Select makes the promise with id the one highlighted in the list when
// the screen is next shown or reloaded, clearing the filters that would
// hide it; Enter then opens it.
func (s *Screen) Select(id int64) { s.seek = id }

// FocusList gives the list the keyboard, on the row highlighted.
func (s *Screen) FocusList(c fyne.Canvas) { c.Focus(s.list) }

// Highlighted is the promise highlighted in the list, false when the row
// highlighted is none or a header.
func (s *Screen) Highlighted() (model.Promise, bool) {
	id := s.list.Highlighted()
	if id < 0 || id >= len(s.rows) || s.rows[id].header != "" {
		return model.Promise{}, false
	}
	return s.rows[id].promise, true
}

// seekPromise highlights the promise Select asked for, clearing the
// filters first when they hide it.
func (s *Screen) seekPromise() {
	id := s.seek
	s.seek = 0
	if s.rowOf(id) < 0 {
		s.person.SetText("")
		s.direction.SetSelected(allDirections)
		s.status.SetSelected(allStatuses)
		s.applyFilter()
	}
	if row := s.rowOf(id); row >= 0 {
		s.list.MoveTo(row)
	}
}

// rowOf is the row of the promise with id, -1 when the list does not show
// it.
func (s *Screen) rowOf(id int64) int {
	for i, r := range s.rows {
		if r.header == "" && r.promise.ID == id {
			return i
		}
	}
	return -1
}

// open asks for the dialog of a promise.
func (s *Screen) open(p model.Promise) {
	s.nav.OpenPromise(p, s.people[p.PersonID].Name)
}
