package kit

import (
	"strings"

	"rapport/model"
)

// TieVerb is a kind of tie leading a sentence about a person who goes
// unnamed: "Reports to", "Close to" (the map's card and legend, and a
// person's page).
func TieVerb(k model.TieKind) string {
	return CapitalFirst(strings.TrimPrefix(k.Label(), "is "))
}
