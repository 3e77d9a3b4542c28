package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"rapport/model"
	"rapport/storage"
)

// TEMPORARY, until the search-store branch merges: a store whose Search
// answers from the fixture's things by plain word matching, so that the
// box can be tested before the index exists. Deleted at the merge.

type fakeSearchStore struct {
	*storage.Store
	hits []model.SearchHit
}

func searchable(t *testing.T, st *storage.Store, f searchFixture) Store {
	t.Helper()
	span := func(s string) []model.Span { return []model.Span{{Text: s}} }
	return fakeSearchStore{Store: st, hits: []model.SearchHit{
		{Kind: model.HitPerson, ID: f.helena.ID, PersonID: f.helena.ID, PersonName: f.helena.Name, Title: f.helena.Name, Snippet: span(f.helena.Name + " Platform")},
		{Kind: model.HitPerson, ID: f.daniel.ID, PersonID: f.daniel.ID, PersonName: f.daniel.Name, Title: f.daniel.Name, Snippet: span(f.daniel.Name + " Platform")},
		{Kind: model.HitPerson, ID: f.dana.ID, PersonID: f.dana.ID, PersonName: f.dana.Name, Title: f.dana.Name, Snippet: span(f.dana.Name)},
		{Kind: model.HitInteraction, ID: f.coffee.ID, PersonID: f.helena.ID, PersonName: f.helena.Name, Date: f.coffee.At, Title: f.coffee.Summary, Snippet: span(f.coffee.Summary + " " + f.coffee.Notes)},
		{Kind: model.HitPromise, ID: f.promise.ID, PersonID: f.dana.ID, PersonName: f.dana.Name, Date: f.promise.DueOn, Title: f.promise.What, Snippet: span(f.promise.What)},
		{Kind: model.HitMeeting, ID: f.meeting.ID, PersonID: f.daniel.ID, PersonName: f.daniel.Name, Date: f.meeting.Start, Title: "1:1", Snippet: span(f.meeting.Agenda)},
		{Kind: model.HitPlan, ID: f.requirement.ID, PlanPart: "requirement", RoleID: f.role.ID, Title: f.requirement.Title, Snippet: span(f.requirement.Title)},
		{Kind: model.HitOpportunity, ID: f.opportunity.ID, Date: f.opportunity.Date, Title: f.opportunity.Title, Snippet: span(f.opportunity.Title)},
		{Kind: model.HitDisclosure, ID: f.disclosure.ID, PersonID: f.helena.ID, PersonName: f.helena.Name, Title: f.disclosure.Topic, Snippet: span(f.disclosure.Topic)},
	}}
}

func (s fakeSearchStore) Search(ctx context.Context, q model.SearchQuery, limit int) (model.SearchResults, error) {
	words := strings.Fields(model.Fold(q.Text))
	frame := slices.Contains(words, "is:frame")
	words = slices.DeleteFunc(words, func(w string) bool { return w == "is:frame" })
	var res model.SearchResults
	for _, h := range s.hits {
		if h.Kind == model.HitDisclosure && !frame {
			continue
		}
		text := model.Fold(h.Title + " " + snippetText(h))
		all := len(words) > 0
		for _, w := range words {
			all = all && strings.Contains(text, w)
		}
		if all {
			res.Total++
			if len(res.Hits) < limit {
				res.Hits = append(res.Hits, h)
			}
		}
	}
	return res, nil
}
