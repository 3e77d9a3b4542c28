package kit

import (
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne moves the keyboard focus (Tab, Shift+Tab, a click, Canvas.Focus)
// without scrolling to it, and tells nobody but the object focused: in a
// dialog whose fields scroll, Tab could reach a field below the fold and
// the user would type where they cannot see. FollowFocus scrolls to the
// object focused. It learns of the move two ways, both running the same
// check: every frame of a real window (an endless animation, ticked just
// before each paint, so the field shows in the frame its focus ring
// does), which sees every focusable object, Fyne's check boxes, radio
// buttons and buttons included; and at once from the FocusGained of
// Rapport's own inputs (TextField, SelectEntry, Select), the only way a
// test window, which runs no animation, can tell.

// focusFollower keeps the object with the keyboard focus on canvas in
// view in scroll, once focus moves onto something inside it.
type focusFollower struct {
	canvas fyne.Canvas
	scroll *container.Scroll
	last   fyne.Focusable // the focus last seen, to act only on a move
}

// followers are the scrolls following the focus now, one per dialog open.
var followers struct {
	sync.Mutex
	all []*focusFollower
}

// FollowFocus makes s, a vertical scroll in d shown over canvas, bring
// whatever inside it gets the keyboard focus wholly into view, with a
// little margin, however the focus arrived; it does not move when that
// is in view already. A multi-line entry is brought into view as a box,
// whatever line its cursor is on. It stops when d closes. Call it once d
// shows.
func FollowFocus(canvas fyne.Canvas, s *container.Scroll, d Hider) {
	f := &focusFollower{canvas: canvas, scroll: s, last: canvas.Focused()}
	followers.Lock()
	followers.all = append(followers.all, f)
	followers.Unlock()
	frame := fyne.NewAnimation(time.Second, func(float32) { f.check() })
	frame.Curve = fyne.AnimationLinear
	frame.RepeatCount = fyne.AnimationRepeatForever
	frame.Start()
	d.SetOnClosed(func() {
		frame.Stop()
		followers.Lock()
		followers.all = slices.DeleteFunc(followers.all, func(g *focusFollower) bool { return g == f })
		followers.Unlock()
	})
}

// focusMoved tells every scroll following the focus that it may have
// moved; Rapport's inputs call it from FocusGained.
func focusMoved() {
	for _, f := range following() {
		f.check()
	}
}

// RevealInScroll scrolls the scroll following the focus that holds o (see
// FollowFocus), if any, until o is wholly in view: a field whose problem
// was just shown, say. The scroll's content is laid out again first, as
// what changed in it may have moved o.
func RevealInScroll(o fyne.CanvasObject) {
	for _, f := range following() {
		if _, in := placeIn(f.scroll.Content, o, fyne.Position{}); in {
			f.scroll.Refresh()
			f.reveal(o)
		}
	}
}

// following is a copy of the followers, to call without the lock.
func following() []*focusFollower {
	followers.Lock()
	defer followers.Unlock()
	return slices.Clone(followers.all)
}

// check scrolls to the focused object when the focus moved since last.
func (f *focusFollower) check() {
	now := f.canvas.Focused()
	if now == f.last {
		return
	}
	f.last = now
	if o, ok := now.(fyne.CanvasObject); ok {
		f.reveal(o)
	}
}

// reveal scrolls until o is wholly in view, when o is inside the scroll.
func (f *focusFollower) reveal(o fyne.CanvasObject) {
	content := f.scroll.Content
	at, found := placeIn(content, o, fyne.Position{})
	if !found {
		at, found = f.placeInGroup(o)
	}
	if found {
		f.bringIntoView(at.Y, o.Size().Height)
	}
}

// placeIn is where target lies under root, which lies at at, looking
// through containers; found is false when it is not there.
func placeIn(root, target fyne.CanvasObject, at fyne.Position) (fyne.Position, bool) {
	if root == target {
		return at, true
	}
	c, ok := root.(*fyne.Container)
	if !ok || !c.Visible() {
		return at, false
	}
	for _, child := range c.Objects {
		if p, ok := placeIn(child, target, at.Add(child.Position())); ok {
			return p, true
		}
	}
	return at, false
}

// placeInGroup is where o lies in the scroll's content when it is one of
// the buttons of a radio group there, which containers do not show (they
// are drawn by the group's renderer): found by the positions the driver
// gives, and only inside a radio group, so that a button of the dialog
// drawn over the hidden part of the content is never taken for it.
func (f *focusFollower) placeInGroup(o fyne.CanvasObject) (fyne.Position, bool) {
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(o).Subtract(d.AbsolutePositionForObject(f.scroll.Content))
	size := o.Size()
	found := false
	walkPlaced(f.scroll.Content, fyne.Position{}, func(g fyne.CanvasObject, p fyne.Position) {
		if _, ok := g.(*widget.RadioGroup); ok && g != o && within(at, size, p, g.Size()) {
			found = true
		}
	})
	return at, found
}

// walkPlaced calls visit with every visible object under root, which lies
// at at, and where it lies, looking through containers.
func walkPlaced(root fyne.CanvasObject, at fyne.Position, visit func(fyne.CanvasObject, fyne.Position)) {
	if !root.Visible() {
		return
	}
	visit(root, at)
	if c, ok := root.(*fyne.Container); ok {
		for _, child := range c.Objects {
			walkPlaced(child, at.Add(child.Position()), visit)
		}
	}
}

// within reports whether the box at p of size s lies inside the box at q
// of size t.
func within(p fyne.Position, s fyne.Size, q fyne.Position, t fyne.Size) bool {
	return p.X >= q.X && p.Y >= q.Y && p.X+s.Width <= q.X+t.Width && p.Y+s.Height <= q.Y+t.Height
}

// bringIntoView scrolls the least that shows the rows y to y+height of
// the content with a margin around them, or their top when they are
// taller than the scroll; nothing when they are in view already.
func (f *focusFollower) bringIntoView(y, height float32) {
	view := f.scroll.Size().Height
	off := f.scroll.Offset.Y
	if view <= 0 || (y >= off && y+height <= off+view) {
		return
	}
	margin := 2 * theme.Padding()
	top, bottom := y-margin, y+height+margin
	if top < off || bottom-top > view {
		off = top
	} else {
		off = bottom - view
	}
	last := f.scroll.Content.Size().Height - view
	off = max(min(off, last), 0)
	f.scroll.ScrollToOffset(fyne.NewPos(f.scroll.Offset.X, off))
}
