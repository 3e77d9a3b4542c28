package autostart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
)

// DesktopEntry is the XDG autostart entry that runs c: a desktop entry
// (freedesktop.org Desktop Entry Specification 1.5) whose Exec line
// quotes every argument, so a path with spaces or quotes stays one
// argument. A path with a line break cannot be written in one and is
// refused.
func DesktopEntry(c Command) ([]byte, error) {
	words := append([]string{c.Exe}, c.Args...)
	quoted := make([]string, len(words))
	for i, w := range words {
		if strings.ContainsAny(w, "\n\r\x00") {
			return nil, errors.New("a path with a line break cannot start at login")
		}
		quoted[i] = execArg(w)
	}
	var b bytes.Buffer
	b.WriteString("[Desktop Entry]\n")
	b.WriteString("Type=Application\n")
	b.WriteString("Name=Rapport\n")
	b.WriteString("Comment=Reminders of your promises, from the tray\n")
	b.WriteString("Exec=" + strings.Join(quoted, " ") + "\n")
	b.WriteString("Terminal=false\n")
	b.WriteString("X-GNOME-Autostart-enabled=true\n")
	return b.Bytes(), nil
}

// execArg quotes one argument of an Exec line: inside double quotes,
// the characters " ` $ and \ are escaped with a backslash and % is
// doubled; then the string escape of every value doubles each backslash
// again (a literal backslash is four).
func execArg(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "`", "\\`", `$`, `\$`).Replace(s)
	s = strings.ReplaceAll(s, "%", "%%")
	return strings.ReplaceAll(`"`+s+`"`, `\`, `\\`)
}

// LaunchAgent is the LaunchAgent property list that runs c when the user
// logs in (RunAtLoad), as an interactive process of their session.
func LaunchAgent(c Command) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Label</key>
	<string>` + AgentLabel + `</string>
	<key>ProgramArguments</key>
	<array>
`)
	for _, w := range append([]string{c.Exe}, c.Args...) {
		b.WriteString("\t\t<string>")
		xml.EscapeText(&b, []byte(w)) //nolint:errcheck // a bytes.Buffer does not fail
		b.WriteString("</string>\n")
	}
	b.WriteString(`	</array>
	<key>RunAtLoad</key>
	<true/>
	<key>ProcessType</key>
	<string>Interactive</string>
</dict>
</plist>
`)
	return b.Bytes()
}

// WindowsCommandLine is the command line of the Run value that runs c,
// each argument quoted as CommandLineToArgvW reads it back: inside
// double quotes, a quote is escaped with a backslash, and backslashes
// are doubled where they come before a quote.
func WindowsCommandLine(c Command) string {
	words := append([]string{c.Exe}, c.Args...)
	for i, w := range words {
		words[i] = windowsArg(w)
	}
	return strings.Join(words, " ")
}

// windowsArg quotes s for CommandLineToArgvW.
func windowsArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\"") {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	slashes := 0
	for _, r := range s {
		switch r {
		case '\\':
			slashes++
			continue
		case '"':
			b.WriteString(strings.Repeat(`\`, 2*slashes+1))
		default:
			b.WriteString(strings.Repeat(`\`, slashes))
		}
		slashes = 0
		b.WriteRune(r)
	}
	return b.String() + strings.Repeat(`\`, 2*slashes) + `"`
}
