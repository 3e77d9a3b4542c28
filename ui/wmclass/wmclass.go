// Package wmclass names a window's application to the X11 desktop: its
// WM_CLASS, which docks and task bars match against the StartupWMClass of
// the application's .desktop entry to group the window under its launcher.
// GLFW, under Fyne, sets WM_CLASS from the window's title; Rapport's
// desktop entry names its app ID instead, as the Wayland app_id is.
package wmclass
