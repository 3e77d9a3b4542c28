package storage

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

func newMeeting(personID int64, start time.Time) model.Meeting {
	return model.Meeting{PersonID: personID, Kind: model.MeetingCoffee, Start: start, Duration: 30 * time.Minute}
}

func TestMeetingRoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	in := model.Interaction{Kind: model.KindLunch, At: testNow, PersonIDs: []int64{ana.ID}}
	if err := s.CreateInteraction(ctx, &in); err != nil {
		t.Fatal(err)
	}
	uidPattern := regexp.MustCompile(`^[0-9a-f]{32}@rapport$`)

	tests := []struct {
		name string
		in   model.Meeting
		want model.Meeting // without ID, UID and timestamps
	}{
		{
			name: "defaults",
			in:   model.Meeting{PersonID: ana.ID, Kind: model.MeetingCoffee, Start: testNow, Duration: 30 * time.Minute, Sequence: 5},
			want: model.Meeting{PersonID: ana.ID, Kind: model.MeetingCoffee, Start: testNow, Duration: 30 * time.Minute,
				Status: model.MeetingPlanned},
		},
		{
			name: "every field",
			in: model.Meeting{PersonID: ana.ID, Kind: model.MeetingLunch, Start: time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC),
				Duration: 90*time.Minute + 20*time.Second, Location: "Canteen, 2nd floor", Agenda: "1. team\n2. next steps",
				Recurrence: model.RecurrenceMonthly, ReminderMinutes: 15, Status: model.MeetingHeld, OutcomeID: in.ID,
				AgendaDrafted: true},
			want: model.Meeting{PersonID: ana.ID, Kind: model.MeetingLunch, Start: time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC),
				Duration: 90 * time.Minute, Location: "Canteen, 2nd floor", Agenda: "1. team\n2. next steps",
				Recurrence: model.RecurrenceMonthly, ReminderMinutes: 15, Status: model.MeetingHeld, OutcomeID: in.ID,
				AgendaDrafted: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.in
			if err := s.CreateMeeting(ctx, &m); err != nil {
				t.Fatalf("CreateMeeting: %v", err)
			}
			if !uidPattern.MatchString(m.UID) {
				t.Errorf("UID = %q, want 32 hex digits @rapport", m.UID)
			}
			want := tt.want
			want.ID, want.UID, want.CreatedAt, want.UpdatedAt = m.ID, m.UID, testNow, testNow
			if !reflect.DeepEqual(m, want) {
				t.Errorf("after CreateMeeting m = %+v, want %+v", m, want)
			}
			got, err := s.Meeting(ctx, m.ID)
			if err != nil {
				t.Fatalf("Meeting: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Meeting(%d) = %+v, want %+v", m.ID, got, want)
			}
		})
	}
}

func TestMeetingUIDs(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	seen := map[string]bool{}
	for k := range 20 {
		m := newMeeting(ana.ID, testNow.Add(time.Duration(k)*time.Hour))
		if err := s.CreateMeeting(ctx, &m); err != nil {
			t.Fatal(err)
		}
		if seen[m.UID] {
			t.Fatalf("UID %q given twice", m.UID)
		}
		seen[m.UID] = true
	}

	imported := newMeeting(ana.ID, testNow)
	imported.UID = "abc-123@example.com"
	if err := s.CreateMeeting(ctx, &imported); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Meeting(ctx, imported.ID); err != nil || got.UID != imported.UID {
		t.Errorf("Meeting() UID = %q, %v; want the given %q", got.UID, err, imported.UID)
	}
	again := newMeeting(ana.ID, testNow)
	again.UID = imported.UID
	if err := s.CreateMeeting(ctx, &again); !errors.Is(err, ErrDuplicate) {
		t.Errorf("CreateMeeting(same UID) = %v, want ErrDuplicate", err)
	}
	if got := countRows(t, s, "meeting"); got != 21 {
		t.Errorf("%d meetings, want 21", got)
	}
}

func TestUpdateMeetingSequence(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
	in := model.Interaction{Kind: model.KindCoffee, At: testNow, PersonIDs: []int64{ana.ID}}
	if err := s.CreateInteraction(ctx, &in); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name   string
		change func(*model.Meeting)
		bump   bool
	}{
		{"agenda (the invite's description)", func(m *model.Meeting) { m.Agenda = "talk about the reorg" }, true},
		{"reminder", func(m *model.Meeting) { m.ReminderMinutes = 10 }, false},
		{"outcome", func(m *model.Meeting) { m.OutcomeID = in.ID }, false},
		{"person", func(m *model.Meeting) { m.PersonID = ben.ID }, false},
		{"same start in another zone", func(m *model.Meeting) { m.Start = m.Start.In(time.FixedZone("X", 7200)) }, false},
		{"UID and sequence given", func(m *model.Meeting) { m.UID, m.Sequence = "other@x", 7 }, false},
		{"start", func(m *model.Meeting) { m.Start = m.Start.Add(time.Hour) }, true},
		{"duration", func(m *model.Meeting) { m.Duration = time.Hour }, true},
		{"location", func(m *model.Meeting) { m.Location = "Room 4" }, true},
		{"kind", func(m *model.Meeting) { m.Kind = model.MeetingOneOnOne }, true},
		{"recurrence", func(m *model.Meeting) { m.Recurrence = model.RecurrenceWeekly }, true},
		{"status", func(m *model.Meeting) { m.Status = model.MeetingCanceled }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setClock(s, testNow)
			m := newMeeting(ana.ID, testNow)
			if err := s.CreateMeeting(ctx, &m); err != nil {
				t.Fatal(err)
			}
			uid := m.UID
			// A first calendar-visible change, so the stored sequence is not 0.
			m.Location = "Lobby"
			if err := s.UpdateMeeting(ctx, &m); err != nil {
				t.Fatal(err)
			}
			later := testNow.Add(time.Hour)
			setClock(s, later)
			tt.change(&m)
			if err := s.UpdateMeeting(ctx, &m); err != nil {
				t.Fatalf("UpdateMeeting: %v", err)
			}
			want := 1
			if tt.bump {
				want = 2
			}
			if m.Sequence != want || m.UID != uid || !m.UpdatedAt.Equal(later) {
				t.Errorf("after UpdateMeeting: sequence %d, UID %q, updated %v; want %d, %q, %v",
					m.Sequence, m.UID, m.UpdatedAt, want, uid, later)
			}
			got, err := s.Meeting(ctx, m.ID)
			if err != nil {
				t.Fatal(err)
			}
			m.Start = m.Start.UTC()
			if !reflect.DeepEqual(got, m) {
				t.Errorf("Meeting() = %+v, want %+v", got, m)
			}
		})
	}
}

func TestMeetingRefused(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	for _, tt := range []struct {
		name    string
		change  func(*model.Meeting)
		invalid bool
	}{
		{"too short", func(m *model.Meeting) { m.Duration = 4 * time.Minute }, true},
		{"no start", func(m *model.Meeting) { m.Start = time.Time{} }, true},
		{"bad status", func(m *model.Meeting) { m.Status = "maybe" }, true},
		{"unknown person", func(m *model.Meeting) { m.PersonID = 999 }, false},
		{"unknown outcome", func(m *model.Meeting) { m.OutcomeID = 999 }, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := newMeeting(ana.ID, testNow)
			tt.change(&m)
			err := s.CreateMeeting(ctx, &m)
			if err == nil {
				t.Fatal("CreateMeeting succeeded, want an error")
			}
			if got := isValidationError(err); got != tt.invalid {
				t.Errorf("CreateMeeting error %q: validation error = %v, want %v", err, got, tt.invalid)
			}
			if got := countRows(t, s, "meeting"); got != 0 {
				t.Errorf("after refused CreateMeeting: %d meetings, want 0", got)
			}
		})
	}

	missing := newMeeting(ana.ID, testNow)
	missing.ID, missing.Status = 999, model.MeetingPlanned
	if err := s.UpdateMeeting(ctx, &missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateMeeting(999) = %v, want ErrNotFound", err)
	}
	if _, err := s.Meeting(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Meeting(999) = %v, want ErrNotFound", err)
	}
	if err := s.DeleteMeeting(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteMeeting(999) = %v, want ErrNotFound", err)
	}
}

func TestMeetingsBetween(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
	at := func(h int) time.Time { return time.Date(2026, 12, 1, h, 0, 0, 0, time.UTC) }
	mk := func(p model.Person, h int) model.Meeting {
		t.Helper()
		m := newMeeting(p.ID, at(h))
		if err := s.CreateMeeting(ctx, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	// Made out of order on purpose.
	m12 := mk(ana, 12)
	m9 := mk(ben, 9)
	m10 := mk(ana, 10)
	m15 := mk(ben, 15)

	for _, tt := range []struct {
		name     string
		from, to time.Time
		want     []model.Meeting
	}{
		{"unbounded", time.Time{}, time.Time{}, []model.Meeting{m9, m10, m12, m15}},
		{"from is inclusive, to exclusive", at(10), at(15), []model.Meeting{m10, m12}},
		{"from only", at(11), time.Time{}, []model.Meeting{m12, m15}},
		{"to only", time.Time{}, at(10), []model.Meeting{m9}},
		{"in another zone", at(10).In(time.FixedZone("X", -5*3600)), at(13), []model.Meeting{m10, m12}},
		{"empty", at(16), at(20), nil},
	} {
		got, err := s.Meetings(ctx, tt.from, tt.to)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Meetings(%v, %v) = %+v, want %+v", tt.name, tt.from, tt.to, got, tt.want)
		}
	}

	got, err := s.MeetingsWith(ctx, ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.Meeting{m10, m12}; !reflect.DeepEqual(got, want) {
		t.Errorf("MeetingsWith(Ana) = %+v, want %+v", got, want)
	}
}

func TestDeleteMeetingKeepsPromises(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	m := newMeeting(ana.ID, testNow)
	if err := s.CreateMeeting(ctx, &m); err != nil {
		t.Fatal(err)
	}
	p := model.Promise{Direction: model.DirectionMine, PersonID: ana.ID, What: "Send notes",
		MadeOn: date(11, 23), Status: model.PromiseOpen, MeetingID: m.ID}
	if err := s.CreatePromise(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMeeting(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.Promise(ctx, p.ID)
	if err != nil {
		t.Fatalf("Promise after DeleteMeeting: %v", err)
	}
	if got.MeetingID != 0 {
		t.Errorf("promise MeetingID = %d after its meeting was deleted, want 0", got.MeetingID)
	}
	if _, err := s.Meeting(ctx, m.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Meeting(deleted) = %v, want ErrNotFound", err)
	}
}

// TestFollowAgenda checks that a drafted agenda follows the data (an
// advisor linked after the meeting was scheduled appears, with a new
// sequence) until the user edits it, and that an edited agenda, or a
// cancelled meeting's, stays as it is.
func TestFollowAgenda(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	priya := mustCreatePerson(t, s, "Priya Shah")
	if m, err := s.FollowAgenda(ctx, 999, testNow); !errors.Is(err, ErrNotFound) {
		t.Fatalf("FollowAgenda of no meeting = %+v, %v; want ErrNotFound", m, err)
	}
	drafted := newMeeting(priya.ID, testNow.Add(48*time.Hour))
	drafted.Agenda, drafted.AgendaDrafted = "Hi Priya — coffee to catch up.", true
	edited := newMeeting(priya.ID, testNow.Add(72*time.Hour))
	edited.Agenda = "My own words"
	cancelled := newMeeting(priya.ID, testNow.Add(96*time.Hour))
	cancelled.Agenda, cancelled.AgendaDrafted, cancelled.Status = "Old draft", true, model.MeetingCanceled
	for _, m := range []*model.Meeting{&drafted, &edited, &cancelled} {
		if err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	role := mustCreateRole(t, s, "Staff engineer", true)
	req := mustCreateRequirement(t, s, role.ID, "Northwind Leadership programme")
	req.AdvisorIDs = []int64{priya.ID}
	if err := s.UpdateRequirement(ctx, &req); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name      string
		id        int64
		wantIn    string // "" when the agenda must be unchanged
		wantAsWas string
		wantSeq   int
	}{
		{"drafted follows the advisor linked later", drafted.ID, "I'd value your advice on: Northwind Leadership programme", "", 1},
		{"edited stays", edited.ID, "", "My own words", 0},
		{"cancelled stays", cancelled.ID, "", "Old draft", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 2 { // a second call finds nothing new
				got, err := s.FollowAgenda(ctx, tt.id, testNow)
				if err != nil {
					t.Fatal(err)
				}
				stored, _ := s.Meeting(ctx, tt.id)
				if stored.Agenda != got.Agenda || stored.Sequence != got.Sequence {
					t.Errorf("returned %q seq %d, stored %q seq %d", got.Agenda, got.Sequence, stored.Agenda, stored.Sequence)
				}
				if tt.wantIn != "" && !strings.Contains(got.Agenda, tt.wantIn) {
					t.Errorf("agenda = %q, want it to contain %q", got.Agenda, tt.wantIn)
				}
				if tt.wantAsWas != "" && got.Agenda != tt.wantAsWas {
					t.Errorf("agenda = %q, want it kept as %q", got.Agenda, tt.wantAsWas)
				}
				if got.Sequence != tt.wantSeq {
					t.Errorf("sequence = %d, want %d", got.Sequence, tt.wantSeq)
				}
			}
		})
	}
}
