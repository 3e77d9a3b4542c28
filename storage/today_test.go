package storage

import (
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// todayFixture is a small network with one of everything Today reports.
type todayFixture struct {
	s                      *Store
	morgan, sam, kim, gone model.Person
}

func newTodayFixture(t *testing.T) todayFixture {
	t.Helper()
	s := mustOpen(t)
	ctx := t.Context()
	add := func(name string, rel model.Relation, influence int, stance model.Stance) model.Person {
		p := model.NewPerson(name)
		p.Relation, p.Influence, p.Stance = rel, influence, stance
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f := todayFixture{s: s,
		morgan: add("Morgan Lee", model.RelationSkipLevel, 5, model.StanceNeutral),
		sam:    add("Sam Ortiz", model.RelationTeamMate, 2, model.StanceChampion),
		kim:    add("Kim Tan", model.RelationPeer, 3, model.StanceSupporter),
		gone:   add("Alex Gone", model.RelationPeer, 2, model.StanceUnknown),
	}
	day := func(d int) time.Time { return testNow.AddDate(0, 0, d) }
	for _, i := range []model.Interaction{
		{Kind: model.KindCoffee, At: day(-94), PersonIDs: []int64{f.morgan.ID}},
		{Kind: model.KindHelpGiven, At: day(-3), PersonIDs: []int64{f.sam.ID, f.kim.ID}},
		{Kind: model.KindThanksPublic, At: day(-2), PersonIDs: []int64{f.kim.ID}},
		{Kind: model.KindCoffee, At: day(10), PersonIDs: []int64{f.morgan.ID}}, // typed in ahead
	} {
		if err := s.CreateInteraction(ctx, &i); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []model.Promise{
		{Direction: model.DirectionMine, PersonID: f.morgan.ID, What: "Send the plan", MadeOn: day(-10), DueOn: day(-1)},
		{Direction: model.DirectionTheirs, PersonID: f.kim.ID, What: "Intro to Priya", MadeOn: day(-1), DueOn: day(3)},
		{Direction: model.DirectionMine, PersonID: f.kim.ID, What: "Later thing", MadeOn: day(-1), DueOn: day(30)},
		{Direction: model.DirectionMine, PersonID: f.gone.ID, What: "Return the book", MadeOn: day(-9), DueOn: day(-2)},
		{Direction: model.DirectionMine, PersonID: f.sam.ID, What: "Kept one", MadeOn: day(-20), DueOn: day(-10),
			Status: model.PromiseKept, ResolvedOn: day(-11)},
		{Direction: model.DirectionMine, PersonID: f.sam.ID, What: "Broken one", MadeOn: day(-20), DueOn: day(-10),
			Status: model.PromiseBroken, ResolvedOn: day(-5)},
	} {
		if p.Status == "" {
			p.Status = model.PromiseOpen
		}
		if err := s.CreatePromise(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []model.Meeting{
		newMeeting(f.kim.ID, day(1)),
		newMeeting(f.morgan.ID, day(-1)), // held, no outcome yet
	} {
		if err := s.CreateMeeting(ctx, &m); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.ArchivePerson(ctx, f.gone.ID); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestTodayReportsEverySection(t *testing.T) {
	f := newTodayFixture(t)
	today, err := f.s.Today(t.Context(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	var due []string
	for _, p := range today.Due {
		due = append(due, p.What)
	}
	if strings.Join(due, ", ") != "Return the book, Send the plan, Intro to Priya" {
		t.Errorf("due = %v", due)
	}
	if today.People[f.gone.ID].Name != "Alex Gone" || !today.People[f.gone.ID].Archived() {
		t.Error("the archived person owed a promise is not named")
	}
	if len(today.Upcoming) != 1 || today.Upcoming[0].PersonID != f.kim.ID {
		t.Errorf("upcoming = %+v", today.Upcoming)
	}
	if len(today.Unlogged) != 1 || today.Unlogged[0].PersonID != f.morgan.ID {
		t.Errorf("unlogged = %+v", today.Unlogged)
	}
	if len(today.ReachOuts) == 0 || today.ReachOuts[0].PersonID != f.morgan.ID {
		t.Fatalf("reach-outs = %+v", today.ReachOuts)
	}
	reasons := strings.Join(today.ReachOuts[0].Reasons, " · ")
	for _, want := range []string{"Influence 5", "last coffee 94 days ago"} {
		if !strings.Contains(reasons, want) {
			t.Errorf("Morgan's reasons %q lack %q (the coffee typed in for next week must not count)", reasons, want)
		}
	}
	for _, r := range today.ReachOuts {
		if r.PersonID == f.gone.ID {
			t.Error("an archived person is suggested")
		}
	}
	if f := today.FollowThrough; f.Kept != 1 || f.Broken != 1 {
		t.Errorf("follow-through = %+v", f)
	}
	if today.Warmed != 2 || today.PublicThanks != 1 {
		t.Errorf("warmed %d, public thanks %d; want 2 and 1", today.Warmed, today.PublicThanks)
	}
	var kinds []model.RiskKind
	for _, r := range today.Risks {
		kinds = append(kinds, r.Kind)
	}
	found := false
	for _, k := range kinds {
		found = found || k == model.RiskKeyPersonCold
	}
	if !found {
		t.Errorf("risks %v miss Morgan gone cold", kinds)
	}
}

// The folded balance on the person row must equal the balance computed
// from every credit, now and after time has passed a credit typed in
// ahead of time.
func TestFoldedCreditsMatchTheFullComputation(t *testing.T) {
	f := newTodayFixture(t)
	ctx := t.Context()
	for _, at := range []time.Time{testNow, testNow.AddDate(0, 0, 5), testNow.AddDate(0, 0, 11), testNow.AddDate(1, 0, 0)} {
		rows, err := f.s.db.QueryContext(ctx, `SELECT id, credit_folded, credit_next FROM person`)
		if err != nil {
			t.Fatal(err)
		}
		folds := map[int64]foldedBalance{}
		for rows.Next() {
			var id int64
			var fb foldedBalance
			if err := rows.Scan(&id, &fb.folded, timeField{&fb.next}); err != nil {
				t.Fatal(err)
			}
			folds[id] = fb
		}
		rows.Close()
		got, err := balances(ctx, f.s.db, folds, at)
		if err != nil {
			t.Fatal(err)
		}
		for id := range folds {
			credits, err := f.s.Credits(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			want := model.DefaultCredits.Balance(credits, at)
			if math.Abs(got[id]-want) > 1e-9*math.Max(1, math.Abs(want)) {
				t.Errorf("at %s person %d: folded %v, full %v", at.Format("2006-01-02"), id, got[id], want)
			}
		}
	}
	// Morgan's future coffee left a refold date on the row.
	var next string
	if err := f.s.db.QueryRowContext(ctx, `SELECT credit_next FROM person WHERE id = ?`, f.morgan.ID).Scan(&next); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(next, "2026-12-03") {
		t.Errorf("credit_next = %q, want the coffee on 2026-12-03", next)
	}
}

// Promise outcomes change the folded credits in the same transaction.
func TestPromiseOutcomesMoveTheBalance(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	p := mustCreatePerson(t, s, "Dana")
	balance := func() float64 {
		credits, err := s.Credits(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var folded float64
		if err := s.db.QueryRowContext(ctx, `SELECT credit_folded FROM person WHERE id = ?`, p.ID).Scan(&folded); err != nil {
			t.Fatal(err)
		}
		full := model.DefaultCredits.Balance(credits, testNow)
		if got := model.DefaultCredits.Unfold(folded, testNow); math.Abs(got-full) > 1e-9 {
			t.Fatalf("folded %v, full %v", got, full)
		}
		return full
	}
	promise := model.Promise{Direction: model.DirectionMine, PersonID: p.ID, What: "Deck",
		MadeOn: testNow.AddDate(0, 0, -3), DueOn: testNow, Status: model.PromiseOpen}
	if err := s.CreatePromise(ctx, &promise); err != nil {
		t.Fatal(err)
	}
	if b := balance(); b != 0 {
		t.Errorf("an open promise moved the balance to %v", b)
	}
	kept, err := promise.Keep(testNow)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdatePromise(ctx, &kept); err != nil {
		t.Fatal(err)
	}
	if b := balance(); b <= 0 {
		t.Errorf("keeping a promise left the balance at %v", b)
	}
	reopened, _ := kept.Reopen()
	broken, _ := reopened.Resolve(model.PromiseBroken, testNow)
	if err := s.UpdatePromise(ctx, &broken); err != nil {
		t.Fatal(err)
	}
	if b := balance(); b >= 0 {
		t.Errorf("breaking a promise left the balance at %v", b)
	}
	if err := s.DeletePromise(ctx, promise.ID); err != nil {
		t.Fatal(err)
	}
	if b := balance(); b != 0 {
		t.Errorf("after deleting the promise the balance is %v", b)
	}
}

// A database whose credits were folded with other weights (or never, as
// right after migration 0002) is refolded when it is opened.
func TestOpenRefoldsStaleCredits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	setClock(s, testNow)
	p := mustCreatePerson(t, s, "Dana")
	i := model.Interaction{Kind: model.KindHelpGiven, At: testNow.AddDate(0, 0, -1), PersonIDs: []int64{p.ID}}
	if err := s.CreateInteraction(t.Context(), &i); err != nil {
		t.Fatal(err)
	}
	var want float64
	s.db.QueryRow(`SELECT credit_folded FROM person`).Scan(&want)
	if want == 0 {
		t.Fatal("help given folded to nothing")
	}
	if _, err := s.db.Exec(`UPDATE person SET credit_folded = 0, credits_version = 0`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var got float64
	var version int
	s.db.QueryRow(`SELECT credit_folded, credits_version FROM person`).Scan(&got, &version)
	if version != creditsVersion || math.Abs(got-want) > 1e-9*want {
		t.Errorf("after reopening: folded %v (version %d), want %v (version %d)", got, version, want, creditsVersion)
	}
}

// TestTodayListsARepeatingMeetingAtItsNextOccurrence: a weekly one-on-one
// that began months ago is on this week's list once, at its next
// occurrence, in order with the one-offs; a monthly one not due this week
// is not.
func TestTodayListsARepeatingMeetingAtItsNextOccurrence(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
	weekly := newMeeting(ana.ID, time.Date(2026, 6, 3, 14, 0, 0, 0, time.UTC)) // a Wednesday
	weekly.Recurrence = model.RecurrenceWeekly
	monthly := newMeeting(ben.ID, time.Date(2026, 6, 1, 14, 0, 0, 0, time.UTC)) // 1st Monday
	monthly.Recurrence = model.RecurrenceMonthly
	tomorrow := newMeeting(ben.ID, testNow.Add(24*time.Hour))
	for _, m := range []*model.Meeting{&weekly, &monthly, &tomorrow} {
		if err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	today, err := s.Today(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(today.Upcoming) != 2 {
		t.Fatalf("upcoming = %+v, want tomorrow's coffee and Wednesday's one-on-one", today.Upcoming)
	}
	first, second := today.Upcoming[0], today.Upcoming[1]
	if first.ID != tomorrow.ID || second.ID != weekly.ID {
		t.Errorf("order = %d, %d; want %d then %d", first.ID, second.ID, tomorrow.ID, weekly.ID)
	}
	if want := time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC); !second.Start.Equal(want) {
		t.Errorf("weekly listed at %v, want its next occurrence %v", second.Start, want)
	}
}
