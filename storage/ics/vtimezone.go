package ics

import (
	"fmt"
	"strconv"
	"time"

	"github.com/emersion/go-ical"
)

// transition is one change of a zone's UTC offset.
type transition struct {
	at       time.Time // the instant, in UTC
	from, to int       // offsets in seconds east of UTC
	name     string    // the abbreviation in effect after it
}

// transitions lists the offset changes of zone during year (in the zone),
// using Time.ZoneBounds, which reports exactly where each zone period ends.
func transitions(zone *time.Location, year int) []transition {
	var out []transition
	t := time.Date(year, time.January, 1, 0, 0, 0, 0, zone)
	stop := time.Date(year+1, time.January, 1, 0, 0, 0, 0, zone)
	for range 16 { // a year has a handful of periods; the bound keeps odd zones finite
		_, end := t.ZoneBounds()
		if end.IsZero() || !end.Before(stop) {
			break
		}
		_, from := end.Add(-time.Second).Zone()
		name, to := end.Zone()
		if from != to {
			out = append(out, transition{at: end.UTC(), from: from, to: to, name: name})
		}
		t = end
	}
	return out
}

// timezone builds the VTIMEZONE of zone from its rules in year, as
// Outlook needs them: a STANDARD and a DAYLIGHT observance, each with an
// RRULE FREQ=YEARLY;BYMONTH=m;BYDAY=nDD taken from that year's
// transitions (n is the weekday's ordinal in the month, or -1 when the
// change falls in the month's last seven days, as in the EU). DTSTART is
// the rule's first occurrence in 1970, at the local wall time of the
// change, so the rule covers every meeting date; a zone whose rules
// changed since is described by the year's rules throughout.
//
// A zone with no offset change that year gets a single STANDARD with no
// RRULE. A zone whose year does not split into exactly one change forward
// and one back (one-time changes, Ramadan suspensions) is also written as
// a single STANDARD, with the offset in effect at the middle of the year:
// an approximation that no RRULE could express.
func timezone(zone *time.Location, year int) *ical.Component {
	tz := ical.NewComponent(ical.CompTimezone)
	tz.Props.SetText(ical.PropTimezoneID, zone.String())

	ts := transitions(zone, year)
	if len(ts) == 2 && (ts[0].to > ts[0].from) != (ts[1].to > ts[1].from) {
		for _, tr := range ts {
			name := ical.CompTimezoneStandard
			if tr.to > tr.from {
				name = ical.CompTimezoneDaylight
			}
			obs := observance(name, tr.from, tr.to, tr.name)
			local := tr.at.In(time.FixedZone("", tr.from))
			n := (local.Day()-1)/7 + 1
			if local.Day()+7 > daysIn(local.Month(), local.Year()) {
				n = -1
			}
			day := weekdays[local.Weekday()]
			start := nthWeekday(1970, local.Month(), n, local.Weekday())
			start = start.Add(time.Duration(local.Hour())*time.Hour + time.Duration(local.Minute())*time.Minute + time.Duration(local.Second())*time.Second)
			obs.Props.Set(&ical.Prop{Name: ical.PropDateTimeStart, Params: ical.Params{}, Value: start.Format("20060102T150405")})
			obs.Props.Set(&ical.Prop{Name: ical.PropRecurrenceRule, Params: ical.Params{},
				Value: fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%s%s", int(local.Month()), strconv.Itoa(n), day)})
			tz.Children = append(tz.Children, obs)
		}
		return tz
	}

	name, off := time.Date(year, time.July, 1, 0, 0, 0, 0, zone).Zone()
	if len(ts) == 0 {
		name, off = time.Date(year, time.January, 1, 0, 0, 0, 0, zone).Zone()
	}
	obs := observance(ical.CompTimezoneStandard, off, off, name)
	obs.Props.Set(&ical.Prop{Name: ical.PropDateTimeStart, Params: ical.Params{}, Value: "19700101T000000"})
	tz.Children = append(tz.Children, obs)
	return tz
}

func observance(name string, from, to int, abbr string) *ical.Component {
	obs := ical.NewComponent(name)
	obs.Props.Set(&ical.Prop{Name: ical.PropTimezoneOffsetFrom, Params: ical.Params{}, Value: utcOffset(from)})
	obs.Props.Set(&ical.Prop{Name: ical.PropTimezoneOffsetTo, Params: ical.Params{}, Value: utcOffset(to)})
	if abbr = cleanText(abbr); abbr != "" {
		obs.Props.SetText(ical.PropTimezoneName, abbr)
	}
	return obs
}

// utcOffset formats seconds east of UTC as RFC 5545 UTC-OFFSET: +0100,
// -0500, or +053328 when there are seconds.
func utcOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	s := fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
	if sec%60 != 0 {
		s += fmt.Sprintf("%02d", sec%60)
	}
	return s
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// nthWeekday is the n-th (1 to 5, or -1 for the last) weekday wd of month m
// in year, at midnight UTC.
func nthWeekday(year int, m time.Month, n int, wd time.Weekday) time.Time {
	if n < 0 {
		last := time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	first := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
}
