package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// quickBoxStore is what the box needs of the store: the people whose
// names a line may use, the capture's save and undo, and the search.
type quickBoxStore interface {
	People(ctx context.Context, archived bool) ([]model.PersonSummary, error)
	LogCapture(ctx context.Context, c model.Capture) (model.CaptureResult, error)
	UndoCapture(ctx context.Context, r model.CaptureResult) error
	searchStore
}

// quickBoxTitle is the title of the box.
const quickBoxTitle = "Search or log"

// quickBoxHint is the placeholder of the box's line.
const quickBoxHint = "Search everything, or log: coffee with Helena yesterday: the reorg"

// quickBoxHelp is what the box says before anything is typed.
const quickBoxHelp = `Search everything as you type: people, notes, interactions, promises, meetings, the career plan, opportunities.

Words match their start ("reorg"), "quoted phrases" match as typed, and filters narrow: stance:skeptic  influence:4+  team:payments  kind:coffee  before:Fri  after:last month  is:promise  is:overdue  is:frame

A line like “coffee with Helena yesterday: the reorg; I owe her the plan by Fri” logs the contact and its promises instead.`

// quickBoxWidth is the width of the box.
const quickBoxWidth = 640

// What the keys do in the box, said under it: before anything is typed,
// while it searches, and while the line is a log.
const (
	quickBoxKeys = "Type words to search, or a line like “coffee with Helena…” to log · Esc closes"
	searchKeys   = "Up/Down move · Enter opens at its place · Tab completes · Esc closes"
	quickLogKeys = "Tab completes a kind or a name · Enter saves · Esc closes"
)

// boxMode is what Enter does with the box's line: open a search result,
// or log the line.
type boxMode int

// The modes of the box.
const (
	modeSearch boxMode = iota
	modeLog
)

// quickBox is the one box of Ctrl+K: what is typed in it is either a
// search over everything, whose results show under the line as it is
// typed, or a line that logs an interaction and its promises
// (model.ParseCapture), with a live preview of what Enter saves. A line
// that reads as a capture, or starts as one ("coffee with …"), logs;
// anything else searches. The label beside the line says which.
type quickBox struct {
	w       *Window
	store   quickBoxStore
	people  []model.Person
	mode    boxMode
	entry   *quickEntry
	badge   *modeBadge
	preview *widget.Label
	results *searchResults
	hint    *widget.RichText // what the box does, before anything is typed
	keys    *widget.RichText
	content *fyne.Container
	dialog  dialog.Dialog
	// completions offer kinds and names for the words being typed.
	completions *kit.SuggestionList
	offered     model.CaptureCompletion
	// searches counts the searches started and stopped; cancel stops the one under
	// way (nil: none is); openWhenFound opens its first result when it
	// is done (Enter typed while it ran).
	searches      int
	cancel        context.CancelFunc
	openWhenFound bool
}

// quickEntry is the line of the box: while completions show, Tab takes
// the highlighted one (the first when none is) and Esc closes them; in a
// log, Down and Up move their highlight and Enter takes the highlighted
// one (saving the line when none is). While it searches, Up and Down move
// through the results and Enter opens the one highlighted. Otherwise Esc
// closes the box.
type quickEntry struct {
	widget.Entry
	box *quickBox
}

// AcceptsTab keeps Tab in the line while completions show.
func (e *quickEntry) AcceptsTab() bool { return e.box.completions.IsOpen() }

// TypedKey completes, moves, closes or types, as quickEntry says.
func (e *quickEntry) TypedKey(k *fyne.KeyEvent) {
	if e.box.completionKey(k.Name) || e.box.resultKey(k.Name) {
		return
	}
	if k.Name == fyne.KeyEscape {
		e.box.close()
		return
	}
	e.Entry.TypedKey(k)
}

// completionKey handles key while completions show, and reports whether
// it did.
func (q *quickBox) completionKey(key fyne.KeyName) bool {
	c := q.completions
	if !c.IsOpen() {
		return false
	}
	switch key {
	case fyne.KeyTab:
		q.complete(max(c.Highlighted(), 0))
	case fyne.KeyEscape:
		c.Close()
	case fyne.KeyDown, fyne.KeyUp, fyne.KeyReturn, fyne.KeyEnter:
		return q.mode == modeLog && q.logCompletionKey(key)
	default:
		return false
	}
	return true
}

// logCompletionKey moves through the completions of a log, or takes the
// highlighted one, and reports whether it did.
func (q *quickBox) logCompletionKey(key fyne.KeyName) bool {
	c := q.completions
	switch key {
	case fyne.KeyDown:
		c.Move(1)
	case fyne.KeyUp:
		c.Move(-1)
	default:
		if c.Highlighted() < 0 {
			return false
		}
		q.complete(c.Highlighted())
	}
	return true
}

// resultKey moves through the results while the box searches, and
// reports whether it did.
func (q *quickBox) resultKey(key fyne.KeyName) bool {
	if q.mode != modeSearch || !q.results.visible() {
		return false
	}
	switch key {
	case fyne.KeyDown:
		q.results.move(1)
	case fyne.KeyUp:
		q.results.move(-1)
	default:
		return false
	}
	return true
}

// offer lists the completions for the line as typed.
func (q *quickBox) offer() {
	q.offered = model.CompleteCapture(q.entry.Text, q.people)
	q.completions.Show(q.offered.Options, -1)
}

// complete replaces the words being typed with completion i, the cursor
// at the end of the line.
func (q *quickBox) complete(i int) {
	if i < 0 || i >= len(q.offered.Options) {
		return
	}
	line := q.entry.Text[:q.offered.From] + q.offered.Options[i]
	q.entry.SetText(line)
	q.entry.CursorRow, q.entry.CursorColumn = 0, len([]rune(line))
	q.entry.Refresh()
	q.w.win.Canvas().Focus(q.entry)
}

// openQuickBox reads the active people and opens the box, its line
// focused.
func openQuickBox(w *Window, store quickBoxStore) *quickBox {
	summaries, err := store.People(context.Background(), false)
	if err != nil {
		w.ShowError("Could not read the people", err)
		return nil
	}
	q := &quickBox{w: w, store: store, preview: widget.NewLabel(""), badge: newModeBadge()}
	for _, s := range summaries {
		q.people = append(q.people, s.Person)
	}
	q.entry = &quickEntry{box: q}
	q.entry.ExtendBaseWidget(q.entry)
	q.entry.SetPlaceHolder(quickBoxHint)
	q.completions = kit.NewSuggestionList(6)
	q.completions.OnPick = q.complete
	q.results = newSearchResults(q.open)
	q.entry.OnChanged = func(string) { q.update() }
	q.entry.OnSubmitted = func(string) { q.submit() }
	q.preview.Wrapping = fyne.TextWrapWord
	q.keys = kit.QuietText(quickBoxKeys, theme.SizeNameCaptionText)
	q.hint = kit.QuietText(quickBoxHelp, theme.SizeNameText)
	line := container.NewBorder(nil, nil, q.badge.root, nil, q.entry)
	// The completions open over the top of the body, as a drop-down does.
	body := container.New(&fixedHeight{height: bodyHeight}, container.NewVBox(q.hint, q.preview), q.results.Object(),
		container.NewVBox(q.completions.Object()))
	q.content = container.NewBorder(line, q.keys, nil, nil, body)
	q.completions.Relayout = q.content.Refresh
	q.dialog = dialog.NewCustomWithoutButtons(quickBoxTitle, q.content, w.win)
	q.update()
	q.dialog.Resize(fyne.NewSize(quickBoxWidth, 0))
	q.dialog.Show()
	w.win.Canvas().Focus(q.entry)
	return q
}

// update reads the line again as it is typed: its completions, its mode,
// and the preview of a log or the results of a search.
func (q *quickBox) update() {
	q.offer()
	text := q.entry.Text
	q.hint.Hide()
	switch {
	case strings.TrimSpace(text) == "":
		q.stopSearch()
		q.setMode(modeSearch, quickBoxKeys)
		q.setPreview("", widget.MediumImportance)
		q.results.hide()
		q.hint.Show()
	case q.readsAsLog(text):
		q.stopSearch()
		q.setMode(modeLog, quickLogKeys)
		q.results.hide()
		q.showPreview()
	default:
		q.setMode(modeSearch, searchKeys)
		q.setPreview("", widget.MediumImportance)
		q.search(text)
	}
}

// readsAsLog reports whether text is a line to log: it reads as a
// capture, or starts as one, with a kind and whom ("coffee with Da").
func (q *quickBox) readsAsLog(text string) bool {
	if _, err := q.parse(); err == nil {
		return true
	}
	return model.CaptureIntended(text)
}

// setMode shows mode beside the line and keys under the box.
func (q *quickBox) setMode(mode boxMode, keys string) {
	q.mode = mode
	q.badge.show(mode)
	if seg := q.keys.Segments[0].(*widget.TextSegment); seg.Text != keys {
		seg.Text = keys
		q.keys.Refresh()
	}
}

// search shows what text finds, at most searchLimit of it. The search
// runs off the window's goroutine (a short prefix over a large database
// can take longer than a frame), so typing never waits for it; a newer
// keystroke cancels it, and its results, if they still come, are dropped.
func (q *quickBox) search(text string) {
	q.stopSearch()
	n := q.searches
	ctx, cancel := context.WithCancel(context.Background())
	q.cancel = cancel
	query := model.ParseSearch(text, q.w.now())
	q.w.background(func() func() {
		res, err := q.store.Search(ctx, query, searchLimit)
		return func() {
			if n != q.searches {
				return // a later keystroke searches again
			}
			q.stopSearch()
			q.searched(text, query, res, err)
		}
	})
}

// stopSearch cancels the search under way, if any: what it finds is not
// shown.
func (q *quickBox) stopSearch() {
	q.searches++
	if q.cancel != nil {
		q.cancel()
		q.cancel = nil
	}
}

// searched shows what the search for text found, or why it failed, and
// opens the first result when Enter was typed before it came.
func (q *quickBox) searched(text string, query model.SearchQuery, res model.SearchResults, err error) {
	if err != nil {
		q.openWhenFound = false
		q.results.fail(err)
		return
	}
	q.results.show(text, query, res)
	if q.openWhenFound {
		q.openWhenFound = false
		q.submit()
	}
}

// submit is Enter in the line: it opens the result highlighted (once the
// search under way, if any, is done), or saves the line to log.
func (q *quickBox) submit() {
	if q.mode == modeLog {
		q.save()
		return
	}
	if q.cancel != nil { // still searching: open what it finds
		q.openWhenFound = true
		return
	}
	if h, ok := q.results.highlighted(); ok {
		q.open(h)
	}
}

// open closes the box and shows what h found at its place.
func (q *quickBox) open(h model.SearchHit) {
	q.close()
	q.w.openHit(h)
}

// parse reads the line against the people, as of now.
func (q *quickBox) parse() (model.Capture, error) {
	return model.ParseCapture(q.entry.Text, q.people, q.w.now())
}

// showPreview puts under a line to log exactly what Enter would save, or
// the part that cannot be read, its problem and whom a name could mean.
func (q *quickBox) showPreview() {
	c, err := q.parse()
	if err != nil {
		q.setPreview(captureProblem(err), widget.DangerImportance)
		return
	}
	q.setPreview(c.Preview, widget.MediumImportance)
}

// setPreview shows text under the line, in the colour of importance.
func (q *quickBox) setPreview(text string, importance widget.Importance) {
	q.preview.Importance = importance
	q.preview.SetText(text)
	if text == "" {
		q.preview.Hide()
	} else {
		q.preview.Show()
	}
}

// captureProblem says in words what in the line could not be read.
func captureProblem(err error) string {
	var ce *model.CaptureError
	if !errors.As(err, &ce) {
		return err.Error()
	}
	msg := ce.Problem
	if ce.Part != "" {
		msg = "“" + ce.Part + "”: " + ce.Problem
	}
	if len(ce.Candidates) > 0 {
		msg += ". Did you mean " + strings.Join(ce.Candidates, ", ") + "?"
	}
	return msg
}

// save saves the line, closes the box and offers to undo; a line that
// cannot be read saves nothing and keeps the box open with its problem.
func (q *quickBox) save() {
	c, err := q.parse()
	if err != nil {
		q.setPreview(captureProblem(err), widget.DangerImportance)
		return
	}
	res, err := q.store.LogCapture(context.Background(), c)
	if err != nil {
		q.w.ShowError("Could not log it", err)
		return
	}
	if ids := c.Interaction.PersonIDs; len(ids) > 0 {
		q.w.lastLogged = ids[0]
	}
	q.close()
	q.w.refresh()
	q.w.Toast("Logged: "+c.Preview, func() { q.undo(res) })
}

// undo removes what save created.
func (q *quickBox) undo(res model.CaptureResult) {
	if err := q.store.UndoCapture(context.Background(), res); err != nil {
		q.w.ShowError("Could not undo the log", err)
		return
	}
	q.w.refresh()
}

// close hides the box without saving, stopping its search.
func (q *quickBox) close() {
	q.stopSearch()
	q.dialog.Hide()
}

// modeBadge says beside the box's line what Enter does with it: Search,
// with a magnifier, or Log, with a plus.
type modeBadge struct {
	icon  *kit.ThemedIcon
	label *widget.Label
	root  *fyne.Container
}

// newModeBadge is the badge, saying Search.
func newModeBadge() *modeBadge {
	b := &modeBadge{icon: kit.NewThemedIcon(theme.IconNameSearch), label: widget.NewLabel("Search")}
	b.label.TextStyle = fyne.TextStyle{Bold: true}
	b.label.Importance = widget.HighImportance
	// As wide as its widest word, so the line does not move as it flips.
	widest := widget.NewLabelWithStyle("Search", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}).MinSize().Width
	b.root = container.NewHBox(b.icon, container.New(&kit.FixedWidth{Width: widest}, b.label))
	return b
}

// show says mode.
func (b *modeBadge) show(mode boxMode) {
	name, icon := "Search", theme.IconNameSearch
	if mode == modeLog {
		name, icon = "Log", theme.IconNameContentAdd
	}
	if b.label.Text != name {
		b.label.SetText(name)
		b.icon.SetName(icon)
	}
}
