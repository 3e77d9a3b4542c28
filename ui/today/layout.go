package today

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// part is one part of the page below the numbers: a heading and what it
// lists, built once and filled from each report. A new part is a type in
// a file of its own, added to the columns in newPage.
type part interface {
	// object is the part's widget tree, built once.
	object() fyne.CanvasObject
	// fill shows what report says; it runs on the window's goroutine.
	fill(report model.Today)
}

// page is the screen's widgets: the date, the review nudge, the numbers,
// and two columns of parts.
type page struct {
	root    fyne.CanvasObject
	date    *widget.Label
	nudge   *nudge
	numbers [3]*headline
	parts   []part
	thin    *reach // "Where your reach is thin", nil for a store without it
}

// newPage builds the page with placeholders, before any report: the day
// is known, the figures show a dash and every list says it is reading.
func newPage(s *Screen) *page {
	p := &page{nudge: newNudge(s.nav)}
	p.date = widget.NewLabelWithStyle(s.now().Local().Format("Monday 2 January"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
	p.date.SizeName = theme.SizeNameHeadingText
	p.numbers = [3]*headline{
		newHeadline("Follow-through", s.nav.ShowPromises),
		newHeadline("People warmed", func() { s.nav.ShowPeople("") }),
		newHeadline("Public thanks", nil),
	}
	reach, due, meet, risks := newReachOuts(s), newDue(s), newMeetings(s), newRisks(s)
	p.parts = []part{reach, due, meet, risks}
	left := container.NewVBox(reach.object())
	right := container.NewVBox(due.object(), meet.object(), risks.object())
	if p.thin = newReach(s); p.thin != nil {
		p.parts = append(p.parts, p.thin)
		right.Add(p.thin.object())
	}
	columns := container.NewGridWithColumns(2, left, right)
	quick := widget.NewButtonWithIcon("Quick log", theme.ContentAddIcon(), s.nav.QuickLog)
	nums := container.NewGridWithColumns(3, p.numbers[0].root, p.numbers[1].root, p.numbers[2].root)
	body := container.NewVBox(container.NewBorder(nil, nil, nil, quick, p.date), p.nudge.root, nums, columns)
	p.root = container.NewVScroll(container.NewPadded(body))
	return p
}

// fill shows report on the page.
func (p *page) fill(r model.Today) {
	p.date.SetText(r.Now.Local().Format("Monday 2 January"))
	p.nudge.fill(r)
	rateNote := fmt.Sprintf("of %d resolved promises kept on time", r.FollowThrough.Resolved())
	if r.FollowThrough.Resolved() == 0 {
		rateNote = "none of your promises resolved yet"
	}
	p.numbers[0].fill(r.FollowThrough.Percent(), rateNote)
	p.numbers[1].fill(fmt.Sprint(r.Warmed), "contacted this month")
	p.numbers[2].fill(fmt.Sprint(r.PublicThanks), "given this quarter")
	for _, part := range p.parts {
		part.fill(r)
	}
}

// reading is what a list says until the first report arrives.
func reading() fyne.CanvasObject { return kit.Quiet("Reading…") }

// nudge asks for the weekly review when it is due: done a week or more
// ago, or never done and the first person added a week or more ago.
// Otherwise it takes no room.
type nudge struct {
	root *fyne.Container
	msg  *widget.Label
}

func newNudge(nav Navigator) *nudge {
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	start := widget.NewButtonWithIcon("Start the review", theme.HistoryIcon(), nav.StartReview)
	start.Importance = widget.HighImportance
	n := &nudge{msg: msg, root: container.NewBorder(nil, nil, kit.NewThemedIcon(theme.IconNameHistory), start, msg)}
	n.root.Hide()
	return n
}

func (n *nudge) fill(r model.Today) {
	last, now := r.LastReview, r.Now
	if !model.ReviewDue(last, r.FirstUse, now) {
		n.root.Hide()
		return
	}
	text := "Your weekly review is due: about ten minutes to log last week's meetings, resolve promises, and pick whom to reach this week."
	if !last.IsZero() {
		text = fmt.Sprintf("Your weekly review is due: the last one was %s. About ten minutes to log last week's meetings, resolve promises, and pick whom to reach this week.",
			kit.Ago(last, now))
	}
	n.msg.SetText(text)
	n.root.Show()
}

// headline is one of the numbers at the top: big figure, name, what it
// counts; tapping it opens what it is about.
type headline struct {
	root fyne.CanvasObject
	big  *kit.ThemedText
	sub  *widget.Label
}

func newHeadline(name string, open func()) *headline {
	// The accent colour as text (Hyperlink: Primary is a fill, too faint as
	// text on dark), read afresh on a theme switch.
	big := kit.NewThemedText("–", theme.ColorNameHyperlink)
	big.SizeName, big.Grow = theme.SizeNameHeadingText, theme.TextHeadingSize()*0.4
	big.TextStyle.Bold = true
	title := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sub := widget.NewLabel("")
	sub.SizeName = theme.SizeNameCaptionText
	sub.Wrapping = fyne.TextWrapWord
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	card := container.New(tight, container.NewPadded(big), title, sub)
	bg := kit.NewThemedRect(theme.ColorNameInputBackground)
	h := &headline{root: container.NewStack(bg, container.NewPadded(card)), big: big, sub: sub}
	if open != nil {
		h.root = kit.NewTapArea(h.root, open)
	}
	return h
}

func (h *headline) fill(figure, note string) {
	if h.big.Text != figure {
		h.big.Text = figure
		h.big.Refresh()
	}
	h.sub.SetText(note)
}

// section is a heading with an icon above a list.
func section(title string, icon fyne.ThemeIconName) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return container.NewVBox(widget.NewSeparator(), container.NewHBox(kit.NewThemedIcon(icon), l))
}

// rows keeps the row widgets of a list, made once and refilled: a list
// that shows fewer items than before keeps the rest for later.
type rows[T any] struct {
	made  []T
	build func() T
}

// first returns n rows, making those never needed before.
func (r *rows[T]) first(n int) []T {
	for len(r.made) < n {
		r.made = append(r.made, r.build())
	}
	return r.made[:n]
}
