package model

// CreditPage is everything the Give credit screen shows, read at one
// moment in one go (see storage's Store.CreditPage).
type CreditPage struct {
	// People are the active people, ordered by name.
	People []PersonSummary
	// Thanks are every thank-you the user gave, oldest first (see
	// Store.Thanks).
	Thanks []ThanksRecord
	// Opportunities are every opportunity with its backers, the latest
	// date first.
	Opportunities []Opportunity
}
