package kit

import (
	"reflect"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// dismissWords are the labels of the buttons that close a dialog without
// doing anything, in the dialogs that lay out their own buttons.
var dismissWords = []string{"Cancel", "Close", "Not now", "Later", "Done", "Keep editing", "No", "OK"}

// DismissTop closes the dialog on top of canvas as its dismissing button
// would (Cancel, Close, No, OK…), so that Esc closes every dialog, those
// Fyne builds (confirm, information, error, custom) and those laying out
// their own buttons. It reports whether there was such a button; a
// dialog without one (a progress bar) stays.
func DismissTop(canvas fyne.Canvas) bool {
	pop, ok := overlayContent(canvas.Overlays().Top()).(*widget.PopUp)
	if !ok {
		return false
	}
	b := dismissButton(pop.Content)
	if b == nil || b.Disabled() || b.OnTapped == nil {
		return false
	}
	b.OnTapped()
	return true
}

// overlayContent is what the overlay o shows: Fyne wraps a pop-up in a
// container of its own (not exported) whose Content field holds it.
func overlayContent(o fyne.CanvasObject) fyne.CanvasObject {
	if o == nil {
		return nil
	}
	if _, ok := o.(*widget.PopUp); ok {
		return o
	}
	v := reflect.ValueOf(o)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	f := v.FieldByName("Content")
	if !f.IsValid() || !f.CanInterface() {
		return nil
	}
	c, _ := f.Interface().(fyne.CanvasObject)
	return c
}

// dismissButton is the button that closes the dialog laid out in
// content: the first of its button row when Fyne made it (dismiss comes
// first), else the first button under it whose label says so.
func dismissButton(content fyne.CanvasObject) *widget.Button {
	if c, ok := content.(*fyne.Container); ok && len(c.Objects) == 5 {
		if row, ok := c.Objects[3].(*fyne.Container); ok && len(row.Objects) > 0 {
			if b, ok := row.Objects[0].(*widget.Button); ok {
				return b
			}
		}
	}
	var found *widget.Button
	walkVisible(content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && found == nil && slices.Contains(dismissWords, b.Text) {
			found = b
		}
	})
	return found
}

// walkVisible calls visit with root and every object shown in its
// containers and scrolls.
func walkVisible(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	visit(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walkVisible(c, visit)
		}
	case *container.Scroll:
		walkVisible(x.Content, visit)
	}
}
