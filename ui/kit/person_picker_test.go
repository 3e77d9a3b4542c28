package kit_test

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

// pickerPeople are three people, two of them sharing a first name.
func pickerPeople() []model.PersonSummary {
	var out []model.PersonSummary
	for i, name := range []string{"Dana Reyes", "Ben Okafor", "Dana Whitfield", "Zoë Ångström"} {
		p := model.NewPerson(name)
		p.ID = int64(i + 1)
		out = append(out, model.PersonSummary{Person: p})
	}
	return out
}

// shownPicker is a picker in a window, its field focused.
func shownPicker(t *testing.T) (*kit.PersonPicker, fyne.Window) {
	t.Helper()
	kittest.NewApp(t)
	pp := kit.NewPersonPicker(pickerPeople(), "Type a name")
	w := test.NewWindow(pp.Root)
	w.Resize(fyne.NewSize(500, 400))
	t.Cleanup(w.Close)
	w.Canvas().Focus(pp.Entry)
	return pp, w
}

func TestPersonPickerOffersAsYouTypeAndArrowsPick(t *testing.T) {
	pp, w := shownPicker(t)
	var picked []string
	pp.OnPicked = func(p model.PersonSummary) { picked = append(picked, p.Name) }
	submitted := 0
	pp.Entry.OnSubmitted = func(string) { submitted++ }
	test.Type(pp.Entry, "dana")
	if got, want := pp.Suggestions(), []string{"Dana Reyes", "Dana Whitfield"}; !slices.Equal(got, want) || pp.Highlighted() != 0 {
		t.Fatalf("typing 'dana' offers %v, highlight %d; want %v, highlight 0", got, pp.Highlighted(), want)
	}
	if w.Canvas().Focused() != pp.Entry {
		t.Fatalf("the keyboard left the field while suggestions show")
	}
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyUp} {
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
	}
	if pp.Highlighted() != 1 {
		t.Fatalf("Down, Down, Up (wrapping round) highlights %d, want 1", pp.Highlighted())
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if pp.Entry.Text != "Dana Whitfield" || pp.Picked().ID != 3 || pp.Suggestions() != nil || submitted != 0 {
		t.Fatalf("Enter: text %q, picked %d, offering %v, submitted %d times", pp.Entry.Text, pp.Picked().ID, pp.Suggestions(), submitted)
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if submitted != 1 || !slices.Equal(picked, []string{"Dana Whitfield"}) {
		t.Errorf("Enter on a picked name submitted %d times; picked %v", submitted, picked)
	}
}

func TestPersonPickerAClickPicks(t *testing.T) {
	pp, _ := shownPicker(t)
	test.Type(pp.Entry, "wh")
	var row fyne.Tappable
	kittest.Walk(pp.Root, func(o fyne.CanvasObject) bool {
		if t, ok := o.(fyne.Tappable); ok && row == nil &&
			kittest.Find(o, func(l *widget.Label) bool { return l.Text == "Dana Whitfield" }) != nil {
			row = t
		}
		return row == nil
	})
	if row == nil {
		t.Fatalf("no suggestion to click for 'wh': %v", pp.Suggestions())
	}
	test.Tap(row)
	if pp.Entry.Text != "Dana Whitfield" || pp.Picked().ID != 3 || pp.Suggestions() != nil {
		t.Errorf("a click picked %q (%d), offering %v", pp.Entry.Text, pp.Picked().ID, pp.Suggestions())
	}
}

func TestPersonPickerEscClosesTheListFirst(t *testing.T) {
	pp, w := shownPicker(t)
	escaped := 0
	pp.Entry.OnEscape = func() { escaped++ }
	test.Type(pp.Entry, "dan")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if pp.Suggestions() != nil || escaped != 0 || pp.Entry.Text != "dan" {
		t.Fatalf("first Esc: offering %v, OnEscape ran %d times, text %q", pp.Suggestions(), escaped, pp.Entry.Text)
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if escaped != 1 {
		t.Errorf("second Esc ran OnEscape %d times, want 1", escaped)
	}
}

func TestPersonPickerResolve(t *testing.T) {
	cases := []struct {
		typed, want, problem string
	}{
		{"ZOE ANGSTROM", "Zoë Ångström", ""},
		{"  dana   reyes ", "Dana Reyes", ""},
		{"okaf", "Ben Okafor", ""},
		{"dana", "", "2 people match"},
		{"nobody", "", "no one called"},
		{"", "", ""},
	}
	for _, c := range cases {
		pp, _ := shownPicker(t)
		pp.Entry.SetText(c.typed)
		got, problem := pp.Resolve()
		if got.Name != c.want || !strings.HasPrefix(problem, c.problem) || (c.problem == "" && problem != "") {
			t.Errorf("Resolve(%q) = %q, %q; want %q, %q…", c.typed, got.Name, problem, c.want, c.problem)
		}
	}
}

func TestPersonPickerTakesAnExactFullNameWithoutAList(t *testing.T) {
	pp, _ := shownPicker(t)
	test.Type(pp.Entry, "zoë ångström")
	if pp.Picked().Name != "Zoë Ångström" || pp.Suggestions() != nil {
		t.Errorf("an exact full name: picked %q, offering %v", pp.Picked().Name, pp.Suggestions())
	}
	pp.Entry.SetText("zoe angstro")
	if pp.Picked().ID != 0 || len(pp.Suggestions()) != 1 {
		t.Errorf("after changing the text: picked %q, offering %v", pp.Picked().Name, pp.Suggestions())
	}
}

func TestPeopleChooserAddsWithEnterAndEmptiesTheField(t *testing.T) {
	kittest.NewApp(t)
	c := kit.NewPeopleChooser(pickerPeople(), "Who else?")
	w := test.NewWindow(c.Root)
	t.Cleanup(w.Close)
	w.Canvas().Focus(c.Entry)
	test.Type(c.Entry, "dana reyes")
	if got := c.Options(); len(got) != 1 || got[0] != "Dana Reyes" {
		t.Fatalf("typing a full name in the chooser offers %v", got)
	}
	c.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(c.Entry, "ben")
	c.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := c.IDs(); !slices.Equal(got, []int64{1, 2}) || c.Entry.Text != "" {
		t.Errorf("chose %v, field %q; want [1 2] and an empty field", got, c.Entry.Text)
	}
}
