package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"rapport/model"
	"rapport/ui/kit/kittest"
)

// creditStore holds a manager, two team mates (one thanked last week, one
// never) and an influential peer in another team never contacted, with
// help and a kept promise logged.
func creditStore(t *testing.T) *memStore {
	t.Helper()
	boss := person("Helena Sørensen", "VP", "Leadership")
	boss.Relation = model.RelationManager
	aisha := person("Aisha Bello", "Engineer", "Platform")
	aisha.Relation = model.RelationTeamMate
	aisha.Notes = "PRIVATE: going through a hard time"
	kenji := person("Kenji Watanabe", "Engineer", "Platform")
	kenji.Relation = model.RelationTeamMate
	carl := person("Carl Xu", "Director", "Sales")
	carl.Relation, carl.Influence = model.RelationPeer, 4
	st := seeded(t, boss, aisha, kenji, carl)
	ctx := context.Background()
	for _, i := range []model.Interaction{
		{Kind: model.KindThanksPublic, At: testNow.AddDate(0, 0, -6), PersonIDs: []int64{2}, Summary: "Shout-out at the all-hands"},
		{Kind: model.KindHelpReceived, At: testNow.AddDate(0, 0, -10), PersonIDs: []int64{3}, Summary: "Reviewed my migration plan"},
	} {
		if err := st.CreateInteraction(ctx, &i); err != nil {
			t.Fatal(err)
		}
	}
	kept := model.Promise{Direction: model.DirectionTheirs, PersonID: 2, What: "Pair on the flaky test suite",
		MadeOn: model.Day(testNow.AddDate(0, 0, -30)), Status: model.PromiseKept, ResolvedOn: model.Day(testNow.AddDate(0, 0, -12))}
	if err := st.CreatePromise(ctx, &kept); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestCreditShowsWhoWasThankedAndWhoIsOverlooked(t *testing.T) {
	st := creditStore(t)
	w := newTestWindow(t, st)
	w.show(screenCredit)
	s := w.credit
	var platform model.AckGroup
	for _, g := range s.groups {
		if g.Name == "Platform" {
			platform = g
		}
	}
	if len(platform.Members) != 2 || platform.Overlooked != 1 {
		t.Fatalf("Platform = %+v, want Aisha and Kenji with Kenji overlooked", platform)
	}
	markup := test.RenderObjectToMarkup(s.root)
	for _, want := range []string{"Thanked 6 days ago, in public", "Never thanked · overlooked", "Platform · 1 overlooked"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the screen does not say %q", want)
		}
	}
}

func TestDraftNoteToTheBossAndLogItAsPublicThanks(t *testing.T) {
	st := creditStore(t)
	w := newTestWindow(t, st)
	w.show(screenCredit)
	test.Tap(w.credit.bossNote)
	d := w.currentDraft
	if d == nil {
		t.Fatal("no draft opened")
	}
	text := d.text.Text
	for _, want := range []string{"Helena", "Aisha", "Kenji", "Pair on the flaky test suite", "reviewed my migration plan"} {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
			t.Errorf("the draft does not mention %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "PRIVATE") {
		t.Errorf("the draft leaks a private note:\n%s", text)
	}
	d.text.SetText(text + "\nEdited by me.")
	before := len(st.interactions)
	test.Tap(d.logged)
	if got := w.app.Clipboard().Content(); !strings.HasSuffix(got, "Edited by me.") {
		t.Errorf("clipboard = %q, want the edited draft", got)
	}
	if len(st.interactions) != before+1 {
		t.Fatalf("%d interactions logged, want 1", len(st.interactions)-before)
	}
	i := st.interactions[len(st.interactions)-1]
	ids := slices.Clone(i.PersonIDs)
	slices.Sort(ids)
	if i.Kind != model.KindThanksPublic || !equal64(ids, []int64{2, 3}) {
		t.Errorf("logged %+v, want public thanks to Aisha and Kenji", i)
	}
	w.show(screenCredit)
	for _, g := range w.credit.groups {
		if g.Name == "Platform" && g.Overlooked != 0 {
			t.Errorf("Kenji is still overlooked after the public thanks: %+v", g)
		}
	}
}

func TestPassedOverPromptsToThankBackersAndAsk(t *testing.T) {
	st := creditStore(t)
	w := newTestWindow(t, st)
	w.show(screenCredit)
	test.Tap(w.credit.newOpp)
	e := w.currentOpportunityEditor
	e.title.SetText("Engineering Manager, Platform")
	e.date.SetText("3 days ago")
	test.Type(e.backers.Entry, "Aisha")
	e.backers.Entry.SetText(e.backers.Options()[0])
	test.Tap(e.save)
	if len(st.opportunities) != 1 || !equal64(st.opportunities[0].BackerIDs, []int64{2}) {
		t.Fatalf("opportunities = %+v", st.opportunities)
	}
	if w.currentFollowUps != nil {
		t.Error("follow-ups offered while the outcome is pending")
	}

	test.Tap(w.credit.oppEdit[st.opportunities[0].ID])
	e = w.currentOpportunityEditor
	e.outcome.SetSelected(model.OutcomePassedOver.Label())
	test.Tap(e.save)
	f := w.currentFollowUps
	if f == nil || len(f.items) != 2 {
		t.Fatalf("follow-ups = %+v, want thank Aisha and ask her what to strengthen", f)
	}
	before := len(st.interactions)
	for _, b := range f.log {
		test.Tap(b)
	}
	if len(st.interactions) != before+2 {
		t.Fatalf("%d follow-ups logged, want 2", len(st.interactions)-before)
	}
	kinds := []model.InteractionKind{st.interactions[before].Kind, st.interactions[before+1].Kind}
	if kinds[0] != model.KindThanksPrivate || kinds[1] != model.KindAsk {
		t.Errorf("logged kinds %v, want thanks then an ask", kinds)
	}
	if !f.log[0].Disabled() {
		t.Error("a logged follow-up can be logged again")
	}
}

func TestWeeklyReviewEndToEnd(t *testing.T) {
	st := creditStore(t)
	ctx := context.Background()
	// Last week: a coffee with Kenji waiting for its outcome.
	coffee := model.Meeting{PersonID: 3, Kind: model.MeetingCoffee, Start: testNow.AddDate(0, 0, -3), Duration: 30 * time.Minute}
	if err := st.CreateMeeting(ctx, &coffee); err != nil {
		t.Fatal(err)
	}
	// A promise of the user's due in two days.
	due := model.Promise{Direction: model.DirectionMine, PersonID: 2, What: "Send the onboarding doc",
		MadeOn: model.Day(testNow.AddDate(0, 0, -5)), DueOn: model.Day(testNow.AddDate(0, 0, 2)), Status: model.PromiseOpen}
	if err := st.CreatePromise(ctx, &due); err != nil {
		t.Fatal(err)
	}
	w := newTestWindow(t, st)
	w.show(screenToday)
	if kittest.Button(w.content, "Start the review") == nil {
		t.Fatal("Today does not ask for a review never done")
	}
	test.Tap(kittest.MustButton(t, w.content, "Start the review"))
	r := w.currentReview
	if r == nil || r.step != 0 {
		t.Fatal("the review did not open at its first step")
	}

	// 1. Log the coffee's outcome.
	log := r.outcomes[coffee.ID]
	if log == nil {
		t.Fatal("last week's coffee is not offered for an outcome")
	}
	test.Tap(log)
	oe := w.currentOutcomeEditor
	oe.summary.SetText("Talked about the on-call rota")
	test.Tap(oe.save)
	if st.meetings[0].Status != model.MeetingHeld {
		t.Fatal("the outcome was not logged")
	}
	if _, still := r.outcomes[coffee.ID]; still {
		t.Error("the step still offers the logged meeting")
	}

	// 2. Keep the promise due.
	test.Tap(r.next)
	kept := r.kept[due.ID]
	if kept == nil {
		t.Fatal("the promise due is not offered")
	}
	test.Tap(kept)
	if st.promises[len(st.promises)-1].Status != model.PromiseKept {
		t.Errorf("promise status = %s, want kept", st.promises[len(st.promises)-1].Status)
	}

	// 3, 4: people and gaps are read-only here.
	test.Tap(r.next)
	test.Tap(r.next)
	if r.step != 3 || !r.back.Visible() || r.finish.Visible() {
		t.Fatalf("at step %d: back %v, finish %v", r.step, r.back.Visible(), r.finish.Visible())
	}

	// 5. Pick people to reach and schedule coffees in one go.
	test.Tap(r.next)
	if !r.finish.Visible() || r.next.Visible() {
		t.Error("the last step has no Finish, or still a Next")
	}
	picked := 0
	for _, id := range r.order {
		if picked < 2 {
			r.reach[id].SetChecked(true)
			picked++
		}
	}
	if picked < 2 {
		t.Fatalf("only %d people offered to reach", picked)
	}
	meetingsBefore := len(st.meetings)
	test.Tap(r.schedule)
	if got := len(st.meetings) - meetingsBefore; got != 2 {
		t.Fatalf("%d coffees scheduled, want 2", got)
	}
	first, second := st.meetings[meetingsBefore], st.meetings[meetingsBefore+1]
	if !first.Start.After(testNow) || first.Start.Weekday() == time.Saturday || first.Start.Weekday() == time.Sunday ||
		!second.Start.After(first.Start) || first.Agenda == "" {
		t.Errorf("coffees at %v and %v (agenda %q): want working days ahead, one a day, with agendas", first.Start, second.Start, first.Agenda)
	}

	test.Tap(r.finish)
	if !st.lastReview.Equal(testNow) {
		t.Errorf("last review = %v, want now", st.lastReview)
	}
	w.show(screenToday)
	if kittest.Button(w.content, "Start the review") != nil {
		t.Error("Today still asks for the review just done")
	}
}

// TestFrameLogNeverLeaves: what the user shared about themselves appears
// in none of the texts meant for others: an agenda and invite, a draft
// to the manager, a team thank-you.
func TestFrameLogNeverLeaves(t *testing.T) {
	st := creditStore(t)
	ctx := context.Background()
	for _, id := range []int64{1, 2, 3} {
		d := model.Disclosure{PersonID: id, Topic: "SECRET-TOPIC interviewing elsewhere", Sensitivity: model.SensitivityHigh,
			SharedOn: model.Day(testNow), Notes: "SECRET-NOTES"}
		if err := st.CreateDisclosure(ctx, &d); err != nil {
			t.Fatal(err)
		}
	}
	w := newTestWindow(t, st)
	var texts []string
	agenda, err := w.draftAgenda(model.Meeting{PersonID: 2, Kind: model.MeetingCoffee})
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, agenda)
	w.show(screenCredit)
	test.Tap(w.credit.bossNote)
	texts = append(texts, w.currentDraft.text.Text)
	test.Tap(w.credit.teamNotes["Platform"])
	texts = append(texts, w.currentDraft.text.Text)
	for _, text := range texts {
		if strings.Contains(text, "SECRET") {
			t.Errorf("a text meant for others carries the frame log:\n%s", text)
		}
	}
}
