//go:build !(linux || freebsd || openbsd || netbsd)

package wmclass

import "errors"

// errNoX11 is returned where there is no X11.
var errNoX11 = errors.New("wm class: no X11 on this platform")

// Set does nothing where there is no X11: it returns an error.
func Set(win uintptr, instance, class string) error { return errNoX11 }
