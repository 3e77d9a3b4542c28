package kit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lineText is the text of a line of segments.
func lineText(line []*widget.TextSegment) string {
	var b strings.Builder
	for _, s := range line {
		b.WriteString(s.Text)
	}
	return b.String()
}

// shapedWidth is the line's width as Fyne shapes each segment.
func shapedWidth(line []*widget.TextSegment) float32 {
	var w float32
	for _, s := range line {
		w += fyne.MeasureText(s.Text, segmentSize(s), s.Style.TextStyle).Width
	}
	return w
}

// TestLineFitterCutsToTheWidth: a line that fits is kept whole; a longer
// one is cut at a word's end with "…", and what is kept, as Fyne shapes
// it, fits the width: in Latin, bold, Arabic, Hebrew with marks, and a
// line mixing them inside bidi isolates.
func TestLineFitterCutsToTheWidth(t *testing.T) {
	test.NewTempApp(t)
	bold := widget.RichTextStyleInline
	bold.TextStyle = fyne.TextStyle{Bold: true}
	plain := widget.RichTextStyleInline
	lines := map[string][]*widget.TextSegment{
		"latin": {{Text: "She fears the ", Style: plain}, {Text: "migration", Style: bold},
			{Text: " will slip past the quarter and the reorg with it, and then some more words", Style: plain}},
		"arabic": {{Text: "مديرة الهندسة تريد خطة واضحة للربع القادم قبل اجتماع المجلس", Style: plain}},
		"hebrew": {{Text: "שָׁלוֹם עֲלֵיכֶם מנהלת ההנדסה רוצה תוכנית ברורה לרבעון הבא", Style: plain}},
		"mixed": {{Text: "Lunch with \u2068مديرة الهندسة\u2069 about the Payments team and the reorg", Style: plain},
			{Text: " plan", Style: bold}},
	}
	f := NewLineFitter()
	for name, line := range lines {
		whole := shapedWidth(line)
		if got := f.Fit(line, whole+40); lineText(got) != lineText(line) {
			t.Errorf("%s: a line that fits became %q", name, lineText(got))
		}
		for _, width := range []float32{whole * 0.8, whole / 2, whole / 4} {
			got := f.Fit(line, width)
			text := lineText(got)
			if !strings.HasSuffix(text, "…") || len(text) >= len(lineText(line)) {
				t.Errorf("%s at %.0f: %q, want a shorter line ending in …", name, width, text)
			}
			if w := shapedWidth(got); w > width {
				t.Errorf("%s at %.0f: %q is %.1f wide", name, width, text, w)
			}
			if strings.Count(text, "\u2068") != strings.Count(text, "\u2069") {
				t.Errorf("%s at %.0f: %q leaves an isolate open", name, width, text)
			}
		}
	}
}

// TestLineFitterCutsAtAWord: the cut falls after a whole word when one
// ends near it, with no separator dangling before the "…", and a width of zero (a row not laid out yet) keeps the
// line as it is.
func TestLineFitterCutsAtAWord(t *testing.T) {
	test.NewTempApp(t)
	f := NewLineFitter()
	line := []*widget.TextSegment{{Text: "alpha bravo charlie delta echo foxtrot golf", Style: widget.RichTextStyleInline}}
	width := f.Width("alpha bravo charlie de", fyne.TextStyle{}, theme.Size(theme.SizeNameText))
	if got := lineText(f.Fit(line, width)); got != "alpha bravo charlie…" {
		t.Errorf("cut to %q, want %q", got, "alpha bravo charlie…")
	}
	// A separator left at the cut goes with what it separated.
	meta := []*widget.TextSegment{{Text: "Nadia Haddad · 2026-04-30 · a long line after it", Style: widget.RichTextStyleInline}}
	width = f.Width("Nadia Haddad · 20", fyne.TextStyle{}, theme.Size(theme.SizeNameText))
	if got := lineText(f.Fit(meta, width)); got != "Nadia Haddad…" {
		t.Errorf("cut to %q, want %q", got, "Nadia Haddad…")
	}
	if got := f.Fit(line, 0); len(got) != 1 || got[0] != line[0] {
		t.Errorf("fitting to no width changed the line to %q", lineText(got))
	}
}
