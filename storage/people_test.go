package storage

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"rapport/model"
)

func fullPerson() model.Person {
	return model.Person{
		Name: "Zoë Ångström", Title: "Head of Design", Team: "Design", Organisation: "Northwind Labs",
		Email: "zoe@northwind.example", Phone: "+44 20 7946 0000", Relation: model.RelationLeader,
		Influence: 4, Stance: model.StanceSkeptic, CadenceDays: 45,
		WorkingOn: "The design system", Needs: "An engineer to pair with", Notes: "Prefers mornings.\nLikes data.",
		FirstMet: time.Date(2023, 5, 2, 0, 0, 0, 0, time.UTC),
	}
}

func TestPersonRoundTrip(t *testing.T) {
	s := mustOpen(t)
	p := fullPerson()
	if err := s.CreatePerson(t.Context(), &p); err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || !p.CreatedAt.Equal(testNow) || !p.UpdatedAt.Equal(testNow) {
		t.Fatalf("after create: id %d created %v updated %v", p.ID, p.CreatedAt, p.UpdatedAt)
	}
	got, err := s.Person(t.Context(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, p)
	}

	later := testNow.Add(time.Hour)
	setClock(s, later)
	got.Stance = model.StanceSupporter
	got.Notes = ""
	if err := s.UpdatePerson(t.Context(), &got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Person(t.Context(), p.ID)
	if again.Stance != model.StanceSupporter || again.Notes != "" || !again.UpdatedAt.Equal(later) || !again.CreatedAt.Equal(testNow) {
		t.Errorf("after update: %+v", again)
	}
}

func TestPersonValidationAndNotFound(t *testing.T) {
	s := mustOpen(t)
	p := fullPerson()
	p.Name = ""
	p.Email = "not an email"
	err := s.CreatePerson(t.Context(), &p)
	var v *model.ValidationError
	if !errors.As(err, &v) || v.For("name") == "" || v.For("email") == "" {
		t.Fatalf("CreatePerson(invalid) = %v", err)
	}
	if n := countRows(t, s, "person"); n != 0 {
		t.Errorf("%d rows written by an invalid create", n)
	}
	if _, err := s.Person(t.Context(), 42); !errors.Is(err, ErrNotFound) {
		t.Errorf("Person(42) error = %v, want ErrNotFound", err)
	}
	ghost := fullPerson()
	ghost.ID = 42
	if err := s.UpdatePerson(t.Context(), &ghost); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdatePerson(42) error = %v, want ErrNotFound", err)
	}
	if err := s.ArchivePerson(t.Context(), 42); !errors.Is(err, ErrNotFound) {
		t.Errorf("ArchivePerson(42) error = %v, want ErrNotFound", err)
	}
}

func TestPeopleListArchiveRestoreAndTrash(t *testing.T) {
	s := mustOpen(t)
	dana := mustCreatePerson(t, s, "dana Reyes")
	ben := mustCreatePerson(t, s, "Ben Okafor")
	chen := mustCreatePerson(t, s, "Chen Wei")
	names := func(archived bool) []string {
		list, err := s.People(t.Context(), archived)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range list {
			out = append(out, p.Name)
		}
		return out
	}
	if got, want := names(false), []string{"Ben Okafor", "Chen Wei", "dana Reyes"}; !reflect.DeepEqual(got, want) {
		t.Errorf("People = %v, want %v (case-insensitive order)", got, want)
	}
	// An interaction with Ben and Dana, and one only with Ben.
	both := model.Interaction{Kind: model.KindLunch, At: testNow.Add(-48 * time.Hour), PersonIDs: []int64{ben.ID, dana.ID}}
	solo := model.Interaction{Kind: model.KindCoffee, At: testNow.Add(-24 * time.Hour), PersonIDs: []int64{ben.ID}}
	for _, i := range []*model.Interaction{&both, &solo} {
		if err := s.CreateInteraction(t.Context(), i); err != nil {
			t.Fatal(err)
		}
	}

	if err := s.ArchivePerson(t.Context(), dana.ID); err != nil {
		t.Fatal(err)
	}
	if got, want := names(false), []string{"Ben Okafor", "Chen Wei"}; !reflect.DeepEqual(got, want) {
		t.Errorf("active after archive = %v, want %v", got, want)
	}
	if got, want := names(true), []string{"dana Reyes"}; !reflect.DeepEqual(got, want) {
		t.Errorf("trash = %v, want %v", got, want)
	}
	if p, _ := s.Person(t.Context(), dana.ID); !p.ArchivedAt.Equal(testNow) {
		t.Errorf("archived at %v, want %v", p.ArchivedAt, testNow)
	}
	if err := s.RestorePerson(t.Context(), dana.ID); err != nil {
		t.Fatal(err)
	}
	if got := names(true); len(got) != 0 {
		t.Errorf("trash after restore = %v", got)
	}

	// Emptying the trash deletes Chen and Ben for good, and the interaction
	// only Ben had, but keeps the one Dana shared.
	s.ArchivePerson(t.Context(), chen.ID)
	s.ArchivePerson(t.Context(), ben.ID)
	n, err := s.EmptyTrash(t.Context())
	if err != nil || n != 2 {
		t.Fatalf("EmptyTrash = %d, %v; want 2", n, err)
	}
	if _, err := s.Person(t.Context(), ben.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Ben still there after emptying the trash: %v", err)
	}
	if _, err := s.Interaction(t.Context(), solo.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Ben's solo interaction survived: %v", err)
	}
	kept, err := s.Interaction(t.Context(), both.ID)
	if err != nil || !reflect.DeepEqual(kept.PersonIDs, []int64{dana.ID}) {
		t.Errorf("shared interaction = %+v, %v; want it kept with Dana only", kept, err)
	}
	if got, want := names(false), []string{"dana Reyes"}; !reflect.DeepEqual(got, want) {
		t.Errorf("active after emptying = %v, want %v", got, want)
	}
}

func TestLastContactIgnoresTheFuture(t *testing.T) {
	s := mustOpen(t)
	dana := mustCreatePerson(t, s, "Dana")
	past := testNow.Add(-72 * time.Hour)
	for _, at := range []time.Time{past.Add(-240 * time.Hour), past, testNow.Add(48 * time.Hour)} {
		i := model.Interaction{Kind: model.KindCoffee, At: at, PersonIDs: []int64{dana.ID}}
		if err := s.CreateInteraction(t.Context(), &i); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.People(t.Context(), false)
	if err != nil || len(list) != 1 {
		t.Fatal(list, err)
	}
	if !list[0].LastContact.Equal(past) {
		t.Errorf("last contact = %v, want %v (the latest not in the future)", list[0].LastContact, past)
	}
}

func TestInteractionRoundTripUpdateDelete(t *testing.T) {
	s := mustOpen(t)
	dana := mustCreatePerson(t, s, "Dana")
	ben := mustCreatePerson(t, s, "Ben")
	i := model.Interaction{Kind: model.KindHelpGiven, At: time.Date(2026, 11, 20, 15, 4, 5, 123e6, time.UTC),
		Summary: "Reviewed her RFC", Notes: "She needs a sponsor, line two", PersonIDs: []int64{ben.ID, dana.ID}}
	if err := s.CreateInteraction(t.Context(), &i); err != nil {
		t.Fatal(err)
	}
	got, err := s.Interaction(t.Context(), i.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, i) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, i)
	}

	got.PersonIDs = []int64{dana.ID}
	got.At = got.At.Add(-24 * time.Hour)
	if err := s.UpdateInteraction(t.Context(), &got); err != nil {
		t.Fatal(err)
	}
	withBen, _ := s.InteractionsWith(t.Context(), ben.ID, 0)
	withDana, _ := s.InteractionsWith(t.Context(), dana.ID, 0)
	if len(withBen) != 0 || len(withDana) != 1 || !withDana[0].At.Equal(got.At) {
		t.Errorf("after update: with Ben %v, with Dana %v", withBen, withDana)
	}

	// A participant who does not exist is refused, and nothing is written.
	bad := model.Interaction{Kind: model.KindCoffee, At: testNow, PersonIDs: []int64{dana.ID, 999}}
	if err := s.CreateInteraction(t.Context(), &bad); err == nil {
		t.Error("interaction with an unknown person was stored")
	}
	if n := countRows(t, s, "interaction"); n != 1 {
		t.Errorf("%d interactions after a refused one, want 1", n)
	}

	if err := s.DeleteInteraction(t.Context(), i.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteInteraction(t.Context(), i.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete = %v, want ErrNotFound", err)
	}
	if n := countRows(t, s, "interaction_person"); n != 0 {
		t.Errorf("%d participant rows left after delete", n)
	}
}

func TestInteractionsWithNewestFirstAndLimit(t *testing.T) {
	s := mustOpen(t)
	dana := mustCreatePerson(t, s, "Dana")
	for d := 1; d <= 5; d++ {
		i := model.Interaction{Kind: model.KindMessage, At: testNow.AddDate(0, 0, -d), PersonIDs: []int64{dana.ID}}
		if err := s.CreateInteraction(t.Context(), &i); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.InteractionsWith(t.Context(), dana.ID, 3)
	if err != nil || len(got) != 3 {
		t.Fatalf("InteractionsWith(limit 3) = %d, %v", len(got), err)
	}
	for k, i := range got {
		if want := testNow.AddDate(0, 0, -(k + 1)); !i.At.Equal(want) {
			t.Errorf("item %d at %v, want %v", k, i.At, want)
		}
	}
}

func TestLastContactFollowsEditsAndDeletes(t *testing.T) {
	s := mustOpen(t)
	dana := mustCreatePerson(t, s, "Dana")
	ben := mustCreatePerson(t, s, "Ben")
	last := func(id int64) time.Time {
		t.Helper()
		list, err := s.People(t.Context(), false)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range list {
			if p.ID == id {
				return p.LastContact
			}
		}
		t.Fatalf("person %d not listed", id)
		return time.Time{}
	}
	early := model.Interaction{Kind: model.KindCoffee, At: testNow.AddDate(0, 0, -10), PersonIDs: []int64{dana.ID}}
	late := model.Interaction{Kind: model.KindLunch, At: testNow.AddDate(0, 0, -2), PersonIDs: []int64{dana.ID}}
	for _, i := range []*model.Interaction{&early, &late} {
		if err := s.CreateInteraction(t.Context(), i); err != nil {
			t.Fatal(err)
		}
	}
	if got := last(dana.ID); !got.Equal(late.At) {
		t.Fatalf("last contact = %v, want %v", got, late.At)
	}
	// Moving the late lunch from Dana to Ben moves the last contacts too.
	late.PersonIDs = []int64{ben.ID}
	if err := s.UpdateInteraction(t.Context(), &late); err != nil {
		t.Fatal(err)
	}
	if got := last(dana.ID); !got.Equal(early.At) {
		t.Errorf("Dana's last contact after the move = %v, want %v", got, early.At)
	}
	if got := last(ben.ID); !got.Equal(late.At) {
		t.Errorf("Ben's last contact after the move = %v, want %v", got, late.At)
	}
	if err := s.DeleteInteraction(t.Context(), early.ID); err != nil {
		t.Fatal(err)
	}
	if got := last(dana.ID); !got.IsZero() {
		t.Errorf("Dana's last contact after deleting her only interaction = %v, want none", got)
	}
}

func TestAnyPerson(t *testing.T) {
	s := mustOpen(t)
	ctx := t.Context()
	if any, err := s.AnyPerson(ctx); err != nil || any {
		t.Fatalf("new database: AnyPerson = %v, %v; want false", any, err)
	}
	p := mustCreatePerson(t, s, "Dana Reyes")
	if any, err := s.AnyPerson(ctx); err != nil || !any {
		t.Fatalf("with Dana: AnyPerson = %v, %v; want true", any, err)
	}
	if err := s.ArchivePerson(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if any, err := s.AnyPerson(ctx); err != nil || !any {
		t.Errorf("with Dana in the trash: AnyPerson = %v, %v; want true (the trash is not nobody)", any, err)
	}
}
