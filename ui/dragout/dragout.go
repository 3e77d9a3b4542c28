// Package dragout drags a file out of the app's window onto other
// applications (a calendar, a mail, a file manager), which Fyne cannot do.
// On Linux/X11 it speaks the XDND protocol (v5) as the source; on Windows
// it runs the OLE drag with the shell's data object for the file;
// elsewhere Supported is false and callers fall back to "Show in folder".
package dragout

import (
	"errors"
	"fmt"
)

// Item is what is dragged: a file already written (Path, absolute), with
// its content offered too for targets that take data (Data, of MIME type
// Type, e.g. "text/calendar").
type Item struct {
	Path string
	Data []byte
	Type string
}

// Outcome is how a drag ended.
type Outcome int

const (
	// Dropped means a target accepted the drop (and, as far as the source
	// can tell, took the file).
	Dropped Outcome = iota + 1
	// Cancelled means the drag delivered nothing: it ended over no target,
	// over our own window, over a target that refused it, or on Esc.
	Cancelled
	// Failed means the drag broke off on an error (see Result.Err).
	Failed
)

// String names the outcome, for logs and test failures.
func (o Outcome) String() string {
	switch o {
	case Dropped:
		return "dropped"
	case Cancelled:
		return "cancelled"
	case Failed:
		return "failed"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Result is the outcome of a drag, with the target's window and the error
// of a Failed one.
type Result struct {
	Outcome Outcome
	Target  uint32
	Err     error
}

var (
	// ErrUnsupported is returned by Start where dragging out is not
	// implemented (any platform but X11 and Windows) or no X server is
	// reachable.
	ErrUnsupported = errors.New("dragout: dragging out of the window is not supported here")
	// ErrBusy is returned by Start while another drag is still running.
	ErrBusy = errors.New("dragout: a drag is already running")
)
