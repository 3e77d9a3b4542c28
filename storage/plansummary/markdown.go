package plansummary

import (
	"io"
	"strconv"
	"strings"
)

// Markdown writes s to w as Markdown (CommonMark, with GitHub's tables and
// task lists): a heading, why the role, a table of the gaps, then for each
// gap its actions as a checklist, its advisors, its evidence and whether
// the user's and the manager's views need discussing; then the promotion
// panel, when s has a PanelSummary.
//
// Every piece of user text is escaped, so that none of it can start a
// heading, a list, a link, emphasis or raw HTML, or add a column to the
// table. Fields meant to be one line have their newlines made spaces; Why
// keeps its paragraphs and line breaks.
func Markdown(w io.Writer, s Summary) error {
	var b strings.Builder
	b.WriteString("# " + mdEscape(title(s)) + "\n")
	if sub := subtitle(s); len(sub) > 0 {
		b.WriteString("\n" + mdJoin(sub, " · ") + "\n")
	}

	if paras := paragraphs(s.Why); len(paras) > 0 {
		b.WriteString("\n## Why this role\n")
		for _, p := range paras {
			lines := make([]string, len(p))
			for i, l := range p {
				lines[i] = mdEscape(l)
			}
			// A backslash at the end of a line is a hard line break.
			b.WriteString("\n" + strings.Join(lines, "\\\n") + "\n")
		}
	}

	b.WriteString("\n## Gaps\n\n")
	if len(s.Gaps) == 0 {
		b.WriteString("No gaps recorded yet.\n")
	} else {
		mdGapTable(&b, s.Gaps)
		for i, g := range s.Gaps {
			mdGap(&b, i+1, g)
		}
	}

	if sum := oneLine(s.PanelSummary); sum != "" {
		b.WriteString("\n## Promotion panel\n\n" + mdEscape(sum) + "\n")
		if len(s.Panel) > 0 {
			b.WriteString("\n")
		}
		for _, p := range s.Panel {
			mdPanelLine(&b, p)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdGapTable writes the table of gaps, in priority order.
func mdGapTable(b *strings.Builder, gaps []Gap) {
	b.WriteString("| Requirement | Kind | Now | Target | Manager | Importance |\n")
	b.WriteString("| --- | --- | ---: | ---: | ---: | ---: |\n")
	for _, g := range gaps {
		manager := "—"
		if g.Manager != 0 {
			manager = strconv.Itoa(g.Manager)
		}
		if g.ViewsDiffer {
			manager += " ⚠"
		}
		cells := []string{
			mdEscape(untitled(g.Title)),
			mdEscape(oneLine(g.Kind)),
			strconv.Itoa(g.Current),
			strconv.Itoa(g.Target),
			manager,
			strconv.Itoa(g.Importance),
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("\nLevels run from 0 to 5; — means your manager has not assessed it yet, ⚠ that your views differ.\n")
}

// mdGap writes gap number n in full: the flag, actions, advisors and
// evidence.
func mdGap(b *strings.Builder, n int, g Gap) {
	b.WriteString("\n### " + strconv.Itoa(n) + ". " + mdEscape(untitled(g.Title)) + "\n\n")
	if g.ViewsDiffer {
		b.WriteString(discussText(g) + "\n\n")
	}
	if len(g.Actions) == 0 {
		b.WriteString("No actions yet.\n")
	}
	for _, a := range g.Actions {
		box := "- [ ] "
		if isDone(a.Status) {
			box = "- [x] "
		}
		line := box + mdEscape(untitled(a.Title))
		if meta := actionMeta(a); len(meta) > 0 {
			line += " (" + mdJoin(meta, " · ") + ")"
		}
		b.WriteString(line + "\n")
	}
	if adv := names(g.Advisors); len(adv) > 0 {
		b.WriteString("\n**Advisors:** " + mdJoin(adv, ", ") + "\n")
	}
	if ev := names(g.Evidence); len(ev) > 0 {
		b.WriteString("\n**Evidence:**\n\n")
		for _, e := range ev {
			b.WriteString("- " + mdEscape(e) + "\n")
		}
	}
}

// mdPanelLine writes one member of the panel as a list item:
// "- **Priya Shah** (Panel chair): Neutral · Briefed · next: …".
func mdPanelLine(b *strings.Builder, p PanelLine) {
	name := oneLine(p.Name)
	if name == "" {
		name = "(unnamed)"
	}
	line := "- **" + mdEscape(name) + "**"
	if part := oneLine(p.Part); part != "" {
		line += " (" + mdEscape(part) + ")"
	}
	var rest []string
	for _, f := range []string{p.Stance, p.Status} {
		if f = oneLine(f); f != "" {
			rest = append(rest, f)
		}
	}
	if next := oneLine(p.NextStep); next != "" {
		rest = append(rest, "next: "+next)
	}
	if len(rest) > 0 {
		line += ": " + mdJoin(rest, " · ")
	}
	b.WriteString(line + "\n")
}

// mdJoin escapes each of parts and joins them with sep.
func mdJoin(parts []string, sep string) string {
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = mdEscape(p)
	}
	return strings.Join(out, sep)
}

// mdEscape escapes one line of user text so that Markdown shows it as it
// is, wherever it stands: inside a table cell, a heading, a list item or
// at the start of a line. It backslash-escapes the characters that mean
// something anywhere in a line (\ ` * _ [ ] < | ~), a # that could open or
// close a heading, an & that could start an entity, and a first character
// that could start a block (> + - = or the . or ) after a number).
func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '|', '~':
			b.WriteByte('\\')
		case '#':
			if i == 0 || s[i-1] == ' ' || s[i-1] == '\t' {
				b.WriteByte('\\')
			}
		case '&':
			if entityLike(s[i+1:]) {
				b.WriteByte('\\')
			}
		case '>', '+', '-', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			if i > 0 && allDigits(s[:i]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// entityLike reports whether s, the text after an &, would make it an
// HTML entity or character reference: name; or #digits; or #xhex;.
func entityLike(s string) bool {
	s = strings.TrimPrefix(s, "#")
	n := 0
	for n < len(s) && isAlnum(s[n]) {
		n++
	}
	return n > 0 && n < len(s) && s[n] == ';'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
