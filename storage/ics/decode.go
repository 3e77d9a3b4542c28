package ics

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/emersion/go-ical"
)

// This file reads content lines and components as go-ical's Decoder
// does, line for line and error for error (decode_test.go holds them
// side by side), but in one pass over the data in memory: go-ical keeps
// every component of a calendar it decodes and builds each parameter
// value a byte at a time, several times the file's size in memory for a
// big export. Here only the events directly in a calendar are kept, one
// at a time, and of them only the properties event reads.

// errParams stands for go-ical's panics on malformed parameters, which
// decodeOne turned into this message.
var errParams = errors.New("malformed property parameters (a quote or a colon is missing)")

// eventProps are the properties event reads.
var eventProps = map[string]bool{
	ical.PropUID: true, ical.PropSummary: true, ical.PropLocation: true,
	ical.PropDateTimeStart: true, ical.PropDateTimeEnd: true, ical.PropDuration: true,
	ical.PropStatus: true, ical.PropRecurrenceRule: true, ical.PropRecurrenceDates: true,
	ical.PropOrganizer: true, ical.PropAttendee: true,
}

// eventParams are the parameters event reads.
var eventParams = map[string]bool{
	ical.ParamCommonName: true, ical.ParamEmail: true, ical.ParamParticipationStatus: true,
	ical.ParamCalendarUserType: true, ical.ParamValue: true, ical.ParamTimezoneID: true,
}

// presentOnly are the properties of which event only asks whether they
// are there.
var presentOnly = map[string]bool{ical.PropRecurrenceRule: true, ical.PropRecurrenceDates: true}

// decoder walks rd.data as go-ical's Decoder walks its reader.
type decoder struct {
	data []byte
	off  int    // where the next line begins: how far go-ical would have got
	buf  []byte // a folded line, unfolded
	// props are the kept properties of the event being read, and params
	// the parameter maps they use: both are used again for the next
	// event, as event keeps nothing of them.
	props  propList
	params []ical.Params
	used   int // how many of params the event uses
}

// propList is an event's properties in file order.
type propList []ical.Prop

// get is the first property called name, or nil.
func (l propList) get(name string) *ical.Prop {
	for i := range l {
		if l[i].Name == name {
			return &l[i]
		}
	}
	return nil
}

// line is go-ical's readContinuedLine: the next line with its
// continuation lines, without their leading space or tab; ok is false
// at the end of the data.
func (d *decoder) line() (line []byte, ok bool) {
	if d.off >= len(d.data) {
		return nil, false
	}
	line = d.physical()
	folded := false
	for d.off < len(d.data) && (d.data[d.off] == ' ' || d.data[d.off] == '\t') {
		if !folded {
			d.buf = append(d.buf[:0], line...)
			folded = true
		}
		d.off++
		d.buf = append(d.buf, d.physical()...)
	}
	if folded {
		return d.buf, true
	}
	return line, true
}

// physical reads one physical line from d.off, without its line break
// ("\n" or "\r\n"), as bufio.Reader.ReadLine does.
func (d *decoder) physical() []byte {
	rest := d.data[d.off:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		d.off = len(d.data)
		return rest
	}
	d.off += i + 1
	return bytes.TrimSuffix(rest[:i], []byte("\r"))
}

// contentLine is go-ical's decodeContentLine: the next line that is not
// empty, parsed; keep tells whether to make a Prop of it (its parameters
// are checked either way). errEOF at the end of the data.
func (d *decoder) contentLine(keep func(name string) bool) (name string, prop ical.Prop, err error) {
	for {
		l, ok := d.line()
		if !ok {
			return "", prop, errEOF
		}
		if len(l) > 0 {
			return d.parseLine(l, keep)
		}
	}
}

// paramsFor is an empty parameter map for a kept property.
func (d *decoder) paramsFor() ical.Params {
	if d.used == len(d.params) {
		d.params = append(d.params, ical.Params{})
	}
	p := d.params[d.used]
	clear(p)
	d.used++
	return p
}

// errEOF is go-ical's io.EOF: the data ended inside a component.
var errEOF = errors.New("end of data")

// parseLine is go-ical's lineDecoder.decodeContentLine on l. Of a
// property keep wants it returns the value and the parameters event
// reads; of others, only the name.
func (d *decoder) parseLine(l []byte, keep func(name string) bool) (string, ical.Prop, error) {
	var prop ical.Prop
	i := bytes.IndexAny(l, ";:")
	if i < 0 {
		return "", prop, errors.New("malformed content line: missing colon")
	} else if i == 0 {
		return "", prop, errors.New("malformed content line: empty property name")
	}
	name := upper(l[:i])
	l = l[i:]
	kept := keep(name)
	for len(l) > 0 && l[0] == ';' {
		l = l[1:]
		j := bytes.IndexByte(l, '=')
		if j < 0 {
			return "", prop, errors.New("malformed param: missing equal sign")
		} else if j == 0 {
			return "", prop, errors.New("malformed param: empty param name")
		}
		param := ""
		if kept {
			param = upper(l[:j])
		}
		l = l[j+1:]
		for {
			var v []byte
			var err error
			if v, l, err = paramValue(l); err != nil {
				return "", prop, err
			}
			if kept && eventParams[param] {
				if prop.Params == nil {
					prop.Params = d.paramsFor()
				}
				prop.Params[param] = append(prop.Params[param], string(v))
			}
			if len(l) == 0 || l[0] != ',' && l[0] != ';' && l[0] != ':' {
				return "", prop, errParams
			}
			if l[0] != ',' {
				break
			}
			l = l[1:]
		}
	}
	if len(l) == 0 || l[0] != ':' {
		return "", prop, errors.New("malformed property: expected colon")
	}
	if kept {
		prop.Name = name
		if !presentOnly[name] {
			prop.Value = string(l[1:])
		}
	}
	return name, prop, nil
}

// paramValue is go-ical's decodeParamValue: one parameter value, quoted
// or not, and what follows it.
func paramValue(l []byte) (v, rest []byte, err error) {
	if len(l) > 0 && l[0] == '"' {
		end := bytes.IndexByte(l[1:], '"')
		if end < 0 {
			return nil, nil, errors.New("malformed param value: unterminated quoted string")
		}
		return l[1 : 1+end], l[2+end:], nil
	}
	end := bytes.IndexAny(l, "\";,:")
	if end < 0 {
		return l, nil, nil
	}
	if l[end] == '"' {
		return nil, nil, errors.New("malformed param value: illegal double-quote")
	}
	return l[:end], l[end:], nil
}

// upper is strings.ToUpper(string(b)), without a copy for the names
// most calendars use.
func upper(b []byte) string {
	if s, ok := knownNames[string(b)]; ok {
		return s
	}
	return strings.ToUpper(string(b))
}

// knownNames are the property and parameter names common in calendar
// files, as written and upper-cased.
var knownNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"BEGIN", "END", ical.PropUID, ical.PropSummary, ical.PropLocation,
		ical.PropDateTimeStart, ical.PropDateTimeEnd, ical.PropDuration, ical.PropStatus,
		ical.PropRecurrenceRule, ical.PropRecurrenceDates, ical.PropOrganizer, ical.PropAttendee,
		ical.PropDescription, ical.PropDateTimeStamp, ical.PropCreated, ical.PropLastModified,
		ical.PropSequence, ical.PropTransparency, ical.PropClass, ical.PropPriority, ical.PropRecurrenceID,
		ical.PropTimezoneID, ical.PropTimezoneOffsetFrom, ical.PropTimezoneOffsetTo, ical.PropTimezoneName,
		ical.PropAction, ical.PropTrigger, ical.PropVersion, ical.PropProductID, ical.PropMethod,
		ical.PropCalendarScale, ical.ParamCommonName, ical.ParamParticipationStatus,
		ical.ParamCalendarUserType, ical.ParamEmail, ical.ParamTimezoneID, ical.ParamValue,
		ical.ParamRole, ical.ParamRSVP, "X-NUM-GUESTS"} {
		m[n] = n
	}
	return m
}()

// calendar is go-ical's Decoder.Decode: it reads one VCALENDAR, calling
// event with each VEVENT directly in it (with the properties event
// reads) as soon as it is read.
func (d *decoder) calendar(event func(propList)) error {
	name, prop, err := d.contentLine(isBegin)
	if err != nil {
		return err
	}
	if name != "BEGIN" {
		return fmt.Errorf("malformed component: expected BEGIN property, got %q", name)
	}
	top := strings.ToUpper(prop.Value)
	onEvent := func(string) func(propList) { return nil }
	if top == ical.CompCalendar {
		onEvent = func(child string) func(propList) {
			if child != ical.CompEvent {
				return nil
			}
			return event
		}
	}
	if err := d.component(top, nil, onEvent); err != nil {
		return err
	}
	if top != ical.CompCalendar {
		return fmt.Errorf("invalid toplevel component name: expected %q, got %q", ical.CompCalendar, top)
	}
	return nil
}

// isBegin keeps BEGIN and END lines, whose values say which component.
func isBegin(name string) bool { return name == "BEGIN" || name == "END" }

// component is go-ical's decodeComponentBody for the component called
// name, whose BEGIN line has been read. With keep non-nil, the properties
// event reads are gathered in d.props and passed to keep at its END.
// child says, for each component in it, what to do with that one.
func (d *decoder) component(name string, keep func(propList), child func(name string) func(propList)) error {
	wanted := isBegin
	if keep != nil {
		d.props, d.used = d.props[:0], 0
		wanted = func(n string) bool { return isBegin(n) || eventProps[n] }
	}
	none := func(string) func(propList) { return nil }
	for {
		n, prop, err := d.contentLine(wanted)
		if err != nil {
			return err
		}
		switch n {
		case "BEGIN":
			sub := strings.ToUpper(prop.Value)
			if err := d.component(sub, child(sub), none); err != nil {
				return err
			}
			continue
		case "END":
			if !strings.EqualFold(prop.Value, name) {
				return fmt.Errorf("malformed component: expected END property for %q, got %q", name, prop.Value)
			}
			if keep != nil {
				keep(d.props)
			}
			return nil
		}
		if keep != nil && prop.Name != "" {
			d.props = append(d.props, prop)
		}
	}
}

// decodeAll decodes the data until only blank space is left, calling
// event with each VEVENT directly in a VCALENDAR, in order. Errors name
// the line where go-ical stopped; the end of the data inside a calendar
// is a file cut short.
func (rd *reader) decodeAll(event func(propList)) error {
	d := &decoder{data: rd.data}
	for len(bytes.TrimSpace(d.data[d.off:])) > 0 {
		err := d.calendar(event)
		if errors.Is(err, errEOF) {
			return unreadable(rd.lineBefore(d.off), "the file is cut short: it ends before END:VCALENDAR")
		}
		if err != nil {
			return unreadable(rd.lineBefore(d.off), "%s", err.Error())
		}
	}
	return nil
}
