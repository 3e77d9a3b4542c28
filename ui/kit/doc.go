// Package kit holds the small widgets and text helpers that several
// screens share: quiet text, headings, badges, tap areas, the level bar,
// the month chart, column layouts and the words for days, counts and
// cadences. It knows no screen and no store: it imports only Fyne and
// model. Widgets with renderers read their colours and sizes from the
// theme each time they are refreshed, so they follow a change of theme.
package kit
