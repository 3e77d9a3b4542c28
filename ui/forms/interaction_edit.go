package forms

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"rapport/model"
	"rapport/ui/kit"
)

// InteractionRemover is what deleting an interaction, and undoing that,
// writes.
type InteractionRemover interface {
	RemoveInteraction(ctx context.Context, id int64) (model.RemovedInteraction, error)
	RestoreInteraction(ctx context.Context, r model.RemovedInteraction) (model.Interaction, error)
}

// InteractionEditStore is what the interaction form reads and writes when
// it edits a logged interaction.
type InteractionEditStore interface {
	InteractionStore
	UpdateInteraction(ctx context.Context, i *model.Interaction) error
}

// InteractionEdit is the interaction form (the one LogInteraction shows)
// filled in with an interaction already logged, saving the changes to it.
type InteractionEdit struct {
	*InteractionEditor
	store    InteractionEditStore
	original model.Interaction
	dateText string  // the date as first shown: unchanged, the time of day is kept
	kept     []int64 // people who were there but cannot be offered (in the trash): kept
}

// EditInteraction shows the interaction form over host filled in with i,
// as seen from person's page, and saves the changes in store with an Undo
// in the toast; onSaved (if any) runs after a save and after an undo.
func EditInteraction(host Host, store InteractionEditStore, i model.Interaction, person model.Person, onSaved func()) *InteractionEdit {
	x := &InteractionEdit{InteractionEditor: newInteractionEditor(host, store, person, onSaved, false), store: store, original: i}
	x.fill(othersThan(x.people, person.ID))
	x.open(host, "Edit the "+strings.ToLower(i.Kind.Label())+" with "+person.Name, "Save", fyne.NewSize(600, 520), x.save)
	host.Window().Canvas().Focus(x.Summary)
	return x
}

// fill puts the interaction's fields into the inputs; offered are the
// people the form offers to add.
func (x *InteractionEdit) fill(offered []model.PersonSummary) {
	i := x.original
	x.Kind.SetSelected(i.Kind.Label())
	x.dateText = i.At.Local().Format("2006-01-02")
	x.Date.SetText(x.dateText)
	x.Summary.SetText(i.Summary)
	x.Notes.SetText(i.Notes)
	for _, id := range i.PersonIDs {
		if id == x.person.ID {
			continue
		}
		k := slices.IndexFunc(offered, func(p model.PersonSummary) bool { return p.ID == id })
		if k < 0 {
			x.kept = append(x.kept, id)
			continue
		}
		x.Others.Add(offered[k])
	}
}

// save validates the form and, when everything is right, saves the
// changes, with an Undo that puts the interaction back as it was.
func (x *InteractionEdit) save() {
	c, problems := x.read()
	i := c.Interaction
	if strings.TrimSpace(x.Date.Text) == x.dateText {
		i.At = x.original.At
	}
	i.ID, i.CreatedAt = x.original.ID, x.original.CreatedAt
	i.PersonIDs = append(i.PersonIDs, x.kept...)
	if x.Fields.Show(i.Validate(), problems) {
		return
	}
	if !Saved(x.host, x.Fields, x.store.UpdateInteraction(context.Background(), &i), "Could not save the interaction") {
		return
	}
	x.Dialog.Hide()
	old, host, store, onSaved := x.original, x.host, x.store, x.onSaved
	host.Toast(InteractionWords(i, []string{x.person.Name}, host.Now())+" saved.", func() {
		if err := store.UpdateInteraction(context.Background(), &old); err != nil {
			host.ShowError("Could not undo the change", err)
		}
		if onSaved != nil {
			onSaved()
		}
	})
	if onSaved != nil {
		onSaved()
	}
}

// DeleteInteraction deletes i from store at once, asking nothing, and
// says so at the foot of host ("Coffee with Helena on Fri 4 Dec
// deleted.") with an Undo that puts it back exactly: the same people, and
// the promises and meetings that pointed at it. with are the names of
// whom it was with; onChanged (if any) runs after the delete and after an
// undo.
func DeleteInteraction(host Host, store InteractionRemover, i model.Interaction, with []string, onChanged func()) {
	removed, err := store.RemoveInteraction(context.Background(), i.ID)
	if err != nil {
		host.ShowError("Could not delete the interaction", err)
		return
	}
	host.Toast(InteractionWords(i, with, host.Now())+" deleted.", func() {
		if _, err := store.RestoreInteraction(context.Background(), removed); err != nil {
			host.ShowError("Could not undo the delete", err)
		}
		if onChanged != nil {
			onChanged()
		}
	})
	if onChanged != nil {
		onChanged()
	}
}

// InteractionWords names an interaction in a toast: "Coffee with Helena
// on Fri 4 Dec", with the first names of with (whom it was with).
func InteractionWords(i model.Interaction, with []string, now time.Time) string {
	first := make([]string, len(with))
	for k, name := range with {
		first[k] = kit.FirstName(name)
	}
	words := i.Kind.Label()
	switch len(first) {
	case 0:
	case 1:
		words += " with " + first[0]
	default:
		words += " with " + strings.Join(first[:len(first)-1], ", ") + " and " + first[len(first)-1]
	}
	return words + " on " + model.DateReadBack(model.Day(i.At.Local()), now)
}
