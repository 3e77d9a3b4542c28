package main

import (
	"rapport/model"
	"rapport/storage/contacts"
	"rapport/ui"
)

// contactReader is the window's ContactReader, on storage/contacts.
type contactReader struct{}

var _ ui.ContactReader = contactReader{}

// Read implements ui.ContactReader.
func (contactReader) Read(name string, data []byte) (model.ContactFile, error) {
	return contacts.Read(name, data)
}
