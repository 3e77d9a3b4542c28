// Package trayhost tells whether the desktop has a system tray to show
// Rapport's icon in, so that closing the window can keep Rapport there
// only where the user can reach it again.
package trayhost
