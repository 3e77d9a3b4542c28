package plansummary

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var generated = time.Date(2026, 11, 23, 17, 45, 0, 0, time.UTC)

// realistic is a plan as a user might take it to their manager: eight gaps
// and a panel of five.
func realistic() Summary {
	return Summary{
		Role:       "Engineering Manager",
		Horizon:    "Next role",
		TargetDate: "by June 2027",
		Why: "I enjoy growing people more than writing code myself, and the team " +
			"is about to double.\nI want to be the one who shapes how it grows.\n\n" +
			"My manager moves to a director role in spring; the platform team will need a lead.",
		Gaps: []Gap{
			{
				Title: "Hiring and interviewing", Kind: "Skill",
				Current: 2, Target: 4, Manager: 4, Importance: 5, ViewsDiffer: true,
				Advisors: []string{"Dana Reyes", "Sam Ortiz"},
				Actions: []Action{
					{"Shadow five interviews", "Stretch project", "Done", ""},
					{"Interviewer training", "Course", "In progress", "15 Jan 2027"},
					{"Run the loop for the next backend hire", "Stretch project", "Planned", "Mar 2027"},
				},
				Evidence: []string{"Shadowed five interviews and wrote the debriefs"},
			},
			{
				Title: "Giving hard feedback", Kind: "Skill",
				Current: 2, Target: 4, Manager: 2, Importance: 5,
				Advisors: []string{"Priya Shah"},
				Actions: []Action{
					{"Read “Radical Candor” and discuss with Priya", "Ask for advice", "Done", ""},
					{"Lead two performance conversations with support", "Mentoring", "Planned", "Feb 2027"},
				},
			},
			{
				Title: "Owning a team's roadmap", Kind: "Experience",
				Current: 1, Target: 4, Manager: 3, Importance: 4, ViewsDiffer: true,
				Advisors: []string{"Marcus Lee"},
				Actions: []Action{
					{"Draft the platform roadmap for H1", "Stretch project", "In progress", "20 Dec 2026"},
					{"Present it at the quarterly planning", "Write or present", "Planned", "Jan 2027"},
				},
			},
			{
				Title: "Budget and headcount planning", Kind: "Experience",
				Current: 0, Target: 3, Manager: 0, Importance: 3,
				Actions: []Action{
					{"Ask finance for a walkthrough of the team budget", "Ask for advice", "Planned", "Jan 2027"},
				},
			},
			{
				Title: "Visible to the engineering leadership", Kind: "Visibility",
				Current: 2, Target: 4, Manager: 3, Importance: 4,
				Advisors: []string{"Priya Shah", "Jo Wagner"},
				Actions: []Action{
					{"Write up the database migration post-mortem", "Write or present", "Done", ""},
					{"Join the architecture review board", "Internal committee", "In progress", ""},
				},
				Evidence: []string{"Migration post-mortem, read by the whole engineering org"},
			},
			{
				Title: "Coaching senior engineers", Kind: "Skill",
				Current: 3, Target: 4, Manager: 3, Importance: 3,
				Advisors: []string{"Sam Ortiz"},
				Actions: []Action{
					{"Mentor Alex through the staff-engineer packet", "Mentoring", "In progress", ""},
				},
			},
			{
				Title: "Cross-team relationships", Kind: "Relationship",
				Current: 3, Target: 4, Manager: 4, Importance: 2,
				Actions: []Action{
					{"Monthly coffee with the product and design leads", "Ask for advice", "In progress", ""},
					{"Organise the cross-team incident review", "Volunteering", "Dropped", ""},
				},
			},
			{
				Title: "Management fundamentals course", Kind: "Certification",
				Current: 0, Target: 2, Manager: 1, Importance: 1,
				Actions: []Action{
					{"New managers programme (internal)", "Course", "Planned", "Apr 2027"},
				},
			},
		},
		Panel: []PanelLine{
			{"Priya Shah", "Panel chair", "Champion", "Briefed", "Share the roadmap draft before the January review"},
			{"Marcus Lee", "Director, platform", "Supporter", "Briefed", "Ask for feedback on the roadmap"},
			{"Jo Wagner", "HR business partner", "Neutral", "Met once", "Walk through the promotion criteria together"},
			{"Elena Petrova", "Peer director", "Unknown", "Not yet approached", "Coffee in December"},
			{"Tom Becker", "VP Engineering", "Skeptic", "Not yet approached", "Present the migration results at the all-hands"},
		},
		PanelSummary: "Two of five are on your side; the VP is sceptical and two have not been approached yet.",
		Generated:    generated,
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		file   string
		encode func(*bytes.Buffer, Summary) error
	}{
		{"plan.md", func(b *bytes.Buffer, s Summary) error { return Markdown(b, s) }},
		{"plan.html", func(b *bytes.Buffer, s Summary) error { return HTML(b, s) }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.encode(&b, realistic()); err != nil {
				t.Fatal(err)
			}
			got := b.Bytes()
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
			}
		})
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteError(t *testing.T) {
	if err := Markdown(failingWriter{}, realistic()); err == nil {
		t.Error("Markdown to a failing writer reported no error")
	}
	if err := HTML(failingWriter{}, realistic()); err == nil {
		t.Error("HTML to a failing writer reported no error")
	}
}

func TestFileName(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	em := Summary{Role: "Engineering Manager", Generated: generated}
	tests := []struct {
		s    Summary
		ext  string
		want string
	}{
		{em, ".md", "Career plan – Engineering Manager – 2026-11-23.md"},
		{em, ".html", "Career plan – Engineering Manager – 2026-11-23.html"},
		{em, "md", "Career plan – Engineering Manager – 2026-11-23.md"},
		{em, "", "Career plan – Engineering Manager – 2026-11-23"},
		// The date in Generated's own location.
		{Summary{Role: "EM", Generated: time.Date(2026, 11, 23, 23, 30, 0, 0, time.UTC).In(berlin)}, ".md", "Career plan – EM – 2026-11-24.md"},
		{Summary{Role: `a/b\c:d*e?f"g<h>i|j`, Generated: generated}, ".md", "Career plan – a-b-c-d-e-f-g-h-i-j – 2026-11-23.md"},
		{Summary{Role: "Lead\r\nEvil\x00\x7f", Generated: generated}, ".md", "Career plan – Lead Evil-- – 2026-11-23.md"},
		{Summary{Role: "  ..Director..  ", Generated: generated}, ".md", "Career plan – Director – 2026-11-23.md"},
		{Summary{Role: "..", Generated: generated}, ".md", "Career plan – 2026-11-23.md"},
		{Summary{Role: "", Generated: generated}, ".md", "Career plan – 2026-11-23.md"},
		{Summary{Role: "Zoë 山田", Generated: generated}, ".md", "Career plan – Zoë 山田 – 2026-11-23.md"},
		{Summary{Role: "bad\xffutf8", Generated: generated}, ".md", "Career plan – bad-utf8 – 2026-11-23.md"},
		{Summary{Role: "Staff Engineer"}, ".md", "Career plan – Staff Engineer.md"},
		{Summary{}, ".html", "Career plan.html"},
	}
	for _, tt := range tests {
		if got := FileName(tt.s, tt.ext); got != tt.want {
			t.Errorf("FileName(%q, %q) = %q, want %q", tt.s.Role, tt.ext, got, tt.want)
		}
	}

	long := FileName(Summary{Role: strings.Repeat("山", 200), Generated: generated}, ".html")
	if len(long) > maxFileName || !strings.HasSuffix(long, " – 2026-11-23.html") || !strings.HasPrefix(long, "Career plan – 山") {
		t.Errorf("long name = %q (%d bytes)", long, len(long))
	}
	if strings.ContainsRune(long, '\uFFFD') {
		t.Errorf("long name split a character: %q", long)
	}
}

// hostile is a summary whose every text field tries to break out of its
// place: a table column, a heading, a script, a line of its own.
func hostile() Summary {
	const evil = "a | b <script>alert(1)</script>\n# heading\n- item *bold* _em_ `code` [link](http://x) ![img](y) &amp; ~~strike~~ \\"
	return Summary{
		Role:         "</title><script>alert('role')</script>",
		Horizon:      "# Next | role",
		TargetDate:   "<b>soon</b>",
		Why:          "line one\n# not a heading\n- not a list\n> not a quote\n1. not a list\n===\n\n<script>alert('why')</script>",
		Gaps:         []Gap{{Title: evil, Kind: evil, Current: 1, Target: 9, Manager: -2, Importance: 3, ViewsDiffer: true, Advisors: []string{evil, ""}, Actions: []Action{{evil, evil, evil, evil}}, Evidence: []string{evil}}},
		Panel:        []PanelLine{{evil, evil, evil, evil, evil}},
		PanelSummary: evil,
		Generated:    generated,
	}
}
