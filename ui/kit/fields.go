package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// FieldSet lays out labelled inputs in a form and shows, under each, the
// problem found with it when the user tries to save. Field keys are the
// field names model validation reports ("name", "email", …).
type FieldSet struct {
	grid     *fyne.Container
	problems map[string]*ThemedText
	cells    map[string]fyne.CanvasObject // each input with its problem and hint
	labels   map[string]string
	order    []string
}

// NewFieldSet is an empty set of fields.
func NewFieldSet() *FieldSet {
	return &FieldSet{grid: container.New(layout.NewFormLayout()), problems: map[string]*ThemedText{},
		cells: map[string]fyne.CanvasObject{}, labels: map[string]string{}}
}

// Add appends an input labelled label for the field key, with an optional
// hint in grey under it.
func (f *FieldSet) Add(key, label string, input fyne.CanvasObject, hint string) {
	problem := NewThemedText("", theme.ColorNameError)
	problem.SizeName = theme.SizeNameCaptionText
	problem.Hide()
	f.problems[key] = problem
	f.labels[key] = label
	f.order = append(f.order, key)
	walkFields(input, func(t *TextField) {
		if t.picker != nil && t.picker.Relayout == nil {
			t.picker.Relayout = f.grid.Refresh
		}
	})
	cell := container.NewVBox(input, problem)
	f.cells[key] = cell
	if hint != "" {
		cell.Add(QuietText(hint, theme.SizeNameCaptionText))
	}
	l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{})
	f.grid.Add(l)
	f.grid.Add(cell)
}

// Section starts a group of fields under the heading title.
func (f *FieldSet) Section(title string) {
	f.grid.Add(layout.NewSpacer())
	f.grid.Add(CardHeading(title))
}

// Show marks every field problem in err (a *model.ValidationError) and the
// extra problems found while reading the inputs, clearing the rest, and
// scrolls the first field at fault into view, with its problem, in a form
// that follows the focus (see FollowFocus). It reports whether anything
// was wrong.
func (f *FieldSet) Show(err error, extra map[string]string) bool {
	var first fyne.CanvasObject
	for _, key := range f.order {
		msg := extra[key]
		if msg == "" {
			if m := model.FieldProblem(err, key); m != "" {
				msg = f.labels[key] + " " + m
			}
		}
		p := f.problems[key]
		if msg == "" {
			p.Hide()
			continue
		}
		if first == nil {
			first = f.cells[key]
		}
		p.Text = msg
		p.Show()
		p.Refresh()
	}
	if first != nil {
		RevealInScroll(first)
	}
	return first != nil
}

// Problem is the message shown under a field, "" when none.
func (f *FieldSet) Problem(key string) string {
	if p := f.problems[key]; p != nil && p.Visible() {
		return p.Text
	}
	return ""
}

// Content is the form: the labels, inputs and problems, in a grid.
func (f *FieldSet) Content() fyne.CanvasObject { return f.grid }
