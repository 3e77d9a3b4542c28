// Package kittest finds widgets the way a user finds them, by what they
// say, for the tests of the screen packages: in a screen's content, or in
// the dialog on top of a window (its canvas's overlays). It is imported
// only by _test.go files. Tap and type with fyne.io/fyne/v2/test.
package kittest

import (
	"fmt"
	"image/color"
	"rapport/ui/kit"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Walk calls visit on root and every object shown inside it, depth first,
// looking into containers and widgets' renderers; hidden objects and what
// they hold are skipped, as a user cannot see them. It looks inside an
// object only when visit returns true for it.
func Walk(root fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if root == nil || !root.Visible() || !visit(root) {
		return
	}
	var children []fyne.CanvasObject
	switch x := root.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		Walk(c, visit)
	}
}

// Find is the first object of type T under root for which match (nil:
// any) is true, or the zero T (nil) when there is none.
func Find[T fyne.CanvasObject](root fyne.CanvasObject, match func(T) bool) T {
	var found T
	done := false
	Walk(root, func(o fyne.CanvasObject) bool {
		if done {
			return false
		}
		if t, ok := o.(T); ok && (match == nil || match(t)) {
			found, done = t, true
			return false
		}
		return true
	})
	return found
}

// Button is the button under root whose text is text, nil when none.
func Button(root fyne.CanvasObject, text string) *widget.Button {
	if b := Buttons(root, text); len(b) > 0 {
		return b[0]
	}
	return nil
}

// MustButton is Button, failing the test when there is none.
func MustButton(tb testing.TB, root fyne.CanvasObject, text string) *widget.Button {
	tb.Helper()
	b := Button(root, text)
	if b == nil {
		tb.Fatalf("no button %q among: %q", text, Texts(root))
	}
	return b
}

// Hyperlink is the link under root whose text is text, nil when none.
func Hyperlink(root fyne.CanvasObject, text string) *widget.Hyperlink {
	return Find(root, func(h *widget.Hyperlink) bool { return h.Text == text })
}

// Entry is the entry under root showing placeholder (when empty) or text,
// nil when none.
func Entry(root fyne.CanvasObject, placeholderOrText string) *widget.Entry {
	return FindEntry(root, func(e *widget.Entry) bool { return e.PlaceHolder == placeholderOrText || e.Text == placeholderOrText })
}

// Texts lists every text shown under root, in order: labels, rich text,
// buttons, links, entries and canvas text.
func Texts(root fyne.CanvasObject) []string {
	var out []string
	Walk(root, func(o fyne.CanvasObject) bool {
		switch x := o.(type) {
		case *canvas.Text:
			if x.Text != "" {
				out = append(out, x.Text)
			}
		case *widget.RichText:
			out = append(out, x.String())
			return false // its segments are drawn as canvas text again
		case *widget.Label:
			out = append(out, x.Text)
			return false
		case *widget.Button:
			out = append(out, x.Text)
			return false
		case *widget.Hyperlink:
			out = append(out, x.Text)
			return false
		case *widget.Entry:
			out = append(out, x.Text)
			return false
		case *kit.TextField:
			out = append(out, x.Text)
			return false
		case *kit.ShortLabel:
			out = append(out, x.Text)
			return false
		}
		return true
	})
	return out
}

// Shows reports whether some text under root contains part.
func Shows(root fyne.CanvasObject, part string) bool {
	for _, t := range Texts(root) {
		if strings.Contains(t, part) {
			return true
		}
	}
	return false
}

// TopDialog is what is on top of the window: the last dialog or pop-up
// shown and not closed, nil when there is none.
func TopDialog(w fyne.Window) fyne.CanvasObject {
	return w.Canvas().Overlays().Top()
}

// Buttons are all the buttons under root whose text is text, the button
// inside a kit.Button included.
func Buttons(root fyne.CanvasObject, text string) []*widget.Button {
	var out []*widget.Button
	Walk(root, func(o fyne.CanvasObject) bool {
		b, ok := o.(*widget.Button)
		if k, isKit := o.(*kit.Button); isKit {
			b, ok = &k.Button, true
		}
		if ok && b.Text == text {
			out = append(out, b)
		}
		return true
	})
	return out
}

// NewApp is a headless test app, removed when the test ends, whose theme
// is Fyne's test theme with kit's colours added, as the window's theme
// adds them.
func NewApp(tb testing.TB) fyne.App {
	a := test.NewTempApp(tb)
	a.Settings().SetTheme(withKit{a.Settings().Theme()})
	return a
}

// withKit is a theme with kit's colours added.
type withKit struct{ fyne.Theme }

// Color implements fyne.Theme.
func (t withKit) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	if name == kit.ColorNameQuiet {
		return kit.QuietColor(variant)
	}
	return t.Theme.Color(name, variant)
}

// TapLink taps the link under root whose text is text, over its text (a
// link ignores taps beside it), failing the test when there is none.
func TapLink(tb testing.TB, root fyne.CanvasObject, text string) {
	tb.Helper()
	l := Hyperlink(root, text)
	if l == nil {
		tb.Fatalf("no link %q among: %q", text, Texts(root))
	}
	test.TapAt(l, fyne.NewPos(l.MinSize().Width/2, l.Size().Height/2))
}

// FindEntry is the first text entry under root that match accepts (any
// when match is nil), a kit.TextField's entry included; nil when none.
func FindEntry(root fyne.CanvasObject, match func(*widget.Entry) bool) *widget.Entry {
	var found *widget.Entry
	Walk(root, func(o fyne.CanvasObject) bool {
		e, ok := AsEntry(o)
		if found == nil && ok && (match == nil || match(e)) {
			found = e
		}
		return found == nil
	})
	return found
}

// AsEntry is o's text entry when o is one (a kit.TextField's included).
func AsEntry(o any) (*widget.Entry, bool) {
	if f, ok := o.(*kit.TextField); ok {
		return &f.Entry, true
	}
	e, ok := o.(*widget.Entry)
	return e, ok
}

// Words lists the words o shows, depth first, hidden parts too: labels,
// rich texts, links, buttons and progress bars' own texts.
func Words(o fyne.CanvasObject) []string {
	switch v := o.(type) {
	case *fyne.Container:
		var out []string
		for _, c := range v.Objects {
			out = append(out, Words(c)...)
		}
		return out
	case *container.Scroll:
		return Words(v.Content)
	case *widget.Label:
		return []string{v.Text}
	case *widget.RichText:
		return []string{v.String()}
	case *widget.Hyperlink:
		return []string{v.Text}
	case *widget.Button:
		return []string{v.Text}
	case *widget.ProgressBar:
		if v.TextFormatter != nil {
			return []string{v.TextFormatter()}
		}
	}
	return nil
}

// Recorder is the half of a screen test's fake Navigator that records,
// in words, what the screen asked for; tests compare Asked with
// slices.Equal.
type Recorder struct {
	// Asked lists the requests in order, e.g. "open person 3".
	Asked []string
}

// Ask records one request, worded as fmt.Sprintf(format, a...).
func (r *Recorder) Ask(format string, a ...any) {
	r.Asked = append(r.Asked, fmt.Sprintf(format, a...))
}

// List is the first keyboard-driven list under root, nil when there is
// none.
func List(root fyne.CanvasObject) *kit.List {
	return Find[*kit.List](root, nil)
}

// Drawn is the text drawn under root, line by line, as the user sees it:
// a label cut short ends in "…" here, where Texts gives its whole text.
func Drawn(root fyne.CanvasObject) string {
	var lines []string
	Walk(root, func(o fyne.CanvasObject) bool {
		if x, ok := o.(*canvas.Text); ok && x.Text != "" {
			lines = append(lines, x.Text)
		}
		return true
	})
	return strings.Join(lines, "\n")
}

// FindSelect is the first drop-down under root that match accepts (any
// when match is nil), a kit.Select's included; nil when none.
func FindSelect(root fyne.CanvasObject, match func(*widget.Select) bool) *widget.Select {
	var found *widget.Select
	Walk(root, func(o fyne.CanvasObject) bool {
		s, ok := AsSelect(o)
		if found == nil && ok && (match == nil || match(s)) {
			found = s
		}
		return found == nil
	})
	return found
}

// AsSelect is o's drop-down when o is one (a kit.Select's included).
func AsSelect(o any) (*widget.Select, bool) {
	if s, ok := o.(*kit.Select); ok {
		return &s.Select, true
	}
	s, ok := o.(*widget.Select)
	return s, ok
}
