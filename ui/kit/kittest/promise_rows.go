package kittest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"rapport/ui/kit"
)

// PromiseRows are the rows made by kit.NewPromiseRow shown under root (a
// list renders the rows in view), headers and promises, in order.
func PromiseRows(root fyne.CanvasObject) []kit.PromiseRowParts {
	var out []kit.PromiseRowParts
	Walk(root, func(o fyne.CanvasObject) bool {
		r, ok := promiseRowOf(o)
		if ok {
			out = append(out, r)
		}
		return !ok
	})
	return out
}

// PromiseRow is the promise row under root saying what, failing the test
// when there is none.
func PromiseRow(tb testing.TB, root fyne.CanvasObject, what string) kit.PromiseRowParts {
	tb.Helper()
	var texts []string
	for _, r := range PromiseRows(root) {
		if r.Row.Visible() && r.What.Text == what {
			return r
		}
		texts = append(texts, r.What.Text)
	}
	tb.Fatalf("no promise row %q among %q", what, texts)
	return kit.PromiseRowParts{}
}

// PromiseHeaders are the section headers among the promise rows under root.
func PromiseHeaders(root fyne.CanvasObject) []string {
	var out []string
	for _, r := range PromiseRows(root) {
		if r.Header.Visible() {
			out = append(out, r.Header.Text)
		}
	}
	return out
}

// promiseRowOf is kit.PromiseRowOf when o is such a row.
func promiseRowOf(o fyne.CanvasObject) (r kit.PromiseRowParts, ok bool) {
	stack, isStack := o.(*fyne.Container)
	if !isStack || len(stack.Objects) != 2 {
		return r, false
	}
	if _, isLabel := stack.Objects[0].(*widget.Label); !isLabel {
		return r, false
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return kit.PromiseRowOf(o), true
}
