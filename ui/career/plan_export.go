package career

import (
	"errors"
	"path/filepath"

	"rapport/model"
)

// PlanWriter renders a career plan's one-page summary and writes it;
// storage/plansummary's Writer is one.
type PlanWriter interface {
	// Summary renders plan as "md" (Markdown) or "html" (a page that a
	// browser prints on one sheet).
	Summary(format string, plan model.PlanSummary) ([]byte, error)
	// FileName is the summary's file name, with ext ("md" or "html").
	FileName(plan model.PlanSummary, ext string) string
	// WriteFile writes data to path whole or not at all, readable by the
	// user alone.
	WriteFile(path string, data []byte) error
}

var errNoPlanWriter = errors.New("this build of Rapport cannot write plan summaries")

// summary is the page's plan, for the writer.
func (pg *rolePage) summary() model.PlanSummary {
	people := make(map[int64]model.Person, len(pg.people)+len(pg.panel.Members))
	for id, p := range pg.people {
		people[id] = p
	}
	for _, m := range pg.panel.Members {
		people[m.Person.ID] = m.Person
	}
	return model.PlanSummary{Role: pg.role, Gaps: pg.reqs, Actions: pg.actions, People: people, Panel: pg.panel, Now: pg.s.now()}
}

// saveSummary asks where to save the summary in format ("md" or "html"),
// writes it whole, and opens the printable page in the browser.
func (pg *rolePage) saveSummary(format string) {
	s := pg.s
	if s.plans == nil {
		s.nav.ShowError("Could not write the summary", errNoPlanWriter)
		return
	}
	s.nav.SaveFileAs("the summary", s.plans.FileName(pg.summary(), format), "."+format, func(path string) {
		pg.writeSummary(format, path)
	})
}

// writeSummary writes the summary in format to path; the printable page is
// then opened in the browser.
func (pg *rolePage) writeSummary(format, path string) {
	s := pg.s
	data, err := s.plans.Summary(format, pg.summary())
	if err == nil {
		err = s.plans.WriteFile(path, data)
	}
	if err != nil {
		s.nav.ShowError("Could not save the summary", err)
		return
	}
	s.nav.Toast("Saved "+filepath.Base(path)+".", nil)
	if format == "html" {
		s.nav.OpenFile(path)
	}
}
