package relmap

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2/widget"

	"rapport/model"
)

// asOfChoices are the "as of" drop-down's moments, from now back a year:
// the map then shows each person's stance and influence as the history
// kept them then, and leaves out who was not known yet.
var asOfChoices = []struct {
	label         string
	months, weeks int
}{
	{"As of today", 0, 0},
	{"As of a week ago", 0, 1},
	{"As of a month ago", 1, 0},
	{"As of 3 months ago", 3, 0},
	{"As of 6 months ago", 6, 0},
	{"As of a year ago", 12, 0},
}

// newAsOf is the "as of" drop-down, on today.
func (s *Screen) newAsOf() *widget.Select {
	labels := make([]string, len(asOfChoices))
	for i, c := range asOfChoices {
		labels[i] = c.label
	}
	sel := widget.NewSelect(labels, func(string) { s.showAsOf() })
	sel.Selected = labels[0]
	return sel
}

// asOfMoment is the moment the drop-down names, zero for today.
func (s *Screen) asOfMoment() time.Time {
	i := slices.IndexFunc(asOfChoices, func(c struct {
		label         string
		months, weeks int
	}) bool {
		return c.label == s.asOf.Selected
	})
	if i <= 0 {
		return time.Time{}
	}
	return s.now().AddDate(0, -asOfChoices[i].months, -7*asOfChoices[i].weeks)
}

// setNetwork keeps the network read and shows it as of the moment
// chosen.
func (s *Screen) setNetwork(n model.Network) {
	s.live, s.history = n, nil
	s.net = s.networkAsOf()
}

// showAsOf redraws the map as of the moment chosen.
func (s *Screen) showAsOf() {
	s.net = s.networkAsOf()
	clear(s.byID)
	for _, p := range s.net.People {
		s.byID[p.Person.ID] = p
	}
	s.apply()
}

// networkAsOf is the network read, as of the moment chosen: the stance
// history is read the first time it is needed after a load.
func (s *Screen) networkAsOf() model.Network {
	at := s.asOfMoment()
	if at.IsZero() {
		return s.live
	}
	if s.history == nil {
		h, err := s.store.StanceHistoryAll(context.Background())
		if err != nil {
			s.nav.ShowError("Could not read the stance history", err)
			s.asOf.Selected = asOfChoices[0].label
			s.asOf.Refresh()
			return s.live
		}
		s.history = h
	}
	return model.NetworkAsOf(s.live, s.history, at)
}
