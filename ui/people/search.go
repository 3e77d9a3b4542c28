package people

import (
	"context"
	"strings"

	"rapport/model"
)

// searchHint is the placeholder of the People search.
const searchHint = "Search people (Ctrl+F)"

// usesFilters reports whether text uses the search's filters ("word:") or
// a "quoted phrase": the store's index answers those, the list itself
// plain words (names, titles, teams, organisations, e-mails).
func usesFilters(text string) bool {
	if strings.Contains(text, `"`) {
		return true
	}
	for _, f := range strings.Fields(text) {
		if i := strings.Index(f, ":"); i > 0 {
			return true
		}
	}
	return false
}

// searched is the positions in the list of the people the store's search
// finds for text, in the list's order, among those keep keeps.
func (s *Screen) searched(text string, keep func(i int) bool) ([]int, error) {
	q := model.ParseSearch(text, s.now())
	q.Kinds, q.Frame = []model.HitKind{model.HitPerson}, false
	res, err := s.store.Search(context.Background(), q, max(len(s.all), 1))
	if err != nil {
		return nil, err
	}
	found := make(map[int64]bool, len(res.Hits))
	for _, h := range res.Hits {
		if h.Kind == model.HitPerson {
			found[h.ID] = true
		}
	}
	var shown []int
	for i, p := range s.all {
		if found[p.ID] && keep(i) {
			shown = append(shown, i)
		}
	}
	return shown, nil
}
