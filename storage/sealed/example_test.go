package sealed_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"rapport/storage/sealed"
)

func Example() {
	var file bytes.Buffer
	w, err := sealed.Encrypt(&file, "correct horse battery staple")
	if err != nil {
		panic(err)
	}
	fmt.Fprint(w, `{"format": "rapport-export"}`)
	if err := w.Close(); err != nil { // writes the last chunk
		panic(err)
	}
	fmt.Println(sealed.IsEncrypted(file.Bytes()))

	_, err = sealed.Decrypt(bytes.NewReader(file.Bytes()), "wrong")
	fmt.Println(errors.Is(err, sealed.ErrWrongPassphrase))

	r, err := sealed.Decrypt(bytes.NewReader(file.Bytes()), "correct horse battery staple")
	if err != nil {
		panic(err)
	}
	plain, err := io.ReadAll(r) // authenticated as it is read
	if err != nil {
		panic(err)
	}
	fmt.Println(string(plain))
	// Output:
	// true
	// true
	// {"format": "rapport-export"}
}
