package storage

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"rapport/model"
)

// imported is a person as a file would give them, at line.
func imported(line int, name, org string, emails ...string) model.ImportedPerson {
	p := model.ImportedPerson{Line: line, Person: model.Person{Name: name, Organisation: org}, Emails: emails}
	if len(emails) > 0 {
		p.Person.Email = emails[0]
	}
	return p
}

// allPeople lists everyone, active and archived, as MatchImport needs.
func allPeople(t *testing.T, s *Store) []model.PersonSummary {
	t.Helper()
	var out []model.PersonSummary
	for _, archived := range []bool{false, true} {
		people, err := s.People(t.Context(), archived)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, people...)
	}
	return out
}

func TestImportPeople(t *testing.T) {
	s := mustOpen(t)
	dana := fullPerson()
	dana.Name, dana.Email, dana.Title, dana.Phone = "Dana Reyes", "dana@acme.example", "Director", ""
	if err := s.CreatePerson(t.Context(), &dana); err != nil {
		t.Fatal(err)
	}
	kim := mustCreatePerson(t, s, "Kim Ito")
	if err := s.ArchivePerson(t.Context(), kim.ID); err != nil {
		t.Fatal(err)
	}

	danaIn := imported(5, "Dana M. Reyes", "Acme Corp", "DANA@acme.example")
	danaIn.Person.Title, danaIn.Person.Phone, danaIn.Person.Notes = "VP Engineering", "+1 415 555 0100", "LinkedIn: https://example.com/dana"
	samIn := imported(6, "Sam Lee", "Initech", "sam@example.com")
	samIn.Person.FirstMet = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	people := []model.ImportedPerson{
		danaIn,
		samIn,
		imported(7, "Samuel Lee", "", "sam@example.com"), // earlier in the file: skipped
		imported(8, "Kim Ito", ""),                       // archived: merged
		imported(9, "Lee Chen", "Globex"),
	}
	matches := model.MatchImport(people, allPeople(t, s))
	later := testNow.Add(time.Hour)
	setClock(s, later)
	added, merged, skipped, err := s.ImportPeople(t.Context(), model.FormatLinkedIn, matches)
	if err != nil {
		t.Fatal(err)
	}
	if added != 2 || merged != 2 || skipped != 1 {
		t.Errorf("added %d, merged %d, skipped %d; want 2, 2, 1", added, merged, skipped)
	}

	got, err := s.Person(t.Context(), dana.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := dana
	want.Phone = "+1 415 555 0100"
	want.Notes = dana.Notes + "\n\nImported from LinkedIn connections:\nTitle: VP Engineering\nOrganisation: Acme Corp\nLinkedIn: https://example.com/dana"
	want.UpdatedAt = later
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged Dana:\n got %+v\nwant %+v", got, want)
	}
	if got, _ := s.Person(t.Context(), kim.ID); !got.Archived() || got.Name != "Kim Ito" {
		t.Errorf("merged Kim: %+v", got)
	}

	active, err := s.People(t.Context(), false)
	if err != nil {
		t.Fatal(err)
	}
	var sam model.Person
	for _, p := range active {
		if p.Name == "Sam Lee" {
			sam = p.Person
		}
	}
	wantSam := model.NewPerson("Sam Lee")
	wantSam.ID, wantSam.Organisation, wantSam.Email = sam.ID, "Initech", "sam@example.com"
	wantSam.FirstMet, wantSam.CreatedAt, wantSam.UpdatedAt = samIn.Person.FirstMet, later, later
	if !reflect.DeepEqual(sam, wantSam) {
		t.Errorf("added Sam:\n got %+v\nwant %+v", sam, wantSam)
	}
	if n := countRows(t, s, "person"); n != 4 {
		t.Errorf("%d people stored, want 4", n)
	}

	// The same file again: everyone is a duplicate, and nothing changes.
	again := model.MatchImport(people, allPeople(t, s))
	for _, m := range again {
		if !m.Duplicate() {
			t.Errorf("line %d not a duplicate the second time", m.Imported.Line)
		}
	}
	setClock(s, later.Add(time.Hour))
	if _, _, _, err := s.ImportPeople(t.Context(), model.FormatLinkedIn, again); err != nil {
		t.Fatal(err)
	}
	if got2, _ := s.Person(t.Context(), dana.ID); !reflect.DeepEqual(got2, got) {
		t.Errorf("importing twice changed Dana:\n%+v\n%+v", got2, got)
	}
	if n := countRows(t, s, "person"); n != 4 {
		t.Errorf("%d people stored after importing twice, want 4", n)
	}
}

func TestImportPeopleIsAllOrNothing(t *testing.T) {
	s := mustOpen(t)
	dana := mustCreatePerson(t, s, "Dana Reyes")
	bad := imported(12, "Sam\nLee", "")
	tooLong := model.ImportedPerson{Line: 14, Person: model.Person{Name: "Kim", Notes: strings.Repeat("n", model.MaxLongText)}}
	tests := []struct {
		name    string
		matches []model.ImportMatch
		wantErr string
		wantIs  error
	}{
		{"invalid person added", []model.ImportMatch{
			{Imported: imported(10, "Ana", "", "ana@example.com"), Action: model.ImportAdd},
			{Imported: imported(11, "Bo", "Acme"), ExistingID: dana.ID, Action: model.ImportMerge},
			{Imported: bad, Action: model.ImportAdd},
		}, "line 12: invalid person: name must be a single line", nil},
		{"merge too long", []model.ImportMatch{
			{Imported: imported(10, "Ana", ""), Action: model.ImportAdd},
			{Imported: tooLong, ExistingID: dana.ID, Action: model.ImportMerge},
		}, "line 14: invalid person: notes is too long", nil},
		{"merge into nobody", []model.ImportMatch{
			{Imported: imported(10, "Ana", ""), Action: model.ImportAdd},
			{Imported: imported(3, "Gone", ""), ExistingID: 999, Action: model.ImportMerge},
		}, "line 3: person 999: not found", ErrNotFound},
		{"unknown action", []model.ImportMatch{
			{Imported: imported(10, "Ana", ""), Action: model.ImportAdd},
			{Imported: imported(4, "Bo", ""), Action: "replace"},
		}, `line 4: cannot replace "Bo"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := s.Person(t.Context(), dana.ID)
			_, _, _, err := s.ImportPeople(t.Context(), model.FormatVCard, tt.matches)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to say %q", err, tt.wantErr)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("err = %v, want %v", err, tt.wantIs)
			}
			if n := countRows(t, s, "person"); n != 1 {
				t.Errorf("%d people stored after a failed import, want 1", n)
			}
			if after, _ := s.Person(t.Context(), dana.ID); !reflect.DeepEqual(after, before) {
				t.Errorf("Dana changed by a failed import:\n%+v\n%+v", after, before)
			}
		})
	}
}

func TestImportPeopleMergeEarlierInFile(t *testing.T) {
	s := mustOpen(t)
	first := imported(2, "Sam Lee", "Initech", "sam@example.com")
	second := imported(3, "Sam Lee", "Initech", "sam@example.com", "sam@home.example")
	second.Person.Title, second.Person.Notes = "CTO", "Other emails: sam@home.example"
	third := imported(4, "Kim Ito", "Globex")
	fourth := imported(5, "Kim Ito", "Globex")
	matches := model.MatchImport([]model.ImportedPerson{first, second, third, fourth}, nil)
	matches[1].Action = model.ImportMerge // into Sam, added from line 2
	matches[2].Action = model.ImportSkip
	matches[3].Action = model.ImportMerge // into Kim, who was skipped: added
	added, merged, skipped, err := s.ImportPeople(t.Context(), model.FormatVCard, matches)
	if err != nil {
		t.Fatal(err)
	}
	if added != 2 || merged != 1 || skipped != 1 {
		t.Errorf("added %d, merged %d, skipped %d; want 2, 1, 1", added, merged, skipped)
	}
	people, _ := s.People(t.Context(), false)
	if len(people) != 2 {
		t.Fatalf("%d people", len(people))
	}
	sam := people[1].Person
	if sam.Name != "Sam Lee" || sam.Title != "CTO" || !strings.Contains(sam.Notes, "sam@home.example") {
		t.Errorf("Sam = %+v", sam)
	}
}

func TestImportPeopleNothing(t *testing.T) {
	s := mustOpen(t)
	if a, m, k, err := s.ImportPeople(t.Context(), model.FormatVCard, nil); err != nil || a+m+k != 0 {
		t.Errorf("ImportPeople(nil) = %d, %d, %d, %v", a, m, k, err)
	}
}

// BenchmarkImportPeople30000 stores a 30,000-person LinkedIn import into a
// database of 5,000, a sixth of them merges: the write after the preview.
func BenchmarkImportPeople30000(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s := mustOpen(b)
		var existing []model.PersonSummary
		for i := range 5_000 {
			p := model.NewPerson(fmt.Sprintf("Existing %d", i))
			p.Email = fmt.Sprintf("person%d@example.com", i*6)
			if err := s.CreatePerson(b.Context(), &p); err != nil {
				b.Fatal(err)
			}
			existing = append(existing, model.PersonSummary{Person: p})
		}
		people := make([]model.ImportedPerson, 30_000)
		for i := range people {
			people[i] = imported(i+5, fmt.Sprintf("Person %d", i), "Acme", fmt.Sprintf("person%d@example.com", i))
			people[i].Person.Title = "Engineer"
		}
		matches := model.MatchImport(people, existing)
		b.StartTimer()
		added, merged, _, err := s.ImportPeople(b.Context(), model.FormatLinkedIn, matches)
		if err != nil {
			b.Fatal(err)
		}
		if added != 25_000 || merged != 5_000 {
			b.Fatalf("added %d, merged %d", added, merged)
		}
	}
}
