// Package assets holds Rapport's bundled resources, embedded in the binary so
// the app needs no files beside it.
//
// The icon is drawn by icon_gen.go; regenerate it from the repository root
// with:
//
//	go run assets/icon_gen.go
package assets

import _ "embed"

// IconPNG is the application icon, a 512×512 PNG.
//
//go:embed icon.png
var IconPNG []byte
