package ics

import (
	"bytes"
	"testing"

	"github.com/emersion/go-ical"

	"rapport/model"
)

// TestCalendarMarshal checks that Calendar puts a meeting, its person and
// the user's settings into the same file Marshal makes of the Invite.
func TestCalendarMarshal(t *testing.T) {
	inv := coffeeInvite(t)
	me := model.Settings{UserName: "Ana Ruiz", UserEmail: "ana@example.com"}
	with := model.Person{Name: inv.With.Name, Email: inv.With.Email}
	for _, c := range []struct {
		request bool
		method  Method
	}{{false, MethodPublish}, {true, MethodRequest}} {
		want := inv
		want.Method, want.Organizer = c.method, Party{Name: me.UserName, Email: me.UserEmail}
		got, err := Calendar{}.Marshal(c.request, me, inv.Zone, inv.Now, model.ScheduledMeeting{Meeting: inv.Meeting, With: with})
		if err != nil {
			t.Fatalf("request %v: %v", c.request, err)
		}
		if w := mustMarshal(t, want); !bytes.Equal(got, w) {
			t.Errorf("request %v: got\n%s\nwant\n%s", c.request, got, w)
		}
		if !bytes.Contains(got, []byte("METHOD:"+string(c.method))) {
			t.Errorf("request %v: no METHOD:%s in\n%s", c.request, c.method, got)
		}
	}
}

// TestSummaryReadsFromTheReadersSide checks that each copy of a meeting
// names the other party: the user's own calendar says whom the user meets,
// the invite the other person receives says whom they meet, the user.
func TestSummaryReadsFromTheReadersSide(t *testing.T) {
	inv := coffeeInvite(t)
	with := model.Person{Name: "Priya Shah", Email: "priya@example.com"}
	tests := []struct {
		name     string
		request  bool
		userName string
		want     string
	}{
		{"yours names her", false, "Avery Quinn", "Coffee with Priya Shah"},
		{"yours without your name", false, "", "Coffee with Priya Shah"},
		{"hers names you", true, "Avery Quinn", "Coffee with Avery Quinn"},
		{"hers when your name is unknown", true, "", "Coffee"},
		{"hers when your name is blank", true, "  ", "Coffee"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			me := model.Settings{UserName: tt.userName, UserEmail: "avery@example.com"}
			data, err := Calendar{}.Marshal(tt.request, me, inv.Zone, inv.Now, model.ScheduledMeeting{Meeting: inv.Meeting, With: with})
			if err != nil {
				t.Fatal(err)
			}
			evs := decode(t, data).Events()
			if len(evs) != 1 {
				t.Fatalf("%d events", len(evs))
			}
			if got := text(t, evs[0].Props, ical.PropSummary); got != tt.want {
				t.Errorf("SUMMARY = %q, want %q", got, tt.want)
			}
			if got, want := text(t, evs[0].Props, ical.PropDescription), cleanText(inv.Meeting.Agenda); got != want {
				t.Errorf("DESCRIPTION = %q, want the agenda %q", got, want)
			}
			if got := evs[0].Children[0].Props.Get(ical.PropDescription).Value; got != tt.want {
				t.Errorf("alarm DESCRIPTION = %q, want %q", got, tt.want)
			}
		})
	}
}
