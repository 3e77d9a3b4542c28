package contacts

import "rapport/model"

// Reader reads contacts files for the window's import (it satisfies
// ui.ContactReader).
type Reader struct{}

// Read reads the contacts file called name, as the package's Read does.
func (Reader) Read(name string, data []byte) (model.ContactFile, error) { return Read(name, data) }
