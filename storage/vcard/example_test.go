package vcard_test

import (
	"bytes"
	"fmt"
	"strings"

	"rapport/model"
	"rapport/storage/vcard"
)

func ExampleWrite() {
	dana := model.Person{Name: "Dana Reyes", Title: "Director of Engineering", Team: "Platform",
		Organisation: "Acme; Sons", Email: "dana@acme.example", Notes: "never exported"}
	var buf bytes.Buffer
	if err := vcard.Write(&buf, []model.Person{dana}); err != nil {
		fmt.Println(err)
	}
	fmt.Print(strings.ReplaceAll(buf.String(), "\r\n", "\n"))
	// Output:
	// BEGIN:VCARD
	// VERSION:4.0
	// EMAIL:dana@acme.example
	// FN:Dana Reyes
	// N:Reyes;Dana;;;
	// ORG:Acme\; Sons;Platform
	// TITLE:Director of Engineering
	// END:VCARD
}

func ExampleRead() {
	text := "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sam Lee\r\nORG:Initech\r\nEMAIL:sam@example.com\r\n" +
		"CATEGORIES:mentor,ally\r\nEND:VCARD\r\n"
	f, err := vcard.Read(strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
	}
	for _, p := range f.People {
		fmt.Printf("line %d: %s (%s) <%s>\n%s\n", p.Line, p.Person.Name, p.Person.Organisation, p.Person.Email, p.Person.Notes)
	}
	// Output:
	// line 1: Sam Lee (Initech) <sam@example.com>
	// Tags: mentor, ally
}
