// Package kit holds the small widgets and text helpers that several
// screens share: quiet text, headings, badges, tap areas, the level bar,
// the month chart, column layouts, form inputs (Entry, MultiLine,
// Choice, the field set, the person pickers), what shows in place of a
// failed read (PageProblem, ScreenProblem), dialog sizing (FitWindow), a
// dialog's scroll following the keyboard focus (FollowFocus) and
// the words for days, counts, cadences, meetings, promises and ties. It
// knows no screen and no store: it imports only Fyne and
// model. Widgets with renderers read their colours and sizes from the
// theme each time they are refreshed, so they follow a change of theme.
package kit
