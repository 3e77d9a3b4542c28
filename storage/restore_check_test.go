package storage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fullExport is smallExport with one valid row in every table the small
// database leaves empty, so that each case of
// TestRestoreRefusesWhatTheFormsRefuse changes one value of a document
// that restores.
func fullExport(t *testing.T) string {
	t.Helper()
	const at = `"2026-11-23T09:30:00.000Z"`
	doc := smallExport(t)
	for table, row := range map[string]string{
		"meeting":            `{"id": 1, "uid": "abc@rapport", "person_id": 1, "kind": "coffee", "start_at": "2026-11-24T09:30:00.000Z", "duration_minutes": 30, "location": "Room 1", "agenda": "", "recurrence": "", "reminder_minutes": 10, "sequence": 0, "status": "planned", "outcome_id": null, "created_at": ` + at + `, "updated_at": ` + at + `, "agenda_drafted": 0}`,
		"interaction":        `{"id": 1, "kind": "coffee", "at": ` + at + `, "summary": "", "notes": "", "created_at": ` + at + `, "updated_at": ` + at + `}`,
		"interaction_person": `{"interaction_id": 1, "person_id": 1, "at": ` + at + `}`,
		"promise_change":     `{"id": 1, "promise_id": 1, "at": ` + at + `, "from_status": "open", "to_status": "renegotiated", "old_due_on": null, "new_due_on": "2026-12-01", "note": ""}`,
		"role":               `{"id": 1, "title": "EM", "horizon": "next", "target_date": null, "why": "", "focus": 0, "archived_at": null, "created_at": ` + at + `, "updated_at": ` + at + `}`,
		"requirement":        `{"id": 1, "role_id": 1, "kind": "skill", "title": "Hiring", "target_level": 4, "current_level": 2, "manager_level": 0, "importance": 3, "evidence": "", "created_at": ` + at + `, "updated_at": ` + at + `}`,
		"requirement_level":  `{"id": 1, "requirement_id": 1, "level": 2, "at": ` + at + `}`,
		"action":             `{"id": 1, "requirement_id": 1, "kind": "course", "title": "Course", "due_on": null, "status": "planned", "done_on": null, "notes": "", "created_at": ` + at + `, "updated_at": ` + at + `, "evidence": 0}`,
		"disclosure":         `{"id": 1, "person_id": 1, "topic": "Moving", "sensitivity": "low", "shared_on": "2026-11-01", "notes": "", "created_at": ` + at + `, "updated_at": ` + at + `}`,
		"opportunity":        `{"id": 1, "title": "Promotion", "kind": "job_opening", "date": "2026-11-01", "outcome": "pending", "notes": "", "created_at": ` + at + `, "updated_at": ` + at + `}`,
		"panel_member":       `{"role_id": 1, "person_id": 1, "part": "decides", "target_stance": "champion"}`,
	} {
		empty := `"` + table + `": []`
		if !strings.Contains(doc, empty) {
			t.Fatalf("the small export has rows in %s", table)
		}
		doc = strings.Replace(doc, empty, `"`+table+`": [`+row+`]`, 1)
	}
	doc = strings.Replace(doc, `{"key": "review.last_done"`, `{"key": "meeting.minutes", "value": "30"}, {"key": "user.email", "value": "sam@example.com"}, {"key": "review.last_done"`, 1)
	return doc
}

// TestRestoreRefusesWhatTheFormsRefuse: a restore once accepted values
// Rapport never writes, which then broke the app (a 50 MB note froze the
// window; a created_at of "not a time" broke the People list). Every row
// now passes the model's own validation, and each value is of the kind the
// app writes; the refusal names the table, row and column, and nothing is
// written.
func TestRestoreRefusesWhatTheFormsRefuse(t *testing.T) {
	good := fullExport(t)
	s := mustOpen(t)
	if _, err := s.RestoreExport(t.Context(), strings.NewReader(good)); err != nil {
		t.Fatalf("the valid document is refused: %v", err)
	}
	replace := func(old, new string) string {
		t.Helper()
		if !strings.Contains(good, old) {
			t.Fatalf("the document lacks %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	const ana = `{"id": 1, "name": "Ana"`
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"50 MB note", replace(`"notes": "", "first_met"`, `"notes": "`+strings.Repeat("a", 50<<20)+`", "first_met"`),
			[]string{"table person, row 1 (id 1)", "column notes is too long"}},
		{"created_at not a time", replace(`"created_at": "2026-11-23T09:30:00.000Z"`, `"created_at": "not a time"`),
			[]string{"table action, row 1 (id 1)", `column created_at is "not a time", not an RFC 3339 UTC time`}},
		{"time in another zone", replace(`"at": "2026-11-23T09:30:00.000Z", "summary"`, `"at": "2026-11-23T10:30:00.000+01:00", "summary"`),
			[]string{"table interaction, row 1 (id 1)", "column at is", "not an RFC 3339 UTC time"}},
		{"day that does not exist", replace(`"shared_on": "2026-11-01"`, `"shared_on": "2026-02-30"`),
			[]string{"table disclosure, row 1 (id 1)", `column shared_on is "2026-02-30", not a day`}},
		{"invalid recurrence", replace(`"recurrence": ""`, `"recurrence": "fortnightly"`),
			[]string{"table meeting, row 1 (id 1)", "column recurrence is not one of the allowed values"}},
		{"non-numeric setting", replace(`"value": "30"`, `"value": "thirty"`),
			[]string{"table setting, row 1", `column value (of meeting.minutes) is "thirty", not a whole number`}},
		{"negative setting", replace(`"value": "30"`, `"value": "-5"`),
			[]string{"table setting, row 1", "column value (of meeting.minutes): meeting length must be between"}},
		{"bad e-mail setting", replace(`"value": "sam@example.com"`, `"value": "sam@example.com\r\nBcc: eve@example.com"`),
			[]string{"table setting, row 2", "column value (of user.email): your email is not an email address"}},
		{"int64 overflow in a duration", replace(`"duration_minutes": 30`, `"duration_minutes": 9223372036854775807`),
			[]string{"table meeting, row 1 (id 1)", "column duration_minutes must be between 5 minutes and 12 hours"}},
		{"negative duration", replace(`"duration_minutes": 30`, `"duration_minutes": -30`),
			[]string{"table meeting, row 1 (id 1)", "column duration_minutes must be between"}},
		{"person id 0", replace(ana, `{"id": 0, "name": "Ana"`),
			[]string{"table person, row 1 (id 0)", "column id is 0, not an ID"}},
		{"person id -7", replace(ana, `{"id": -7, "name": "Ana"`),
			[]string{"table person, row 1 (id -7)", "column id is -7, not an ID"}},
		{"reference -1", replace(`"promise_id": 1`, `"promise_id": -1`),
			[]string{"table promise_change, row 1 (id 1)", "column promise_id is -1, not an ID"}},
		{"NUL in a name", replace(ana, `{"id": 1, "name": "An\u0000a"`),
			[]string{"table person, row 1 (id 1)", "column name contains a NUL character"}},
		{"CR LF in a name", replace(ana, `{"id": 1, "name": "Ana\r\nEvil"`),
			[]string{"table person, row 1 (id 1)", "column name must be a single line"}},
		{"LF in an e-mail", replace(`"email": ""`, `"email": "ana@example.com\nBcc: eve@example.com"`),
			[]string{"table person, row 1 (id 1)", "column email must be a single line"}},
		{"CR LF in a UID", replace(`"uid": "abc@rapport"`, `"uid": "abc@rapport\r\nATTENDEE:mailto:eve@example.com"`),
			[]string{"table meeting, row 1 (id 1)", "column uid must be a single line"}},
		{"empty UID", replace(`"uid": "abc@rapport"`, `"uid": ""`),
			[]string{"table meeting, row 1 (id 1)", "column uid is required"}},
		{"CR in a location", replace(`"location": "Room 1"`, `"location": "Room 1\rX"`),
			[]string{"table meeting, row 1 (id 1)", "column location must be a single line"}},
		{"invalid UTF-8", replace(ana, "{\"id\": 1, \"name\": \"An\xffa\""),
			[]string{"table person, row 1 (id 1)", "column name", "is not valid text (UTF-8)"}},
		{"lone surrogate", replace(ana, `{"id": 1, "name": "An\ud800a"`),
			[]string{"table person, row 1 (id 1)", "column name", "is not valid text (UTF-8)"}},
		{"invalid UTF-8 in base64", replace(`"team": ""`, `"team": {"text_base64": "YmFkIP/+"}`),
			[]string{"table person, row 1 (id 1)", "column team is not valid text (UTF-8)"}},
		{"blob where text belongs", replace(`"title": ""`, `"title": {"blob_base64": "AAEC/w=="}`),
			[]string{"table person, row 1 (id 1)", "column title is binary data (a blob) where a string belongs"}},
		{"unknown meeting kind", replace(`"kind": "coffee", "start_at"`, `"kind": "x/../../escaped", "start_at"`),
			[]string{"table meeting, row 1 (id 1)", "column kind is not one of the allowed values"}},
		{"unknown meeting status", replace(`"status": "planned", "outcome_id"`, `"status": "maybe", "outcome_id"`),
			[]string{"table meeting, row 1 (id 1)", "column status is not one of the allowed values"}},
		{"unknown relation", replace(`"relation": "other"`, `"relation": "nemesis"`),
			[]string{"table person, row 1 (id 1)", "column relation is not one of the allowed values"}},
		{"unknown stance", replace(`"stance": "unknown"`, `"stance": "hostile"`),
			[]string{"table person, row 1 (id 1)", "column stance is not one of the allowed values"}},
		{"unknown promise status", replace(`"status": "open", "resolved_on"`, `"status": "forgotten", "resolved_on"`),
			[]string{"table promise, row 1 (id 1)", "column status is not one of the allowed values"}},
		{"unknown promise direction", replace(`"direction": "mine"`, `"direction": "ours"`),
			[]string{"table promise, row 1 (id 1)", "column direction is not one of the allowed values"}},
		{"unknown status in a promise change", replace(`"to_status": "renegotiated"`, `"to_status": "lost"`),
			[]string{"table promise_change, row 1 (id 1)", "column to_status is not one of the allowed values"}},
		{"unknown interaction kind", replace(`"kind": "coffee", "at"`, `"kind": "seance", "at"`),
			[]string{"table interaction, row 1 (id 1)", "column kind is not one of the allowed values"}},
		{"unknown tie kind", replace(`"kind": "reports_to"`, `"kind": "owns"`),
			[]string{"table tie, row 1 (id 1)", "column kind is not one of the allowed values"}},
		{"unknown horizon", replace(`"horizon": "next"`, `"horizon": "someday"`),
			[]string{"table role, row 1 (id 1)", "column horizon is not one of the allowed values"}},
		{"unknown requirement kind", replace(`"kind": "skill"`, `"kind": "luck"`),
			[]string{"table requirement, row 1 (id 1)", "column kind is not one of the allowed values"}},
		{"unknown action kind", replace(`"kind": "course"`, `"kind": "bribe"`),
			[]string{"table action, row 1 (id 1)", "column kind is not one of the allowed values"}},
		{"unknown action status", replace(`"status": "planned", "done_on"`, `"status": "abandoned", "done_on"`),
			[]string{"table action, row 1 (id 1)", "column status is not one of the allowed values"}},
		{"unknown sensitivity", replace(`"sensitivity": "low"`, `"sensitivity": "secret"`),
			[]string{"table disclosure, row 1 (id 1)", "column sensitivity is not one of the allowed values"}},
		{"unknown panel part", replace(`"part": "decides"`, `"part": "vetoes"`),
			[]string{"table panel_member, row 1", "column part is not one of the allowed values"}},
		{"unknown opportunity kind", replace(`"kind": "job_opening"`, `"kind": "lottery"`),
			[]string{"table opportunity, row 1 (id 1)", "column kind is not one of the allowed values"}},
		{"unknown opportunity outcome", replace(`"outcome": "pending"`, `"outcome": "maybe"`),
			[]string{"table opportunity, row 1 (id 1)", "column outcome is not one of the allowed values"}},
		{"level out of range", replace(`"level": 2`, `"level": 7`),
			[]string{"table requirement_level, row 1 (id 1)", "column level must be between 0 and 5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			_, err := s.RestoreExport(t.Context(), strings.NewReader(tt.doc))
			if err == nil {
				t.Fatal("RestoreExport succeeded")
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not say %q", err, want)
				}
			}
			if len(err.Error()) > 2000 {
				t.Errorf("error is %d bytes long", len(err.Error()))
			}
			if err := s.CheckEmpty(t.Context()); err != nil {
				t.Errorf("after the refusal: %v", err)
			}
		})
	}
}

// TestRestoreSkipsAByteOrderMark: an export saved again by an editor that
// adds a UTF-8 byte order mark was refused with "invalid character 'ï'".
func TestRestoreSkipsAByteOrderMark(t *testing.T) {
	doc := "\uFEFF" + smallExport(t)
	if _, err := ReadExportHeader(strings.NewReader(doc)); err != nil {
		t.Errorf("ReadExportHeader: %v", err)
	}
	sum, err := mustOpen(t).RestoreExport(t.Context(), strings.NewReader(doc))
	if err != nil || sum.Rows() != 7 {
		t.Errorf("RestoreExport = %d rows, %v; want 7", sum.Rows(), err)
	}
}

// TestCheckExportLeavesNoTemporaryDatabase: a restore preview killed while
// checking left /tmp/rapport-check-* behind for good. The check now runs
// in a hidden folder beside the target (removed by the next run when its
// process is gone) and removes the old-style folders over an hour old.
func TestCheckExportLeavesNoTemporaryDatabase(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	hourAgo := time.Now().Add(-2 * time.Hour)
	oldCheck, newCheck := filepath.Join(tmp, "rapport-check-123456"), filepath.Join(tmp, "rapport-check-654321")
	for _, dir := range []string{oldCheck, newCheck} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(oldCheck, hourAgo, hourAgo); err != nil {
		t.Fatal(err)
	}
	target := t.TempDir()
	killed := filepath.Join(target, ".rapport-check.rapport-tmp-4194305-1")
	if err := os.MkdirAll(killed, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := CheckExport(t.Context(), strings.NewReader(smallExport(t)), target); err != nil {
		t.Fatal(err)
	}
	for path, stays := range map[string]bool{oldCheck: false, newCheck: true, killed: false} {
		if _, err := os.Stat(path); (err == nil) != stays {
			t.Errorf("%s: stays = %v, want %v", path, err == nil, stays)
		}
	}
	if entries, _ := os.ReadDir(target); len(entries) != 0 {
		t.Errorf("the check left %v beside the target", entries)
	}
}
