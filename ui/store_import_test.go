package ui

import (
	"context"
	"fmt"

	"rapport/model"
)

// ImportPeople applies matches as the real store does, though not in one
// transaction: the fake's tests do not fail half-way.
func (m *memStore) ImportPeople(ctx context.Context, format model.ContactFormat, matches []model.ImportMatch) (added, merged, skipped int, err error) {
	for _, x := range matches {
		switch x.Action {
		case model.ImportAdd:
			p := model.NewPerson(x.Imported.Person.Name)
			in := x.Imported.Person
			p.Title, p.Organisation, p.Team, p.Email, p.Phone, p.Notes, p.FirstMet = in.Title, in.Organisation, in.Team, in.Email, in.Phone, in.Notes, in.FirstMet
			if err := m.CreatePerson(ctx, &p); err != nil {
				return 0, 0, 0, fmt.Errorf("line %d: %w", x.Imported.Line, err)
			}
			added++
		case model.ImportMerge:
			old, err := m.Person(ctx, x.ExistingID)
			if err != nil {
				return 0, 0, 0, err
			}
			p := model.Merged(old, x.Imported, format)
			if err := m.UpdatePerson(ctx, &p); err != nil {
				return 0, 0, 0, fmt.Errorf("line %d: %w", x.Imported.Line, err)
			}
			merged++
		default:
			skipped++
		}
	}
	return added, merged, skipped, nil
}
