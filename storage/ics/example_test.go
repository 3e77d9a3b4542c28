package ics_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"rapport/model"
	"rapport/storage/ics"
)

func ExampleMarshal() {
	m := model.Meeting{
		UID:      "3f1c2a9e@rapport",
		Kind:     model.MeetingCoffee,
		Start:    time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC),
		Duration: 30 * time.Minute,
		Location: "Café Einstein",
		Status:   model.MeetingPlanned,
	}
	data, err := ics.Marshal(ics.Invite{
		Meeting: m,
		With:    ics.Party{Name: "Dana Reyes", Email: "dana@example.com"},
		Method:  ics.MethodPublish,
		Now:     time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	fmt.Println(ics.FileName(m, "Dana Reyes"))
	fmt.Print(strings.ReplaceAll(string(data), "\r\n", "\n"))
	// Output:
	// 2026-12-01 Coffee with Dana Reyes.ics
	// BEGIN:VCALENDAR
	// PRODID:-//Rapport//Rapport//EN
	// VERSION:2.0
	// BEGIN:VEVENT
	// DTEND:20261201T083000Z
	// DTSTAMP:20261120T093000Z
	// DTSTART:20261201T080000Z
	// LOCATION:Café Einstein
	// SEQUENCE:0
	// STATUS:CONFIRMED
	// SUMMARY:Coffee with Dana Reyes
	// UID:3f1c2a9e@rapport
	// END:VEVENT
	// END:VCALENDAR
}
