package ui

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// searchStore is what the box's search needs of the store: one call that
// finds everything a query matches, at most limit of it.
type searchStore interface {
	Search(ctx context.Context, q model.SearchQuery, limit int) (model.SearchResults, error)
}

// searchLimit is how many results the box shows at most; the count says
// how many matched in all.
const searchLimit = 200

// bodyHeight is the height of what shows under the box's line (the
// results, a log's preview, or the hint), constant so that the box does
// not jump as it switches.
const bodyHeight = 420

// resultRow is a row of the results: a kind's heading, or a hit.
type resultRow struct {
	heading string
	hit     model.SearchHit
}

// searchResults shows what the box's search found, grouped by kind under
// headings (people first), each hit with its snippet, its matched words
// in the primary colour, and its person and date. One hit is highlighted:
// Up and Down move it and open runs with it on Enter; a click opens a hit
// at once.
type searchResults struct {
	rows []resultRow
	at   int // the highlighted row, -1 when none is

	count *widget.Label
	list  *widget.List
	root  *fyne.Container // the count over the list; hidden with no query
	// open runs with the hit clicked, or highlighted when Enter is typed.
	open func(model.SearchHit)
	// fit cuts each row's lines to its width.
	fit *kit.LineFitter
}

// newSearchResults is the results view, hidden until show.
func newSearchResults(open func(model.SearchHit)) *searchResults {
	r := &searchResults{at: -1, open: open, fit: kit.NewLineFitter()}
	r.count = widget.NewLabel("")
	r.count.Wrapping = fyne.TextWrapWord
	r.list = widget.NewList(func() int { return len(r.rows) }, newResultRow, r.updateRow)
	// The highlight is drawn by the rows (updateRow), not the list's
	// selection, which only takes clicks: one pass over the rows on show
	// per keystroke.
	r.list.OnSelected = func(id widget.ListItemID) {
		r.list.UnselectAll()
		if id < len(r.rows) && r.rows[id].heading == "" { // a heading is not a thing to open
			r.moveTo(id)
			r.open(r.rows[id].hit)
		}
	}
	r.root = container.NewBorder(r.count, nil, nil, nil, r.list)
	r.root.Hide()
	return r
}

// Object is the view to place under the line.
func (r *searchResults) Object() fyne.CanvasObject { return r.root }

// show lists res, the first hit highlighted, and says how many there are
// of how many; none says so in words, naming the query.
func (r *searchResults) show(query string, q model.SearchQuery, res model.SearchResults) {
	m := model.NewSearchMatcher(q)
	for i := range res.Hits {
		if h := &res.Hits[i]; len(h.Snippet) == 0 { // matched by its title
			if h.Snippet = m.Mark(hitTitle(*h), 0); h.Snippet == nil {
				h.Snippet = []model.Span{{Text: hitTitle(*h)}}
			}
		}
	}
	r.rows = groupHits(res.Hits, res.ByKind)
	r.count.Importance = widget.MediumImportance
	r.count.SetText(resultCount(query, len(res.Hits), res.Total))
	r.at = -1
	for i, row := range r.rows {
		if row.heading == "" {
			r.at = i
			break
		}
	}
	r.list.ScrollToTop()
	r.list.Refresh()
	r.list.Show()
	if len(r.rows) == 0 {
		r.list.Hide()
	}
	r.root.Show()
}

// fail says in place of the results that the search failed, and why.
func (r *searchResults) fail(err error) {
	r.rows, r.at = nil, -1
	r.list.Refresh()
	r.list.Hide()
	r.count.Importance = widget.DangerImportance
	r.count.SetText("Could not search: " + err.Error())
	r.root.Show()
}

// hide clears and hides the results.
func (r *searchResults) hide() {
	r.rows, r.at = nil, -1
	r.list.Refresh()
	r.root.Hide()
}

// visible reports whether results show.
func (r *searchResults) visible() bool { return r.root.Visible() }

// highlighted is the hit highlighted, false when none is.
func (r *searchResults) highlighted() (model.SearchHit, bool) {
	if r.at < 0 || r.at >= len(r.rows) || r.rows[r.at].heading != "" {
		return model.SearchHit{}, false
	}
	return r.rows[r.at].hit, true
}

// move highlights the next hit in direction step (1 down, -1 up),
// skipping headings and staying within the rows.
func (r *searchResults) move(step int) {
	for i := r.at + step; i >= 0 && i < len(r.rows); i += step {
		if r.rows[i].heading == "" {
			r.moveTo(i)
			return
		}
	}
}

// moveTo highlights row id (a hit), scrolled into view, without opening it.
func (r *searchResults) moveTo(id widget.ListItemID) {
	if id < 0 || id >= len(r.rows) {
		return
	}
	old := r.at
	r.at = id
	r.list.RefreshItem(old)
	r.list.RefreshItem(id)
	r.list.ScrollTo(id)
}

// groupHits is the rows for hits: a heading before the first hit of each
// kind, with how many of that kind matched in all (byKind) when known.
// The store gives hits grouped in model.HitKinds order already.
func groupHits(hits []model.SearchHit, byKind map[model.HitKind]int) []resultRow {
	var rows []resultRow
	var last model.HitKind
	for _, h := range hits {
		if h.Kind != last {
			heading := hitHeading(h.Kind)
			if n := byKind[h.Kind]; n > 0 {
				heading += " · " + thousands(n)
			}
			rows = append(rows, resultRow{heading: heading})
			last = h.Kind
		}
		rows = append(rows, resultRow{hit: h})
	}
	return rows
}

// resultCount says how many results show, of how many, or that nothing
// matched query.
func resultCount(query string, shown, total int) string {
	switch {
	case total == 0:
		return fmt.Sprintf("Nothing found for “%s”.", strings.TrimSpace(query))
	case shown < total:
		return fmt.Sprintf("%s of %s results", thousands(shown), thousands(total))
	case total == 1:
		return "1 result"
	}
	return thousands(total) + " results"
}

// thousands writes n with a comma between each three digits: 1,342.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// hitHeading names a kind of hit over its group.
func hitHeading(k model.HitKind) string {
	switch k {
	case model.HitPerson:
		return "People"
	case model.HitInteraction:
		return "Interactions"
	case model.HitPromise:
		return "Promises"
	case model.HitMeeting:
		return "Meetings"
	case model.HitPlan:
		return "Career plan"
	case model.HitOpportunity:
		return "Opportunities"
	case model.HitDisclosure:
		return "What you shared about yourself"
	}
	return string(k)
}

// hitNoun names one thing of a kind.
func hitNoun(k model.HitKind) string {
	switch k {
	case model.HitPerson:
		return "Person"
	case model.HitInteraction:
		return "Interaction"
	case model.HitPromise:
		return "Promise"
	case model.HitMeeting:
		return "Meeting"
	case model.HitPlan:
		return "Career plan"
	case model.HitOpportunity:
		return "Opportunity"
	}
	return "What you shared"
}

// hitIcon is the icon of a kind of hit, as the sidebar shows its screen.
func hitIcon(k model.HitKind) fyne.ThemeIconName {
	switch k {
	case model.HitPerson:
		return theme.IconNameAccount
	case model.HitInteraction:
		return theme.IconNameHistory
	case model.HitPromise:
		return theme.IconNameConfirm
	case model.HitMeeting:
		return theme.IconNameCalendar
	case model.HitPlan:
		return theme.IconNameList
	case model.HitOpportunity:
		return theme.IconNameMailCompose
	}
	return theme.IconNameVisibility
}

// newResultRow is the template of a row: a heading (at the foot of the
// row, the space above it parting the groups), or a hit's icon, its
// snippet and, under it, what it is, with whom and when, on the
// highlight's background when it is the one highlighted. Every row has
// the same height: sizing rows one by one costs a pass over the list each.
func newResultRow() fyne.CanvasObject {
	label := widget.NewLabelWithStyle("Interactions", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	label.SizeName = theme.SizeNameCaptionText
	heading := container.NewBorder(nil, label, nil, nil)
	highlight := kit.NewThemedRect(theme.ColorNameSelection)
	// The rows' lines are cut to fit with an ellipsis by updateRow;
	// clipping only keeps a script it misjudges inside the row.
	snippet := widget.NewRichText(&widget.TextSegment{Text: "Snippet", Style: widget.RichTextStyleInline})
	snippet.Truncation = fyne.TextTruncateClip
	meta := widget.NewRichText(&widget.TextSegment{Text: "Person · date", Style: metaStyle})
	meta.Truncation = fyne.TextTruncateClip
	tight := layout.NewCustomPaddedVBoxLayout(-3 * theme.Padding())
	icon := kit.NewThemedIcon(theme.IconNameAccount)
	row := container.NewBorder(nil, nil, container.NewCenter(icon), nil, container.New(tight, snippet, meta))
	return container.NewStack(heading, container.NewStack(highlight, row))
}

// updateRow fills row id of the list: a heading or a hit.
func (r *searchResults) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(r.rows) {
		return
	}
	stack := o.(*fyne.Container)
	heading, item := stack.Objects[0].(*fyne.Container), stack.Objects[1].(*fyne.Container)
	if h := r.rows[id].heading; h != "" {
		heading.Objects[0].(*widget.Label).SetText(h)
		heading.Show()
		item.Hide()
		return
	}
	heading.Hide()
	item.Show()
	if mark := item.Objects[0].(*kit.ThemedRect); id == r.at {
		mark.Show()
	} else {
		mark.Hide()
	}
	row := item.Objects[1].(*fyne.Container)
	hit := r.rows[id].hit
	texts := row.Objects[0].(*fyne.Container)
	snippet, meta := texts.Objects[0].(*widget.RichText), texts.Objects[1].(*widget.RichText)
	// Each line is cut to the row here: Fyne's TextTruncateEllipsis would
	// shape every row's text anew on each keystroke.
	width := snippet.Size().Width - 2*theme.InnerPadding()
	snippet.Segments = richSegments(r.fit.Fit(snippetSegments(hit), width))
	snippet.Refresh()
	meta.Segments = richSegments(r.fit.Fit([]*widget.TextSegment{{Text: hitMeta(hit), Style: metaStyle}}, width))
	meta.Refresh()
	row.Objects[1].(*fyne.Container).Objects[0].(*kit.ThemedIcon).SetName(hitIcon(hit.Kind))
}

// snippetSegments are the hit's snippet as text, its matched words bold in
// the primary colour, on one line; the title when there is no snippet.
func snippetSegments(h model.SearchHit) []*widget.TextSegment {
	room := snippetRunes
	var segs []*widget.TextSegment
	if h.Kind == model.HitPerson && !strings.Contains(snippetText(h), oneLine(h.Title)) {
		// A person found by their notes: their name first, taking its
		// share of the row's characters (Fyne cannot truncate a line of
		// several segments, so the row is cut to fit here).
		name := fitSpans([]model.Span{{Text: oneLine(h.Title)}}, 0, snippetRunes/3)[0].Text
		room -= len([]rune(name)) + 3
		bold := widget.RichTextStyleInline
		bold.TextStyle = fyne.TextStyle{Bold: true}
		segs = append(segs, &widget.TextSegment{Text: kit.Isolate(name), Style: bold},
			&widget.TextSegment{Text: " · ", Style: widget.RichTextStyleInline})
	}
	spans := fitSpans(tidySpans(h.Snippet), min(snippetLead, room/3), room)
	if len(spans) == 0 {
		spans = []model.Span{{Text: hitTitle(h)}}
	}
	for _, s := range spans {
		style := widget.RichTextStyleInline
		if s.Match {
			style.ColorName = theme.ColorNamePrimary
			style.TextStyle = fyne.TextStyle{Bold: true}
		}
		segs = append(segs, &widget.TextSegment{Text: kit.IsolateRuns(s.Text), Style: style})
	}
	return segs
}

// metaStyle is the style of the line under a hit's snippet.
var metaStyle = widget.RichTextStyle{ColorName: kit.ColorNameQuiet, SizeName: theme.SizeNameCaptionText, Inline: true}

// richSegments are segs as a RichText's segments.
func richSegments(segs []*widget.TextSegment) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, len(segs))
	for i, s := range segs {
		out[i] = s
	}
	return out
}

// How much of a snippet a row shows: at most snippetLead characters
// before the first match, snippetRunes in all, so that the match shows
// whole in a row's width.
const (
	snippetLead  = 28
	snippetRunes = 96
)

// fitSpans cuts spans to at most total characters, dropping, when they
// do not fit, as many from before the first match as it takes (keeping
// lead of them, from a word's start), and marks each cut with "…".
func fitSpans(spans []model.Span, lead, total int) []model.Span {
	var all []rune
	before := -1
	for _, s := range spans {
		if s.Match && before < 0 {
			before = len(all)
		}
		all = append(all, []rune(s.Text)...)
	}
	skip := max(0, min(before-lead, len(all)-total))
	for skip > 0 && skip < before && all[skip-1] != ' ' {
		skip++ // from the start of a word
	}
	out := make([]model.Span, 0, len(spans)+1)
	left := total
	for _, s := range spans {
		r := []rune(s.Text)
		if skip >= len(r) {
			skip -= len(r)
			continue
		}
		r = r[skip:]
		if skip > 0 && len(out) == 0 {
			r = append([]rune("…"), r...)
		}
		skip = 0
		if len(r) > left {
			return append(out, model.Span{Text: string(r[:left]) + "…", Match: s.Match})
		}
		left -= len(r)
		out = append(out, model.Span{Text: string(r), Match: s.Match})
	}
	return out
}

// tidySpans puts spans on one line: each run of spaces and line breaks
// becomes one space, none at either end; spans left empty are dropped.
func tidySpans(spans []model.Span) []model.Span {
	out := make([]model.Span, 0, len(spans))
	space := true // at the start: drop leading spaces
	for _, s := range spans {
		var b strings.Builder
		for _, r := range s.Text {
			if unicode.IsSpace(r) {
				if !space {
					b.WriteByte(' ')
				}
				space = true
				continue
			}
			b.WriteRune(r)
			space = false
		}
		if b.Len() > 0 {
			out = append(out, model.Span{Text: b.String(), Match: s.Match})
		}
	}
	if n := len(out); n > 0 {
		out[n-1].Text = strings.TrimRight(out[n-1].Text, " ")
		if out[n-1].Text == "" {
			out = out[:n-1]
		}
	}
	return out
}

// hitTitle is the hit's own name, or what it is when it has none (a
// meeting without a title).
func hitTitle(h model.SearchHit) string {
	if t := strings.TrimSpace(h.Title); t != "" {
		return t
	}
	return hitNoun(h.Kind)
}

// hitMeta is the line under a hit's snippet: its title when the snippet
// does not already show it (a person's name shows before the snippet),
// the part of the plan it is, the person it is
// with and its date (a person's none).
func hitMeta(h model.SearchHit) string {
	var parts []string
	if title := hitTitle(h); h.Kind != model.HitPerson && !strings.Contains(snippetText(h), oneLine(title)) {
		parts = append(parts, oneLine(title))
	}
	if h.Kind == model.HitPlan && h.PlanPart != "" {
		parts = append(parts, kit.CapitalFirst(h.PlanPart))
	}
	if h.PersonName != "" && h.Kind != model.HitPerson {
		parts = append(parts, kit.Isolate(h.PersonName))
	}
	if !h.Date.IsZero() && h.Kind != model.HitPerson {
		parts = append(parts, kit.DayText(h.Date.Local()))
	}
	return strings.Join(parts, " · ")
}

// snippetText is the snippet's text as shown, on one line.
func snippetText(h model.SearchHit) string {
	var b strings.Builder
	for _, s := range tidySpans(h.Snippet) {
		b.WriteString(s.Text)
	}
	return b.String()
}

// oneLine puts text on one line: its runs of spaces and line breaks
// become one space.
func oneLine(text string) string {
	return strings.Join(strings.Fields(text), " ")
}

// fixedHeight lays its objects out stacked, at a constant minimum height,
// as wide as their widest.
type fixedHeight struct {
	height float32
}

// Layout implements fyne.Layout.
func (f *fixedHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize implements fyne.Layout.
func (f *fixedHeight) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, f.height)
}

// offBeat runs work on a goroutine of its own, then what it returns on
// the window's goroutine: the Window's background outside tests.
func offBeat(work func() (then func())) {
	go func() {
		then := work()
		fyne.Do(then)
	}()
}
