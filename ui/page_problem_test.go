package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// unreadablePages is a store whose pages cannot be read.
type unreadablePages struct{ *memStore }

var errDiskGone = errors.New("disk gone")

func (unreadablePages) PersonPage(context.Context, int64, time.Time) (model.PersonPage, error) {
	return model.PersonPage{}, errDiskGone
}

// TestFailedPageReadShowsWhy opens a person whose page cannot be read: it
// shows what failed in place of the page. (The meeting's case is tested
// in ui/meetings.)
func TestFailedPageReadShowsWhy(t *testing.T) {
	st := seeded(t, person("Dana Ode", "Director", "Platform"))
	w := newTestWindow(t, unreadablePages{st})
	for _, c := range []struct {
		name   string
		open   func()
		built  func() bool
		detail *fyne.Container
		want   string
	}{
		{"person", func() { w.people.showPerson(1) }, func() bool { return w.people.page != nil },
			w.people.detail, "Could not open this person"},
	} {
		c.open()
		if c.built() {
			t.Errorf("%s: a page was built from a failed read", c.name)
		}
		if got := labelsIn(c.detail); !strings.Contains(got, c.want) || !strings.Contains(got, errDiskGone.Error()) {
			t.Errorf("%s: shows %q, want %q with the reason", c.name, got, c.want)
		}
	}
}

// labelsIn is the text of every label in o, one after the other.
func labelsIn(o fyne.CanvasObject) string {
	switch o := o.(type) {
	case *widget.Label:
		return o.Text
	case *fyne.Container:
		var b strings.Builder
		for _, c := range o.Objects {
			b.WriteString(labelsIn(c))
		}
		return b.String()
	}
	return ""
}
