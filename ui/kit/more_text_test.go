package kit_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

func TestStartOf(t *testing.T) {
	long := strings.Repeat("word ", 100)
	for _, c := range []struct{ name, text, want string }{
		{"short", "Coffee at Blue Bottle", "Coffee at Blue Bottle"},
		{"four lines", "a\nb\nc\nd", "a\nb\nc\nd"},
		{"five lines", "a\nb\nc\nd\ne", "a\nb\nc\nd…"},
		{"long, cut between words", long, strings.TrimSpace(strings.Repeat("word ", 64)) + "…"},
		{"no spaces", strings.Repeat("x", 400), strings.Repeat("x", 320) + "…"},
		{"arabic", strings.Repeat("محمد ", 100), strings.TrimSpace(strings.Repeat("محمد ", 64)) + "…"},
	} {
		if got := kit.StartOf(c.text, 4, 320); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// TestMoreTextFoldsALongNote checks a 5,000-character note shows a few
// lines and "more", which shows it whole, and "less" folds it again; a
// short note has no button.
func TestMoreTextFoldsALongNote(t *testing.T) {
	kittest.NewApp(t)
	note := strings.Repeat("The migration slipped again and Gregor wants a date. ", 95)[:5000]
	m := kit.NewMoreText(note)
	if n := len([]rune(m.Label.Text)); n > kit.MoreTextRunes+1 || !strings.HasSuffix(m.Label.Text, "…") {
		t.Fatalf("folded note has %d characters (%q…), want at most %d ending in …", n, m.Label.Text[:40], kit.MoreTextRunes+1)
	}
	if !m.Toggle.Visible() || m.Toggle.Text != "more" {
		t.Fatalf("toggle %q visible %v, want more", m.Toggle.Text, m.Toggle.Visible())
	}
	w := test.NewWindow(m.Root)
	defer w.Close()
	w.Resize(w.Content().MinSize().Max(w.Canvas().Size()))
	folded := m.Label.MinSize().Height
	test.Tap(m.Toggle)
	if m.Label.Text != note || m.Toggle.Text != "less" {
		t.Errorf("after more: %d characters, toggle %q; want the whole 5000 and less", len(m.Label.Text), m.Toggle.Text)
	}
	if open := m.Label.MinSize().Height; open <= folded {
		t.Errorf("open note is %v high, folded %v: want taller", open, folded)
	}
	test.Tap(m.Toggle)
	if m.Label.Text == note || m.Toggle.Text != "more" {
		t.Errorf("after less: toggle %q, want the note folded and more", m.Toggle.Text)
	}
	if short := kit.NewMoreText("Coffee"); short.Toggle.Visible() || short.Label.Text != "Coffee" {
		t.Errorf("a short note shows %q with a toggle visible %v", short.Label.Text, short.Toggle.Visible())
	}
}
