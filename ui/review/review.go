// Package review is the weekly review: a dialog that walks the user
// through about ten minutes of upkeep — confirm last week's meetings and
// log their outcomes, resolve promises due, touch up stances and "working
// on", look at the gaps, and pick the people to reach this week,
// scheduling coffees in one go. Finishing it records when it was done.
//
// Each step is built from one read (Store.WeeklyReview, one read
// transaction), read again whenever a step is shown; the forms it offers
// are opened by the window, through Navigator.
package review

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// Store is what the weekly review reads and writes: all it shows in one
// call, the stances it changes, the coffees it schedules, and when it was
// done.
type Store interface {
	WeeklyReview(ctx context.Context, now time.Time) (model.WeeklyReview, error)
	SetStance(ctx context.Context, personID int64, stance model.Stance) (before model.Stance, err error)
	UndoStance(ctx context.Context, personID int64, before model.Stance) error
	CreateMeeting(ctx context.Context, m *model.Meeting) error
	MarkReviewed(ctx context.Context, at time.Time) error
}

// Navigator is what the weekly review asks of the window: the forms it
// offers, opened over it. The review is a dialog, not a screen the window
// reloads on show, so the verbs that open a form call then after it
// saved, to rebuild the step.
type Navigator interface {
	// LogOutcomeThen opens the outcome form of m, with p.
	LogOutcomeThen(m model.Meeting, p model.Person, then func())
	// KeepPromiseThen marks p kept (with undo); personName is whom it is
	// with.
	KeepPromiseThen(p model.Promise, personName string, then func())
	// OpenPromiseThen opens the dialog of p.
	OpenPromiseThen(p model.Promise, personName string, then func())
	// EditPersonThen opens the form to change p.
	EditPersonThen(p model.Person, then func())
	// DraftAgenda drafts the agenda of m, as the meeting form does.
	DraftAgenda(m model.Meeting) (string, error)
	// ReloadScreen reloads the screen on show (Today stops asking for the
	// review once it is done).
	ReloadScreen()
	// ShowError tells the user that something failed, with the cause.
	ShowError(title string, err error)
	// Toast shows message at the foot of the window, with Undo when undo
	// is not nil.
	Toast(message string, undo func())
}

// steps are the steps of the weekly review, in order.
var steps = []string{
	"Last week's meetings",
	"Promises due",
	"Stances and what they are working on",
	"Your gaps",
	"Whom to reach this week",
}

// Review is the weekly review on show.
type Review struct {
	store  Store
	nav    Navigator
	now    func() time.Time
	system *time.Location // the system's zone, when the settings name none
	step   int
	read   model.WeeklyReview

	title  *widget.Label
	body   *fyne.Container
	back   *widget.Button
	next   *widget.Button
	finish *widget.Button
	reach  map[int64]*widget.Check // person ID → reach out this week
	order  []int64                 // the people offered, in Today's order
	dialog dialog.Dialog
}

// Open shows the weekly review over parent at its first step, reading
// store at now; system is the zone used when the settings name none.
func Open(parent fyne.Window, store Store, nav Navigator, now func() time.Time, system *time.Location) *Review {
	r := &Review{store: store, nav: nav, now: now, system: system, title: widget.NewLabel(""), body: container.NewStack()}
	r.title.TextStyle.Bold = true
	r.back = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), func() { r.show(r.step - 1) })
	r.next = widget.NewButtonWithIcon("Next", theme.NavigateNextIcon(), func() { r.show(r.step + 1) })
	r.next.Importance = widget.HighImportance
	r.finish = widget.NewButtonWithIcon("Finish the review", theme.ConfirmIcon(), r.done)
	r.finish.Importance = widget.HighImportance
	later := widget.NewButton("Later", func() { r.dialog.Hide() })
	buttons := container.NewHBox(later, layout.NewSpacer(), r.back, r.next, r.finish)
	slot := kit.NewToastSlot()
	r.dialog = dialog.NewCustomWithoutButtons("Weekly review", container.NewBorder(r.title, container.NewVBox(buttons, slot), nil, nil, r.body), parent)
	r.dialog.Resize(kit.FitWindow(parent, fyne.NewSize(760, 600)))
	r.show(0)
	r.dialog.Show()
	kit.HoldToasts(parent.Canvas(), slot, r.dialog)
	return r
}

// show moves to step i and builds it from a fresh read, or says in its
// place why the review could not be read.
func (r *Review) show(i int) {
	r.step = max(0, min(i, len(steps)-1))
	r.title.SetText(fmt.Sprintf("Step %d of %d · %s", r.step+1, len(steps), steps[r.step]))
	var content fyne.CanvasObject
	read, err := r.store.WeeklyReview(context.Background(), r.now())
	switch {
	case err != nil:
		content = kit.Wrapped(fmt.Sprintf("Could not read the weekly review: %v", err))
	default:
		r.read = read
		content = r.stepContent()
	}
	r.body.Objects = []fyne.CanvasObject{container.NewVScroll(content)}
	r.body.Refresh()
	setShown(r.back, r.step > 0)
	setShown(r.next, r.step < len(steps)-1)
	setShown(r.finish, r.step == len(steps)-1)
}

// stepContent builds the step on show from what was read.
func (r *Review) stepContent() fyne.CanvasObject {
	switch r.step {
	case 0:
		return r.meetingsStep()
	case 1:
		return r.promisesStep()
	case 2:
		return r.peopleStep()
	case 3:
		return r.gapsStep()
	default:
		return r.reachStep()
	}
}

// setShown shows or hides o.
func setShown(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// refreshStep rebuilds the step on show after something was logged.
func (r *Review) refreshStep() { r.show(r.step) }

// zone is the user's time zone: the one in the settings, else the
// system's.
func (r *Review) zone() *time.Location {
	system := r.system
	if system == nil {
		system = time.Local
	}
	return r.read.Settings.Zone(system)
}

// done records the review as done now and closes it.
func (r *Review) done() {
	if err := r.store.MarkReviewed(context.Background(), r.now()); err != nil {
		r.nav.ShowError("Could not record the review", err)
		return
	}
	r.dialog.Hide()
	r.nav.Toast("Weekly review done. See you next week.", nil)
	r.nav.ReloadScreen()
}
