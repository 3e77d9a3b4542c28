// check_icaljs.mjs parses each .ics file named on the command line with
// ical.js, the parser of Thunderbird's calendar, the way a client reads an
// invite: ICAL.parse, one VCALENDAR, its VTIMEZONEs registered, every
// VEVENT read through ICAL.Event (uid, summary, start and end), and the
// first occurrences of a recurring one expanded and checked against the
// IANA zone database of Node's Intl.
//
// Usage: node check_icaljs.mjs [--dump] FILE.ics...  (exit 1 naming each bad file)
//        node check_icaljs.mjs --probe               (prints "ical.js VERSION")
//
// --dump also prints, for each file, one JSON line on standard output with
// the text ical.js read: {"file", "events": [{"uid", "summary",
// "description", "location", "organizer", "attendees"}]}, a person being
// {"cn", "value"}.
//
// storage/ics's TestClientsParse runs it; `make test` installs ical.js
// into node_modules beside this file with npm ci.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ICAL from 'ical.js';

// How many occurrences of a recurring event are expanded and checked.
const OCCURRENCES = 12;

if (process.argv[2] === '--probe') {
  // ical.js's exports do not include package.json: read it beside dist/.
  const main = createRequire(import.meta.url).resolve('ical.js');
  const pkg = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8'));
  console.log(`ical.js ${pkg.version} (${dirname(dirname(main))}) on Node.js ${process.version}`);
  process.exit(0);
}

const dump = process.argv[2] === '--dump';
const files = process.argv.slice(dump ? 3 : 2);
if (files.length === 0) {
  console.error('usage: node check_icaljs.mjs [--dump] FILE.ics...');
  process.exit(2);
}

// wallClock returns the local date and time of the instant unixSeconds in
// the IANA zone tzid according to Intl, as "YYYY-MM-DD HH:MM:SS", or null
// when Intl does not know the zone.
function wallClock(unixSeconds, tzid) {
  let fmt;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: tzid, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
  } catch {
    return null;
  }
  const p = {};
  for (const part of fmt.formatToParts(new Date(unixSeconds * 1000))) {
    p[part.type] = part.value;
  }
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

function local(t) {
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

// checkTime checks that the ICAL.Time t of property name is a real date
// whose zone is the one its TZID names (or UTC for a value ending in Z).
function checkTime(name, t, prop, problems) {
  if (t === undefined) return false; // read already said why
  if (!(t instanceof ICAL.Time)) {
    problems.push(`${name}: not a date-time (${t})`);
    return false;
  }
  if (!Number.isFinite(t.toUnixTime()) || Number.isNaN(t.toJSDate().getTime())) {
    problems.push(`${name}: ${t} is not a valid date`);
    return false;
  }
  const raw = prop.getFirstValue();
  const tzid = prop.getParameter('tzid');
  if (tzid) {
    if (!t.zone || t.zone.tzid !== tzid) {
      problems.push(`${name}: TZID ${tzid} resolved to zone ${t.zone ? t.zone.tzid : '(none)'}: no VTIMEZONE for it?`);
      return false;
    }
  } else if (String(raw).endsWith('Z') && t.zone !== ICAL.Timezone.utcTimezone) {
    problems.push(`${name}: ${raw} is not read as UTC`);
    return false;
  }
  return true;
}

// checkZoneTime compares the UTC instant ical.js computes for the local
// time t in its VTIMEZONE with the one the IANA database gives.
function checkZoneTime(name, t, problems) {
  if (!t.zone || t.zone === ICAL.Timezone.utcTimezone || t.zone === ICAL.Timezone.localTimezone) {
    return;
  }
  const want = wallClock(t.toUnixTime(), t.zone.tzid);
  if (want !== null && want !== local(t)) {
    problems.push(`${name}: ${local(t)} ${t.zone.tzid} converts to ${t.convertToZone(ICAL.Timezone.utcTimezone)} by the VTIMEZONE, but that instant is ${want} there by the IANA database`);
  }
}

// read returns get(), or undefined after noting the error it threw (ical.js
// decodes values when they are first read).
function read(name, get, problems) {
  try {
    return get();
  } catch (err) {
    problems.push(`${name}: ${err && err.message ? err.message : err}`);
    return undefined;
  }
}

function checkEvent(vevent, n, problems) {
  const where = `VEVENT ${n}`;
  const event = new ICAL.Event(vevent);
  const uid = event.uid;
  const label = uid ? `${where} (${uid})` : where;
  if (!uid) problems.push(`${where}: no UID`);
  if (!event.summary) problems.push(`${label}: no SUMMARY`);
  if (!vevent.getFirstPropertyValue('dtstamp')) problems.push(`${label}: no DTSTAMP`);

  const startProp = vevent.getFirstProperty('dtstart');
  if (!startProp) {
    problems.push(`${label}: no DTSTART`);
    return;
  }
  const start = read(`${label} DTSTART`, () => event.startDate, problems);
  if (!checkTime(`${label} DTSTART`, start, startProp, problems)) return;
  checkZoneTime(`${label} DTSTART`, start, problems);
  const endProp = vevent.getFirstProperty('dtend');
  const end = read(`${label} DTEND`, () => event.endDate, problems);
  if (endProp && !checkTime(`${label} DTEND`, end, endProp, problems)) return;
  if (!(end instanceof ICAL.Time)) return;
  if (end.compare(start) <= 0) {
    problems.push(`${label}: ends (${end}) before it starts (${start})`);
  }

  for (const alarm of vevent.getAllSubcomponents('valarm')) {
    if (!alarm.getFirstPropertyValue('action')) problems.push(`${label} VALARM: no ACTION`);
    const trigger = alarm.getFirstPropertyValue('trigger');
    if (!(trigger instanceof ICAL.Duration) && !(trigger instanceof ICAL.Time)) {
      problems.push(`${label} VALARM: TRIGGER ${trigger} is not a duration or a date-time`);
    }
  }

  const rrules = vevent.getAllProperties('rrule');
  if (rrules.length === 0) {
    if (event.isRecurring()) problems.push(`${label}: recurring without an RRULE`);
    return;
  }
  if (!event.isRecurring()) problems.push(`${label}: has an RRULE but ical.js does not see it recurring`);
  for (const prop of rrules) {
    const rule = prop.getFirstValue();
    if (!(rule instanceof ICAL.Recur) || !rule.freq) {
      problems.push(`${label}: RRULE ${prop.toICALString()} does not parse`);
      return;
    }
  }
  const it = event.iterator();
  let prev = null;
  let count = 0;
  for (let occ = it.next(); occ && count < OCCURRENCES; occ = it.next()) {
    count++;
    const name = `${label} occurrence ${count}`;
    if (prev && occ.compare(prev) <= 0) {
      problems.push(`${name}: ${occ} does not come after ${prev}`);
      return;
    }
    if (count === 1 && occ.compare(start) !== 0) {
      problems.push(`${name}: ${occ} is not DTSTART ${start}`);
    }
    const details = event.getOccurrenceDetails(occ);
    if (details.endDate.compare(details.startDate) <= 0) {
      problems.push(`${name}: ends (${details.endDate}) before it starts (${details.startDate})`);
    }
    checkZoneTime(name, occ, problems);
    prev = occ;
  }
  if (count < 2) {
    problems.push(`${label}: the RRULE gives ${count} occurrence(s), want at least 2`);
  }
}

function person(prop) {
  return prop ? { cn: prop.getParameter('cn') ?? null, value: String(prop.getFirstValue()) } : null;
}

// summarize returns the text of vevent's properties as --dump prints it.
function summarize(vevent) {
  const text = (name) => vevent.getFirstPropertyValue(name) ?? null;
  return {
    uid: text('uid'),
    summary: text('summary'),
    description: text('description'),
    location: text('location'),
    organizer: person(vevent.getFirstProperty('organizer')),
    attendees: vevent.getAllProperties('attendee').map(person),
  };
}

// checkFile returns the problems ical.js finds in file, and what it read
// of its events.
function checkFile(file) {
  const problems = [];
  const events = [];
  const registered = [];
  try {
    const text = readFileSync(file, 'utf8');
    const jcal = ICAL.parse(text);
    // ICAL.parse returns one component, or an array when the file holds
    // several (or none).
    if (!Array.isArray(jcal) || typeof jcal[0] !== 'string') {
      const n = Array.isArray(jcal) ? jcal.length : 0;
      return { problems: [`want exactly one top-level component, got ${n}`], events };
    }
    const cal = new ICAL.Component(jcal);
    if (cal.name !== 'vcalendar') {
      return { problems: [`top-level component is ${cal.name}, not vcalendar`], events };
    }
    for (const prop of ['prodid', 'version']) {
      if (!cal.getFirstPropertyValue(prop)) problems.push(`VCALENDAR: no ${prop.toUpperCase()}`);
    }
    if (cal.getFirstPropertyValue('version') !== '2.0') {
      problems.push(`VCALENDAR: VERSION is ${cal.getFirstPropertyValue('version')}, not 2.0`);
    }

    for (const vtz of cal.getAllSubcomponents('vtimezone')) {
      const tzid = vtz.getFirstPropertyValue('tzid');
      if (!tzid) {
        problems.push('VTIMEZONE without TZID');
        continue;
      }
      const tz = new ICAL.Timezone(vtz);
      if (tz.tzid !== tzid) problems.push(`VTIMEZONE ${tzid}: ical.js reads its TZID as ${tz.tzid}`);
      if (vtz.getAllSubcomponents().length === 0) problems.push(`VTIMEZONE ${tzid}: no STANDARD or DAYLIGHT`);
      ICAL.TimezoneService.register(tz);
      registered.push(tzid);
      // Converting a UTC time into the zone must work (it walks the
      // STANDARD and DAYLIGHT rules).
      const probe = ICAL.Time.fromDateTimeString('2027-07-01T12:00:00Z').convertToZone(tz);
      if (probe.zone !== tz || Number.isNaN(probe.toUnixTime())) {
        problems.push(`VTIMEZONE ${tzid}: converting 2027-07-01T12:00:00Z into it fails`);
      }
    }

    const vevents = cal.getAllSubcomponents('vevent');
    if (vevents.length === 0) problems.push('no VEVENT');
    vevents.forEach((vevent, i) => {
      try {
        checkEvent(vevent, i + 1, problems);
        events.push(summarize(vevent));
      } catch (err) {
        problems.push(`VEVENT ${i + 1}: ${err && err.message ? err.message : err}`);
      }
    });
  } catch (err) {
    problems.push(`${err && err.name ? err.name + ': ' : ''}${err && err.message ? err.message : err}`);
  } finally {
    // Zones of one file must not satisfy the TZIDs of the next.
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
  return { problems, events };
}

let failed = 0;
for (const file of files) {
  const { problems, events } = checkFile(file);
  if (dump) console.log(JSON.stringify({ file, events }));
  if (problems.length > 0) {
    failed++;
    for (const p of problems) console.error(`${file}: ical.js: ${p}`);
  }
}
if (failed > 0) {
  console.error(`ical.js rejected ${failed} of ${files.length} file(s)`);
  process.exit(1);
}
console.log(`ical.js accepted ${files.length} file(s)`);
