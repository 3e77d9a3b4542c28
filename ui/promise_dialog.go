package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
	"rapport/ui/kit"
)

// keepPromise marks p kept today (kept late when past its due date), with
// Undo, then calls onChanged.
func (w *Window) keepPromise(p model.Promise, name string, onChanged func()) {
	kept, err := p.Keep(w.now())
	if err != nil {
		w.showError("Could not mark the promise kept", err)
		return
	}
	w.changePromise(p, kept, name, onChanged)
}

// changePromise saves changed in place of old, says what happened in the
// toast with an Undo that puts old back, and calls onChanged.
func (w *Window) changePromise(old, changed model.Promise, name string, onChanged func()) {
	if err := w.store.UpdatePromise(context.Background(), &changed); err != nil {
		w.showError("Could not update the promise", err)
		return
	}
	what := fmt.Sprintf("%s: %s.", promiseSentence(changed, name), statusWords(changed))
	w.toast.show(what, func() {
		old.UpdatedAt = changed.UpdatedAt
		if err := w.store.UpdatePromise(context.Background(), &old); err != nil {
			w.showError("Could not undo", err)
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

// promiseDialog shows one promise with its history and every change that
// can be made to it. It keeps its buttons so tests can tap them.
type promiseDialog struct {
	w       *Window
	promise model.Promise
	name    string
	changed func()

	kept, keptLate, broken, released, reopen, edit *widget.Button
	renegotiate                                    *widget.Button
	newDue                                         *widget.Entry
	problem                                        *widget.Label
	dialog                                         dialog.Dialog
}

// openPromiseDialog opens the dialog for p, whose person is called name;
// changed runs after any change is saved.
func openPromiseDialog(w *Window, p model.Promise, name string, changed func()) *promiseDialog {
	d := &promiseDialog{w: w, promise: p, name: name, changed: changed}
	now := w.now()

	title := widget.NewLabelWithStyle(promiseSentence(p, name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
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
	history := container.NewVBox()
	if changes, err := w.store.PromiseHistory(context.Background(), p.ID); err == nil && len(changes) > 0 {
		history.Add(widget.NewLabelWithStyle("History", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, c := range changes {
			history.Add(historyRow(c))
		}
	}

	d.problem = widget.NewLabel("")
	d.problem.Importance = widget.DangerImportance
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Hide()
	d.kept = widget.NewButtonWithIcon("Kept", theme.ConfirmIcon(), func() {
		d.apply(d.promise.Keep(d.w.now()))
	})
	d.kept.Importance = widget.HighImportance
	d.keptLate = widget.NewButton("Kept late", func() { d.apply(d.promise.Resolve(model.PromiseKeptLate, d.w.now())) })
	d.broken = widget.NewButton("Broken", func() { d.apply(d.promise.Resolve(model.PromiseBroken, d.w.now())) })
	d.released = widget.NewButton("Released", func() { d.apply(d.promise.Resolve(model.PromiseReleased, d.w.now())) })
	d.reopen = widget.NewButtonWithIcon("Reopen", theme.ContentUndoIcon(), func() { d.apply(d.promise.Reopen()) })
	d.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		d.dialog.Hide()
		openPromiseEditor(d.w, d.promise, func(model.Promise) { d.changed() })
	})
	d.newDue = widget.NewEntry()
	d.newDue.SetPlaceHolder("New due date: Fri, next week, 1 Dec")
	d.renegotiate = widget.NewButton("Renegotiate", func() {
		due, err := model.ParseDue(d.newDue.Text, d.w.now())
		if err != nil {
			d.showProblem("New due date: " + err.Error())
			return
		}
		d.apply(d.promise.Renegotiate(due, d.w.now()))
	})

	actions := container.NewVBox()
	if p.Status.Pending() {
		released := d.released
		if p.Direction == model.DirectionMine {
			released.SetText("Released (they let it go)")
		} else {
			released.SetText("Released (I let it go)")
		}
		actions.Add(container.NewHBox(d.kept, d.keptLate, d.broken, released))
		actions.Add(container.NewBorder(nil, nil, nil, d.renegotiate, d.newDue))
	} else {
		actions.Add(container.NewHBox(d.reopen))
	}
	close := widget.NewButton("Close", func() { d.dialog.Hide() })
	buttons := container.NewHBox(d.edit, layout.NewSpacer(), close)
	body := container.NewBorder(nil, container.NewVBox(d.problem, actions, widget.NewSeparator(), buttons), nil, nil,
		container.NewVScroll(container.NewVBox(title, facts, history)))
	d.dialog = dialog.NewCustomWithoutButtons("Promise", body, w.win)
	d.dialog.Resize(fitCanvas(w, fyne.NewSize(620, 460)))
	d.dialog.Show()
	w.currentPromiseDialog = d
	return d
}

// apply saves a change the model allowed, or shows why it did not.
func (d *promiseDialog) apply(changed model.Promise, err error) {
	if err != nil {
		d.showProblem(err.Error())
		return
	}
	d.dialog.Hide()
	if d.w.currentPromiseDialog == d {
		d.w.currentPromiseDialog = nil
	}
	d.w.changePromise(d.promise, changed, d.name, d.changed)
}

func (d *promiseDialog) showProblem(msg string) {
	d.problem.SetText(kit.CapitalFirst(msg))
	d.problem.Show()
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
