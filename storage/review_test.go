package storage

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

func TestReviewRoundTripAcrossReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rapport.db")
	zone := time.FixedZone("UTC+5:30", 5*3600+1800)
	tests := []struct {
		name string
		at   time.Time
		want time.Time
	}{
		{"first review, in another zone", time.Date(2026, 11, 16, 18, 45, 12, 345_678_901, zone),
			time.Date(2026, 11, 16, 13, 15, 12, 345_000_000, time.UTC)},
		{"a later one replaces it", testNow, testNow},
		{"an earlier one too", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastReview(t.Context()); err != nil || !got.IsZero() {
		t.Errorf("LastReview() on a new database = %v, %v; want zero", got, err)
	}
	s.Close()
	for _, tt := range tests {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.MarkReviewed(t.Context(), tt.at); err != nil {
			s.Close()
			t.Fatalf("%s: MarkReviewed: %v", tt.name, err)
		}
		s.Close()
		s, err = Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.LastReview(t.Context())
		if err != nil || !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("%s: after reopening LastReview() = %v, %v; want %v", tt.name, got, err, tt.want)
		}
		if n := countRows(t, s, "setting"); n != 1 {
			t.Errorf("%s: %d setting rows, want 1", tt.name, n)
		}
		s.Close()
	}
}

// The review's setting lives beside the user's settings without either
// disturbing the other.
func TestReviewAndSettingsShareTheTable(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	if err := s.MarkReviewed(ctx, testNow); err != nil {
		t.Fatal(err)
	}
	st := model.DefaultSettings()
	st.UserName = "Sam"
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Settings(ctx); err != nil || got != st {
		t.Errorf("Settings() = %+v, %v; want %+v", got, err, st)
	}
	if got, err := s.LastReview(ctx); err != nil || !got.Equal(testNow) {
		t.Errorf("LastReview() after SaveSettings = %v, %v", got, err)
	}
}

func TestReviewRefusals(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	if err := s.MarkReviewed(ctx, time.Time{}); err == nil {
		t.Error("MarkReviewed(zero) succeeded")
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO setting (key, value) VALUES ('review.last_done', 'last Tuesday')`); err != nil {
		t.Fatal(err)
	}
	_, err := s.LastReview(ctx)
	if err == nil || !strings.Contains(err.Error(), "review.last_done") {
		t.Errorf("LastReview() of an unreadable value = %v, want an error naming the key", err)
	}
	// Marking again repairs it.
	if err := s.MarkReviewed(ctx, testNow); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LastReview(ctx); err != nil || !got.Equal(testNow) {
		t.Errorf("LastReview() after repair = %v, %v", got, err)
	}
}

func TestOnPanel(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben, cai, dee := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben"),
		mustCreatePerson(t, s, "Cai"), mustCreatePerson(t, s, "Dee")
	active, archived := mustCreateRole(t, s, "Engineering Manager", true), mustCreateRole(t, s, "Director", false)
	for _, m := range []model.PanelMember{
		{RoleID: active.ID, PersonID: ana.ID, Part: model.PanelDecides},
		{RoleID: archived.ID, PersonID: ben.ID, Part: model.PanelDecides},
		{RoleID: active.ID, PersonID: dee.ID, Part: model.PanelInfluences},
		{RoleID: archived.ID, PersonID: dee.ID, Part: model.PanelDecides},
	} {
		if err := s.SetPanelMember(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	archived.ArchivedAt = testNow
	if err := s.UpdateRole(ctx, &archived); err != nil {
		t.Fatal(err)
	}
	check := func(when string, want map[int64]bool) {
		t.Helper()
		for _, id := range []int64{ana.ID, ben.ID, cai.ID, dee.ID, 999} {
			got, err := s.OnPanel(ctx, id)
			if err != nil || got != want[id] {
				t.Errorf("%s: OnPanel(%d) = %v, %v; want %v", when, id, got, err, want[id])
			}
		}
	}
	check("one role archived", map[int64]bool{ana.ID: true, dee.ID: true})
	active.ArchivedAt = testNow
	if err := s.UpdateRole(ctx, &active); err != nil {
		t.Fatal(err)
	}
	check("both archived", nil)
	archived.ArchivedAt = time.Time{}
	if err := s.UpdateRole(ctx, &archived); err != nil {
		t.Fatal(err)
	}
	check("the other restored", map[int64]bool{ben.ID: true, dee.ID: true})
}

func TestSensitiveKnowers(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	got, err := s.SensitiveKnowers(ctx)
	if err != nil || got == nil || len(got) != 0 {
		t.Fatalf("SensitiveKnowers() on an empty database = %v, %v; want an empty map", got, err)
	}
	ana, ben, cai, dee := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben"),
		mustCreatePerson(t, s, "Cai"), mustCreatePerson(t, s, "Dee")
	for _, d := range []model.Disclosure{
		{PersonID: ana.ID, Topic: "Thinking of leaving", Sensitivity: model.SensitivityHigh},
		{PersonID: ben.ID, Topic: "Wants to manage", Sensitivity: model.SensitivityMedium},
		{PersonID: ben.ID, Topic: "Likes climbing", Sensitivity: model.SensitivityLow},
		{PersonID: cai.ID, Topic: "Health", Sensitivity: model.SensitivityHigh},
		{PersonID: dee.ID, Topic: "Salary", Sensitivity: model.SensitivityHigh},
		{PersonID: dee.ID, Topic: "Offer elsewhere", Sensitivity: model.SensitivityHigh},
	} {
		d.SharedOn = date(11, 1)
		if err := s.CreateDisclosure(ctx, &d); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.ArchivePerson(ctx, cai.ID); err != nil {
		t.Fatal(err)
	}
	got, err = s.SensitiveKnowers(ctx)
	if want := map[int64]bool{ana.ID: true, dee.ID: true}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("SensitiveKnowers() = %v, %v; want %v", got, err, want)
	}
}
