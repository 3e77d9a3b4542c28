package ui

import (
	"bytes"
	"image/color"
	"image/png"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
)

// The tray icon carries the count of promises that need the user today
// as a badge: 1 to 9, then "9+". Each of these ten icons is drawn once,
// when first needed, and kept.

// trayIconSize is the side of the tray icon in pixels (Fyne's own size
// for tray icons).
const trayIconSize = 64

// badgeText is what the badge says for count: "" for none.
func badgeText(count int) string {
	switch {
	case count <= 0:
		return ""
	case count > 9:
		return "9+"
	default:
		return strconv.Itoa(count)
	}
}

// icon is the app's icon with badge drawn on it ("" for the plain icon).
func (t *tray) icon(badge string) fyne.Resource {
	base := t.w.app.Icon()
	if badge == "" || base == nil {
		return base
	}
	if r, ok := t.icons[badge]; ok {
		return r
	}
	r, err := drawBadge(base, badge)
	if err != nil {
		fyne.LogError("could not draw the tray icon's badge", err)
		return base
	}
	t.icons[badge] = r
	return r
}

// drawBadge draws base with a red disc holding text in its top-right
// corner, as a PNG.
func drawBadge(base fyne.Resource, text string) (fyne.Resource, error) {
	const side, disc = trayIconSize, trayIconSize * 9 / 16
	img := canvas.NewImageFromResource(base)
	img.FillMode = canvas.ImageFillContain
	img.Resize(fyne.NewSquareSize(side))
	dot := canvas.NewCircle(color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff})
	dot.StrokeColor = color.White
	dot.StrokeWidth = 2
	dot.Move(fyne.NewPos(side-disc, 0))
	dot.Resize(fyne.NewSquareSize(disc))
	label := canvas.NewText(text, color.White)
	label.TextStyle.Bold = true
	label.TextSize = disc * 0.6
	if len(text) > 1 {
		label.TextSize = disc * 0.48
	}
	label.Alignment = fyne.TextAlignCenter
	size := label.MinSize()
	label.Move(fyne.NewPos(side-disc, (disc-size.Height)/2))
	label.Resize(fyne.NewSize(disc, size.Height))

	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetContent(container.NewWithoutLayout(img, dot, label))
	c.Resize(fyne.NewSquareSize(side))
	var buf bytes.Buffer
	if err := png.Encode(&buf, c.Capture()); err != nil {
		return nil, err
	}
	return fyne.NewStaticResource("tray-"+text+".png", buf.Bytes()), nil
}
