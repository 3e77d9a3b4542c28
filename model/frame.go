package model

// frameInfluence is the influence from which a person is a decision-maker
// for the frame check.
const frameInfluence = 4

// NeedsFrameCheck reports whether sharing a disclosure with p deserves an
// "are you sure?": it is high sensitivity and p is a decision-maker
// (influence 4–5, or onPanel: on a promotion panel).
func NeedsFrameCheck(d Disclosure, p Person, onPanel bool) bool {
	return d.Sensitivity == SensitivityHigh && (p.Influence >= frameInfluence || onPanel)
}
