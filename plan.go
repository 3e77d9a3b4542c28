package main

import (
	"bytes"
	"fmt"
	"strings"

	"rapport/model"
	"rapport/storage/atomicfile"
	"rapport/storage/plansummary"
	"rapport/ui"
)

// planWriter is the window's PlanWriter, on storage/plansummary.
type planWriter struct{}

var _ ui.PlanWriter = planWriter{}

// Summary implements ui.PlanWriter.
func (planWriter) Summary(format string, plan model.PlanSummary) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "md":
		err = plansummary.Markdown(&buf, summaryOf(plan))
	case "html":
		err = plansummary.HTML(&buf, summaryOf(plan))
	default:
		return nil, fmt.Errorf("plan summary: unknown format %q", format)
	}
	return buf.Bytes(), err
}

// FileName implements ui.PlanWriter.
func (planWriter) FileName(plan model.PlanSummary, ext string) string {
	return plansummary.FileName(summaryOf(plan), ext)
}

// WriteFile implements ui.PlanWriter.
func (planWriter) WriteFile(path string, data []byte) error { return atomicfile.Write(path, data) }

// summaryOf puts a plan in the words of its printed summary. Only what is
// meant for the user's manager goes in: no notes on people, nothing from
// what the user shared about themselves.
func summaryOf(plan model.PlanSummary) plansummary.Summary {
	r := plan.Role
	s := plansummary.Summary{Role: r.Title, Horizon: r.Horizon.Label(), Why: r.Why, Generated: plan.Now}
	if !r.TargetDate.IsZero() {
		s.TargetDate = "by " + r.TargetDate.Format("January 2006")
	}
	name := func(id int64) string { return plan.People[id].Name }
	for _, q := range plan.Gaps {
		g := plansummary.Gap{Title: q.Title, Kind: q.Kind.Label(), Current: q.CurrentLevel, Target: q.TargetLevel,
			Manager: q.ManagerLevel, Importance: q.Importance, ViewsDiffer: q.ViewsDiffer()}
		for _, id := range q.AdvisorIDs {
			if n := name(id); n != "" {
				g.Advisors = append(g.Advisors, n)
			}
		}
		for _, a := range plan.Actions[q.ID] {
			if a.Status == model.ActionDropped {
				continue
			}
			act := plansummary.Action{Title: a.Title, Kind: a.Kind.Label(), Status: a.Status.Label()}
			if !a.DueOn.IsZero() && a.Status != model.ActionDone {
				act.Due = "due " + a.DueOn.Format("2 Jan 2006")
			}
			g.Actions = append(g.Actions, act)
			if a.Evidence {
				g.Evidence = append(g.Evidence, a.Title)
			}
		}
		s.Gaps = append(s.Gaps, g)
	}
	if plan.Panel.Total > 0 {
		s.PanelSummary = plan.Panel.Summary
		for _, m := range plan.Panel.Members {
			s.Panel = append(s.Panel, plansummary.PanelLine{Name: m.Person.Name, Part: m.Part.Label(),
				Stance: m.Person.Stance.Label(), Status: m.Status.Label(), NextStep: strings.TrimSpace(m.NextStep)})
		}
	}
	return s
}
