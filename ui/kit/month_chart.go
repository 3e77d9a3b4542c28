package kit

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// MonthBar is one month of a monthChart: its height as a share of the
// plot (0–1), the figure written over it, and whether the month has a
// value at all (a month without one is a faint stub).
type MonthBar struct {
	Month time.Time
	Share float64
	Text  string
	Empty bool
}

// ChartGuide is a horizontal guide line at a share of the plot's height,
// labelled on the left ("100%", "50%").
type ChartGuide struct {
	Share float64
	Label string
}

// MonthChart draws a value month by month: one bar per month, the figure
// over it, the month's initial under it (its name for the first month and
// each January) and guide lines.
type MonthChart struct {
	widget.BaseWidget
	bars   []MonthBar
	guides []ChartGuide
}

// NewMonthChart is an empty chart with the given guide lines; SetBars
// gives it data.
func NewMonthChart(guides []ChartGuide) *MonthChart {
	c := &MonthChart{guides: guides}
	c.ExtendBaseWidget(c)
	return c
}

// SetBars replaces the data and redraws.
func (c *MonthChart) SetBars(bars []MonthBar) {
	c.bars = bars
	c.Refresh()
}

// RateGuides are the guides of a chart of rates.
var RateGuides = []ChartGuide{{1, "100%"}, {0.5, "50%"}}

// RateBars are the bars of a follow-through rate month by month: as tall
// as the share of promises kept on time, a stub for a month with nothing
// resolved.
func RateBars(months []model.MonthlyFollowThrough) []MonthBar {
	out := make([]MonthBar, len(months))
	for i, m := range months {
		rate, ok := m.Rate()
		out[i] = MonthBar{Month: m.Month, Share: rate, Empty: !ok}
		if ok {
			out[i].Text = fmt.Sprintf("%.0f", rate*100)
		}
	}
	return out
}

// CreateRenderer implements fyne.Widget.
func (c *MonthChart) CreateRenderer() fyne.WidgetRenderer {
	r := &monthChartRenderer{chart: c}
	r.rebuild()
	return r
}

type monthChartRenderer struct {
	chart   *MonthChart
	guides  []*canvas.Line
	guideAt []*canvas.Text
	bars    []*canvas.Rectangle
	values  []*canvas.Text
	labels  []*canvas.Text
	objects []fyne.CanvasObject
}

// rebuild makes one line and label per guide, and one bar, value and label
// per month.
func (r *monthChartRenderer) rebuild() {
	r.guides, r.guideAt, r.bars, r.values, r.labels = nil, nil, nil, nil, nil
	r.objects = nil
	for _, g := range r.chart.guides {
		l := canvas.NewLine(color.Transparent)
		t := canvas.NewText(g.Label, color.Transparent)
		r.guides = append(r.guides, l)
		r.guideAt = append(r.guideAt, t)
		r.objects = append(r.objects, l, t)
	}
	for range r.chart.bars {
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

func (r *monthChartRenderer) Layout(size fyne.Size) {
	small := theme.CaptionTextSize()
	fg := theme.Color(theme.ColorNameForeground)
	faint := theme.Color(theme.ColorNameDisabled) // empty months' bars
	quiet := theme.Color(ColorNameQuiet)          // labels: readable at 4.5:1
	grid := theme.Color(theme.ColorNameSeparator)
	top := float32(chartValueHeight)
	plotH := size.Height - chartLabelHeight - top
	plotW := size.Width - chartAxisWidth
	for i, g := range r.chart.guides {
		y := top + plotH*(1-float32(g.Share))
		l := r.guides[i]
		l.StrokeColor, l.StrokeWidth = grid, 1
		l.Position1, l.Position2 = fyne.NewPos(chartAxisWidth, y), fyne.NewPos(size.Width, y)
		t := r.guideAt[i]
		t.Color, t.TextSize = quiet, small
		t.Move(fyne.NewPos(0, y-small/2-2))
	}
	n := len(r.chart.bars)
	if n == 0 {
		return
	}
	slot := plotW / float32(n)
	barW := max(4, slot*0.6)
	for i, m := range r.chart.bars {
		x := chartAxisWidth + slot*float32(i) + (slot-barW)/2
		b, v, l := r.bars[i], r.values[i], r.labels[i]
		h := float32(2)
		b.FillColor = faint
		if !m.Empty {
			h = max(2, plotH*float32(m.Share))
			b.FillColor = theme.Color(theme.ColorNamePrimary)
		}
		v.Text = m.Text
		b.Resize(fyne.NewSize(barW, h))
		b.Move(fyne.NewPos(x, top+plotH-h))
		v.Color, v.TextSize = fg, small-1
		vs := fyne.MeasureText(v.Text, v.TextSize, v.TextStyle)
		v.Move(fyne.NewPos(x+(barW-vs.Width)/2, top+plotH-h-vs.Height))
		l.Text = m.Month.Format("Jan")[:1]
		if i == 0 || m.Month.Month() == 1 {
			l.Text = m.Month.Format("Jan")
		}
		l.Color, l.TextSize = quiet, small
		ls := fyne.MeasureText(l.Text, l.TextSize, l.TextStyle)
		l.Move(fyne.NewPos(x+(barW-ls.Width)/2, top+plotH+2))
	}
}

func (r *monthChartRenderer) MinSize() fyne.Size { return fyne.NewSize(240, 150) }

func (r *monthChartRenderer) Refresh() {
	if len(r.bars) != len(r.chart.bars) || len(r.guides) != len(r.chart.guides) {
		r.rebuild()
	}
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

func (r *monthChartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *monthChartRenderer) Destroy()                     {}

var _ fyne.Widget = (*MonthChart)(nil)
