package main

import (
	"fmt"

	"rapport/model"
	"rapport/storage/contacts"
	"rapport/storage/sealed"
	"rapport/ui"
)

// contactReader is the window's ContactReader, on storage/contacts.
type contactReader struct{}

var _ ui.ContactReader = contactReader{}

// Read implements ui.ContactReader. An encrypted file is refused with
// the way to import it: the window does not ask for passphrases of files.
func (contactReader) Read(name string, data []byte) (model.ContactFile, error) {
	if sealed.IsEncrypted(data) {
		return model.ContactFile{}, fmt.Errorf("%s is encrypted (age): import it with rapport import FILE, which asks for its passphrase", name)
	}
	return contacts.Read(name, data)
}
