package storage

import (
	"context"
	"fmt"
	"time"

	"rapport/model"
)

// Giving credit: the thanks the user gave, and what people did for the
// user, for drafts of praise.

// Thanks returns every thank-you the user gave: each private or public
// thanks interaction once per person it involved, people in the trash
// included, oldest first (then by interaction, then by person). What
// model.Acknowledgments reads.
func (s *Store) Thanks(ctx context.Context) ([]model.ThanksRecord, error) {
	return queryThanks(ctx, s.db)
}

// queryThanks is Thanks through q.
func queryThanks(ctx context.Context, q querier) ([]model.ThanksRecord, error) {
	rows, err := q.QueryContext(ctx, `SELECT ip.person_id, i.at, i.kind = 'thanks_public'
		FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id
		WHERE i.kind IN ('thanks_private', 'thanks_public')
		ORDER BY i.at, i.id, ip.person_id`)
	if err != nil {
		return nil, fmt.Errorf("list thanks: %w", err)
	}
	defer rows.Close()
	var out []model.ThanksRecord
	for rows.Next() {
		var r model.ThanksRecord
		if err := rows.Scan(&r.PersonID, timeField{&r.At}, &r.Public); err != nil {
			return nil, fmt.Errorf("list thanks: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list thanks: %w", err)
	}
	return out, nil
}

// PraiseFacts returns, for each of personIDs in the given order (IDs of
// nobody are skipped; people in the trash are not), the person with what
// they did for the user since since:
//
//   - Helped: the titles (model.Interaction.Title) of the interactions of
//     kind model.PraiseHelpKind they took part in, dated from since up to
//     the store's clock (help typed in ahead of time has not happened yet),
//     newest first;
//   - Kept: the What of the promises they made the user (direction
//     theirs) that are kept or kept late, resolved on or after since's day
//     (model.Day), newest first.
//
// A zero since means all time. All is read from one snapshot.
func (s *Store) PraiseFacts(ctx context.Context, personIDs []int64, since time.Time) ([]model.PraiseFacts, error) {
	from, fromDay := any(""), any("")
	if !since.IsZero() {
		from, fromDay = instant(since), day(model.Day(since))
	}
	now := instant(s.now())
	var out []model.PraiseFacts
	err := s.inReadTx(ctx, func(q querier) error {
		for _, id := range personIDs {
			p, ok, err := personIn(ctx, q, id)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			f := model.PraiseFacts{Person: p}
			if f.Helped, err = helpTitles(ctx, q, id, from, now); err != nil {
				return fmt.Errorf("help from person %d: %w", id, err)
			}
			if f.Kept, err = keptPromises(ctx, q, id, fromDay); err != nil {
				return fmt.Errorf("promises of person %d: %w", id, err)
			}
			out = append(out, f)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("praise facts: %w", err)
	}
	return out, nil
}

// personIn reads the person with the given ID, reporting whether there is
// one.
func personIn(ctx context.Context, q querier, id int64) (model.Person, bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+personColumns+` FROM person WHERE id = ?`, id)
	if err != nil {
		return model.Person{}, false, err
	}
	defer rows.Close()
	if !rows.Next() {
		return model.Person{}, false, rows.Err()
	}
	var p model.Person
	if err := rows.Scan(personFields(&p)...); err != nil {
		return model.Person{}, false, err
	}
	return p, true, rows.Err()
}

// helpTitles lists the titles of the person's interactions of
// model.PraiseHelpKind dated from from to now (stored instants, or "" for
// no lower bound), newest first.
func helpTitles(ctx context.Context, q querier, personID int64, from, now any) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT i.kind, i.summary FROM interaction_person ip
		JOIN interaction i ON i.id = ip.interaction_id
		WHERE ip.person_id = ? AND i.kind = ? AND i.at >= ? AND i.at <= ?
		ORDER BY i.at DESC, i.id DESC`, personID, model.PraiseHelpKind, from, now)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var i model.Interaction
		if err := rows.Scan(&i.Kind, &i.Summary); err != nil {
			return nil, err
		}
		out = append(out, i.Title())
	}
	return out, rows.Err()
}

// keptPromises lists what the person promised the user and kept (on time
// or late), resolved on or after fromDay (a stored day, or "" for no lower
// bound), the most recently resolved first.
func keptPromises(ctx context.Context, q querier, personID int64, fromDay any) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT what FROM promise
		WHERE person_id = ? AND direction = 'theirs' AND status IN ('kept', 'kept_late') AND resolved_on >= ?
		ORDER BY resolved_on DESC, id DESC`, personID, fromDay)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var what string
		if err := rows.Scan(&what); err != nil {
			return nil, err
		}
		out = append(out, what)
	}
	return out, rows.Err()
}
