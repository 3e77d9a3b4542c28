package people_test

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
	"rapport/ui/people"
)

// frameCaption is the promise the frame log makes, said under its heading.
const frameCaption = "Private: never in anything you export."

// IDs of the people frameStore holds.
const (
	frameDanaID int64 = iota + 1 // influence 5: a decision-maker
	frameBenID                   // influence 2
	framePiaID                   // influence 2, on the panel of the role worked toward
)

// frameStore holds Dana Reyes (influence 5), Ben Okafor (influence 2) and
// Pia Lund (influence 2, on a promotion panel), and the disclosures given.
func frameStore(t *testing.T, list ...model.Disclosure) *storage.Store {
	t.Helper()
	st := storetest.Open(t, clock)
	storetest.Person(t, st, "Dana Reyes", storetest.Standing(model.StanceNeutral, 5))
	storetest.Person(t, st, "Ben Okafor", storetest.Standing(model.StanceNeutral, 2))
	storetest.Person(t, st, "Pia Lund", storetest.Standing(model.StanceNeutral, 2))
	role := model.Role{Title: "Engineering Manager", Horizon: model.Horizons()[0], Focus: true}
	if err := st.CreateRole(t.Context(), &role); err != nil {
		t.Fatal(err)
	}
	if err := st.SetPanelMember(t.Context(), model.PanelMember{RoleID: role.ID, PersonID: framePiaID, Part: model.PanelParts()[0]}); err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		if err := st.CreateDisclosure(t.Context(), &d); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// frame is the frame section of a page: what the user shared with them.
type frame struct{ root fyne.CanvasObject }

// openFrame shows the page of the person with id and returns its frame
// section.
func openFrame(t *testing.T, s *people.Screen, root fyne.CanvasObject, id int64, archived bool) frame {
	t.Helper()
	s.Open(id, archived)
	return pageFrame(t, root)
}

// pageFrame is the frame section of the page on show.
func pageFrame(t *testing.T, root fyne.CanvasObject) frame {
	t.Helper()
	return frame{pageSection(t, root, "frame", func(o fyne.CanvasObject) bool {
		r, ok := o.(*widget.RichText)
		return ok && r.String() == frameCaption
	})}
}

// topics lists the topics of the section's rows, in order.
func (fs frame) topics() []string {
	var out []string
	kittest.Walk(fs.root, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold && l.Wrapping == fyne.TextWrapWord {
			out = append(out, l.Text)
		}
		return true
	})
	return out
}

// buttons are the buttons of the rows with icon, in order.
func (fs frame) buttons(icon fyne.Resource) []*widget.Button {
	var out []*widget.Button
	kittest.Walk(fs.root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && b.Icon != nil && b.Icon.Name() == icon.Name() {
			out = append(out, b)
		}
		return true
	})
	return out
}

func (fs frame) edits() []*widget.Button   { return fs.buttons(theme.DocumentCreateIcon()) }
func (fs frame) removes() []*widget.Button { return fs.buttons(theme.DeleteIcon()) }

// storedDisclosures lists what the store holds as "person: topic
// (sensitivity, day)", in the order they were added.
func storedDisclosures(t *testing.T, st *storage.Store) []string {
	t.Helper()
	var all []model.Disclosure
	for id := frameDanaID; id <= framePiaID; id++ {
		list, err := st.DisclosuresFor(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, list...)
	}
	slices.SortFunc(all, func(a, b model.Disclosure) int { return cmp.Compare(a.ID, b.ID) })
	var out []string
	for _, d := range all {
		p, err := st.Person(t.Context(), d.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Name+": "+d.Topic+" ("+string(d.Sensitivity)+", "+kit.DayText(d.SharedOn)+")")
	}
	return out
}

// form is the disclosure form on top of the window.
type form struct{ root fyne.CanvasObject }

func (f form) topic() *widget.Entry {
	return kittest.Entry(f.root, "Thinking of leaving; my health; the offer from Globex")
}

func (f form) notes() *widget.Entry {
	return kittest.Entry(f.root, "What exactly you said, and how they took it")
}

func (f form) sharedOn() *widget.Entry {
	return kittest.FindEntry(f.root, func(e *widget.Entry) bool { return e.PlaceHolder == "today, yesterday, last Fri, 3 days ago" })
}

func (f form) sensitivity() *widget.RadioGroup { return kittest.Find[*widget.RadioGroup](f.root, nil) }

// save taps the form's Add or Save.
func (f form) save(t *testing.T) {
	t.Helper()
	b := kittest.Button(f.root, "Add")
	if b == nil {
		b = kittest.MustButton(t, f.root, "Save")
	}
	test.Tap(b)
}

// fill types a disclosure into the form.
func (f form) fill(topic string, s model.Sensitivity, sharedOn, notes string) {
	f.topic().SetText(topic)
	f.sensitivity().SetSelected(s.Label())
	f.sharedOn().SetText(sharedOn)
	f.notes().SetText(notes)
}

// openForm is the disclosure form on top of win, failing the test when
// none is.
func openForm(t *testing.T, win fyne.Window) form {
	t.Helper()
	top := kittest.TopDialog(win)
	if top == nil || !kittest.Shows(top, "Shared with ") || kittest.Entry(top, "Thinking of leaving; my health; the offer from Globex") == nil {
		t.Fatal("no disclosure form on show")
	}
	return form{top}
}

// question is the "are you sure?" on top of win, "" when none is.
func question(win fyne.Window) string {
	top := kittest.TopDialog(win)
	if top == nil || kittest.Button(top, "Save anyway") == nil {
		return ""
	}
	for _, text := range kittest.Texts(top) {
		if strings.HasPrefix(text, "Are you sure? ") {
			return text
		}
	}
	return "(no question)"
}

// addDisclosure opens the form from the page of the person with id and
// types a disclosure into it.
func addDisclosure(t *testing.T, s *people.Screen, nav *navigator, root fyne.CanvasObject, id int64, topic string, sens model.Sensitivity) form {
	t.Helper()
	fs := openFrame(t, s, root, id, false)
	test.Tap(kittest.MustButton(t, fs.root, "Add…"))
	f := openForm(t, nav.win)
	f.fill(topic, sens, "today", "")
	return f
}

func TestFrameSectionListsNewestFirstWithCaption(t *testing.T) {
	day := func(n int) time.Time { return testNow.AddDate(0, 0, -n) }
	st := frameStore(t,
		model.Disclosure{PersonID: frameBenID, Topic: "Moving to Lisbon", Sensitivity: model.SensitivityMedium, SharedOn: day(30)},
		model.Disclosure{PersonID: frameBenID, Topic: "Burnt out in spring", Sensitivity: model.SensitivityHigh, SharedOn: day(2), Notes: "Over lunch"},
		model.Disclosure{PersonID: frameDanaID, Topic: "Not Ben's", Sensitivity: model.SensitivityLow, SharedOn: day(1)},
		model.Disclosure{PersonID: frameBenID, Topic: "Learning Go", Sensitivity: model.SensitivityLow, SharedOn: day(9)},
	)
	s, _, root := show(t, st, st)
	fs := openFrame(t, s, root, frameBenID, false)
	if got, want := fs.topics(), []string{"Burnt out in spring", "Learning Go", "Moving to Lisbon"}; !slices.Equal(got, want) {
		t.Errorf("rows = %q, want %q (newest first, Ben's only)", got, want)
	}
	words := strings.Join(kittest.Texts(fs.root), "\n")
	for _, want := range []string{"What you have shared with Ben", frameCaption, "Over lunch", kit.DayText(day(2)), "High"} {
		if !strings.Contains(words, want) {
			t.Errorf("section does not show %q; it shows:\n%s", want, words)
		}
	}
}

func TestAddDisclosureThroughTheForm(t *testing.T) {
	st := frameStore(t)
	s, nav, root := show(t, st, st)
	fs := openFrame(t, s, root, frameBenID, false)
	if got := fs.topics(); len(got) != 0 {
		t.Fatalf("rows = %q, want none", got)
	}
	test.Tap(kittest.MustButton(t, fs.root, "Add…"))
	f := openForm(t, nav.win)

	// Nothing typed: the problems show under the fields, nothing is saved.
	f.fill("", model.SensitivityMedium, "someday", "")
	f.save(t)
	problems := formProblems(f.root)
	if !slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, "Topic") }) {
		t.Errorf("no problem shown under an empty topic: %q", problems)
	}
	if !slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, "Shared on") }) {
		t.Errorf("problems = %q, want one about Shared on", problems)
	}
	if got := storedDisclosures(t, st); len(got) != 0 {
		t.Fatalf("stored %q from a form with problems", got)
	}

	f.fill("Thinking about a move to Data", model.SensitivityMedium, "3 days ago", "Said it over coffee")
	f.save(t)
	if top := kittest.TopDialog(nav.win); top != nil {
		t.Fatalf("the form is still open, or a question is asked: %q", kittest.Texts(top))
	}
	want := []string{"Ben Okafor: Thinking about a move to Data (medium, " + kit.DayText(testNow.AddDate(0, 0, -3)) + ")"}
	if got := storedDisclosures(t, st); !slices.Equal(got, want) {
		t.Errorf("stored %q, want %q", got, want)
	}
	if got := pageFrame(t, root).topics(); !slices.Equal(got, []string{"Thinking about a move to Data"}) {
		t.Errorf("page lists %q after adding", got)
	}
	if !strings.HasPrefix(nav.toast, "Noted privately: Thinking about a move to Data, shared with Ben.") {
		t.Errorf("toast = %q", nav.toast)
	}
}

func TestHighDisclosureToDecisionMakerAsksOnce(t *testing.T) {
	for _, tc := range []struct {
		name    string
		id      int64
		confirm bool
		why     string
	}{
		{"influence 5, confirmed", frameDanaID, true, "Dana Reyes has a say in your next move (influence 5)."},
		{"influence 5, cancelled", frameDanaID, false, "Dana Reyes has a say in your next move (influence 5)."},
		{"on the panel, confirmed", framePiaID, true, "Pia Lund has a say in your next move (on your promotion panel)."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := frameStore(t)
			s, nav, root := show(t, st, st)
			f := addDisclosure(t, s, nav, root, tc.id, "Interviewing elsewhere", model.SensitivityHigh)
			f.save(t)
			q := question(nav.win)
			if q == "" {
				t.Fatal("saving a high-sensitivity disclosure to a decision-maker asked nothing")
			}
			if !strings.Contains(q, tc.why) ||
				!strings.HasSuffix(q, "High-sensitivity things shared with decision-makers can shape how they see you.") {
				t.Errorf("question = %q, want one saying %q", q, tc.why)
			}
			if got := storedDisclosures(t, st); len(got) != 0 {
				t.Fatalf("stored %q before the answer", got)
			}
			answer := map[bool]string{true: "Save anyway", false: "Cancel"}[tc.confirm]
			test.Tap(kittest.MustButton(t, kittest.TopDialog(nav.win), answer))
			if question(nav.win) != "" {
				t.Error("the question is still waiting after its answer")
			}
			got := storedDisclosures(t, st)
			if !tc.confirm {
				if len(got) != 0 {
					t.Fatalf("stored %q after Cancel", got)
				}
				f = openForm(t, nav.win) // Cancel leaves the form open to change
				// Asked once: saving again in the same form asks nothing.
				f.topic().SetText("Interviewing at Globex")
				f.save(t)
				if q := question(nav.win); q != "" {
					t.Fatalf("asked again in the same form: %q", q)
				}
				if got := storedDisclosures(t, st); len(got) != 1 || !strings.Contains(got[0], "Interviewing at Globex (high") {
					t.Fatalf("stored %q, want the disclosure saved on the second try", got)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0], "Interviewing elsewhere (high") {
				t.Fatalf("stored %q after Save anyway, want the disclosure", got)
			}
			if kittest.TopDialog(nav.win) != nil {
				t.Error("the form is still open after Save anyway")
			}
		})
	}
}

func TestNoQuestionBelowDecisionMakers(t *testing.T) {
	st := frameStore(t)
	s, nav, root := show(t, st, st)
	// High to an influence-2 peer on no panel: saved at once.
	f := addDisclosure(t, s, nav, root, frameBenID, "Interviewing elsewhere", model.SensitivityHigh)
	f.save(t)
	if q := question(nav.win); q != "" {
		t.Fatalf("asked %q of an influence-2 peer", q)
	}
	// Medium to the influence-5 director: saved at once too.
	f = addDisclosure(t, s, nav, root, frameDanaID, "Want to lead the platform team", model.SensitivityMedium)
	f.save(t)
	if q := question(nav.win); q != "" {
		t.Fatalf("asked %q about a medium disclosure", q)
	}
	if got := storedDisclosures(t, st); len(got) != 2 {
		t.Fatalf("stored %q, want both saved without a question", got)
	}
}

func TestEditDisclosureAsksOnlyWhenRaisedToHigh(t *testing.T) {
	st := frameStore(t,
		model.Disclosure{PersonID: frameDanaID, Topic: "Want to lead", Sensitivity: model.SensitivityMedium, SharedOn: testNow},
		model.Disclosure{PersonID: frameDanaID, Topic: "Health", Sensitivity: model.SensitivityHigh, SharedOn: testNow.AddDate(0, 0, -1)},
	)
	s, nav, root := show(t, st, st)
	fs := openFrame(t, s, root, frameDanaID, false)

	// Already high: editing the notes asks nothing.
	test.Tap(fs.edits()[1])
	f := openForm(t, nav.win)
	if f.topic().Text != "Health" || f.sensitivity().Selected != "High" {
		t.Fatalf("Edit opened the form on %q (%s), want Health, high", f.topic().Text, f.sensitivity().Selected)
	}
	f.notes().SetText("Only the outline")
	f.save(t)
	if q := question(nav.win); q != "" {
		t.Errorf("asked %q when editing what was high already", q)
	}

	// Raised from medium to high: asks, and saves on Save anyway.
	fs = pageFrame(t, root)
	test.Tap(fs.edits()[0])
	f = openForm(t, nav.win)
	f.sensitivity().SetSelected("High")
	f.save(t)
	if question(nav.win) == "" {
		t.Fatal("raising to high for an influence-5 director asked nothing")
	}
	test.Tap(kittest.MustButton(t, kittest.TopDialog(nav.win), "Save anyway"))
	want := []string{
		"Dana Reyes: Want to lead (high, " + kit.DayText(testNow) + ")",
		"Dana Reyes: Health (high, " + kit.DayText(testNow.AddDate(0, 0, -1)) + ")",
	}
	if got := storedDisclosures(t, st); !slices.Equal(got, want) {
		t.Errorf("stored %q, want %q", got, want)
	}
	list, err := st.DisclosuresFor(t.Context(), frameDanaID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		if d.Topic == "Health" && d.Notes != "Only the outline" {
			t.Errorf("notes = %q after editing", d.Notes)
		}
	}
}

func TestDeleteDisclosureThenUndo(t *testing.T) {
	st := frameStore(t,
		model.Disclosure{PersonID: frameBenID, Topic: "Moving to Lisbon", Sensitivity: model.SensitivityMedium, SharedOn: testNow, Notes: "Next spring"},
	)
	before, err := st.DisclosuresFor(t.Context(), frameBenID)
	if err != nil {
		t.Fatal(err)
	}
	s, nav, root := show(t, st, st)
	fs := openFrame(t, s, root, frameBenID, false)
	test.Tap(fs.removes()[0])
	if got := storedDisclosures(t, st); len(got) != 0 {
		t.Fatalf("stored %q after delete", got)
	}
	if got := pageFrame(t, root).topics(); len(got) != 0 {
		t.Fatalf("page still lists %q", got)
	}
	if !strings.Contains(nav.toast, "Moving to Lisbon") || nav.undo == nil {
		t.Fatalf("toast %q (undo %v), want the deletion with Undo", nav.toast, nav.undo != nil)
	}
	nav.undo()
	after, err := st.DisclosuresFor(t.Context(), frameBenID)
	if err != nil || len(after) != 1 {
		t.Fatalf("stored %+v after Undo (%v), want it back", after, err)
	}
	got, want := after[0], before[0]
	if got.ID != want.ID || got.Topic != want.Topic || got.Sensitivity != want.Sensitivity ||
		!got.SharedOn.Equal(want.SharedOn) || got.Notes != want.Notes {
		t.Errorf("after Undo %+v, want %+v", got, want)
	}
	if got := pageFrame(t, root).topics(); !slices.Equal(got, []string{"Moving to Lisbon"}) {
		t.Errorf("page lists %q after Undo", got)
	}
}

func TestFrameSectionInTheTrashOnlyLists(t *testing.T) {
	st := frameStore(t,
		model.Disclosure{PersonID: frameBenID, Topic: "Moving to Lisbon", Sensitivity: model.SensitivityMedium, SharedOn: testNow},
	)
	storetest.Archived(t, st, frameBenID)
	s, _, root := show(t, st, st)
	fs := openFrame(t, s, root, frameBenID, true)
	if kittest.Button(fs.root, "Add…") != nil || len(fs.topics()) != 1 || len(fs.edits()) != 0 || len(fs.removes()) != 0 {
		t.Errorf("page in the trash: rows %q with buttons or Add…; want the list only", fs.topics())
	}
}

// formProblems are the problems shown under the fields of a form, in
// order.
func formProblems(root fyne.CanvasObject) []string {
	var out []string
	kittest.Walk(root, func(o fyne.CanvasObject) bool {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" && t.Color == theme.Color(theme.ColorNameError) {
			out = append(out, t.Text)
		}
		return true
	})
	return out
}
