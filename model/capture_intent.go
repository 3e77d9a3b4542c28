package model

import "strings"

// CaptureIntended reports whether line starts as a quick-capture line
// even when it cannot be read yet: a kind of contact followed by whom it
// was with ("coffee with Da", "thanked to"), or by a promise after ";".
// The Ctrl+K box logs such a line, showing what is wrong with it, rather
// than searching for its words.
func CaptureIntended(line string) bool {
	head, _, promises := strings.Cut(line, ";")
	words := strings.Fields(head)
	_, n := captureKind(words)
	if n == 0 {
		return false
	}
	return promises || (n < len(words) && captureConnectors[Fold(words[n])])
}
