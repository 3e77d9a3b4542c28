package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// calendarImport previews the events of a calendar file and turns the
// ones with people the user knows into interactions, once confirmed. It
// keeps its widgets so tests can tap them.
type calendarImport struct {
	w       *Window
	file    string
	matches []model.EventMatch
	names   map[int64]string
	chosen  []bool // per match: import it
	zone    *time.Location

	summary *widget.Label
	list    *widget.List
	confirm *widget.Button
	dialog  dialog.Dialog
}

// openCalendarImport asks for a calendar file, then previews it.
func openCalendarImport(w *Window) {
	w.chooseFile("the calendar file", []string{".ics", ".ICS"}, w.importCalendarFile)
}

// importCalendarFile reads the calendar file at path off the window's
// goroutine (a big export takes a second or two), then previews it.
func (w *Window) importCalendarFile(path string) {
	reading := dialog.NewCustomWithoutButtons("Reading "+filepath.Base(path)+"…", widget.NewProgressBarInfinite(), w.win)
	reading.Show()
	go func() {
		events, err := readCalendarFile(w.opts.Calendar, path)
		fyne.Do(func() {
			reading.Hide()
			if err != nil {
				w.showError("Could not read "+filepath.Base(path), err)
				return
			}
			showCalendarImport(w, path, events)
		})
	}()
}

// readCalendarFile reads the events of the calendar file at path.
func readCalendarFile(cal Calendar, path string) ([]model.CalendarEvent, error) {
	if cal == nil {
		return nil, errNoCalendar
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return cal.Read(f)
}

// previewCalendarFile reads the calendar file at path and shows what
// importing it would do, on the window's goroutine.
func previewCalendarFile(w *Window, path string) *calendarImport {
	events, err := readCalendarFile(w.opts.Calendar, path)
	if err != nil {
		w.showError("Could not read "+filepath.Base(path), err)
		return nil
	}
	return showCalendarImport(w, path, events)
}

// showCalendarImport matches the events of the file at path to the
// people and previews the import. Nothing is written until the user
// confirms.
func showCalendarImport(w *Window, path string, events []model.CalendarEvent) *calendarImport {
	ctx := context.Background()
	people, err := w.everyone(ctx)
	if err != nil {
		w.showError("Could not read people", err)
		return nil
	}
	ci := &calendarImport{w: w, file: path, names: map[int64]string{}}
	for _, p := range people {
		ci.names[p.ID] = p.Name
	}
	settings := w.settings()
	ci.zone = w.zone(settings)
	ci.matches = model.MatchEvents(events, people, settings.UserEmail, w.now())
	ci.chosen = make([]bool, len(ci.matches))
	for i, m := range ci.matches {
		ci.chosen[i] = m.Imported()
	}
	ci.show()
	return ci
}

// show builds and opens the preview dialog.
func (ci *calendarImport) show() {
	ci.summary = widget.NewLabel("")
	ci.summary.Wrapping = fyne.TextWrapWord
	ci.list = widget.NewList(func() int { return len(ci.matches) }, ci.newRow, ci.updateRow)
	ci.confirm = widget.NewButtonWithIcon("Import", theme.ConfirmIcon(), ci.importChosen)
	ci.confirm.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { ci.dialog.Hide() })
	note := kit.Quiet("Each meeting becomes an interaction with the people in it, so their warmth reflects real contact. Events matched by name only are marked: check them. Importing the same file again adds nothing twice.")
	top := container.NewVBox(ci.summary, note)
	buttons := container.NewHBox(layout.NewSpacer(), cancel, ci.confirm)
	body := container.NewBorder(top, buttons, nil, nil, ci.list)
	ci.dialog = dialog.NewCustomWithoutButtons("Import past meetings from "+filepath.Base(ci.file), body, ci.w.win)
	ci.dialog.Resize(kit.FitWindow(ci.w.win, fyne.NewSize(760, 560)))
	ci.refreshSummary()
	ci.dialog.Show()
}

// refreshSummary counts what the import will do.
func (ci *calendarImport) refreshSummary() {
	n, skipped := 0, 0
	for i, m := range ci.matches {
		if ci.chosen[i] {
			n++
		}
		if !m.Imported() {
			skipped++
		}
	}
	text := fmt.Sprintf("%s in the file: %s to import", kit.Plural(len(ci.matches), "event", "events"), kit.Plural(n, "meeting", "meetings"))
	if skipped > 0 {
		text += fmt.Sprintf(", %d left out (reasons below)", skipped)
	}
	ci.summary.SetText(text + ".")
	ci.confirm.SetText(fmt.Sprintf("Import %s", kit.Plural(n, "meeting", "meetings")))
	if n == 0 {
		ci.confirm.Disable()
	} else {
		ci.confirm.Enable()
	}
}

func (ci *calendarImport) newRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	when := widget.NewLabel("Wed 30 Dec 2026")
	title := widget.NewLabelWithStyle("Coffee", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	sub := widget.NewLabel("")
	sub.SizeName = theme.SizeNameCaptionText
	sub.Truncation = fyne.TextTruncateEllipsis
	tight := layout.NewCustomPaddedVBoxLayout(-2 * theme.Padding())
	return container.NewBorder(nil, nil, container.NewHBox(check, container.New(&kit.FixedWidth{Width: 130}, when)), nil,
		container.New(tight, title, sub))
}

func (ci *calendarImport) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	m := ci.matches[id]
	row := o.(*fyne.Container)
	text := row.Objects[0].(*fyne.Container)
	left := row.Objects[1].(*fyne.Container)
	check := left.Objects[0].(*widget.Check)
	check.OnChanged = nil
	check.SetChecked(ci.chosen[id])
	if m.Imported() {
		check.Enable()
	} else {
		check.Disable()
	}
	check.OnChanged = func(on bool) {
		ci.chosen[id] = on
		ci.refreshSummary()
	}
	when := "no date"
	if !m.Event.Start.IsZero() {
		when = m.Event.Start.In(ci.zone).Format("Mon 2 Jan 2006")
	}
	left.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(when)
	title := strings.TrimSpace(m.Event.Summary)
	if title == "" {
		title = "(no title)"
	}
	text.Objects[0].(*widget.Label).SetText(title)
	text.Objects[1].(*widget.Label).SetText(ci.details(m))
}

// details says who an event was with and how they were found, or why it
// is left out.
func (ci *calendarImport) details(m model.EventMatch) string {
	var names []string
	for _, id := range m.PersonIDs {
		names = append(names, ci.names[id])
	}
	with := ""
	if len(names) > 0 {
		with = "with " + strings.Join(names, ", ")
	}
	switch {
	case !m.Imported() && with != "":
		return kit.CapitalFirst(m.Skip) + " · " + with
	case !m.Imported():
		return kit.CapitalFirst(m.Skip)
	case m.By == model.MatchedByName:
		return m.Kind.Label() + " " + with + " · matched by name: check it is them"
	}
	return m.Kind.Label() + " " + with
}

// importChosen writes the chosen events as interactions, in one go.
func (ci *calendarImport) importChosen() {
	var list []model.Interaction
	for i, m := range ci.matches {
		if ci.chosen[i] && m.Imported() {
			list = append(list, m.Interaction())
		}
	}
	added, skipped, err := ci.w.store.ImportInteractions(context.Background(), list)
	if err != nil {
		ci.w.showError("Could not import the meetings; nothing was changed", err)
		return
	}
	ci.dialog.Hide()
	msg := fmt.Sprintf("Imported %s as interactions.", kit.Plural(added, "meeting", "meetings"))
	if skipped > 0 {
		msg += fmt.Sprintf(" %s already there.", kit.Plural(skipped, "was", "were"))
	}
	ci.w.toast.show(msg, nil)
	ci.w.refresh()
}
