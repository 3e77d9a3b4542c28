package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
)

// addRequirementThroughTheForm fills the requirement form of the role on
// show and saves it.
func addRequirementThroughTheForm(t *testing.T, w *Window, title string, target, current, importance int, advisor string) {
	t.Helper()
	test.Tap(w.career.page.addReq)
	e := w.currentRequirementEditor
	if e == nil {
		t.Fatal("no requirement form opened")
	}
	e.title.SetText(title)
	e.target.SetSelected(levelLabel(target, ""))
	e.current.SetSelected(levelLabel(current, levelNone))
	e.importance.SetSelected(levelLabel(importance, ""))
	if advisor != "" {
		test.Type(e.advisors.Entry, advisor)
		if len(e.advisors.Options()) != 1 {
			t.Fatalf("suggestions for %q = %v", advisor, e.advisors.Options())
		}
		e.advisors.Entry.SetText(e.advisors.Options()[0])
	}
	test.Tap(e.save)
	if w.currentRequirementEditor == e && e.fields.Problem("title") != "" {
		t.Fatalf("requirement refused: %s", e.fields.Problem("title"))
	}
}

// cardTitles lists the requirements of the role on show, in order.
func cardTitles(pg *rolePage) []string {
	var out []string
	for _, r := range pg.reqs {
		out = append(out, r.Title)
	}
	return out
}

func TestCareerPlanFromNothing(t *testing.T) {
	st := seeded(t, person("Ingrid Halvorsen", "Director", "Platform"), person("Ben Okafor", "Engineer", "Data"))
	w := newTestWindow(t, st)
	w.show(screenCareer)
	s := w.career
	if s.page != nil || !strings.Contains(s.count.Text, "No target role yet") {
		t.Fatalf("empty plan: page %v, count %q", s.page, s.count.Text)
	}

	// Create a role.
	test.Tap(s.add)
	re := w.currentRoleEditor
	if !re.focus.Checked {
		t.Error("the first role is not offered as the focus")
	}
	test.Tap(re.save)
	if re.fields.Problem("title") == "" {
		t.Fatal("a role without a title was accepted")
	}
	re.title.SetText("Engineering Manager")
	re.target.SetText("2027-06-30")
	test.Tap(re.save)
	if len(st.roles) != 1 || !st.roles[0].Focus || st.roles[0].TargetDate.Month() != time.June {
		t.Fatalf("roles = %+v", st.roles)
	}
	if s.page == nil || s.page.role.ID != st.roles[0].ID {
		t.Fatal("the new role is not on show")
	}

	// Add requirements, with levels, and see them ordered by weighted gap.
	addRequirementThroughTheForm(t, w, "Budgeting", 3, 2, 2, "")                         // 1 × 2 = 2
	addRequirementThroughTheForm(t, w, "Stakeholder management", 4, 1, 4, "Ingrid Halv") // 3 × 4 = 12
	addRequirementThroughTheForm(t, w, "Hiring", 3, 1, 5, "")                            // 2 × 5 = 10
	addRequirementThroughTheForm(t, w, "Public speaking", 2, 3, 3, "")                   // met
	got := cardTitles(s.page)
	want := []string{"Stakeholder management", "Hiring", "Budgeting", "Public speaking"}
	if !equal(got, want) {
		t.Errorf("order = %v, want %v (largest weighted gap first, met last)", got, want)
	}
	if line := s.list.Length(); line != 1 {
		t.Errorf("role list has %d rows", line)
	}
	if s.gaps[s.page.role.ID] != 24 {
		t.Errorf("total weighted gap = %d, want 24", s.gaps[s.page.role.ID])
	}

	// The advisor is linked: the card says whom to ask, and Ingrid's page
	// says what to ask her about.
	var sm model.Requirement
	for _, r := range st.requirements {
		if r.Title == "Stakeholder management" {
			sm = r
		}
	}
	if !equal64(sm.AdvisorIDs, []int64{1}) {
		t.Fatalf("advisors = %v, want Ingrid", sm.AdvisorIDs)
	}
	w.openPeopleOn(1, false)
	if markup := test.RenderObjectToMarkup(w.content); !strings.Contains(markup, "stakeholder management") {
		t.Error("Ingrid's page does not say to ask her about stakeholder management")
	}
	agenda, err := w.draftAgenda(model.Meeting{PersonID: 1, Kind: model.MeetingCoffee})
	if err != nil || !strings.Contains(agenda, "stakeholder management") {
		t.Errorf("agenda for Ingrid = %q (%v), want the gap she advises on", agenda, err)
	}

	// Raise a level: the history keeps it, the gap shrinks.
	w.show(screenCareer)
	test.Tap(s.page.cards[sm.ID].edit)
	e := w.currentRequirementEditor
	e.current.SetSelected("3")
	test.Tap(e.save)
	if n := len(st.levels); n != 5 {
		t.Errorf("%d level changes recorded, want 5 (4 created, 1 raised)", n)
	}
	if got := cardTitles(s.page)[0]; got != "Hiring" {
		t.Errorf("largest gap after the raise = %q, want Hiring", got)
	}
}

func TestCompleteAnActionAndOfferItAsEvidence(t *testing.T) {
	st := seeded(t, person("Ingrid Halvorsen", "Director", "Platform"))
	ctx := context.Background()
	role := model.Role{Title: "Engineering Manager", Horizon: model.HorizonNext, Focus: true}
	if err := st.CreateRole(ctx, &role); err != nil {
		t.Fatal(err)
	}
	req := model.Requirement{RoleID: role.ID, Kind: model.RequirementSkill, Title: "Hiring", TargetLevel: 4, CurrentLevel: 1, Importance: 5}
	if err := st.CreateRequirement(ctx, &req); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	w.show(screenCareer)
	card := w.career.page.cards[req.ID]
	test.Tap(card.addStep)
	ae := w.currentActionEditor
	ae.title.SetText("Sit on three interview loops")
	ae.due.SetText("next month")
	test.Tap(ae.save)
	if len(st.actions) != 1 || st.actions[0].DueOn.IsZero() {
		t.Fatalf("actions = %+v", st.actions)
	}
	row := w.career.page.cards[req.ID].steps[0]
	test.Tap(row.done)
	if a := st.actions[0]; a.Status != model.ActionDone || !a.DoneOn.Equal(model.Day(testNow)) {
		t.Fatalf("after Done: %+v", a)
	}
	row = w.career.page.cards[req.ID].steps[0]
	if markup := test.RenderObjectToMarkup(row.root); !strings.Contains(markup, "Evidence") || strings.Contains(markup, ">Done<") {
		t.Fatalf("a done action's row should offer Evidence, not Done:\n%s", markup)
	}
	row.evidence.SetChecked(true) // what a click on it does
	if !st.actions[0].Evidence {
		t.Error("the action was not offered as evidence")
	}
}

func TestPanelReadiness(t *testing.T) {
	dana := person("Dana Reyes", "VP", "Platform")
	dana.Stance = model.StanceChampion
	ben := person("Ben Okafor", "Director", "Data")
	ben.Stance = model.StanceSkeptic
	st := seeded(t, dana, ben, person("Carl Xu", "Director", "Sales"))
	ctx := context.Background()
	role := model.Role{Title: "Engineering Manager", Horizon: model.HorizonNext, Focus: true}
	if err := st.CreateRole(ctx, &role); err != nil {
		t.Fatal(err)
	}
	coffee := model.Interaction{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -3), PersonIDs: []int64{1}}
	if err := st.CreateInteraction(ctx, &coffee); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	w.show(screenCareer)
	for _, name := range []string{"Dana Re", "Ben Ok", "Carl X"} {
		ps := w.career.page.panelView
		test.Type(ps.who, name)
		if len(ps.people.Options()) != 1 {
			t.Fatalf("suggestions for %q = %v", name, ps.people.Options())
		}
		ps.who.SetText(ps.people.Options()[0])
		test.Tap(ps.add)
	}
	if len(st.panel) != 3 {
		t.Fatalf("panel = %+v", st.panel)
	}
	r := w.career.page.panel
	if r.Total != 3 || r.Backing != 1 || r.MayBlock != 1 || r.Undecided != 1 || !r.SingleChampion {
		t.Errorf("readiness = %+v", r)
	}
	markup := test.RenderObjectToMarkup(w.career.page.panelView.root)
	if !strings.Contains(markup, "rests on one person") {
		t.Error("the single-champion risk is not shown")
	}
	test.Tap(w.career.page.panelView.remove[2])
	if len(st.panel) != 2 {
		t.Fatalf("Ben still on the panel: %+v", st.panel)
	}
	test.Tap(w.toast.undo)
	if len(st.panel) != 3 {
		t.Errorf("Undo did not put Ben back: %+v", st.panel)
	}
}

// fakePlans records the summaries asked for.
type fakePlans struct{ formats []string }

func (f *fakePlans) Summary(format string, plan model.PlanSummary) ([]byte, error) {
	f.formats = append(f.formats, format)
	var b strings.Builder
	b.WriteString(plan.Role.Title + "\n")
	for _, g := range plan.Gaps {
		b.WriteString(g.Title + "\n")
	}
	return []byte(b.String()), nil
}

func (f *fakePlans) FileName(plan model.PlanSummary, ext string) string {
	return plan.Role.Title + "." + ext
}

func (f *fakePlans) WriteFile(path string, data []byte) error { return os.WriteFile(path, data, 0o600) }

func TestSummaryIsWrittenWithTheGapsInOrder(t *testing.T) {
	st := seeded(t, person("Ingrid Halvorsen", "Director", "Platform"))
	ctx := context.Background()
	role := model.Role{Title: "Engineering Manager", Horizon: model.HorizonNext, Focus: true}
	if err := st.CreateRole(ctx, &role); err != nil {
		t.Fatal(err)
	}
	for _, r := range []model.Requirement{
		{RoleID: role.ID, Kind: model.RequirementSkill, Title: "Budgeting", TargetLevel: 3, CurrentLevel: 2, Importance: 2},
		{RoleID: role.ID, Kind: model.RequirementSkill, Title: "Hiring", TargetLevel: 4, CurrentLevel: 1, Importance: 5},
	} {
		if err := st.CreateRequirement(ctx, &r); err != nil {
			t.Fatal(err)
		}
	}
	plans := &fakePlans{}
	a := test.NewTempApp(t)
	w := New(a, st, Options{Now: func() time.Time { return testNow }, Plans: plans})
	t.Cleanup(w.win.Close)
	w.show(screenCareer)
	path := filepath.Join(t.TempDir(), "plan.md")
	if !w.career.page.writeSummary("md", path) {
		t.Fatal("summary not written")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(data); got != "Engineering Manager\nHiring\nBudgeting\n" {
		t.Errorf("summary = %q, want the role then its gaps largest first", got)
	}
}
