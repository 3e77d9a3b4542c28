package career

import "rapport/ui/forms"

// parent is what the plan's forms open over: the window the screen was
// given, reporting failures through the navigator.
func (s *Screen) parent() forms.Parent { return forms.ParentOf(s.win, s.nav.ShowError) }
