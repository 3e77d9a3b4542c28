package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"rapport/model"
	"rapport/storage"
	"rapport/storage/ics"
	"rapport/ui"
)

// icsCalendar is the window's Calendar, on storage/ics.
type icsCalendar struct{}

var _ ui.Calendar = icsCalendar{}

// Marshal implements ui.Calendar.
func (icsCalendar) Marshal(request bool, me model.Settings, zone *time.Location, now time.Time, meetings ...model.ScheduledMeeting) ([]byte, error) {
	method := ics.MethodPublish
	if request {
		method = ics.MethodRequest
	}
	invites := make([]ics.Invite, len(meetings))
	for i, m := range meetings {
		invites[i] = ics.Invite{
			Meeting:   m.Meeting,
			With:      ics.Party{Name: m.With.Name, Email: m.With.Email},
			Organizer: ics.Party{Name: me.UserName, Email: me.UserEmail},
			Method:    method,
			Zone:      zone,
			Now:       now,
		}
	}
	return ics.Marshal(invites...)
}

// FileName implements ui.Calendar.
func (icsCalendar) FileName(m model.Meeting, with string) string { return ics.FileName(m, with) }

// WriteFile implements ui.Calendar.
func (icsCalendar) WriteFile(path string, data []byte) error { return ics.WriteFile(path, data) }

// Read implements ui.Calendar.
func (icsCalendar) Read(r io.Reader) ([]model.CalendarEvent, error) { return ics.Read(r) }

// systemZone is the computer's time zone with its IANA name, which
// time.Local lacks ("Local"): from $TZ, /etc/timezone or the target of
// /etc/localtime. It returns nil when none of them names a zone Go knows.
func systemZone() *time.Location {
	var names []string
	if tz := strings.TrimPrefix(os.Getenv("TZ"), ":"); tz != "" {
		names = append(names, tz)
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		names = append(names, strings.TrimSpace(string(b)))
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if _, name, ok := strings.Cut(filepath.ToSlash(target), "zoneinfo/"); ok {
			names = append(names, name)
		}
	}
	for _, name := range names {
		if loc, err := time.LoadLocation(name); err == nil && name != "Local" && name != "" {
			return loc
		}
	}
	return nil
}

// inviteFor encodes the meeting with the given ID as the window would: for
// the user's own calendar, or as an invite to the person when request is
// set.
func inviteFor(ctx context.Context, st *storage.Store, id int64, request bool, now time.Time) ([]byte, model.Meeting, model.Person, error) {
	m, err := st.Meeting(ctx, id)
	if err != nil {
		return nil, m, model.Person{}, err
	}
	p, err := st.Person(ctx, m.PersonID)
	if err != nil {
		return nil, m, p, err
	}
	me, err := st.Settings(ctx)
	if err != nil {
		return nil, m, p, err
	}
	if request && me.UserEmail == "" {
		return nil, m, p, fmt.Errorf("an invite comes from your e-mail address: set it in the window's Settings")
	}
	if request && p.Email == "" {
		return nil, m, p, fmt.Errorf("an invite goes to %s's e-mail address, and there is none: add it to their details", p.Name)
	}
	zone := me.Zone(systemZone())
	if zone == nil && m.Recurrence != model.RecurrenceNone {
		return nil, m, p, fmt.Errorf("a repeating meeting needs a named time zone: set one in the window's Settings or in $TZ")
	}
	data, err := icsCalendar{}.Marshal(request, me, zone, now, model.ScheduledMeeting{Meeting: m, With: p})
	return data, m, p, err
}
