package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/kit"
)

// IDs of the people frameStore holds.
const (
	frameDanaID int64 = iota + 1 // influence 5: a decision-maker
	frameBenID                   // influence 2
	framePiaID                   // influence 2, on the panel of the role worked toward
)

// frameStore holds Dana Reyes (influence 5), Ben Okafor (influence 2) and
// Pia Lund (influence 2, on a promotion panel), and the disclosures given.
func frameStore(t *testing.T, list ...model.Disclosure) *memStore {
	t.Helper()
	ctx := context.Background()
	dana := person("Dana Reyes", "Director", "Platform")
	ben := person("Ben Okafor", "Engineer", "Data")
	pia := person("Pia Lund", "HR partner", "People")
	for _, p := range []*model.Person{&dana, &ben, &pia} {
		p.Relation, p.Stance, p.CadenceDays = model.RelationPeer, model.StanceNeutral, 30
	}
	dana.Influence, ben.Influence, pia.Influence = 5, 2, 2
	st := seeded(t, dana, ben, pia)
	role := model.Role{Title: "Engineering Manager", Horizon: model.Horizons()[0], Focus: true}
	if err := st.CreateRole(ctx, &role); err != nil {
		t.Fatal(err)
	}
	if err := st.SetPanelMember(ctx, model.PanelMember{RoleID: role.ID, PersonID: framePiaID, Part: model.PanelParts()[0]}); err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		if err := st.CreateDisclosure(ctx, &d); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// openFrame shows the page of the person with id and returns its frame
// section.
func openFrame(t *testing.T, w *Window, id int64) *frameSection {
	t.Helper()
	w.people.selectPerson(id, false)
	return pageFrame(t, w, id)
}

// pageFrame is the frame section of the page on show, which must be the
// page of the person with id.
func pageFrame(t *testing.T, w *Window, id int64) *frameSection {
	t.Helper()
	pg := w.people.page
	if pg == nil || pg.person.ID != id {
		t.Fatalf("page on show is %+v, want person %d", pg, id)
	}
	if pg.frame == nil {
		t.Fatal("the page has no frame section")
	}
	return pg.frame
}

// frameTopics lists the topics of the section's rows, in order.
func frameTopics(fs *frameSection) []string {
	var out []string
	for _, r := range fs.rows {
		out = append(out, r.disclosure.Topic)
	}
	return out
}

// storedDisclosures lists what the store holds as "person: topic
// (sensitivity, day)".
func storedDisclosures(st *memStore) []string {
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []string
	for _, d := range st.disclosures {
		out = append(out, st.people[d.PersonID].Name+": "+d.Topic+" ("+string(d.Sensitivity)+", "+kit.DayText(d.SharedOn)+")")
	}
	return out
}

// fillDisclosure types a disclosure into the form.
func fillDisclosure(e *disclosureEditor, topic string, s model.Sensitivity, sharedOn, notes string) {
	e.topic.SetText(topic)
	e.sensitivity.SetSelected(s.Label())
	e.sharedOn.SetText(sharedOn)
	e.notes.SetText(notes)
}

// addDisclosure opens the form from the page of the person with id and
// types a disclosure into it.
func addDisclosure(t *testing.T, w *Window, id int64, topic string, s model.Sensitivity) *disclosureEditor {
	t.Helper()
	fs := openFrame(t, w, id)
	test.Tap(fs.add)
	e := w.currentDisclosureEditor
	if e == nil {
		t.Fatal("Add… opened no form")
	}
	fillDisclosure(e, topic, s, "today", "")
	return e
}

func TestFrameSectionListsNewestFirstWithCaption(t *testing.T) {
	day := func(n int) time.Time { return testNow.AddDate(0, 0, -n) }
	st := frameStore(t,
		model.Disclosure{PersonID: frameBenID, Topic: "Moving to Lisbon", Sensitivity: model.SensitivityMedium, SharedOn: day(30)},
		model.Disclosure{PersonID: frameBenID, Topic: "Burnt out in spring", Sensitivity: model.SensitivityHigh, SharedOn: day(2), Notes: "Over lunch"},
		model.Disclosure{PersonID: frameDanaID, Topic: "Not Ben's", Sensitivity: model.SensitivityLow, SharedOn: day(1)},
		model.Disclosure{PersonID: frameBenID, Topic: "Learning Go", Sensitivity: model.SensitivityLow, SharedOn: day(9)},
	)
	w := newTestWindow(t, st)
	w.show(screenPeople)
	fs := openFrame(t, w, frameBenID)
	if got, want := frameTopics(fs), []string{"Burnt out in spring", "Learning Go", "Moving to Lisbon"}; !slices.Equal(got, want) {
		t.Errorf("rows = %q, want %q (newest first, Ben's only)", got, want)
	}
	words := strings.Join(textsOf(fs.root), "\n")
	for _, want := range []string{"What you have shared with Ben", frameCaption, "Over lunch", kit.DayText(day(2))} {
		if !strings.Contains(words, want) {
			t.Errorf("section does not show %q; it shows:\n%s", want, words)
		}
	}
}

func TestAddDisclosureThroughTheForm(t *testing.T) {
	st := frameStore(t)
	w := newTestWindow(t, st)
	w.show(screenPeople)
	fs := openFrame(t, w, frameBenID)
	if len(fs.rows) != 0 {
		t.Fatalf("rows = %q, want none", frameTopics(fs))
	}
	test.Tap(fs.add)
	e := w.currentDisclosureEditor
	if e == nil {
		t.Fatal("Add… opened no form")
	}

	// Nothing typed: the problems show under the fields, nothing is saved.
	fillDisclosure(e, "", model.SensitivityMedium, "someday", "")
	test.Tap(e.save)
	if got := e.fields.Problem("topic"); got == "" {
		t.Error("no problem shown under an empty topic")
	}
	if got := e.fields.Problem("shared on"); !strings.HasPrefix(got, "Shared on") {
		t.Errorf("problem under the day = %q, want one about Shared on", got)
	}
	if got := storedDisclosures(st); len(got) != 0 {
		t.Fatalf("stored %q from a form with problems", got)
	}

	fillDisclosure(e, "Thinking about a move to Data", model.SensitivityMedium, "3 days ago", "Said it over coffee")
	test.Tap(e.save)
	if w.currentDisclosureEditor != nil {
		t.Fatalf("the form is still open: topic %q, day %q", e.fields.Problem("topic"), e.fields.Problem("shared on"))
	}
	if e.question != "" {
		t.Errorf("asked %q about a medium disclosure to an influence-2 peer", e.question)
	}
	want := []string{"Ben Okafor: Thinking about a move to Data (medium, " + kit.DayText(testNow.AddDate(0, 0, -3)) + ")"}
	if got := storedDisclosures(st); !slices.Equal(got, want) {
		t.Errorf("stored %q, want %q", got, want)
	}
	if got := frameTopics(pageFrame(t, w, frameBenID)); !slices.Equal(got, []string{"Thinking about a move to Data"}) {
		t.Errorf("page lists %q after adding", got)
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
			w := newTestWindow(t, st)
			w.show(screenPeople)
			e := addDisclosure(t, w, tc.id, "Interviewing elsewhere", model.SensitivityHigh)
			test.Tap(e.save)
			if e.confirmFrame == nil {
				t.Fatal("saving a high-sensitivity disclosure to a decision-maker asked nothing")
			}
			if !strings.HasPrefix(e.question, "Are you sure? ") || !strings.Contains(e.question, tc.why) ||
				!strings.HasSuffix(e.question, "High-sensitivity things shared with decision-makers can shape how they see you.") {
				t.Errorf("question = %q, want one saying %q", e.question, tc.why)
			}
			if got := storedDisclosures(st); len(got) != 0 {
				t.Fatalf("stored %q before the answer", got)
			}
			e.confirmFrame(tc.confirm)
			if e.confirmFrame != nil {
				t.Error("the question is still waiting after its answer")
			}
			got := storedDisclosures(st)
			if !tc.confirm {
				if len(got) != 0 {
					t.Fatalf("stored %q after Cancel", got)
				}
				if w.currentDisclosureEditor != e {
					t.Fatal("Cancel closed the form; it should stay open to change")
				}
				// Asked once: saving again in the same form asks nothing.
				question := e.question
				e.topic.SetText("Interviewing at Globex")
				test.Tap(e.save)
				if e.confirmFrame != nil || e.question != question {
					t.Fatalf("asked again in the same form: %q", e.question)
				}
				if got := storedDisclosures(st); len(got) != 1 || !strings.Contains(got[0], "Interviewing at Globex (high") {
					t.Fatalf("stored %q, want the disclosure saved on the second try", got)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0], "Interviewing elsewhere (high") {
				t.Fatalf("stored %q after Save anyway, want the disclosure", got)
			}
			if w.currentDisclosureEditor != nil {
				t.Error("the form is still open after Save anyway")
			}
		})
	}
}

func TestNoQuestionBelowDecisionMakers(t *testing.T) {
	st := frameStore(t)
	w := newTestWindow(t, st)
	w.show(screenPeople)
	// High to an influence-2 peer on no panel: saved at once.
	e := addDisclosure(t, w, frameBenID, "Interviewing elsewhere", model.SensitivityHigh)
	test.Tap(e.save)
	if e.question != "" || e.confirmFrame != nil {
		t.Fatalf("asked %q of an influence-2 peer", e.question)
	}
	// Medium to the influence-5 director: saved at once too.
	e = addDisclosure(t, w, frameDanaID, "Want to lead the platform team", model.SensitivityMedium)
	test.Tap(e.save)
	if e.question != "" || e.confirmFrame != nil {
		t.Fatalf("asked %q about a medium disclosure", e.question)
	}
	if got := storedDisclosures(st); len(got) != 2 {
		t.Fatalf("stored %q, want both saved without a question", got)
	}
}

func TestEditDisclosureAsksOnlyWhenRaisedToHigh(t *testing.T) {
	st := frameStore(t,
		model.Disclosure{PersonID: frameDanaID, Topic: "Want to lead", Sensitivity: model.SensitivityMedium, SharedOn: testNow},
		model.Disclosure{PersonID: frameDanaID, Topic: "Health", Sensitivity: model.SensitivityHigh, SharedOn: testNow.AddDate(0, 0, -1)},
	)
	w := newTestWindow(t, st)
	w.show(screenPeople)
	fs := openFrame(t, w, frameDanaID)

	// Already high: editing the notes asks nothing.
	test.Tap(fs.rows[1].edit)
	e := w.currentDisclosureEditor
	if e == nil || e.topic.Text != "Health" || e.sensitivity.Selected != "High" {
		t.Fatalf("Edit opened %+v, want the form on Health", e)
	}
	e.notes.SetText("Only the outline")
	test.Tap(e.save)
	if e.question != "" {
		t.Errorf("asked %q when editing what was high already", e.question)
	}

	// Raised from medium to high: asks, and saves on Save anyway.
	fs = pageFrame(t, w, frameDanaID)
	test.Tap(fs.rows[0].edit)
	e = w.currentDisclosureEditor
	e.sensitivity.SetSelected("High")
	test.Tap(e.save)
	if e.confirmFrame == nil {
		t.Fatal("raising to high for an influence-5 director asked nothing")
	}
	e.confirmFrame(true)
	want := []string{
		"Dana Reyes: Want to lead (high, " + kit.DayText(testNow) + ")",
		"Dana Reyes: Health (high, " + kit.DayText(testNow.AddDate(0, 0, -1)) + ")",
	}
	if got := storedDisclosures(st); !slices.Equal(got, want) {
		t.Errorf("stored %q, want %q", got, want)
	}
	if got := st.disclosures[1].Notes; got != "Only the outline" {
		t.Errorf("notes = %q after editing", got)
	}
}

func TestDeleteDisclosureThenUndo(t *testing.T) {
	st := frameStore(t,
		model.Disclosure{PersonID: frameBenID, Topic: "Moving to Lisbon", Sensitivity: model.SensitivityMedium, SharedOn: testNow, Notes: "Next spring"},
	)
	before := slices.Clone(st.disclosures)
	w := newTestWindow(t, st)
	w.show(screenPeople)
	fs := openFrame(t, w, frameBenID)
	test.Tap(fs.rows[0].remove)
	if got := storedDisclosures(st); len(got) != 0 {
		t.Fatalf("stored %q after delete", got)
	}
	if got := frameTopics(pageFrame(t, w, frameBenID)); len(got) != 0 {
		t.Fatalf("page still lists %q", got)
	}
	if !w.toast.bar.Visible() || !strings.Contains(w.toast.message.Text, "Moving to Lisbon") || !w.toast.undo.Visible() {
		t.Fatalf("toast %q (shown %v, undo %v), want the deletion with Undo", w.toast.message.Text, w.toast.bar.Visible(), w.toast.undo.Visible())
	}
	test.Tap(w.toast.undo)
	if len(st.disclosures) != 1 {
		t.Fatalf("stored %q after Undo, want it back", storedDisclosures(st))
	}
	got, want := st.disclosures[0], before[0]
	if got.ID != want.ID || got.Topic != want.Topic || got.Sensitivity != want.Sensitivity ||
		!got.SharedOn.Equal(want.SharedOn) || got.Notes != want.Notes {
		t.Errorf("after Undo %+v, want %+v", got, want)
	}
	if got := frameTopics(pageFrame(t, w, frameBenID)); !slices.Equal(got, []string{"Moving to Lisbon"}) {
		t.Errorf("page lists %q after Undo", got)
	}
}

func TestFrameSectionInTheTrashOnlyLists(t *testing.T) {
	st := frameStore(t,
		model.Disclosure{PersonID: frameBenID, Topic: "Moving to Lisbon", Sensitivity: model.SensitivityMedium, SharedOn: testNow},
	)
	if err := st.ArchivePerson(context.Background(), frameBenID); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	w.show(screenPeople)
	w.people.selectPerson(frameBenID, true)
	fs := pageFrame(t, w, frameBenID)
	if fs.add != nil || len(fs.rows) != 1 || fs.rows[0].edit != nil || fs.rows[0].remove != nil {
		t.Errorf("page in the trash: add %v, rows %d with buttons; want the list only", fs.add, len(fs.rows))
	}
}
