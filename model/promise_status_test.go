package model

import (
	"errors"
	"reflect"
	"testing"
	"time"
)

// statusDay is the day the promises of these tests are made.
var statusDay = time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)

// statusPromise is an open promise made on statusDay, due on the 20th.
func statusPromise() Promise {
	return Promise{
		ID: 7, Direction: DirectionMine, PersonID: 3, What: "Send the deck",
		MadeOn: statusDay, DueOn: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
		Status: PromiseOpen,
	}
}

// statusNov is midnight UTC of a day in November 2026.
func statusNov(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }

func TestCanChangeStatus(t *testing.T) {
	// Every allowed change, written out independently of the rule table.
	allowed := map[[2]PromiseStatus]bool{
		{PromiseOpen, PromiseKept}:                 true,
		{PromiseOpen, PromiseKeptLate}:             true,
		{PromiseOpen, PromiseBroken}:               true,
		{PromiseOpen, PromiseReleased}:             true,
		{PromiseOpen, PromiseRenegotiated}:         true,
		{PromiseRenegotiated, PromiseKept}:         true,
		{PromiseRenegotiated, PromiseKeptLate}:     true,
		{PromiseRenegotiated, PromiseBroken}:       true,
		{PromiseRenegotiated, PromiseReleased}:     true,
		{PromiseRenegotiated, PromiseRenegotiated}: true,
		{PromiseKept, PromiseOpen}:                 true,
		{PromiseKeptLate, PromiseOpen}:             true,
		{PromiseBroken, PromiseOpen}:               true,
		{PromiseReleased, PromiseOpen}:             true,
	}
	statuses := append(PromiseStatuses(), "", "lost")
	for _, from := range statuses {
		for _, to := range statuses {
			want := allowed[[2]PromiseStatus{from, to}]
			if got := CanChangeStatus(from, to); got != want {
				t.Errorf("CanChangeStatus(%q, %q) = %v, want %v", from, to, got, want)
			}
		}
	}
}

func TestStatusChangeErrorWords(t *testing.T) {
	tests := []struct {
		from, to PromiseStatus
		want     string
	}{
		{PromiseKept, PromiseBroken, "a kept promise cannot become broken; reopen it first"},
		{PromiseBroken, PromiseKept, "a broken promise cannot become kept; reopen it first"},
		{PromiseReleased, PromiseKept, "a released promise cannot become kept; reopen it first"},
		{PromiseKeptLate, PromiseKept, "a promise kept late cannot become kept; reopen it first"},
		{PromiseKept, PromiseKeptLate, "a kept promise cannot become kept late; reopen it first"},
		{PromiseKept, PromiseKept, "a kept promise is already kept"},
		{PromiseOpen, PromiseOpen, "an open promise is already open"},
		{PromiseKept, PromiseRenegotiated, "a kept promise cannot be renegotiated; reopen it first"},
		{PromiseRenegotiated, PromiseOpen, "a renegotiated promise is still pending; only a resolved promise can be reopened"},
		{"lost", PromiseOpen, `a promise cannot go from status "lost" to "open"`},
	}
	for _, tt := range tests {
		err := &StatusChangeError{From: tt.from, To: tt.to}
		if got := err.Error(); got != tt.want {
			t.Errorf("StatusChangeError{%q, %q} = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestKeep(t *testing.T) {
	noDue := statusPromise()
	noDue.DueOn = time.Time{}
	tests := []struct {
		name string
		p    Promise
		on   time.Time
		want PromiseStatus
	}{
		{"early", statusPromise(), statusNov(10), PromiseKept},
		{"on the due day", statusPromise(), statusNov(20), PromiseKept},
		{"on the due day, late evening", statusPromise(), time.Date(2026, 11, 20, 23, 59, 0, 0, time.FixedZone("UTC-8", -8*60*60)), PromiseKept},
		{"a day late", statusPromise(), statusNov(21), PromiseKeptLate},
		{"months late", statusPromise(), time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC), PromiseKeptLate},
		{"no due date", noDue, time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC), PromiseKept},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.p
			got, err := tt.p.Keep(tt.on)
			if err != nil {
				t.Fatalf("Keep: %v", err)
			}
			if got.Status != tt.want {
				t.Errorf("Status = %q, want %q", got.Status, tt.want)
			}
			if !got.ResolvedOn.Equal(Day(tt.on)) || got.ResolvedOn.Location() != time.UTC {
				t.Errorf("ResolvedOn = %v, want %v", got.ResolvedOn, Day(tt.on))
			}
			if err := got.Validate(); err != nil {
				t.Errorf("kept promise does not validate: %v", err)
			}
			if !reflect.DeepEqual(tt.p, before) {
				t.Errorf("Keep changed its receiver")
			}
		})
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		to   PromiseStatus
		on   time.Time
		want PromiseStatus
	}{
		{PromiseKept, statusNov(20), PromiseKept},
		{PromiseKept, statusNov(25), PromiseKeptLate},
		{PromiseKeptLate, statusNov(25), PromiseKeptLate},
		{PromiseKeptLate, statusNov(10), PromiseKeptLate}, // as given
		{PromiseBroken, statusNov(10), PromiseBroken},
		{PromiseBroken, statusNov(25), PromiseBroken},
		{PromiseReleased, statusNov(10), PromiseReleased},
	}
	for _, tt := range tests {
		got, err := statusPromise().Resolve(tt.to, tt.on)
		if err != nil {
			t.Errorf("Resolve(%q, %v): %v", tt.to, tt.on, err)
			continue
		}
		if got.Status != tt.want || !got.ResolvedOn.Equal(tt.on) {
			t.Errorf("Resolve(%q, %v) = %q on %v, want %q on %v", tt.to, tt.on, got.Status, got.ResolvedOn, tt.want, tt.on)
		}
	}
}

func TestRenegotiateThenKeep(t *testing.T) {
	p, err := statusPromise().Renegotiate(statusNov(30), statusNov(18))
	if err != nil {
		t.Fatalf("Renegotiate: %v", err)
	}
	if p.Status != PromiseRenegotiated || !p.Status.Pending() || !p.DueOn.Equal(statusNov(30)) || !p.ResolvedOn.IsZero() {
		t.Fatalf("after Renegotiate: status %q, due %v, resolved %v", p.Status, p.DueOn, p.ResolvedOn)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("renegotiated promise does not validate: %v", err)
	}
	// Kept after the first date but by the new one: on time.
	kept, err := p.Keep(statusNov(25))
	if err != nil || kept.Status != PromiseKept {
		t.Errorf("Keep by the new date = %q, %v; want kept", kept.Status, err)
	}
	// Renegotiated once more, then kept after the second date: late.
	again, err := p.Renegotiate(time.Date(2026, 12, 4, 15, 0, 0, 0, time.UTC), statusNov(29))
	if err != nil || again.Status != PromiseRenegotiated || !again.DueOn.Equal(time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("Renegotiate again = %q due %v, %v", again.Status, again.DueOn, err)
	}
	late, err := again.Keep(time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC))
	if err != nil || late.Status != PromiseKeptLate {
		t.Errorf("Keep after the second date = %q, %v; want kept_late", late.Status, err)
	}
}

func TestRenegotiateRejects(t *testing.T) {
	noDue := statusPromise()
	noDue.DueOn = time.Time{}
	tests := []struct {
		name      string
		p         Promise
		newDue    time.Time
		on        time.Time
		wantField string // "due on" for a *ValidationError, "" for a *StatusChangeError
	}{
		{"no new date", statusPromise(), time.Time{}, statusNov(18), "due on"},
		{"same date", statusPromise(), statusNov(20), statusNov(18), "due on"},
		{"same date, another hour", statusPromise(), time.Date(2026, 11, 20, 17, 0, 0, 0, time.UTC), statusNov(18), "due on"},
		{"before the day of renegotiation", statusPromise(), statusNov(17), statusNov(18), "due on"},
		{"no date at all", noDue, time.Time{}, statusNov(18), "due on"},
		{"kept", func() Promise { p, _ := statusPromise().Keep(statusNov(10)); return p }(), statusNov(30), statusNov(18), ""},
		{"broken", func() Promise { p, _ := statusPromise().Resolve(PromiseBroken, statusNov(21)); return p }(), statusNov(30), statusNov(22), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.p
			got, err := tt.p.Renegotiate(tt.newDue, tt.on)
			if err == nil {
				t.Fatalf("Renegotiate = %+v, want an error", got)
			}
			if tt.wantField != "" && FieldProblem(err, tt.wantField) == "" {
				t.Errorf("error %v does not name %q", err, tt.wantField)
			}
			var sc *StatusChangeError
			if tt.wantField == "" && !errors.As(err, &sc) {
				t.Errorf("error %v is not a *StatusChangeError", err)
			}
			if !reflect.DeepEqual(got, before) || !reflect.DeepEqual(tt.p, before) {
				t.Errorf("Renegotiate changed the promise on error")
			}
		})
	}
	// Renegotiating a promise that had no due date, or to today, is fine.
	if p, err := noDue.Renegotiate(statusNov(18), statusNov(18)); err != nil || !p.DueOn.Equal(statusNov(18)) {
		t.Errorf("Renegotiate without a due date = %v, %v", p.DueOn, err)
	}
}

func TestInvalidStatusChanges(t *testing.T) {
	resolved := func(s PromiseStatus) Promise {
		p, err := statusPromise().Resolve(s, statusNov(10))
		if err != nil {
			t.Fatalf("Resolve(%q): %v", s, err)
		}
		return p
	}
	tests := []struct {
		name   string
		p      Promise
		change func(Promise) (Promise, error)
	}{
		{"kept to broken", resolved(PromiseKept), func(p Promise) (Promise, error) { return p.Resolve(PromiseBroken, statusNov(12)) }},
		{"broken to kept", resolved(PromiseBroken), func(p Promise) (Promise, error) { return p.Keep(statusNov(12)) }},
		{"released to kept", resolved(PromiseReleased), func(p Promise) (Promise, error) { return p.Keep(statusNov(12)) }},
		{"kept late to released", resolved(PromiseKeptLate), func(p Promise) (Promise, error) { return p.Resolve(PromiseReleased, statusNov(12)) }},
		{"kept kept again", resolved(PromiseKept), func(p Promise) (Promise, error) { return p.Keep(statusNov(12)) }},
		{"open reopened", statusPromise(), Promise.Reopen},
		{"renegotiated reopened", func() Promise { p, _ := statusPromise().Renegotiate(statusNov(30), statusNov(10)); return p }(), Promise.Reopen},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := tt.p
			got, err := tt.change(tt.p)
			var sc *StatusChangeError
			if !errors.As(err, &sc) {
				t.Fatalf("error = %v, want a *StatusChangeError", err)
			}
			if sc.From != before.Status {
				t.Errorf("StatusChangeError.From = %q, want %q", sc.From, before.Status)
			}
			if !reflect.DeepEqual(got, before) || !reflect.DeepEqual(tt.p, before) {
				t.Errorf("the promise changed on error")
			}
		})
	}
}

func TestResolveRejects(t *testing.T) {
	p := statusPromise()
	tests := []struct {
		name  string
		to    PromiseStatus
		on    time.Time
		field string // the field of the *ValidationError, or "" for another error
	}{
		{"to open", PromiseOpen, statusNov(10), ""},
		{"to renegotiated", PromiseRenegotiated, statusNov(10), ""},
		{"to nonsense", "lost", statusNov(10), ""},
		{"no day", PromiseKept, time.Time{}, "resolved on"},
		{"before it was made", PromiseBroken, statusNov(1), "resolved on"},
	}
	for _, tt := range tests {
		got, err := p.Resolve(tt.to, tt.on)
		if err == nil {
			t.Errorf("%s: Resolve = %q, want an error", tt.name, got.Status)
			continue
		}
		if tt.field != "" && FieldProblem(err, tt.field) == "" {
			t.Errorf("%s: error %v does not name %q", tt.name, err, tt.field)
		}
		if !reflect.DeepEqual(got, p) || !reflect.DeepEqual(p, statusPromise()) {
			t.Errorf("%s: the promise changed on error", tt.name)
		}
	}
}

func TestReopen(t *testing.T) {
	for _, s := range []PromiseStatus{PromiseKept, PromiseKeptLate, PromiseBroken, PromiseReleased} {
		resolved, err := statusPromise().Resolve(s, statusNov(25))
		if err != nil {
			t.Fatalf("Resolve(%q): %v", s, err)
		}
		got, err := resolved.Reopen()
		if err != nil {
			t.Errorf("Reopen from %q: %v", s, err)
			continue
		}
		if got.Status != PromiseOpen || !got.ResolvedOn.IsZero() || !got.DueOn.Equal(statusNov(20)) {
			t.Errorf("Reopen from %q = %q resolved %v due %v", s, got.Status, got.ResolvedOn, got.DueOn)
		}
		if resolved.Status == PromiseOpen {
			t.Errorf("Reopen changed its receiver")
		}
		// Once reopened it can be resolved again, differently.
		if again, err := got.Resolve(PromiseBroken, statusNov(26)); err != nil || again.Status != PromiseBroken {
			t.Errorf("Resolve after Reopen from %q = %q, %v", s, again.Status, err)
		}
	}
}

func TestOverdueAndDueWithin(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	lateEvening := time.Date(2026, 11, 19, 23, 30, 0, 0, time.FixedZone("UTC-8", -8*60*60))
	due := func(d time.Time, s PromiseStatus) Promise {
		p := statusPromise()
		p.DueOn, p.Status = d, s
		return p
	}
	tests := []struct {
		name    string
		p       Promise
		now     time.Time
		overdue bool
		within7 bool
	}{
		{"due yesterday", due(statusNov(19), PromiseOpen), now, true, false},
		{"due today", due(statusNov(20), PromiseOpen), now, false, true},
		{"due in 7 days", due(statusNov(27), PromiseOpen), now, false, true},
		{"due in 8 days", due(statusNov(28), PromiseOpen), now, false, false},
		{"no due date", due(time.Time{}, PromiseOpen), now, false, false},
		{"renegotiated, overdue", due(statusNov(10), PromiseRenegotiated), now, true, false},
		{"renegotiated, soon", due(statusNov(22), PromiseRenegotiated), now, false, true},
		{"kept", due(statusNov(10), PromiseKept), now, false, false},
		{"broken, due today", due(statusNov(20), PromiseBroken), now, false, false},
		{"released", due(statusNov(22), PromiseReleased), now, false, false},
		// Still the 19th where the user is: due on the 19th is due today.
		{"late evening, due today", due(statusNov(19), PromiseOpen), lateEvening, false, true},
		{"late evening, due yesterday", due(statusNov(18), PromiseOpen), lateEvening, true, false},
	}
	for _, tt := range tests {
		if got := tt.p.Overdue(tt.now); got != tt.overdue {
			t.Errorf("%s: Overdue = %v, want %v", tt.name, got, tt.overdue)
		}
		if got := tt.p.DueWithin(tt.now, 7); got != tt.within7 {
			t.Errorf("%s: DueWithin(7) = %v, want %v", tt.name, got, tt.within7)
		}
	}
	if p := due(statusNov(20), PromiseOpen); !p.DueWithin(now, 0) || p.DueWithin(now, -1) {
		t.Errorf("DueWithin(0) should hold for today only")
	}
}
