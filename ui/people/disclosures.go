package people

import (
	"cmp"
	"context"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/forms"
	"rapport/ui/kit"
)

// frameCaption is the promise the frame log makes, said under its heading.
const frameCaption = "Private: never in anything you export."

// frameSection is the person page's part of the user's private log of
// what they have shared about themselves with this person (the frame):
// each entry's topic, sensitivity, day and notes, the newest first. On an
// active person's page entries can be added, edited and deleted (with
// Undo); a page in the trash only lists them. It keeps its widgets so
// tests can tap them.
type frameSection struct {
	s      *Screen
	person model.Person

	list []model.Disclosure // as listed, the newest first
	rows []frameRow         // their rows, in the same order

	add  *widget.Button // nil on a page in the trash
	box  *fyne.Container
	root *fyne.Container
}

// frameRow is the row of one disclosure, with its buttons (nil on a page
// in the trash).
type frameRow struct {
	disclosure model.Disclosure
	edit       *widget.Button
	remove     *widget.Button
}

// newFrameSection builds the section listing what the user shared with
// the person of the page read.
func newFrameSection(s *Screen, data model.PersonPage) *frameSection {
	p := data.Person
	fs := &frameSection{s: s, person: p, box: container.NewVBox()}
	heading := widget.NewLabelWithStyle("What you have shared with "+kit.FirstName(p.Name),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	caption := kit.QuietText(frameCaption, theme.SizeNameCaptionText)
	var head fyne.CanvasObject = heading
	if !p.Archived() {
		fs.add = widget.NewButtonWithIcon("Add…", theme.ContentAddIcon(), func() {
			openDisclosureEditor(s, fs.person, model.Disclosure{PersonID: fs.person.ID}, func(model.Disclosure) { s.changed() })
		})
		fs.add.Importance = widget.LowImportance
		head = container.NewBorder(nil, nil, nil, fs.add, heading)
	}
	fs.root = container.NewVBox(widget.NewSeparator(), head, caption, fs.box)
	fs.setList(data.Disclosures)
	return fs
}

// setList lists the entries of list, the newest first.
func (fs *frameSection) setList(list []model.Disclosure) {
	slices.SortStableFunc(list, func(a, b model.Disclosure) int {
		return cmp.Or(b.SharedOn.Compare(a.SharedOn), cmp.Compare(b.ID, a.ID))
	})
	fs.list = list
	fs.show()
}

// show lists fs.list, or says there is nothing yet.
func (fs *frameSection) show() {
	fs.rows = fs.rows[:0]
	objs, ok := startSection(fs.root, len(fs.list), fs.person, "Nothing logged. Note what you tell "+
		kit.FirstName(fs.person.Name)+" about yourself, and how sensitive it is.")
	if !ok {
		return
	}
	for _, d := range fs.list {
		r, obj := fs.newRow(d)
		fs.rows = append(fs.rows, r)
		objs = append(objs, obj)
	}
	fs.box.Objects = objs
	fs.box.Refresh()
}

// newRow builds the row of d: the day, the topic with its sensitivity,
// the notes, and the buttons to edit and delete it.
func (fs *frameSection) newRow(d model.Disclosure) (frameRow, fyne.CanvasObject) {
	r := frameRow{disclosure: d}
	when := widget.NewLabel(kit.DayText(d.SharedOn))
	topic := widget.NewLabelWithStyle(d.Topic, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	topic.Wrapping = fyne.TextWrapWord
	text := container.NewVBox(container.NewBorder(nil, nil, nil, sensitivityChip(d.Sensitivity), topic))
	if notes := strings.TrimSpace(d.Notes); notes != "" {
		text.Add(kit.ValueLabel(notes))
	}
	var buttons fyne.CanvasObject
	if !fs.person.Archived() {
		r.edit = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() {
			openDisclosureEditor(fs.s, fs.person, d, func(model.Disclosure) { fs.s.changed() })
		})
		r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { fs.remove(d) })
		r.edit.Importance, r.remove.Importance = widget.LowImportance, widget.LowImportance
		buttons = container.NewVBox(container.NewHBox(r.edit, r.remove))
	}
	left := container.New(&kit.FixedWidth{Width: 110}, when)
	return r, container.NewBorder(nil, nil, left, buttons, text)
}

// remove deletes d from the log, offering to put it back.
func (fs *frameSection) remove(d model.Disclosure) {
	if err := fs.s.store.DeleteDisclosure(context.Background(), d.ID); err != nil {
		fs.s.nav.ShowError("Could not delete it", err)
		return
	}
	fs.s.nav.Toast("Deleted from your private log: "+d.Topic+".", func() {
		again := d // under its own ID, so it is the same entry again
		if err := fs.s.store.CreateDisclosure(context.Background(), &again); err != nil {
			fs.s.nav.ShowError("Could not undo", err)
			return
		}
		fs.s.changed()
	})
	fs.s.changed()
}

// sensitivityColor is the colour of a sensitivity: grey, amber, red.
func sensitivityColor(s model.Sensitivity) color.NRGBA {
	switch s {
	case model.SensitivityHigh:
		return color.NRGBA{R: 0xd6, G: 0x45, B: 0x45, A: 0xff}
	case model.SensitivityMedium:
		return color.NRGBA{R: 0xe0, G: 0x9a, B: 0x2b, A: 0xff}
	}
	return color.NRGBA{R: 0x94, G: 0x9a, B: 0xa3, A: 0xff}
}

// sensitivityChip is a sensitivity in words on a rounded chip of its
// colour: "High".
func sensitivityChip(s model.Sensitivity) fyne.CanvasObject {
	bg := canvas.NewRectangle(sensitivityColor(s))
	bg.CornerRadius = 8
	text := kit.NewThemedText(s.Label(), theme.ColorNameForegroundOnPrimary)
	text.TextStyle.Bold = true
	text.SizeName = theme.SizeNameCaptionText
	return container.NewCenter(container.NewStack(bg, container.NewPadded(text)))
}

// disclosureEditor adds an entry to the frame log, or edits one: what the
// user shared with the person, how sensitive it is, when, and notes.
// Before saving something of high sensitivity shared with a decision-maker
// (see model.NeedsFrameCheck) it asks once whether the user is sure.
type disclosureEditor struct {
	s          *Screen
	person     model.Person
	disclosure model.Disclosure // the entry edited; ID 0 for a new one
	onSaved    func(model.Disclosure)

	topic       *kit.TextField
	sensitivity *widget.RadioGroup
	sharedOn    *kit.DateField
	notes       *kit.TextField
	fields      *kit.FieldSet
	save        *widget.Button
	dialog      dialog.Dialog

	// asked is set once the "are you sure?" question has been put: it is
	// not put again in this form.
	asked bool
	// question is the question put, "" until then.
	question string
	// confirmFrame answers the question on show (true saves); nil when
	// none is waiting for an answer.
	confirmFrame func(bool)
	confirm      *dialog.ConfirmDialog // the question on show, once put
}

// openDisclosureEditor opens the form for d, something shared with p: a
// new entry when d.ID is 0.
func openDisclosureEditor(s *Screen, p model.Person, d model.Disclosure, onSaved func(model.Disclosure)) *disclosureEditor {
	e := &disclosureEditor{s: s, person: p, disclosure: d, onSaved: onSaved}
	e.topic = kit.Entry(d.Topic, "Thinking of leaving; my health; the offer from Globex")
	e.sensitivity = widget.NewRadioGroup(model.Labels(model.Sensitivities()), nil)
	e.sensitivity.Horizontal = true
	e.sensitivity.Required = true
	if !d.Sensitivity.Valid() {
		d.Sensitivity = model.SensitivityLow
	}
	e.sensitivity.SetSelected(d.Sensitivity.Label())
	e.sharedOn = kit.NewDateField("today", "today, yesterday, last Fri, 3 days ago", model.DatePast, e.s.now, "")
	if !d.SharedOn.IsZero() {
		e.sharedOn.SetText(kit.DayText(d.SharedOn))
	}
	e.notes = kit.MultiLine(d.Notes, "What exactly you said, and how they took it", 3)

	f := kit.NewFieldSet()
	f.Add("topic", "Topic", e.topic, "")
	f.Add("sensitivity", "Sensitivity", e.sensitivity, "")
	f.Add("shared on", "Shared on", e.sharedOn.Root, "")
	f.Add("notes", "Notes", e.notes, frameCaption)
	e.fields = f

	title, verb := "Shared with "+p.Name, "Add"
	if d.ID != 0 {
		verb = "Save"
	}
	win := s.nav.Window()
	e.dialog, e.save = forms.Open(s.nav, f, title, verb, fyne.NewSize(600, 440), e.submit)
	win.Canvas().Focus(e.topic)
	return e
}

// read builds the entry the form describes.
func (e *disclosureEditor) read() (model.Disclosure, map[string]string) {
	problems := map[string]string{}
	d := e.disclosure
	d.PersonID = e.person.ID
	d.Topic = strings.TrimSpace(e.topic.Text)
	d.Notes = strings.TrimSpace(e.notes.Text)
	if s, ok := model.FromLabel(model.Sensitivities(), e.sensitivity.Selected); ok {
		d.Sensitivity = s
	}
	day, err := model.ParseDay(e.sharedOn.Text, e.s.now())
	switch {
	case err != nil:
		problems["shared on"] = "Shared on: " + err.Error()
	case day.IsZero():
		problems["shared on"] = "Shared on is required"
	}
	d.SharedOn = day
	return d, problems
}

func (e *disclosureEditor) submit() {
	d, problems := e.read()
	if e.fields.Show(d.Validate(), problems) {
		return
	}
	// A new entry, or one raised to high, shared with a decision-maker:
	// ask once.
	raised := e.disclosure.ID == 0 || e.disclosure.Sensitivity != model.SensitivityHigh
	if !e.asked && raised {
		onPanel, err := e.s.store.OnPanel(context.Background(), e.person.ID)
		if err != nil {
			e.s.nav.ShowError("Could not read the promotion panels", err)
			return
		}
		if model.NeedsFrameCheck(d, e.person, onPanel) {
			e.ask(d, onPanel)
			return
		}
	}
	e.store(d)
}

// ask puts the question whether to save d, shared with a decision-maker,
// and saves it only when the user confirms.
func (e *disclosureEditor) ask(d model.Disclosure, onPanel bool) {
	e.asked = true
	e.question = frameQuestion(e.person, onPanel)
	answered := false
	answer := func(ok bool) {
		if answered {
			return
		}
		answered = true
		e.confirmFrame = nil
		if ok {
			e.store(d)
		}
	}
	e.confirm = dialog.NewConfirm("Shared with a decision-maker", e.question, answer, e.s.nav.Window())
	e.confirm.SetConfirmText("Save anyway")
	e.confirm.SetDismissText("Cancel")
	e.confirmFrame = func(ok bool) {
		answer(ok)
		e.confirm.Hide() // answered already: hiding answers nothing more
	}
	e.confirm.Show()
}

// frameQuestion is the "are you sure?" put before saving something of
// high sensitivity shared with p, a decision-maker.
func frameQuestion(p model.Person, onPanel bool) string {
	var why []string
	if p.Influence >= model.HighInfluence {
		why = append(why, fmt.Sprintf("influence %d", p.Influence))
	}
	if onPanel {
		why = append(why, "on your promotion panel")
	}
	say := p.Name + " has a say in your next move"
	if len(why) > 0 {
		say += " (" + strings.Join(why, ", ") + ")"
	}
	return "Are you sure? " + say + ". High-sensitivity things shared with decision-makers can shape how they see you."
}

// store saves d and closes the form.
func (e *disclosureEditor) store(d model.Disclosure) {
	if !forms.SaveRecord(e.s.nav, e.fields, &d, d.ID == 0, e.s.store.CreateDisclosure, e.s.store.UpdateDisclosure,
		"Could not save what you shared") {
		return
	}
	e.dialog.Hide()
	if e.disclosure.ID == 0 {
		e.s.nav.Toast("Noted privately: "+d.Topic+", shared with "+kit.FirstName(e.person.Name)+".", nil)
	}
	if e.onSaved != nil {
		e.onSaved(d)
	}
}
