package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// ContactReader reads contacts files (vCard, LinkedIn and Google CSV),
// recognising the format from the content; main hands in one built on
// storage/contacts.
type ContactReader interface {
	Read(name string, data []byte) (model.ContactFile, error)
}

// maxImportSize is the largest file the window reads for an import.
const maxImportSize = 200 << 20

// contactsImport previews a contacts file: who is new (with Add or Skip
// for each), who duplicates someone known (with Add, Merge or Skip), and
// the problems found, with two choices for everyone the file brings in:
// their company as their team too, and a cadence. It imports all of it in
// one go once confirmed. It keeps its widgets so tests can use them.
type contactsImport struct {
	w       *Window
	file    string
	format  model.ContactFormat
	matches []model.ImportMatch
	actions []*widget.Select // per match: Add or Skip for new people, and Merge for duplicates
	summary *widget.Label
	confirm *widget.Button
	dialog  dialog.Dialog

	// The choices for everyone the file brings in (model.ImportOptions).
	teamFromCompany *widget.Check
	cadence         *widget.Select // model.ImportCadences, as cadenceChoice words them
	addAllNew       *widget.Button
	skipAllNew      *widget.Button
}

// cadenceChoice words a cadence offered for everyone imported.
func cadenceChoice(days int) string {
	if days == 0 {
		return "The default: every " + fmt.Sprint(model.DefaultCadenceDays) + " days, once you have been in touch"
	}
	return kit.CadenceText(days)
}

// options are the choices made for everyone the file brings in.
func (ci *contactsImport) options() model.ImportOptions {
	o := model.ImportOptions{TeamFromOrganisation: ci.teamFromCompany.Checked}
	for _, days := range model.ImportCadences() {
		if cadenceChoice(days) == ci.cadence.Selected {
			o.CadenceDays = days
		}
	}
	return o
}

// openContactsImport asks for a contacts file and previews it.
func openContactsImport(w *Window) {
	w.chooseFile("the file", []string{".vcf", ".vcard", ".csv", ".VCF", ".CSV"}, w.importFile)
}

// chooseFile asks for a file with one of the extensions exts, and hands
// its path to then; what names it in an error.
func (w *Window) chooseFile(what string, exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			w.showError("Could not open "+what, err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		_ = rc.Close()
		then(path)
	}, w.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
}

// importFile previews the import of the file at path: a calendar goes to
// the calendar import, contacts to the contacts preview. The format is
// recognised from the content.
func (w *Window) importFile(path string) {
	name := filepath.Base(path)
	info, err := os.Stat(path)
	if err != nil {
		w.showError("Could not open "+name, err)
		return
	}
	if info.Size() > maxImportSize {
		w.showError("Could not import "+name, fmt.Errorf("the file is %d MB; Rapport reads files up to 200 MB", info.Size()>>20))
		return
	}
	if strings.EqualFold(filepath.Ext(path), ".ics") {
		w.importCalendarFile(path)
		return
	}
	if w.opts.Contacts == nil {
		w.showError("Could not import "+name, fmt.Errorf("this build of Rapport cannot read contacts files"))
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		w.showError("Could not read "+name, err)
		return
	}
	file, err := w.opts.Contacts.Read(name, data)
	if err != nil {
		w.showError("Could not import "+name+"; nothing was changed", err)
		return
	}
	if file.Format == model.FormatCalendar {
		w.importCalendarFile(path)
		return
	}
	previewContacts(w, path, file)
}

// previewContacts matches the file's people against everyone known and
// shows the preview.
func previewContacts(w *Window, path string, file model.ContactFile) *contactsImport {
	ctx := context.Background()
	existing, err := w.everyone(ctx)
	if err != nil {
		w.showError("Could not read people", err)
		return nil
	}
	ci := &contactsImport{w: w, file: path, format: file.Format, matches: model.MatchJobChanges(model.MatchImport(file.People, existing), existing)}
	ci.show(file.Problems)
	return ci
}

// show builds the preview dialog.
func (ci *contactsImport) show(problems []model.ImportProblem) {
	w := ci.w
	ci.summary = widget.NewLabel("")
	ci.summary.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox()
	ci.actions = make([]*widget.Select, len(ci.matches))
	for i, m := range ci.matches {
		rows.Add(ci.row(i, m))
	}
	if len(problems) > 0 {
		rows.Add(kit.Subheading(kit.Plural(len(problems), "problem", "problems") + " (those entries are left out)"))
		for _, p := range problems {
			where := "The file"
			if p.Line > 0 {
				where = fmt.Sprintf("Line %d", p.Line)
			}
			l := widget.NewLabel(where + ": " + p.Problem)
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.WarningImportance
			rows.Add(l)
		}
	}
	ci.confirm = widget.NewButtonWithIcon("Import", theme.ConfirmIcon(), ci.importAll)
	ci.confirm.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { ci.dialog.Hide() })
	note := kit.Quiet("Nothing is written until you import, and then all of it at once. A duplicate is someone with the same e-mail address, or the same name and organisation: merge fills in what their page lacks and never overwrites it, but for a new title or company, which it takes as a job change, keeping the old role in their history.")
	scroll := container.NewVScroll(rows)
	body := container.NewBorder(container.NewVBox(ci.summary, note, ci.choices()),
		container.NewHBox(layout.NewSpacer(), cancel, ci.confirm), nil, nil, scroll)
	ci.dialog = dialog.NewCustomWithoutButtons(fmt.Sprintf("Import %s (%s)", filepath.Base(ci.file), ci.format.Label()), body, w.win)
	ci.dialog.Resize(kit.FitWindow(w.win, fyne.NewSize(780, 600)))
	ci.refreshSummary()
	ci.dialog.Show()
	kit.FollowFocus(w.win.Canvas(), scroll, ci.dialog)
}

// choices are the choices for everyone the file brings in: the company as
// the team, a cadence, and Add or Skip for all the new people at once.
func (ci *contactsImport) choices() fyne.CanvasObject {
	ci.teamFromCompany = widget.NewCheck("Group them by company: use the company as their team too", nil)
	cadences := make([]string, 0, len(model.ImportCadences()))
	for _, days := range model.ImportCadences() {
		cadences = append(cadences, cadenceChoice(days))
	}
	ci.cadence = widget.NewSelect(cadences, nil)
	ci.cadence.SetSelected(cadences[0])
	ci.addAllNew = widget.NewButton("Add all new", func() { ci.setNew(model.ImportAdd) })
	ci.skipAllNew = widget.NewButton("Skip all new", func() { ci.setNew(model.ImportSkip) })
	box := container.NewVBox(ci.teamFromCompany,
		container.NewBorder(nil, nil, widget.NewLabel("Keep in touch with everyone imported:"), nil, ci.cadence))
	if slices.ContainsFunc(ci.matches, func(m model.ImportMatch) bool { return !m.Duplicate() }) {
		box.Add(container.NewHBox(layout.NewSpacer(), ci.addAllNew, ci.skipAllNew))
	}
	return box
}

// setNew chooses action for every new person of the file.
func (ci *contactsImport) setNew(action model.ImportAction) {
	for i, m := range ci.matches {
		if !m.Duplicate() {
			ci.actions[i].SetSelected(action.Label()) // its OnChanged sets the match
		}
	}
	ci.refreshSummary()
}

// row is one person of the file: who, where in the file, for a duplicate
// whom it duplicates, and what to do (Add or Skip, and Merge for a
// duplicate).
func (ci *contactsImport) row(i int, m model.ImportMatch) fyne.CanvasObject {
	p := m.Imported.Person
	name := widget.NewLabelWithStyle(p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	var parts []string
	if sub := p.Subtitle(); sub != "" {
		parts = append(parts, sub)
	}
	if p.Email != "" {
		parts = append(parts, p.Email)
	}
	if m.Imported.Line > 0 {
		parts = append(parts, fmt.Sprintf("line %d", m.Imported.Line))
	}
	if m.ExistingID != 0 {
		parts = append(parts, fmt.Sprintf("same %s as %s", m.By, m.Existing))
	}
	sub := widget.NewLabel(strings.Join(parts, " · "))
	sub.SizeName = theme.SizeNameCaptionText
	sub.Truncation = fyne.TextTruncateEllipsis
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	text := container.New(tight, name, sub)
	if job := jobChangeLabel(m); job != nil {
		text.Add(job)
	}
	choices := []string{model.ImportMerge.Label(), model.ImportSkip.Label(), model.ImportAdd.Label()}
	switch {
	case m.ExistingID == 0:
		choices = []string{model.ImportAdd.Label(), model.ImportSkip.Label()}
		text = container.NewBorder(nil, nil, nil, widget.NewLabel("New"), text)
	case m.ExistingID < 0: // a duplicate within the file: nobody to merge into yet
		choices = []string{model.ImportSkip.Label(), model.ImportAdd.Label()}
	}
	sel := widget.NewSelect(choices, func(label string) {
		for _, a := range []model.ImportAction{model.ImportAdd, model.ImportMerge, model.ImportSkip} {
			if a.Label() == label {
				ci.matches[i].Action = a
			}
		}
		ci.refreshSummary()
	})
	sel.SetSelected(m.Action.Label())
	ci.actions[i] = sel
	return container.NewBorder(nil, nil, nil, container.NewCenter(sel), text)
}

// refreshSummary counts what the import will do.
func (ci *contactsImport) refreshSummary() {
	if ci.confirm == nil {
		return // still being built
	}
	var add, merge, skip, dup, fresh int
	for _, m := range ci.matches {
		if m.ExistingID != 0 {
			dup++
		} else if m.Action == model.ImportAdd {
			fresh++
		}
		switch m.Action {
		case model.ImportAdd:
			add++
		case model.ImportMerge:
			merge++
		default:
			skip++
		}
	}
	ci.summary.SetText(fmt.Sprintf("%s in the file, %s of people you know. It will add %d, merge %d and skip %d.",
		kit.Plural(len(ci.matches), "person", "people"), kit.Plural(dup, "duplicate", "duplicates"), add, merge, skip) +
		jobChangesSummary(ci.matches))
	if add+merge == 0 {
		ci.confirm.Disable()
	} else {
		ci.confirm.Enable()
	}
	news := len(ci.matches) - dup
	enableWhen(ci.addAllNew, fresh < news)
	enableWhen(ci.skipAllNew, fresh > 0)
}

// importAll writes the import in one transaction.
func (ci *contactsImport) importAll() {
	w := ci.w
	added, merged, skipped, err := w.store.ImportPeople(context.Background(), ci.format, ci.options().Apply(ci.matches))
	if err != nil {
		w.showError("Could not import; nothing was changed", err)
		return
	}
	ci.dialog.Hide()
	w.toast.show(fmt.Sprintf("Imported from %s: %d added, %d merged, %d skipped.", filepath.Base(ci.file), added, merged, skipped), nil)
	w.screens.people.Reload()
	w.refresh()
}

// enableWhen enables b when on, else disables it.
func enableWhen(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// onDropped imports the first file dropped onto the window.
func (w *Window) onDropped(_ fyne.Position, uris []fyne.URI) {
	for _, u := range uris {
		if u.Scheme() == "file" {
			w.importFile(u.Path())
			return
		}
	}
}
