package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// LevelBar draws a requirement's levels on the 1–5 scale as five cells:
// filled up to the user's current level, outlined up to the target, empty
// beyond it, and a tick under the cell of the manager's view when it was
// given. It reads without colour: filled, outlined and empty differ in
// shape.
type LevelBar struct {
	widget.BaseWidget
	current, target, manager int
}

// Sizes of a level bar's cells.
const (
	levelCellWidth  = 22
	levelCellHeight = 12
	levelCellGap    = 3
	levelTickHeight = 4
)

// NewLevelBar is a level bar showing the given levels (0 for none).
func NewLevelBar(current, target, manager int) *LevelBar {
	b := &LevelBar{current: current, target: target, manager: manager}
	b.ExtendBaseWidget(b)
	return b
}

// SetLevels changes the levels shown.
func (b *LevelBar) SetLevels(current, target, manager int) {
	b.current, b.target, b.manager = current, target, manager
	b.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (b *LevelBar) CreateRenderer() fyne.WidgetRenderer {
	r := &levelBarRenderer{bar: b, tick: canvas.NewRectangle(color.Transparent)}
	for i := range r.cells {
		r.cells[i] = canvas.NewRectangle(color.Transparent)
		r.cells[i].CornerRadius = 2
		r.objects = append(r.objects, r.cells[i])
	}
	r.objects = append(r.objects, r.tick)
	r.Refresh()
	return r
}

type levelBarRenderer struct {
	bar     *LevelBar
	cells   [5]*canvas.Rectangle
	tick    *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *levelBarRenderer) MinSize() fyne.Size {
	return fyne.NewSize(5*levelCellWidth+4*levelCellGap, levelCellHeight+levelTickHeight+2)
}

func (r *levelBarRenderer) Layout(size fyne.Size) {
	top := (size.Height - r.MinSize().Height) / 2
	for i, c := range r.cells {
		c.Move(fyne.NewPos(float32(i)*(levelCellWidth+levelCellGap), top))
		c.Resize(fyne.NewSize(levelCellWidth, levelCellHeight))
	}
	if m := r.bar.manager; m > 0 {
		// As wide as the cell: an 8-pixel tick was nearly invisible.
		r.tick.Move(fyne.NewPos(float32(m-1)*(levelCellWidth+levelCellGap), top+levelCellHeight+2))
		r.tick.Resize(fyne.NewSize(levelCellWidth, levelTickHeight))
	}
}

func (r *levelBarRenderer) Refresh() {
	fg := theme.Color(theme.ColorNameForeground)
	primary := theme.Color(theme.ColorNamePrimary)
	faint := theme.Color(theme.ColorNameDisabled)
	for i, c := range r.cells {
		level := i + 1
		c.StrokeWidth = 1.5
		switch {
		case level <= r.bar.current:
			c.FillColor, c.StrokeColor = primary, primary
		case level <= r.bar.target:
			c.FillColor, c.StrokeColor = color.Transparent, primary
		default:
			c.FillColor, c.StrokeColor = color.Transparent, faint
			c.StrokeWidth = 1
		}
		c.Refresh()
	}
	r.tick.FillColor, r.tick.CornerRadius = fg, 1
	if r.bar.manager > 0 {
		r.tick.Show()
	} else {
		r.tick.Hide()
	}
	r.Layout(r.bar.Size())
	r.tick.Refresh()
}

func (r *levelBarRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *levelBarRenderer) Destroy() {}

var _ fyne.Widget = (*LevelBar)(nil)
