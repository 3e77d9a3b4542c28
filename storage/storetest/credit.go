package storetest

import (
	"testing"
	"time"

	"rapport/model"
	"rapport/storage"
)

// Team is the cast CreditTeam adds, as stored.
type Team struct {
	Boss, Aisha, Kenji, Carl model.Person
}

// CreditTeam adds a manager (Helena Sørensen, Leadership), two team mates
// in Platform (Aisha Bello, thanked in public six days before now and
// with a private note, and Kenji Watanabe, never thanked, who helped ten
// days before now) and an influential peer in Sales never contacted (Carl
// Xu); Aisha kept a promise to the user twelve days before now.
func CreditTeam(tb testing.TB, s *storage.Store, now time.Time) Team {
	tb.Helper()
	add := func(name, title, team string, rel model.Relation, edit func(*model.Person)) model.Person {
		p := model.NewPerson(name)
		p.Title, p.Team, p.Relation = title, team, rel
		if edit != nil {
			edit(&p)
		}
		if err := s.CreatePerson(tb.Context(), &p); err != nil {
			tb.Fatalf("add person %q: %v", name, err)
		}
		return p
	}
	t := Team{
		Boss:  add("Helena Sørensen", "VP", "Leadership", model.RelationManager, nil),
		Aisha: add("Aisha Bello", "Engineer", "Platform", model.RelationTeamMate, func(p *model.Person) { p.Notes = "PRIVATE: going through a hard time" }),
		Kenji: add("Kenji Watanabe", "Engineer", "Platform", model.RelationTeamMate, nil),
		Carl:  add("Carl Xu", "Director", "Sales", model.RelationPeer, func(p *model.Person) { p.Influence = 4 }),
	}
	for _, i := range []model.Interaction{
		{Kind: model.KindThanksPublic, At: now.AddDate(0, 0, -6), PersonIDs: []int64{t.Aisha.ID}, Summary: "Shout-out at the all-hands"},
		{Kind: model.KindHelpReceived, At: now.AddDate(0, 0, -10), PersonIDs: []int64{t.Kenji.ID}, Summary: "Reviewed my migration plan"},
	} {
		if err := s.CreateInteraction(tb.Context(), &i); err != nil {
			tb.Fatal(err)
		}
	}
	Promise(tb, s, model.Promise{Direction: model.DirectionTheirs, PersonID: t.Aisha.ID, What: "Pair on the flaky test suite",
		MadeOn: model.Day(now.AddDate(0, 0, -30)), Status: model.PromiseKept, ResolvedOn: model.Day(now.AddDate(0, 0, -12))})
	return t
}
