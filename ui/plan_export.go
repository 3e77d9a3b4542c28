package ui

import (
	"errors"
	"path/filepath"

	"rapport/model"
)

// PlanWriter renders a career plan's one-page summary; main hands in one
// built on storage/plansummary.
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
	return model.PlanSummary{Role: pg.role, Gaps: pg.reqs, Actions: pg.actions, People: people, Panel: pg.panel, Now: pg.s.w.now()}
}

// saveSummary asks where to save the summary in format ("md" or "html"),
// writes it whole, and opens the printable page in the browser.
func (pg *rolePage) saveSummary(format string) {
	w := pg.s.w
	pw := w.opts.Plans
	if pw == nil {
		w.showError("Could not write the summary", errNoPlanWriter)
		return
	}
	w.saveFileAs("the summary", pw.FileName(pg.summary(), format), "."+format, func(path string) {
		pg.writeSummary(format, path)
	})
}

// writeSummary writes the summary in format to path; the printable page is
// then opened in the browser.
func (pg *rolePage) writeSummary(format, path string) bool {
	w := pg.s.w
	data, err := w.opts.Plans.Summary(format, pg.summary())
	if err == nil {
		err = w.opts.Plans.WriteFile(path, data)
	}
	if err != nil {
		w.showError("Could not save the summary", err)
		return false
	}
	w.toast.show("Saved "+filepath.Base(path)+".", nil)
	if format == "html" {
		w.openPath(path)
	}
	return true
}
