package career_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/storetest"
	"rapport/ui/career"
	"rapport/ui/kit"
	"rapport/ui/kit/kittest"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// navigator records what the screen asked of the window, in words. A
// file to save goes to savePath (none asked when empty); undo is the
// last toast's Undo.
type navigator struct {
	kittest.Recorder
	savePath string
	undo     func()
}

func (n *navigator) OpenPerson(id int64) { n.Ask("open person %d", id) }
func (n *navigator) SaveFileAs(what, name, ext string, then func(path string)) {
	n.Ask("save %s as %s (%s)", what, name, ext)
	if n.savePath != "" {
		then(n.savePath)
	}
}
func (n *navigator) OpenFile(path string)              { n.Ask("open file %s", filepath.Base(path)) }
func (n *navigator) ShowError(title string, err error) { n.Ask("error %s: %v", title, err) }
func (n *navigator) Toast(message string, undo func()) {
	n.Ask("toast %s", message)
	n.undo = undo
}

// noErrors fails the test when the screen showed an error.
func (n *navigator) noErrors(t *testing.T) {
	t.Helper()
	for _, a := range n.Asked {
		if strings.HasPrefix(a, "error ") {
			t.Errorf("the screen showed an %s", a)
		}
	}
}

// show builds the screen on store in a test window, as the shell does,
// with plans writing the summaries.
func show(t *testing.T, st career.Store, plans career.PlanWriter) (*navigator, fyne.Window, fyne.CanvasObject) {
	t.Helper()
	kittest.NewApp(t)
	nav := &navigator{}
	win := test.NewWindow(nil)
	s := career.New(st, nav, win, plans, clock)
	content := s.Content()
	win.SetContent(content)
	win.Resize(fyne.NewSize(1180, 760))
	t.Cleanup(win.Close)
	return nav, win, content
}

// form is the form on top of the window, failing the test when there is
// none or it is not titled title.
func form(t *testing.T, win fyne.Window, title string) fyne.CanvasObject {
	t.Helper()
	f := kittest.TopDialog(win)
	if f == nil || !kittest.Shows(f, title) {
		t.Fatalf("the dialog on top is not %q", title)
	}
	return f
}

// selects are the drop-downs of a form, in the order of its fields.
func selects(root fyne.CanvasObject) []*widget.Select {
	var out []*widget.Select
	kittest.Walk(root, func(o fyne.CanvasObject) bool {
		if s, ok := kittest.AsSelect(o); ok {
			out = append(out, s)
			return false
		}
		return true
	})
	return out
}

// selectEntry is the person picker under root with the placeholder.
func selectEntry(t *testing.T, root fyne.CanvasObject, placeholder string) pickerField {
	t.Helper()
	e := kittest.PickerEntry(root, placeholder)
	if e == nil {
		t.Fatalf("no field %q", placeholder)
	}
	return pickerField{t: t, root: root, entry: e}
}

// pickerField is a person picker's field and what holds its suggestions.
type pickerField struct {
	t     *testing.T
	root  fyne.CanvasObject
	entry *kit.TextField
}

// pick types part of p's name into the person picker, then clicks p among
// the names it offers.
func pick(field pickerField, typed string, p model.Person) {
	field.t.Helper()
	test.Type(field.entry, typed)
	if !kittest.TapSuggestion(field.root, kit.PersonLabel(p)) {
		field.t.Fatalf("typing %q does not offer %q", typed, kit.PersonLabel(p))
	}
}

// addRequirement fills the requirement form of the role on show (the
// drop-downs in order: kind, target, current, manager, importance) and
// saves it.
func addRequirement(t *testing.T, win fyne.Window, content fyne.CanvasObject, title string, target, current, importance int, advisor *model.Person) {
	t.Helper()
	test.Tap(kittest.MustButton(t, content, "Add requirement…"))
	f := form(t, win, "New requirement")
	kittest.Entry(f, "Stakeholder management; led hiring end to end; a talk at a conference").SetText(title)
	levels := selects(f)
	levels[1].SetSelected(fmt.Sprint(target))
	levels[2].SetSelected(fmt.Sprint(current))
	levels[4].SetSelected(fmt.Sprint(importance))
	if advisor != nil {
		pick(selectEntry(t, f, "Type a name: who is best placed to advise on this?"), advisor.Name[:8], *advisor)
	}
	test.Tap(kittest.MustButton(t, f, "Add"))
	if kittest.TopDialog(win) != nil {
		t.Fatalf("requirement %q refused: %q", title, kittest.Texts(f))
	}
}

// cardTitles lists the requirements of the role on show in the order the
// page shows them.
func cardTitles(content fyne.CanvasObject, titles ...string) []string {
	var out []string
	for _, text := range kittest.Texts(content) {
		if slices.Contains(titles, text) && !slices.Contains(out, text) {
			out = append(out, text)
		}
	}
	return out
}

func TestCareerPlanFromNothing(t *testing.T) {
	st := storetest.Open(t, clock)
	ingrid := storetest.Person(t, st, "Ingrid Halvorsen", func(p *model.Person) { p.Title, p.Team = "Director", "Platform" })
	storetest.Person(t, st, "Ben Okafor", func(p *model.Person) { p.Title, p.Team = "Engineer", "Data" })
	nav, win, content := show(t, st, nil)
	if !kittest.Shows(content, "No target role yet") || kittest.Button(content, "Add requirement…") != nil {
		t.Fatalf("empty plan shows %q", kittest.Texts(content))
	}

	// Create a role.
	test.Tap(kittest.MustButton(t, content, "New role…"))
	f := form(t, win, "New target role")
	focus := kittest.Find(f, func(c *widget.Check) bool { return c.Text == "This is the role I am working toward now" })
	if focus == nil || !focus.Checked {
		t.Error("the first role is not offered as the focus")
	}
	test.Tap(kittest.MustButton(t, f, "Add"))
	if kittest.TopDialog(win) == nil || !kittest.Shows(f, "Role is required") {
		t.Fatalf("a role without a title was accepted: %q", kittest.Texts(f))
	}
	kittest.Entry(f, "Engineering Manager, Platform").SetText("Engineering Manager")
	kittest.Entry(f, "end of June, 1 Jun 2027, 2027-06-30; empty for none").SetText("2027-06-30")
	test.Tap(kittest.MustButton(t, f, "Add"))
	roles, err := st.Roles(t.Context(), false)
	if err != nil || len(roles) != 1 || !roles[0].Focus || roles[0].TargetDate.Month() != time.June {
		t.Fatalf("roles = %+v (%v)", roles, err)
	}
	if kittest.Button(content, "Add requirement…") == nil || !kittest.Shows(content, "Engineering Manager") {
		t.Fatal("the new role is not on show")
	}

	// Add requirements, with levels, and see them ordered by weighted gap.
	addRequirement(t, win, content, "Budgeting", 3, 2, 2, nil)                  // 1 × 2 = 2
	addRequirement(t, win, content, "Stakeholder management", 4, 1, 4, &ingrid) // 3 × 4 = 12
	addRequirement(t, win, content, "Hiring", 3, 1, 5, nil)                     // 2 × 5 = 10
	addRequirement(t, win, content, "Public speaking", 2, 3, 3, nil)            // met
	titles := []string{"Stakeholder management", "Hiring", "Budgeting", "Public speaking"}
	if got := cardTitles(content, titles...); !slices.Equal(got, titles) {
		t.Errorf("order = %v, want %v (largest weighted gap first, met last)", got, titles)
	}
	if n := kittest.List(content).Length(); n != 1 {
		t.Errorf("role list has %d rows", n)
	}
	if !kittest.Shows(content, "current focus · gap 24") {
		t.Errorf("the role's row does not say its total weighted gap of 24: %q", kittest.Texts(content))
	}

	// The advisor is linked: the card says whom to ask.
	reqs, err := st.Requirements(t.Context(), roles[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var sm model.Requirement
	for _, r := range reqs {
		if r.Title == "Stakeholder management" {
			sm = r
		}
	}
	if !slices.Equal(sm.AdvisorIDs, []int64{ingrid.ID}) {
		t.Fatalf("advisors = %v, want Ingrid", sm.AdvisorIDs)
	}
	if !kittest.Shows(content, "Ask Ingrid Halvorsen") {
		t.Error("the card does not say to ask Ingrid")
	}

	// Raise a level: the history keeps it, the gap shrinks. The first
	// card's edit button (an icon) is Stakeholder management's.
	edit := kittest.Find(content, func(b *widget.Button) bool { return b.Text == "" && b.Icon == theme.DocumentCreateIcon() })
	test.Tap(edit)
	f = form(t, win, "Edit requirement")
	selects(f)[2].SetSelected("3")
	test.Tap(kittest.MustButton(t, f, "Save"))
	history, err := st.LevelHistory(t.Context(), roles[0].ID)
	if err != nil || len(history) != 5 {
		t.Errorf("%d level changes recorded (%v), want 5 (4 created, 1 raised)", len(history), err)
	}
	if got := cardTitles(content, titles...); got[0] != "Hiring" {
		t.Errorf("largest gap after the raise = %q, want Hiring", got[0])
	}
	nav.noErrors(t)
}

// planWithHiring is a store with Ingrid, the focus role and its Hiring
// requirement.
func planWithHiring(t *testing.T) (*storage.Store, model.Role, model.Requirement) {
	st := storetest.Open(t, clock)
	storetest.Person(t, st, "Ingrid Halvorsen")
	role := storetest.Role(t, st, model.Role{Title: "Engineering Manager", Focus: true})
	req := storetest.Requirement(t, st, model.Requirement{RoleID: role.ID, Title: "Hiring", TargetLevel: 4, CurrentLevel: 1, Importance: 5})
	return st, role, req
}

func TestCompleteAnActionAndOfferItAsEvidence(t *testing.T) {
	st, _, req := planWithHiring(t)
	nav, win, content := show(t, st, nil)
	test.Tap(kittest.MustButton(t, content, "Add action…"))
	f := form(t, win, "New action")
	kittest.Entry(f, "Volunteer for the hiring committee; present at the all-hands").SetText("Sit on three interview loops")
	kittest.Entry(f, "Fri, end of March, 1 Mar, 2027-03-01; empty for none").SetText("end of March")
	if !kittest.Shows(f, "Wednesday 31 March 2027 (in ") {
		t.Errorf("the due date is not read back under it: %q", kittest.Texts(f))
	}
	test.Tap(kittest.MustButton(t, f, "Add"))
	actions, err := st.Actions(t.Context(), req.ID)
	if err != nil || len(actions) != 1 || !actions[0].DueOn.Equal(time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("actions = %+v (%v), want one due 31 March 2027", actions, err)
	}
	test.Tap(kittest.MustButton(t, content, "Done"))
	actions, _ = st.Actions(t.Context(), req.ID)
	if a := actions[0]; a.Status != model.ActionDone || !a.DoneOn.Equal(model.Day(testNow)) {
		t.Fatalf("after Done: %+v", a)
	}
	evidence := kittest.Find(content, func(c *widget.Check) bool { return c.Text == "Evidence" })
	if evidence == nil || kittest.Button(content, "Done") != nil {
		t.Fatalf("a done action's row should offer Evidence, not Done: %q", kittest.Texts(content))
	}
	evidence.SetChecked(true) // what a click on it does
	if actions, _ = st.Actions(t.Context(), req.ID); !actions[0].Evidence {
		t.Error("the action was not offered as evidence")
	}
	nav.noErrors(t)
}

// memberRow is the row of the panel member named name: the innermost
// container holding their link and a button.
func memberRow(content fyne.CanvasObject, name string) fyne.CanvasObject {
	var row fyne.CanvasObject
	kittest.Walk(content, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*fyne.Container); ok && kittest.Hyperlink(c, name) != nil &&
			kittest.Find[*widget.Button](c, nil) != nil {
			row = c
		}
		return true
	})
	return row
}

func TestPanelReadiness(t *testing.T) {
	st := storetest.Open(t, clock)
	dana := storetest.Person(t, st, "Dana Reyes", storetest.Standing(model.StanceChampion, 3))
	ben := storetest.Person(t, st, "Ben Okafor", storetest.Standing(model.StanceSkeptic, 3))
	carl := storetest.Person(t, st, "Carl Xu")
	role := storetest.Role(t, st, model.Role{Title: "Engineering Manager", Focus: true})
	storetest.Interaction(t, st, model.KindCoffee, testNow.AddDate(0, 0, -3), dana.ID)
	nav, _, content := show(t, st, nil)
	for _, p := range []model.Person{dana, ben, carl} {
		pick(selectEntry(t, content, "Add someone: type a name"), p.Name[:5], p)
		test.Tap(kittest.MustButton(t, content, "Add"))
	}
	r, err := st.Panel(t.Context(), role.ID, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 3 || r.Backing != 1 || r.MayBlock != 1 || r.Undecided != 1 || !r.SingleChampion {
		t.Errorf("readiness = %+v", r)
	}
	if !kittest.Shows(content, "rests on one person") {
		t.Error("the single-champion risk is not shown")
	}
	kittest.TapLink(t, content, "Dana Reyes")
	test.Tap(kittest.Find[*widget.Button](memberRow(content, "Ben Okafor"), nil))
	if members, _ := st.PanelMembers(t.Context(), role.ID); len(members) != 2 {
		t.Fatalf("Ben still on the panel: %+v", members)
	}
	nav.undo()
	if members, _ := st.PanelMembers(t.Context(), role.ID); len(members) != 3 {
		t.Errorf("Undo did not put Ben back: %+v", members)
	}
	want := []string{fmt.Sprintf("open person %d", dana.ID), "toast Ben Okafor is off the panel."}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

// fakePlans renders a summary as the role's title then its gaps, a line
// each.
type fakePlans struct{}

func (fakePlans) Summary(format string, plan model.PlanSummary) ([]byte, error) {
	var b strings.Builder
	b.WriteString(plan.Role.Title + "\n")
	for _, g := range plan.Gaps {
		b.WriteString(g.Title + "\n")
	}
	return []byte(b.String()), nil
}

func (fakePlans) FileName(plan model.PlanSummary, ext string) string {
	return plan.Role.Title + "." + ext
}

func (fakePlans) WriteFile(path string, data []byte) error { return os.WriteFile(path, data, 0o600) }

func TestSummaryIsWrittenWithTheGapsInOrder(t *testing.T) {
	st, role, _ := planWithHiring(t)
	storetest.Requirement(t, st, model.Requirement{RoleID: role.ID, Title: "Budgeting", TargetLevel: 3, CurrentLevel: 2, Importance: 2})
	nav, _, content := show(t, st, fakePlans{})
	dir := t.TempDir()
	nav.savePath = filepath.Join(dir, "plan.md")
	test.Tap(kittest.MustButton(t, content, "Markdown…"))
	data, err := os.ReadFile(nav.savePath)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(data); got != "Engineering Manager\nHiring\nBudgeting\n" {
		t.Errorf("summary = %q, want the role then its gaps largest first", got)
	}
	nav.savePath = filepath.Join(dir, "plan.html")
	test.Tap(kittest.MustButton(t, content, "Page to print…"))
	want := []string{
		"save the summary as Engineering Manager.md (.md)", "toast Saved plan.md.",
		"save the summary as Engineering Manager.html (.html)", "toast Saved plan.html.", "open file plan.html",
	}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

func TestSummaryWithoutAWriterSaysSo(t *testing.T) {
	st, _, _ := planWithHiring(t)
	nav, _, content := show(t, st, nil)
	test.Tap(kittest.MustButton(t, content, "Markdown…"))
	want := []string{"error Could not write the summary: this build of Rapport cannot write plan summaries"}
	if !slices.Equal(nav.Asked, want) {
		t.Errorf("asked %q, want %q", nav.Asked, want)
	}
}

// failing is a store whose reads of the list (list) or of a role's page
// (page) fail.
type failing struct {
	career.Store
	list, page bool
}

var errDisk = errors.New("disk I/O error")

func (f failing) RoleList(ctx context.Context, archived bool) (model.RoleList, error) {
	if f.list {
		return model.RoleList{}, errDisk
	}
	return f.Store.RoleList(ctx, archived)
}

func (f failing) RolePage(ctx context.Context, id int64, now time.Time) (model.RolePage, error) {
	if f.page {
		return model.RolePage{}, errDisk
	}
	return f.Store.RolePage(ctx, id, now)
}

func TestCareerSaysWhenItCannotRead(t *testing.T) {
	st, _, _ := planWithHiring(t)
	for _, c := range []struct {
		store failing
		want  string
	}{
		{failing{Store: st, list: true}, "Could not read the career plan: disk I/O error"},
		{failing{Store: st, page: true}, "Could not open the role: disk I/O error"},
	} {
		_, _, content := show(t, c.store, nil)
		if !kittest.Shows(content, c.want) {
			t.Errorf("a failed read shows %q, want %q in place of the page", kittest.Texts(content), c.want)
		}
	}
}

// TestRolePageKeepsItsPlaceOnReload: a change made far down the page
// (marking an action done) shows the page afresh where the user was, not
// at the top.
func TestRolePageKeepsItsPlaceOnReload(t *testing.T) {
	st, _, _ := planWithHiring(t)
	nav, win, content := show(t, st, nil)
	test.Tap(kittest.MustButton(t, content, "Add action…"))
	f := form(t, win, "New action")
	kittest.Entry(f, "Volunteer for the hiring committee; present at the all-hands").SetText("Sit on three interview loops")
	test.Tap(kittest.MustButton(t, f, "Add"))
	win.Resize(fyne.NewSize(1180, 300)) // short: the page scrolls
	page := func() *container.Scroll {
		return kittest.Find(content, func(s *container.Scroll) bool { return kittest.Shows(s, "Gaps, largest first") })
	}
	before := page()
	if before == nil {
		t.Fatalf("no scrolling role page: %q", kittest.Texts(content))
	}
	before.ScrollToOffset(fyne.NewPos(0, 120))
	if before.Offset.Y == 0 {
		t.Fatal("the page does not scroll in a short window")
	}
	want := before.Offset
	test.Tap(kittest.MustButton(t, content, "Done"))
	after := page()
	if after == nil || after == before {
		t.Fatalf("the page was not shown afresh")
	}
	if after.Offset != want {
		t.Errorf("after the change the page is at %v, want %v where the user was", after.Offset, want)
	}
	nav.noErrors(t)
}
