package career

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/forms"
	"rapport/ui/kit"
)

// levelChoices are the labels of levels lo to 5, lo meaning none.
func levelChoices(lo int, none string) []string {
	var out []string
	for n := lo; n <= 5; n++ {
		out = append(out, levelLabel(n, none))
	}
	return out
}

// levelLabel says a level: "3", or none for 0.
func levelLabel(n int, none string) string {
	if n == 0 {
		return none
	}
	return fmt.Sprint(n)
}

// levelSelect is a drop-down of the levels from lo (0 named none) with
// level chosen.
func levelSelect(lo int, none string, level int) *kit.Select {
	s := kit.NewSelect(levelChoices(lo, none), nil)
	s.SetSelected(levelLabel(level, none))
	return s
}

// levelOf reads a level label back; none is 0.
func levelOf(label string) int {
	var n int
	fmt.Sscan(label, &n)
	return n
}

// roleEditor adds a target role or edits one.
type roleEditor struct {
	s       *Screen
	role    model.Role
	onSaved func(model.Role)

	title   *kit.TextField
	horizon *kit.Select
	target  *kit.DateField
	why     *kit.TextField
	focus   *widget.Check
	fields  *kit.FieldSet
	dialog  dialog.Dialog
}

// openRoleEditor opens the form for r: a new role when r.ID is 0.
func openRoleEditor(s *Screen, r model.Role, onSaved func(model.Role)) {
	e := &roleEditor{s: s, role: r, onSaved: onSaved}
	e.title = kit.Entry(r.Title, "Engineering Manager, Platform")
	e.horizon = kit.Choice(model.Horizons(), r.Horizon)
	e.target = kit.NewDateField(kit.DayText(r.TargetDate), "end of June, 1 Jun 2027, 2027-06-30; empty for none", model.DateAhead, e.s.now, "No target date")
	e.why = kit.MultiLine(r.Why, "Why this role, in a few lines: it keeps you honest when you re-target", 3)
	e.focus = widget.NewCheck("This is the role I am working toward now", nil)
	e.focus.SetChecked(r.Focus || r.ID == 0 && !s.hasFocusRole())

	f := kit.NewFieldSet()
	f.Add("title", "Role", e.title, "")
	f.Add("horizon", "When", e.horizon, "")
	f.Add("target date", "Target date", e.target.Root, "")
	f.Add("why", "Why", e.why, "")
	f.Add("focus", "Focus", e.focus, "One role at a time: its panel and gaps lead Today and your agendas.")
	e.fields = f
	title, verb := "New target role", "Add"
	if r.ID != 0 {
		title, verb = "Edit role", "Save"
	}
	e.dialog, _ = forms.Open(s.parent(), f, title, verb, fyne.NewSize(620, 480), e.submit)
	s.win.Canvas().Focus(e.title)
}

// hasFocusRole reports whether a role is already the focus.
func (s *Screen) hasFocusRole() bool {
	roles, err := s.store.Roles(context.Background(), false)
	if err != nil {
		return true // do not offer to take the focus on a guess
	}
	for _, r := range roles {
		if r.Focus {
			return true
		}
	}
	return false
}

func (e *roleEditor) submit() {
	r := e.role
	problems := map[string]string{}
	r.Title = strings.TrimSpace(e.title.Text)
	if h, ok := model.FromLabel(model.Horizons(), e.horizon.Selected); ok {
		r.Horizon = h
	}
	day, err := model.ParseDue(e.target.Text, e.s.now())
	if err != nil {
		problems["target date"] = "Target date: " + err.Error()
	}
	r.TargetDate = day
	r.Why = strings.TrimSpace(e.why.Text)
	r.Focus = e.focus.Checked
	if e.fields.Show(r.Validate(), problems) {
		return
	}
	saveAndClose(e.s, e.fields, e.dialog, &r, r.ID == 0, e.s.store.CreateRole, e.s.store.UpdateRole,
		"Could not save the role", e.onSaved)
}

// requirementEditor adds what a role requires, or edits it: the kind, the
// level the role needs, where the user stands, the manager's view, how
// much it matters, the evidence and whom to ask for advice.
type requirementEditor struct {
	s       *Screen
	req     model.Requirement
	onSaved func(model.Requirement)

	kind       *kit.Select
	title      *kit.TextField
	target     *kit.Select
	current    *kit.Select
	manager    *kit.Select
	importance *kit.Select
	evidence   *kit.TextField
	advisors   *kit.PeopleChooser
	fields     *kit.FieldSet
	dialog     dialog.Dialog
}

// Words for the levels nobody has given.
const (
	levelNone       = "0 (not at all)"
	levelNotAsked   = "Not assessed"
	importanceLabel = "1 nice to have … 5 decisive"
)

// openRequirementEditor opens the form for r: a new requirement of r's
// role when r.ID is 0.
func openRequirementEditor(s *Screen, r model.Requirement, onSaved func(model.Requirement)) {
	e := &requirementEditor{s: s, req: r, onSaved: onSaved}
	e.kind = kit.Choice(model.RequirementKinds(), r.Kind)
	e.title = kit.Entry(r.Title, "Stakeholder management; led hiring end to end; a talk at a conference")
	e.target = levelSelect(1, "", r.TargetLevel)
	e.current = levelSelect(0, levelNone, r.CurrentLevel)
	e.manager = levelSelect(0, levelNotAsked, r.ManagerLevel)
	e.importance = levelSelect(1, "", r.Importance)
	e.evidence = kit.MultiLine(r.Evidence, "What shows where you stand: projects, feedback, results", 2)
	people, err := s.store.People(context.Background(), false)
	if err != nil {
		s.nav.ShowError("Could not read people", err)
	}
	e.advisors = kit.NewPeopleChooser(people, "Type a name: who is best placed to advise on this?")
	for _, id := range r.AdvisorIDs {
		for _, p := range people {
			if p.ID == id {
				e.advisors.Add(p)
			}
		}
	}

	f := kit.NewFieldSet()
	f.Add("kind", "Kind", e.kind, "")
	f.Add("title", "Requirement", e.title, "")
	f.Add("target level", "The role needs", e.target, "Levels 1 (aware) to 5 (expert, or done many times).")
	f.Add("current level", "You are at", e.current, "Each change is kept with its date, so the plan shows your progress.")
	f.Add("manager level", "Your manager says", e.manager, "A difference of 2 or more is flagged: a conversation to have.")
	f.Add("importance", "Importance", e.importance, importanceLabel)
	f.Add("evidence", "Evidence", e.evidence, "")
	f.Add("advisors", "Ask", e.advisors.Root, "Shown on their page and in your agenda for your next coffee.")
	e.fields = f
	title, verb := "New requirement", "Add"
	if r.ID != 0 {
		title, verb = "Edit requirement", "Save"
	}
	e.dialog, _ = forms.Open(s.parent(), f, title, verb, fyne.NewSize(660, 620), e.submit)
	s.win.Canvas().Focus(e.title)
}

func (e *requirementEditor) submit() {
	r := e.req
	if k, ok := model.FromLabel(model.RequirementKinds(), e.kind.Selected); ok {
		r.Kind = k
	}
	r.Title = strings.TrimSpace(e.title.Text)
	r.TargetLevel = levelOf(e.target.Selected)
	r.CurrentLevel = levelOf(e.current.Selected)
	r.ManagerLevel = levelOf(e.manager.Selected)
	r.Importance = levelOf(e.importance.Selected)
	r.Evidence = strings.TrimSpace(e.evidence.Text)
	r.AdvisorIDs = e.advisors.IDs()
	if e.fields.Show(r.Validate(), nil) {
		return
	}
	saveAndClose(e.s, e.fields, e.dialog, &r, r.ID == 0, e.s.store.CreateRequirement, e.s.store.UpdateRequirement,
		"Could not save the requirement", e.onSaved)
}

// actionEditor adds a step toward closing a gap, or edits one.
type actionEditor struct {
	s       *Screen
	action  model.Action
	onSaved func(model.Action)

	kind   *kit.Select
	title  *kit.TextField
	due    *kit.DateField
	status *kit.Select
	notes  *kit.TextField
	fields *kit.FieldSet
	dialog dialog.Dialog
}

// openActionEditor opens the form for a: a new action when a.ID is 0.
func openActionEditor(s *Screen, a model.Action, onSaved func(model.Action)) {
	e := &actionEditor{s: s, action: a, onSaved: onSaved}
	e.kind = kit.Choice(model.ActionKinds(), a.Kind)
	e.title = kit.Entry(a.Title, "Volunteer for the hiring committee; present at the all-hands")
	e.due = kit.NewDateField(kit.DayText(a.DueOn), "Fri, end of March, 1 Mar, 2027-03-01; empty for none", model.DateAhead, e.s.now, "No due date")
	e.status = kit.Choice(model.ActionStatuses(), a.Status)
	e.notes = kit.MultiLine(a.Notes, "", 2)
	f := kit.NewFieldSet()
	f.Add("kind", "Kind", e.kind, "")
	f.Add("title", "Action", e.title, "")
	f.Add("due on", "Due", e.due.Root, "")
	f.Add("status", "Status", e.status, "")
	f.Add("notes", "Notes", e.notes, "")
	e.fields = f
	title, verb := "New action", "Add"
	if a.ID != 0 {
		title, verb = "Edit action", "Save"
	}
	e.dialog, _ = forms.Open(s.parent(), f, title, verb, fyne.NewSize(600, 440), e.submit)
	s.win.Canvas().Focus(e.title)
}

func (e *actionEditor) submit() {
	a := e.action
	problems := map[string]string{}
	if k, ok := model.FromLabel(model.ActionKinds(), e.kind.Selected); ok {
		a.Kind = k
	}
	a.Title = strings.TrimSpace(e.title.Text)
	due, err := model.ParseDue(e.due.Text, e.s.now())
	if err != nil {
		problems["due on"] = "Due: " + err.Error()
	}
	a.DueOn = due
	if s, ok := model.FromLabel(model.ActionStatuses(), e.status.Selected); ok {
		a.Status = s
	}
	switch {
	case a.Status == model.ActionDone && a.DoneOn.IsZero():
		a.DoneOn = model.Day(e.s.now())
	case a.Status != model.ActionDone:
		a.DoneOn, a.Evidence = time.Time{}, false
	}
	a.Notes = strings.TrimSpace(e.notes.Text)
	if e.fields.Show(a.Validate(), problems) {
		return
	}
	saveAndClose(e.s, e.fields, e.dialog, &a, a.ID == 0, e.s.store.CreateAction, e.s.store.UpdateAction,
		"Could not save the action", e.onSaved)
}

// saveAndClose saves rec as forms.SaveRecord does and, once it is saved,
// closes d and hands rec to onSaved (when there is one): the end of every
// plan editor's submit.
func saveAndClose[T any](s *Screen, f *kit.FieldSet, d dialog.Dialog, rec *T, isNew bool,
	create, update func(context.Context, *T) error, what string, onSaved func(T)) {
	if !forms.SaveRecord(s.parent(), f, rec, isNew, create, update, what) {
		return
	}
	d.Hide()
	if onSaved != nil {
		onSaved(*rec)
	}
}
