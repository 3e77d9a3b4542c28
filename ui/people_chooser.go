package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// peopleChooser picks several people by typing: each one chosen from the
// drop-down joins a list above the field, with a button to take them off.
type peopleChooser struct {
	people *personSuggester
	picked []model.PersonSummary
	entry  *widget.SelectEntry
	box    *fyne.Container
	root   fyne.CanvasObject
}

// newPeopleChooser offers people, with the field's placeholder.
func newPeopleChooser(people []model.PersonSummary, placeholder string) *peopleChooser {
	c := &peopleChooser{people: newPersonSuggester(people), box: container.NewVBox()}
	c.entry = widget.NewSelectEntry(nil)
	c.entry.SetPlaceHolder(placeholder)
	c.entry.OnChanged = c.suggest
	c.root = container.NewVBox(c.box, c.entry)
	return c
}

// suggest offers the people whose names match what was typed, and adds one
// when the text is exactly a suggestion (chosen from the drop-down).
func (c *peopleChooser) suggest(text string) {
	if p, ok := c.people.suggest(text); ok {
		c.add(p)
		return
	}
	c.entry.SetOptions(c.people.options)
}

// add puts p on the list, once.
func (c *peopleChooser) add(p model.PersonSummary) {
	defer func() {
		c.people.clear()
		c.entry.SetText("")
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

// ids lists the IDs of the people chosen, in the order chosen.
func (c *peopleChooser) ids() []int64 {
	out := make([]int64, len(c.picked))
	for i, p := range c.picked {
		out[i] = p.ID
	}
	return out
}
