package storage

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"rapport/model"
	"rapport/model/sample"
)

// searchFor searches the store for text (as typed, read at testNow) and
// returns the hits as "kind id" strings in display order.
func searchFor(tb testing.TB, s *Store, text string) []string {
	tb.Helper()
	return hitKeys(searchResults(tb, s, text, 200).Hits)
}

func searchResults(tb testing.TB, s *Store, text string, limit int) model.SearchResults {
	tb.Helper()
	res, err := s.Search(tb.Context(), model.ParseSearch(text, testNow), limit)
	if err != nil {
		tb.Fatalf("Search(%q): %v", text, err)
	}
	return res
}

func hitKeys(hits []model.SearchHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, hitKey(h))
	}
	return out
}

func hitKey(h model.SearchHit) string {
	if h.Kind == model.HitPlan {
		return key(model.HitKind(string(h.Kind)+":"+h.PlanPart), h.ID)
	}
	return key(h.Kind, h.ID)
}

func key(k model.HitKind, id int64) string { return string(k) + " " + strconv.FormatInt(id, 10) }

func mustInteraction(tb testing.TB, s *Store, summary, notes string, at time.Time, people ...int64) model.Interaction {
	tb.Helper()
	in := model.Interaction{Kind: model.KindCoffee, At: at, Summary: summary, Notes: notes, PersonIDs: people}
	if err := s.CreateInteraction(tb.Context(), &in); err != nil {
		tb.Fatalf("CreateInteraction: %v", err)
	}
	return in
}

func mustSearchPromise(tb testing.TB, s *Store, personID int64, what, notes string, due time.Time) model.Promise {
	tb.Helper()
	p := model.Promise{Direction: model.DirectionMine, PersonID: personID, What: what, Notes: notes,
		MadeOn: model.Day(testNow.AddDate(0, 0, -20)), DueOn: due, Status: model.PromiseOpen}
	if err := s.CreatePromise(tb.Context(), &p); err != nil {
		tb.Fatalf("CreatePromise: %v", err)
	}
	return p
}

func TestSearchFindsEachKind(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	zoe := fullPerson() // Zoë Ångström, Design, skeptic
	if err := s.CreatePerson(ctx, &zoe); err != nil {
		t.Fatal(err)
	}
	bob := mustCreatePerson(t, s, "Bob Reorganiser")
	in := mustInteraction(t, s, "Talked about the reorg", "Zoë thinks the migration plan slips", testNow.Add(-time.Hour), zoe.ID)
	pr := mustSearchPromise(t, s, bob.ID, "Send the quarterly numbers", "Helena asked too", time.Time{})
	m := newMeeting(zoe.ID, testNow.Add(48*time.Hour))
	m.Location, m.Agenda = "Café Lisboa", "Walk through the hiring rubric"
	if err := s.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	role := model.Role{Title: "Engineering manager", Horizon: model.HorizonNext, Why: "Grow the platform team"}
	if err := s.CreateRole(ctx, &role); err != nil {
		t.Fatal(err)
	}
	req := model.Requirement{RoleID: role.ID, Kind: model.RequirementSkill, Title: "Hiring", TargetLevel: 4, Importance: 3,
		Evidence: "Ran the loop for two quarterbacks"}
	if err := s.CreateRequirement(ctx, &req); err != nil {
		t.Fatal(err)
	}
	act := model.Action{RequirementID: req.ID, Kind: model.ActionCourse, Title: "Interviewer training", Notes: "Ask about quarterbacks",
		Status: model.ActionPlanned}
	if err := s.CreateAction(ctx, &act); err != nil {
		t.Fatal(err)
	}
	opp := model.Opportunity{Title: "Staff promotion round", Kind: model.OpportunityPromotion, Date: model.Day(testNow), Notes: "Quarterbacks again",
		Outcome: model.OutcomePending}
	if err := s.CreateOpportunity(ctx, &opp); err != nil {
		t.Fatal(err)
	}
	d := model.Disclosure{PersonID: zoe.ID, Topic: "Training for a marathon", Sensitivity: model.SensitivityLow, SharedOn: model.Day(testNow)}
	if err := s.CreateDisclosure(ctx, &d); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		query string
		want  []string
	}{
		{"zoe", []string{key(model.HitPerson, zoe.ID), key(model.HitInteraction, in.ID), key(model.HitMeeting, m.ID)}},
		{"ZOË ÅNGSTRÖM", []string{key(model.HitPerson, zoe.ID), key(model.HitInteraction, in.ID), key(model.HitMeeting, m.ID)}},
		{"northwind", []string{key(model.HitPerson, zoe.ID)}},
		{"pair", []string{key(model.HitPerson, zoe.ID)}},
		// Bob Reorganiser's promise: the names of the people a thing is with are searched too.
		{"reorg", []string{key(model.HitPerson, bob.ID), key(model.HitInteraction, in.ID), key(model.HitPromise, pr.ID)}},
		{"migr", []string{key(model.HitInteraction, in.ID)}},
		{`"migration plan"`, []string{key(model.HitInteraction, in.ID)}},
		{`"plan migration"`, nil},
		{"zoe reorg", []string{key(model.HitInteraction, in.ID)}},
		{"quarterly", []string{key(model.HitPromise, pr.ID)}},
		{"helena", []string{key(model.HitPromise, pr.ID)}},
		{"bob numbers", []string{key(model.HitPromise, pr.ID)}},
		{"cafe", []string{key(model.HitMeeting, m.ID)}},
		{"rubric", []string{key(model.HitMeeting, m.ID)}},
		{"quarterbacks", []string{"plan:requirement " + strconv.FormatInt(req.ID, 10), "plan:action " + strconv.FormatInt(act.ID, 10),
			key(model.HitOpportunity, opp.ID)}},
		{"platform", []string{"plan:role " + strconv.FormatInt(role.ID, 10)}},
		{"marathon", nil},
		{"marathon is:frame", []string{key(model.HitDisclosure, d.ID)}},
		{"marathon frame:yes", []string{key(model.HitDisclosure, d.ID)}},
		{"nothing", nil},
		{"", nil},
		{`"`, nil},
		{"AND OR NOT NEAR", nil},
		{"(reorg", []string{key(model.HitPerson, bob.ID), key(model.HitInteraction, in.ID), key(model.HitPromise, pr.ID)}},
		{"re-org", nil},
		{"*", nil},
	}
	for _, tt := range tests {
		if got := searchFor(t, s, tt.query); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestSearchHitDetails(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana Silva"), mustCreatePerson(t, s, "Ben Okafor")
	at := testNow.Add(-24 * time.Hour)
	in := mustInteraction(t, s, "Coffee about the reorg", "She said the reorg is off", at, ben.ID, ana.ID)
	role := model.Role{Title: "Staff engineer", Horizon: model.HorizonNext}
	if err := s.CreateRole(ctx, &role); err != nil {
		t.Fatal(err)
	}
	req := model.Requirement{RoleID: role.ID, Kind: model.RequirementSkill, Title: "Reorg leadership", TargetLevel: 4, Importance: 3}
	if err := s.CreateRequirement(ctx, &req); err != nil {
		t.Fatal(err)
	}
	res := searchResults(t, s, "reorg", 200)
	if res.Total != 2 || len(res.Hits) != 2 || res.ByKind[model.HitInteraction] != 1 || res.ByKind[model.HitPlan] != 1 {
		t.Fatalf("Search(reorg) = %+v", res)
	}
	h := res.Hits[0]
	if h.Kind != model.HitInteraction || h.ID != in.ID || h.Title != "Coffee about the reorg" ||
		h.PersonID != ana.ID || h.PersonName != "Ana Silva" || !h.Date.Equal(at) {
		t.Errorf("interaction hit = %+v", h)
	}
	var marked []string
	for _, sp := range h.Snippet {
		if sp.Match {
			marked = append(marked, sp.Text)
		}
	}
	if len(marked) == 0 || !strings.EqualFold(marked[0], "reorg") {
		t.Errorf("snippet %+v marks %v, want reorg", h.Snippet, marked)
	}
	p := res.Hits[1]
	if p.Kind != model.HitPlan || p.PlanPart != "requirement" || p.ID != req.ID || p.RoleID != role.ID || p.Title != "Reorg leadership" {
		t.Errorf("plan hit = %+v", p)
	}
	// A person filter names the person who passes it.
	ben.Stance = model.StanceBlocker
	if err := s.UpdatePerson(ctx, &ben); err != nil {
		t.Fatal(err)
	}
	res = searchResults(t, s, "reorg stance:blocker", 200)
	if len(res.Hits) != 1 || res.Hits[0].PersonID != ben.ID {
		t.Errorf("Search(reorg stance:blocker) = %+v, want the interaction with Ben", res.Hits)
	}
}

// TestSearchFollowsWrites checks that the index follows every way the data
// changes: the store's writes, deletes, Remove and Restore, imports and
// plain SQL.
func TestSearchFollowsWrites(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana Silva")
	in := mustInteraction(t, s, "Lunch", "walrus", testNow.Add(-time.Hour), ana.ID)
	pr := mustSearchPromise(t, s, ana.ID, "Send the narwhal deck", "", time.Time{})
	m := newMeeting(ana.ID, testNow.Add(time.Hour))
	m.Agenda = "pelican"
	if err := s.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	check := func(step, query string, want ...string) {
		t.Helper()
		if got := searchFor(t, s, query); !slices.Equal(got, want) {
			t.Errorf("%s: Search(%q) = %v, want %v", step, query, got, want)
		}
	}
	check("insert", "walrus", key(model.HitInteraction, in.ID))

	in.Notes = "otter"
	if err := s.UpdateInteraction(ctx, &in); err != nil {
		t.Fatal(err)
	}
	check("update", "walrus")
	check("update", "otter", key(model.HitInteraction, in.ID))

	if _, err := s.db.ExecContext(ctx, `UPDATE interaction SET notes = 'capybara' WHERE id = ?`, in.ID); err != nil {
		t.Fatal(err)
	}
	check("plain SQL", "otter")
	check("plain SQL", "capybara", key(model.HitInteraction, in.ID))

	ana.Name = "Ana Quokka"
	if err := s.UpdatePerson(ctx, &ana); err != nil {
		t.Fatal(err)
	}
	check("rename", "quokka", key(model.HitPerson, ana.ID), key(model.HitInteraction, in.ID),
		key(model.HitPromise, pr.ID), key(model.HitMeeting, m.ID))
	check("rename", "silva")

	removed, err := s.RemoveInteraction(ctx, in.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("remove", "capybara")
	if _, err := s.RestoreInteraction(ctx, removed); err != nil {
		t.Fatal(err)
	}
	check("restore", "capybara quokka", key(model.HitInteraction, in.ID))

	rp, err := s.RemovePromise(ctx, pr.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("remove promise", "narwhal")
	if _, err := s.RestorePromise(ctx, rp); err != nil {
		t.Fatal(err)
	}
	check("restore promise", "narwhal", key(model.HitPromise, pr.ID))

	rm, err := s.RemoveMeeting(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("remove meeting", "pelican")
	if _, err := s.RestoreMeeting(ctx, rm); err != nil {
		t.Fatal(err)
	}
	check("restore meeting", "pelican", key(model.HitMeeting, m.ID))

	if err := s.DeleteInteraction(ctx, in.ID); err != nil {
		t.Fatal(err)
	}
	check("delete", "capybara")

	matches := model.MatchImport([]model.ImportedPerson{imported(2, "Wombat Jones", "Emu Corp", "wj@emu.example")}, allPeople(t, s))
	if _, _, _, err := s.ImportPeople(ctx, model.FormatLinkedIn, matches); err != nil {
		t.Fatal(err)
	}
	res := searchResults(t, s, "emu", 200)
	if len(res.Hits) != 1 || res.Hits[0].Kind != model.HitPerson || res.Hits[0].Title != "Wombat Jones" {
		t.Errorf("after import: Search(emu) = %+v", res.Hits)
	}

	if err := s.ArchivePerson(ctx, ana.ID); err != nil {
		t.Fatal(err)
	}
	check("trash", "quokka is:person")
	q := model.ParseSearch("quokka is:person", testNow)
	q.Trashed = true
	if got, err := s.Search(ctx, q, 10); err != nil || !slices.Equal(hitKeys(got.Hits), []string{key(model.HitPerson, ana.ID)}) {
		t.Errorf("Search(quokka, trashed) = %v, %v", hitKeys(got.Hits), err)
	}
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	check("empty trash", "quokka frame:yes")
	for _, table := range []string{"search_person", "search_interaction", "search_promise", "search_meeting"} {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE `+table+` MATCH 'quokka'`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s still holds quokka %d times (%v)", table, n, err)
		}
	}
}

func TestSearchMeetingOutcomeNotes(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	out := mustInteraction(t, s, "Coffee", "agreed on the okapi plan", testNow.Add(-time.Hour), ana.ID)
	m := newMeeting(ana.ID, testNow.Add(-2*time.Hour))
	m.OutcomeID = out.ID
	if err := s.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if got, want := searchFor(t, s, "okapi is:meeting"), []string{key(model.HitMeeting, m.ID)}; !slices.Equal(got, want) {
		t.Errorf("Search(okapi is:meeting) = %v, want %v", got, want)
	}
	out.Notes = "agreed on the tapir plan"
	if err := s.UpdateInteraction(ctx, &out); err != nil {
		t.Fatal(err)
	}
	if got, want := searchFor(t, s, "tapir is:meeting"), []string{key(model.HitMeeting, m.ID)}; !slices.Equal(got, want) {
		t.Errorf("after the outcome changed: Search(tapir is:meeting) = %v, want %v", got, want)
	}
}

func TestSearchFilters(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	mk := func(name, team string, stance model.Stance, influence int) model.Person {
		p := model.NewPerson(name)
		p.Team, p.Stance, p.Influence = team, stance, influence
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sam := mk("Sam Skeptic", "Payments", model.StanceSkeptic, 5)
	chu := mk("Chu Champion", "Platform", model.StanceChampion, 2)
	old := mk("Old Skeptic", "Payments", model.StanceSkeptic, 3)
	day := func(d int) time.Time { return testNow.AddDate(0, 0, -d) }
	i1 := mustInteraction(t, s, "Budget talk", "", day(10), sam.ID)
	i2 := model.Interaction{Kind: model.KindLunch, At: day(2), Summary: "Budget lunch", PersonIDs: []int64{chu.ID}}
	if err := s.CreateInteraction(ctx, &i2); err != nil {
		t.Fatal(err)
	}
	i3 := mustInteraction(t, s, "Budget again", "", day(40), chu.ID, old.ID)
	overdue := mustSearchPromise(t, s, sam.ID, "Budget sheet", "", model.Day(day(3)))
	later := mustSearchPromise(t, s, chu.ID, "Budget memo", "", model.Day(testNow.AddDate(0, 0, 5)))
	m := newMeeting(chu.ID, testNow.Add(24*time.Hour))
	m.Agenda = "Budget"
	if err := s.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	P, I, R, M := model.HitPerson, model.HitInteraction, model.HitPromise, model.HitMeeting
	tests := []struct {
		query string
		want  []string
	}{
		{"budget", []string{key(I, i2.ID), key(I, i1.ID), key(I, i3.ID), key(R, later.ID), key(R, overdue.ID), key(M, m.ID)}},
		{"budget stance:skeptic", []string{key(I, i1.ID), key(I, i3.ID), key(R, overdue.ID)}},
		{"budget influence:4+", []string{key(I, i1.ID), key(R, overdue.ID)}},
		{"budget influence:2-", []string{key(I, i2.ID), key(I, i3.ID), key(R, later.ID), key(M, m.ID)}},
		{"budget influence:3", []string{key(I, i3.ID)}},
		{"budget team:pay", []string{key(I, i1.ID), key(I, i3.ID), key(R, overdue.ID)}},
		{"budget kind:lunch", []string{key(I, i2.ID)}},
		{"budget kind:coffee", []string{key(I, i1.ID), key(I, i3.ID), key(M, m.ID)}},
		{"budget after:2026-11-10", []string{key(I, i2.ID), key(I, i1.ID), key(R, later.ID), key(R, overdue.ID), key(M, m.ID)}},
		{"budget before:2026-11-13", []string{key(I, i3.ID)}}, // i1 is on the 13th
		{"budget before:2026-11-14", []string{key(I, i1.ID), key(I, i3.ID)}},
		{"budget after:2026-11-14 before:today", []string{key(I, i2.ID), key(R, overdue.ID)}},
		{"budget is:promise", []string{key(R, later.ID), key(R, overdue.ID)}},
		{"budget is:overdue", []string{key(R, overdue.ID)}},
		{"is:overdue", []string{key(R, overdue.ID)}},
		{"budget is:meeting is:promise", []string{key(R, later.ID), key(R, overdue.ID), key(M, m.ID)}},
		// Filters alone list everything that passes them.
		{"is:person stance:skeptic", []string{key(P, sam.ID), key(P, old.ID)}},
		{"is:person team:platform", []string{key(P, chu.ID)}},
		{"stance:champion", []string{key(P, chu.ID), key(I, i2.ID), key(I, i3.ID), key(R, later.ID), key(M, m.ID)}},
		// Bad syntax is searched as words.
		{"budget stance:grumpy", nil},
		// The most recently contacted first.
		{"is:person", []string{key(P, chu.ID), key(P, sam.ID), key(P, old.ID)}},
	}
	for _, tt := range tests {
		if got := searchFor(t, s, tt.query); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestSearchLimitSharesAndCounts(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	for i := range 30 {
		mustInteraction(t, s, "Standup "+strconv.Itoa(i), "", testNow.Add(-time.Duration(i)*time.Hour), ana.ID)
	}
	for i := range 3 {
		mustSearchPromise(t, s, ana.ID, "Standup notes "+strconv.Itoa(i), "", time.Time{})
	}
	res := searchResults(t, s, "standup", 10)
	if res.Total != 33 || res.ByKind[model.HitInteraction] != 30 || res.ByKind[model.HitPromise] != 3 {
		t.Errorf("counts = %d %v, want 33 (30 interactions, 3 promises)", res.Total, res.ByKind)
	}
	// A prefix of three letters is counted to just past the limit first,
	// then in full: the counts shown are the same.
	if short := searchResults(t, s, "sta", 10); short.Total != 33 || short.ByKind[model.HitInteraction] != 30 ||
		len(short.Hits) != 10 {
		t.Errorf("“sta”: %d hits, counts %d %v, want 10 of 33 (30 interactions)", len(short.Hits), short.Total, short.ByKind)
	}
	var kinds []model.HitKind
	for _, h := range res.Hits {
		kinds = append(kinds, h.Kind)
	}
	want := []model.HitKind{"interaction", "interaction", "interaction", "interaction", "interaction", "interaction", "interaction", "promise", "promise", "promise"}
	if !slices.Equal(kinds, want) {
		t.Errorf("kinds shown = %v, want %v", kinds, want)
	}
	// Within a kind, the most recent first.
	for i := 1; i < 7; i++ {
		if res.Hits[i].Date.After(res.Hits[i-1].Date) {
			t.Errorf("hit %d (%v) is after hit %d (%v)", i, res.Hits[i].Date, i-1, res.Hits[i-1].Date)
		}
	}
	// People whose name matches come before those matched elsewhere.
	mustCreatePerson(t, s, "Zed Standupson")
	p := model.NewPerson("Amy")
	p.Notes = "runs the standup"
	if err := s.CreatePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if res := searchResults(t, s, "standup is:person", 10); len(res.Hits) != 2 || res.Hits[0].Title != "Zed Standupson" {
		t.Errorf("Search(standup is:person) = %+v, want Zed first", res.Hits)
	}
}

func TestRebuildSearchIndex(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	in := mustInteraction(t, s, "Kestrel", "", testNow, ana.ID)
	before := searchContent(t, s)
	// Lose the index, as a damaged or hand-edited file might.
	if _, err := s.db.ExecContext(ctx, `DELETE FROM search_interaction; DELETE FROM search_person`); err != nil {
		t.Fatal(err)
	}
	if got := searchFor(t, s, "kestrel"); len(got) != 0 {
		t.Fatalf("after emptying: %v", got)
	}
	if err := s.RebuildSearchIndex(ctx); err != nil {
		t.Fatal(err)
	}
	if got, want := searchFor(t, s, "kestrel ana"), []string{key(model.HitInteraction, in.ID)}; !slices.Equal(got, want) {
		t.Errorf("after rebuild: %v, want %v", got, want)
	}
	if after := searchContent(t, s); !slices.Equal(before, after) {
		t.Errorf("rebuilt index differs from what the triggers made:\n%v\n%v", before, after)
	}
}

// TestRebuildSearchIndexMatchesTheTriggers checks, over the sample
// network, that the rebuild makes exactly what the triggers made.
func TestRebuildSearchIndexMatchesTheTriggers(t *testing.T) {
	s := mustOpen(t)
	if err := s.InsertNetwork(t.Context(), sample.Generate(sample.Options{Seed: SampleSeed, Now: testNow})); err != nil {
		t.Fatal(err)
	}
	before := searchContent(t, s)
	if len(before) < 100 {
		t.Fatalf("the sample indexed %d rows", len(before))
	}
	if err := s.RebuildSearchIndex(t.Context()); err != nil {
		t.Fatal(err)
	}
	if after := searchContent(t, s); !slices.Equal(before, after) {
		for i := range min(len(before), len(after)) {
			if before[i] != after[i] {
				t.Fatalf("rebuilt index differs at row %d:\n triggers: %s\n rebuild:  %s", i, before[i], after[i])
			}
		}
		t.Fatalf("rebuilt index has %d rows, the triggers made %d", len(after), len(before))
	}
}

// searchContent lists every row of the search index, by table and docid.
func searchContent(tb testing.TB, s *Store) []string {
	tb.Helper()
	var out []string
	for _, spec := range searchSpecs {
		rows, err := s.db.QueryContext(tb.Context(), `SELECT docid, title, body, people FROM search_`+spec.table+` ORDER BY docid`)
		if err != nil {
			tb.Fatal(err)
		}
		for rows.Next() {
			var id int64
			var title, body, people sql.NullString
			if err := rows.Scan(&id, &title, &body, &people); err != nil {
				tb.Fatal(err)
			}
			out = append(out, strings.Join([]string{spec.table, strconv.FormatInt(id, 10), title.String, body.String, people.String}, "|"))
		}
		rows.Close()
	}
	return out
}

// TestSearchAfterMigrating opens a database made at each schema before the
// search index: after migrating, what it held is found.
func TestSearchAfterMigrating(t *testing.T) {
	migrations, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	first := slices.IndexFunc(migrations, func(m migration) bool { return strings.HasSuffix(m.name, "0009_search.sql") })
	if first < 0 {
		t.Fatal("no 0009_search.sql")
	}
	for version := 1; version <= first; version++ {
		t.Run("from schema "+strconv.Itoa(version), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "rapport.db")
			makeDatabaseAt(t, path, version)
			s, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer s.Close()
			setClock(s, testNow)
			want := []string{key(model.HitPerson, 1), key(model.HitInteraction, 1)}
			if got := searchFor(t, s, "dana"); !slices.Equal(got, want) {
				t.Errorf("Search(dana) = %v, want %v", got, want)
			}
			if got := searchFor(t, s, "offsite"); !slices.Equal(got, want[1:]) {
				t.Errorf("Search(offsite) = %v, want %v", got, want[1:])
			}
		})
	}
}

// TestSearchTriggersSurvive checks that every trigger 0009_search.sql
// made is there at the latest schema: a later migration that rebuilds a
// table drops its triggers and must make them again.
func TestSearchTriggersSurvive(t *testing.T) {
	s := mustOpen(t)
	b, err := migrationFiles.ReadFile("migrations/0009_search.sql")
	if err != nil {
		t.Fatal(err)
	}
	made := regexp.MustCompile(`(?m)^CREATE TRIGGER (\w+)`).FindAllStringSubmatch(string(b), -1)
	if len(made) < 27 {
		t.Fatalf("0009_search.sql makes %d triggers", len(made))
	}
	for _, m := range made {
		var n int
		if err := s.db.QueryRowContext(t.Context(), `SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?`, m[1]).Scan(&n); err != nil || n != 1 {
			t.Errorf("trigger %s is missing at the latest schema (%v)", m[1], err)
		}
	}
}

func TestSearchMeetingHit(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana Silva")
	m := newMeeting(ana.ID, testNow.Add(48*time.Hour))
	m.Location, m.Agenda = "Café Lisboa", "Walk through the hiring rubric"
	if err := s.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ query, marked string }{{"cafe", "Café"}, {"rubric", "rubric"}, {"is:meeting", ""}} {
		res := searchResults(t, s, tt.query, 10)
		if len(res.Hits) != 1 {
			t.Fatalf("Search(%q) = %+v", tt.query, res.Hits)
		}
		h := res.Hits[0]
		var marked string
		for _, sp := range h.Snippet {
			if sp.Match {
				marked = sp.Text
			}
		}
		if h.Title != "Coffee with Ana Silva" || h.PersonID != ana.ID || !h.Date.Equal(m.Start) || marked != tt.marked {
			t.Errorf("Search(%q) = %+v (marked %q), want the coffee with Ana, %q marked", tt.query, h, marked, tt.marked)
		}
	}
}

// TestSearchLetterIndex checks that a database made before
// 0012_search_letter.sql opens with an index of first letters in every
// search table, filled from what it held (found by its first letter and
// its words), and that a row written after it is found by its letter too.
func TestSearchLetterIndex(t *testing.T) {
	migrations, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	before := slices.IndexFunc(migrations, func(m migration) bool { return strings.HasSuffix(m.name, "0012_search_letter.sql") })
	if before < 0 {
		t.Fatal("no 0012_search_letter.sql")
	}
	path := filepath.Join(t.TempDir(), "rapport.db")
	makeDatabaseAt(t, path, before)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	setClock(s, testNow)
	for _, spec := range searchSpecs {
		var sql string
		if err := s.db.QueryRowContext(t.Context(), `SELECT sql FROM sqlite_master WHERE name = ?`, "search_"+spec.table).Scan(&sql); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(sql, `prefix="1,2,3"`) {
			t.Errorf("search_%s is %s, want prefix=\"1,2,3\"", spec.table, sql)
		}
	}
	want := []string{key(model.HitPerson, 1), key(model.HitInteraction, 1)}
	for _, text := range []string{"d", "dana", "O"} {
		got := searchFor(t, s, text)
		if text == "O" {
			want = want[1:] // "offsite": Dana's name has no word in o
		}
		if !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v", text, got, want)
		}
	}
	ana := mustCreatePerson(t, s, "Zoë Ng")
	if got, want := searchFor(t, s, "z"), []string{key(model.HitPerson, ana.ID)}; !slices.Equal(got, want) {
		t.Errorf("Search(z) after adding Zoë = %v, want %v", got, want)
	}
}

// TestSearchManyMatchesWalkTheDates checks that a kind whose matches are
// many (more than walkAbove times the limit: read from its date index)
// and few (looked up by id and sorted) comes in the same order, newest
// first, with every match counted: interactions and promises made out of
// date order.
func TestSearchManyMatchesWalkTheDates(t *testing.T) {
	s := mustOpen(t)
	setClock(s, testNow)
	ana := mustCreatePerson(t, s, "Ana Silva")
	const n = 5 * walkAbove
	var interactions, promises []string
	for i := range n {
		days := (i * 7) % n // ids and dates in different orders
		in := mustInteraction(t, s, "Sync", "", testNow.AddDate(0, 0, -days-1), ana.ID)
		p := mustSearchPromise(t, s, ana.ID, "Send the sync notes", "", model.Day(testNow.AddDate(0, 0, days+1)))
		interactions = append(interactions, fmt.Sprintf("%03d %s", days, key(model.HitInteraction, in.ID)))
		promises = append(promises, fmt.Sprintf("%03d %s", n-days, key(model.HitPromise, p.ID)))
	}
	for _, want := range [][]string{interactions, promises} {
		slices.Sort(want)
		for i := range want {
			want[i] = want[i][4:]
		}
	}
	q := model.ParseSearch("sync", testNow)
	for _, limit := range []int{1, 2, 3, n} { // walked, walked, sorted, sorted: each kind is given 2*limit
		res, err := s.Search(t.Context(), q, 2*limit)
		if err != nil {
			t.Fatal(err)
		}
		want := append(slices.Clone(interactions[:limit]), promises[:limit]...)
		if got := hitKeys(res.Hits); !slices.Equal(got, want) || res.Total != 2*n {
			t.Errorf("Search(sync, %d) = %v of %d, want %v of %d", 2*limit, got, res.Total, want, 2*n)
		}
	}
}

// TestSearchRecentAgreesWithTheIndex checks that the most recent matches
// read by matching in Go (searchRecent, for a kind with many matches) are
// those the index finds, over the sample and over words whose letters the
// index and Go could fold apart: for each letter and a few common words,
// each kind, and a limit small enough that searchRecent answers.
func TestSearchRecentAgreesWithTheIndex(t *testing.T) {
	s := mustOpen(t)
	setClock(s, testNow)
	if err := s.InsertNetwork(t.Context(), sample.Generate(sample.Options{Seed: 3, People: 60, Interactions: 600, Promises: 200, Now: testNow})); err != nil {
		t.Fatal(err)
	}
	odd := mustCreatePerson(t, s, "Þórunn Ærøskøbing-Straße")
	for i, text := range []string{"Naïve e\u0301clair ǅemal", "ŉ ﬁnal ＴＨＥ ℌ ½ ², Ø ı İstanbul", "Ⅻ th̃e O'Brien q3-plan 东京 e-mail", "Sørensen Łódź ĳssel Œuvre"} {
		mustInteraction(t, s, text, text, testNow.AddDate(0, 0, -i), odd.ID)
	}
	queries := []string{"th", "the", "e", "mi", "q3", "o", "ss", "oe", "ij", "n", "fi", "h", "i", "1", "2", "x", "l", "d", "c", `"the q3"`, "e mi"}
	for r := 'a'; r <= 'z'; r++ {
		queries = append(queries, string(r))
	}
	const limit = 5
	compared := 0
	for _, text := range queries {
		q := model.ParseSearch(text, testNow)
		m := model.NewSearchMatcher(q)
		for _, spec := range searchSpecs {
			if !spec.indexed {
				continue
			}
			total, err := searchCount(t.Context(), s.db, spec, q)
			if err != nil {
				t.Fatal(err)
			}
			got, ok, err := searchRecent(t.Context(), s.db, spec, m, total, limit)
			if err != nil {
				t.Fatalf("searchRecent(%q, %s): %v", text, spec.table, err)
			}
			if !ok {
				continue // too few among the newest: the index answers
			}
			compared++
			query, args := searchKindQuery(spec, q, nil, nil, true)
			want, _, err := readRows(t.Context(), s.db, query+" LIMIT ?", append(args, limit), limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(got, want, func(a, b searchRow) bool { return a.id == b.id }) {
				t.Errorf("%s %q: Go matched %v, the index %v", spec.table, text, got, want)
			}
		}
	}
	if compared < 40 {
		t.Errorf("searchRecent answered %d times, want most of the %d queries and kinds", compared, 3*len(queries))
	}
}

// TestSearchPeopleNamedFirst checks that people whose name matches come
// before those matched by their notes, even when the latter were seen
// more recently and fill the limit, and that people in the trash are
// neither shown nor counted unless asked for.
func TestSearchPeopleNamedFirst(t *testing.T) {
	s := mustOpen(t)
	setClock(s, testNow)
	tamsin := mustCreatePerson(t, s, "Tamsin Roe")
	var noted []model.Person
	for i, name := range []string{"Bo Lind", "Cy Park", "Di Vega"} {
		p := mustCreatePerson(t, s, name)
		p.Notes = "Loves tango"
		if err := s.UpdatePerson(t.Context(), &p); err != nil {
			t.Fatal(err)
		}
		mustInteraction(t, s, "Lunch", "", testNow.AddDate(0, 0, -1-i), p.ID)
		noted = append(noted, p)
	}
	tara := mustCreatePerson(t, s, "Tara Old")
	for _, tc := range []struct {
		limit int
		want  []model.Person
	}{
		{1, []model.Person{tara}}, // neither seen: the newest first
		{2, []model.Person{tara, tamsin}},
		{3, []model.Person{tara, tamsin, noted[0]}},
	} {
		res := searchResults(t, s, "ta is:person", tc.limit)
		var want []string
		for _, p := range tc.want {
			want = append(want, key(model.HitPerson, p.ID))
		}
		if got := hitKeys(res.Hits); !slices.Equal(got, want) || res.Total != 5 {
			t.Errorf("Search(ta, %d) = %v of %d, want %v of 5", tc.limit, got, res.Total, want)
		}
	}
	if err := s.ArchivePerson(t.Context(), tamsin.ID); err != nil {
		t.Fatal(err)
	}
	if res := searchResults(t, s, "ta is:person", 1); res.Total != 4 || !slices.Equal(hitKeys(res.Hits), []string{key(model.HitPerson, tara.ID)}) {
		t.Errorf("Search(ta) with Tamsin in the trash = %v of %d, want Tara of 4", hitKeys(res.Hits), res.Total)
	}
	q := model.ParseSearch("ta is:person", testNow)
	q.Trashed = true // the People screen's trash
	if res, err := s.Search(t.Context(), q, 5); err != nil || res.Total != 1 || !slices.Equal(hitKeys(res.Hits), []string{key(model.HitPerson, tamsin.ID)}) {
		t.Errorf("Search(ta) in the trash = %v of %d, %v; want Tamsin of 1", hitKeys(res.Hits), res.Total, err)
	}
}

// TestShareLimitNeedsCountsOnlyPastTheLimit: the shares of the limit are
// the same whether a kind's count is exact or stopped one past the limit,
// which is what lets Search share it before counting in full.
func TestShareLimitNeedsCountsOnlyPastTheLimit(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 20))
	for range 2000 {
		limit := 1 + rng.IntN(250)
		totals := make([]int, 1+rng.IntN(9))
		clipped := make([]int, len(totals))
		for i := range totals {
			totals[i] = rng.IntN(3 * limit)
			if rng.IntN(4) == 0 {
				totals[i] = rng.IntN(100_000)
			}
			clipped[i] = min(totals[i], limit+1)
		}
		if got, want := shareLimit(clipped, limit), shareLimit(totals, limit); !slices.Equal(got, want) {
			t.Fatalf("shareLimit(%v, %d) = %v, but %v with the counts clipped", totals, limit, want, got)
		}
	}
}

// TestCountStopsEarly: only a query of one word, a token of at most
// three letters (which the index keeps a list for), is counted up to the
// limit first.
func TestCountStopsEarly(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{"t", true}, {"the", true}, {"Zoë", true}, {"q3", true},
		{"them", false}, {"migration", false}, {"the q3 p", false},
		{`"the q"`, false}, {"o'b", false},
	} {
		if got := countStopsEarly(model.ParseSearch(tc.query, testNow)); got != tc.want {
			t.Errorf("countStopsEarly(%q) = %v, want %v", tc.query, got, tc.want)
		}
	}
}

// TestSearchManyMatchesOfSeveralWords: a query of several words whose
// matches are many (past walkAbove times the limit) is counted as its
// first matches are walked in date order: the count is exact and the
// hits are the most recent.
func TestSearchManyMatchesOfSeveralWords(t *testing.T) {
	s := mustOpen(t)
	ana := mustCreatePerson(t, s, "Ana")
	var newest []int64
	for i := range 30 {
		in := mustInteraction(t, s, "Weekly sync "+strconv.Itoa(i), "", testNow.Add(-time.Duration(i*7)*time.Hour), ana.ID)
		if i < 3 {
			newest = append(newest, in.ID)
		}
	}
	mustInteraction(t, s, "Weekly review", "", testNow, ana.ID) // one word only
	res := searchResults(t, s, "weekly sync", 3)
	if res.Total != 30 || res.ByKind[model.HitInteraction] != 30 {
		t.Errorf("counts = %d %v, want 30 interactions", res.Total, res.ByKind)
	}
	var got []int64
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	if !slices.Equal(got, newest) {
		t.Errorf("hits = %v, want the three most recent %v", got, newest)
	}
}
