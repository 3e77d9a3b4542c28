package plansummary

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// HTML writes s to w as one self-contained HTML page, titled "Career plan:
// <Role>", that reads well in a browser and prints on one sheet of A4 or
// Letter for a typical plan of about eight gaps: the same content as
// Markdown, with levels drawn as small bars.
//
// The page has its style inline and nothing else: no scripts, no fonts,
// images or other files to fetch, and a Content-Security-Policy that
// forbids them, so it opens the same offline and shows nothing it was not
// given. Every piece of user text is escaped by html/template. The bars
// are drawn with borders, so they print even when the browser leaves out
// background colours, and each level is also written as a number.
func HTML(w io.Writer, s Summary) error {
	// Render whole first, so a failing template never leaves half a page.
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, newPage(s)); err != nil {
		return fmt.Errorf("plansummary: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

// page is what the template shows, worked out from a Summary.
type page struct {
	Title     string
	Role      string
	Sub       []string
	Why       [][]string
	Gaps      []gapView
	ToDiscuss int
	Panel     *panelView
}

// gapView is one gap as the page shows it, in the table and in its block.
type gapView struct {
	N                    int
	Title, Kind          string
	Now, Target, Manager level
	Importance           int
	ImportanceDots       string
	Differ               bool
	Discuss              string
	Advisors             string
	Actions              []actionView
	Evidence             []string
}

// level is a level drawn as five cells.
type level struct {
	N     int
	Cells []bool // five cells, the first N filled
}

// actionView is one action, ticked off when done.
type actionView struct {
	Title string
	Meta  string
	Done  bool
}

// panelView is the panel section, there only with a summary sentence.
type panelView struct {
	Summary string
	Members []PanelLine
}

// newLevel is level n, its cells filled up to n within 0 to 5.
func newLevel(n int) level {
	l := level{N: n, Cells: make([]bool, 5)}
	for i := range clampLevel(n) {
		l.Cells[i] = true
	}
	return l
}

// newPage works out the page for s: text made one line, levels drawn.
func newPage(s Summary) page {
	p := page{
		Title: title(s),
		Role:  oneLine(s.Role),
		Sub:   subtitle(s),
		Why:   paragraphs(s.Why),
	}
	for i, g := range s.Gaps {
		imp := clampLevel(g.Importance)
		v := gapView{
			N:              i + 1,
			Title:          untitled(g.Title),
			Kind:           oneLine(g.Kind),
			Now:            newLevel(g.Current),
			Target:         newLevel(g.Target),
			Manager:        newLevel(g.Manager),
			Importance:     g.Importance,
			ImportanceDots: strings.Repeat("●", imp) + strings.Repeat("○", 5-imp),
			Differ:         g.ViewsDiffer,
			Advisors:       strings.Join(names(g.Advisors), ", "),
			Evidence:       names(g.Evidence),
		}
		if g.ViewsDiffer {
			v.Discuss = strings.TrimPrefix(discussText(g), "⚠ ")
			p.ToDiscuss++
		}
		for _, a := range g.Actions {
			v.Actions = append(v.Actions, actionView{
				Title: untitled(a.Title),
				Meta:  strings.Join(actionMeta(a), " · "),
				Done:  isDone(a.Status),
			})
		}
		p.Gaps = append(p.Gaps, v)
	}
	if sum := oneLine(s.PanelSummary); sum != "" {
		pv := &panelView{Summary: sum}
		for _, m := range s.Panel {
			pv.Members = append(pv.Members, PanelLine{
				Name:     untitledName(m.Name),
				Part:     oneLine(m.Part),
				Stance:   oneLine(m.Stance),
				Status:   oneLine(m.Status),
				NextStep: oneLine(m.NextStep),
			})
		}
		p.Panel = pv
	}
	return p
}

// untitledName is s as one line, or "(unnamed)" when that is blank.
func untitledName(s string) string {
	if s = oneLine(s); s != "" {
		return s
	}
	return "(unnamed)"
}

var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

// pageHTML is the page. Its CSS is plain text in the template; everything
// from the Summary goes through html/template's escaping.
const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Rapport">
<title>{{.Title}}</title>
<style>
@page { margin: 10mm 12mm; }
* { box-sizing: border-box; }
html { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #eef0f3; }
body { margin: 0; padding: 2rem 1rem; }
main { max-width: 58rem; margin: 0 auto; padding: 2.25rem 2.75rem 2rem; background: #fff; border-radius: 10px; box-shadow: 0 1px 3px rgba(31,35,40,.15), 0 8px 24px rgba(31,35,40,.06); }
h1 { font-size: 1.65rem; line-height: 1.2; margin: 0; letter-spacing: -.01em; }
h1 .pre { font-weight: 400; color: #59636e; }
.sub { margin: .3rem 0 0; color: #59636e; }
h2 { font-size: .78rem; font-weight: 600; text-transform: uppercase; letter-spacing: .08em; color: #59636e; border-bottom: 1px solid #d1d9e0; padding-bottom: .2rem; margin: 1.5rem 0 .6rem; }
h2 .count { text-transform: none; letter-spacing: 0; font-weight: 400; }
p { margin: 0 0 .5rem; }
.why p { max-width: 46rem; }
.scroll { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: .75rem; font-weight: 600; color: #59636e; padding: .2rem .5rem .3rem; border-bottom: 1px solid #d1d9e0; white-space: nowrap; }
td { padding: .3rem .5rem; border-bottom: 1px solid #eaeef2; vertical-align: middle; }
tr { break-inside: avoid; page-break-inside: avoid; }
th:first-child, td:first-child { padding-left: 0; }
td.req { font-weight: 600; }
td.req .n { display: inline-block; min-width: 1.4em; font-weight: 400; color: #818b98; }
.kind { color: #59636e; }
.lv { white-space: nowrap; }
.bar { display: inline-block; vertical-align: -1px; line-height: 0; }
.bar span { display: inline-block; width: 9px; height: 9px; margin-right: 2px; border: 1px solid #aab3bd; }
.bar span.on { border: 0; border-top: 9px solid #1f2328; }
.num { display: inline-block; min-width: 1em; margin-left: .25rem; font-size: .85em; color: #59636e; font-variant-numeric: tabular-nums; }
.na { font-size: .85em; font-style: italic; color: #818b98; }
.imp { letter-spacing: .05em; white-space: nowrap; color: #1f2328; }
.imp .num { letter-spacing: 0; }
.flag { color: #9a6700; font-weight: 700; }
.key { margin: .4rem 0 0; font-size: .8rem; color: #59636e; }
.details { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem 1.75rem; margin-top: 1rem; }
.gap { break-inside: avoid; page-break-inside: avoid; border-top: 2px solid #1f2328; padding-top: .3rem; }
.gap h3 { font-size: .95rem; line-height: 1.3; margin: 0 0 .15rem; }
.gap h3 .n { color: #818b98; font-weight: 400; margin-right: .25rem; }
.gap h3 .kind { font-size: .8em; font-weight: 400; }
.discuss { margin: .2rem 0; padding-left: .45rem; border-left: 3px solid #bf8700; color: #7d4e00; font-size: .9em; }
ul { margin: .15rem 0; padding: 0; list-style: none; }
li { margin: .1rem 0; padding-left: 1.35em; text-indent: -1.35em; }
li .box { display: inline-block; width: 1.35em; text-indent: 0; }
li.done .t { color: #59636e; }
.meta { font-size: .85em; color: #59636e; }
.none { font-size: .9em; font-style: italic; color: #818b98; }
.line { margin: .2rem 0 0; font-size: .9em; }
.line b { font-weight: 600; }
.evidence li { padding-left: 1em; text-indent: -1em; }
.panel td { font-size: .93em; }
.panel td.name { font-weight: 600; white-space: nowrap; }
@media (max-width: 44rem) {
  body { padding: 0; }
  main { padding: 1.25rem 1rem; border-radius: 0; box-shadow: none; }
  .details { grid-template-columns: 1fr; }
  .k { display: none; }
}
@media print {
  html { font-size: 8.5pt; line-height: 1.3; background: none; }
  body { padding: 0; }
  .scroll { overflow: visible; }
  main { max-width: none; padding: 0; border-radius: 0; box-shadow: none; }
  h1 { font-size: 15pt; }
  h2 { margin: .8rem 0 .3rem; }
  li { margin: 0; }
  .panel td { padding-top: .1rem; padding-bottom: .1rem; }
  td { padding: .15rem .45rem; }
  .details { gap: .55rem 1.4rem; margin-top: .6rem; }
  .bar span { width: 7px; height: 7px; }
  .bar span.on { border-top-width: 7px; }
  .gaps, .panel { break-inside: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
</style>
</head>
<body>
<main>
<header>
<h1>{{if .Role}}<span class="pre">Career plan:</span> {{.Role}}{{else}}Career plan{{end}}</h1>
{{- if .Sub}}
<p class="sub">{{range $i, $p := .Sub}}{{if $i}} · {{end}}{{$p}}{{end}}</p>
{{- end}}
</header>
{{- if .Why}}
<section class="why">
<h2>Why this role</h2>
{{- range .Why}}
<p>{{range $i, $l := .}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>
{{- end}}
</section>
{{- end}}
<section class="gaps">
<h2>Gaps, most pressing first{{if .ToDiscuss}} <span class="count">· {{.ToDiscuss}} to discuss</span>{{end}}</h2>
{{- if not .Gaps}}
<p class="none">No gaps recorded yet.</p>
{{- else}}
<div class="scroll">
<table>
<thead><tr><th>Requirement</th><th class="k">Kind</th><th>Now</th><th>Target</th><th>Manager</th><th>Importance</th></tr></thead>
<tbody>
{{- range .Gaps}}
<tr><td class="req"><span class="n">{{.N}}</span>{{.Title}}</td><td class="kind k">{{.Kind}}</td><td class="lv">{{template "bar" .Now}}</td><td class="lv">{{template "bar" .Target}}</td><td class="lv">{{if .Manager.N}}{{template "bar" .Manager}}{{else}}<span class="na">not assessed</span>{{end}}{{if .Differ}} <span class="flag" title="to discuss">⚠</span>{{end}}</td><td class="imp" title="importance {{.Importance}} of 5">{{.ImportanceDots}}<span class="num">{{.Importance}}</span></td></tr>
{{- end}}
</tbody>
</table>
</div>
<p class="key">Levels run from 0 to 5; a filled bar is a level reached. <span class="flag">⚠</span> Your view and your manager’s differ by two or more.</p>
<div class="details">
{{- range .Gaps}}
<article class="gap">
<h3><span class="n">{{.N}}</span>{{.Title}}{{if .Kind}} <span class="kind">· {{.Kind}}</span>{{end}}</h3>
{{- if .Differ}}
<p class="discuss"><span class="flag">⚠</span> {{.Discuss}}</p>
{{- end}}
{{- if .Actions}}
<ul class="actions">
{{- range .Actions}}
<li{{if .Done}} class="done"{{end}}><span class="box">{{if .Done}}☑{{else}}☐{{end}}</span><span class="t">{{.Title}}</span>{{if .Meta}} <span class="meta">· {{.Meta}}</span>{{end}}</li>
{{- end}}
</ul>
{{- else}}
<p class="none">No actions yet.</p>
{{- end}}
{{- if .Advisors}}
<p class="line"><b>Advisors:</b> {{.Advisors}}</p>
{{- end}}
{{- if .Evidence}}
<p class="line"><b>Evidence:</b></p>
<ul class="evidence">
{{- range .Evidence}}
<li>– {{.}}</li>
{{- end}}
</ul>
{{- end}}
</article>
{{- end}}
</div>
{{- end}}
</section>
{{- with .Panel}}
<section class="panel">
<h2>Promotion panel</h2>
<p>{{.Summary}}</p>
{{- if .Members}}
<div class="scroll">
<table>
<thead><tr><th>Name</th><th>Part</th><th>Stance</th><th>Status</th><th>Next step</th></tr></thead>
<tbody>
{{- range .Members}}
<tr><td class="name">{{.Name}}</td><td>{{.Part}}</td><td>{{.Stance}}</td><td>{{.Status}}</td><td>{{.NextStep}}</td></tr>
{{- end}}
</tbody>
</table>
</div>
{{- end}}
</section>
{{- end}}
</main>
</body>
</html>
{{define "bar"}}<span class="bar" role="img" aria-label="{{.N}} of 5">{{range .Cells}}<span{{if .}} class="on"{{end}}></span>{{end}}</span><span class="num">{{.N}}</span>{{end}}`
