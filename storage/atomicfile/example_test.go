package atomicfile_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"rapport/storage/atomicfile"
)

func ExampleWrite() {
	dir, err := os.MkdirTemp("", "export")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	path := filepath.Join(dir, "plan.md")
	if err := atomicfile.Write(path, []byte("# Career plan\n")); err != nil {
		log.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	fmt.Print(string(data))
	// Output: # Career plan
}
