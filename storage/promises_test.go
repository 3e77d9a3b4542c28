package storage

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"rapport/model"
)

// date is midnight UTC of a day in 2026.
func date(month time.Month, d int) time.Time { return time.Date(2026, month, d, 0, 0, 0, 0, time.UTC) }

func TestPromiseRoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	m := model.Meeting{PersonID: ana.ID, Kind: model.MeetingCoffee, Start: testNow, Duration: 30 * time.Minute}
	if err := s.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	in := model.Interaction{Kind: model.KindCoffee, At: testNow, PersonIDs: []int64{ana.ID}}
	if err := s.CreateInteraction(ctx, &in); err != nil {
		t.Fatal(err)
	}
	paris := time.FixedZone("Paris", 3600)

	tests := []struct {
		name string
		in   model.Promise
		want model.Promise // the fields Create does not set
	}{
		{
			name: "minimal",
			in: model.Promise{Direction: model.DirectionMine, PersonID: ana.ID, What: "Send the deck",
				MadeOn: date(11, 20), Status: model.PromiseOpen},
			want: model.Promise{Direction: model.DirectionMine, PersonID: ana.ID, What: "Send the deck",
				MadeOn: date(11, 20), Status: model.PromiseOpen},
		},
		{
			name: "every field",
			in: model.Promise{Direction: model.DirectionTheirs, PersonID: ana.ID, What: "Intro to Ben",
				MadeOn: date(11, 1), DueOn: date(11, 15), Status: model.PromiseKeptLate, ResolvedOn: date(11, 18),
				MeetingID: m.ID, InteractionID: in.ID, Notes: "late but done\nwith thanks"},
			want: model.Promise{Direction: model.DirectionTheirs, PersonID: ana.ID, What: "Intro to Ben",
				MadeOn: date(11, 1), DueOn: date(11, 15), Status: model.PromiseKeptLate, ResolvedOn: date(11, 18),
				MeetingID: m.ID, InteractionID: in.ID, Notes: "late but done\nwith thanks"},
		},
		{
			name: "dates with a time of day keep their own calendar day",
			in: model.Promise{Direction: model.DirectionMine, PersonID: ana.ID, What: "Review",
				MadeOn: time.Date(2026, 11, 20, 0, 30, 0, 0, paris), DueOn: time.Date(2026, 11, 27, 23, 0, 0, 0, paris),
				Status: model.PromiseOpen},
			want: model.Promise{Direction: model.DirectionMine, PersonID: ana.ID, What: "Review",
				MadeOn: date(11, 20), DueOn: date(11, 27), Status: model.PromiseOpen},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.in
			if err := s.CreatePromise(ctx, &p); err != nil {
				t.Fatalf("CreatePromise: %v", err)
			}
			want := tt.want
			want.ID, want.CreatedAt, want.UpdatedAt = p.ID, testNow, testNow
			if !reflect.DeepEqual(p, want) {
				t.Errorf("after CreatePromise p = %+v, want %+v", p, want)
			}
			got, err := s.Promise(ctx, p.ID)
			if err != nil {
				t.Fatalf("Promise: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Promise(%d) = %+v, want %+v", p.ID, got, want)
			}
		})
	}
}

func TestCreatePromiseRefused(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	valid := model.Promise{Direction: model.DirectionMine, PersonID: ana.ID, What: "Send notes",
		MadeOn: date(11, 20), Status: model.PromiseOpen}

	tests := []struct {
		name    string
		change  func(*model.Promise)
		invalid bool
	}{
		{"no what", func(p *model.Promise) { p.What = " " }, true},
		{"due before made", func(p *model.Promise) { p.DueOn = date(11, 19) }, true},
		{"kept without a day", func(p *model.Promise) { p.Status = model.PromiseKept }, true},
		{"unknown person", func(p *model.Promise) { p.PersonID = 999 }, false},
		{"unknown meeting", func(p *model.Promise) { p.MeetingID = 999 }, false},
		{"unknown interaction", func(p *model.Promise) { p.InteractionID = 999 }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := valid
			tt.change(&p)
			err := s.CreatePromise(ctx, &p)
			if err == nil {
				t.Fatal("CreatePromise succeeded, want an error")
			}
			if got := isValidationError(err); got != tt.invalid {
				t.Errorf("CreatePromise error %q: validation error = %v, want %v", err, got, tt.invalid)
			}
			if got := countRows(t, s, "promise"); got != 0 {
				t.Errorf("after refused CreatePromise: %d promises, want 0", got)
			}
		})
	}
}

func TestUpdatePromiseHistory(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	p := model.Promise{Direction: model.DirectionMine, PersonID: ana.ID, What: "Send notes",
		MadeOn: date(11, 20), DueOn: date(11, 24), Status: model.PromiseOpen}
	if err := s.CreatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}

	// Each step edits p at a later time; want is the history it adds.
	steps := []struct {
		name   string
		change func(*model.Promise)
		want   *model.PromiseChange
	}{
		{"notes only", func(p *model.Promise) { p.Notes = "ask Ben first" }, nil},
		{"what only", func(p *model.Promise) { p.What = "Send the notes" }, nil},
		{"new due date", func(p *model.Promise) { p.DueOn = date(11, 30) },
			&model.PromiseChange{FromStatus: model.PromiseOpen, ToStatus: model.PromiseOpen,
				OldDueOn: date(11, 24), NewDueOn: date(11, 30)}},
		{"renegotiated", func(p *model.Promise) { p.Status = model.PromiseRenegotiated },
			&model.PromiseChange{FromStatus: model.PromiseOpen, ToStatus: model.PromiseRenegotiated,
				OldDueOn: date(11, 30), NewDueOn: date(11, 30)}},
		{"due date dropped", func(p *model.Promise) { p.DueOn = time.Time{} },
			&model.PromiseChange{FromStatus: model.PromiseRenegotiated, ToStatus: model.PromiseRenegotiated,
				OldDueOn: date(11, 30)}},
		{"kept", func(p *model.Promise) { p.Status, p.ResolvedOn = model.PromiseKept, date(12, 2) },
			&model.PromiseChange{FromStatus: model.PromiseRenegotiated, ToStatus: model.PromiseKept}},
		{"resolved day only", func(p *model.Promise) { p.ResolvedOn = date(12, 1) }, nil},
	}
	var want []model.PromiseChange
	for k, step := range steps {
		at := testNow.Add(time.Duration(k+1) * time.Hour)
		setClock(s, at)
		step.change(&p)
		if err := s.UpdatePromise(ctx, &p); err != nil {
			t.Fatalf("%s: UpdatePromise: %v", step.name, err)
		}
		if !p.UpdatedAt.Equal(at) {
			t.Errorf("%s: UpdatedAt = %v, want %v", step.name, p.UpdatedAt, at)
		}
		got, err := s.Promise(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, p) {
			t.Errorf("%s: Promise() = %+v, want %+v", step.name, got, p)
		}
		if step.want != nil {
			c := *step.want
			c.PromiseID, c.At = p.ID, at
			want = append(want, c)
		}
		history, err := s.PromiseHistory(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := range history {
			history[i].ID = 0
		}
		if !reflect.DeepEqual(history, want) {
			t.Errorf("%s: PromiseHistory() = %+v, want %+v", step.name, history, want)
		}
	}
	if !p.CreatedAt.Equal(testNow) {
		t.Errorf("CreatedAt changed to %v", p.CreatedAt)
	}

	if err := s.DeletePromise(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if got := countRows(t, s, "promise_change"); got != 0 {
		t.Errorf("after DeletePromise: %d history rows, want 0", got)
	}
}

func TestPromiseNotFound(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	missing := model.Promise{ID: 999, Direction: model.DirectionMine, PersonID: ana.ID, What: "x",
		MadeOn: date(11, 20), Status: model.PromiseOpen}

	if _, err := s.Promise(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Promise(999) = %v, want ErrNotFound", err)
	}
	if err := s.UpdatePromise(ctx, &missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdatePromise(999) = %v, want ErrNotFound", err)
	}
	if err := s.DeletePromise(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeletePromise(999) = %v, want ErrNotFound", err)
	}
	if got := countRows(t, s, "promise") + countRows(t, s, "promise_change"); got != 0 {
		t.Errorf("%d rows written, want 0", got)
	}
	if got, err := s.PromiseHistory(ctx, 999); err != nil || len(got) != 0 {
		t.Errorf("PromiseHistory(999) = %v, %v; want none", got, err)
	}
}

func TestPromiseUpdateRefused(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	p := model.Promise{Direction: model.DirectionMine, PersonID: ana.ID, What: "Send notes",
		MadeOn: date(11, 20), Status: model.PromiseOpen}
	if err := s.CreatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	stored := p

	for _, tt := range []struct {
		name    string
		change  func(*model.Promise)
		invalid bool
	}{
		{"no what", func(p *model.Promise) { p.What = "" }, true},
		{"unknown person, new status", func(p *model.Promise) {
			p.PersonID, p.Status, p.ResolvedOn = 999, model.PromiseBroken, date(11, 22)
		}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			edit := stored
			tt.change(&edit)
			err := s.UpdatePromise(ctx, &edit)
			if err == nil {
				t.Fatal("UpdatePromise succeeded, want an error")
			}
			if got := isValidationError(err); got != tt.invalid {
				t.Errorf("UpdatePromise error %q: validation error = %v, want %v", err, got, tt.invalid)
			}
			got, err := s.Promise(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, stored) {
				t.Errorf("after refused UpdatePromise: %+v, want %+v", got, stored)
			}
			if n := countRows(t, s, "promise_change"); n != 0 {
				t.Errorf("after refused UpdatePromise: %d history rows, want 0", n)
			}
		})
	}
}

func TestPromisesOrder(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
	mk := func(person model.Person, what string, made, due time.Time, status model.PromiseStatus) model.Promise {
		t.Helper()
		p := model.Promise{Direction: model.DirectionMine, PersonID: person.ID, What: what,
			MadeOn: made, DueOn: due, Status: status}
		if !status.Pending() {
			p.ResolvedOn = date(11, 22)
		}
		if err := s.CreatePromise(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	kept := mk(ana, "kept", date(10, 1), date(10, 2), model.PromiseKept)
	undated := mk(ana, "undated", date(10, 1), time.Time{}, model.PromiseOpen)
	later := mk(ana, "due later", date(10, 1), date(12, 1), model.PromiseOpen)
	reneg := mk(ana, "due soon", date(10, 5), date(11, 1), model.PromiseRenegotiated)
	older := mk(ana, "due soon, made earlier", date(10, 3), date(11, 1), model.PromiseOpen)
	bens := mk(ben, "ben's", date(10, 1), date(11, 10), model.PromiseOpen)

	got, err := s.PromisesFor(ctx, ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.Promise{older, reneg, later, undated, kept}; !reflect.DeepEqual(got, want) {
		t.Errorf("PromisesFor(Ana) = %v, want %v", whats(got), whats(want))
	}
	got, err = s.Promises(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.Promise{older, reneg, bens, later, undated, kept}; !reflect.DeepEqual(got, want) {
		t.Errorf("Promises() = %v, want %v", whats(got), whats(want))
	}
}

func whats(ps []model.Promise) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.What
	}
	return out
}
