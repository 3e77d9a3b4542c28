package forms_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/storage/storetest"
	"rapport/ui/forms"
)

func TestPersonFormOpensWithThePersonAndSavesEdits(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes", storetest.Standing(model.StanceSupporter, 4), func(p *model.Person) {
		p.Title, p.Email, p.Needs = "Director", "dana@northwind.example", "a reviewer"
	})
	var got model.Person
	e := forms.EditPerson(h, st, dana, func(p model.Person) { got = p })
	onTop(t, h, "Edit Dana Reyes")
	for name, pair := range map[string][2]string{
		"name":      {e.Name.Text, "Dana Reyes"},
		"title":     {e.Title.Text, "Director"},
		"email":     {e.Email.Text, "dana@northwind.example"},
		"needs":     {e.Needs.Text, "a reviewer"},
		"cadence":   {e.Cadence.Text, ""},
		"default":   {e.Cadence.PlaceHolder, "Every 30 days (default)"},
		"stance":    {e.Stance.Selected, model.StanceSupporter.Label()},
		"influence": {e.Influence.Selected, "4"},
		"save":      {e.Save.Text, "Save"},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s shows %q, want %q", name, pair[0], pair[1])
		}
	}

	e.Title.SetText("VP Engineering")
	e.Stance.SetSelected(model.StanceChampion.Label())
	test.Tap(e.Save)
	closed(t, h)
	stored, err := st.Person(context.Background(), dana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Title != "VP Engineering" || stored.Stance != model.StanceChampion || got.ID != dana.ID {
		t.Errorf("stored %q %s, onSaved got person %d", stored.Title, stored.Stance, got.ID)
	}
}

// TestPersonFormCadenceSetOrDefault: the cadence field is empty, showing
// the default, until the user types one, which marks it set; emptying it
// returns to the default; a cadence set shows its days.
func TestPersonFormCadenceSetOrDefault(t *testing.T) {
	st, h := open(t)
	dana := storetest.Person(t, st, "Dana Reyes")
	steps := []struct {
		typed   string // "" empties the field
		wantSet bool
		days    int
		shown   string // what the field holds when opened again
	}{
		{"14", true, 14, "14"},
		{"", false, model.DefaultCadenceDays, ""},
		{"30", true, 30, "30"},
		{"0", true, 0, "0"},
	}
	for _, step := range steps {
		e := forms.EditPerson(h, st, dana, nil)
		e.Cadence.SetText(step.typed)
		test.Tap(e.Save)
		closed(t, h)
		got, err := st.Person(context.Background(), dana.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.CadenceSet != step.wantSet || got.CadenceDays != step.days {
			t.Errorf("typed %q: stored cadence %d set %v, want %d set %v",
				step.typed, got.CadenceDays, got.CadenceSet, step.days, step.wantSet)
		}
		again := forms.EditPerson(h, st, got, nil)
		if again.Cadence.Text != step.shown {
			t.Errorf("typed %q: the form opens again with %q, want %q", step.typed, again.Cadence.Text, step.shown)
		}
		again.Dialog.Hide()
		dana = got
	}
}

func TestPersonFormAddsANewPerson(t *testing.T) {
	st, h := open(t)
	e := forms.EditPerson(h, st, model.NewPerson(""), nil)
	onTop(t, h, "New person")
	test.Type(e.Name, "Dana Reyes")
	test.Type(e.Title, "Director of Engineering")
	test.Type(e.Email, "dana.reyes@northwind.example")
	e.Stance.SetSelected(model.StanceChampion.Label())
	e.Influence.SetSelected("5")
	test.Tap(e.Save)
	p, ok := people(t, st)["Dana Reyes"]
	if !ok {
		t.Fatal("the new person was not stored")
	}
	if p.Stance != model.StanceChampion || p.Influence != 5 || p.Email != "dana.reyes@northwind.example" ||
		p.Title != "Director of Engineering" || p.CadenceSet || p.CadenceDays != model.DefaultCadenceDays {
		t.Errorf("stored %+v", p.Person)
	}
}

func TestPersonFormNamesEveryBadFieldAndSavesNothing(t *testing.T) {
	st, h := open(t)
	storetest.Person(t, st, "Ben Okafor")
	e := forms.EditPerson(h, st, model.NewPerson(""), nil)
	test.Type(e.Email, "dana at northwind")
	e.Cadence.SetText("monthly")
	e.FirstMet.SetText("last spring")
	test.Tap(e.Save)

	if n := len(people(t, st)); n != 1 {
		t.Fatalf("store has %d people after an invalid save, want 1", n)
	}
	for field, want := range map[string]string{
		"name":      "Name is required",
		"email":     "Email is not an email address like name@example.com",
		"cadence":   "Keep in touch needs a whole number of days, like 30",
		"first met": `First met: "last spring" is not a date like 2026-11-23, today, yesterday or 3 days ago`,
	} {
		if got := e.Problem(field); got != want {
			t.Errorf("problem under %s = %q, want %q", field, got, want)
		}
	}
	if got := e.Problem("title"); got != "" {
		t.Errorf("title shows a problem %q", got)
	}
	onTop(t, h, "New person")

	// Fixing the fields clears the messages and saves.
	test.Type(e.Name, "Dana Reyes")
	e.Email.SetText("dana@northwind.example")
	e.Cadence.SetText("30")
	e.FirstMet.SetText("2 years ago")
	test.Tap(e.Save)
	if n := len(people(t, st)); n != 2 {
		t.Fatalf("store has %d people after fixing the form, want 2", n)
	}
	if got := e.Problem("email"); got != "" {
		t.Errorf("the email problem is still shown: %q", got)
	}
}

// failingPeople is a store that cannot write a person.
type failingPeople struct{}

func (failingPeople) CreatePerson(context.Context, *model.Person) error {
	return errors.New("disk full")
}
func (failingPeople) UpdatePerson(context.Context, *model.Person) error {
	return errors.New("disk full")
}

func TestPersonFormSaysWhyTheStoreRefusedAndStaysOpen(t *testing.T) {
	_, h := open(t)
	saved := false
	e := forms.EditPerson(h, failingPeople{}, model.NewPerson("Dana Reyes"), func(model.Person) { saved = true })
	test.Tap(e.Save)
	if want := []string{"Could not save Dana Reyes: disk full"}; !slices.Equal(h.errors, want) {
		t.Errorf("errors shown %q, want %q", h.errors, want)
	}
	if saved {
		t.Error("onSaved ran although nothing was saved")
	}
	onTop(t, h, "New person")
}

// TestFirstMetReadsBack: the first-met date says what it understood, as
// every date field does.
func TestFirstMetReadsBack(t *testing.T) {
	st, h := open(t)
	e := forms.EditPerson(h, st, model.NewPerson(""), nil)
	e.FirstMet.SetText("yesterday")
	if got := e.FirstMet.Hint.Text; !strings.HasSuffix(got, "(yesterday)") {
		t.Errorf("first met reads back %q, want a day that is yesterday", got)
	}
}
