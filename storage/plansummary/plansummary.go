// Package plansummary writes a printable one-page summary of a career
// plan, for the user to take to a conversation with their manager: the
// target role and why, the gaps in order of priority with the actions,
// advisors and evidence for each, and where the promotion panel stands.
//
// It writes Markdown (to paste into a document or a message) and a
// self-contained HTML page (to open in a browser and print). Its writers
// know nothing of the model: they take a Summary, already in words. The
// page is meant to be shown to the manager, so anything private, such as
// the user's notes on people, stays out; Summary has no field for them,
// and must not get one. FromPlan (and Writer, which the window uses) puts
// a model.PlanSummary into words, choosing what goes in.
package plansummary

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Summary is everything the page shows, already in words.
type Summary struct {
	Role       string // the target role: "Engineering Manager"
	Horizon    string // "Next role"; "" to leave it out
	TargetDate string // "by June 2027", or ""
	Why        string // why the user wants the role; may be several lines and paragraphs
	Gaps       []Gap  // in order of priority, the first the most pressing

	// Panel is the people who decide on the promotion, one line each.
	Panel []PanelLine
	// PanelSummary is one sentence on where the panel stands; "" leaves
	// the whole panel section out, Panel included.
	PanelSummary string

	// Generated is when the summary was made; its date, in its own
	// location, is shown on the page and in FileName. Zero leaves it out.
	Generated time.Time
}

// Gap is one requirement of the role and how far the user is from it.
// Levels run from 0 to 5; a Manager level of 0 means the manager has not
// assessed it. Levels out of range are shown as the nearest of 0 and 5.
type Gap struct {
	Title      string // "Hiring and interviewing"
	Kind       string // "Skill"
	Current    int    // the user's own view of their level
	Target     int    // the level the role asks for
	Manager    int    // the manager's view, 0 for not assessed
	Importance int    // 1 (nice to have) to 5 (decisive)

	// ViewsDiffer flags the gap "to discuss": the user's and the
	// manager's views differ by 2 or more. The caller decides; the page
	// only shows it.
	ViewsDiffer bool

	Advisors []string // names of people best placed to advise on this gap
	Actions  []Action // steps toward closing it
	Evidence []string // done actions the user offers as evidence, in words
}

// Action is a step toward closing a gap.
type Action struct {
	Title  string // "Shadow five interviews"
	Kind   string // "Stretch project"
	Status string // "Planned", "In progress", "Done", "Dropped"; "Done" (in any case) ticks it off
	Due    string // a date in words, "15 Jan 2027", or ""
}

// PanelLine is one member of the promotion panel.
type PanelLine struct {
	Name     string // "Priya Shah"
	Part     string // their part in the decision: "Panel chair"
	Stance   string // "Champion", "Neutral", ...
	Status   string // how far the user has got with them: "Briefed"
	NextStep string // the next thing to do with them, or ""
}

// maxFileName bounds FileName's result in bytes, well under the 255 that
// common file systems allow, leaving room for a " (2)" a browser may add.
const maxFileName = 120

// FileName is a file name for the summary s with extension ext (".md" or
// ".html"; a missing dot is added): "Career plan – Engineering Manager –
// 2026-11-23.md", the date s.Generated's in its own location. As in
// ics.FileName, characters unsafe on Windows, macOS or Linux (/ \ : * ? "
// < > | and control characters) in the role become "-", invalid UTF-8
// becomes "-", runs of space collapse, leading and trailing spaces and
// dots are trimmed, and the role is cut (on a character boundary) so the
// name is at most 120 bytes. A blank role or a zero Generated leaves its
// part out: "Career plan – 2026-11-23.md", "Career plan.md".
func FileName(s Summary, ext string) string {
	if ext != "" && !strings.HasPrefix(ext, ".") {
		ext = "." + ext
	}
	const sep = " – "
	tail := ""
	if !s.Generated.IsZero() {
		tail = sep + s.Generated.Format("2006-01-02")
	}
	tail += ext

	name := "Career plan"
	role := safeName(s.Role)
	if role != "" {
		room := maxFileName - len(name) - len(sep) - len(tail)
		if len(role) > room {
			cut := max(room, 0)
			for cut > 0 && !utf8.RuneStart(role[cut]) {
				cut--
			}
			role = strings.TrimRight(role[:cut], " .")
		}
		if role != "" {
			name += sep + role
		}
	}
	return name + tail
}

// safeName makes s safe as part of a file name, as ics.FileName does.
func safeName(s string) string {
	s = strings.ToValidUTF8(s, "-")
	s = strings.Map(func(r rune) rune {
		if isControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return '-'
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	return strings.Trim(s, " .")
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }

// oneLine is s as one line of text: valid UTF-8, control characters
// (newlines included) as spaces, runs of space collapsed, trimmed.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if isControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// paragraphs splits multi-line text into paragraphs (at blank lines) of
// lines, each line made with oneLine; blank text gives none.
func paragraphs(s string) [][]string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var paras [][]string
	var cur []string
	for _, l := range strings.Split(s, "\n") {
		l = oneLine(l)
		if l == "" {
			if cur != nil {
				paras = append(paras, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		paras = append(paras, cur)
	}
	return paras
}

// names is the non-blank names of list, each made with oneLine.
func names(list []string) []string {
	var out []string
	for _, n := range list {
		if n = oneLine(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// isDone reports whether an action's status says it is done.
func isDone(status string) bool { return strings.EqualFold(oneLine(status), "done") }

// clampLevel is v within 0 to 5.
func clampLevel(v int) int { return min(max(v, 0), 5) }

// title is the page's title: "Career plan: Engineering Manager".
func title(s Summary) string {
	if role := oneLine(s.Role); role != "" {
		return "Career plan: " + role
	}
	return "Career plan"
}

// subtitle is the parts of the line under the title: horizon, target
// date and when it was prepared, those that are there.
func subtitle(s Summary) []string {
	var parts []string
	for _, p := range []string{s.Horizon, s.TargetDate} {
		if p = oneLine(p); p != "" {
			parts = append(parts, p)
		}
	}
	if !s.Generated.IsZero() {
		p := "prepared " + s.Generated.Format("2 January 2006")
		if len(parts) == 0 {
			p = upperFirst(p)
		}
		parts = append(parts, p)
	}
	return parts
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// actionMeta is an action's kind, status and due date in words, those
// that are there.
func actionMeta(a Action) []string {
	var parts []string
	if k := oneLine(a.Kind); k != "" {
		parts = append(parts, k)
	}
	if st := oneLine(a.Status); st != "" {
		parts = append(parts, st)
	}
	if d := oneLine(a.Due); d != "" {
		parts = append(parts, "due "+d)
	}
	return parts
}

// untitled is s as one line, or "(untitled)" when that is blank.
func untitled(s string) string {
	if s = oneLine(s); s != "" {
		return s
	}
	return "(untitled)"
}

// discussText is the "to discuss" flag of a gap whose views differ.
func discussText(g Gap) string {
	s := "⚠ to discuss: your view " + strconv.Itoa(g.Current)
	if g.Manager == 0 {
		return s + ", your manager's not assessed yet"
	}
	return s + ", your manager's " + strconv.Itoa(g.Manager)
}
