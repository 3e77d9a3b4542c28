package storage

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"rapport/model"
)

func TestDisclosures(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")

	mk := func(p model.Person, topic string, shared time.Time) model.Disclosure {
		t.Helper()
		d := model.Disclosure{PersonID: p.ID, Topic: topic, Sensitivity: model.SensitivityMedium,
			SharedOn: shared, Notes: "said it over coffee"}
		if err := s.CreateDisclosure(ctx, &d); err != nil {
			t.Fatalf("CreateDisclosure: %v", err)
		}
		want := model.Disclosure{ID: d.ID, PersonID: p.ID, Topic: topic, Sensitivity: model.SensitivityMedium,
			SharedOn: model.Day(shared), Notes: "said it over coffee", CreatedAt: testNow, UpdatedAt: testNow}
		if !reflect.DeepEqual(d, want) {
			t.Errorf("after CreateDisclosure d = %+v, want %+v", d, want)
		}
		return d
	}
	old := mk(ana, "Thinking of leaving", date(9, 1))
	recent := mk(ana, "Wants to manage", time.Date(2026, 11, 2, 18, 0, 0, 0, time.FixedZone("X", -8*3600)))
	sameDay := mk(ana, "Health", date(11, 2))
	bens := mk(ben, "Salary", date(10, 1))

	for _, tt := range []struct {
		person model.Person
		want   []model.Disclosure
	}{
		{ana, []model.Disclosure{sameDay, recent, old}},
		{ben, []model.Disclosure{bens}},
	} {
		got, err := s.DisclosuresFor(ctx, tt.person.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("DisclosuresFor(%s) = %+v, want %+v", tt.person.Name, got, tt.want)
		}
	}

	later := testNow.Add(time.Hour)
	setClock(s, later)
	old.Sensitivity, old.Topic = model.SensitivityHigh, "Leaving"
	if err := s.UpdateDisclosure(ctx, &old); err != nil {
		t.Fatalf("UpdateDisclosure: %v", err)
	}
	if !old.UpdatedAt.Equal(later) || !old.CreatedAt.Equal(testNow) {
		t.Errorf("UpdateDisclosure times = %v, %v", old.CreatedAt, old.UpdatedAt)
	}
	got, err := s.DisclosuresFor(ctx, ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []model.Disclosure{sameDay, recent, old}; !reflect.DeepEqual(got, want) {
		t.Errorf("DisclosuresFor after update = %+v, want %+v", got, want)
	}

	if err := s.DeleteDisclosure(ctx, recent.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDisclosure(ctx, recent.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteDisclosure(deleted) = %v, want ErrNotFound", err)
	}
	missing := old
	missing.ID = 999
	if err := s.UpdateDisclosure(ctx, &missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateDisclosure(999) = %v, want ErrNotFound", err)
	}
	if got := countRows(t, s, "disclosure"); got != 3 {
		t.Errorf("%d disclosures, want 3", got)
	}
}

func TestDisclosureRefused(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	for _, tt := range []struct {
		name    string
		d       model.Disclosure
		invalid bool
	}{
		{"no topic", model.Disclosure{PersonID: ana.ID, Sensitivity: model.SensitivityLow, SharedOn: date(11, 1)}, true},
		{"no day", model.Disclosure{PersonID: ana.ID, Topic: "x", Sensitivity: model.SensitivityLow}, true},
		{"bad sensitivity", model.Disclosure{PersonID: ana.ID, Topic: "x", Sensitivity: "secret", SharedOn: date(11, 1)}, true},
		{"unknown person", model.Disclosure{PersonID: 999, Topic: "x", Sensitivity: model.SensitivityLow, SharedOn: date(11, 1)}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.d
			err := s.CreateDisclosure(ctx, &d)
			if err == nil {
				t.Fatal("CreateDisclosure succeeded, want an error")
			}
			if got := isValidationError(err); got != tt.invalid {
				t.Errorf("CreateDisclosure error %q: validation error = %v, want %v", err, got, tt.invalid)
			}
			if got := countRows(t, s, "disclosure"); got != 0 {
				t.Errorf("after refused CreateDisclosure: %d disclosures, want 0", got)
			}
		})
	}
}
