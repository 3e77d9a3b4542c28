package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestContactFormatLabel(t *testing.T) {
	tests := []struct {
		format ContactFormat
		want   string
	}{
		{FormatVCard, "vCard"},
		{FormatLinkedIn, "LinkedIn connections"},
		{FormatGoogle, "Google Contacts"},
		{FormatCalendar, "Calendar"},
	}
	for _, tt := range tests {
		if got := tt.format.Label(); got != tt.want {
			t.Errorf("%q.Label() = %q, want %q", tt.format, got, tt.want)
		}
		if !tt.format.Valid() {
			t.Errorf("%q not valid", tt.format)
		}
	}
	if ContactFormat("csv").Valid() {
		t.Error(`"csv" valid`)
	}
}

func TestImportActionLabel(t *testing.T) {
	tests := []struct {
		action ImportAction
		want   string
	}{
		{ImportAdd, "Add"},
		{ImportMerge, "Merge"},
		{ImportSkip, "Skip"},
	}
	for _, tt := range tests {
		if got := tt.action.Label(); got != tt.want {
			t.Errorf("%q.Label() = %q, want %q", tt.action, got, tt.want)
		}
	}
	if got, want := Labels(ImportActions()), []string{"Add", "Merge", "Skip"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Labels(ImportActions()) = %q, want %q", got, want)
	}
}

func TestImportProblemString(t *testing.T) {
	if got, want := (ImportProblem{Line: 12, Problem: "has no name"}).String(), "line 12: has no name"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := (ImportProblem{Problem: "empty"}).String(), "empty"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestContactDraftImport(t *testing.T) {
	long := strings.Repeat("x", MaxShortText+1)
	tests := []struct {
		name         string
		draft        ContactDraft
		wantOK       bool
		want         Person // the fields Import sets
		wantEmails   []string
		wantProblems []string
	}{
		{
			name: "tidied",
			draft: ContactDraft{Line: 3, Name: "  Dana\n  Reyes ", Title: "Director\tof\r\nEngineering",
				Organisation: "Acme\x00 Corp", Emails: []string{" DANA@acme.example ", "mailto:dana@home.example", "dana@acme.example", ""},
				Phones: []string{"tel:+1 415 555 0100", "", "+1 415 555 0199"}, Notes: "Line one\r\nLine two\x07\n",
				Tags: []string{"Work", "work", " Mentors "}, Related: []string{"Sam Lee"}, Extra: []string{"LinkedIn: https://example.com/dana"},
				FirstMet: time.Date(2024, 3, 14, 18, 30, 0, 0, time.FixedZone("PDT", -7*3600))},
			wantOK: true,
			want: Person{Name: "Dana Reyes", Title: "Director of Engineering", Organisation: "Acme Corp",
				Email: "DANA@acme.example", Phone: "+1 415 555 0100",
				Notes: "Line one\nLine two\n\nTags: Work, Mentors\nOther emails: dana@home.example\n" +
					"Other phones: +1 415 555 0199\nRelated: Sam Lee\nLinkedIn: https://example.com/dana",
				FirstMet: time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)},
			wantEmails: []string{"DANA@acme.example", "dana@home.example"},
		},
		{
			name:   "display name in an email",
			draft:  ContactDraft{Line: 1, Name: "Sam", Emails: []string{"Sam Lee <sam@example.com>"}},
			wantOK: true, want: Person{Name: "Sam", Email: "sam@example.com"}, wantEmails: []string{"sam@example.com"},
		},
		{
			name:   "invalid email kept in notes",
			draft:  ContactDraft{Line: 7, Name: "Jo", Emails: []string{"not an address", "jo@example.com"}},
			wantOK: true, want: Person{Name: "Jo", Email: "jo@example.com", Notes: "Other emails: not an address"},
			wantEmails:   []string{"jo@example.com"},
			wantProblems: []string{`line 7: email "not an address" is not an email address like name@example.com; kept in the notes`},
		},
		{
			name:   "too long title kept in notes",
			draft:  ContactDraft{Line: 2, Name: "Kim", Title: long},
			wantOK: true, want: Person{Name: "Kim", Notes: "Title: " + long},
			wantProblems: []string{"line 2: title is too long (201 characters; at most 200); kept in the notes"},
		},
		{
			name:         "no name",
			draft:        ContactDraft{Line: 9, Name: " \n ", Emails: []string{"a@example.com"}},
			wantProblems: []string{"line 9: has no name; left out"},
		},
		{
			name:         "name too long",
			draft:        ContactDraft{Line: 4, Name: long},
			wantProblems: []string{"line 4: name is too long (201 characters; at most 200); left out"},
		},
		{
			name:         "notes too long",
			draft:        ContactDraft{Line: 5, Name: "Lee", Notes: strings.Repeat("n", MaxLongText+1)},
			wantProblems: []string{"line 5: notes are too long (20001 characters; at most 20000); left out"},
		},
		{
			name:   "invalid UTF-8",
			draft:  ContactDraft{Line: 1, Name: "Ana\xff", Notes: "\xfe"},
			wantOK: true, want: Person{Name: "Ana\uFFFD", Notes: "\uFFFD"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problems, ok := tt.draft.Import()
			if ok != tt.wantOK {
				t.Fatalf("ok = %v, want %v (problems %v)", ok, tt.wantOK, problems)
			}
			var gotProblems []string
			for _, p := range problems {
				gotProblems = append(gotProblems, p.String())
			}
			if !reflect.DeepEqual(gotProblems, tt.wantProblems) {
				t.Errorf("problems = %q, want %q", gotProblems, tt.wantProblems)
			}
			if !ok {
				return
			}
			if got.Line != tt.draft.Line {
				t.Errorf("Line = %d, want %d", got.Line, tt.draft.Line)
			}
			if !reflect.DeepEqual(got.Person, tt.want) {
				t.Errorf("Person = %+v\nwant     %+v", got.Person, tt.want)
			}
			if !reflect.DeepEqual(got.Emails, tt.wantEmails) {
				t.Errorf("Emails = %q, want %q", got.Emails, tt.wantEmails)
			}
			if err := got.AsNew().Validate(); err != nil {
				t.Errorf("AsNew().Validate() = %v", err)
			}
		})
	}
}

func TestAsNew(t *testing.T) {
	in := ImportedPerson{Person: Person{ID: 9, Name: "Dana", Title: "CTO", CreatedAt: time.Now()}}
	got := in.AsNew()
	want := NewPerson("Dana")
	want.Title = "CTO"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AsNew() = %+v, want %+v", got, want)
	}
	in.Person.Relation, in.Person.Influence, in.Person.Stance = RelationMentor, 5, StanceChampion
	if got := in.AsNew(); got.Relation != RelationMentor || got.Influence != 5 || got.Stance != StanceChampion {
		t.Errorf("AsNew() dropped the chosen relation, influence or stance: %+v", got)
	}
}

func TestMatchImport(t *testing.T) {
	archived := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	existing := []PersonSummary{
		{Person: Person{ID: 1, Name: "Dana Reyes", Organisation: "Acme", Email: "dana@acme.example"}},
		{Person: Person{ID: 2, Name: "Sam Lee", Organisation: "Initech"}},
		{Person: Person{ID: 3, Name: "Kim Ito", Organisation: "Globex", Email: "kim@globex.example", ArchivedAt: archived}},
		{Person: Person{ID: 4, Name: "Ana Souza", Organisation: "", Email: ""}},
		{Person: Person{ID: 5, Name: "Jo Park", Email: "jo@example.com", ArchivedAt: archived}},
		{Person: Person{ID: 6, Name: "Jo Park", Email: "JO@example.com"}},
	}
	person := func(name, org string, emails ...string) ImportedPerson {
		p := ImportedPerson{Person: Person{Name: name, Organisation: org}, Emails: emails}
		if len(emails) > 0 {
			p.Person.Email = emails[0]
		}
		return p
	}
	tests := []struct {
		name string
		in   ImportedPerson
		want ImportMatch // without Imported
	}{
		{"new", person("Lee Chen", "Acme"), ImportMatch{Action: ImportAdd}},
		{"email, any case", person("D. Reyes", "Other", "DANA@ACME.example"),
			ImportMatch{ExistingID: 1, Existing: "Dana Reyes", By: MatchByEmail, Action: ImportMerge}},
		{"second email", person("Dana", "", "dana@home.example", "dana@acme.example"),
			ImportMatch{ExistingID: 1, Existing: "Dana Reyes", By: MatchByEmail, Action: ImportMerge}},
		{"email beats name", person("Sam Lee", "Initech", "dana@acme.example"),
			ImportMatch{ExistingID: 1, Existing: "Dana Reyes", By: MatchByEmail, Action: ImportMerge}},
		{"name and organisation, case and spaces folded", person(" sam  LEE", "INITECH "),
			ImportMatch{ExistingID: 2, Existing: "Sam Lee", By: MatchByName, Action: ImportMerge}},
		{"name alone is not enough", person("Sam Lee", "Acme"), ImportMatch{Action: ImportAdd}},
		{"name without organisation is not enough", person("Sam Lee", ""), ImportMatch{Action: ImportAdd}},
		{"both organisations empty", person("Ana Souza", ""),
			ImportMatch{ExistingID: 4, Existing: "Ana Souza", By: MatchByName, Action: ImportMerge}},
		{"accents are not folded", person("Ana Sóuza", ""), ImportMatch{Action: ImportAdd}},
		{"archived matched by email", person("Kim", "", "kim@globex.example"),
			ImportMatch{ExistingID: 3, Existing: "Kim Ito", By: MatchByEmail, Action: ImportMerge}},
		{"archived matched by name", person("Kim Ito", "Globex"),
			ImportMatch{ExistingID: 3, Existing: "Kim Ito", By: MatchByName, Action: ImportMerge}},
		{"active wins over archived", person("Jo", "", "jo@example.com"),
			ImportMatch{ExistingID: 6, Existing: "Jo Park", By: MatchByEmail, Action: ImportMerge}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MatchImport([]ImportedPerson{tt.in}, existing)
			want := tt.want
			want.Imported = tt.in
			if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
				t.Errorf("MatchImport = %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestMatchImportInFile(t *testing.T) {
	existing := []PersonSummary{{Person: Person{ID: 7, Name: "Dana Reyes", Organisation: "Acme", Email: "dana@acme.example"}}}
	people := []ImportedPerson{
		{Line: 2, Person: Person{Name: "Sam Lee", Organisation: "Initech", Email: "sam@example.com"}, Emails: []string{"sam@example.com"}},
		{Line: 3, Person: Person{Name: "Samuel Lee", Email: "SAM@example.com"}, Emails: []string{"SAM@example.com"}},
		{Line: 4, Person: Person{Name: "sam lee", Organisation: "initech"}},
		{Line: 5, Person: Person{Name: "Dana Reyes", Organisation: "Acme", Email: "dana@acme.example"}, Emails: []string{"dana@acme.example"}},
		{Line: 6, Person: Person{Name: "Dana R.", Email: "dana@acme.example"}, Emails: []string{"dana@acme.example"}},
		{Line: 7, Person: Person{Name: "Lee Chen"}},
	}
	got := MatchImport(people, existing)
	type short struct {
		id       int64
		existing string
		by       string
		action   ImportAction
	}
	want := []short{
		{0, "", "", ImportAdd},
		{-1, EarlierInFile, MatchByEmail, ImportSkip},
		{-1, EarlierInFile, MatchByName, ImportSkip},
		{7, "Dana Reyes", MatchByEmail, ImportMerge},
		{7, "Dana Reyes", MatchByEmail, ImportMerge}, // an existing person wins over the earlier line
		{0, "", "", ImportAdd},
	}
	for i, m := range got {
		if s := (short{m.ExistingID, m.Existing, m.By, m.Action}); s != want[i] {
			t.Errorf("line %d: got %+v, want %+v", m.Imported.Line, s, want[i])
		}
	}
	if got, want := InFileDuplicates(got), []int{-1, 0, 0, -1, -1, -1}; !reflect.DeepEqual(got, want) {
		t.Errorf("InFileDuplicates = %v, want %v", got, want)
	}
}

func TestMatchImportManyIsFast(t *testing.T) {
	const n = 30_000
	people := make([]ImportedPerson, n)
	existing := make([]PersonSummary, 5_000)
	for i := range people {
		people[i].Person = Person{Name: "Person " + strings.Repeat("x", i%7) + string(rune('a'+i%26)), Organisation: "Org"}
	}
	for i := range existing {
		existing[i].Person = Person{ID: int64(i + 1), Name: "Someone", Email: "a@example.com"}
	}
	got := MatchImport(people, existing)
	if len(got) != n {
		t.Fatalf("%d matches", len(got))
	}
}

func TestMerged(t *testing.T) {
	met := time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC)
	existing := Person{ID: 3, Name: "Dana Reyes", Title: "Director", Organisation: "Acme", Email: "dana@acme.example",
		Relation: RelationMentor, Influence: 5, Stance: StanceChampion, CadenceDays: 14,
		Notes: "Likes hiking.", FirstMet: met}
	in := ImportedPerson{Person: Person{Name: "Dana M. Reyes", Title: "VP Engineering", Team: "Platform",
		Organisation: "ACME", Email: "dana@home.example", Phone: "+1 415 555 0100",
		Notes: "LinkedIn: https://example.com/dana", FirstMet: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}}
	got := Merged(existing, in, FormatLinkedIn)
	want := existing
	want.Team, want.Phone = "Platform", "+1 415 555 0100"
	want.Notes = "Likes hiking.\n\nImported from LinkedIn connections:\nTitle: VP Engineering\n" +
		"Email: dana@home.example\nLinkedIn: https://example.com/dana"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merged =\n%+v\nwant\n%+v", got, want)
	}
	if again := Merged(got, in, FormatLinkedIn); !reflect.DeepEqual(again, got) {
		t.Errorf("merging twice changed the person:\n%q", again.Notes)
	}

	empty := Person{ID: 4, Name: "Sam"}
	in = ImportedPerson{Person: Person{Name: "Sam Lee", Title: "CTO", Email: "sam@example.com", FirstMet: met}}
	got = Merged(empty, in, FormatVCard)
	want = Person{ID: 4, Name: "Sam", Title: "CTO", Email: "sam@example.com", FirstMet: met}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merged into an empty person = %+v, want %+v", got, want)
	}
	in.Person.Notes = "Met at a conference."
	if got := Merged(empty, in, FormatVCard); got.Notes != "Imported from vCard:\nMet at a conference." {
		t.Errorf("Notes = %q", got.Notes)
	}
	// Added by an earlier import of the same file: nothing more.
	added := in.AsNew()
	if got := Merged(added, in, FormatVCard); !reflect.DeepEqual(got, added) {
		t.Errorf("merging into the person the same line added changed them: %+v", got)
	}
}
