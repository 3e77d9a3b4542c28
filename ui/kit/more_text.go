package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The most of a long text shown before "more": lines, and characters.
const (
	MoreTextLines = 4
	MoreTextRunes = 320
)

// MoreText is wrapped, selectable text that shows only its start when it
// is long, with "more" to show it whole and "less" to fold it again, so a
// long note does not push what follows far down.
type MoreText struct {
	// Label shows the text, whole or its start.
	Label *widget.Label
	// Toggle is "more" or "less"; hidden when the text is short.
	Toggle *widget.Button
	// Root is what to put on the page.
	Root fyne.CanvasObject

	full, short string
	open        bool
}

// NewMoreText shows text, folded to its first MoreTextLines lines and
// MoreTextRunes characters (cut between words, with an ellipsis) when it
// is longer.
func NewMoreText(text string) *MoreText {
	t := &MoreText{full: text, short: StartOf(text, MoreTextLines, MoreTextRunes)}
	t.Label = ValueLabel(t.short)
	t.Toggle = widget.NewButton("more", t.toggle)
	t.Toggle.Importance = widget.LowImportance
	if t.short == text {
		t.Toggle.Hide()
		t.Root = t.Label
		return t
	}
	t.Root = container.NewVBox(t.Label, container.NewHBox(t.Toggle))
	return t
}

// toggle shows the whole text, or folds it again.
func (t *MoreText) toggle() {
	t.open = !t.open
	if t.open {
		t.Label.SetText(t.full)
		t.Toggle.SetText("less")
		return
	}
	t.Label.SetText(t.short)
	t.Toggle.SetText("more")
}

// StartOf is text cut to its first lines lines and at most runes
// characters, between words where there is a space, with "…" when
// anything was cut; text itself when it is short enough.
func StartOf(text string, lines, runes int) string {
	short := text
	if parts := strings.SplitAfterN(short, "\n", lines+1); len(parts) > lines {
		short = strings.TrimRight(strings.Join(parts[:lines], ""), "\n")
	}
	if r := []rune(short); len(r) > runes {
		short = string(r[:runes])
		if i := strings.LastIndexAny(short, " \n"); i > len(short)/2 {
			short = short[:i]
		}
	}
	if short == text {
		return text
	}
	return strings.TrimRight(short, " \n.,;:") + "…"
}
