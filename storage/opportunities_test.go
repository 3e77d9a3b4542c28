package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

func TestOpportunitiesRoundTrip(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	if got, err := s.Opportunities(ctx); err != nil || len(got) != 0 {
		t.Fatalf("Opportunities() on an empty database = %+v, %v", got, err)
	}
	ana, ben, cai := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben"), mustCreatePerson(t, s, "Cai")

	// An evening west of UTC is still the 20th.
	evening := time.Date(2026, 10, 20, 21, 0, 0, 0, time.FixedZone("UTC-7", -7*3600))
	promo := model.Opportunity{Title: "Staff Engineer promotion", Kind: model.OpportunityPromotion, Date: evening,
		Outcome: model.OutcomePending, BackerIDs: []int64{ben.ID, ana.ID, ben.ID}, Notes: "Calibration in October"}
	if err := s.CreateOpportunity(ctx, &promo); err != nil {
		t.Fatalf("CreateOpportunity: %v", err)
	}
	wantPromo := model.Opportunity{ID: promo.ID, Title: "Staff Engineer promotion", Kind: model.OpportunityPromotion,
		Date: date(10, 20), Outcome: model.OutcomePending, BackerIDs: []int64{ana.ID, ben.ID},
		Notes: "Calibration in October", CreatedAt: testNow, UpdatedAt: testNow}
	if !reflect.DeepEqual(promo, wantPromo) {
		t.Errorf("after CreateOpportunity = %+v, want %+v", promo, wantPromo)
	}
	lead := model.Opportunity{Title: "Lead the broker migration", Kind: model.OpportunityProject, Date: date(11, 2),
		Outcome: model.OutcomeWon}
	older := model.Opportunity{Title: "Platform EM opening", Kind: model.OpportunityJob, Date: date(10, 20),
		Outcome: model.OutcomePassedOver, BackerIDs: []int64{cai.ID}}
	for _, o := range []*model.Opportunity{&lead, &older} {
		if err := s.CreateOpportunity(ctx, o); err != nil {
			t.Fatalf("CreateOpportunity(%q): %v", o.Title, err)
		}
	}

	list := func() []model.Opportunity {
		t.Helper()
		got, err := s.Opportunities(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	// Newest date first; on the same date, the one added last first.
	if got, want := list(), []model.Opportunity{lead, older, promo}; !reflect.DeepEqual(got, want) {
		t.Errorf("Opportunities() =\n%+v\nwant\n%+v", got, want)
	}
	if got, err := s.Opportunity(ctx, promo.ID); err != nil || !reflect.DeepEqual(got, promo) {
		t.Errorf("Opportunity(%d) = %+v, %v; want %+v", promo.ID, got, err, promo)
	}

	// Backers are replaced, not added to.
	later := testNow.Add(time.Hour)
	setClock(s, later)
	promo.Outcome, promo.BackerIDs, promo.Title = model.OutcomePassedOver, []int64{cai.ID, ana.ID}, "Staff Engineer"
	if err := s.UpdateOpportunity(ctx, &promo); err != nil {
		t.Fatalf("UpdateOpportunity: %v", err)
	}
	if !promo.UpdatedAt.Equal(later) || !promo.CreatedAt.Equal(testNow) {
		t.Errorf("times after update = %v, %v", promo.CreatedAt, promo.UpdatedAt)
	}
	got, err := s.Opportunity(ctx, promo.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{ana.ID, cai.ID}; !reflect.DeepEqual(got.BackerIDs, want) || got.Outcome != model.OutcomePassedOver ||
		got.Title != "Staff Engineer" {
		t.Errorf("after update = %+v, want backers %v, passed over, new title", got, want)
	}
	promo.BackerIDs = nil
	if err := s.UpdateOpportunity(ctx, &promo); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Opportunity(ctx, promo.ID); got.BackerIDs != nil {
		t.Errorf("after clearing the backers: %v", got.BackerIDs)
	}
	if n := countRows(t, s, "opportunity_backer"); n != 1 {
		t.Errorf("%d backer rows, want 1 (Cai's for the EM opening)", n)
	}

	// A backer emptied from the trash is no longer a backer.
	if err := s.ArchivePerson(ctx, cai.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Opportunity(ctx, older.ID); !reflect.DeepEqual(got.BackerIDs, []int64{cai.ID}) {
		t.Errorf("backers with Cai in the trash = %v, want Cai still", got.BackerIDs)
	}
	if _, err := s.EmptyTrash(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Opportunity(ctx, older.ID); got.BackerIDs != nil {
		t.Errorf("backers after emptying the trash = %v, want none", got.BackerIDs)
	}

	if err := s.DeleteOpportunity(ctx, lead.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Opportunity(ctx, lead.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Opportunity after delete: %v, want ErrNotFound", err)
	}
	if err := s.DeleteOpportunity(ctx, lead.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteOpportunity twice: %v, want ErrNotFound", err)
	}
}

func TestOpportunityRefusals(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana := mustCreatePerson(t, s, "Ana")
	o := model.Opportunity{Title: "Staff Engineer", Kind: model.OpportunityPromotion, Date: date(11, 1),
		Outcome: model.OutcomePending, BackerIDs: []int64{ana.ID}}
	if err := s.CreateOpportunity(ctx, &o); err != nil {
		t.Fatal(err)
	}
	saved := o

	tests := []struct {
		name     string
		do       func(o *model.Opportunity) error
		notFound string // what the ErrNotFound names; "" for a validation error
	}{
		{"create, unknown backer", func(o *model.Opportunity) error {
			o.ID, o.BackerIDs = 0, []int64{ana.ID, 999}
			return s.CreateOpportunity(ctx, o)
		}, "person 999"},
		{"update, unknown backer", func(o *model.Opportunity) error {
			o.BackerIDs, o.Title = []int64{998}, "Changed"
			return s.UpdateOpportunity(ctx, o)
		}, "person 998"},
		{"update, unknown opportunity", func(o *model.Opportunity) error {
			o.ID = 777
			return s.UpdateOpportunity(ctx, o)
		}, "opportunity 777"},
		{"create, invalid", func(o *model.Opportunity) error {
			o.ID, o.Kind = 0, "raise"
			return s.CreateOpportunity(ctx, o)
		}, ""},
		{"update, invalid", func(o *model.Opportunity) error {
			o.Date = time.Time{}
			return s.UpdateOpportunity(ctx, o)
		}, ""},
	}
	for _, tt := range tests {
		o := saved
		o.BackerIDs = append([]int64(nil), saved.BackerIDs...)
		err := tt.do(&o)
		switch {
		case tt.notFound == "" && !isValidationError(err):
			t.Errorf("%s: %v, want a validation error", tt.name, err)
		case tt.notFound != "" && (!errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), tt.notFound)):
			t.Errorf("%s: %v, want ErrNotFound naming %s", tt.name, err, tt.notFound)
		}
		got, err := s.Opportunities(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, []model.Opportunity{saved}) {
			t.Errorf("%s changed the opportunities: %+v", tt.name, got)
		}
	}
}

// The schema refuses what Validate would, should anything get past it.
func TestOpportunitySchemaChecks(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	for _, tt := range []struct{ name, values string }{
		{"empty title", `'', 'job_opening', '2026-11-01', 'pending'`},
		{"bad kind", `'T', 'raise', '2026-11-01', 'pending'`},
		{"bad outcome", `'T', 'job_opening', '2026-11-01', 'lost'`},
		{"no date", `'T', 'job_opening', NULL, 'pending'`},
	} {
		_, err := s.db.ExecContext(ctx, `INSERT INTO opportunity (title, kind, date, outcome, created_at, updated_at)
			VALUES (`+tt.values+`, 'x', 'x')`)
		if err == nil {
			t.Errorf("%s: inserted", tt.name)
		}
	}
}
