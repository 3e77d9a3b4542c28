package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/dragout"
	"rapport/ui/kit/kittest"
)

// fakeDragger stands in for the platform's drag: it records what it was
// asked to drag and ends each drag at once with outcome.
type fakeDragger struct {
	supported bool
	outcome   dragout.Outcome
	items     []dragout.Item
	wins      []uintptr
}

func (f *fakeDragger) Supported() bool { return f.supported }

func (f *fakeDragger) WindowID(fyne.Window) (uintptr, bool) { return 0x2a00007, true }

func (f *fakeDragger) Start(win uintptr, item dragout.Item, done func(dragout.Result)) error {
	f.items = append(f.items, item)
	f.wins = append(f.wins, win)
	done(dragout.Result{Outcome: f.outcome, Target: 0x3c00001})
	return nil
}

func TestDragAMeetingOutOfItsPage(t *testing.T) {
	w, st, _, dir := newMeetingWindow(t)
	drag := &fakeDragger{supported: true, outcome: dragout.Dropped}
	w.drags.dragger = drag
	m := addMeeting(t, st, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	w.OpenMeeting(m.ID)
	kittest.Entry(w.content, "Hi Dana").SetText("Hi Dana — edited, not saved yet")

	handle := pageHandle(t, w)
	handle.Dragged(&fyne.DragEvent{})
	handle.Dragged(&fyne.DragEvent{}) // the same gesture moving on
	if len(drag.items) != 1 {
		t.Fatalf("%d drags started by one gesture, want 1", len(drag.items))
	}
	item := drag.items[0]
	want := filepath.Join(dir, "2026-12-01 Coffee with Dana Reyes.ics")
	if item.Path != want || item.Type != "text/calendar" || drag.wins[0] != 0x2a00007 {
		t.Errorf("dragged %+v from %#x, want %s from the window", item, drag.wins[0], want)
	}
	data, err := os.ReadFile(want)
	if err != nil || string(data) != string(item.Data) {
		t.Fatalf("the file was not written before the drag, or differs from what is offered: %v", err)
	}
	if !strings.Contains(string(data), "edited, not saved yet") || storedMeetings(t, st)[0].Agenda != "Hi Dana — edited, not saved yet" {
		t.Errorf("the agenda's edits were not saved into the dragged invite")
	}
	if w.drags.last == nil || w.drags.last.Outcome != dragout.Dropped || !strings.HasPrefix(w.toast.message.Text, "Dropped") {
		t.Errorf("outcome %v, toast %q", w.drags.last, w.toast.message.Text)
	}

	// A second drag after the first gesture ended works too.
	handle.DragEnd()
	drag.outcome = dragout.Cancelled
	handle.Dragged(&fyne.DragEvent{})
	if len(drag.items) != 2 || w.drags.last.Outcome != dragout.Cancelled {
		t.Errorf("repeated drag: %d started, outcome %v", len(drag.items), w.drags.last)
	}
}

// pageHandle is the drag handle of the meeting page on show.
func pageHandle(t *testing.T, w *Window) *dragHandle {
	t.Helper()
	for _, h := range handlesIn(w.content) {
		if h.place == "page" {
			return h
		}
	}
	t.Fatal("no meeting page with a handle on show")
	return nil
}

// handlesIn finds the drag handles drawn in o.
func handlesIn(o fyne.CanvasObject) []*dragHandle {
	switch x := o.(type) {
	case *dragHandle:
		return []*dragHandle{x}
	case *fyne.Container:
		var out []*dragHandle
		for _, c := range x.Objects {
			out = append(out, handlesIn(c)...)
		}
		return out
	case fyne.Widget:
		var out []*dragHandle
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, handlesIn(c)...)
		}
		return out
	}
	return nil
}

func TestDragFromTheListAndToday(t *testing.T) {
	w, st, _, _ := newMeetingWindow(t)
	drag := &fakeDragger{supported: true, outcome: dragout.Dropped}
	w.drags.dragger = drag
	weekly := addMeeting(t, st, time.Date(2026, 10, 6, 9, 0, 0, 0, london), model.RecurrenceWeekly)

	w.show(screenMeetings)
	hs := handlesIn(w.content)
	if len(hs) != 1 || hs[0].place != "list" {
		t.Fatalf("the list of one meeting has %d handles", len(hs))
	}
	hs[0].Dragged(&fyne.DragEvent{})

	w.show(screenToday)
	hs = handlesIn(w.content)
	if len(hs) != 1 {
		t.Fatalf("Today has %d handles, want the weekly meeting's", len(hs))
	}
	hs[0].Dragged(&fyne.DragEvent{})

	if len(drag.items) != 2 {
		t.Fatalf("%d drags, want one from the list and one from Today", len(drag.items))
	}
	for _, it := range drag.items {
		// Both drag the series as stored, though Today lists its next
		// occurrence.
		if !strings.HasSuffix(it.Path, "2026-10-06 Coffee with Dana Reyes.ics") || !strings.Contains(string(it.Data), "UID:"+weekly.UID) {
			t.Errorf("dragged %s:\n%s", it.Path, it.Data)
		}
	}
}

func TestHandleWithoutDragOutShowsTheFile(t *testing.T) {
	w, st, _, dir := newMeetingWindow(t)
	drag := &fakeDragger{supported: false}
	w.drags.dragger = drag
	m := addMeeting(t, st, time.Date(2026, 12, 1, 10, 0, 0, 0, london), model.RecurrenceNone)
	w.OpenMeeting(m.ID)
	pageHandle(t, w).Dragged(&fyne.DragEvent{})
	test.Tap(pageHandle(t, w))
	if len(drag.items) != 0 {
		t.Error("a drag started where dragging out is not supported")
	}
	if _, err := os.Stat(filepath.Join(dir, "2026-12-01 Coffee with Dana Reyes.ics")); err != nil {
		t.Errorf("tapping the handle did not write the file to show: %v", err)
	}
}
