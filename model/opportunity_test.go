package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestOpportunityEnums(t *testing.T) {
	if got, want := Labels(OpportunityKinds()), []string{"Promotion round", "Job opening", "Project lead"}; !reflect.DeepEqual(got, want) {
		t.Errorf("kind labels = %q, want %q", got, want)
	}
	if got, want := Labels(OpportunityOutcomes()), []string{"Pending", "Won", "Passed over"}; !reflect.DeepEqual(got, want) {
		t.Errorf("outcome labels = %q, want %q", got, want)
	}
	for _, tt := range []struct {
		code  string
		valid bool
	}{
		{string(OpportunityPromotion), true}, {"promotion_round", true}, {"job_opening", true}, {"project_lead", true},
		{"promotion", false}, {"", false},
	} {
		if got := OpportunityKind(tt.code).Valid(); got != tt.valid {
			t.Errorf("OpportunityKind(%q).Valid() = %v", tt.code, got)
		}
	}
	for _, tt := range []struct {
		code  string
		valid bool
	}{{"pending", true}, {"won", true}, {"passed_over", true}, {"lost", false}, {"", false}} {
		if got := OpportunityOutcome(tt.code).Valid(); got != tt.valid {
			t.Errorf("OpportunityOutcome(%q).Valid() = %v", tt.code, got)
		}
	}
}

func TestOpportunityValidate(t *testing.T) {
	ok := Opportunity{Title: "Staff Engineer promotion", Kind: OpportunityPromotion,
		Date: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Outcome: OutcomePending, BackerIDs: []int64{1, 2}}
	tests := []struct {
		name   string
		modify func(o *Opportunity)
		fields []string
	}{
		{"valid", func(o *Opportunity) {}, nil},
		{"no backers", func(o *Opportunity) { o.BackerIDs = nil }, nil},
		{"blank title", func(o *Opportunity) { o.Title = "  " }, []string{"title"}},
		{"two-line title", func(o *Opportunity) { o.Title = "A\nB" }, []string{"title"}},
		{"long title", func(o *Opportunity) { o.Title = strings.Repeat("x", MaxShortText+1) }, []string{"title"}},
		{"bad kind", func(o *Opportunity) { o.Kind = "raise" }, []string{"kind"}},
		{"no date", func(o *Opportunity) { o.Date = time.Time{} }, []string{"date"}},
		{"bad outcome", func(o *Opportunity) { o.Outcome = "" }, []string{"outcome"}},
		{"bad backer", func(o *Opportunity) { o.BackerIDs = []int64{1, 0} }, []string{"backers"}},
		{"long notes", func(o *Opportunity) { o.Notes = strings.Repeat("x", MaxLongText+1) }, []string{"notes"}},
	}
	for _, tt := range tests {
		o := ok
		o.BackerIDs = append([]int64(nil), ok.BackerIDs...)
		tt.modify(&o)
		err := o.Validate()
		if tt.fields == nil {
			if err != nil {
				t.Errorf("%s: Validate() = %v, want nil", tt.name, err)
			}
			continue
		}
		for _, f := range tt.fields {
			if FieldProblem(err, f) == "" {
				t.Errorf("%s: Validate() = %v, want a problem with %s", tt.name, err, f)
			}
		}
	}
}

func TestFollowUps(t *testing.T) {
	people := map[int64]Person{
		1: {ID: 1, Name: "Dana Whitfield"},
		2: {ID: 2, Name: "Dr. Priya Raman"},
		3: {ID: 3, Name: "Lee Park"},
	}
	base := Opportunity{Title: " Staff  Engineer ", Kind: OpportunityPromotion, BackerIDs: []int64{3, 9, 1, 3}}
	tests := []struct {
		name    string
		outcome OpportunityOutcome
		backers []int64
		want    []FollowUp
	}{
		{"pending", OutcomePending, base.BackerIDs, nil},
		{"won", OutcomeWon, base.BackerIDs, []FollowUp{
			{3, "Thank Lee for backing you for Staff Engineer", KindThanksPrivate},
			{1, "Thank Dana for backing you for Staff Engineer", KindThanksPrivate},
		}},
		{"passed over", OutcomePassedOver, base.BackerIDs, []FollowUp{
			{3, "Thank Lee for backing you, even though it went the other way", KindThanksPrivate},
			{3, "Ask Lee for a conversation about what to strengthen next time", KindAsk},
			{1, "Thank Dana for backing you, even though it went the other way", KindThanksPrivate},
			{1, "Ask Dana for a conversation about what to strengthen next time", KindAsk},
		}},
		{"honorific", OutcomeWon, []int64{2}, []FollowUp{
			{2, "Thank Dr. Raman for backing you for Staff Engineer", KindThanksPrivate},
		}},
		{"won, no backers", OutcomeWon, nil, nil},
		{"only unknown backers", OutcomePassedOver, []int64{7, 8}, nil},
	}
	for _, tt := range tests {
		o := base
		o.Outcome, o.BackerIDs = tt.outcome, tt.backers
		if got := FollowUps(o, people); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: FollowUps =\n%+v\nwant\n%+v", tt.name, got, tt.want)
		}
	}
}
