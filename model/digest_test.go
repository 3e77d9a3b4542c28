package model

import (
	"testing"
	"time"
)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("zone %s: %v", name, err)
	}
	return loc
}

// dueReport is a report at now with the given promises overdue.
func dueReport(now time.Time, ids ...int64) DueReport {
	r := DueReport{Now: now, Today: Day(now), Names: map[int64]string{1: "Dana"}}
	for _, id := range ids {
		r.Overdue = append(r.Overdue, Promise{ID: id, PersonID: 1, What: "the deck", DueOn: Day(now).AddDate(0, 0, -1)})
	}
	return r
}

func TestNextDigest(t *testing.T) {
	london, ny := mustZone(t, "Europe/London"), mustZone(t, "America/New_York")
	at := func(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, loc)
	}
	def := DefaultDigestSettings()
	everyDay := DigestSettings{Minute: def.Minute}
	tests := []struct {
		name       string
		settings   DigestSettings
		last, paus time.Time
		now, want  time.Time
	}{
		{"before the time, a Monday", def, time.Time{}, time.Time{},
			at(london, 2026, 12, 7, 7, 0), at(london, 2026, 12, 7, 8, 30)},
		{"after the time, unsent: now", def, time.Time{}, time.Time{},
			at(london, 2026, 12, 7, 9, 0), at(london, 2026, 12, 7, 9, 0)},
		{"sent today: tomorrow", def, Day(at(london, 2026, 12, 7, 9, 0)), time.Time{},
			at(london, 2026, 12, 7, 9, 0), at(london, 2026, 12, 8, 8, 30)},
		{"across midnight", def, Day(at(london, 2026, 12, 7, 9, 0)), time.Time{},
			at(london, 2026, 12, 7, 23, 59), at(london, 2026, 12, 8, 8, 30)},
		{"Friday evening: Monday", def, Day(at(london, 2026, 12, 11, 9, 0)), time.Time{},
			at(london, 2026, 12, 11, 18, 0), at(london, 2026, 12, 14, 8, 30)},
		{"Saturday: Monday", def, time.Time{}, time.Time{},
			at(london, 2026, 12, 12, 10, 0), at(london, 2026, 12, 14, 8, 30)},
		{"Saturday, every day: now", everyDay, time.Time{}, time.Time{},
			at(london, 2026, 12, 12, 10, 0), at(london, 2026, 12, 12, 10, 0)},
		{"paused today: tomorrow", def, time.Time{}, Day(at(london, 2026, 12, 7, 0, 0)),
			at(london, 2026, 12, 7, 7, 0), at(london, 2026, 12, 8, 8, 30)},
		{"paused yesterday: today", def, time.Time{}, Day(at(london, 2026, 12, 6, 0, 0)),
			at(london, 2026, 12, 7, 7, 0), at(london, 2026, 12, 7, 8, 30)},
		// London springs forward on Sunday 29 March 2026 and falls back on
		// Sunday 25 October; New York on 8 March and 1 November.
		{"London spring forward, every day", everyDay, Day(at(london, 2026, 3, 28, 9, 0)), time.Time{},
			at(london, 2026, 3, 28, 9, 0), at(london, 2026, 3, 29, 8, 30)},
		{"London fall back, every day", everyDay, Day(at(london, 2026, 10, 24, 9, 0)), time.Time{},
			at(london, 2026, 10, 24, 9, 0), at(london, 2026, 10, 25, 8, 30)},
		{"New York: Friday before spring forward to Monday", def, Day(at(ny, 2026, 3, 6, 9, 0)), time.Time{},
			at(ny, 2026, 3, 6, 9, 0), at(ny, 2026, 3, 9, 8, 30)},
		{"New York: a digest time in the skipped hour", DigestSettings{Minute: 2*60 + 30},
			Day(at(ny, 2026, 3, 7, 9, 0)), time.Time{}, at(ny, 2026, 3, 7, 9, 0), at(ny, 2026, 3, 8, 3, 30)},
		{"New York fall back, every day", everyDay, Day(at(ny, 2026, 10, 31, 9, 0)), time.Time{},
			at(ny, 2026, 10, 31, 9, 0), at(ny, 2026, 11, 1, 8, 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DigestSchedule{Settings: tt.settings, LastDigest: tt.last, PausedOn: tt.paus}
			got := s.NextDigest(tt.now)
			if !got.Equal(tt.want) {
				t.Errorf("NextDigest(%v) = %v, want %v", tt.now, got, tt.want)
			}
			if tt.want.In(tt.now.Location()).Format("15:04") != got.In(tt.now.Location()).Format("15:04") {
				t.Errorf("local time %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDigestScheduleOverDays walks one schedule through days and checks
// what each moment sends: one digest a day at most, none when nothing is
// due, none while paused, a promise becoming due later notified once.
func TestDigestScheduleOverDays(t *testing.T) {
	for _, zone := range []string{"Europe/London", "America/New_York"} {
		loc := mustZone(t, zone)
		at := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, loc) }
		s := DigestSchedule{Settings: DefaultDigestSettings()}
		steps := []struct {
			name     string
			now      time.Time
			due      []int64
			pause    bool
			digest   bool
			promptly []int64
			wake     time.Time
		}{
			{"Monday 07:00: too early", at(12, 7, 7, 0), []int64{1}, false, false, nil, at(12, 7, 8, 30)},
			{"08:30: the digest", at(12, 7, 8, 30), []int64{1}, false, true, nil, at(12, 7, 8, 45)},
			{"08:45: nothing new", at(12, 7, 8, 45), []int64{1}, false, false, nil, at(12, 7, 9, 0)},
			{"11:00: a promise becomes due", at(12, 7, 11, 0), []int64{1, 2}, false, false, []int64{2}, at(12, 7, 11, 15)},
			{"11:15: not twice", at(12, 7, 11, 15), []int64{1, 2}, false, false, nil, at(12, 7, 11, 30)},
			{"23:55: late, next is tomorrow", at(12, 7, 23, 55), []int64{1, 2}, false, false, nil, at(12, 8, 0, 10)},
			{"Tuesday 00:10: across midnight, before the time", at(12, 8, 0, 10), []int64{1, 2}, false, false, nil, at(12, 8, 8, 30)},
			{"Tuesday 08:31: one digest", at(12, 8, 8, 31), []int64{1, 2}, false, true, nil, at(12, 8, 8, 46)},
			{"Tuesday 09:00: still one", at(12, 8, 9, 0), []int64{1, 2}, false, false, nil, at(12, 8, 9, 15)},
			{"Wednesday paused: nothing", at(12, 9, 8, 30), []int64{1}, true, false, nil, at(12, 10, 8, 30)},
			{"Wednesday paused, new promise: nothing", at(12, 9, 12, 0), []int64{1, 3}, true, false, nil, at(12, 10, 8, 30)},
			{"Thursday nothing due: no digest", at(12, 10, 8, 30), nil, false, false, nil, at(12, 10, 8, 45)},
			{"Thursday later, one due: notified", at(12, 10, 10, 0), []int64{4}, false, false, []int64{4}, at(12, 10, 10, 15)},
			{"Saturday: none on weekends", at(12, 12, 9, 0), []int64{1}, false, false, nil, at(12, 14, 8, 30)},
			{"Monday: the digest", at(12, 14, 8, 30), []int64{1}, false, true, nil, at(12, 14, 8, 45)},
		}
		for _, st := range steps {
			s.PausedOn = time.Time{}
			if st.pause {
				s.PausedOn = Day(st.now)
			}
			got := s.Step(st.now, dueReport(st.now, st.due...))
			var ids []int64
			for _, p := range got.Promptly {
				ids = append(ids, p.ID)
			}
			if got.Digest != st.digest || !equalIDs(ids, st.promptly) || !got.Wake.Equal(st.wake) {
				t.Errorf("%s, %s: digest %v, promptly %v, wake %v; want %v, %v, %v",
					zone, st.name, got.Digest, ids, got.Wake, st.digest, st.promptly, st.wake)
			}
		}
	}
}

// TestDigestScheduleRestarted checks that a Rapport started again after
// the day's digest does not notify again what the digest said.
func TestDigestScheduleRestarted(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	s := DigestSchedule{Settings: DefaultDigestSettings(), LastDigest: Day(now)}
	if got := s.Step(now, dueReport(now, 1, 2)); got.Digest || len(got.Promptly) != 0 {
		t.Errorf("restarted after the digest: %+v", got)
	}
	later := now.Add(DigestRecheck)
	if got := s.Step(later, dueReport(later, 1, 2, 3)); len(got.Promptly) != 1 || got.Promptly[0].ID != 3 {
		t.Errorf("a new promise after restart: %+v", got.Promptly)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestParseDigestClock(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"08:30", 510, true}, {"8:30", 510, true}, {"17:05", 17*60 + 5, true}, {"25:00", 0, false}, {"soon", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDigestClock(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseDigestClock(%q) = %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if got := DefaultDigestSettings().DigestClock(); got != "08:30" {
		t.Errorf("DigestClock = %q", got)
	}
}
