// Package ui is Rapport's shell: the main window with its menus,
// sidebar, toast, welcome and daily reminder, and the navigation verbs
// (navigation*.go) through which the screens, each in a package of its
// own under ui/, ask to go somewhere or to open a form (ui/forms). It
// talks to the database only through the Store interface declared here,
// and never reads global state: the Fyne app, the store and the clock are
// handed in, so tests can drive the whole window.
package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"rapport/model"
	"rapport/ui/career"
	"rapport/ui/forms"
	"rapport/ui/kit"
	"rapport/ui/wmclass"
)

// Store is what the window needs from the database.
type Store interface {
	People(ctx context.Context, archived bool) ([]model.PersonSummary, error)
	AnyPerson(ctx context.Context) (bool, error)
	Person(ctx context.Context, id int64) (model.Person, error)
	CreatePerson(ctx context.Context, p *model.Person) error
	UpdatePerson(ctx context.Context, p *model.Person) error
	SetStance(ctx context.Context, personID int64, stance model.Stance) (before model.Stance, err error)
	UndoStance(ctx context.Context, personID int64, before model.Stance) error
	StanceHistoryAll(ctx context.Context) ([]model.StanceChange, error)
	ArchivePerson(ctx context.Context, id int64) error
	RestorePerson(ctx context.Context, id int64) error
	EmptyTrash(ctx context.Context) (int, error)
	CreateInteraction(ctx context.Context, i *model.Interaction) error
	UpdateInteraction(ctx context.Context, i *model.Interaction) error
	RemoveInteraction(ctx context.Context, id int64) (model.RemovedInteraction, error)
	RestoreInteraction(ctx context.Context, r model.RemovedInteraction) (model.Interaction, error)
	RemovePromise(ctx context.Context, id int64) (model.RemovedPromise, error)
	RestorePromise(ctx context.Context, r model.RemovedPromise) (model.Promise, error)
	RemoveMeeting(ctx context.Context, id int64) (model.RemovedMeeting, error)
	RestoreMeeting(ctx context.Context, r model.RemovedMeeting) (model.Meeting, error)
	LogCapture(ctx context.Context, c model.Capture) (model.CaptureResult, error)
	UndoCapture(ctx context.Context, r model.CaptureResult) error
	LoadSample(ctx context.Context) error

	PromisesFor(ctx context.Context, personID int64) ([]model.Promise, error)
	CreatePromise(ctx context.Context, p *model.Promise) error
	UpdatePromise(ctx context.Context, p *model.Promise) error
	PromiseHistory(ctx context.Context, promiseID int64) ([]model.PromiseChange, error)

	Today(ctx context.Context, now time.Time) (model.Today, error)
	Due(ctx context.Context, now time.Time) (model.DueReport, error)
	PersonPage(ctx context.Context, id int64, now time.Time) (model.PersonPage, error)
	RolePage(ctx context.Context, id int64, now time.Time) (model.RolePage, error)
	MeetingPage(ctx context.Context, id int64) (model.MeetingPage, error)
	MeetingList(ctx context.Context) (model.MeetingList, error)
	PromiseList(ctx context.Context) (model.PromiseList, error)

	Network(ctx context.Context, now time.Time) (model.Network, error)
	MapCard(ctx context.Context, personID int64) (model.MapCard, error)
	CreateTie(ctx context.Context, t *model.Tie) error
	DeleteTie(ctx context.Context, id int64) error

	Meeting(ctx context.Context, id int64) (model.Meeting, error)
	CreateMeeting(ctx context.Context, m *model.Meeting) error
	UpdateMeeting(ctx context.Context, m *model.Meeting) error
	FollowAgenda(ctx context.Context, id int64, now time.Time) (model.Meeting, error)
	LogMeetingOutcome(ctx context.Context, meetingID int64, o model.MeetingOutcome) (model.Interaction, error)
	ImportInteractions(ctx context.Context, list []model.Interaction) (added, skipped int, err error)

	Settings(ctx context.Context) (model.Settings, error)
	SaveSettings(ctx context.Context, s model.Settings) error

	RoleList(ctx context.Context, archived bool) (model.RoleList, error)
	Roles(ctx context.Context, archived bool) ([]model.Role, error)
	CreateRole(ctx context.Context, r *model.Role) error
	UpdateRole(ctx context.Context, r *model.Role) error
	SetFocusRole(ctx context.Context, id int64) error
	CreateRequirement(ctx context.Context, r *model.Requirement) error
	UpdateRequirement(ctx context.Context, r *model.Requirement) error
	CreateAction(ctx context.Context, a *model.Action) error
	UpdateAction(ctx context.Context, a *model.Action) error
	SetPanelMember(ctx context.Context, m model.PanelMember) error
	SetPanelTarget(ctx context.Context, roleID, personID int64, target model.Stance) error
	RemovePanelMember(ctx context.Context, roleID, personID int64) error
	AdvisedBy(ctx context.Context, personID int64) ([]model.Requirement, error)

	CreateDisclosure(ctx context.Context, d *model.Disclosure) error
	UpdateDisclosure(ctx context.Context, d *model.Disclosure) error
	DeleteDisclosure(ctx context.Context, id int64) error
	OnPanel(ctx context.Context, personID int64) (bool, error)
	SensitiveKnowers(ctx context.Context) (map[int64]bool, error)

	CreditPage(ctx context.Context) (model.CreditPage, error)
	WeeklyReview(ctx context.Context, now time.Time) (model.WeeklyReview, error)
	PraiseFacts(ctx context.Context, personIDs []int64, since time.Time) ([]model.PraiseFacts, error)
	CreateOpportunity(ctx context.Context, o *model.Opportunity) error
	UpdateOpportunity(ctx context.Context, o *model.Opportunity) error
	MarkReviewed(ctx context.Context, at time.Time) error

	ImportPeople(ctx context.Context, format model.ContactFormat, matches []model.ImportMatch) (added, merged, skipped int, err error)

	Search(ctx context.Context, q model.SearchQuery, limit int) (model.SearchResults, error)
}

// Options are the settings of a window that do not come from the store.
type Options struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// DBPath is the database file, shown to the user where it helps.
	DBPath string
	// Calendar writes invites and reads calendar files; nil leaves the
	// window without them (the export buttons then explain).
	Calendar Calendar
	// Zone is the system's time zone with its IANA name, for recurring
	// invites when the settings name none; nil means time.Local.
	Zone *time.Location
	// HandleMoved, when set, is told where each drag handle sits in the
	// window (its centre, in canvas coordinates) whenever it is laid out,
	// with where it is: "page", "list" or "today". It lets the end-to-end
	// test find a handle to drag from; the app leaves it nil.
	HandleMoved func(place string, centre fyne.Position)
	// Backups keeps snapshots of the database; nil leaves them out.
	Backups Backups
	// Restart starts Rapport again on the database, after a backup has
	// been restored in its place; nil does nothing (tests).
	Restart func()
	// Contacts reads contacts files for import; nil leaves import out.
	Contacts ContactReader
	// Exports writes everything, or the people as vCard, to a file; nil
	// leaves File → Export everything… and Export people as vCard… out.
	Exports Exporter
	// Plans writes career plan summaries; nil leaves them out.
	Plans career.PlanWriter
	// InvitesDir is the default invites folder, used when the settings
	// name none.
	InvitesDir string
	// FirstScreenWhenRunning, when set, reads the first screen's data off
	// the window's goroutine, starting inside New: the window appears
	// with the screen's layout and placeholders, which fill a moment later
	// on a large database. Tests leave it unset to get a window ready.
	FirstScreenWhenRunning bool
	// FirstScreenShown, when set, is called once on the window's goroutine
	// when the first screen shows its data (or the welcome shows).
	FirstScreenShown func()
	// StartInTray starts Rapport with its tray icon only, no window,
	// when the desktop shows tray icons (else the window shows as usual),
	// as `rapport --tray` and start at login do: Show then shows nothing,
	// and the first screen's data is read when the tray's Open Rapport
	// first shows the window.
	StartInTray bool
	// AtLogin starts Rapport at login, or not; nil leaves the choice out
	// of Settings (tests).
	AtLogin LoginStart
}

// LoginStart turns starting Rapport (in the tray) at login on or off.
type LoginStart interface {
	Enabled() (bool, error)
	SetEnabled(on bool) error
}

// Preference keys under which the window remembers itself.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// Window is Rapport's main window: the shell around the screens. It
// holds what every part of the shell needs; the screens, the drags out of
// the window and the daily reminder keep their own state.
type Window struct {
	app   fyne.App
	win   fyne.Window
	store Store
	now   func() time.Time
	opts  Options

	screens  screenSet       // every screen, and the table of them
	current  screenID        // the screen on show
	nav      *kit.List       // the sidebar
	content  *fyne.Container // the screen on show, or the welcome
	toast    *toast
	welcomed bool     // the user has chosen empty or sample (or had data)
	welcome  *welcome // the welcome on show, nil once done
	drags    drags
	reminder *reminder
	// reminderSoon starts the reminder, waiting to (see startReminder).
	reminderSoon *time.Timer
	// tray is the icon in the system tray, nil where the app has no tray
	// (tests) or the desktop no panel to show it yet; inTray is set while
	// the window waits in it, hidden; trayReadDue once the tray may read
	// what is due (see Show); firstShown once the first screen was shown.
	tray        *tray
	inTray      bool
	trayReadDue bool
	firstShown  bool
	// lastLogged is the person last logged with in this session (0: none),
	// whom a new promise is with when no one is in view.
	lastLogged int64
	// openURL asks the desktop to open a file or folder: the app's
	// OpenURL, a fake in tests.
	openURL func(*url.URL) error
	// background runs work off the window's goroutine, then what it
	// returns on it (offBeat); tests run both at once, in order.
	background func(work func() (then func()))
}

// New builds the main window on app, showing the data in store. Call
// ShowAndRun (or Show) on the result's Window.
func New(app fyne.App, store Store, opts Options) *Window {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	w := &Window{app: app, store: store, now: opts.Now, opts: opts, drags: drags{dragger: platformDragger{}}, openURL: app.OpenURL,
		background: offBeat}
	applyAppearance(app, savedAppearance(app))
	guardSaves()
	w.win = app.NewWindow("Rapport")
	w.screens = w.newScreens()
	w.toast = newToast(w.win.Canvas())

	w.nav = newNavList(w)
	w.content = container.NewStack()
	body := container.NewBorder(nil, w.toast.bar, nil, nil, w.content)
	split := container.NewHSplit(w.nav, body)
	split.Offset = 0.17
	w.win.SetContent(split)
	w.win.SetMainMenu(w.mainMenu())
	w.win.SetOnDropped(w.onDropped)
	w.win.Canvas().SetOnTypedKey(w.typedKey)

	prefs := app.Preferences()
	width := prefs.FloatWithFallback(prefWidth, 1180)
	height := prefs.FloatWithFallback(prefHeight, 760)
	w.win.Resize(fyne.NewSize(float32(max(width, 640)), float32(max(height, 480))))
	// Remember the size whether the window is closed or the app quits
	// (File → Quit closes windows without asking them).
	w.win.SetCloseIntercept(w.closeWindow)
	app.Lifecycle().SetOnStopped(w.saveSize)

	app.Lifecycle().SetOnStarted(w.nameWindowClass)
	w.startTray()
	if w.inTray {
		w.reminder = newReminder(w) // the digest comes while the window waits in the tray
	} else {
		w.showFirstScreen()
	}
	w.win.SetOnClosed(func() {
		if w.reminderSoon != nil {
			w.reminderSoon.Stop()
		}
		if w.reminder != nil {
			w.reminder.stop()
		}
		if w.tray != nil {
			w.tray.stop()
		}
	})
	return w
}

// reminderAfterFirstScreen is how long after the first screen shows its
// data the reminder starts, when that screen is read as the app runs: its
// first read of what is due (80 ms of the window's goroutine at start on
// a large database) would otherwise hold up the frames that finish the
// first screen. The digest is not a matter of seconds.
const reminderAfterFirstScreen = 3 * time.Second

// startReminder starts the daily reminder, once: at once, or with
// FirstScreenWhenRunning reminderAfterFirstScreen later.
func (w *Window) startReminder() {
	if w.reminder != nil || w.reminderSoon != nil {
		return
	}
	if !w.opts.FirstScreenWhenRunning {
		w.reminder = newReminder(w)
		return
	}
	w.reminderSoon = time.AfterFunc(reminderAfterFirstScreen, func() {
		fyne.Do(func() {
			if w.reminder == nil {
				w.reminder = newReminder(w)
			}
		})
	})
}

// showFirstScreen shows Today (or the welcome) and starts the daily
// reminder. With FirstScreenWhenRunning, Today's report is read off the
// window's goroutine, starting now, while the window is still being made:
// its first frame shows Today's layout with placeholders, filled when the
// report arrives, and the reminder starts a little after that.
func (w *Window) showFirstScreen() {
	w.firstShown = true
	shown := func() {
		w.startReminder()
		w.offerAtLogin()
		if w.opts.FirstScreenShown != nil {
			w.opts.FirstScreenShown()
		}
		if w.opts.FirstScreenWhenRunning {
			w.readTray()
		}
	}
	if !w.opts.FirstScreenWhenRunning {
		w.show(screenToday)
		shown()
		return
	}
	w.screens.today.LoadInBackground()
	once := false
	w.screens.today.OnLoad(func() {
		if !once {
			once = true
			shown()
		}
	})
	w.show(screenToday)
	if w.welcome != nil { // nothing to read: Today is not on show
		shown()
	}
}

// nameWindowClass gives the window, on X11, the WM_CLASS its desktop
// entry names (StartupWMClass: the app ID), so that docks group it under
// its launcher; GLFW would leave the window's title there.
func (w *Window) nameWindowClass() {
	if id, ok := nativeWindowID(w.win); ok {
		if err := wmclass.Set(id, "rapport", w.app.UniqueID()); err != nil {
			fyne.LogError("could not name the window's class", err)
		}
	}
}

// saveSize remembers the window's size for the next start.
func (w *Window) saveSize() {
	size := w.win.Canvas().Size()
	if size.Width < 100 || size.Height < 100 {
		return // closed or not yet laid out
	}
	prefs := w.app.Preferences()
	prefs.SetFloat(prefWidth, float64(size.Width))
	prefs.SetFloat(prefHeight, float64(size.Height))
}

// Window is the Fyne window, to show and run.
func (w *Window) Window() fyne.Window { return w.win }

// show switches to the screen id, building it with fresh data. An empty
// database shows the welcome instead until the user chooses how to start.
func (w *Window) show(id screenID) {
	d := w.destination(id)
	if d == nil {
		return
	}
	w.current = id
	for i := range w.screens.table {
		if w.screens.table[i].id == id {
			w.nav.Select(i)
		}
	}
	if !w.welcomed && w.isEmpty() {
		w.showWelcome()
		return
	}
	w.welcomed = true
	w.welcome = nil
	w.nav.Show()
	w.content.Objects = []fyne.CanvasObject{d.screen.Content()}
	w.content.Refresh()
}

// showWelcome shows the welcome in place of any screen, with what was
// typed in it kept, and hides the sidebar until it is done, so that
// nothing leaves it but its own buttons.
func (w *Window) showWelcome() {
	if w.welcome == nil {
		w.welcome = newWelcome(w)
	}
	w.nav.Hide()
	w.content.Objects = []fyne.CanvasObject{w.welcome.root}
	w.content.Refresh()
	w.win.Canvas().Focus(w.welcome.name) // the first thing it asks
}

// typedKey answers the keys typed while no input has the keyboard: Esc
// closes the dialog on top.
func (w *Window) typedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		kit.DismissTop(w.win.Canvas())
	}
}

// everyone lists all the people, active first, then those in the trash.
func (w *Window) everyone(ctx context.Context) ([]model.PersonSummary, error) {
	var out []model.PersonSummary
	for _, archived := range []bool{false, true} {
		list, err := w.store.People(ctx, archived)
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
	}
	return out, nil
}

// isEmpty reports whether the database has nobody at all, archived or not.
func (w *Window) isEmpty() bool {
	any, err := w.store.AnyPerson(context.Background())
	return err == nil && !any
}

// startEmpty leaves the welcome for the People screen with nobody in it.
func (w *Window) startEmpty() {
	w.welcomed = true
	w.show(screenPeople)
}

// startWithSample loads the sample network and opens the People screen.
func (w *Window) startWithSample() {
	if err := w.store.LoadSample(context.Background()); err != nil {
		w.showError("Could not load the sample network", err)
		return
	}
	w.welcomed = true
	w.screens.people.Reload()
	w.show(screenToday)
}

// addPromise opens the quick-add form for a promise, with the person in
// view already chosen (or personID when it is not 0).
func (w *Window) addPromise(personID int64) {
	if p, ok := w.personInView(); personID == 0 && ok {
		personID = p.ID
	}
	if personID == 0 {
		personID = w.lastLogged
	}
	forms.EditPromise(w, w.store, model.Promise{PersonID: personID}, func(model.Promise) { w.refresh() })
}

// personInView is the active person the screen on show is about: the
// page open on People, or the person selected on the map.
func (w *Window) personInView() (model.Person, bool) {
	switch w.current {
	case screenPeople:
		if p, ok := w.screens.people.PersonInView(); ok {
			return p, true
		}
	case screenMap:
		if sel, ok := w.screens.relMap.Selected(); ok && !sel.Archived() {
			p, err := w.store.Person(context.Background(), sel.ID)
			if err != nil {
				w.showError("Could not read "+sel.Name, err)
				return model.Person{}, false
			}
			return p, true
		}
	}
	return model.Person{}, false
}

// logInteraction opens the interaction form for the person in view, or,
// with nobody in view, the form that asks whom first.
func (w *Window) logInteraction() {
	p, _ := w.personInView()
	w.openLog(p)
}

// scheduleWithPersonInView opens the form for a new meeting, with the
// person in view (if any) already chosen.
func (w *Window) scheduleWithPersonInView() {
	p, _ := w.personInView()
	w.ScheduleMeeting(p.ID)
}

// editPerson opens the form for the person in view.
func (w *Window) editPerson() {
	if p, ok := w.personInView(); ok {
		forms.EditPerson(w, w.store, p, func(model.Person) { w.refresh() })
	}
}

// find puts the cursor in the search of the screen on show: the map's, or
// the People screen's.
func (w *Window) find() {
	if w.current == screenMap {
		w.screens.relMap.FocusSearch(w.win.Canvas())
		return
	}
	if w.current != screenPeople {
		w.show(screenPeople)
	}
	w.screens.people.FocusSearch()
}

// refresh reads the data of the screen on show again, after it changed.
func (w *Window) refresh() {
	if d := w.destination(w.current); d != nil {
		d.screen.Reload()
	}
}

// showError tells the user that something failed, in words, with the cause.
func (w *Window) showError(what string, err error) {
	var v *model.ValidationError
	msg := err.Error()
	if errors.As(err, &v) {
		msg = v.Error()
	}
	dialog.ShowError(fmt.Errorf("%s: %s", what, msg), w.win)
}
