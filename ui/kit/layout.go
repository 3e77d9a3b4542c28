package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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

// NameColumn lays its objects out in rows of two, a name and what goes
// with it: the names' column is as wide as the longest name needs (its
// FullWidth when it has one, as a ShortLabel does), but no wider than
// leaves the second column its minimum, and never narrower than Min.
type NameColumn struct {
	// Min is the narrowest the names' column gets.
	Min float32
}

// fullWidth is the width o needs to show whole.
func fullWidth(o fyne.CanvasObject) float32 {
	if f, ok := o.(interface{ FullWidth() float32 }); ok {
		return f.FullWidth()
	}
	return o.MinSize().Width
}

// columns are the widths of the two columns at width, and the gap.
func (c *NameColumn) columns(objects []fyne.CanvasObject, width float32) (first, second, gap float32) {
	gap = theme.Padding()
	var want float32
	for i := 0; i+1 < len(objects); i += 2 {
		want = max(want, fullWidth(objects[i]))
		second = max(second, objects[i+1].MinSize().Width)
	}
	first = max(min(want, width-second-gap), min(c.Min, want))
	return first, max(second, width-first-gap), gap
}

// Layout implements fyne.Layout.
func (c *NameColumn) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	first, second, gap := c.columns(objects, size.Width)
	var y float32
	for i := 0; i+1 < len(objects); i += 2 {
		h := max(objects[i].MinSize().Height, objects[i+1].MinSize().Height)
		objects[i].Move(fyne.NewPos(0, y))
		objects[i].Resize(fyne.NewSize(first, h))
		objects[i+1].Move(fyne.NewPos(first+gap, y))
		objects[i+1].Resize(fyne.NewSize(second, h))
		y += h + gap
	}
}

// MinSize implements fyne.Layout.
func (c *NameColumn) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h, want float32
	for i := 0; i+1 < len(objects); i += 2 {
		want = max(want, fullWidth(objects[i]))
		w = max(w, objects[i+1].MinSize().Width)
		if i > 0 {
			h += theme.Padding()
		}
		h += max(objects[i].MinSize().Height, objects[i+1].MinSize().Height)
	}
	return fyne.NewSize(min(want, c.Min)+theme.Padding()+w, h)
}
