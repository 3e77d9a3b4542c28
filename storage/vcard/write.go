package vcard

import (
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	govcard "github.com/emersion/go-vcard"

	"rapport/model"
)

// Write writes people as vCard 4.0 cards, one per person, in order: FN, N
// (the last word of the name as the family name, the rest as given names),
// ORG (organisation; team), TITLE, EMAIL and TEL, each only when set.
//
// Nothing private is written: not the notes (NOTE is left out on purpose,
// since the notes are the user's own), nor relation, influence, stance,
// cadence, what they work on or need, or when they were first met. Line
// breaks and control characters in a field become spaces, so a value
// never starts a property line of its own.
//
// The text is made whole first, with lines folded at 75 octets (never
// inside a character) and CRLF line ends, and then written to w in one
// call.
func Write(w io.Writer, people []model.Person) error {
	var buf bytes.Buffer
	enc := govcard.NewEncoder(&buf)
	for _, p := range people {
		if err := enc.Encode(card(p)); err != nil {
			return err
		}
	}
	// go-vcard escapes backslashes, commas and line breaks but not
	// semicolons: card wrote each semicolon inside a value as semicolonMark.
	text := strings.ReplaceAll(buf.String(), string(semicolonMark), `\;`)
	_, err := io.WriteString(w, fold(text))
	return err
}

// semicolonMark stands for a semicolon inside a value while go-vcard
// encodes it: a private-use character that clean removes from the values.
const semicolonMark = '\uE000'

// card is the vCard 4.0 card of p.
func card(p model.Person) govcard.Card {
	c := make(govcard.Card)
	c.SetValue(govcard.FieldVersion, "4.0")
	name := clean(p.Name)
	c.SetValue(govcard.FieldFormattedName, name)
	given, family := splitName(name)
	c.Set(govcard.FieldName, &govcard.Field{Value: strings.Join([]string{family, given, "", "", ""}, ";")})
	if org, team := clean(p.Organisation), clean(p.Team); org != "" || team != "" {
		v := org
		if team != "" {
			v += ";" + team
		}
		c.Set(govcard.FieldOrganization, &govcard.Field{Value: v})
	}
	for _, f := range []struct{ key, value string }{
		{govcard.FieldTitle, p.Title},
		{govcard.FieldEmail, p.Email},
		{govcard.FieldTelephone, p.Phone},
	} {
		if v := clean(f.value); v != "" {
			c.SetValue(f.key, v)
		}
	}
	return c
}

// clean makes s a single-line value: valid UTF-8, white space and control
// characters folded to one space, trimmed, with each semicolon written as
// semicolonMark.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
	s = strings.ReplaceAll(s, string(semicolonMark), "")
	return strings.ReplaceAll(s, ";", string(semicolonMark))
}

// splitName guesses a name's given and family parts: the last word is the
// family name. A one-word name is a given name only.
func splitName(name string) (given, family string) {
	i := strings.LastIndexByte(name, ' ')
	if i < 0 {
		return name, ""
	}
	return name[:i], name[i+1:]
}

// fold folds every CRLF-ended line of text longer than 75 octets
// (RFC 6350 §3.2): the rest goes on continuation lines that start with a
// space, never splitting a UTF-8 character.
func fold(text string) string {
	const limit = 75
	if text == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(text) + len(text)/limit*3)
	for line := range strings.SplitSeq(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		width := limit
		for len(line) > width {
			cut := width
			for cut > 0 && !utf8.RuneStart(line[cut]) {
				cut--
			}
			b.WriteString(line[:cut])
			b.WriteString("\r\n ")
			line = line[cut:]
			width = limit - 1
		}
		b.WriteString(line)
		b.WriteString("\r\n")
	}
	return b.String()
}
