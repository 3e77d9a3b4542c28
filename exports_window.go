package main

import (
	"context"

	"rapport/storage"
	"rapport/storage/atomicfile"
	"rapport/ui"
)

// storeExports is the window's Exporter, on storage: the same files as
// rapport export makes, written whole or not at all.
type storeExports struct{ store *storage.Store }

var _ ui.Exporter = storeExports{}

// ExportAll implements ui.Exporter.
func (e storeExports) ExportAll(ctx context.Context, path, passphrase string) (int64, error) {
	data, err := exportJSON(ctx, e.store)
	if err == nil {
		data, err = encryptIf(data, passphrase)
	}
	if err != nil {
		return 0, err
	}
	if err := atomicfile.Write(path, data); err != nil {
		return 0, err
	}
	return int64(len(data)), nil
}

// ExportPeople implements ui.Exporter.
func (e storeExports) ExportPeople(ctx context.Context, path, passphrase string) (int, error) {
	data, n, err := exportVCard(ctx, e.store)
	if err == nil {
		data, err = encryptIf(data, passphrase)
	}
	if err != nil {
		return 0, err
	}
	if err := atomicfile.Write(path, data); err != nil {
		return 0, err
	}
	return n, nil
}
