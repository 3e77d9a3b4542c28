package kit

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ellipsis ends a line that was cut.
const ellipsis = "…"

// LineFitter cuts lines of text to a width, "…" where cut, by adding up
// the advance of each rune, measured once per style and size and kept.
// A list that shows new text on every keystroke (the search results)
// fits its rows with it: Fyne's own TextTruncateEllipsis shapes each
// row's text again, with a new shaper each time, which cost 2 ms and
// 1.6 MB for a screen of results.
//
// The sum of the runes' advances is at least the shaped width in the
// scripts Rapport meets (kerning and ligatures only narrow a line, a
// letter joined in Arabic is no wider than alone), so a line it keeps
// whole fits. Right-to-left lines are shaped to be sure: Arabic letters
// joined are narrower than alone, and Hebrew points can widen a letter.
// Marks and format characters (the bidi isolates) count nothing. A fitted line should still be shown with TextTruncateClip, so
// that no script it misjudges can run past the row.
type LineFitter struct {
	advance map[fittedRune]float32
}

// fittedRune is what a rune's advance depends on.
type fittedRune struct {
	r     rune
	style fyne.TextStyle
	size  float32
}

// NewLineFitter returns a fitter with nothing measured yet.
func NewLineFitter() *LineFitter {
	return &LineFitter{advance: make(map[fittedRune]float32)}
}

// Width is how wide text is in style at size, as the fitter reckons it.
func (f *LineFitter) Width(text string, style fyne.TextStyle, size float32) float32 {
	var w float32
	for _, r := range text {
		w += f.runeWidth(r, style, size)
	}
	return w
}

// runeWidth is the advance of r, measured the first time it is asked.
func (f *LineFitter) runeWidth(r rune, style fyne.TextStyle, size float32) float32 {
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	key := fittedRune{r, style, size}
	w, ok := f.advance[key]
	if !ok {
		w = fyne.MeasureText(string(r), size, style).Width
		f.advance[key] = w
	}
	return w
}

// Fit cuts line, text segments on one line, to width: the segments that
// fit whole, then as much of the next as fits with "…" after it, at a
// word's end when one is near. A line that fits is returned as it is; a
// width of zero or less (not laid out yet) fits everything.
func (f *LineFitter) Fit(line []*widget.TextSegment, width float32) []*widget.TextSegment {
	if width <= 0 {
		return line
	}
	width -= fitSlack
	var total float32
	for _, s := range line {
		total += f.segmentWidth(s, s.Text)
	}
	if total <= width || f.shapedFits(line, width) {
		return line
	}
	out := make([]*widget.TextSegment, 0, len(line))
	left := width
	for _, s := range line {
		cut, whole := f.cut(s, left-f.segmentWidth(s, ellipsis))
		if whole {
			out = append(out, s)
			left -= f.segmentWidth(s, s.Text)
			continue
		}
		cut = closeIsolates(cut) + ellipsis
		for HasRightToLeft(cut) && cut != ellipsis &&
			fyne.MeasureText(cut, segmentSize(s), s.Style.TextStyle).Width > left {
			cut = closeIsolates(shorter(strings.TrimSuffix(cut, ellipsis))) + ellipsis
		}
		return append(out, &widget.TextSegment{Text: cut, Style: s.Style})
	}
	return out
}

// fitSlack is the room Fit leaves at the end of a line, for the odd
// fraction of a pixel by which a shaped line outgrows its runes' sum.
const fitSlack = 2

// shorter is text less its last word, or its last letter when it is one
// word, and with no space at its end.
func shorter(text string) string {
	text = strings.TrimRight(text, popIsolate)
	if space := strings.LastIndexFunc(text, unicode.IsSpace); space > 0 {
		return strings.TrimRightFunc(text[:space], unicode.IsSpace)
	}
	runes := []rune(text)
	return string(runes[:max(len(runes)-1, 0)])
}

// shapedFits reports, for a line with right-to-left letters, whether it
// fits width as Fyne shapes it: Arabic letters joined are narrower than
// alone, so the runes' sum can be far too wide for a line that fits.
// Other lines are not shaped (false).
func (f *LineFitter) shapedFits(line []*widget.TextSegment, width float32) bool {
	var w float32
	for _, s := range line {
		if !HasRightToLeft(s.Text) {
			w += f.segmentWidth(s, s.Text)
			continue
		}
		w += fyne.MeasureText(s.Text, segmentSize(s), s.Style.TextStyle).Width
	}
	return w <= width
}

// segmentWidth is how wide text is in the style of s.
func (f *LineFitter) segmentWidth(s *widget.TextSegment, text string) float32 {
	return f.Width(text, s.Style.TextStyle, segmentSize(s))
}

// segmentSize is the text size of s in the current theme.
func segmentSize(s *widget.TextSegment) float32 {
	if s.Style.SizeName == "" {
		return theme.Size(theme.SizeNameText)
	}
	return theme.Size(s.Style.SizeName)
}

// cut is the longest start of the text of s that fits width, backed off to the end
// of a word when one ends in its last fifth, with its trailing spaces
// dropped, and a separator before them; whole is true when all of text
// fits.
func (f *LineFitter) cut(s *widget.TextSegment, width float32) (string, bool) {
	text, style, size := s.Text, s.Style.TextStyle, segmentSize(s)
	var w float32
	end := len(text)
	for i, r := range text {
		if w += f.runeWidth(r, style, size); w > width {
			end = i
			break
		}
	}
	if end == len(text) {
		return text, true
	}
	kept := text[:end]
	if space := strings.LastIndexFunc(kept, unicode.IsSpace); space > 0 && space >= len(kept)*4/5 {
		kept = kept[:space]
	}
	return strings.TrimRightFunc(kept, endsBadly), false
}

// endsBadly reports whether r should not stand just before an ellipsis:
// a space, or a separator such as " · " or a comma left dangling.
func endsBadly(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("·,;:–—", r)
}

// closeIsolates ends the bidi isolates that a cut left open (IsolateRuns
// and Isolate wrap right-to-left text in FSI … PDI), so that the ellipsis
// after them keeps the line's direction.
func closeIsolates(s string) string {
	open := strings.Count(s, firstStrongIsolate) - strings.Count(s, popIsolate)
	if open <= 0 {
		return s
	}
	return s + strings.Repeat(popIsolate, open)
}
