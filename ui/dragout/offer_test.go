package dragout

import (
	"bytes"
	"errors"
	"net/url"
	"slices"
	"testing"
)

func TestURIList(t *testing.T) {
	tests := []struct {
		path string
		want string
	}{
		{"/tmp/2026-12-01 Coffee with Dana Reyes.ics", "file:///tmp/2026-12-01%20Coffee%20with%20Dana%20Reyes.ics\r\n"},
		{"/home/zoë/Café #1?.ics", "file:///home/zo%C3%AB/Caf%C3%A9%20%231%3F.ics\r\n"},
		{"/tmp/100% sure;a=b&c+d.ics", "file:///tmp/100%25%20sure%3Ba%3Db%26c%2Bd.ics\r\n"},
		{"/tmp/日本/x~y_z-1.ics", "file:///tmp/%E6%97%A5%E6%9C%AC/x~y_z-1.ics\r\n"},
		{"/", "file:///\r\n"},
	}
	for _, tt := range tests {
		got, err := uriList(tt.path)
		if err != nil {
			t.Fatalf("uriList(%q): %v", tt.path, err)
		}
		if got != tt.want {
			t.Errorf("uriList(%q) = %q, want %q", tt.path, got, tt.want)
		}
		// Any URI parser must give the path back.
		u, err := url.Parse(got[:len(got)-2])
		if err != nil {
			t.Fatalf("url.Parse(%q): %v", got, err)
		}
		if u.Scheme != "file" || u.Host != "" || u.Path != tt.path {
			t.Errorf("%q parses to scheme %q host %q path %q, want file, \"\", %q", got, u.Scheme, u.Host, u.Path, tt.path)
		}
	}
}

func TestURIListRelative(t *testing.T) {
	for _, p := range []string{"", "invite.ics", "./invite.ics", `C:\invite.ics`} {
		if _, err := uriList(p); !errors.Is(err, errRelative) {
			t.Errorf("uriList(%q) error = %v, want errRelative", p, err)
		}
	}
}

func TestNewOffer(t *testing.T) {
	const path = "/tmp/a b.ics"
	ics := []byte("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
	tests := []struct {
		name  string
		item  Item
		types []string
	}{
		{"file and data", Item{Path: path, Data: ics, Type: "text/calendar"},
			[]string{typeURIList, "text/calendar", typePlainUTF8, typeUTF8String, typePlain}},
		{"file only", Item{Path: path, Type: "text/calendar"},
			[]string{typeURIList, typePlainUTF8, typeUTF8String, typePlain}},
		{"data without a type", Item{Path: path, Data: ics},
			[]string{typeURIList, typePlainUTF8, typeUTF8String, typePlain}},
		{"data of a type already offered", Item{Path: path, Data: ics, Type: "Text/Plain"},
			[]string{typeURIList, "Text/Plain", typePlainUTF8, typeUTF8String}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := newOffer(tt.item)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(o.types, tt.types) {
				t.Errorf("types = %q, want %q", o.types, tt.types)
			}
			if got, _ := o.lookup(typeURIList); string(got) != "file:///tmp/a%20b.ics\r\n" {
				t.Errorf("text/uri-list = %q", got)
			}
			if got, _ := o.lookup(typeUTF8String); string(got) != path && len(tt.item.Data) == 0 {
				t.Errorf("UTF8_STRING = %q, want the path", got)
			}
		})
	}
	if _, err := newOffer(Item{Path: "a.ics"}); !errors.Is(err, errRelative) {
		t.Errorf("newOffer with a relative path: error = %v, want errRelative", err)
	}
}

// testNegotiation offers an invite under made-up atom numbers.
func testNegotiation(t *testing.T) (negotiation, map[uint32]string) {
	t.Helper()
	o, err := newOffer(Item{Path: "/tmp/x.ics", Data: []byte("BEGIN:VCALENDAR"), Type: "text/calendar"})
	if err != nil {
		t.Fatal(err)
	}
	n := negotiation{offer: o, typeAtoms: []uint32{200, 201, 202, 203, 204},
		targets: 100, timestamp: 101, time: 0x01020304, maxData: 1000}
	names := map[uint32]string{
		200: typeURIList, 201: "text/calendar", 202: typePlainUTF8, 203: typeUTF8String, 204: typePlain,
		300: "text/plain; charset=UTF-8", 301: "image/png", 302: "TEXT/URI-LIST", 303: "TEXT/CALENDAR",
	}
	return n, names
}

func TestNegotiationAnswer(t *testing.T) {
	n, names := testNegotiation(t)
	name := func(a uint32) string { return names[a] }
	tests := []struct {
		target uint32
		ok     bool
		typ    uint32
		format byte
		data   []byte
	}{
		{200, true, 200, 8, []byte("file:///tmp/x.ics\r\n")},
		{201, true, 201, 8, []byte("BEGIN:VCALENDAR")},
		{202, true, 202, 8, []byte("/tmp/x.ics")},
		{203, true, 203, 8, []byte("/tmp/x.ics")},
		{204, true, 204, 8, []byte("/tmp/x.ics")},
		{300, true, 300, 8, []byte("/tmp/x.ics")},                          // differently spelled, found by name
		{302, true, 302, 8, []byte("file:///tmp/x.ics\r\n")},               // MIME types ignore case
		{303, true, 303, 8, []byte("BEGIN:VCALENDAR")},                     //
		{100, true, atomATOM, 32, le32(100, 101, 200, 201, 202, 203, 204)}, // TARGETS
		{101, true, atomINTEGER, 32, le32(0x01020304)},                     // TIMESTAMP
		{301, false, 0, 0, nil},                                            // not offered
		{999, false, 0, 0, nil},                                            // no such atom
		{0, false, 0, 0, nil},                                              // None
	}
	for _, tt := range tests {
		p, ok := n.answer(tt.target, name)
		if ok != tt.ok {
			t.Errorf("answer(%d) ok = %v, want %v", tt.target, ok, tt.ok)
			continue
		}
		if p.typ != tt.typ || p.format != tt.format || !bytes.Equal(p.data, tt.data) {
			t.Errorf("answer(%d) = {%d %d %q}, want {%d %d %q}", tt.target, p.typ, p.format, p.data, tt.typ, tt.format, tt.data)
		}
	}
	if _, ok := n.answer(300, nil); ok {
		t.Error("answer(300) without a name lookup found an atom that is not offered")
	}
	n.maxData = 5
	if _, ok := n.answer(200, name); ok {
		t.Error("answer served a payload larger than maxData")
	}
}

func TestNegotiationEnterTypes(t *testing.T) {
	n, _ := testNegotiation(t)
	types, more := n.enterTypes()
	if types != [3]uint32{200, 201, 202} || !more {
		t.Errorf("enterTypes() = %v, %v, want [200 201 202], true", types, more)
	}
	n.typeAtoms = n.typeAtoms[:2]
	types, more = n.enterTypes()
	if types != [3]uint32{200, 201, 0} || more {
		t.Errorf("enterTypes() = %v, %v, want [200 201 0], false", types, more)
	}
}

func TestOutcomeString(t *testing.T) {
	for o, want := range map[Outcome]string{Dropped: "dropped", Cancelled: "cancelled", Failed: "failed", 0: "Outcome(0)"} {
		if got := o.String(); got != want {
			t.Errorf("Outcome(%d).String() = %q, want %q", int(o), got, want)
		}
	}
}
