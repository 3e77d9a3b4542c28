package storage

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// importList is what one calendar file might give: a coffee with Ana, a
// lunch with Ana and Ben at a time with sub-millisecond digits in another
// zone, and a one-on-one with Ben.
func importList(ana, ben int64) []model.Interaction {
	paris := time.FixedZone("CET", 3600)
	return []model.Interaction{
		{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -10), Summary: "Coffee", PersonIDs: []int64{ana}},
		{Kind: model.KindLunch, At: time.Date(2026, 11, 20, 13, 0, 0, 123_456_789, paris), Summary: "Team lunch",
			PersonIDs: []int64{ben, ana}},
		{Kind: model.KindOneOnOne, At: testNow.AddDate(0, 0, -2), PersonIDs: []int64{ben}},
	}
}

func TestImportInteractionsTwiceAddsNothingTheSecondTime(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
	list := importList(ana.ID, ben.ID)
	original := importList(ana.ID, ben.ID)

	added, skipped, err := s.ImportInteractions(ctx, list)
	if err != nil || added != 3 || skipped != 0 {
		t.Fatalf("first import = %d added, %d skipped, %v; want 3, 0", added, skipped, err)
	}
	if !reflect.DeepEqual(list, original) {
		t.Errorf("the import changed its argument:\n got %+v\nwant %+v", list, original)
	}
	got, err := s.InteractionsWith(ctx, ana.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Summary != "Team lunch" || !reflect.DeepEqual(got[0].PersonIDs, []int64{ana.ID, ben.ID}) ||
		!got[0].CreatedAt.Equal(testNow) || !got[0].UpdatedAt.Equal(testNow) {
		t.Errorf("Ana's interactions after the import: %+v", got)
	}

	before := stateOf(t, s)
	added, skipped, err = s.ImportInteractions(ctx, list)
	if err != nil || added != 0 || skipped != 3 {
		t.Fatalf("second import = %d added, %d skipped, %v; want 0, 3", added, skipped, err)
	}
	if after := stateOf(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("the second import changed the database:\nbefore %+v\nafter  %+v", before, after)
	}
}

// What counts as a duplicate of a stored coffee with Ana and Ben.
func TestImportInteractionsDuplicates(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben, cy := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben"), mustCreatePerson(t, s, "Cy")
	at := testNow.AddDate(0, 0, -3)
	stored := model.Interaction{Kind: model.KindCoffee, At: at, Summary: "Coffee", PersonIDs: []int64{ana.ID, ben.ID}}
	if err := s.CreateInteraction(ctx, &stored); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(i *model.Interaction)
		dup    bool
	}{
		{"identical", func(i *model.Interaction) {}, true},
		{"people in another order", func(i *model.Interaction) { i.PersonIDs = []int64{ben.ID, ana.ID} }, true},
		{"same instant in another zone", func(i *model.Interaction) { i.At = at.In(time.FixedZone("EST", -5*3600)) }, true},
		{"within the same millisecond", func(i *model.Interaction) { i.At = at.Add(999 * time.Microsecond) }, true},
		{"other summary and notes", func(i *model.Interaction) { i.Summary, i.Notes = "Catch-up", "x" }, true},
		{"another kind", func(i *model.Interaction) { i.Kind = model.KindLunch }, false},
		{"a minute later", func(i *model.Interaction) { i.At = at.Add(time.Minute) }, false},
		{"fewer people", func(i *model.Interaction) { i.PersonIDs = []int64{ana.ID} }, false},
		{"more people", func(i *model.Interaction) { i.PersonIDs = []int64{ana.ID, ben.ID, cy.ID} }, false},
		{"other people", func(i *model.Interaction) { i.PersonIDs = []int64{ana.ID, cy.ID} }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := model.Interaction{Kind: stored.Kind, At: stored.At, Summary: stored.Summary,
				PersonIDs: []int64{ana.ID, ben.ID}}
			tt.change(&i)
			// In a transaction rolled back afterwards, so cases don't meet.
			tx, err := s.db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			i.PersonIDs = slices.Sorted(slices.Values(i.PersonIDs))
			got, err := isDuplicateInteraction(ctx, tx, i)
			if err != nil || got != tt.dup {
				t.Errorf("duplicate = %v, %v; want %v", got, err, tt.dup)
			}
		})
	}

	// And through ImportInteractions: a list repeating itself adds once.
	twice := []model.Interaction{
		{Kind: model.KindLunch, At: at, PersonIDs: []int64{cy.ID}},
		{Kind: model.KindLunch, At: at, PersonIDs: []int64{cy.ID}},
		{Kind: model.KindCoffee, At: at, PersonIDs: []int64{ben.ID, ana.ID}},
	}
	added, skipped, err := s.ImportInteractions(ctx, twice)
	if err != nil || added != 1 || skipped != 2 {
		t.Errorf("import = %d added, %d skipped, %v; want 1, 2", added, skipped, err)
	}
}

// A list with a bad interaction anywhere in it writes nothing, and the
// error says which one.
func TestImportInteractionsRefusesWholeList(t *testing.T) {
	tests := []struct {
		name     string
		prepare  func(t *testing.T, s *Store) // optional
		spoil    func(list []model.Interaction) []model.Interaction
		position string
		check    func(err error) bool
	}{
		{
			name: "unknown person",
			spoil: func(list []model.Interaction) []model.Interaction {
				list[1].PersonIDs = append(list[1].PersonIDs, 999)
				return list
			},
			position: "interaction 2:",
			check:    func(err error) bool { return errors.Is(err, ErrNotFound) && strings.Contains(err.Error(), "999") },
		},
		{
			name: "no date",
			spoil: func(list []model.Interaction) []model.Interaction {
				list[2].At = time.Time{}
				return list
			},
			position: "interaction 3:",
			check:    isValidationError,
		},
		{
			name: "unknown kind",
			spoil: func(list []model.Interaction) []model.Interaction {
				list[0].Kind = "telepathy"
				return list
			},
			position: "interaction 1:",
			check:    isValidationError,
		},
		{
			name: "nobody",
			spoil: func(list []model.Interaction) []model.Interaction {
				return append(list, model.Interaction{Kind: model.KindMessage, At: testNow})
			},
			position: "interaction 4:",
			check:    isValidationError,
		},
		{
			// A failure after two interactions were written undoes them.
			name: "failure at the third insert",
			prepare: func(t *testing.T, s *Store) {
				if _, err := s.db.ExecContext(t.Context(), `CREATE TRIGGER refuse_one_on_one BEFORE INSERT
					ON interaction WHEN NEW.kind = 'one_on_one' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`); err != nil {
					t.Fatal(err)
				}
			},
			spoil:    func(list []model.Interaction) []model.Interaction { return list },
			position: "interaction 3:",
			check:    func(err error) bool { return strings.Contains(err.Error(), "refused by test") },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			ana, ben := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben")
			if tt.prepare != nil {
				tt.prepare(t, s)
			}
			before := stateOf(t, s)
			added, skipped, err := s.ImportInteractions(t.Context(), tt.spoil(importList(ana.ID, ben.ID)))
			if err == nil || !tt.check(err) || !strings.Contains(err.Error(), tt.position) {
				t.Fatalf("ImportInteractions = %d, %d, %v; want an error naming %q", added, skipped, err, tt.position)
			}
			if added != 0 || skipped != 0 {
				t.Errorf("a refused import reported %d added, %d skipped", added, skipped)
			}
			if after := stateOf(t, s); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused import changed the database:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}

// The people in imported interactions get their last contact and credits
// in the same transaction; others are left alone.
func TestImportInteractionsUpdatesLastContactAndCredits(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	ana, ben, cy := mustCreatePerson(t, s, "Ana"), mustCreatePerson(t, s, "Ben"), mustCreatePerson(t, s, "Cy")
	if _, _, err := s.ImportInteractions(ctx, importList(ana.ID, ben.ID)); err != nil {
		t.Fatal(err)
	}
	lunch := time.Date(2026, 11, 20, 12, 0, 0, 123_000_000, time.UTC) // as stored
	tests := []struct {
		person model.Person
		last   time.Time
	}{
		{ana, lunch},
		{ben, testNow.AddDate(0, 0, -2)},
		{cy, time.Time{}},
	}
	for _, tt := range tests {
		if got := lastContactOf(t, s, tt.person.ID); !got.Equal(tt.last) {
			t.Errorf("%s: last contact %v, want %v", tt.person.Name, got, tt.last)
		}
		b := balanceOf(t, s, tt.person.ID)
		if tt.last.IsZero() != (b == 0) {
			t.Errorf("%s: balance %v after the import", tt.person.Name, b)
		}
	}
}

func TestImportInteractionsEmptyList(t *testing.T) {
	s := mustOpen(t)
	mustCreatePerson(t, s, "Ana")
	before := stateOf(t, s)
	added, skipped, err := s.ImportInteractions(t.Context(), nil)
	if err != nil || added != 0 || skipped != 0 {
		t.Errorf("ImportInteractions(nil) = %d, %d, %v", added, skipped, err)
	}
	if after := stateOf(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("an empty import changed the database")
	}
}
