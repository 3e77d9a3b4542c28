package storage

import (
	"math"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"rapport/model"
	"rapport/model/sample"
)

// networkFixture is a small network with one of each case the map must
// handle: an archived person, someone never contacted, a contact typed in
// ahead of time, someone without a cadence, and ties to the archived
// person.
type networkFixture struct {
	path                   string
	ana, ben, cy, dee, eve model.Person // eve is archived
	fay                    model.Person // only contact is dated after testNow
	ties                   []model.Tie  // in the order made, so by ID
	lastContact            map[int64]time.Time
	overdue                map[int64]bool
	withCredits, noCredits []int64
}

// openNetworkStore opens the database at path with its clock at testNow.
// The caller closes it.
func openNetworkStore(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	setClock(s, testNow)
	return s
}

// newNetworkFixture fills a new database and closes it.
func newNetworkFixture(t *testing.T) networkFixture {
	t.Helper()
	f := networkFixture{path: filepath.Join(t.TempDir(), "rapport.db")}
	s := openNetworkStore(t, f.path)
	defer func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	}()
	ctx := t.Context()
	add := func(name string, influence int, stance model.Stance, cadence int) model.Person {
		p := model.NewPerson(name)
		p.Influence, p.Stance, p.CadenceDays = influence, stance, cadence
		p.Title, p.Team, p.Organisation = "Title of "+name, "Platform", "Acme"
		p.Relation = model.RelationPeer
		p.Email, p.Phone = "x@example.com", "+44 20 0000 0000"
		p.WorkingOn, p.Needs, p.Notes = "The migration", "Headcount", "Prefers mornings"
		if err := s.CreatePerson(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f.ana = add("Ana Ruiz", 5, model.StanceChampion, 30)
	f.ben = add("Ben Okafor", 4, model.StanceBlocker, 14) // never contacted
	f.cy = add("Cy Park", 3, model.StanceSupporter, 30)   // lunch typed in ahead
	f.dee = add("Dee Lin", 2, model.StanceSkeptic, 0)     // no cadence
	f.eve = add("Eve Marsh", 4, model.StanceNeutral, 30)  // archived below
	f.fay = add("Fay Cole", 1, model.StanceUnknown, 30)   // only a future contact

	day := func(d int) time.Time { return testNow.AddDate(0, 0, d) }
	for _, i := range []model.Interaction{
		{Kind: model.KindHelpGiven, At: day(-45), PersonIDs: []int64{f.ana.ID, f.dee.ID}},
		{Kind: model.KindCoffee, At: day(-40), PersonIDs: []int64{f.ana.ID}},
		{Kind: model.KindMessage, At: day(-200), PersonIDs: []int64{f.dee.ID}},
		{Kind: model.KindCoffee, At: day(-5), PersonIDs: []int64{f.cy.ID}},
		{Kind: model.KindLunch, At: day(10), PersonIDs: []int64{f.cy.ID}}, // typed in ahead
		{Kind: model.KindThanksPublic, At: day(-60), PersonIDs: []int64{f.eve.ID}},
		{Kind: model.KindCoffee, At: day(3), PersonIDs: []int64{f.fay.ID}}, // typed in ahead
	} {
		if err := s.CreateInteraction(ctx, &i); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []model.Promise{
		{Direction: model.DirectionMine, PersonID: f.ana.ID, What: "Send the deck", MadeOn: day(-20), DueOn: day(-10),
			Status: model.PromiseKept, ResolvedOn: day(-11)},
		{Direction: model.DirectionTheirs, PersonID: f.ana.ID, What: "Intro", MadeOn: day(-20), DueOn: day(-10),
			Status: model.PromiseKept, ResolvedOn: day(-12)}, // theirs: no credit
		{Direction: model.DirectionMine, PersonID: f.dee.ID, What: "Review", MadeOn: day(-40), DueOn: day(-35),
			Status: model.PromiseBroken, ResolvedOn: day(-30)},
		{Direction: model.DirectionMine, PersonID: f.ben.ID, What: "Call back", MadeOn: day(-2), DueOn: day(5),
			Status: model.PromiseOpen}, // pending: no credit
	} {
		if err := s.CreatePromise(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	for _, tie := range []model.Tie{
		{FromID: f.ben.ID, ToID: f.ana.ID, Kind: model.TieReportsTo},
		{FromID: f.cy.ID, ToID: f.ana.ID, Kind: model.TieInfluences, Note: "old friends"},
		{FromID: f.eve.ID, ToID: f.ana.ID, Kind: model.TieCloseTo},
		{FromID: f.ana.ID, ToID: f.dee.ID, Kind: model.TieAtOddsWith},
		{FromID: f.dee.ID, ToID: f.eve.ID, Kind: model.TieInfluences},
	} {
		if err := s.CreateTie(ctx, &tie); err != nil {
			t.Fatal(err)
		}
		f.ties = append(f.ties, tie)
	}
	if err := s.ArchivePerson(ctx, f.eve.ID); err != nil {
		t.Fatal(err)
	}
	var err error
	if f.eve, err = s.Person(ctx, f.eve.ID); err != nil {
		t.Fatal(err)
	}
	f.lastContact = map[int64]time.Time{
		f.ana.ID: day(-40), f.ben.ID: {}, f.cy.ID: day(-5), f.dee.ID: day(-45), f.eve.ID: day(-60), f.fay.ID: {},
	}
	f.overdue = map[int64]bool{
		f.ana.ID: true,  // 40 days on a 30-day cadence
		f.ben.ID: false, // never contacted: quiet until the first contact, cadence or not
		f.cy.ID:  false, // 5 days ago; the lunch ahead does not count
		f.dee.ID: false, // no cadence
		f.eve.ID: true,  // archived, but 60 days on a 30-day cadence all the same
		f.fay.ID: false, // nothing yet at or before now: never contacted
	}
	f.withCredits = []int64{f.ana.ID, f.cy.ID, f.dee.ID, f.eve.ID}
	f.noCredits = []int64{f.ben.ID, f.fay.ID}
	return f
}

// mapFields is p with only the fields the map shows.
func mapFields(p model.Person) model.Person {
	return model.Person{ID: p.ID, Name: p.Name, Title: p.Title, Team: p.Team, Organisation: p.Organisation,
		Relation: p.Relation, Influence: p.Influence, Stance: p.Stance, CadenceDays: p.CadenceDays,
		CadenceSet: p.CadenceSet, CreatedAt: p.CreatedAt,
		ArchivedAt: p.ArchivedAt}
}

// checkNetwork compares n, read at now, with what the store says person
// by person and with the full computation of every balance.
func checkNetwork(t *testing.T, s *Store, n model.Network, now time.Time, people []model.Person, ties []model.Tie) {
	t.Helper()
	ctx := t.Context()
	if !n.Now.Equal(now) {
		t.Errorf("Now = %v, want %v", n.Now, now)
	}
	if len(n.People) != len(people) {
		t.Fatalf("%d people, want %d", len(n.People), len(people))
	}
	for i, want := range people {
		got := n.People[i]
		if got.Person.ID != want.ID {
			t.Errorf("person %d has ID %d, want %d (ordered by ID)", i, got.Person.ID, want.ID)
			continue
		}
		if !reflect.DeepEqual(mapFields(got.Person), mapFields(want)) {
			t.Errorf("%s: person = %+v, want %+v", want.Name, mapFields(got.Person), mapFields(want))
		}
		if got.Person.Archived() != want.Archived() {
			t.Errorf("%s: archived = %v, want %v", want.Name, got.Person.Archived(), want.Archived())
		}
		if got.Person.Notes != "" || got.Person.WorkingOn != "" || got.Person.Needs != "" {
			t.Errorf("%s: long texts read: %q, %q, %q", want.Name, got.Person.Notes, got.Person.WorkingOn, got.Person.Needs)
		}
		credits, err := s.Credits(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		balance := model.DefaultCredits.Balance(credits, now)
		if math.Abs(got.Balance-balance) > 1e-9*math.Max(1, math.Abs(balance)) {
			t.Errorf("%s: Balance = %v, want %v", want.Name, got.Balance, balance)
		}
		if w := model.DefaultCredits.Warmth(balance, got.LastContact, want.CadenceDays, now); got.Warmth != w {
			t.Errorf("%s: Warmth = %d, want %d", want.Name, got.Warmth, w)
		}
		if o := model.ContactOverdue(want, got.LastContact, now); got.Overdue != o {
			t.Errorf("%s: Overdue = %v, want %v", want.Name, got.Overdue, o)
		}
	}
	if !reflect.DeepEqual(n.Ties, ties) {
		t.Errorf("ties =\n\t%+v\nwant\n\t%+v", n.Ties, ties)
	}
}

func TestNetwork(t *testing.T) {
	f := newNetworkFixture(t)
	s := openNetworkStore(t, f.path)
	defer func() { // the store open at the end: this one or the one reopened
		if s == nil {
			return
		}
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	}()
	ctx := t.Context()
	n, err := s.Network(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	people := []model.Person{f.ana, f.ben, f.cy, f.dee, f.eve, f.fay}
	checkNetwork(t, s, n, testNow, people, f.ties)
	for _, np := range n.People {
		p := np.Person
		if want := f.lastContact[p.ID]; !np.LastContact.Equal(want) {
			t.Errorf("%s: LastContact = %v, want %v", p.Name, np.LastContact, want)
		}
		if np.Overdue != f.overdue[p.ID] {
			t.Errorf("%s: Overdue = %v, want %v", p.Name, np.Overdue, f.overdue[p.ID])
		}
	}
	byID := map[int64]model.NetworkPerson{}
	for _, np := range n.People {
		byID[np.Person.ID] = np
	}
	if !byID[f.eve.ID].Person.Archived() {
		t.Error("Eve is not marked archived")
	}
	for _, id := range f.noCredits {
		if np := byID[id]; np.Balance != 0 || np.Warmth != 0 {
			t.Errorf("%s: balance %v, warmth %d; want 0 and 0", np.Person.Name, np.Balance, np.Warmth)
		}
	}
	for _, id := range f.withCredits {
		if np := byID[id]; np.Balance == 0 || np.Warmth == 0 {
			t.Errorf("%s: balance %v, warmth %d; want both set", np.Person.Name, np.Balance, np.Warmth)
		}
	}
	// Cy: a coffee 5 days ago (3 points); the lunch typed in ahead counts
	// for nothing yet.
	if got, want := byID[f.cy.ID].Balance, 3*math.Exp2(-5.0/90); math.Abs(got-want) > 1e-9 {
		t.Errorf("Cy: Balance = %v, want %v", got, want)
	}
	// The archived person's ties are there too, unlike in Ties.
	active, err := s.Ties(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(active) != 3 || len(n.Ties) != 5 {
		t.Errorf("Ties lists %d, Network %d; want 3 and 5", len(active), len(n.Ties))
	}

	// Closed and opened again, the store reads the same network.
	err = s.Close()
	s = nil
	if err != nil {
		t.Fatal(err)
	}
	s = openNetworkStore(t, f.path)
	again, err := s.Network(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, n) {
		t.Errorf("after reopening:\n\t%+v\nwant\n\t%+v", again, n)
	}

	// Eleven days on, the lunch and Fay's coffee typed in ahead have
	// happened: they count, in the balance (refolded on the way) and as
	// the last contact.
	later := testNow.AddDate(0, 0, 11)
	setClock(s, later)
	n, err = s.Network(ctx, later)
	if err != nil {
		t.Fatal(err)
	}
	checkNetwork(t, s, n, later, people, f.ties)
	for _, tt := range []struct {
		np   model.NetworkPerson
		last time.Time
	}{
		{n.People[2], testNow.AddDate(0, 0, 10)},
		{n.People[5], testNow.AddDate(0, 0, 3)},
	} {
		if !tt.np.LastContact.Equal(tt.last) || tt.np.Overdue || tt.np.Balance == 0 {
			t.Errorf("%s at %s: last %v, overdue %v, balance %v; want last %v, not overdue, a balance",
				tt.np.Person.Name, later.Format("2006-01-02"), tt.np.LastContact, tt.np.Overdue, tt.np.Balance, tt.last)
		}
	}
}

func TestNetworkEmpty(t *testing.T) {
	s := mustOpen(t)
	n, err := s.Network(t.Context(), testNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.People) != 0 || len(n.Ties) != 0 || !n.Now.Equal(testNow) {
		t.Errorf("empty store: %+v", n)
	}
}

// parseStoredTime, the fast path of every stored time, reads every stored
// text as time.Parse does: the same time, or an error for the same texts.
func TestParseStoredTimeMatchesTimeParse(t *testing.T) {
	texts := []string{
		"2026-11-23T09:30:00.000Z",
		"2026-11-23T09:30:00.123Z",
		"2026-12-31T23:59:59.999Z",
		"2024-02-29T00:00:00.000Z", // a leap day
		"0001-01-01T00:00:00.000Z",
		"9999-12-31T23:59:59.999Z",
		"2026-11-23",                    // a day
		"2026-11-23T09:30:00.000+02:00", // an offset
		"2026-11-23T09:30:00Z",          // no milliseconds
		"2025-02-29T00:00:00.000Z",      // no such day
		"2026-04-31T00:00:00.000Z",
		"2026-13-01T00:00:00.000Z",
		"2026-00-01T00:00:00.000Z",
		"2026-11-00T00:00:00.000Z",
		"2026-11-23T24:00:00.000Z",
		"2026-11-23T09:60:00.000Z",
		"2026-11-23T09:30:60.000Z",
		"2026-11-23T09:30:00.0a0Z",
		"2026-1a-23T09:30:00.000Z",
		"2026-11-23 09:30:00.000Z",
		"",
		"not a time at all, 24 b",
	}
	for _, s := range texts {
		var got, want time.Time
		gotErr := parseStoredTime(s, &got)
		wantErr := parseByLayout(s, &want)
		if (gotErr == nil) != (wantErr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: parseStoredTime gives %v, %v; time.Parse %v, %v", s, got, gotErr, want, wantErr)
		}
	}
}

// Over a generated network, Network agrees with the store's other readers:
// Person, People (the last contact), Credits and the plain tie query.
func TestNetworkMatchesOtherReaders(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	if err := s.InsertNetwork(ctx, sample.Generate(sample.Options{Seed: 3, Now: testNow, People: 150,
		Interactions: 3000, Promises: 300})); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{2, 50, 149} {
		if err := s.ArchivePerson(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.Network(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	var people []model.Person
	for id := int64(1); id <= 150; id++ {
		p, err := s.Person(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	ties, err := queryTies(ctx, s.db, 0, `SELECT `+tieColumns+` FROM tie ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	if len(ties) == 0 {
		t.Fatal("the sample has no ties")
	}
	checkNetwork(t, s, n, testNow, people, ties)
	last := map[int64]time.Time{}
	for _, archived := range []bool{false, true} {
		list, err := s.People(ctx, archived)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range list {
			last[p.ID] = p.LastContact
		}
	}
	for _, np := range n.People {
		if want := last[np.Person.ID]; !np.LastContact.Equal(want) {
			t.Errorf("%s: LastContact = %v, People says %v", np.Person.Name, np.LastContact, want)
		}
	}
}
