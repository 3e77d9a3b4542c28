package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// MaxWidth lays out its objects stacked, no wider than width, so long text
// wraps into a readable column.
type MaxWidth struct {
	// Width is the width given to the content.
	Width float32
}

// Layout implements fyne.Layout.
func (m *MaxWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

// MinSize implements fyne.Layout.
func (m *MaxWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		// Measure at the target width: wrapped labels grow taller.
		o.Resize(fyne.NewSize(m.Width, o.MinSize().Height))
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(m.Width, h)
}

var _ fyne.Layout = (*MaxWidth)(nil)

// FixedWidth gives its content a constant width, to align a column.
type FixedWidth struct {
	// Width is the width given to the content.
	Width float32
}

// Layout implements fyne.Layout.
func (f *FixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(fyne.NewSize(f.Width, o.MinSize().Height))
		o.Move(fyne.NewPos(0, 0))
	}
}

// MinSize implements fyne.Layout.
func (f *FixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.Width, h)
}

// OverList is top (a search, filters, buttons) over list, which takes the
// rest of the height, and bottom (nil: none) under it, in the order Tab
// moves through them: top, then the list, then bottom. (A border
// container would hold the list first, so Tab would reach it before the
// search above it.)
func OverList(top, list, bottom fyne.CanvasObject) *fyne.Container {
	c := container.NewBorder(top, bottom, nil, nil, list)
	c.Objects = []fyne.CanvasObject{top, list}
	if bottom != nil {
		c.Objects = append(c.Objects, bottom)
	}
	return c
}
