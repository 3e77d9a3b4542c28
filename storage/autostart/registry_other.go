//go:build !windows

package autostart

// The Run key exists on Windows alone.

func setRunValue(string) error   { return ErrUnsupported }
func deleteRunValue() error      { return ErrUnsupported }
func hasRunValue() (bool, error) { return false, ErrUnsupported }
