package ui

import (
	"rapport/model"
	"rapport/ui/kit"
)

// gapFigure is kit.GapFigure, for the weekly review (review.go) until it
// moves out of the shell.
func gapFigure(r model.Requirement) string { return kit.GapFigure(r) }
