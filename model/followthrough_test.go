package model

import (
	"reflect"
	"testing"
	"time"
)

func TestFollowThroughCounts(t *testing.T) {
	tests := []struct {
		name     string
		add      []PromiseStatus
		want     FollowThrough
		resolved int
		rate     float64
		ok       bool
		percent  string
	}{
		{"nothing", nil, FollowThrough{}, 0, 0, false, "—"},
		{"only pending", []PromiseStatus{PromiseOpen, PromiseRenegotiated}, FollowThrough{}, 0, 0, false, "—"},
		{"all released", []PromiseStatus{PromiseReleased, PromiseReleased}, FollowThrough{Released: 2}, 0, 0, false, "—"},
		{"one kept", []PromiseStatus{PromiseKept}, FollowThrough{Kept: 1}, 1, 1, true, "100%"},
		{"one broken", []PromiseStatus{PromiseBroken}, FollowThrough{Broken: 1}, 1, 0, true, "0%"},
		{"five of six", []PromiseStatus{PromiseKept, PromiseKept, PromiseKept, PromiseKept, PromiseKept, PromiseKeptLate, PromiseReleased, PromiseOpen},
			FollowThrough{Kept: 5, KeptLate: 1, Released: 1}, 6, 5.0 / 6, true, "83%"},
		{"two of three", []PromiseStatus{PromiseKept, PromiseKept, PromiseBroken}, FollowThrough{Kept: 2, Broken: 1}, 3, 2.0 / 3, true, "67%"},
		{"unknown status", []PromiseStatus{"lost", PromiseKept}, FollowThrough{Kept: 1}, 1, 1, true, "100%"},
	}
	for _, tt := range tests {
		var f FollowThrough
		for _, s := range tt.add {
			f.Add(s)
		}
		if f != tt.want {
			t.Errorf("%s: counts = %+v, want %+v", tt.name, f, tt.want)
		}
		if got := f.Resolved(); got != tt.resolved {
			t.Errorf("%s: Resolved = %d, want %d", tt.name, got, tt.resolved)
		}
		if rate, ok := f.Rate(); rate != tt.rate || ok != tt.ok {
			t.Errorf("%s: Rate = %v, %v; want %v, %v", tt.name, rate, ok, tt.rate, tt.ok)
		}
		if got := f.Percent(); got != tt.percent {
			t.Errorf("%s: Percent = %q, want %q", tt.name, got, tt.percent)
		}
	}
}

func TestFollowThroughPercentRounding(t *testing.T) {
	tests := []struct {
		f    FollowThrough
		want string
	}{
		{FollowThrough{Kept: 1, KeptLate: 1}, "50%"},
		{FollowThrough{Kept: 199, Broken: 1}, "99%"}, // 99.5 would round to 100
		{FollowThrough{Kept: 1, Broken: 300}, "1%"},  // 0.3 would round to 0
		{FollowThrough{Kept: 200, Released: 5}, "100%"},
	}
	for _, tt := range tests {
		if got := tt.f.Percent(); got != tt.want {
			t.Errorf("%+v.Percent() = %q, want %q", tt.f, got, tt.want)
		}
	}
}

// ftDay is midnight UTC of a calendar day.
func ftDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// ftMonths returns one month per count, from month m of year y on.
func ftMonths(y int, m time.Month, counts ...FollowThrough) []MonthlyFollowThrough {
	out := make([]MonthlyFollowThrough, len(counts))
	for i, c := range counts {
		out[i] = MonthlyFollowThrough{Month: time.Date(y, m+time.Month(i), 1, 0, 0, 0, 0, time.UTC), FollowThrough: c}
	}
	return out
}

func TestFollowThroughOf(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	p := func(d Direction, person int64, s PromiseStatus, resolved time.Time) Promise {
		return Promise{Direction: d, PersonID: person, What: "x", Status: s, ResolvedOn: resolved}
	}
	promises := []Promise{
		p(DirectionMine, 1, PromiseKept, ftDay(2026, 11, 1)),       // first day of now's month
		p(DirectionMine, 1, PromiseKeptLate, ftDay(2026, 10, 31)),  // last day of the month before
		p(DirectionMine, 2, PromiseBroken, ftDay(2026, 9, 1)),      // first day of the window
		p(DirectionMine, 2, PromiseKept, ftDay(2026, 8, 31)),       // just before the window
		p(DirectionTheirs, 1, PromiseKept, ftDay(2025, 11, 23)),    // a year ago
		p(DirectionTheirs, 3, PromiseReleased, ftDay(2026, 10, 5)), // released: counted, not rated
		p(DirectionTheirs, 3, PromiseBroken, ftDay(2026, 11, 23)),  // today
		p(DirectionMine, 4, PromiseOpen, time.Time{}),              // pending: ignored
		p(DirectionTheirs, 5, PromiseRenegotiated, time.Time{}),    // pending: ignored
		p(DirectionMine, 6, PromiseKept, ftDay(2026, 12, 1)),       // after now: counted, in no month
	}
	got := FollowThroughOf(promises, now, 3)
	want := FollowThroughReport{
		Overall: FollowThrough{Kept: 4, KeptLate: 1, Broken: 2, Released: 1},
		Mine:    FollowThrough{Kept: 3, KeptLate: 1, Broken: 1},
		Theirs:  FollowThrough{Kept: 1, Broken: 1, Released: 1},
		ByPerson: map[int64]FollowThrough{
			1: {Kept: 2, KeptLate: 1},
			2: {Kept: 1, Broken: 1},
			3: {Broken: 1, Released: 1},
			6: {Kept: 1},
		},
		ByMonth: ftMonths(2026, 9,
			FollowThrough{Broken: 1},
			FollowThrough{KeptLate: 1, Released: 1},
			FollowThrough{Kept: 1, Broken: 1},
		),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FollowThroughOf =\n%+v\nwant\n%+v", got, want)
	}
	if got.Overall.Percent() != "57%" || got.Mine.Percent() != "60%" || got.Theirs.Percent() != "50%" {
		t.Errorf("percents = %s, %s, %s; want 57%%, 60%%, 50%%", got.Overall.Percent(), got.Mine.Percent(), got.Theirs.Percent())
	}
	if _, ok := got.ByPerson[3].Rate(); !ok {
		t.Errorf("person 3 has a broken promise, so a rate")
	}
	if _, ok := got.ByPerson[4]; ok {
		t.Errorf("person 4 has only a pending promise and should not be listed")
	}
}

func TestFollowThroughOfMonths(t *testing.T) {
	resolvedOn := func(days ...time.Time) []Promise {
		var out []Promise
		for _, d := range days {
			out = append(out, Promise{Direction: DirectionMine, PersonID: 1, Status: PromiseKept, ResolvedOn: d})
		}
		return out
	}
	one := FollowThrough{Kept: 1}
	tests := []struct {
		name     string
		promises []Promise
		now      time.Time
		months   int
		want     []MonthlyFollowThrough
	}{
		{"empty input", nil, time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC), 3,
			ftMonths(2026, 9, FollowThrough{}, FollowThrough{}, FollowThrough{})},
		{"across the year end", resolvedOn(ftDay(2025, 12, 31), ftDay(2026, 1, 1), ftDay(2026, 2, 28)),
			time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), 2,
			ftMonths(2026, 1, one, one)},
		{"twelve months", resolvedOn(ftDay(2025, 12, 1), ftDay(2026, 11, 30), ftDay(2025, 11, 30)),
			time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC), 12,
			ftMonths(2025, 12, one, FollowThrough{}, FollowThrough{}, FollowThrough{}, FollowThrough{}, FollowThrough{},
				FollowThrough{}, FollowThrough{}, FollowThrough{}, FollowThrough{}, FollowThrough{}, one)},
		// 31 October at 23:30 in UTC-8 is still October: November is not in the window yet.
		{"now's own location", resolvedOn(ftDay(2026, 10, 31), ftDay(2026, 11, 1)),
			time.Date(2026, 10, 31, 23, 30, 0, 0, time.FixedZone("UTC-8", -8*60*60)), 1,
			ftMonths(2026, 10, one)},
		{"one month", resolvedOn(ftDay(2026, 11, 1)), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), 1,
			ftMonths(2026, 11, one)},
		{"no months", resolvedOn(ftDay(2026, 11, 1)), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), 0, nil},
		{"resolved without a day", resolvedOn(time.Time{}), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), 1,
			ftMonths(2026, 11, FollowThrough{})},
	}
	for _, tt := range tests {
		got := FollowThroughOf(tt.promises, tt.now, tt.months)
		if len(got.ByMonth) != max(tt.months, 0) {
			t.Errorf("%s: %d months, want %d", tt.name, len(got.ByMonth), tt.months)
		}
		if len(got.ByMonth) != 0 && !reflect.DeepEqual(got.ByMonth, tt.want) {
			t.Errorf("%s: ByMonth =\n%+v\nwant\n%+v", tt.name, got.ByMonth, tt.want)
		}
		if got.Overall.Kept != len(tt.promises) {
			t.Errorf("%s: Overall.Kept = %d, want every promise (%d)", tt.name, got.Overall.Kept, len(tt.promises))
		}
	}
}

func TestFollowThroughOfEmpty(t *testing.T) {
	r := FollowThroughOf(nil, time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC), 6)
	if r.Overall != (FollowThrough{}) || r.Mine != (FollowThrough{}) || r.Theirs != (FollowThrough{}) {
		t.Errorf("counts of nothing = %+v", r)
	}
	if r.ByPerson == nil || len(r.ByPerson) != 0 {
		t.Errorf("ByPerson = %#v, want an empty map", r.ByPerson)
	}
	if len(r.ByMonth) != 6 || !r.ByMonth[0].Month.Equal(ftDay(2026, 6, 1)) || !r.ByMonth[5].Month.Equal(ftDay(2026, 11, 1)) {
		t.Errorf("ByMonth = %+v, want June to November 2026", r.ByMonth)
	}
	if r.Overall.Percent() != "—" {
		t.Errorf("Percent of nothing = %q, want —", r.Overall.Percent())
	}
}

// TestFollowThroughAfterRenegotiation checks that keeping by a renegotiated
// date counts as on time in the report.
func TestFollowThroughAfterRenegotiation(t *testing.T) {
	made := ftDay(2026, 11, 2)
	p := Promise{Direction: DirectionMine, PersonID: 1, What: "x", MadeOn: made, DueOn: ftDay(2026, 11, 10), Status: PromiseOpen}
	p, err := p.Renegotiate(ftDay(2026, 11, 20), ftDay(2026, 11, 9))
	if err != nil {
		t.Fatal(err)
	}
	if p, err = p.Keep(ftDay(2026, 11, 18)); err != nil {
		t.Fatal(err)
	}
	r := FollowThroughOf([]Promise{p}, ftDay(2026, 11, 23), 1)
	if r.Mine != (FollowThrough{Kept: 1}) || r.ByMonth[0].Kept != 1 {
		t.Errorf("report = %+v, want one promise kept on time", r)
	}
}
