package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// PeopleChooser picks several people by typing: each one chosen from the
// drop-down joins a list above the field, with a button to take them off.
type PeopleChooser struct {
	people *PersonSuggester
	picked []model.PersonSummary
	box    *fyne.Container
	// Entry is the field the names are typed into.
	Entry *widget.SelectEntry
	// Root is the chooser to place in a form: the list above the field.
	Root fyne.CanvasObject
}

// NewPeopleChooser offers people, with the field's placeholder.
func NewPeopleChooser(people []model.PersonSummary, placeholder string) *PeopleChooser {
	c := &PeopleChooser{people: NewPersonSuggester(people), box: container.NewVBox()}
	c.Entry = widget.NewSelectEntry(nil)
	c.Entry.SetPlaceHolder(placeholder)
	c.Entry.OnChanged = c.suggest
	c.Root = container.NewVBox(c.box, c.Entry)
	return c
}

// suggest offers the people whose names match what was typed, and adds one
// when the text is exactly a suggestion (chosen from the drop-down).
func (c *PeopleChooser) suggest(text string) {
	if p, ok := c.people.Suggest(text); ok {
		c.Add(p)
		return
	}
	c.Entry.SetOptions(c.people.Options())
}

// Add puts p on the list, once.
func (c *PeopleChooser) Add(p model.PersonSummary) {
	defer func() {
		c.people.Clear()
		c.Entry.SetText("")
	}()
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
func (c *PeopleChooser) Options() []string { return c.people.Options() }
