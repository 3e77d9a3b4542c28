//go:build windows

package dragout

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// session is what the drop source knows of the drag under way (one at a
// time; its methods run on the dragging thread, inside SHDoDragDrop).
type session struct {
	own    uintptr // the top-level window dragged from
	target uintptr // the top-level window under the pointer at the release
}

// current is the drag under way.
var current session

// dropSource is an IDropSource: a pointer to its method table. It is a
// package variable, so it never moves and COM may keep it as long as it
// likes; AddRef and Release therefore count nothing.
type dropSource struct {
	vtbl *dropSourceVtbl
}

// dropSourceVtbl is IDropSource's method table, in vtable order.
type dropSourceVtbl struct {
	queryInterface, addRef, release uintptr
	queryContinueDrag, giveFeedback uintptr
}

var (
	sourceVtbl = dropSourceVtbl{
		queryInterface:    windows.NewCallback(sourceQueryInterface),
		addRef:            windows.NewCallback(sourceAddRef),
		release:           windows.NewCallback(sourceAddRef),
		queryContinueDrag: windows.NewCallback(sourceQueryContinueDrag),
		giveFeedback:      windows.NewCallback(sourceGiveFeedback),
	}
	source = dropSource{vtbl: &sourceVtbl}
)

func sourceQueryInterface(this unsafe.Pointer, iid *windows.GUID, out *unsafe.Pointer) uintptr {
	if *iid == iidIUnknown || *iid == iidIDropSource {
		*out = this
		return hrOK
	}
	*out = nil
	return hrNoInterface
}

func sourceAddRef(this unsafe.Pointer) uintptr { return 1 }

// sourceQueryContinueDrag ends the drag on Esc (cancelled) or on the
// primary button's release: a drop, unless the pointer is back over the
// window dragged from, where the drop is cancelled (Rapport is no drop
// target, but GLFW accepts WM_DROPFILES, which OLE would send it).
func sourceQueryContinueDrag(this unsafe.Pointer, escape, keys uintptr) uintptr {
	if uint32(escape) != 0 {
		return hrDragDropCancel
	}
	if keys&mkLButton != 0 {
		return hrOK
	}
	current.target = underPointer()
	if current.target == current.own {
		return hrDragDropCancel
	}
	return hrDragDropDrop
}

// sourceGiveFeedback shows the system's cursors, but "no" over the window
// dragged from, where a drop does nothing.
func sourceGiveFeedback(this unsafe.Pointer, effect uintptr) uintptr {
	if underPointer() != current.own {
		return hrDragDropDefaultCursor
	}
	if c, _, _ := procLoadCursorW.Call(0, idcNo); c != 0 {
		procSetCursor.Call(c)
		return hrOK
	}
	return hrDragDropDefaultCursor
}
