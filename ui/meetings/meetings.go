// Package meetings is the Meetings screen: the meetings, coming up first,
// beside the page of the one selected, where its agenda is edited, it is
// sent to calendars and what happened is logged. Forms, calendar files and
// drag handles belong to the window: the screen asks for them through
// Navigator.
//
// The list is read in one call (Store.MeetingList) and a page in one call
// (Store.MeetingPage), each one read transaction; the screen only builds
// widgets from them, and saves the agenda and status it edits itself.
package meetings

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// Store is what the Meetings screen reads (the list, a page, each in one
// call) and the changes it makes itself (agenda, status).
type Store interface {
	MeetingList(ctx context.Context) (model.MeetingList, error)
	MeetingPage(ctx context.Context, id int64) (model.MeetingPage, error)
	Meeting(ctx context.Context, id int64) (model.Meeting, error)
	UpdateMeeting(ctx context.Context, m *model.Meeting) error
	RemoveMeeting(ctx context.Context, id int64) (model.RemovedMeeting, error)
	RestoreMeeting(ctx context.Context, r model.RemovedMeeting) (model.Meeting, error)
}

// Navigator is what the Meetings screen asks of the window: to go to a
// person, to open a form, to write a calendar file, to say something.
// After a form saves, the window reloads the screen on show.
type Navigator interface {
	// OpenPerson shows the person's page.
	OpenPerson(id int64)
	// ScheduleMeeting opens the form for a new meeting with the person
	// (0: choose in the form).
	ScheduleMeeting(personID int64)
	// EditMeeting opens the form to change m.
	EditMeeting(m model.Meeting)
	// LogOutcome shows the meeting's page and opens its outcome form.
	LogOutcome(meetingID int64)
	// DraftAgenda drafts m's agenda from what is known about its person.
	DraftAgenda(m model.Meeting) (string, error)
	// ExportInvite writes m's calendar file (an invite to its person when
	// request is true) and returns the bar offering to open, copy or save
	// it, or nil when nothing was written (the window says why).
	ExportInvite(m model.ScheduledMeeting, request bool) fyne.CanvasObject
	// ExportWeek writes the planned meetings of the coming seven days
	// into one calendar file, and shows where.
	ExportWeek()
	// ImportCalendar asks for a calendar file and previews the past
	// meetings to bring in from it.
	ImportCalendar()
	// DragMeeting is a handle that drags the calendar file of the meeting
	// prepare gives (false: none) out of the window; place says where it
	// sits ("page", "list").
	DragMeeting(place string, prepare func() (model.ScheduledMeeting, bool)) fyne.CanvasObject
	// Confirm asks the user title (explained by message), calling yes
	// when they agree.
	Confirm(title, message string, yes func())
	// ShowError tells the user that something failed, with the cause.
	ShowError(title string, err error)
	// Toast shows message at the foot of the window, with Undo when undo
	// is not nil.
	Toast(message string, undo func())
}

// Screen is the Meetings screen. Content and Reload make it a screen of
// the window's table. Its view and selection are kept across reloads.
type Screen struct {
	tips   *kit.TipLayer // shows a row's shortened title or details whole
	store  Store
	nav    Navigator
	now    func() time.Time
	system *time.Location // the zone when the settings name none

	list     model.MeetingList
	zone     *time.Location      // the user's, read with the meetings
	shown    []model.Meeting     // the list's rows
	next     map[int64]time.Time // each meeting's next (or only) start
	selected int64
	page     *page

	view  *widget.Select
	count *widget.Label
	rows  *kit.List
	// rowMeetings is what each row's drag handle drags, by row.
	rowMeetings map[fyne.CanvasObject]*model.ScheduledMeeting
	detail      *fyne.Container
	body        fyne.CanvasObject // the list and detail, built once
	root        *fyne.Container
}

// New is the Meetings screen reading store at now, in the user's zone or
// system when their settings name none, going places through nav.
// Nothing is read until it is shown.
func New(store Store, nav Navigator, now func() time.Time, system *time.Location) *Screen {
	s := &Screen{store: store, nav: nav, now: now, system: system, root: container.NewStack(),
		rowMeetings: map[fyne.CanvasObject]*model.ScheduledMeeting{}}
	s.body = s.build()
	return s
}

// Content reads the meetings and returns the screen built from them, for
// the window to show.
func (s *Screen) Content() fyne.CanvasObject {
	s.load()
	return s.root
}

// Reload reads the meetings again and shows the selected one afresh.
func (s *Screen) Reload() {
	s.load()
	s.root.Refresh()
}

// Select makes the meeting with the given ID the one whose page shows
// when the screen is next shown or reloaded, even out of the view.
func (s *Screen) Select(id int64) { s.selected = id }

// Shown is the page on show: the meeting (as last saved), its person and
// settings; false when no page is shown.
func (s *Screen) Shown() (model.MeetingPage, bool) {
	if s.page == nil {
		return model.MeetingPage{}, false
	}
	return s.page.data, true
}

// load reads the list and shows it, or, when the read fails, says so in
// place of the screen.
func (s *Screen) load() {
	l, err := s.store.MeetingList(context.Background())
	if err != nil {
		s.list, s.page = model.MeetingList{}, nil
		s.root.Objects = []fyne.CanvasObject{kit.ScreenProblem("Could not read the meetings", err)}
		return
	}
	s.list = l
	s.zone = l.Settings.Zone(s.system)
	s.root.Objects = []fyne.CanvasObject{s.body}
	s.applyView()
}
