package ics

import (
	"bytes"
	"testing"

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
