package contacts

import (
	"fmt"

	"rapport/model"
	"rapport/storage/sealed"
)

// Reader reads contacts files for the window's import (it satisfies
// ui.ContactReader).
type Reader struct{}

// Read reads the contacts file called name, as the package's Read does.
// An encrypted file is refused with the way to import it: the window
// does not ask for the passphrase of a file.
func (Reader) Read(name string, data []byte) (model.ContactFile, error) {
	if sealed.IsEncrypted(data) {
		return model.ContactFile{}, fmt.Errorf("%s is encrypted (age): import it with rapport import FILE, which asks for its passphrase", name)
	}
	return Read(name, data)
}
