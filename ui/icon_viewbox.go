package ui

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// bigViewBox matches the viewBox of an SVG drawn on a square canvas of
// hundreds of units, as Fyne's calendar icon is (960).
var bigViewBox = regexp.MustCompile(`viewBox="0 0 ([0-9]{3,}) ([0-9]{3,})"`)

// smallViewBoxSide is the side of the viewBox icons are redrawn on: that
// of Fyne's other icons.
const smallViewBoxSide = 24

// compactIcon is tr drawn on a 24-unit viewBox, scaled down to it, when
// its SVG is drawn on a square one of hundreds of units; else tr itself.
// It looks the same, but Fyne 2.8 (internal/svg, Decoder.Draw) sizes the
// rasteriser's scratch buffer by the viewBox before the drawing's size:
// 960×960 floats, 3.5 MB allocated and cleared, each time a calendar icon
// is drawn, several times on the first screen.
func compactIcon(tr *theme.ThemedResource) *theme.ThemedResource {
	src := tr.Content()
	m := bigViewBox.FindSubmatchIndex(src)
	if m == nil || !bytes.Equal(src[m[2]:m[3]], src[m[4]:m[5]]) {
		return tr
	}
	side, err := strconv.Atoi(string(src[m[2]:m[3]]))
	end := bytes.LastIndex(src, []byte("</svg>"))
	open := m[1] + bytes.IndexByte(src[m[1]:], '>')
	if err != nil || side <= 0 || end < 0 || open < m[1] || open >= end {
		return tr
	}
	var b bytes.Buffer
	b.Write(src[:m[0]])
	b.WriteString(`viewBox="0 0 24 24"`)
	b.Write(src[m[1] : open+1])
	// Both factors: oksvg reads scale(s) as scale(s, 0).
	f := strconv.FormatFloat(smallViewBoxSide/float64(side), 'g', -1, 64)
	b.WriteString(`<g transform="scale(` + f + " " + f + `)">`)
	b.Write(src[open+1 : end])
	b.WriteString("</g>")
	b.Write(src[end:])
	name := strings.TrimPrefix(tr.Name(), string(tr.ThemeColorName())+"_")
	own := theme.NewThemedResource(fyne.NewStaticResource(name, b.Bytes()))
	own.ColorName = tr.ColorName
	return own
}
