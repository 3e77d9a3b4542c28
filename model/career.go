package model

import "time"

// Role is a target role in the user's career plan, such as "Engineering
// Manager" next and "Director" after that.
type Role struct {
	ID         int64
	Title      string
	Horizon    Horizon
	TargetDate time.Time // a day, or zero
	Why        string
	Focus      bool      // the role the user is working toward now; at most one
	ArchivedAt time.Time // zero unless the user moved on from it
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Validate reports every field of r that cannot be saved.
func (r Role) Validate() error {
	c := checker{record: "role"}
	c.required("title", r.Title)
	c.text("title", r.Title, MaxShortText)
	c.singleLine("title", r.Title)
	c.oneOf("horizon", r.Horizon.Valid())
	c.text("why", r.Why, MaxLongText)
	return c.err()
}

// Requirement is something a role asks for, with the level it asks for and
// where the user stands. Levels run from 1 to 5; a current level of 0 means
// "not at all", a manager level of 0 means "not assessed".
type Requirement struct {
	ID           int64
	RoleID       int64
	Kind         RequirementKind
	Title        string
	TargetLevel  int
	CurrentLevel int
	ManagerLevel int
	Importance   int // 1 (nice to have) to 5 (decisive)
	Evidence     string
	AdvisorIDs   []int64 // people best placed to advise on this gap
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Validate reports every field of r that cannot be saved.
func (r Requirement) Validate() error {
	c := checker{record: "requirement"}
	c.reference("role", r.RoleID)
	c.oneOf("kind", r.Kind.Valid())
	c.required("title", r.Title)
	c.text("title", r.Title, MaxShortText)
	c.singleLine("title", r.Title)
	c.between("target level", r.TargetLevel, 1, 5)
	c.between("current level", r.CurrentLevel, 0, 5)
	c.between("manager level", r.ManagerLevel, 0, 5)
	c.between("importance", r.Importance, 1, 5)
	c.text("evidence", r.Evidence, MaxLongText)
	return c.err()
}

// Gap is how far the user's current level falls short of the target, 0 when
// it does not.
func (r Requirement) Gap() int {
	if g := r.TargetLevel - r.CurrentLevel; g > 0 {
		return g
	}
	return 0
}

// Action is a step toward meeting a requirement: a course, a stretch
// project, asking someone for advice.
type Action struct {
	ID            int64
	RequirementID int64
	Kind          ActionKind
	Title         string
	DueOn         time.Time // a day, or zero
	Status        ActionStatus
	DoneOn        time.Time // a day, set when done
	Notes         string
	Evidence      bool // a done action the user offers as evidence for the requirement
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Validate reports every field of a that cannot be saved.
func (a Action) Validate() error {
	c := checker{record: "action"}
	c.reference("requirement", a.RequirementID)
	c.oneOf("kind", a.Kind.Valid())
	c.required("title", a.Title)
	c.text("title", a.Title, MaxShortText)
	c.singleLine("title", a.Title)
	c.oneOf("status", a.Status.Valid())
	if a.Status == ActionDone && a.DoneOn.IsZero() {
		c.add("done on", "is required once the action is done")
	}
	c.text("notes", a.Notes, MaxLongText)
	if a.Evidence && a.Status != ActionDone {
		c.add("evidence", "only a done action can be evidence")
	}
	return c.err()
}
