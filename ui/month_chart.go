package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// rateChart draws a follow-through rate month by month: one bar per month,
// as tall as the share of promises kept on time, a faint stub for a month
// with nothing resolved, the month's initial under it and guides at 50%
// and 100%.
type rateChart struct {
	widget.BaseWidget
	months []model.MonthlyFollowThrough
}

func newRateChart(months []model.MonthlyFollowThrough) *rateChart {
	c := &rateChart{months: months}
	c.ExtendBaseWidget(c)
	return c
}

// SetMonths replaces the data and redraws.
func (c *rateChart) SetMonths(months []model.MonthlyFollowThrough) {
	c.months = months
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *rateChart) CreateRenderer() fyne.WidgetRenderer {
	r := &rateChartRenderer{chart: c}
	r.rebuild()
	return r
}

type rateChartRenderer struct {
	chart   *rateChart
	guides  []*canvas.Line
	guideAt []*canvas.Text
	bars    []*canvas.Rectangle
	values  []*canvas.Text
	labels  []*canvas.Text
	objects []fyne.CanvasObject
}

// rebuild makes one bar, value and label per month.
func (r *rateChartRenderer) rebuild() {
	r.guides, r.guideAt, r.bars, r.values, r.labels = nil, nil, nil, nil, nil
	r.objects = nil
	for _, pct := range []string{"100%", "50%"} {
		l := canvas.NewLine(color.Transparent)
		t := canvas.NewText(pct, color.Transparent)
		r.guides = append(r.guides, l)
		r.guideAt = append(r.guideAt, t)
		r.objects = append(r.objects, l, t)
	}
	for range r.chart.months {
		b := canvas.NewRectangle(color.Transparent)
		b.CornerRadius = 2
		v := canvas.NewText("", color.Transparent)
		l := canvas.NewText("", color.Transparent)
		r.bars = append(r.bars, b)
		r.values = append(r.values, v)
		r.labels = append(r.labels, l)
		r.objects = append(r.objects, b, v, l)
	}
}

const (
	chartAxisWidth   = 36
	chartLabelHeight = 18
	chartValueHeight = 14
)

func (r *rateChartRenderer) Layout(size fyne.Size) {
	small := theme.CaptionTextSize()
	fg := theme.Color(theme.ColorNameForeground)
	faint := theme.Color(theme.ColorNameDisabled)
	grid := theme.Color(theme.ColorNameSeparator)
	top := float32(chartValueHeight)
	plotH := size.Height - chartLabelHeight - top
	plotW := size.Width - chartAxisWidth
	for i, frac := range []float32{1, 0.5} {
		y := top + plotH*(1-frac)
		l := r.guides[i]
		l.StrokeColor, l.StrokeWidth = grid, 1
		l.Position1, l.Position2 = fyne.NewPos(chartAxisWidth, y), fyne.NewPos(size.Width, y)
		t := r.guideAt[i]
		t.Color, t.TextSize = faint, small
		t.Move(fyne.NewPos(0, y-small/2-2))
	}
	n := len(r.chart.months)
	if n == 0 {
		return
	}
	slot := plotW / float32(n)
	barW := max(4, slot*0.6)
	for i, m := range r.chart.months {
		x := chartAxisWidth + slot*float32(i) + (slot-barW)/2
		b, v, l := r.bars[i], r.values[i], r.labels[i]
		rate, ok := m.Rate()
		h := float32(2)
		b.FillColor = faint
		v.Text = ""
		if ok {
			h = max(2, plotH*float32(rate))
			b.FillColor = theme.Color(theme.ColorNamePrimary)
			v.Text = fmt.Sprintf("%.0f", rate*100)
		}
		b.Resize(fyne.NewSize(barW, h))
		b.Move(fyne.NewPos(x, top+plotH-h))
		v.Color, v.TextSize = fg, small-1
		vs := fyne.MeasureText(v.Text, v.TextSize, v.TextStyle)
		v.Move(fyne.NewPos(x+(barW-vs.Width)/2, top+plotH-h-vs.Height))
		l.Text = m.Month.Format("Jan")[:1]
		if i == 0 || m.Month.Month() == 1 {
			l.Text = m.Month.Format("Jan")
		}
		l.Color, l.TextSize = faint, small
		ls := fyne.MeasureText(l.Text, l.TextSize, l.TextStyle)
		l.Move(fyne.NewPos(x+(barW-ls.Width)/2, top+plotH+2))
	}
}

func (r *rateChartRenderer) MinSize() fyne.Size { return fyne.NewSize(240, 150) }

func (r *rateChartRenderer) Refresh() {
	if len(r.bars) != len(r.chart.months) {
		r.rebuild()
	}
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *rateChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *rateChartRenderer) Destroy()                     {}

var _ fyne.Widget = (*rateChart)(nil)
