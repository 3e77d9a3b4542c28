package kit

import (
	"fmt"

	"rapport/model"
)

// GapFigure says a requirement's gap in numbers: "gap 2 × importance 5 =
// 10", or "met".
func GapFigure(r model.Requirement) string {
	if r.Gap() == 0 {
		return "met"
	}
	return fmt.Sprintf("gap %d × importance %d = %d", r.Gap(), r.Importance, r.WeightedGap())
}
