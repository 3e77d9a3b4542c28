package model

import "time"

// MapCardRecent is how many of a person's latest interactions the
// relationship map's card reads, enough to find the last one up to now
// behind a few planned ahead.
const MapCardRecent = 8

// MapCard is what the relationship map's card shows about the person
// selected beyond what the network holds, read in one go (see storage's
// Store.MapCard).
type MapCard struct {
	// Recent are the person's latest interactions, newest first, at most
	// MapCardRecent of them.
	Recent []Interaction
	// Promises are the promises between the user and the person, both
	// ways, in the order of a person page's.
	Promises []Promise
}

// LastKind is the kind of the person's last interaction up to now, or ""
// when none of Recent is.
func (c MapCard) LastKind(now time.Time) InteractionKind {
	for _, i := range c.Recent {
		if !i.At.After(now) {
			return i.Kind
		}
	}
	return ""
}
