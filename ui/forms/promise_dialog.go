package forms

import (
	"context"
	"fmt"
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

// KeepPromise marks p kept today (kept late when past its due date) in
// store, says so at the foot of host with Undo, then calls onChanged (if
// any); name is whom the promise is with.
func KeepPromise(host Host, store PromiseWriter, p model.Promise, name string, onChanged func()) {
	kept, err := p.Keep(host.Now())
	if err != nil {
		host.ShowError("Could not mark the promise kept", err)
		return
	}
	ChangePromise(host, store, p, kept, name, onChanged)
}

// ChangePromise saves changed in place of old in store, says what
// happened at the foot of host with an Undo that puts old back, and calls
// onChanged (if any), again after an undo.
func ChangePromise(host Host, store PromiseWriter, old, changed model.Promise, name string, onChanged func()) {
	if err := store.UpdatePromise(context.Background(), &changed); err != nil {
		host.ShowError("Could not update the promise", err)
		return
	}
	what := fmt.Sprintf("%s: %s.", kit.PromiseSentence(changed, name), statusWords(changed))
	host.Toast(what, func() {
		old.UpdatedAt = changed.UpdatedAt
		if err := store.UpdatePromise(context.Background(), &old); err != nil {
			host.ShowError("Could not undo", err)
			return
		}
		if onChanged != nil {
			onChanged()
		}
	})
	if onChanged != nil {
		onChanged()
	}
}

// PromiseRemover is what deleting a promise, and undoing that, writes.
type PromiseRemover interface {
	RemovePromise(ctx context.Context, id int64) (model.RemovedPromise, error)
	RestorePromise(ctx context.Context, r model.RemovedPromise) (model.Promise, error)
}

// DeletePromise deletes p and its history from store at once, asking
// nothing, and says so at the foot of host with an Undo that puts both
// back exactly; name is whom the promise is with. onChanged (if any) runs
// after the delete and after an undo.
func DeletePromise(host Host, store PromiseRemover, p model.Promise, name string, onChanged func()) {
	removed, err := store.RemovePromise(context.Background(), p.ID)
	if err != nil {
		host.ShowError("Could not delete the promise", err)
		return
	}
	host.Toast("Promise deleted: "+kit.PromisePhrase(p, name)+".", func() {
		if _, err := store.RestorePromise(context.Background(), removed); err != nil {
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

// statusWords says where a promise stands, with its date where it helps:
// "kept", "renegotiated to Mon 14 Dec".
func statusWords(p model.Promise) string {
	switch p.Status {
	case model.PromiseRenegotiated:
		return "renegotiated to " + p.DueOn.Format("Mon 2 Jan")
	case model.PromiseOpen:
		return "open again"
	default:
		return kit.LowerFirst(p.Status.Label())
	}
}

// PromiseDialog shows one promise with its history and every change that
// can be made to it. Its buttons are exported so tests can tap them.
type PromiseDialog struct {
	host    Host
	store   PromiseStore
	promise model.Promise
	name    string
	changed func()

	// The changes offered: those of a pending promise, or Reopen.
	Kept, KeptLate, Broken, Released, Reopen, Edit *widget.Button
	// Delete deletes the promise and its history, with Undo in the toast.
	Delete *widget.Button
	// Renegotiate moves the due date to the one typed in NewDue.
	Renegotiate *widget.Button
	NewDue      *kit.DateField
	// Problem says why the last change asked for could not be made.
	Problem *widget.Label
	Dialog  dialog.Dialog
}

// OpenPromise shows the dialog of p, whose person is called name, over
// host; changed (if any) runs after any change is saved in store.
func OpenPromise(host Host, store PromiseStore, p model.Promise, name string, changed func()) *PromiseDialog {
	d := &PromiseDialog{host: host, store: store, promise: p, name: name, changed: changed}
	d.buttons()
	title := widget.NewLabelWithStyle(kit.PromiseSentence(p, name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	history, err := store.PromiseHistory(context.Background(), p.ID)
	closeButton := widget.NewButton("Close", func() { d.Dialog.Hide() })
	foot := container.NewHBox(d.Edit, d.Delete, layout.NewSpacer(), closeButton)
	slot := kit.NewToastSlot()
	body := container.NewBorder(nil, container.NewVBox(d.Problem, d.actions(), widget.NewSeparator(), foot, slot), nil, nil,
		container.NewVScroll(container.NewVBox(title, promiseFacts(p, host.Now()), historyBox(history, err))))
	d.Dialog = dialog.NewCustomWithoutButtons("Promise", body, host.Window())
	d.Dialog.Resize(kit.FitWindow(host.Window(), fyne.NewSize(620, 460)))
	d.Dialog.Show()
	kit.HoldToasts(host.Window().Canvas(), slot, d.Dialog)
	return d
}

// promiseFacts lists what is known of p, a label and a value a line.
func promiseFacts(p model.Promise, now time.Time) fyne.CanvasObject {
	facts := container.New(layout.NewFormLayout())
	fact := func(label, value string) {
		if value == "" {
			return
		}
		facts.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Italic: true}))
		facts.Add(kit.ValueLabel(value))
	}
	fact("Status", p.Status.Label())
	fact("Made on", p.MadeOn.Format("Mon 2 Jan 2006"))
	if !p.DueOn.IsZero() {
		fact("Due", p.DueOn.Format("Mon 2 Jan 2006")+" ("+model.DueWords(p.DueOn, now)+")")
	}
	if !p.ResolvedOn.IsZero() {
		fact("Resolved on", p.ResolvedOn.Format("Mon 2 Jan 2006"))
	}
	fact("Notes", p.Notes)
	return facts
}

// historyBox lists the changes of a promise under a heading; empty when
// there are none, and a quiet line saying so when they could not be read
// (err), the rest of the dialog working without them.
func historyBox(changes []model.PromiseChange, err error) fyne.CanvasObject {
	box := container.NewVBox()
	if err != nil {
		box.Add(kit.Quiet("Could not read its history: " + err.Error()))
		return box
	}
	if len(changes) == 0 {
		return box
	}
	box.Add(widget.NewLabelWithStyle("History", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, c := range changes {
		box.Add(historyRow(c))
	}
	return box
}

// buttons builds the dialog's buttons, the new due date and the problem.
func (d *PromiseDialog) buttons() {
	d.Problem = widget.NewLabel("")
	d.Problem.Importance = widget.DangerImportance
	d.Problem.Wrapping = fyne.TextWrapWord
	d.Problem.Hide()
	d.Kept = widget.NewButtonWithIcon("Kept", theme.ConfirmIcon(), func() {
		d.apply(d.promise.Keep(d.host.Now()))
	})
	d.Kept.Importance = widget.HighImportance
	resolve := func(s model.PromiseStatus) func() {
		return func() { d.apply(d.promise.Resolve(s, d.host.Now())) }
	}
	d.KeptLate = widget.NewButton("Kept late", resolve(model.PromiseKeptLate))
	d.Broken = widget.NewButton("Broken", resolve(model.PromiseBroken))
	d.Released = widget.NewButton("Released", resolve(model.PromiseReleased))
	d.Reopen = widget.NewButtonWithIcon("Reopen", theme.ContentUndoIcon(), func() { d.apply(d.promise.Reopen()) })
	d.Edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		d.Dialog.Hide()
		EditPromise(d.host, d.store, d.promise, func(model.Promise) {
			if d.changed != nil {
				d.changed()
			}
		})
	})
	d.Delete = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
		d.Dialog.Hide()
		DeletePromise(d.host, d.store, d.promise, d.name, d.changed)
	})
	d.NewDue = kit.NewDateField("", "New due date: Fri, next week, 1 Dec", model.DateAhead, d.host.Now, "")
	d.Renegotiate = widget.NewButton("Renegotiate", func() {
		due, err := model.ParseDue(d.NewDue.Text, d.host.Now())
		if err != nil {
			d.showProblem("New due date: " + err.Error())
			return
		}
		d.apply(d.promise.Renegotiate(due, d.host.Now()))
	})
}

// actions are the changes offered: resolving or renegotiating a pending
// promise, reopening a resolved one.
func (d *PromiseDialog) actions() fyne.CanvasObject {
	actions := container.NewVBox()
	if !d.promise.Status.Pending() {
		actions.Add(container.NewHBox(d.Reopen))
		return actions
	}
	if d.promise.Direction == model.DirectionMine {
		d.Released.SetText("Released (they let it go)")
	} else {
		d.Released.SetText("Released (I let it go)")
	}
	actions.Add(container.NewHBox(d.Kept, d.KeptLate, d.Broken, d.Released))
	actions.Add(container.NewBorder(nil, nil, nil, d.Renegotiate, d.NewDue.Root))
	return actions
}

// apply saves a change the model allowed, or shows why it did not.
func (d *PromiseDialog) apply(changed model.Promise, err error) {
	if err != nil {
		d.showProblem(err.Error())
		return
	}
	d.Dialog.Hide()
	ChangePromise(d.host, d.store, d.promise, changed, d.name, d.changed)
}

// showProblem says msg above the buttons.
func (d *PromiseDialog) showProblem(msg string) {
	d.Problem.SetText(kit.CapitalFirst(msg))
	d.Problem.Show()
}

// historyRow is one change in a promise's history, in words.
func historyRow(c model.PromiseChange) fyne.CanvasObject {
	what := fmt.Sprintf("%s → %s", c.FromStatus.Label(), c.ToStatus.Label())
	if c.FromStatus == c.ToStatus {
		what = c.ToStatus.Label()
	}
	if !c.OldDueOn.Equal(c.NewDueOn) {
		switch {
		case c.NewDueOn.IsZero():
			what += ", due date removed"
		case c.OldDueOn.IsZero():
			what += ", due " + c.NewDueOn.Format("Mon 2 Jan")
		default:
			what += fmt.Sprintf(", due %s → %s", c.OldDueOn.Format("Mon 2 Jan"), c.NewDueOn.Format("Mon 2 Jan"))
		}
	}
	when := kit.QuietText(c.At.Local().Format("2006-01-02 15:04"), theme.SizeNameText)
	when.Wrapping = fyne.TextWrapOff
	return container.NewBorder(nil, nil, container.New(&kit.FixedWidth{Width: 150}, when), nil, widget.NewLabel(what))
}
