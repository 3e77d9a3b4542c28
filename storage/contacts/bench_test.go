package contacts

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"rapport/model"
)

// connections makes a LinkedIn Connections.csv of n rows, with the notes
// LinkedIn puts before the header, an email on one row in five and
// companies shared among many people.
func connections(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n")
	b.WriteString("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	for i := range n {
		email := ""
		if i%5 == 0 {
			email = fmt.Sprintf("person%d@example.com", i)
		}
		fmt.Fprintf(&b, "First%d,Last%d,https://www.linkedin.com/in/person-%d,%s,\"Company %d, Inc.\",Engineer %d,%02d %s %d\n",
			i, i%997, i, email, i%1500, i%40, 1+i%28, months[i%12], 2010+i%15)
	}
	return b.Bytes()
}

// existingPeople makes n stored people, a tenth of them archived, some of
// whom the file of connections(…) duplicates by email and some by name and
// organisation.
func existingPeople(n int) []model.PersonSummary {
	out := make([]model.PersonSummary, n)
	for i := range out {
		p := model.Person{ID: int64(i + 1), Name: fmt.Sprintf("Existing %d", i)}
		switch i % 3 {
		case 0:
			p.Email = fmt.Sprintf("person%d@example.com", i*5)
		case 1:
			j := i * 3
			p.Name, p.Organisation = fmt.Sprintf("First%d Last%d", j, j%997), fmt.Sprintf("Company %d, Inc.", j%1500)
		}
		if i%10 == 0 {
			p.ArchivedAt = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		out[i] = model.PersonSummary{Person: p}
	}
	return out
}

// BenchmarkLinkedIn30000 reads a 30,000-row Connections.csv (LinkedIn's
// cap on connections) and matches it against 5,000 existing people: the
// whole preview of the import. The target is 3 s an operation; it is
// measured, not asserted.
func BenchmarkLinkedIn30000(b *testing.B) {
	data := connections(30_000)
	existing := existingPeople(5_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := Read("Connections.csv", data)
		if err != nil {
			b.Fatal(err)
		}
		matches := model.MatchImport(f.People, existing)
		if len(matches) != 30_000 {
			b.Fatalf("%d matches", len(matches))
		}
	}
}

func TestLinkedIn30000(t *testing.T) {
	if testing.Short() {
		t.Skip("30,000 rows")
	}
	data := connections(30_000)
	existing := existingPeople(5_000)
	f, err := Read("Connections.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	matches := model.MatchImport(f.People, existing)
	if len(f.People) != 30_000 || len(f.Problems) != 0 {
		t.Fatalf("%d people, problems %v", len(f.People), f.Problems[:min(len(f.Problems), 5)])
	}
	dups := map[string]int{}
	for _, m := range matches {
		if m.Duplicate() {
			dups[m.By]++
		}
	}
	if dups[model.MatchByEmail] == 0 || dups[model.MatchByName] == 0 {
		t.Errorf("duplicates found: %v", dups)
	}
	t.Logf("30,000 rows read and matched; duplicates %v (the speed is BenchmarkLinkedIn30000's)", dups)
}
