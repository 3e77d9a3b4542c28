package main

import (
	"strconv"
	"strings"
)

// xdotoolGeometry reads X, Y, WIDTH and HEIGHT from xdotool's --shell
// output (getwindowgeometry, getmouselocation), for the window tests of
// every build tag (smoke, wine).
func xdotoolGeometry(out string) (x, y, width, height int) {
	for _, kv := range strings.Fields(out) {
		name, v, _ := strings.Cut(kv, "=")
		n, _ := strconv.Atoi(v)
		switch name {
		case "X":
			x = n
		case "Y":
			y = n
		case "WIDTH":
			width = n
		case "HEIGHT":
			height = n
		}
	}
	return x, y, width, height
}
