package storage

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// outcomeFixture is Dana Reyes and a one-off coffee with her yesterday,
// with the clock an hour after testNow so that updates show.
type outcomeFixture struct {
	s       *Store
	dana    model.Person
	meeting model.Meeting
	later   time.Time
}

func newOutcomeFixture(t *testing.T) outcomeFixture {
	t.Helper()
	s := mustOpen(t)
	dana := mustCreatePerson(t, s, "Dana Reyes")
	m := newMeeting(dana.ID, testNow.AddDate(0, 0, -1))
	if err := s.CreateMeeting(t.Context(), &m); err != nil {
		t.Fatal(err)
	}
	later := testNow.Add(time.Hour)
	setClock(s, later)
	return outcomeFixture{s: s, dana: dana, meeting: m, later: later}
}

// outcome is a full outcome of f's meeting: a promise each way.
func (f outcomeFixture) outcome() model.MeetingOutcome {
	return model.MeetingOutcome{
		At:    f.meeting.Start,
		Notes: "Worried about the reorg.",
		Promises: []model.Promise{
			{Direction: model.DirectionMine, What: "Send the roadmap deck", DueOn: testNow.AddDate(0, 0, 7)},
			{Direction: model.DirectionTheirs, What: "Introduce me to Priya", Status: model.PromiseOpen},
		},
		WorkingOn: "The platform migration",
		Needs:     "A second SRE",
		Stance:    model.StanceSupporter,
	}
}

// balanceOf is a person's credit balance at the store's clock, as folded on
// their row; it fails the test when that differs from the full history's.
func balanceOf(t *testing.T, s *Store, personID int64) float64 {
	t.Helper()
	ctx := t.Context()
	credits, err := s.Credits(ctx, personID)
	if err != nil {
		t.Fatal(err)
	}
	var folded float64
	if err := s.db.QueryRowContext(ctx, `SELECT credit_folded FROM person WHERE id = ?`, personID).Scan(&folded); err != nil {
		t.Fatal(err)
	}
	now := s.now()
	full := model.DefaultCredits.Balance(credits, now)
	if got := model.DefaultCredits.Unfold(folded, now); math.Abs(got-full) > 1e-9 {
		t.Fatalf("person %d: folded balance %v, full %v", personID, got, full)
	}
	return full
}

// lastContactOf is a person's last contact as the people list shows it.
func lastContactOf(t *testing.T, s *Store, personID int64) time.Time {
	t.Helper()
	people, err := s.People(t.Context(), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.ID == personID {
			return p.LastContact
		}
	}
	t.Fatalf("person %d is not in the people list", personID)
	return time.Time{}
}

// storeState is what an outcome or import writes, to show that a refused
// one wrote nothing.
type storeState struct {
	Rows    map[string]int
	People  []model.Person
	Meeting []model.Meeting
	Folded  []float64
}

func stateOf(t *testing.T, s *Store) storeState {
	t.Helper()
	ctx := t.Context()
	st := storeState{Rows: map[string]int{}}
	for _, table := range []string{"interaction", "interaction_person", "promise", "promise_change", "meeting"} {
		st.Rows[table] = countRows(t, s, table)
	}
	ids, err := queryIDs(ctx, s.db, `SELECT id FROM person ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		p, err := s.Person(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		st.People = append(st.People, p)
		var folded float64
		s.db.QueryRowContext(ctx, `SELECT credit_folded FROM person WHERE id = ?`, id).Scan(&folded)
		st.Folded = append(st.Folded, folded)
	}
	if st.Meeting, err = s.Meetings(ctx, time.Time{}, time.Time{}); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestLogMeetingOutcome(t *testing.T) {
	f := newOutcomeFixture(t)
	s, ctx := f.s, t.Context()
	before := balanceOf(t, s, f.dana.ID)
	o := f.outcome()

	in, err := s.LogMeetingOutcome(ctx, f.meeting.ID, o)
	if err != nil {
		t.Fatalf("LogMeetingOutcome: %v", err)
	}
	want := model.Interaction{ID: in.ID, Kind: model.KindCoffee, At: f.meeting.Start,
		Summary: "Coffee with Dana Reyes", Notes: "Worried about the reorg.", PersonIDs: []int64{f.dana.ID},
		CreatedAt: f.later, UpdatedAt: f.later}
	if in.ID == 0 || !reflect.DeepEqual(in, want) {
		t.Errorf("LogMeetingOutcome returned %+v, want %+v", in, want)
	}
	if got, err := s.Interaction(ctx, in.ID); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Interaction(%d) = %+v, %v; want %+v", in.ID, got, err, want)
	}

	promises, err := s.PromisesFor(ctx, f.dana.ID)
	if err != nil {
		t.Fatal(err)
	}
	directions := map[model.Direction]string{}
	for _, p := range promises {
		directions[p.Direction] = p.What
		if p.MeetingID != f.meeting.ID || p.InteractionID != in.ID || p.Status != model.PromiseOpen ||
			!p.MadeOn.Equal(model.Day(o.At)) || !p.CreatedAt.Equal(f.later) {
			t.Errorf("promise %q: meeting %d interaction %d status %s made %v created %v; want %d, %d, open, %v, %v",
				p.What, p.MeetingID, p.InteractionID, p.Status, p.MadeOn, p.CreatedAt,
				f.meeting.ID, in.ID, model.Day(o.At), f.later)
		}
	}
	wantDirections := map[model.Direction]string{
		model.DirectionMine: "Send the roadmap deck", model.DirectionTheirs: "Introduce me to Priya"}
	if !reflect.DeepEqual(directions, wantDirections) {
		t.Errorf("promises %v, want %v", directions, wantDirections)
	}

	p, err := s.Person(ctx, f.dana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.WorkingOn != o.WorkingOn || p.Needs != o.Needs || p.Stance != model.StanceSupporter || !p.UpdatedAt.Equal(f.later) {
		t.Errorf("person after outcome: working on %q, needs %q, stance %s, updated %v",
			p.WorkingOn, p.Needs, p.Stance, p.UpdatedAt)
	}

	m, err := s.Meeting(ctx, f.meeting.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != model.MeetingHeld || m.OutcomeID != in.ID || m.Sequence != f.meeting.Sequence || !m.UpdatedAt.Equal(f.later) {
		t.Errorf("meeting after outcome: status %s, outcome %d, sequence %d, updated %v; want held, %d, %d, %v",
			m.Status, m.OutcomeID, m.Sequence, m.UpdatedAt, in.ID, f.meeting.Sequence, f.later)
	}

	if got := lastContactOf(t, s, f.dana.ID); !got.Equal(o.At) {
		t.Errorf("last contact %v, want %v", got, o.At)
	}
	if after := balanceOf(t, s, f.dana.ID); after <= before {
		t.Errorf("balance went from %v to %v, want the coffee to add to it", before, after)
	}
}

// The interaction takes the kind the meeting becomes, and the summary
// given or else one made from that kind and the person's name.
func TestLogMeetingOutcomeKindAndSummary(t *testing.T) {
	tests := []struct {
		kind        model.MeetingKind
		summary     string
		wantKind    model.InteractionKind
		wantSummary string
	}{
		{model.MeetingCoffee, "", model.KindCoffee, "Coffee with Dana Reyes"},
		{model.MeetingLunch, "  ", model.KindLunch, "Lunch with Dana Reyes"},
		{model.MeetingOneOnOne, "", model.KindOneOnOne, "One-on-one with Dana Reyes"},
		{model.MeetingExploratory, "Her move to Platform", model.KindExploratory, "Her move to Platform"},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			f := newOutcomeFixture(t)
			m := f.meeting
			m.Kind = tt.kind
			if err := f.s.UpdateMeeting(t.Context(), &m); err != nil {
				t.Fatal(err)
			}
			in, err := f.s.LogMeetingOutcome(t.Context(), m.ID,
				model.MeetingOutcome{At: m.Start, Summary: tt.summary, Stance: model.StanceNeutral})
			if err != nil {
				t.Fatal(err)
			}
			if in.Kind != tt.wantKind || in.Summary != tt.wantSummary {
				t.Errorf("interaction %s %q, want %s %q", in.Kind, in.Summary, tt.wantKind, tt.wantSummary)
			}
		})
	}
}

// A refused outcome writes nothing at all: no interaction, no promise, no
// change to the person or the meeting.
func TestLogMeetingOutcomeRefusals(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, f outcomeFixture) (meetingID int64, o model.MeetingOutcome)
		check   func(err error) bool
	}{
		{
			name: "second outcome of a one-off",
			prepare: func(t *testing.T, f outcomeFixture) (int64, model.MeetingOutcome) {
				if _, err := f.s.LogMeetingOutcome(t.Context(), f.meeting.ID, f.outcome()); err != nil {
					t.Fatal(err)
				}
				return f.meeting.ID, f.outcome()
			},
			check: func(err error) bool { return errors.Is(err, ErrOutcomeLogged) },
		},
		{
			name: "one-off marked held by hand",
			prepare: func(t *testing.T, f outcomeFixture) (int64, model.MeetingOutcome) {
				m := f.meeting
				m.Status = model.MeetingHeld
				if err := f.s.UpdateMeeting(t.Context(), &m); err != nil {
					t.Fatal(err)
				}
				return m.ID, f.outcome()
			},
			check: func(err error) bool { return errors.Is(err, ErrOutcomeLogged) },
		},
		{
			name: "cancelled meeting",
			prepare: func(t *testing.T, f outcomeFixture) (int64, model.MeetingOutcome) {
				m := f.meeting
				m.Status = model.MeetingCanceled
				if err := f.s.UpdateMeeting(t.Context(), &m); err != nil {
					t.Fatal(err)
				}
				return m.ID, f.outcome()
			},
			check: func(err error) bool { return errors.Is(err, ErrMeetingCanceled) },
		},
		{
			name: "person in the trash",
			prepare: func(t *testing.T, f outcomeFixture) (int64, model.MeetingOutcome) {
				if err := f.s.ArchivePerson(t.Context(), f.dana.ID); err != nil {
					t.Fatal(err)
				}
				return f.meeting.ID, f.outcome()
			},
			check: func(err error) bool { return errors.Is(err, ErrPersonArchived) },
		},
		{
			name: "no such meeting",
			prepare: func(t *testing.T, f outcomeFixture) (int64, model.MeetingOutcome) {
				return f.meeting.ID + 100, f.outcome()
			},
			check: func(err error) bool { return errors.Is(err, ErrNotFound) },
		},
		{
			name: "promise without what",
			prepare: func(t *testing.T, f outcomeFixture) (int64, model.MeetingOutcome) {
				o := f.outcome()
				o.Promises[1].What = ""
				return f.meeting.ID, o
			},
			check: func(err error) bool { return model.FieldProblem(err, "promise 2 what") != "" },
		},
		{
			name: "no date",
			prepare: func(t *testing.T, f outcomeFixture) (int64, model.MeetingOutcome) {
				o := f.outcome()
				o.At = time.Time{}
				return f.meeting.ID, o
			},
			check: isValidationError,
		},
		{
			// A failure after the interaction and promises are written
			// (here a trigger refusing the meeting's update) undoes them.
			name: "failure at the last write",
			prepare: func(t *testing.T, f outcomeFixture) (int64, model.MeetingOutcome) {
				if _, err := f.s.db.ExecContext(t.Context(), `CREATE TRIGGER refuse_meeting_update
					BEFORE UPDATE ON meeting BEGIN SELECT RAISE(ABORT, 'refused by test'); END`); err != nil {
					t.Fatal(err)
				}
				return f.meeting.ID, f.outcome()
			},
			check: func(err error) bool { return err != nil && strings.Contains(err.Error(), "refused by test") },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newOutcomeFixture(t)
			id, o := tt.prepare(t, f)
			before := stateOf(t, f.s)
			in, err := f.s.LogMeetingOutcome(t.Context(), id, o)
			if !tt.check(err) {
				t.Fatalf("LogMeetingOutcome = %+v, %v; not the error expected", in, err)
			}
			if in.ID != 0 {
				t.Errorf("a refused outcome returned interaction %d", in.ID)
			}
			if after := stateOf(t, f.s); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused outcome changed the database:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}

// A recurring meeting stays planned and takes an outcome per occurrence,
// pointing at the latest.
func TestLogMeetingOutcomeRecurring(t *testing.T) {
	f := newOutcomeFixture(t)
	s, ctx := f.s, t.Context()
	m := f.meeting
	m.Recurrence = model.RecurrenceWeekly
	m.Start = testNow.AddDate(0, 0, -14)
	if err := s.UpdateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	var last model.Interaction
	for k, at := range []time.Time{m.Start, m.Start.AddDate(0, 0, 7)} {
		o := f.outcome()
		o.At = at
		o.Promises = o.Promises[:1]
		in, err := s.LogMeetingOutcome(ctx, m.ID, o)
		if err != nil {
			t.Fatalf("outcome %d: %v", k+1, err)
		}
		got, err := s.Meeting(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != model.MeetingPlanned || got.OutcomeID != in.ID || got.Sequence != m.Sequence {
			t.Errorf("after outcome %d: status %s, outcome %d, sequence %d; want planned, %d, %d",
				k+1, got.Status, got.OutcomeID, got.Sequence, in.ID, m.Sequence)
		}
		last = in
	}
	if n := countRows(t, s, "interaction"); n != 2 {
		t.Errorf("%d interactions, want 2", n)
	}
	if n := countRows(t, s, "promise"); n != 2 {
		t.Errorf("%d promises, want 2", n)
	}
	if got := lastContactOf(t, s, f.dana.ID); !got.Equal(last.At) {
		t.Errorf("last contact %v, want the second occurrence %v", got, last.At)
	}
}

// The caller's outcome is not changed by logging it.
func TestLogMeetingOutcomeLeavesArgumentAlone(t *testing.T) {
	f := newOutcomeFixture(t)
	o := f.outcome()
	want := f.outcome()
	if _, err := f.s.LogMeetingOutcome(t.Context(), f.meeting.ID, o); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(o, want) {
		t.Errorf("outcome changed to %+v, want %+v", o, want)
	}
}
