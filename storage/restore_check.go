package storage

// Checking each row of a restore as the app checks what the forms save:
// every row is read into its model type and passes the model's Validate,
// and every value is of the kind the app writes there (text that is text,
// times in the stored form, positive IDs). A row that does not is refused
// with its column named, before anything is written.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rapport/model"
)

// maxRestoreText bounds any text value of a restore, in bytes, whatever
// its column: the model's limits are far lower for the fields it knows.
const maxRestoreText = 1 << 20

// rowCheck reads the values of one row of a restore by column name and
// collects the problems it finds, one per column.
type rowCheck struct {
	index    map[string]int
	args     []any
	problems []string
	reported map[string]bool
}

// fail records a problem with column col, once per column.
func (c *rowCheck) fail(col, problem string) {
	if c.reported[col] {
		return
	}
	c.reported[col] = true
	c.problems = append(c.problems, "column "+col+" "+problem)
}

// value is the value of column col, and whether the table has that column
// (a document of an older schema may lack it).
func (c *rowCheck) value(col string) (any, bool) {
	i, ok := c.index[col]
	if !ok {
		return nil, false
	}
	return c.args[i], true
}

// str is the text in column col, "" for NULL or a missing column.
func (c *rowCheck) str(col string) string {
	s, _ := c.value(col)
	v, _ := s.(string)
	return v
}

// integer is the whole number in column col, 0 for NULL or a missing
// column; one beyond ±2³¹ is a problem (no count in Rapport comes near).
func (c *rowCheck) integer(col string) int {
	v, _ := c.value(col)
	n, _ := v.(int64)
	if n > 1<<31 || n < -1<<31 {
		c.fail(col, fmt.Sprintf("is out of range (%d)", n))
		return 0
	}
	return int(n)
}

// id is the ID in column col, 0 for NULL (checkValue refuses IDs below 1).
func (c *rowCheck) id(col string) int64 {
	v, _ := c.value(col)
	n, _ := v.(int64)
	return n
}

// when is the time in column col, zero for NULL (checkValue refuses
// a time not in the stored form).
func (c *rowCheck) when(col string) time.Time {
	var t time.Time
	if s, ok := c.value(col); ok {
		if s, ok := s.(string); ok {
			_ = parseStoredTime(s, &t)
		}
	}
	return t
}

// model records the problems a model's Validate reports, each under the
// column the field is kept in.
func (c *rowCheck) model(err error, columns map[string]string) {
	var v *model.ValidationError
	if !errors.As(err, &v) {
		if err != nil {
			c.problems = append(c.problems, err.Error())
		}
		return
	}
	for _, f := range v.Fields {
		c.fail(c.columnOf(f.Field, columns), f.Problem)
	}
}

// columnOf is the column a model field is kept in: the one columns names,
// else the field's name with underscores, with _id, _at, _minutes or
// _days where the table has such a column.
func (c *rowCheck) columnOf(field string, columns map[string]string) string {
	if col, ok := columns[field]; ok {
		return col
	}
	base := strings.ReplaceAll(field, " ", "_")
	for _, suffix := range []string{"", "_id", "_at", "_minutes", "_days"} {
		if _, ok := c.index[base+suffix]; ok {
			return base + suffix
		}
	}
	return base
}

// err is the row's problems as one error, nil when there are none.
func (c *rowCheck) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	return errors.New(strings.Join(c.problems, "; "))
}

// checkRow checks one row of table t read by readRow, returning an error
// that names each column with a problem.
func checkRow(t table, index map[string]int, args []any) error {
	c := &rowCheck{index: index, args: args, reported: map[string]bool{}}
	for i, col := range t.columns {
		if problem := checkValue(col, args[i]); problem != "" {
			c.fail(col.name, problem)
		}
	}
	if check, ok := rowChecks[t.name]; ok {
		check(c)
	}
	return c.err()
}

// dayColumns are the columns that hold days (see day); a new one must be
// added here.
var dayColumns = map[string]bool{"first_met": true, "made_on": true, "due_on": true, "resolved_on": true,
	"shared_on": true, "target_date": true, "done_on": true, "date": true, "old_due_on": true, "new_due_on": true}

// timeKind says whether a column holds an instant, a day or neither, by
// the schema's naming: at, *_at and credit_next are instants; dayColumns
// are days.
func timeKind(col string) (instant, day bool) {
	if col == "at" || strings.HasSuffix(col, "_at") || col == "credit_next" {
		return true, false
	}
	return false, dayColumns[col]
}

// checkValue is the problem with value v of column col whatever its table,
// or "": binary data, text that is not valid UTF-8 or holds a NUL or is
// over maxRestoreText, an ID below 1, a time not in the stored form.
func checkValue(col column, v any) string {
	switch v := v.(type) {
	case []byte:
		if col.affinity != affinityBlob {
			return "is binary data (a blob) where " + col.affinity.want() + " belongs"
		}
	case string:
		switch {
		case !utf8.ValidString(v):
			return "is not valid text (UTF-8)"
		case strings.IndexByte(v, 0) >= 0:
			return "contains a NUL character"
		case len(v) > maxRestoreText:
			return fmt.Sprintf("is too long (%d bytes; at most %d)", len(v), maxRestoreText)
		}
		if instant, day := timeKind(col.name); instant || day {
			return checkTime(v, day)
		}
	case int64:
		if (col.name == "id" || strings.HasSuffix(col.name, "_id")) && v < 1 {
			return fmt.Sprintf("is %d, not an ID (IDs are 1 or more)", v)
		}
	}
	return ""
}

// checkTime is the problem with s as a stored instant or day, or "".
func checkTime(s string, day bool) string {
	var t time.Time
	if day {
		if parsed, err := time.Parse(dayLayout, s); err != nil || parsed.Format(dayLayout) != s {
			return "is " + quoteShort(s) + ", not a day like 2026-11-23"
		}
		return ""
	}
	if err := parseStoredTime(s, &t); err != nil || t.UTC().Format(timeLayout) != s {
		return "is " + quoteShort(s) + ", not an RFC 3339 UTC time like 2026-11-23T09:30:00.000Z"
	}
	return ""
}

// quoteShort quotes s for a message, cut to its first 40 characters.
func quoteShort(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return strconv.Quote(s)
	}
	return strconv.Quote(string([]rune(s)[:40])) + "…"
}

// rowChecks reads a row of each table into its model type and validates
// it as the forms do.
var rowChecks = map[string]func(c *rowCheck){
	"person":            checkPerson,
	"tie":               checkTie,
	"interaction":       checkInteraction,
	"meeting":           checkMeeting,
	"promise":           checkPromise,
	"promise_change":    checkPromiseChange,
	"role":              checkRole,
	"requirement":       checkRequirement,
	"action":            checkAction,
	"disclosure":        checkDisclosure,
	"setting":           checkSetting,
	"requirement_level": checkLevel,
	"panel_member":      checkPanelMember,
	"opportunity":       checkOpportunity,
	"stance_change":     checkStanceChange,
	"role_change":       checkRoleChange,
}

func checkPerson(c *rowCheck) {
	p := model.Person{Name: c.str("name"), Title: c.str("title"), Team: c.str("team"),
		Organisation: c.str("organisation"), Email: c.str("email"), Phone: c.str("phone"),
		Relation: model.Relation(c.str("relation")), Influence: c.integer("influence"),
		Stance: model.Stance(c.str("stance")), CadenceDays: c.integer("cadence_days"),
		WorkingOn: c.str("working_on"), Needs: c.str("needs"), Notes: c.str("notes")}
	c.model(p.Validate(), nil)
	// cadence_set came with schema 7; an older document has none.
	if v, ok := c.value("cadence_set"); ok {
		if n, isInt := v.(int64); !isInt || (n != 0 && n != 1) {
			c.fail("cadence_set", "must be 0 (the default cadence) or 1 (set by the user)")
		}
	}
	if v, _ := c.value("credits_version"); v != nil && c.id("credits_version") < 0 {
		c.fail("credits_version", "must not be negative")
	}
}

func checkTie(c *rowCheck) {
	t := model.Tie{FromID: c.id("from_id"), ToID: c.id("to_id"), Kind: model.TieKind(c.str("kind")), Note: c.str("note")}
	c.model(t.Validate(), nil)
}

func checkInteraction(c *rowCheck) {
	// The people are in interaction_person, checked there.
	i := model.Interaction{Kind: model.InteractionKind(c.str("kind")), At: c.when("at"),
		Summary: c.str("summary"), Notes: c.str("notes"), PersonIDs: []int64{1}}
	c.model(i.Validate(), map[string]string{"date": "at"})
}

func checkMeeting(c *rowCheck) {
	minutes := c.id("duration_minutes")
	if minutes < 0 || minutes > int64(model.MaxMeetingDuration/time.Minute) {
		minutes = 0 // out of range: Validate says so without overflowing
	}
	m := model.Meeting{UID: c.str("uid"), PersonID: c.id("person_id"), Kind: model.MeetingKind(c.str("kind")),
		Start: c.when("start_at"), Duration: time.Duration(minutes) * time.Minute, Location: c.str("location"),
		Agenda: c.str("agenda"), Recurrence: model.Recurrence(c.str("recurrence")),
		ReminderMinutes: c.integer("reminder_minutes"), Sequence: c.integer("sequence"),
		Status: model.MeetingStatus(c.str("status"))}
	if m.UID == "" {
		c.fail("uid", "is required")
	}
	c.model(m.Validate(), nil)
}

func checkPromise(c *rowCheck) {
	p := model.Promise{Direction: model.Direction(c.str("direction")), PersonID: c.id("person_id"),
		What: c.str("what"), MadeOn: c.when("made_on"), DueOn: c.when("due_on"),
		Status: model.PromiseStatus(c.str("status")), ResolvedOn: c.when("resolved_on"), Notes: c.str("notes")}
	c.model(p.Validate(), nil)
}

func checkPromiseChange(c *rowCheck) {
	p := model.PromiseChange{PromiseID: c.id("promise_id"), At: c.when("at"),
		FromStatus: model.PromiseStatus(c.str("from_status")), ToStatus: model.PromiseStatus(c.str("to_status")),
		Note: c.str("note")}
	c.model(p.Validate(), nil)
}

func checkRole(c *rowCheck) {
	r := model.Role{Title: c.str("title"), Horizon: model.Horizon(c.str("horizon")), Why: c.str("why")}
	c.model(r.Validate(), nil)
}

func checkRequirement(c *rowCheck) {
	r := model.Requirement{RoleID: c.id("role_id"), Kind: model.RequirementKind(c.str("kind")),
		Title: c.str("title"), TargetLevel: c.integer("target_level"), CurrentLevel: c.integer("current_level"),
		ManagerLevel: c.integer("manager_level"), Importance: c.integer("importance"), Evidence: c.str("evidence")}
	c.model(r.Validate(), nil)
}

func checkAction(c *rowCheck) {
	a := model.Action{RequirementID: c.id("requirement_id"), Kind: model.ActionKind(c.str("kind")),
		Title: c.str("title"), DueOn: c.when("due_on"), Status: model.ActionStatus(c.str("status")),
		DoneOn: c.when("done_on"), Notes: c.str("notes"), Evidence: c.integer("evidence") == 1}
	c.model(a.Validate(), nil)
}

func checkDisclosure(c *rowCheck) {
	d := model.Disclosure{PersonID: c.id("person_id"), Topic: c.str("topic"),
		Sensitivity: model.Sensitivity(c.str("sensitivity")), SharedOn: c.when("shared_on"), Notes: c.str("notes")}
	c.model(d.Validate(), nil)
}

func checkLevel(c *rowCheck) {
	l := model.LevelChange{RequirementID: c.id("requirement_id"), Level: c.integer("level"), At: c.when("at")}
	c.model(l.Validate(), nil)
}

func checkPanelMember(c *rowCheck) {
	m := model.PanelMember{RoleID: c.id("role_id"), PersonID: c.id("person_id"), Part: model.PanelPart(c.str("part"))}
	// target_stance came with schema 11; an older document has none.
	if _, ok := c.value("target_stance"); ok {
		m.Target = model.Stance(c.str("target_stance"))
	}
	c.model(m.Validate(), map[string]string{"target stance": "target_stance"})
}

func checkOpportunity(c *rowCheck) {
	o := model.Opportunity{Title: c.str("title"), Kind: model.OpportunityKind(c.str("kind")),
		Date: c.when("date"), Outcome: model.OpportunityOutcome(c.str("outcome")), Notes: c.str("notes")}
	c.model(o.Validate(), nil)
}

// checkSetting checks a setting as SaveSettings would save it: a key this
// version knows must hold a value the settings form accepts; the last
// review must be a time; another key (of a later version) is kept as text.
func checkSetting(c *rowCheck) {
	key, value := c.str("key"), c.str("value")
	if strings.TrimSpace(key) == "" || strings.ContainsAny(key, "\r\n") || len(key) > model.MaxShortText {
		c.fail("key", "must be a name on one line, at most 200 bytes")
		return
	}
	if key == reviewKey {
		if problem := checkTime(value, false); problem != "" {
			c.fail("value", "(of "+key+") "+problem)
		}
		return
	}
	st := model.DefaultSettings()
	for _, f := range settingFields(&st) {
		if f.key != key {
			continue
		}
		if err := f.set(value); err != nil {
			c.fail("value", "(of "+key+") is "+quoteShort(value)+", not a whole number")
			return
		}
		var v *model.ValidationError
		if errors.As(st.Validate(), &v) {
			c.fail("value", "(of "+key+"): "+v.Fields[0].Error())
		}
		return
	}
}
