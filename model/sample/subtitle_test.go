package sample

import (
	"strings"
	"testing"
)

// TestSubtitlesDoNotRepeatTheTeam: a person's subtitle (title · team ·
// organisation) never names the team twice in a row, as "Engineering
// Manager, Platform · Platform" did.
func TestSubtitlesDoNotRepeatTheTeam(t *testing.T) {
	for _, seed := range []int64{1, 2, 3, 42} {
		n := Generate(Options{Seed: seed})
		for _, p := range n.People {
			if p.Team == "" {
				continue
			}
			if strings.HasSuffix(p.Title, ", "+p.Team) || p.Title == p.Team {
				t.Errorf("seed %d: %s reads %q: the title repeats the team", seed, p.Name, p.Subtitle())
			}
			parts := strings.Split(p.Subtitle(), " · ")
			for i := 1; i < len(parts); i++ {
				prev := parts[i-1]
				if k := strings.LastIndex(prev, ", "); k >= 0 {
					prev = prev[k+2:] // "Engineering Manager, Platform" ends in "Platform"
				}
				if prev == parts[i] {
					t.Errorf("seed %d: %s reads %q", seed, p.Name, p.Subtitle())
				}
			}
		}
	}
}
