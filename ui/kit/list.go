package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is a list the keyboard drives: Tab reaches it, Up and Down (Home,
// End, Page Up and Page Down too) move the highlighted row, and Enter or
// Space opens it, as a click does (OnSelected runs, even for the row
// already selected). With SelectFollows the selection follows the
// highlight, for a list beside the page of the row selected.
type List struct {
	widget.List
	// OnSelected runs when a row is clicked, opened with Enter or Space,
	// or (with SelectFollows) moved to.
	OnSelected func(id widget.ListItemID)
	// SelectFollows makes moving with the arrows select the row.
	SelectFollows bool

	highlight widget.ListItemID
}

// pageRows is how many rows Page Up and Page Down move.
const pageRows = 10

// NewList is a list of length() rows made by create and filled by update,
// as widget.NewList.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.List.OnSelected = func(id widget.ListItemID) {
		l.highlight = id
		l.List.Highlight(id) // in view already: Select scrolled to it
		if l.OnSelected != nil {
			l.OnSelected(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// Highlighted is the row the keyboard is on.
func (l *List) Highlighted() widget.ListItemID { return l.highlight }

// FocusGained shows the highlight (the row last selected or moved to) as
// the keyboard arrives, brought within the rows when they became fewer.
// It does not scroll: a click gives the list the keyboard too, and the
// list must not jump under the pointer.
func (l *List) FocusGained() {
	if n := l.Length(); n > 0 && l.highlight >= n {
		l.moveTo(n-1, false)
	}
	l.List.FocusGained()
}

// TypedKey moves the highlight with the arrows and opens the row
// highlighted on Enter or Space.
func (l *List) TypedKey(ev *fyne.KeyEvent) {
	n := l.Length()
	switch ev.Name {
	case fyne.KeyUp:
		l.moveTo(l.highlight-1, l.SelectFollows)
	case fyne.KeyDown:
		l.moveTo(l.highlight+1, l.SelectFollows)
	case fyne.KeyPageUp:
		l.moveTo(l.highlight-pageRows, l.SelectFollows)
	case fyne.KeyPageDown:
		l.moveTo(l.highlight+pageRows, l.SelectFollows)
	case fyne.KeyHome:
		l.moveTo(0, l.SelectFollows)
	case fyne.KeyEnd:
		l.moveTo(n-1, l.SelectFollows)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		l.Open(l.highlight)
	default:
		l.List.TypedKey(ev)
	}
}

// MoveTo highlights row id (kept within the rows), scrolled into view,
// without opening it: the row a screen was asked to show.
func (l *List) MoveTo(id widget.ListItemID) { l.moveTo(id, false) }

// Open highlights and selects the row id, running OnSelected even when it
// was selected already.
func (l *List) Open(id widget.ListItemID) {
	if id < 0 || id >= l.Length() {
		return
	}
	l.moveTo(id, false)
	l.List.Unselect(id)
	l.List.Select(id)
}

// moveTo highlights row id (kept within the rows), scrolled into view,
// and selects it when sel.
func (l *List) moveTo(id widget.ListItemID, sel bool) {
	n := l.Length()
	if n == 0 {
		l.highlight = 0
		return
	}
	id = max(0, min(id, n-1))
	old := l.highlight
	l.highlight = id
	l.List.Highlight(id)
	l.RefreshItem(old)
	l.RefreshItem(id)
	if sel {
		l.List.Select(id)
	}
}
