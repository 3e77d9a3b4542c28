package promises

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"rapport/model"
	"rapport/ui/kit"
)

// Choices of the filters that are not a single status or direction.
const (
	allDirections  = "Both ways"
	pendingFilter  = "Pending"
	allStatuses    = "Any status"
	resolvedHeader = "Resolved"
)

// groupOrder is the order of the list's sections.
var groupOrder = []string{"Overdue", "Due in the next 7 days", "Later", "No due date", resolvedHeader}

// applyFilter rebuilds the rows from the filters: pending promises grouped
// overdue, due this week, later and undated; resolved ones latest first.
func (s *Screen) applyFilter() {
	if s.list == nil || s.people == nil {
		return
	}
	groups, shown := s.grouped(s.now())
	s.rows = s.rows[:0]
	for _, g := range groupOrder {
		if len(groups[g]) == 0 {
			continue
		}
		s.rows = append(s.rows, row{header: fmt.Sprintf("%s · %d", g, len(groups[g]))})
		for _, p := range groups[g] {
			s.rows = append(s.rows, row{promise: p})
		}
	}
	s.sizeHeaders()
	s.count.SetText(countText(len(s.all), shown))
	s.list.Refresh()
}

// grouped is the promises the filters let through, by section, resolved
// ones latest first, and how many they are.
func (s *Screen) grouped(now time.Time) (map[string][]model.Promise, int) {
	dir, dirOK := model.FromLabel(model.Directions(), s.direction.Selected)
	status, statusOK := model.FromLabel(model.PromiseStatuses(), s.status.Selected)
	query := model.Fold(strings.TrimSpace(s.person.Text))
	groups := map[string][]model.Promise{}
	shown := 0
	for _, p := range s.all {
		switch {
		case dirOK && p.Direction != dir:
			continue
		case statusOK && p.Status != status:
			continue
		case s.status.Selected == pendingFilter && !p.Status.Pending():
			continue
		case query != "" && !strings.Contains(model.Fold(s.people[p.PersonID].Name+" "+p.What), query):
			continue
		}
		shown++
		g := groupOf(p, now)
		groups[g] = append(groups[g], p)
	}
	slices.SortStableFunc(groups[resolvedHeader], func(a, b model.Promise) int {
		return b.ResolvedOn.Compare(a.ResolvedOn)
	})
	return groups, shown
}

// groupOf is the section of the list p goes in at now.
func groupOf(p model.Promise, now time.Time) string {
	switch {
	case !p.Status.Pending():
		return resolvedHeader
	case p.Overdue(now):
		return groupOrder[0]
	case p.DueOn.IsZero():
		return groupOrder[3]
	case p.DueWithin(now, model.DueSoonDays):
		return groupOrder[1]
	}
	return groupOrder[2]
}

// countText says how many promises are shown of all, or why none are.
func countText(all, shown int) string {
	switch {
	case all == 0:
		return "No promises yet. Add one with Ctrl+P, from a person's page, or after a meeting."
	case shown == 0:
		return "No promises match these filters."
	}
	return fmt.Sprintf("%s shown of %d", kit.Plural(shown, "promise", "promises"), all)
}
