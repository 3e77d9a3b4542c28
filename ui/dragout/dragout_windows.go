//go:build windows

package dragout

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// HRESULTs, flags and messages of the OLE drag (oleidl.h, winuser.h).
const (
	hrOK                    = 0
	hrDragDropDrop          = 0x00040100 // DRAGDROP_S_DROP
	hrDragDropCancel        = 0x00040101 // DRAGDROP_S_CANCEL
	hrDragDropDefaultCursor = 0x00040102 // DRAGDROP_S_USEDEFAULTCURSORS
	hrNoInterface           = 0x80004002 // E_NOINTERFACE
	dropEffectCopy          = 1          // DROPEFFECT_COPY
	mkLButton               = 0x0001     // MK_LBUTTON
	gaRoot                  = 2          // GA_ROOT
	wmLButtonUp             = 0x0202
	idcNo                   = 32648 // IDC_NO
	// The vtable slots called here (IUnknown's three come first).
	slotRelease       = 2
	slotGetUIObjectOf = 10 // IShellFolder::GetUIObjectOf
)

// The interfaces by ID (guiddef.h values).
var (
	iidIUnknown     = windows.GUID{Data1: 0x00000000, Data4: [8]byte{0xc0, 0, 0, 0, 0, 0, 0, 0x46}}
	iidIDropSource  = windows.GUID{Data1: 0x00000121, Data4: [8]byte{0xc0, 0, 0, 0, 0, 0, 0, 0x46}}
	iidIDataObject  = windows.GUID{Data1: 0x0000010e, Data4: [8]byte{0xc0, 0, 0, 0, 0, 0, 0, 0x46}}
	iidIShellFolder = windows.GUID{Data1: 0x000214e6, Data4: [8]byte{0xc0, 0, 0, 0, 0, 0, 0, 0x46}}
)

var (
	ole32   = windows.NewLazySystemDLL("ole32.dll")
	shell32 = windows.NewLazySystemDLL("shell32.dll")
	user32  = windows.NewLazySystemDLL("user32.dll")

	procOleInitialize      = ole32.NewProc("OleInitialize")
	procOleUninitialize    = ole32.NewProc("OleUninitialize")
	procSHParseDisplayName = shell32.NewProc("SHParseDisplayName")
	procSHBindToParent     = shell32.NewProc("SHBindToParent")
	procSHDoDragDrop       = shell32.NewProc("SHDoDragDrop")
	procGetCursorPos       = user32.NewProc("GetCursorPos")
	procWindowFromPoint    = user32.NewProc("WindowFromPoint")
	procGetAncestor        = user32.NewProc("GetAncestor")
	procScreenToClient     = user32.NewProc("ScreenToClient")
	procPostMessageW       = user32.NewProc("PostMessageW")
	procLoadCursorW        = user32.NewProc("LoadCursorW")
	procSetCursor          = user32.NewProc("SetCursor")
)

// running is set while a drag runs: one at a time.
var running atomic.Bool

// Supported reports whether this platform and session can drag out: on
// Windows, always (OLE drag and drop is part of the system).
func Supported() bool { return true }

// Start drags item out of the native window win (on Windows, its HWND,
// from driver.WindowsWindowContext) while the primary mouse button is held.
// It must be called on the thread that owns the window, which for Fyne is
// the GLFW thread that calls Dragged: the OLE drag is modal, and Start
// returns only when the button is released or Esc is pressed. The window's
// messages are dispatched meanwhile, but Fyne does not paint until Start
// returns. done is then called once, from a goroutine of its own. Only one
// drag runs at a time: starting another while one runs returns ErrBusy.
//
// The file is offered as the shell offers it from Explorer (CF_HDROP,
// Shell IDList Array, FileName and FileNameW); Item.Data and Item.Type are
// not needed, the file on disk being the data. A drop back on win does
// nothing and counts as Cancelled.
func Start(win uintptr, item Item, done func(Result)) error {
	if win == 0 {
		return fmt.Errorf("dragout: no window to drag from")
	}
	if !filepath.IsAbs(item.Path) {
		return fmt.Errorf("%w: %q", errRelative, item.Path)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	owner, err := windows.GetWindowThreadProcessId(windows.HWND(win), nil)
	if err != nil {
		return fmt.Errorf("dragout: window %#x: %w", win, err)
	}
	if owner != windows.GetCurrentThreadId() {
		return fmt.Errorf("dragout: Start must be called on the thread of window %#x", win)
	}
	if !running.CompareAndSwap(false, true) {
		return ErrBusy
	}
	res := drag(win, item.Path)
	running.Store(false)
	if done != nil {
		go done(res)
	}
	return nil
}

// drag runs the modal OLE drag of the file at path from the window win,
// on this thread, and says how it ended.
func drag(win uintptr, path string) Result {
	hr, _, _ := procOleInitialize.Call(0)
	if failed(hr) {
		// RPC_E_CHANGED_MODE: COM is already a multithreaded apartment on
		// this thread, where OLE drag and drop cannot run.
		return Result{Outcome: Failed, Err: fmt.Errorf("dragout: OleInitialize: %w", hresultError(hr))}
	}
	defer procOleUninitialize.Call()
	obj, err := shellDataObject(path)
	if err != nil {
		return Result{Outcome: Failed, Err: err}
	}
	defer comCall(obj, slotRelease)

	current = session{own: rootOf(win)}
	var effect uint32
	hr, _, _ = procSHDoDragDrop.Call(win, uintptr(obj), uintptr(unsafe.Pointer(&source)),
		dropEffectCopy, uintptr(unsafe.Pointer(&effect)))
	endPress(win)
	return outcome(uint32(hr), effect, current)
}

// outcome turns what SHDoDragDrop returned, with the effect the target
// chose, into a Result.
func outcome(hr, effect uint32, s session) Result {
	switch {
	case hr == hrDragDropDrop && effect&dropEffectCopy != 0:
		return Result{Outcome: Dropped, Target: uint32(s.target)}
	case hr == hrDragDropDrop, hr == hrDragDropCancel:
		// A drop where no target took it (the desktop of a window that is
		// no drop target, or a target that refused) leaves no effect.
		return Result{Outcome: Cancelled, Target: uint32(s.target)}
	}
	return Result{Outcome: Failed, Target: uint32(s.target),
		Err: fmt.Errorf("dragout: SHDoDragDrop: %w", hresultError(uintptr(hr)))}
}

// shellDataObject is the shell's own data object for the file at path,
// the one Explorer drags: IShellFolder::GetUIObjectOf(IID_IDataObject) on
// the file's folder. (SHCreateDataObject would do too on Windows, but
// wine 8 does not implement it.) The caller releases it.
func shellDataObject(path string) (unsafe.Pointer, error) {
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, fmt.Errorf("dragout: the path %q: %w", path, err)
	}
	var pidl unsafe.Pointer
	hr, _, _ := procSHParseDisplayName.Call(uintptr(unsafe.Pointer(name)), 0, uintptr(unsafe.Pointer(&pidl)), 0, 0)
	if failed(hr) {
		return nil, fmt.Errorf("dragout: SHParseDisplayName(%s): %w", path, hresultError(hr))
	}
	defer windows.CoTaskMemFree(pidl)
	var folder, child unsafe.Pointer // child points into pidl
	hr, _, _ = procSHBindToParent.Call(uintptr(pidl), uintptr(unsafe.Pointer(&iidIShellFolder)),
		uintptr(unsafe.Pointer(&folder)), uintptr(unsafe.Pointer(&child)))
	if failed(hr) {
		return nil, fmt.Errorf("dragout: SHBindToParent(%s): %w", path, hresultError(hr))
	}
	defer comCall(folder, slotRelease)
	var obj unsafe.Pointer
	hr = comCall(folder, slotGetUIObjectOf, 0, 1, uintptr(unsafe.Pointer(&child)),
		uintptr(unsafe.Pointer(&iidIDataObject)), 0, uintptr(unsafe.Pointer(&obj)))
	if failed(hr) || obj == nil {
		return nil, fmt.Errorf("dragout: GetUIObjectOf(%s, IDataObject): %w", path, hresultError(hr))
	}
	return obj, nil
}

// comCall calls the method in slot of the COM object obj with args.
func comCall(obj unsafe.Pointer, slot int, args ...uintptr) uintptr {
	vtbl := *(*unsafe.Pointer)(obj)
	fn := *(*uintptr)(unsafe.Add(vtbl, uintptr(slot)*unsafe.Sizeof(uintptr(0))))
	r, _, _ := syscall.SyscallN(fn, append([]uintptr{uintptr(obj)}, args...)...)
	return r
}

// failed reports whether the HRESULT hr is an error.
func failed(hr uintptr) bool { return int32(uint32(hr)) < 0 }

// hresultError is the HRESULT hr as an error.
func hresultError(hr uintptr) error { return windows.Errno(uint32(hr)) }

// endPress gives GLFW the button release that the drag's own window took
// (it had the mouse captured), so that Fyne ends its gesture (DragEnd)
// instead of seeing a button held for ever. It is posted, not sent: Fyne
// is still inside the Dragged that started the drag.
func endPress(win uintptr) {
	var pt [2]int32
	procGetCursorPos.Call(uintptr(unsafe.Pointer(&pt)))
	procScreenToClient.Call(win, uintptr(unsafe.Pointer(&pt)))
	lparam := uintptr(uint16(pt[0])) | uintptr(uint16(pt[1]))<<16
	procPostMessageW.Call(win, wmLButtonUp, 0, lparam)
}

// rootOf is the top-level window of the window h.
func rootOf(h uintptr) uintptr {
	r, _, _ := procGetAncestor.Call(h, gaRoot)
	return r
}

// underPointer is the top-level window under the pointer, or 0.
func underPointer() uintptr {
	var pt [2]int32
	if ok, _, _ := procGetCursorPos.Call(uintptr(unsafe.Pointer(&pt))); ok == 0 {
		return 0
	}
	// POINT is passed by value: in one register on 64-bit Windows, as
	// two words on 32-bit.
	args := []uintptr{uintptr(uint32(pt[0])), uintptr(uint32(pt[1]))}
	if unsafe.Sizeof(uintptr(0)) == 8 {
		args = []uintptr{uintptr(uint64(uint32(pt[0])) | uint64(uint32(pt[1]))<<32)}
	}
	h, _, _ := procWindowFromPoint.Call(args...)
	if h == 0 {
		return 0
	}
	return rootOf(h)
}
