package ui

import (
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/dragout"
	"rapport/ui/kit"
)

// fileDragger drags a file out of a window: package dragout on the real
// window, a fake in tests.
type fileDragger interface {
	Supported() bool
	// WindowID is the native ID of win to drag from, when it has one.
	WindowID(win fyne.Window) (uintptr, bool)
	Start(win uintptr, item dragout.Item, done func(dragout.Result)) error
}

// drags is how the window drags files out: the platform's drag, and how
// the last drag ended (for tests).
type drags struct {
	dragger fileDragger
	last    *dragout.Result
}

// platformDragger is package dragout as a fileDragger.
type platformDragger struct{}

func (platformDragger) Supported() bool { return dragout.Supported() }

func (platformDragger) WindowID(win fyne.Window) (uintptr, bool) { return nativeWindowID(win) }

func (platformDragger) Start(win uintptr, item dragout.Item, done func(dragout.Result)) error {
	return dragout.Start(win, item, done)
}

// dragHandle is "Drag to your calendar": pressed and dragged, it takes the
// meeting's calendar file (written first to the invites folder, and left
// there) out of the window, onto a calendar, a mail or a folder. Where
// dragging out is not possible, tapping it shows the file in its folder
// instead.
type dragHandle struct {
	widget.BaseWidget
	w       *Window
	meeting model.ScheduledMeeting
	place   string // "page", "list" or "today", for Options.HandleMoved
	compact bool   // an icon alone, outside the meeting page
	// prepare, when set, gives the meeting to drag at the start of a
	// drag (a page saves its edits first), or false to drag nothing.
	prepare  func() (model.ScheduledMeeting, bool)
	dragging bool
}

// dragHandleText is what the handle says.
const dragHandleText = "Drag to your calendar"

func newDragHandle(w *Window, m model.ScheduledMeeting, place string) *dragHandle {
	h := &dragHandle{w: w, meeting: m, place: place, compact: place != "page"}
	h.ExtendBaseWidget(h)
	return h
}

// Move places the handle, and tells Options.HandleMoved where it is once
// the layout under way has settled (its parents move after it).
func (h *dragHandle) Move(pos fyne.Position) {
	h.BaseWidget.Move(pos)
	report := h.w.opts.HandleMoved
	if report == nil {
		return
	}
	time.AfterFunc(100*time.Millisecond, func() {
		fyne.Do(func() {
			d := fyne.CurrentApp().Driver()
			if d.CanvasForObject(h) == nil || !h.Visible() {
				return
			}
			abs := d.AbsolutePositionForObject(h)
			report(h.place, abs.AddXY(h.Size().Width/2, h.Size().Height/2))
		})
	})
}

// setMeeting changes the meeting a reused list row's handle drags.
func (h *dragHandle) setMeeting(m model.ScheduledMeeting) { h.meeting = m }

// CreateRenderer implements fyne.Widget.
func (h *dragHandle) CreateRenderer() fyne.WidgetRenderer {
	// Its colours are read from the theme on every refresh, so that it
	// follows a switch between light and dark at once.
	bg := kit.NewThemedRect(theme.ColorNameButton)
	bg.Stroke, bg.StrokeWidth = theme.ColorNamePrimary, 1
	icon := kit.NewThemedIcon(theme.IconNameCalendar)
	var content fyne.CanvasObject = container.NewPadded(icon)
	if !h.compact {
		grip := kit.NewThemedIcon(theme.IconNameMenu)
		text := widget.NewLabelWithStyle(dragHandleText, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		content = container.NewHBox(grip, icon, text)
	}
	return widget.NewSimpleRenderer(container.NewStack(bg, content))
}

// Cursor shows that the handle can be grabbed.
func (h *dragHandle) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Dragged starts the drag out of the window on the first move.
func (h *dragHandle) Dragged(*fyne.DragEvent) {
	if h.dragging {
		return
	}
	h.dragging = true
	h.start()
}

// DragEnd is Fyne's end of the gesture; the drag out ends by itself when
// the button is released.
func (h *dragHandle) DragEnd() { h.dragging = false }

// Tapped explains the gesture, or shows the file where dragging out is not
// possible.
func (h *dragHandle) Tapped(*fyne.PointEvent) {
	if h.w.drags.dragger.Supported() {
		h.w.toast.show("Hold the button down on "+dragHandleText+" and drag it onto your calendar, a mail or a folder.", nil)
		return
	}
	if f, ok := h.write(); ok {
		h.w.openPath(filepath.Dir(f.path))
	}
}

// write writes the meeting's calendar file for the user's own calendar.
func (h *dragHandle) write() (exported, bool) {
	if h.prepare != nil {
		m, ok := h.prepare()
		if !ok {
			return exported{}, false
		}
		h.meeting = m
	}
	f, err := h.w.writeInvites(false, h.w.inviteFileName(h.meeting, false), h.meeting)
	if err != nil {
		h.w.explainExportError(err, h.meeting.With, h.w.refresh)
		return exported{}, false
	}
	return f, true
}

// start writes the file and hands it to the platform's drag.
func (h *dragHandle) start() {
	w := h.w
	if !w.drags.dragger.Supported() {
		return // Tapped shows the folder instead
	}
	f, ok := h.write()
	if !ok {
		return
	}
	id, ok := w.drags.dragger.WindowID(w.win)
	if !ok {
		w.toast.show("Dragging out needs X11 here; the file is in "+f.path+".", nil)
		return
	}
	item := dragout.Item{Path: f.path, Data: f.data, Type: "text/calendar"}
	err := w.drags.dragger.Start(id, item, func(r dragout.Result) {
		fyne.Do(func() { w.dragFinished(f, r) })
	})
	if err != nil {
		w.toast.show("Could not start the drag: "+err.Error()+". The file is in "+f.path+".", nil)
	}
}

// dragFinished reports how a drag out ended.
func (w *Window) dragFinished(f exported, r dragout.Result) {
	w.drags.last = &r
	switch r.Outcome {
	case dragout.Dropped:
		w.toast.show("Dropped "+filepath.Base(f.path)+".", nil)
	case dragout.Failed:
		msg := "The drag failed"
		if r.Err != nil {
			msg += ": " + r.Err.Error()
		}
		w.toast.show(msg+". The file is in "+f.path+".", nil)
	}
}

// nativeWindowID is the window's native ID package dragout drags from,
// when it has one: its X11 window ID, or its HWND on Windows. RunNative
// runs the function at once on the GLFW thread, where Dragged is called;
// on Windows the drag must start on that thread (see dragout.Start).
func nativeWindowID(win fyne.Window) (uintptr, bool) {
	nw, ok := win.(driver.NativeWindow)
	if !ok {
		return 0, false
	}
	var id uintptr
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.X11WindowContext:
			id = c.WindowHandle
		case driver.WindowsWindowContext:
			id = c.HWND
		}
	})
	return id, id != 0
}

var (
	_ fyne.Draggable     = (*dragHandle)(nil)
	_ fyne.Tappable      = (*dragHandle)(nil)
	_ desktop.Cursorable = (*dragHandle)(nil)
)
