package model

import (
	"fmt"
	"reflect"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"dana", "dana"},
		{"Dana REYES", "dana reyes"},
		{"Zoë Ångström", "zoe angstrom"},
		{"Łukasz Żółć", "lukasz zolc"},
		{"Straße", "strasse"},
		{"Ørsted", "orsted"},
		{"李小龍", "李小龍"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPeopleIndexMatch(t *testing.T) {
	people := []PersonSummary{
		{Person: Person{Name: "Dana Reyes", Title: "Director of Engineering", Team: "Platform", Email: "dana@northwind.example"}},
		{Person: Person{Name: "Zoë Ångström", Title: "Designer", Team: "Design"}},
		{Person: Person{Name: "Adam Bell", Title: "Engineer", Team: "Data", Organisation: "Acme"}},
		{Person: Person{Name: "Priya Natarajan", Title: "VP Sales", Team: "Sales"}},
	}
	ix := NewPeopleIndex(people)
	tests := []struct {
		query string
		keep  func(int) bool
		want  []int
	}{
		{"", nil, []int{0, 1, 2, 3}},
		{"dana", nil, []int{0}},
		{"DANA", nil, []int{0}},
		{"zoe", nil, []int{1}},
		{"ångström", nil, []int{1}},
		{"eng", nil, []int{0, 2}},     // both by title; no name starts with "eng"
		{"a", nil, []int{1, 2, 0, 3}}, // Ångström and Adam have a word starting with "a"
		{"design zo", nil, []int{1}},
		{"platform acme", nil, nil},
		{"northwind", nil, []int{0}},
		{"", func(i int) bool { return i%2 == 1 }, []int{1, 3}},
		{"   ", nil, []int{0, 1, 2, 3}},
	}
	for _, tt := range tests {
		got := ix.Match(tt.query, tt.keep)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Match(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func BenchmarkPeopleIndexMatch(b *testing.B) {
	people := make([]PersonSummary, 5000)
	for i := range people {
		people[i].Name = fmt.Sprintf("Person %d Ångström", i)
		people[i].Title = "Senior Engineer"
		people[i].Team = fmt.Sprintf("Team %d", i%40)
		people[i].Email = fmt.Sprintf("person.%d@northwind.example", i)
	}
	ix := NewPeopleIndex(people)
	queries := []string{"a", "an", "ang", "angs", "angst", "angstr"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Match(queries[i%len(queries)], nil)
	}
}
