package storage

import (
	"bytes"
	"context"
	"fmt"

	"rapport/model"
	"rapport/storage/atomicfile"
	"rapport/storage/sealed"
	"rapport/storage/vcard"
)

// The exports the user asks for, as files: rapport export and the window's
// File menu make the same ones.

// ExportJSON is the export document of the whole database (see Export).
func (s *Store) ExportJSON(ctx context.Context) ([]byte, error) {
	var buf bytes.Buffer
	if err := s.Export(ctx, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// PeopleVCard is the vCard 4.0 file of the active people, by name,
// without their notes, and how many they are. People in the trash are left
// out: they are the ones the user put aside.
func (s *Store) PeopleVCard(ctx context.Context) ([]byte, int, error) {
	list, err := s.People(ctx, false)
	if err != nil {
		return nil, 0, err
	}
	people := make([]model.Person, len(list))
	for i, p := range list {
		people[i] = p.Person
	}
	var buf bytes.Buffer
	if err := vcard.Write(&buf, people); err != nil {
		return nil, 0, fmt.Errorf("write vCard: %w", err)
	}
	return buf.Bytes(), len(people), nil
}

// ExportAll writes the export document (ExportJSON) to the file at path,
// whole or not at all and readable by the user alone, encrypted with
// passphrase when it is not empty (see package sealed), and returns its
// size in bytes.
func (s *Store) ExportAll(ctx context.Context, path, passphrase string) (int64, error) {
	data, err := s.ExportJSON(ctx)
	if err == nil && passphrase != "" {
		data, err = sealed.EncryptBytes(data, passphrase)
	}
	if err != nil {
		return 0, err
	}
	if err := atomicfile.Write(path, data); err != nil {
		return 0, err
	}
	return int64(len(data)), nil
}

// ExportPeople writes the active people as vCard (PeopleVCard) to the file
// at path, whole or not at all and readable by the user alone, encrypted
// with passphrase when it is not empty, and returns how many they are.
func (s *Store) ExportPeople(ctx context.Context, path, passphrase string) (int, error) {
	data, n, err := s.PeopleVCard(ctx)
	if err == nil && passphrase != "" {
		data, err = sealed.EncryptBytes(data, passphrase)
	}
	if err != nil {
		return 0, err
	}
	if err := atomicfile.Write(path, data); err != nil {
		return 0, err
	}
	return n, nil
}
