package storage

import (
	"context"
	"fmt"
	"strings"

	"rapport/model"
)

// todayJobNews is what the job changes contacts imports found say, as
// Today reads them: the news, and the user's organisation when there is
// any.
type todayJobNews struct {
	news []model.JobNews
	home string
}

// readJobNews reads what Today shows of the job changes contacts imports
// found (see addTo).
func readJobNews(ctx context.Context, q querier) (todayJobNews, error) {
	var n todayJobNews
	var err error
	if n.news, err = jobNews(ctx, q); err != nil || len(n.news) == 0 {
		return n, err
	}
	n.home, err = homeOrganisation(ctx, q)
	return n, err
}

// addTo adds to t, once its reach-outs and risks are in, what the job
// news say: a congratulation first among the reach-outs for each change
// within model.JobChangeDays, and a risk for each champion or panel
// member who left the user's organisation.
func (n todayJobNews) addTo(t *model.Today) {
	if len(n.news) == 0 {
		return
	}
	t.ReachOuts = model.PutJobNewsFirst(t.ReachOuts, n.news, t.Now, model.TodayReachOuts)
	t.Risks = append(t.Risks, model.BackerLeftRisks(n.news, n.home)...)
}

// jobNews is the latest role change of each active person who has one,
// the latest first, with the roles not archived whose panel they sit on.
func jobNews(ctx context.Context, q querier) ([]model.JobNews, error) {
	cols := "person." + strings.ReplaceAll(strings.Join(strings.Fields(personColumns), " "), ", ", ", person.")
	rows, err := q.QueryContext(ctx, `SELECT rc.id, rc.person_id, rc.at, rc.was_title, rc.was_organisation,
		rc.title, rc.organisation, rc.cause, `+cols+`
		FROM role_change rc JOIN person ON person.id = rc.person_id
		WHERE person.archived_at IS NULL AND rc.id = (SELECT id FROM role_change
			WHERE person_id = rc.person_id ORDER BY at DESC, id DESC LIMIT 1)
		ORDER BY rc.at DESC, rc.id DESC`)
	if err != nil {
		return nil, fmt.Errorf("job news: %w", err)
	}
	var news []model.JobNews
	for rows.Next() {
		var n model.JobNews
		c := &n.Change
		if err := rows.Scan(append([]any{&c.ID, &c.PersonID, timeField{&c.At}, &c.WasTitle, &c.WasOrganisation,
			&c.Title, &c.Organisation, &c.Cause}, personFields(&n.Person)...)...); err != nil {
			rows.Close()
			return nil, fmt.Errorf("job news: %w", err)
		}
		news = append(news, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("job news: %w", err)
	}
	for i := range news {
		if news[i].Panels, err = queryStrings(ctx, q, `SELECT r.title FROM panel_member m
			JOIN role r ON r.id = m.role_id WHERE m.person_id = ? AND r.archived_at IS NULL
			ORDER BY r.focus DESC, r.id`, news[i].Person.ID); err != nil {
			return nil, fmt.Errorf("job news: %w", err)
		}
	}
	return news, nil
}

// homeOrganisation is model.HomeOrganisation of the active people.
func homeOrganisation(ctx context.Context, q querier) (string, error) {
	rows, err := q.QueryContext(ctx, `SELECT organisation, relation FROM person
		WHERE archived_at IS NULL AND organisation <> ''`)
	if err != nil {
		return "", fmt.Errorf("home organisation: %w", err)
	}
	defer rows.Close()
	var people []model.Person
	for rows.Next() {
		var p model.Person
		if err := rows.Scan(&p.Organisation, &p.Relation); err != nil {
			return "", fmt.Errorf("home organisation: %w", err)
		}
		people = append(people, p)
	}
	return model.HomeOrganisation(people), rows.Err()
}
