//go:build linux || freebsd || openbsd || netbsd

package wmclass

import (
	"fmt"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// Set sets the WM_CLASS of the X11 window win on $DISPLAY to instance and
// class (ICCCM §4.1.2.5: two NUL-terminated strings).
func Set(win uintptr, instance, class string) error {
	conn, err := xgb.NewConn()
	if err != nil {
		return fmt.Errorf("wm class: %w", err)
	}
	defer conn.Close()
	value := []byte(instance + "\x00" + class + "\x00")
	err = xproto.ChangePropertyChecked(conn, xproto.PropModeReplace, xproto.Window(win),
		xproto.AtomWmClass, xproto.AtomString, 8, uint32(len(value)), value).Check()
	if err != nil {
		return fmt.Errorf("wm class: %w", err)
	}
	return nil
}
