package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog hands its callback a writer it has already opened,
// which truncates a file chosen to be overwritten there and then. Rapport
// writes every file whole or not at all (a temporary file, then a
// rename), so it closes that writer unused; but by then the old file was
// empty, and lost if the new one could not be written. The guard makes
// the file repository open a writer only when something is written to it:
// a writer closed unused leaves the file as it was.

// guardSaves wraps the file repository Fyne registered, when it has the
// abilities the file dialogs use and is not wrapped yet, so that its
// writers truncate nothing until written to.
func guardSaves() {
	repo, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if files, ok := repo.(fileRepository); ok {
		if _, done := repo.(writeOnFirstByte); !done {
			repository.Register("file", writeOnFirstByte{files})
		}
	}
}

// fileRepository is what Fyne's file repository can do.
type fileRepository interface {
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.DeleteAllRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// writeOnFirstByte is a file repository whose writers open the file on
// their first write.
type writeOnFirstByte struct{ fileRepository }

// Writer implements repository.WritableRepository.
func (r writeOnFirstByte) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: r.fileRepository.Writer}, nil
}

// lazyWriter opens its file, truncating it, on the first write.
type lazyWriter struct {
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

// URI implements fyne.URIWriteCloser.
func (l *lazyWriter) URI() fyne.URI { return l.uri }

// Write implements io.Writer, opening the file first if need be.
func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.open(l.uri)
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

// Close implements io.Closer: a writer never written to has nothing to
// close.
func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}
