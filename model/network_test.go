package model

import (
	"math"
	"reflect"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin for the daylight-saving cases, on any machine
)

// networkNow is a Monday morning.
var networkNow = time.Date(2026, 6, 1, 9, 30, 0, 0, time.UTC)

func networkAgo(days int) time.Time { return networkNow.AddDate(0, 0, -days) }

func TestContactOverdue(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	// Clocks in Berlin go forward on 29 March 2026 and back on 25 October.
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, berlin) }
	tests := []struct {
		name    string
		cadence int
		last    time.Time
		now     time.Time
		want    bool
		// set and added are the person's CadenceSet and CreatedAt.
		set   bool
		added time.Time
	}{
		{"no cadence, never contacted", 0, time.Time{}, networkNow, false, false, time.Time{}},
		{"no cadence, contacted years ago", 0, networkAgo(2000), networkNow, false, false, time.Time{}},
		{"negative cadence counts as none", -7, time.Time{}, networkNow, false, false, time.Time{}},
		{"cadence, never contacted: quiet until the first contact", 30, time.Time{}, networkNow, false, false, time.Time{}},
		{"default cadence, never contacted, added long ago: quiet", 30, time.Time{}, networkNow, false,
			false, networkAgo(400)},
		{"cadence set, never contacted, added within it", 30, time.Time{}, networkNow, false, true, networkAgo(30)},
		{"cadence set, never contacted, added longer ago than it", 30, time.Time{}, networkNow, true, true, networkAgo(31)},
		{"cadence set, never contacted, added today", 1, time.Time{}, networkNow, false, true, networkNow},
		{"cadence set, never contacted, no time added", 30, time.Time{}, networkNow, false, true, time.Time{}},
		{"no cadence set, never contacted, added long ago", 0, time.Time{}, networkNow, false, true, networkAgo(400)},
		{"cadence set, contacted within it, added long ago", 30, networkAgo(10), networkNow, false, true, networkAgo(400)},
		{"cadence set, contacted longer ago than it", 30, networkAgo(31), networkNow, true, true, networkAgo(40)},
		{"cadence, contacted today", 30, networkNow, networkNow, false, false, time.Time{}},
		{"cadence, contacted earlier today", 1, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), networkNow, false, false, time.Time{}},
		{"within the cadence", 30, networkAgo(29), networkNow, false, false, time.Time{}},
		{"exactly on the cadence day", 30, networkAgo(30), networkNow, false, false, time.Time{}},
		{"one day past the cadence", 30, networkAgo(31), networkNow, true, false, time.Time{}},
		{"long past the cadence", 30, networkAgo(400), networkNow, true, false, time.Time{}},
		{"one-day cadence, yesterday", 1, networkAgo(1), networkNow, false, false, time.Time{}},
		{"one-day cadence, two days ago", 1, networkAgo(2), networkNow, true, false, time.Time{}},
		{"contact dated in the future", 30, networkNow.AddDate(0, 0, 10), networkNow, false, false, time.Time{}},
		{"contact dated later today", 30, networkNow.Add(time.Hour), networkNow, false, false, time.Time{}},
		// Calendar days, not 24-hour periods: 23:50 on the last day of the
		// cadence is on time, 00:10 the day after is late.
		{"30 calendar days, almost 31×24 hours", 30,
			time.Date(2026, 5, 2, 0, 1, 0, 0, time.UTC), time.Date(2026, 6, 1, 23, 59, 0, 0, time.UTC), false, false, time.Time{}},
		{"31 calendar days, barely 30×24 hours", 30,
			time.Date(2026, 5, 1, 23, 50, 0, 0, time.UTC), time.Date(2026, 6, 1, 0, 10, 0, 0, time.UTC), true, false, time.Time{}},
		// Across a change of daylight-saving time a day has 23 or 25
		// hours; the count is still in calendar days.
		{"spring forward: 31 calendar days in under 30×24 hours", 30,
			at(2026, 3, 1, 23, 30), at(2026, 4, 1, 0, 10), true, false, time.Time{}},
		{"spring forward: 2 calendar days in under 2×24 hours", 1,
			at(2026, 3, 28, 0, 30), at(2026, 3, 30, 0, 10), true, false, time.Time{}},
		{"spring forward: on the cadence day", 30,
			at(2026, 3, 1, 0, 10), at(2026, 3, 31, 23, 50), false, false, time.Time{}},
		{"fall back: 30 calendar days in over 31×24 hours", 30,
			at(2026, 10, 1, 0, 0), at(2026, 10, 31, 23, 59), false, false, time.Time{}},
		{"fall back: 31 calendar days in barely 30×24 hours", 30,
			at(2026, 9, 30, 23, 30), at(2026, 10, 31, 0, 10), true, false, time.Time{}},
	}
	for _, tt := range tests {
		p := Person{CadenceDays: tt.cadence, CadenceSet: tt.set, CreatedAt: tt.added}
		if got := ContactOverdue(p, tt.last, tt.now); got != tt.want {
			t.Errorf("%s: ContactOverdue(%+v, %v, %v) = %v, want %v", tt.name, p, tt.last, tt.now, got, tt.want)
		}
	}
}

// ContactOverdue is the rule ReachOut marks Overdue with.
func TestContactOverdueMatchesReachOut(t *testing.T) {
	for i, in := range reachInputs(2000, 11) {
		// A third have their cadence set, added up to 100 days ago.
		if i%3 == 0 {
			in.Person.CadenceSet, in.Person.CreatedAt = true, reachAgo(i%101)
		}
		want := DefaultCredits.ReachOut(in, reachNow).Overdue
		if got := ContactOverdue(in.Person, in.LastContact, reachNow); got != want {
			t.Errorf("cadence %d (set %v, added %v), last %v: ContactOverdue = %v, ReachOut.Overdue = %v",
				in.Person.CadenceDays, in.Person.CadenceSet, in.Person.CreatedAt, in.LastContact, got, want)
		}
	}
}

func TestWarmthReasons(t *testing.T) {
	tests := []struct {
		name    string
		balance float64
		last    time.Time
		kind    InteractionKind
		cadence int
		want    []string
	}{
		{"never contacted, with a cadence", 0, time.Time{}, "", 30,
			[]string{"never contacted", "a 30-day cadence from the first contact", "balance 0.0 credits"}},
		{"never contacted, no cadence", 0, time.Time{}, "", 0,
			[]string{"never contacted", "no cadence: 90 days count as one", "balance 0.0 credits"}},
		{"contacted today", 3, networkNow, KindCoffee, 30,
			[]string{"last coffee today", "within the 30-day cadence", "balance +3.0 credits"}},
		{"within the cadence", 12.5, networkAgo(10), KindCoffee, 30,
			[]string{"last coffee 10 days ago", "within the 30-day cadence", "balance +12.5 credits"}},
		{"exactly on the cadence day", 12.5, networkAgo(30), KindLunch, 30,
			[]string{"last lunch 30 days ago", "within the 30-day cadence", "balance +12.5 credits"}},
		{"one day past the cadence", -3, networkAgo(31), KindAsk, 30,
			[]string{"last ask or favour 31 days ago", "1 day past the 30-day cadence", "balance −3.0 credits"}},
		{"well past the cadence", 0.04, networkAgo(94), KindCoffee, 30,
			[]string{"last coffee 94 days ago", "64 days past the 30-day cadence", "balance 0.0 credits"}},
		{"one-day cadence", 1, networkAgo(3), KindMessage, 1,
			[]string{"last message 3 days ago", "2 days past the 1-day cadence", "balance +1.0 credits"}},
		{"no cadence, contacted", -0.04, networkAgo(200), KindMessage, 0,
			[]string{"last message 200 days ago", "no cadence: 90 days count as one", "balance 0.0 credits"}},
		{"negative cadence counts as none", 0, networkAgo(1), KindMessage, -30,
			[]string{"last message yesterday", "no cadence: 90 days count as one", "balance 0.0 credits"}},
		{"kind unknown", 2.25, networkAgo(45), "", 30,
			[]string{"last contact 45 days ago", "15 days past the 30-day cadence", "balance +2.2 credits"}},
		{"contact dated in the future reads today", 5, networkNow.AddDate(0, 0, 10), KindCoffee, 30,
			[]string{"last coffee today", "within the 30-day cadence", "balance +5.0 credits"}},
		{"future contact, no cadence", 0, networkNow.AddDate(1, 0, 0), KindLunch, 0,
			[]string{"last lunch today", "no cadence: 90 days count as one", "balance 0.0 credits"}},
	}
	for _, tt := range tests {
		got := DefaultCredits.WarmthReasons(tt.balance, tt.last, tt.kind, Person{CadenceDays: tt.cadence}, networkNow)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: WarmthReasons =\n\t%q\nwant\n\t%q", tt.name, got, tt.want)
		}
	}
}

func TestSignedPoints(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{12.5, "+12.5"},
		{12.45, "+12.4"}, // 12.45 is a little under 12.45 in binary
		{1234.56, "+1234.6"},
		{0.1, "+0.1"},
		{-3, "−3.0"},
		{-0.06, "−0.1"},
		{-1234.56, "−1234.6"},
		{0, "0.0"},
		{math.Copysign(0, -1), "0.0"},
		{0.04, "0.0"},
		{-0.04, "0.0"},
		{math.Inf(1), "+∞"},
		{math.Inf(-1), "−∞"},
		{math.NaN(), "0.0"}, // as Warmth counts it
	}
	for _, tt := range tests {
		if got := signedPoints(tt.v); got != tt.want {
			t.Errorf("signedPoints(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestAdviceFor(t *testing.T) {
	if HighInfluence != 4 {
		t.Fatalf("HighInfluence = %d, the table below assumes 4", HighInfluence)
	}
	// What each stance gets with influence 1–3 and with 4–5.
	tests := []struct {
		stance    Stance
		low, high Advice
	}{
		{StanceChampion, AdviceKeepWarm, AdviceManageClosely},
		{StanceSupporter, AdviceKeepWarm, AdviceManageClosely},
		{StanceNeutral, AdviceKeepInformed, AdviceWinOver},
		{StanceSkeptic, AdviceKeepInformed, AdviceWinOver},
		{StanceBlocker, AdviceKeepInformed, AdviceWinOver},
		{StanceUnknown, AdviceKeepInformed, AdviceWinOver},
		{"", AdviceKeepInformed, AdviceWinOver},
	}
	covered := map[Stance]bool{}
	for _, tt := range tests {
		covered[tt.stance] = true
		for influence := 1; influence <= 5; influence++ {
			want := tt.low
			if influence >= 4 {
				want = tt.high
			}
			if got := AdviceFor(influence, tt.stance); got != want {
				t.Errorf("AdviceFor(%d, %q) = %s, want %s", influence, tt.stance, got.Label(), want.Label())
			}
		}
	}
	for _, s := range Stances() {
		if !covered[s] {
			t.Errorf("stance %q is not in the table", s)
		}
	}
	// Just below and at the boundary, and out of range on either side.
	for _, tt := range []struct {
		influence int
		stance    Stance
		want      Advice
	}{
		{HighInfluence - 1, StanceChampion, AdviceKeepWarm},
		{HighInfluence, StanceChampion, AdviceManageClosely},
		{HighInfluence - 1, StanceBlocker, AdviceKeepInformed},
		{HighInfluence, StanceBlocker, AdviceWinOver},
		{0, StanceSupporter, AdviceKeepWarm},
		{6, StanceSkeptic, AdviceWinOver},
	} {
		if got := AdviceFor(tt.influence, tt.stance); got != tt.want {
			t.Errorf("AdviceFor(%d, %q) = %s, want %s", tt.influence, tt.stance, got.Label(), tt.want.Label())
		}
	}
}

func TestAdviceLabelAndHint(t *testing.T) {
	want := map[Advice]string{
		AdviceManageClosely: "Manage closely",
		AdviceWinOver:       "Win over",
		AdviceKeepWarm:      "Keep warm",
		AdviceKeepInformed:  "Keep informed",
	}
	labels, hints := map[string]Advice{}, map[string]Advice{}
	for _, a := range []Advice{AdviceManageClosely, AdviceWinOver, AdviceKeepWarm, AdviceKeepInformed} {
		if got := a.Label(); got != want[a] {
			t.Errorf("Advice(%d).Label() = %q, want %q", a, got, want[a])
		}
		hint := a.Hint()
		if hint == "" {
			t.Errorf("%s has no hint", a.Label())
		}
		if other, ok := labels[a.Label()]; ok {
			t.Errorf("%d and %d share the label %q", a, other, a.Label())
		}
		if other, ok := hints[hint]; ok {
			t.Errorf("%d and %d share the hint %q", a, other, hint)
		}
		labels[a.Label()], hints[hint] = a, a
	}
}

// An instant stored in UTC and a now in the user's zone count days in the
// user's zone: 23:30 in New York on the 22nd is the 23rd in UTC, and was
// yesterday, not today, at 09:00 New York time on the 23rd.
func TestDaysCountInNowsZone(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, ny)
	last := time.Date(2026, 11, 22, 23, 30, 0, 0, ny).UTC()
	if got := daysSince(last, Day(now), now.Location()); got != 1 {
		t.Errorf("daysSince = %d, want 1", got)
	}
	if ContactOverdue(Person{CadenceDays: 1}, last, now) {
		t.Error("a contact yesterday is overdue on a 1-day cadence")
	}
	if !ContactOverdue(Person{CadenceDays: 1}, last, now.AddDate(0, 0, 1)) {
		t.Error("a contact two days ago is not overdue on a 1-day cadence")
	}
	if got := daysSilent(last, now); got != 1 {
		t.Errorf("daysSilent = %d, want 1", got)
	}
}

// TestWarmthReasonsForSomeoneNeverContacted: the words about the cadence
// of someone never contacted follow ContactOverdue's rule: a cadence the
// user set counts from when they were added (and says so), the default one
// waits for the first contact.
func TestWarmthReasonsForSomeoneNeverContacted(t *testing.T) {
	tests := []struct {
		name    string
		p       Person
		want    string
		overdue bool
	}{
		{"default cadence", Person{CadenceDays: 30, CreatedAt: networkAgo(200)},
			"a 30-day cadence from the first contact", false},
		{"set, added 10 days ago", Person{CadenceDays: 30, CadenceSet: true, CreatedAt: networkAgo(10)},
			"within the 30-day cadence, counted from when you added them", false},
		{"set, added 30 days ago", Person{CadenceDays: 30, CadenceSet: true, CreatedAt: networkAgo(30)},
			"within the 30-day cadence, counted from when you added them", false},
		{"set, added 45 days ago", Person{CadenceDays: 30, CadenceSet: true, CreatedAt: networkAgo(45)},
			"15 days past the 30-day cadence, counted from when you added them", true},
		{"set to none", Person{CadenceDays: 0, CadenceSet: true, CreatedAt: networkAgo(45)},
			"no cadence: 90 days count as one", false},
	}
	for _, tt := range tests {
		got := DefaultCredits.WarmthReasons(0, time.Time{}, "", tt.p, networkNow)
		if len(got) != 3 || got[1] != tt.want {
			t.Errorf("%s: WarmthReasons = %q, want %q second", tt.name, got, tt.want)
		}
		if o := ContactOverdue(tt.p, time.Time{}, networkNow); o != tt.overdue {
			t.Errorf("%s: ContactOverdue = %v, want %v (the words must match the rule)", tt.name, o, tt.overdue)
		}
	}
}
