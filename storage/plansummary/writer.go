package plansummary

import (
	"bytes"
	"fmt"
	"strings"

	"rapport/model"
	"rapport/storage/atomicfile"
)

// Writer writes the summaries of model plans: it puts a model.PlanSummary
// into words (FromPlan) and writes them as Markdown or HTML. It is what
// the window's plan export uses (it satisfies career.PlanWriter).
type Writer struct{}

// Summary writes plan in format, "md" (Markdown) or "html" (a page to
// print).
func (Writer) Summary(format string, plan model.PlanSummary) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "md":
		err = Markdown(&buf, FromPlan(plan))
	case "html":
		err = HTML(&buf, FromPlan(plan))
	default:
		return nil, fmt.Errorf("plan summary: unknown format %q", format)
	}
	return buf.Bytes(), err
}

// FileName is the file name to suggest for the summary of plan, ending in
// ext.
func (Writer) FileName(plan model.PlanSummary, ext string) string {
	return FileName(FromPlan(plan), ext)
}

// WriteFile writes a summary to path whole or not at all, readable by the
// user alone.
func (Writer) WriteFile(path string, data []byte) error { return atomicfile.Write(path, data) }

// FromPlan puts a plan in the words of its printed summary. Only what is
// meant for the user's manager goes in: no notes on people or actions,
// nothing from what the user shared about themselves, no dropped actions.
func FromPlan(plan model.PlanSummary) Summary {
	r := plan.Role
	s := Summary{Role: r.Title, Horizon: r.Horizon.Label(), Why: r.Why, Generated: plan.Now}
	if !r.TargetDate.IsZero() {
		s.TargetDate = "by " + r.TargetDate.Format("January 2006")
	}
	for _, q := range plan.Gaps {
		s.Gaps = append(s.Gaps, gapOf(plan, q))
	}
	if plan.Panel.Total > 0 {
		s.PanelSummary = plan.Panel.Summary
		for _, m := range plan.Panel.Members {
			s.Panel = append(s.Panel, PanelLine{Name: m.Person.Name, Part: m.Part.Label(),
				Stance: m.Person.Stance.Label(), Status: m.Status.Label(), NextStep: strings.TrimSpace(m.NextStep)})
		}
	}
	return s
}

// gapOf is requirement q of plan in words, with its advisors and actions.
func gapOf(plan model.PlanSummary, q model.Requirement) Gap {
	g := Gap{Title: q.Title, Kind: q.Kind.Label(), Current: q.CurrentLevel, Target: q.TargetLevel,
		Manager: q.ManagerLevel, Importance: q.Importance, ViewsDiffer: q.ViewsDiffer()}
	for _, id := range q.AdvisorIDs {
		if n := plan.People[id].Name; n != "" {
			g.Advisors = append(g.Advisors, n)
		}
	}
	for _, a := range plan.Actions[q.ID] {
		if a.Status == model.ActionDropped {
			continue
		}
		act := Action{Title: a.Title, Kind: a.Kind.Label(), Status: a.Status.Label()}
		if !a.DueOn.IsZero() && a.Status != model.ActionDone {
			act.Due = "due " + a.DueOn.Format("2 Jan 2006")
		}
		g.Actions = append(g.Actions, act)
		if a.Evidence {
			g.Evidence = append(g.Evidence, a.Title)
		}
	}
	return g
}
