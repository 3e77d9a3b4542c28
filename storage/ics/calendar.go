package ics

import (
	"io"
	"time"

	"rapport/model"
)

// Calendar writes and reads calendar files for the window (it satisfies
// ui.Calendar): the package's functions, with model meetings and settings
// put into Invites.
type Calendar struct{}

// Marshal encodes meetings as one calendar file from the user me: an
// invite to each meeting's person (METHOD:REQUEST) when request is set,
// else events for the user's own calendar (METHOD:PUBLISH). zone is the
// zone a repeating meeting keeps its local time in; now stamps the file.
func (Calendar) Marshal(request bool, me model.Settings, zone *time.Location, now time.Time,
	meetings ...model.ScheduledMeeting) ([]byte, error) {
	method := MethodPublish
	if request {
		method = MethodRequest
	}
	invites := make([]Invite, len(meetings))
	for i, m := range meetings {
		invites[i] = Invite{
			Meeting:   m.Meeting,
			With:      Party{Name: m.With.Name, Email: m.With.Email},
			Organizer: Party{Name: me.UserName, Email: me.UserEmail},
			Method:    method,
			Zone:      zone,
			Now:       now,
		}
	}
	return Marshal(invites...)
}

// FileName names the calendar file of meeting m with the person named
// with, as the package's FileName does.
func (Calendar) FileName(m model.Meeting, with string) string { return FileName(m, with) }

// WriteFile writes a calendar file whole or not at all, as the package's
// WriteFile does.
func (Calendar) WriteFile(path string, data []byte) error { return WriteFile(path, data) }

// Read reads the events of a calendar file, as the package's Read does.
func (Calendar) Read(r io.Reader) ([]model.CalendarEvent, error) { return Read(r) }
