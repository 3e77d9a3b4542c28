package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SuggestionList is the short list of suggestions shown right under a
// field as it is typed, on a framed card like a drop-down's (a person's name, a word of the quick log), part
// of the form rather than a pop-up, so that the keyboard stays in the
// field. One row may be highlighted; a click on a row picks it.
type SuggestionList struct {
	// OnPick runs with the position of the row picked by a click.
	OnPick func(i int)
	// Relayout lays out again what holds the list when it opens or
	// closes (Fyne may miss that the form grew); nil: the list only.
	Relayout func()

	box       *fyne.Container // the rows
	frame     *fyne.Container // the rows on a framed card, what shows
	rows      []*suggestionRow
	n         int // rows on show
	highlight int // -1: none
}

// NewSuggestionList is a closed list of at most max rows.
func NewSuggestionList(max int) *SuggestionList {
	l := &SuggestionList{box: container.NewVBox(), highlight: -1}
	for i := 0; i < max; i++ {
		r := newSuggestionRow(l, i)
		l.rows = append(l.rows, r)
		l.box.Add(r)
	}
	card := NewThemedRect(theme.ColorNameMenuBackground)
	card.Stroke, card.StrokeWidth = theme.ColorNameInputBorder, 1
	l.frame = container.NewStack(card, l.box)
	l.frame.Hide()
	return l
}

// Object is the list to place under the field.
func (l *SuggestionList) Object() fyne.CanvasObject { return l.frame }

// IsOpen reports whether the list shows.
func (l *SuggestionList) IsOpen() bool { return l.frame.Visible() }

// Highlighted is the position of the highlighted row, -1 when none is or
// the list is closed.
func (l *SuggestionList) Highlighted() int {
	if !l.IsOpen() {
		return -1
	}
	return l.highlight
}

// Show lists labels (as many as fit), highlighting the one at highlight
// (-1: none); no labels closes the list.
func (l *SuggestionList) Show(labels []string, highlight int) {
	before := l.n
	l.n = min(len(labels), len(l.rows))
	if l.n == 0 {
		l.Close()
		return
	}
	for i, r := range l.rows {
		if i >= l.n {
			r.Hide()
			continue
		}
		r.label.SetText(labels[i])
		r.Show()
	}
	l.highlight = -1
	l.setHighlight(highlight)
	if !l.frame.Visible() {
		l.frame.Show()
		l.relayout()
	} else if l.n != before {
		l.relayout() // fewer or more rows: the form grows or shrinks
	}
}

// Move moves the highlight by delta rows, round from the last to the
// first; from none, Down highlights the first and Up the last.
func (l *SuggestionList) Move(delta int) {
	switch {
	case l.n == 0:
		return
	case l.highlight < 0 && delta > 0:
		l.setHighlight(0)
	case l.highlight < 0:
		l.setHighlight(l.n - 1)
	default:
		l.setHighlight(((l.highlight+delta)%l.n + l.n) % l.n)
	}
}

// setHighlight highlights row i only.
func (l *SuggestionList) setHighlight(i int) {
	l.highlight = i
	for k, r := range l.rows {
		if k == i {
			r.bg.Show()
		} else {
			r.bg.Hide()
		}
		r.bg.Refresh()
	}
}

// Close hides the list.
func (l *SuggestionList) Close() {
	if l.frame.Visible() {
		l.frame.Hide()
		l.relayout()
	}
}

// relayout makes room for the list, or takes it back.
func (l *SuggestionList) relayout() {
	if l.Relayout != nil {
		l.Relayout()
		return
	}
	l.frame.Refresh()
}

// pick runs OnPick for row i.
func (l *SuggestionList) pick(i int) {
	if i >= 0 && i < l.n && l.OnPick != nil {
		l.OnPick(i)
	}
}

// suggestionRow is one row of a SuggestionList.
type suggestionRow struct {
	widget.BaseWidget
	list  *SuggestionList
	i     int
	down  bool // picked as the button went down: the tap that follows is the same click
	bg    *ThemedRect
	label *widget.Label
}

func newSuggestionRow(l *SuggestionList, i int) *suggestionRow {
	r := &suggestionRow{list: l, i: i, bg: NewThemedRect(theme.ColorNameSelection)}
	r.label = widget.NewLabel("")
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.bg.Hide()
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *suggestionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.label))
}

// Tapped picks the row (a tap, or a click in the test driver), unless the
// click already picked it as the button went down.
func (r *suggestionRow) Tapped(*fyne.PointEvent) {
	if r.down {
		r.down = false
		return
	}
	r.list.pick(r.i)
}

// MouseDown picks the row as the button goes down: the window takes the
// keyboard from the field right after, which closes the list.
func (r *suggestionRow) MouseDown(*desktop.MouseEvent) {
	r.down = true
	r.list.pick(r.i)
}

// MouseUp implements desktop.Mouseable.
func (r *suggestionRow) MouseUp(*desktop.MouseEvent) {}

// Cursor shows that the row can be clicked.
func (r *suggestionRow) Cursor() desktop.Cursor { return desktop.PointerCursor }
