package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// PeopleChooser picks several people by typing, with the suggestions of a
// PersonPicker: each one picked (Enter on the highlighted name, or a
// click) joins a list above the field, with a button to take them off,
// and the field empties for the next name.
type PeopleChooser struct {
	picker *PersonPicker
	picked []model.PersonSummary
	box    *fyne.Container
	// Entry is the field the names are typed into.
	Entry *TextField
	// Root is the chooser to place in a form: the list above the field.
	Root fyne.CanvasObject
}

// NewPeopleChooser offers people, with the field's placeholder.
func NewPeopleChooser(people []model.PersonSummary, placeholder string) *PeopleChooser {
	c := &PeopleChooser{picker: NewPersonPicker(people, placeholder), box: container.NewVBox()}
	c.picker.acceptExact = false // a full name may begin a longer one: Enter adds
	c.picker.OnPicked = c.Add
	c.Entry = c.picker.Entry
	c.Root = container.NewVBox(c.box, c.picker.Root)
	return c
}

// Add puts p on the list, once, and empties the field.
func (c *PeopleChooser) Add(p model.PersonSummary) {
	defer c.picker.Clear()
	for _, q := range c.picked {
		if q.ID == p.ID {
			return
		}
	}
	c.picked = append(c.picked, p)
	row := container.NewHBox()
	remove := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		for k, q := range c.picked {
			if q.ID == p.ID {
				c.picked = append(c.picked[:k], c.picked[k+1:]...)
				break
			}
		}
		c.box.Remove(row)
	})
	remove.Importance = widget.LowImportance
	row.Objects = []fyne.CanvasObject{widget.NewLabel(p.Name), remove}
	c.box.Add(row)
}

// IDs lists the IDs of the people chosen, in the order chosen.
func (c *PeopleChooser) IDs() []int64 {
	out := make([]int64, len(c.picked))
	for i, p := range c.picked {
		out[i] = p.ID
	}
	return out
}

// Picked are the people chosen, in the order chosen.
func (c *PeopleChooser) Picked() []model.PersonSummary { return c.picked }

// Options are the names on offer for what was typed last.
func (c *PeopleChooser) Options() []string { return c.picker.Suggestions() }
