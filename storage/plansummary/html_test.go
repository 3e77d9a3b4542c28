package plansummary

import (
	"regexp"
	"strings"
	"testing"
)

func renderHTML(t *testing.T, s Summary) string {
	t.Helper()
	var b strings.Builder
	if err := HTML(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// balanced fails t unless every element of the page that has an end tag
// is closed as often as it is opened.
func balanced(t *testing.T, page string) {
	t.Helper()
	for _, tag := range []string{"html", "head", "body", "main", "header", "section", "article", "div",
		"table", "thead", "tbody", "tr", "th", "td", "ul", "li", "p", "h1", "h2", "h3", "span", "b", "title", "style"} {
		open := regexp.MustCompile(`<`+tag+`[ >]`).FindAllStringIndex(page, -1)
		closed := strings.Count(page, "</"+tag+">")
		if len(open) != closed {
			t.Errorf("<%s> opened %d times, closed %d", tag, len(open), closed)
		}
	}
}

func TestHTMLSelfContained(t *testing.T) {
	page := renderHTML(t, realistic())
	balanced(t, page)
	lower := strings.ToLower(page)
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "@import", "url(", "http:", "https:", "src=", "href=", "onload", "onclick"} {
		if strings.Contains(lower, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, want := range []string{
		"<!DOCTYPE html>",
		`<meta charset="utf-8">`,
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
		"<title>Career plan: Engineering Manager</title>",
		"@page {",
		"@media print {",
		"page-break-inside: avoid",
		"break-inside: avoid",
		"Promotion panel",
		"2 to discuss",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if got := strings.Count(page, `<article class="gap">`); got != 8 {
		t.Errorf("%d gap blocks, want 8", got)
	}
	if got := strings.Count(page, `<td class="name">`); got != 5 {
		t.Errorf("%d panel rows, want 5", got)
	}
	if got := strings.Count(page, `<li class="done">`); got != 3 {
		t.Errorf("%d done actions, want 3", got)
	}
}

func TestHTMLEscaping(t *testing.T) {
	page := renderHTML(t, hostile())
	balanced(t, page)
	lower := strings.ToLower(page)
	if strings.Contains(lower, "<script") {
		t.Errorf("page contains an unescaped <script:\n%s", page)
	}
	for _, bad := range []string{"<b>soon", "</title><", "[link](http://x)\n"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, want := range []string{
		"<title>Career plan: &lt;/title&gt;&lt;script&gt;alert(&#39;role&#39;)&lt;/script&gt;</title>",
		"&lt;b&gt;soon&lt;/b&gt;",
		"# Next | role",
		// Why keeps its lines as lines, its text as text.
		"<p>line one<br># not a heading<br>- not a list<br>&gt; not a quote<br>1. not a list<br>===</p>",
		"<p>&lt;script&gt;alert(&#39;why&#39;)&lt;/script&gt;</p>",
		// One-line fields lose their newlines.
		"a | b &lt;script&gt;alert(1)&lt;/script&gt; # heading - item",
		// Levels out of range are drawn within 0 to 5 but written as given.
		`<span class="bar" role="img" aria-label="9 of 5"><span class="on"></span><span class="on"></span><span class="on"></span><span class="on"></span><span class="on"></span></span><span class="num">9</span>`,
		`<span class="bar" role="img" aria-label="-2 of 5"><span></span><span></span><span></span><span></span><span></span></span><span class="num">-2</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestHTMLEmpty(t *testing.T) {
	page := renderHTML(t, Summary{})
	balanced(t, page)
	for _, want := range []string{"<title>Career plan</title>", "<h1>Career plan</h1>", "No gaps recorded yet."} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	for _, bad := range []string{"<table", "Why this role", "Promotion panel", "to discuss", `class="sub"`} {
		if strings.Contains(page, bad) {
			t.Errorf("empty page has %q:\n%s", bad, page)
		}
	}
}

func TestHTMLParts(t *testing.T) {
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
			name: "not assessed",
			s:    Summary{Gaps: []Gap{{Title: "T", Current: 1, Target: 3}}},
			has:  []string{`<span class="na">not assessed</span></td>`, `<p class="none">No actions yet.</p>`},
		},
		{
			name: "views differ",
			s:    Summary{Gaps: []Gap{{Title: "T", Current: 2, Target: 4, Manager: 4, ViewsDiffer: true}}},
			has:  []string{"to discuss: your view 2, your manager&#39;s 4</p>", `<span class="flag" title="to discuss">⚠</span>`, "1 to discuss"},
		},
		{
			name: "done and not done",
			s: Summary{Gaps: []Gap{{Title: "T", Actions: []Action{
				{Title: "a", Kind: "Course", Status: "Done"}, {Title: "b", Status: "Planned", Due: "Jan 2027"},
			}}}},
			has: []string{
				`<li class="done"><span class="box">☑</span><span class="t">a</span> <span class="meta">· Course · Done</span></li>`,
				`<li><span class="box">☐</span><span class="t">b</span> <span class="meta">· Planned · due Jan 2027</span></li>`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := renderHTML(t, tt.s)
			balanced(t, page)
			for _, h := range tt.has {
				if !strings.Contains(page, h) {
					t.Errorf("page lacks %q", h)
				}
			}
			for _, h := range tt.hasNot {
				if strings.Contains(page, h) {
					t.Errorf("page has %q", h)
				}
			}
		})
	}
}
