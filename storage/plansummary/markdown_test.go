package plansummary

import (
	"strings"
	"testing"
)

func TestMdEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, 3.5 years", "plain words, 3.5 years"},
		{"a | b", `a \| b`},
		{"# heading", `\# heading`},
		{"C# and F#", "C# and F#"},
		{"Lead #2", `Lead \#2`},
		{"*bold* _em_ `code`", "\\*bold\\* \\_em\\_ \\`code\\`"},
		{"[link](http://x)", `\[link\](http://x)`},
		{"<script>", `\<script>`},
		{"> quote", `\> quote`},
		{"a > b", "a > b"},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"===", `\===`},
		{"1. first", `1\. first`},
		{"2026) year", `2026\) year`},
		{"v1. done", "v1. done"},
		{"R&D", "R&D"},
		{"&amp; &#60; &#x3c;", `\&amp; \&#60; \&#x3c;`},
		{`back\slash`, `back\\slash`},
		{"~~strike~~", `\~\~strike\~\~`},
		{"Zoë 山田", "Zoë 山田"},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in); got != tt.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// cells counts the columns of a Markdown table row: the pipes that are not
// escaped, less one.
func cells(row string) int {
	n := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n - 1
}

// hasUnescaped reports whether line holds c without a backslash escaping
// it.
func hasUnescaped(line string, c byte) bool {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case c:
			return true
		}
	}
	return false
}

// userText is line without the markup Markdown itself writes around user
// text: list and task markers, bold labels, a panel member's bold name.
func userText(line string) string {
	for _, p := range []string{"- [ ] ", "- [x] ", "**Advisors:** ", "**Evidence:**"} {
		if rest, ok := strings.CutPrefix(line, p); ok {
			return rest
		}
	}
	if rest, ok := strings.CutPrefix(line, "- **"); ok {
		for i := 0; i < len(rest)-1; i++ {
			switch {
			case rest[i] == '\\':
				i++
			case rest[i] == '*' && rest[i+1] == '*':
				return rest[:i] + rest[i+2:]
			}
		}
	}
	return line
}

func TestMarkdownEscaping(t *testing.T) {
	var b strings.Builder
	if err := Markdown(&b, hostile()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lines := strings.Split(out, "\n")

	var rows int
	for _, l := range lines {
		if strings.HasPrefix(l, "|") {
			rows++
			if got := cells(l); got != 6 {
				t.Errorf("table row has %d columns, want 6: %q", got, l)
			}
		}
	}
	if rows != 3 { // header, rule, one gap
		t.Errorf("table has %d rows, want 3", rows)
	}

	// The only headings are the page's own.
	var headings []string
	for _, l := range lines {
		if strings.HasPrefix(l, "#") {
			headings = append(headings, l)
		}
	}
	wantHeadings := []string{
		"# Career plan: \\</title>\\<script>alert('role')\\</script>",
		"## Why this role",
		"## Gaps",
		"### 1. a \\| b \\<script>alert(1)\\</script> \\# heading - item \\*bold\\* \\_em\\_ \\`code\\` \\[link\\](http://x) !\\[img\\](y) \\&amp; \\~\\~strike\\~\\~ \\\\",
		"## Promotion panel",
	}
	if strings.Join(headings, "\n") != strings.Join(wantHeadings, "\n") {
		t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(headings, "\n"), strings.Join(wantHeadings, "\n"))
	}

	for _, l := range lines {
		l = userText(l)
		for _, c := range []byte("<[]*_`~") {
			if hasUnescaped(l, c) {
				t.Errorf("unescaped %c in %q", c, l)
			}
		}
	}

	// Why keeps its lines, none of which starts a block.
	for _, want := range []string{
		"line one\\\n\\# not a heading\\\n\\- not a list\\\n\\> not a quote\\\n1\\. not a list\\\n\\===\n",
		"\n\\<script>alert('why')\\</script>\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Lists hold exactly the items written: one action, one evidence, one
	// advisor line, one panel member.
	for _, prefix := range []string{"- [ ] ", "- [x] ", "- **"} {
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				n++
			}
		}
		want := 1
		if prefix == "- [x] " {
			want = 0
		}
		if n != want {
			t.Errorf("%d lines start with %q, want %d", n, prefix, want)
		}
	}
}

func TestMarkdownEmpty(t *testing.T) {
	var b strings.Builder
	if err := Markdown(&b, Summary{}); err != nil {
		t.Fatal(err)
	}
	want := "# Career plan\n\n## Gaps\n\nNo gaps recorded yet.\n"
	if got := b.String(); got != want {
		t.Errorf("empty summary:\n%s\nwant:\n%s", got, want)
	}
}

func TestMarkdownParts(t *testing.T) {
	tests := []struct {
		name   string
		s      Summary
		has    []string
		hasNot []string
	}{
		{
			name:   "panel without a summary is left out",
			s:      Summary{Role: "EM", Panel: []PanelLine{{Name: "Priya"}}},
			hasNot: []string{"Promotion panel", "Priya"},
		},
		{
			name: "panel summary without members",
			s:    Summary{Role: "EM", PanelSummary: "Nobody yet."},
			has:  []string{"## Promotion panel\n\nNobody yet.\n"},
		},
		{
			name: "done in any case ticks, dropped does not",
			s: Summary{Gaps: []Gap{{Title: "T", Actions: []Action{
				{Title: "a", Status: "DONE"}, {Title: "b", Status: " done "}, {Title: "c", Status: "Dropped"},
			}}}},
			has: []string{"- [x] a (DONE)\n", "- [x] b (done)\n", "- [ ] c (Dropped)\n"},
		},
		{
			name: "not assessed and to discuss",
			s:    Summary{Gaps: []Gap{{Title: "T", Current: 1, Target: 3, Manager: 0, ViewsDiffer: true}}},
			has:  []string{"| T |  | 1 | 3 | — ⚠ | 0 |", "⚠ to discuss: your view 1, your manager's not assessed yet", "No actions yet."},
		},
		{
			name: "views differ",
			s:    Summary{Gaps: []Gap{{Title: "T", Current: 2, Target: 4, Manager: 4, ViewsDiffer: true}}},
			has:  []string{"⚠ to discuss: your view 2, your manager's 4\n"},
		},
		{
			name:   "blank advisors and evidence are dropped",
			s:      Summary{Gaps: []Gap{{Title: "T", Advisors: []string{" ", ""}, Evidence: []string{"\n"}}}},
			hasNot: []string{"Advisors", "Evidence"},
		},
		{
			name: "subtitle without horizon starts with a capital",
			s:    Summary{Role: "EM", Generated: generated},
			has:  []string{"\nPrepared 23 November 2026\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := Markdown(&b, tt.s); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			for _, h := range tt.has {
				if !strings.Contains(got, h) {
					t.Errorf("output lacks %q:\n%s", h, got)
				}
			}
			for _, h := range tt.hasNot {
				if strings.Contains(got, h) {
					t.Errorf("output has %q:\n%s", h, got)
				}
			}
		})
	}
}
