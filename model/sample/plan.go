package sample

import (
	"time"

	"rapport/model"
)

// The user's career plan: Engineering Manager of Platform next, Director of
// Engineering after that.

type planRole struct {
	title   string
	horizon model.Horizon
	months  int // target date, months from today; 0 for none
	focus   bool
	why     string
	created int // days ago
	reqs    []planReq
	panel   []planSeat // who decides and who influences the promotion
}

// planSeat is a person on a role's promotion panel.
type planSeat struct {
	who  string // cast key
	part model.PanelPart
}

type planReq struct {
	kind                     model.RequirementKind
	title                    string
	target, current, manager int
	importance               int
	evidence                 string
	advisors                 []string // cast keys
	actions                  []planAction
}

type planAction struct {
	kind    model.ActionKind
	title   string
	created int // days ago
	due     int // days from today; 0 for none
	status  model.ActionStatus
	done    int // days ago, for done actions
	notes   string
}

var plan = []planRole{
	{
		title: "Engineering Manager, Platform", horizon: model.HorizonNext, months: 9, focus: true, created: 200,
		panel: []planSeat{
			{"helena", model.PanelDecides},
			{"daniel", model.PanelInfluences},
			{"gregor", model.PanelInfluences},
			{"thandiwe", model.PanelInfluences},
			{"sophie", model.PanelInfluences},
		},
		why: "Daniel moves to lead the new Infrastructure group in Q3 and Helena wants an internal candidate for Platform. " +
			"I get more out of growing Aisha and Kenji than out of being the smartest person in the room, and I want to try it while I can still go back.",
		reqs: []planReq{
			{kind: model.RequirementSkill, title: "People management: 1:1s, feedback, performance conversations",
				target: 4, current: 2, manager: 3, importance: 5,
				evidence: "Weekly coaching with Aisha and Kenji since spring. Gave my first piece of formal feedback in March.",
				advisors: []string{"ingrid", "daniel"},
				actions: []planAction{
					{kind: model.ActionCourse, title: "Finish the Difficult Conversations course", created: 120, due: -55, status: model.ActionDone, done: 60},
					{kind: model.ActionMentoring, title: "Weekly coaching sessions with Aisha and Kenji", created: 150, due: 90, status: model.ActionInProgress},
					{kind: model.ActionAskAdvice, title: "Ask Ingrid how she ran her first performance reviews", created: 10, due: 6, status: model.ActionPlanned,
						notes: "At the next lunch."},
				}},
			{kind: model.RequirementExperience, title: "Led hiring for a role end to end",
				target: 3, current: 1, manager: 0, importance: 4,
				evidence: "Two interview loops as a panelist; never owned a role.",
				advisors: []string{"sophie", "fatima"},
				actions: []planAction{
					{kind: model.ActionStretch, title: "Own the hiring loop for the open SRE role", created: 30, due: 45, status: model.ActionPlanned},
					{kind: model.ActionAskAdvice, title: "Ask Sophie to let me shadow the EM interview panel", created: 40, due: -5, status: model.ActionInProgress,
						notes: "Mentioned it in passing; still need to ask properly."},
				}},
			{kind: model.RequirementVisibility, title: "Known to the leadership team as a leader, not only an engineer",
				target: 4, current: 3, manager: 1, importance: 5,
				evidence: "I think the observability talk got me noticed. Daniel disagrees: Helena mostly sees me in incident reviews.",
				advisors: []string{"max", "helena"},
				actions: []planAction{
					{kind: model.ActionWritePresent, title: "Present the observability results at the engineering all-hands", created: 150, due: -95, status: model.ActionDone, done: 95},
					{kind: model.ActionAskAdvice, title: "Ask Maxi which leadership forums to join", created: 70, due: -60, status: model.ActionDone, done: 60},
					{kind: model.ActionWritePresent, title: "Write the quarterly Platform update for the leadership newsletter", created: 14, due: 20, status: model.ActionPlanned},
				}},
			{kind: model.RequirementSkill, title: "Budgeting and headcount planning",
				target: 3, current: 1, manager: 0, importance: 3,
				evidence: "Built the Platform cloud-cost breakdown for Rajesh. Never owned a budget.",
				advisors: []string{"rajesh", "helena"},
				actions: []planAction{
					{kind: model.ActionAskAdvice, title: "Ask Rajesh how budget reviews work from his side", created: 20, due: 9, status: model.ActionPlanned},
					{kind: model.ActionCourse, title: "Finance for non-finance managers (online)", created: 100, status: model.ActionDropped,
						notes: "Too generic; asking Rajesh instead."},
				}},
			{kind: model.RequirementRelationship, title: "Trust of the Payments leadership",
				target: 4, current: 1, manager: 2, importance: 4,
				evidence: "Gregor raised the ledger-migration slip in calibration. Fatima is on my side.",
				advisors: []string{"fatima", "daniel"},
				actions: []planAction{
					{kind: model.ActionAskAdvice, title: "Ask Fatima what Gregor needs from Platform", created: 25, due: -18, status: model.ActionDone, done: 18},
					{kind: model.ActionStretch, title: "Co-own the ledger reliability review with Payments", created: 60, due: 30, status: model.ActionInProgress},
				}},
			{kind: model.RequirementCertification, title: "Northwind Leadership Foundations programme",
				target: 3, current: 0, manager: 0, importance: 2,
				evidence: "Expected of new managers in their first six months; starting before would help.",
				advisors: []string{"amara"},
				actions: []planAction{
					{kind: model.ActionCertification, title: "Enrol in the next Leadership Foundations cohort", created: 35, due: 40, status: model.ActionPlanned},
				}},
			{kind: model.RequirementExperience, title: "Ran a cross-team project to completion",
				target: 4, current: 4, manager: 3, importance: 3,
				evidence: "Observability rollout across four teams, shipped in October.",
				advisors: []string{"helena"},
				actions: []planAction{
					{kind: model.ActionWritePresent, title: "Publish the observability rollout retro", created: 90, due: -50, status: model.ActionDone, done: 53},
				}},
		},
	},
	{
		title: "Director of Engineering", horizon: model.HorizonAfterNext, months: 36, created: 180,
		why: "Within three years: own a group of teams and its strategy, and sit at the table where headcount is decided.",
		reqs: []planReq{
			{kind: model.RequirementExperience, title: "Managed managers",
				target: 4, current: 0, manager: 0, importance: 5,
				advisors: []string{"helena", "ingrid"},
				actions: []planAction{
					{kind: model.ActionAskAdvice, title: "Ask Helena what she looks for in a director", created: 30, due: 60, status: model.ActionPlanned},
				}},
			{kind: model.RequirementSkill, title: "Org design and multi-team strategy",
				target: 4, current: 1, manager: 0, importance: 4,
				evidence: "Wrote the Platform/Infrastructure split proposal with Daniel.",
				advisors: []string{"max"},
				actions: []planAction{
					{kind: model.ActionCourse, title: "Read Team Topologies and summarise it for the team", created: 45, due: 25, status: model.ActionInProgress},
				}},
			{kind: model.RequirementVisibility, title: "Recognised outside the company: talks and writing",
				target: 3, current: 1, manager: 0, importance: 3,
				evidence: "One meetup talk at Quillstone, years ago.",
				advisors: []string{"aroha", "marcus"},
				actions: []planAction{
					{kind: model.ActionVolunteering, title: "Volunteer for the Platform Summit programme committee", created: 60, due: 75, status: model.ActionPlanned},
					{kind: model.ActionWritePresent, title: "Submit a talk proposal to Platform Summit", created: 170, due: -150, status: model.ActionDone, done: 152},
				}},
			{kind: model.RequirementRelationship, title: "A working relationship with Finance and Sales leadership",
				target: 3, current: 1, manager: 0, importance: 3,
				advisors: []string{"rajesh", "brian"},
				actions: []planAction{
					{kind: model.ActionCommittee, title: "Join the internal cost-review working group", created: 20, due: 30, status: model.ActionPlanned},
					{kind: model.ActionStretch, title: "Join a Harbourline renewal call as the Platform engineer", created: 44, due: 21, status: model.ActionPlanned},
				}},
		},
	},
}

// addPlan adds the career plan: roles, requirements and actions, the
// levels as they rose (one step below today's until the latest action
// done, today's since), and the promotion panel.
func (g *gen) addPlan() {
	n := g.net
	for _, r := range plan {
		created := g.clock(-r.created, 20, 15)
		role := model.Role{
			ID:        int64(len(n.Roles) + 1),
			Title:     r.title,
			Horizon:   r.horizon,
			Why:       r.why,
			Focus:     r.focus,
			CreatedAt: created,
			UpdatedAt: g.clock(-r.created+3, 21, 0),
		}
		if r.months > 0 {
			role.TargetDate = g.today.AddDate(0, r.months, 0)
		}
		n.Roles = append(n.Roles, role)
		for _, seat := range r.panel {
			if i := g.person(seat.who); i >= 0 {
				n.Panel = append(n.Panel, model.PanelMember{RoleID: role.ID, PersonID: g.id(i), Part: seat.part})
			}
		}
		for j, q := range r.reqs {
			reqCreated := created.Add(time.Duration(j+1) * 4 * time.Minute)
			req := model.Requirement{
				ID:           int64(len(n.Requirements) + 1),
				RoleID:       role.ID,
				Kind:         q.kind,
				Title:        q.title,
				TargetLevel:  q.target,
				CurrentLevel: q.current,
				ManagerLevel: q.manager,
				Importance:   q.importance,
				Evidence:     q.evidence,
				CreatedAt:    reqCreated,
				UpdatedAt:    reqCreated,
			}
			for _, key := range q.advisors {
				if i := g.person(key); i >= 0 {
					req.AdvisorIDs = append(req.AdvisorIDs, g.id(i))
				}
			}
			for _, a := range q.actions {
				act := model.Action{
					ID:            int64(len(n.Actions) + 1),
					RequirementID: req.ID,
					Kind:          a.kind,
					Title:         a.title,
					Status:        a.status,
					Notes:         a.notes,
					CreatedAt:     g.clock(-a.created, 19, 30),
				}
				act.UpdatedAt = act.CreatedAt
				if a.due != 0 {
					act.DueOn = g.date(a.due)
				}
				if a.status == model.ActionDone {
					act.DoneOn = g.date(-a.done)
					act.UpdatedAt = g.clock(-a.done, 18, 0)
				}
				if act.UpdatedAt.After(req.UpdatedAt) {
					req.UpdatedAt = act.UpdatedAt
				}
				n.Actions = append(n.Actions, act)
			}
			n.Requirements = append(n.Requirements, req)
			g.addLevels(req, q)
		}
	}
}

// addLevels records how a requirement's level rose: one step below today's
// when it was written down, today's from the latest action done (when one
// was), so the plan shows progress month by month.
func (g *gen) addLevels(req model.Requirement, q planReq) {
	latest := -1
	for _, a := range q.actions {
		if a.status == model.ActionDone && (latest < 0 || a.done < latest) {
			latest = a.done
		}
	}
	if req.CurrentLevel == 0 || latest < 0 {
		return
	}
	n := g.net
	n.Levels = append(n.Levels,
		model.LevelChange{RequirementID: req.ID, Level: req.CurrentLevel - 1, At: req.CreatedAt.Add(time.Second)},
		model.LevelChange{RequirementID: req.ID, Level: req.CurrentLevel, At: g.clock(-latest, 18, 5)})
}
