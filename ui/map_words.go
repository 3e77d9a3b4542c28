package ui

import (
	"strings"

	"rapport/model"
	"rapport/ui/kit"
)

// Words the map shares with the People screen, which moved to ui/people;
// they stay here for the map until it moves too.

// anyStance is the label of the stance filter's "no filter" choice.
const anyStance = "Any stance"

// tieVerb is a kind of tie leading a sentence about the person on the
// page, who goes unnamed: "Reports to", "Close to".
func tieVerb(k model.TieKind) string {
	return kit.CapitalFirst(strings.TrimPrefix(k.Label(), "is "))
}
