"""check_libical.py parses each .ics file named on the command line with
libical (through its GObject binding, ICalGLib: Debian's gir1.2-ical-3.0
and python3-gi), the library of Evolution and KDE's calendars among
others, and fails on what libical reports:

- a file that does not parse to exactly one VCALENDAR;
- X-LIC-ERROR properties, which libical's parser inserts wherever it met
  something it could not read (a bad value, parameter or line);
- icalrestriction_check (in the binding ICalGLib.restriction_check(comp),
  also Component.check_restrictions), which checks the
  calendar against the iTIP rules (RFC 5546) of its METHOD: which
  properties a PUBLISH or a REQUEST must, may or must not have.

Usage: /usr/bin/python3 check_libical.py [--dump] FILE.ics...  (exit 1 naming each bad file)
       /usr/bin/python3 check_libical.py --probe                (prints the libical version)

--dump also prints, for each file, one JSON line on standard output with
the text libical read: {"file", "events": [{"uid", "summary",
"description", "location", "organizer", "attendees"}]}, a person being
{"cn", "value"}.

storage/ics's TestClientsParse runs it.
"""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402

ANY = ICalGLib.ComponentKind.ANY_COMPONENT
XLICERROR = ICalGLib.PropertyKind.XLICERROR_PROPERTY
XLICERRORTYPE = ICalGLib.ParameterKind.XLICERRORTYPE_PARAMETER
VCALENDAR = ICalGLib.ComponentKind.VCALENDAR_COMPONENT


def kind_name(comp):
    return ICalGLib.Component.kind_to_string(comp.isa()) or "?"


def components(comp, path):
    """Yields (path, component) for comp and every component inside it."""
    here = path + [kind_name(comp)]
    yield here, comp
    child = comp.get_first_component(ANY)
    while child is not None:
        yield from components(child, here)
        child = comp.get_next_component(ANY)


def errors(root):
    """Returns the X-LIC-ERROR properties in root's tree as messages."""
    found = []
    for path, comp in components(root, []):
        # Read the UID first: get_uid moves the component's one property
        # iterator, which the loop below walks.
        where = "/".join(path)
        uid = comp.get_uid() if comp.isa() == ICalGLib.ComponentKind.VEVENT_COMPONENT else None
        if uid:
            where += " (" + uid + ")"
        prop = comp.get_first_property(XLICERROR)
        while prop is not None:
            kind = "ERROR"
            param = prop.get_first_parameter(XLICERRORTYPE)
            if param is not None:
                # "X-LIC-ERRORTYPE=VALUE-PARSE-ERROR"
                kind = param.as_ical_string().strip().partition("=")[2] or kind
            found.append("%s: %s: %s" % (where, kind, prop.get_xlicerror()))
            prop = comp.get_next_property(XLICERROR)
    return found


def dedupe(messages):
    """Returns messages without repeats, counting them: libical 3.0's
    restriction_check can add one error many times (24 X-LIC-ERRORs for
    one STATUS:CANCELLED in a REQUEST)."""
    counts = {}
    for m in messages:
        counts[m] = counts.get(m, 0) + 1
    return [m if n == 1 else "%s (%d times)" % (m, n) for m, n in counts.items()]


def people(comp, kind):
    """Returns the {"cn", "value"} of comp's properties of kind."""
    found = []
    prop = comp.get_first_property(kind)
    while prop is not None:
        cn = prop.get_first_parameter(ICalGLib.ParameterKind.CN_PARAMETER)
        found.append({"cn": cn.get_cn() if cn is not None else None, "value": prop.get_value_as_string()})
        prop = comp.get_next_property(kind)
    return found


def summarize(root):
    """Returns the text of root's VEVENTs as --dump prints it."""
    events = []
    vevent = ICalGLib.ComponentKind.VEVENT_COMPONENT
    ev = root.get_first_component(vevent)
    while ev is not None:
        organizer = people(ev, ICalGLib.PropertyKind.ORGANIZER_PROPERTY)
        events.append({
            "uid": ev.get_uid(),
            "summary": ev.get_summary(),
            "description": ev.get_description(),
            "location": ev.get_location(),
            "organizer": organizer[0] if organizer else None,
            "attendees": people(ev, ICalGLib.PropertyKind.ATTENDEE_PROPERTY),
        })
        ev = root.get_next_component(vevent)
    return events


def check(path):
    """Returns the problems libical finds in the file at path, and what it
    read of its events."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as err:
        return ["cannot read: %s" % err], []
    root = ICalGLib.Parser.parse_string(text)
    if root is None:
        return ["libical parsed no component"], []
    if root.isa() != VCALENDAR:
        # Several top-level components come back wrapped in an XROOT.
        return ["top-level component is %s, want one VCALENDAR" % kind_name(root)], []

    events = summarize(root)
    problems = ["parser: " + e for e in errors(root)]
    if problems:
        # restriction_check would only add its own reports to a tree the
        # parser already found broken.
        return problems, events
    if not events:
        problems.append("no VEVENT")
    # icalrestriction_check returns 1 when the calendar passes and 0 when
    # not, and adds an X-LIC-ERROR of type INVALID-ITIP for each rule
    # broken to the component that breaks it.
    ok = ICalGLib.restriction_check(root)
    found = dedupe(errors(root))
    problems += ["restriction_check: " + e for e in found]
    if not ok and not found:
        problems.append("restriction_check failed without saying why")
    return problems, events


def main(argv):
    if argv[1:] == ["--probe"]:
        # libical-glib has no version call; the typelib's is enough to say
        # it loads, and a parse proves it works.
        root = ICalGLib.Parser.parse_string(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n"
        )
        if root is None:
            print("libical: cannot parse a minimal calendar", file=sys.stderr)
            return 1
        print("libical-glib (ICalGLib %s) on Python %s" % (ICalGLib._version, sys.version.split()[0]))
        return 0
    dump = argv[1:2] == ["--dump"]
    files = argv[2:] if dump else argv[1:]
    if not files:
        print("usage: python3 check_libical.py [--dump] FILE.ics...", file=sys.stderr)
        return 2
    failed = 0
    for path in files:
        problems, events = check(path)
        if dump:
            print(json.dumps({"file": path, "events": events}, ensure_ascii=False), flush=True)
        if problems:
            failed += 1
            for p in problems:
                print("%s: libical: %s" % (path, p), file=sys.stderr)
    if failed:
        print("libical rejected %d of %d file(s)" % (failed, len(files)), file=sys.stderr)
        return 1
    print("libical accepted %d file(s)" % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
