package sample

import (
	"time"

	"rapport/model"
)

// The hand-made part of the network: the forty people around the user, a
// senior engineer in the Platform team of Northwind Labs, and the stories
// that tie them together. Days are counted back from today ("met" 1300 is
// 1300 days ago); in the schedules, negative days are in the past and
// positive ones ahead.

// castMember is one hand-made person.
type castMember struct {
	key         string // handle the stories below use
	first, last string
	call        string // what the user calls them, when not the first name
	title       string
	team        string // internal people
	org         string // external contacts; Company when empty
	email       string // "" derives first.last@Domain; "-" means none known
	phone       string
	rel         model.Relation
	influence   int
	stance      model.Stance
	cadence     int
	workingOn   string
	needs       string
	notes       string
	met         int     // days ago they were first met
	weight      float64 // share of everyday contact
	quiet       int     // days of silence before today, on purpose
}

// cast lists the hand-made people, most important first: a network with
// fewer people takes the head of this list.
var cast = []castMember{
	{key: "daniel", first: "Daniel", last: "Okafor", title: "Engineering Manager", team: "Platform",
		phone: "+1 415 555 0142", rel: model.RelationManager, influence: 5, stance: model.StanceSupporter, cadence: 7,
		workingOn: "Moving Platform to a single deploy pipeline, and setting up the new Infrastructure group he will lead from Q3.",
		needs:     "Someone to own the on-call rota and the team's day-to-day so he can hand Platform over cleanly.",
		notes:     "Prefers bad news early and in writing. His move to Infrastructure leaves Platform needing an EM: he and Helena decide who.",
		met:       1310, weight: 10},
	{key: "helena", first: "Helena", last: "Sørensen", title: "VP Engineering", team: "Leadership",
		rel: model.RelationSkipLevel, influence: 5, stance: model.StanceNeutral, cadence: 30,
		workingOn: "Next year's engineering strategy and the Platform/Infrastructure split.",
		needs:     "Fewer escalations reaching her desk; leaders she can hand a whole problem to.",
		notes:     "Signs off the EM appointment with Daniel. Knows my work mostly from incident reviews, which is not the picture I want her to have.",
		met:       1290, weight: 4},
	{key: "gregor", first: "Gregor", last: "Nowak", title: "Director of Engineering", team: "Payments",
		rel: model.RelationLeader, influence: 5, stance: model.StanceBlocker, cadence: 30,
		workingOn: "Cutting checkout latency before the holiday peak.",
		needs:     "Platform changes that never surprise Payments, and dates he can rely on.",
		notes:     "Raised the ledger-migration slip in calibration and will again. Old colleague of Rajesh. Lead with data, never surprise him, and don't take the bait in meetings.",
		met:       930, weight: 3},
	{key: "ingrid", first: "Ingrid", last: "Halvorsen", title: "Principal Engineer", team: "Data",
		rel: model.RelationMentor, influence: 4, stance: model.StanceChampion, cadence: 30,
		workingOn: "Chairing the architecture review board.",
		needs:     "People willing to write their decisions down properly.",
		notes:     "Monthly lunch. Was an EM for five years before going back to IC, and is honest about the trade-offs.",
		met:       1150, weight: 5},
	{key: "max", first: "Maximiliane", last: "Oyelaran-Castellanos", call: "Maxi", title: "Director of Data Platform", team: "Data",
		rel: model.RelationSponsor, influence: 5, stance: model.StanceChampion, cadence: 30,
		workingOn: "Consolidating three data pipelines onto the new warehouse.",
		needs:     "A platform partner who lands the warehouse migration without drama.",
		notes:     "Spoke up for me in the last promotion round. Sits in the leadership meeting where EM appointments are discussed. Goes by Maxi.",
		met:       820, weight: 3.5},
	{key: "rajesh", first: "Rajesh", last: "Iyer", title: "Chief Financial Officer", team: "Leadership",
		phone: "+1 415 555 0100", rel: model.RelationLeader, influence: 5, stance: model.StanceUnknown, cadence: 90,
		workingOn: "Next year's budget, and a ten percent cut in cloud spend.",
		needs:     "Engineering leaders who explain cost in business terms.",
		notes:     "Has the CEO's ear on headcount. We last spoke properly at the budget kickoff; long overdue.",
		met:       610, weight: 1.2, quiet: 130},
	{key: "priya", first: "Priya", last: "Raghunathan", title: "Senior Software Engineer", team: "Platform",
		rel: model.RelationTeamMate, influence: 3, stance: model.StanceSupporter, cadence: 14,
		workingOn: "Migrating the job queue off the legacy message broker.",
		needs:     "The migration runbook, and a second reviewer who knows the old broker.",
		met:       1020, weight: 10},
	{key: "fatima", first: "Fatima Zahra", last: "El Amrani", call: "Fatima", email: "fatima.elamrani@" + Domain,
		title: "Engineering Manager", team: "Payments",
		rel: model.RelationPeer, influence: 3, stance: model.StanceSupporter, cadence: 30,
		workingOn: "Hiring two backend engineers, and an RFC on idempotency keys.",
		needs:     "A reviewer who knows the platform side of retries.",
		notes:     "Became an EM eighteen months ago: the best source on what the first year is really like. Reports to Gregor and gets on with Daniel.",
		met:       720, weight: 5},
	{key: "camille", first: "Camille", last: "Rousseau", title: "Head of Design", team: "Design",
		rel: model.RelationLeader, influence: 4, stance: model.StanceSkeptic, cadence: 60,
		workingOn: "Rolling the design system out to every product team.",
		needs:     "Engineering time for the design-system components.",
		notes:     "Felt Platform treated design as an afterthought in the developer portal. Haven't spoken in months: fix that.",
		met:       760, weight: 1.6, quiet: 105},
	{key: "zoe", first: "Zoë", last: "Ångström", title: "Data Engineer", team: "Data",
		rel: model.RelationPeer, influence: 2, stance: model.StanceSupporter, cadence: 30,
		workingOn: "Data-quality alerts for the warehouse.",
		needs:     "Her alerts routed into the on-call tooling instead of a mailbox nobody reads.",
		met:       510, weight: 5},
	{key: "jonas", first: "Jonas", last: "Lindqvist", title: "Staff Engineer", team: "Platform",
		rel: model.RelationTeamMate, influence: 4, stance: model.StanceSkeptic, cadence: 30,
		workingOn: "The service-mesh pilot.",
		needs:     "Someone to take the mesh rollout off his hands once the pilot ends.",
		notes:     "On the promotion panel. Once asked \"wasn't the ledger migration late?\" in front of Helena. Remembers dates; tell him before he asks.",
		met:       1180, weight: 5},
	{key: "kenji", first: "Kenji", last: "Watanabe", title: "Software Engineer", team: "Platform",
		rel: model.RelationDirectReport, influence: 1, stance: model.StanceUnknown, cadence: 14,
		workingOn: "Onboarding, and shadowing his first on-call week.",
		needs:     "A design-doc template and a buddy for on-call.",
		notes:     "Joined three weeks ago. Quiet in meetings; prefers questions in writing.",
		met:       24, weight: 6},
	{key: "aisha", first: "Aisha", last: "Bello", title: "Software Engineer II", team: "Platform",
		rel: model.RelationDirectReport, influence: 2, stance: model.StanceSupporter, cadence: 14,
		workingOn: "The deploy-pipeline rewrite.",
		needs:     "A stretch project with visibility outside the team.",
		met:       430, weight: 8},
	{key: "tomas", first: "Tomás", last: "Herrera", title: "Software Engineer", team: "Platform",
		rel: model.RelationTeamMate, influence: 2, stance: model.StanceNeutral, cadence: 30,
		workingOn: "Terraform modules for the two new regions.",
		needs:     "Clearer priorities out of planning.",
		met:       610, weight: 6},
	{key: "meiling", first: "Mei-Ling", last: "Chow", title: "Site Reliability Engineer", team: "Platform",
		rel: model.RelationTeamMate, influence: 2, stance: model.StanceSupporter, cadence: 14,
		workingOn: "SLOs for the public API.",
		needs:     "Fewer noisy alerts, and Payments' buy-in on error budgets.",
		met:       860, weight: 7},
	{key: "elif", first: "Elif", last: "Yılmaz", title: "Product Manager", team: "Platform",
		rel: model.RelationPeer, influence: 3, stance: model.StanceSupporter, cadence: 14,
		workingOn: "The developer-portal roadmap.",
		needs:     "Engineering estimates she can defend in front of leadership.",
		met:       460, weight: 6},
	{key: "thandiwe", first: "Thandiwe", last: "Dlamini", title: "Director of Product", team: "Leadership",
		rel: model.RelationLeader, influence: 4, stance: model.StanceSupporter, cadence: 60,
		workingOn: "Next year's product bets.",
		needs:     "Platform capacity she can plan around.",
		met:       690, weight: 1.8},
	{key: "brian", first: "Brian", last: "O'Sullivan", title: "VP Sales", team: "Sales",
		rel: model.RelationLeader, influence: 4, stance: model.StanceNeutral, cadence: 90,
		workingOn: "The Harbourline renewal and the enterprise pipeline.",
		needs:     "Engineers who can talk to customers without scaring them.",
		met:       570, weight: 1.3, quiet: 40},
	{key: "sophie", first: "Sophie", last: "Brennan", title: "HR Business Partner, Engineering", team: "People",
		rel: model.RelationPeer, influence: 3, stance: model.StanceSupporter, cadence: 60,
		workingOn: "The EM interview rubric, and calibration for the spring cycle.",
		needs:     "Engineers willing to sit on interview panels.",
		met:       520, weight: 2.5},
	{key: "nadia", first: "Nadia", last: "Haddad", title: "Chief Executive Officer", team: "Leadership",
		rel: model.RelationLeader, influence: 5, stance: model.StanceUnknown, cadence: 0,
		workingOn: "The Series C, and opening the London office.",
		met:       1300, weight: 0.4, quiet: 60},
	{key: "hannah", first: "Hannah", last: "Goldberg", title: "Technical Program Manager", team: "Payments",
		rel: model.RelationPeer, influence: 3, stance: model.StanceNeutral, cadence: 30,
		workingOn: "The cross-team ledger-migration programme.",
		needs:     "Honest status from every team, early.",
		met:       650, weight: 3},
	{key: "amara", first: "Amara", last: "Nwosu", title: "Head of People", team: "People",
		rel: model.RelationLeader, influence: 4, stance: model.StanceNeutral, cadence: 60,
		workingOn: "The new career framework and the promotion calendar.",
		needs:     "Managers who give feedback early, not at review time.",
		met:       920, weight: 1.4},
	{key: "lucas", first: "Lucas", last: "Ferreira", title: "Senior Software Engineer", team: "Payments",
		rel: model.RelationPeer, influence: 2, stance: model.StanceNeutral, cadence: 60,
		workingOn: "Checkout latency, for Gregor.",
		needs:     "A deploy check that doesn't fail at random.",
		notes:     "Still sore that I never fixed the flaky deploy check I promised him.",
		met:       570, weight: 2.5},
	{key: "olusegun", first: "Olusegun", last: "Adeyemi", title: "Staff Engineer", team: "Payments",
		rel: model.RelationPeer, influence: 3, stance: model.StanceUnknown, cadence: 60,
		workingOn: "Redesigning the fraud-rules engine.",
		needs:     "A low-latency rules store the platform will support.",
		met:       310, weight: 2},
	{key: "wei", first: "Wei", last: "Zhang", title: "Engineering Manager", team: "Data",
		rel: model.RelationPeer, influence: 3, stance: model.StanceNeutral, cadence: 60,
		workingOn: "Staffing the warehouse migration.",
		needs:     "Two more data engineers, or a loan from Platform.",
		met:       710, weight: 2.5},
	{key: "siddharth", first: "Siddharth", last: "Menon", title: "Senior Data Scientist", team: "Data",
		rel: model.RelationPeer, influence: 2, stance: model.StanceNeutral, cadence: 60,
		workingOn: "The churn model.",
		needs:     "Cleaner event data.",
		met:       340, weight: 2.5},
	{key: "hyejin", first: "Hye-jin", last: "Park", title: "Analytics Engineer", team: "Data",
		rel: model.RelationPeer, influence: 1, stance: model.StanceUnknown, cadence: 90,
		workingOn: "The metrics layer behind the exec dashboard.",
		met:       410, weight: 1.2, quiet: 120},
	{key: "ngozi", first: "Ngozi", last: "Eze", title: "Senior Product Designer", team: "Design",
		rel: model.RelationPeer, influence: 2, stance: model.StanceSupporter, cadence: 30,
		workingOn: "Redesigning the onboarding flow.",
		needs:     "Engineers' feedback before hand-off, not after.",
		met:       530, weight: 2.5, quiet: 45},
	{key: "mateus", first: "Mateus", last: "Silva", title: "UX Researcher", team: "Design",
		rel: model.RelationPeer, influence: 1, stance: model.StanceNeutral, cadence: 90,
		workingOn: "Interviewing developers about the developer portal.",
		needs:     "Five engineers for a usability study.",
		met:       270, weight: 1},
	{key: "kateryna", first: "Kateryna", last: "Kovalenko", title: "Solutions Engineer", team: "Sales",
		rel: model.RelationPeer, influence: 2, stance: model.StanceSupporter, cadence: 30,
		workingOn: "Harbourline's integration with the tracking API.",
		needs:     "Fast, straight answers about API rate limits.",
		met:       360, weight: 3},
	{key: "diego", first: "Diego", last: "Ramírez", title: "Account Executive", team: "Sales",
		rel: model.RelationPeer, influence: 1, stance: model.StanceUnknown, cadence: 0,
		met: 410, weight: 0.7},
	{key: "rosa", first: "Rosa", last: "Delgado", title: "Office Manager", team: "People",
		rel: model.RelationOther, influence: 1, stance: model.StanceSupporter, cadence: 30,
		workingOn: "Planning the autumn offsite.",
		needs:     "Headcount numbers for the offsite, on time.",
		notes:     "Knows everyone and everything that is going on. Birthday 14 May.",
		met:       1300, weight: 2.5},
	{key: "samuel", first: "Samuel", last: "Mensah", title: "Receptionist", team: "People",
		rel: model.RelationOther, influence: 1, stance: model.StanceSupporter, cadence: 0,
		workingOn: "The new visitor sign-in system.",
		needs:     "Guests registered the day before, not at the door.",
		met:       700, weight: 1.8},
	{key: "pedro", first: "Pedro", last: "Santos", title: "Security Engineer", team: "Platform",
		rel: model.RelationTeamMate, influence: 2, stance: model.StanceNeutral, cadence: 60,
		workingOn: "Collecting evidence for the SOC 2 audit.",
		needs:     "Answers to his access-review tickets within the week.",
		met:       390, weight: 2.5},
	{key: "oliver", first: "Oliver", last: "Bennett", title: "Graduate Software Engineer", team: "Payments",
		rel: model.RelationPeer, influence: 1, stance: model.StanceUnknown, cadence: 0,
		workingOn: "His first quarter: small fixes in the refunds service.",
		met:       40, weight: 1},
	{key: "chloe", first: "Chloe", last: "Nakamura", title: "Senior Technical Recruiter", org: "Brightpath Talent",
		email: "chloe.nakamura@brightpath.example", phone: "+1 415 555 0187",
		rel: model.RelationExternal, influence: 2, stance: model.StanceNeutral, cadence: 90,
		workingOn: "Filling EM and Staff roles for scale-ups.",
		needs:     "Referrals for senior engineers.",
		notes:     "Friendly, not desperate. Knows what EMs are paid this year.",
		met:       720, weight: 1.2},
	{key: "marcus", first: "Marcus", last: "Feld", title: "Staff Engineer", org: "Quillstone Systems",
		email: "-", phone: "+44 20 7946 0321",
		rel: model.RelationExternal, influence: 2, stance: model.StanceSupporter, cadence: 90,
		workingOn: "Quillstone's platform team.",
		needs:     "Speakers for the Quillstone engineering meetup.",
		notes:     "Former colleague from my last job. Interviewed me at Quillstone last year.",
		met:       2900, weight: 1.2, quiet: 150},
	{key: "aroha", first: "Aroha", last: "Ngata", title: "Programme Chair", org: "Platform Summit",
		email: "-", rel: model.RelationExternal, influence: 2, stance: model.StanceNeutral, cadence: 0,
		workingOn: "The Platform Summit programme.",
		needs:     "Practitioner talks, not vendor pitches.",
		met:       400, weight: 0.8},
	{key: "bartholomew", first: "Bartholomew", last: "Achterberg", call: "Bart", title: "CTO", org: "Harbourline Logistics",
		email: "bartholomew.achterberg@harbourline.example", phone: "+31 20 555 0193",
		rel: model.RelationClient, influence: 3, stance: model.StanceSupporter, cadence: 60,
		workingOn: "Moving Harbourline's parcel tracking onto our API.",
		needs:     "A named engineer to call when something breaks.",
		notes:     "Our biggest customer's CTO. Brian listens to him more than to anyone in Engineering.",
		met:       480, weight: 1.4},
	{key: "leila", first: "Leila", last: "Farahani", title: "Director of Engineering", org: "Fernhill Analytics",
		email: "-", rel: model.RelationExternal, influence: 2, stance: model.StanceUnknown, cadence: 0,
		notes: "Ingrid's introduction. Went from IC to director in four years; said to call again any time.",
		met:   232, weight: 0.8, quiet: 200},
}

// castTie is a hand-made tie between two cast members.
type castTie struct {
	from, to string
	kind     model.TieKind
	note     string
}

var castTies = []castTie{
	{"daniel", "helena", model.TieReportsTo, ""},
	{"helena", "nadia", model.TieReportsTo, ""},
	{"rajesh", "nadia", model.TieReportsTo, ""},
	{"gregor", "helena", model.TieReportsTo, ""},
	{"max", "helena", model.TieReportsTo, ""},
	{"ingrid", "max", model.TieReportsTo, ""},
	{"priya", "daniel", model.TieReportsTo, ""},
	{"jonas", "daniel", model.TieReportsTo, ""},
	{"kenji", "daniel", model.TieReportsTo, "Day-to-day with me as tech lead"},
	{"aisha", "daniel", model.TieReportsTo, "Day-to-day with me as tech lead"},
	{"tomas", "daniel", model.TieReportsTo, ""},
	{"meiling", "daniel", model.TieReportsTo, ""},
	{"pedro", "daniel", model.TieReportsTo, ""},
	{"elif", "thandiwe", model.TieReportsTo, ""},
	{"thandiwe", "nadia", model.TieReportsTo, ""},
	{"fatima", "gregor", model.TieReportsTo, ""},
	{"lucas", "fatima", model.TieReportsTo, ""},
	{"olusegun", "fatima", model.TieReportsTo, ""},
	{"oliver", "fatima", model.TieReportsTo, ""},
	{"hannah", "helena", model.TieReportsTo, ""},
	{"wei", "max", model.TieReportsTo, ""},
	{"zoe", "wei", model.TieReportsTo, ""},
	{"siddharth", "wei", model.TieReportsTo, ""},
	{"hyejin", "wei", model.TieReportsTo, ""},
	{"camille", "thandiwe", model.TieReportsTo, ""},
	{"ngozi", "camille", model.TieReportsTo, ""},
	{"mateus", "camille", model.TieReportsTo, ""},
	{"brian", "nadia", model.TieReportsTo, ""},
	{"kateryna", "brian", model.TieReportsTo, ""},
	{"diego", "brian", model.TieReportsTo, ""},
	{"amara", "nadia", model.TieReportsTo, ""},
	{"sophie", "amara", model.TieReportsTo, ""},
	{"rosa", "amara", model.TieReportsTo, ""},
	{"samuel", "rosa", model.TieReportsTo, ""},

	{"rajesh", "nadia", model.TieInfluences, "Has the CEO's ear on headcount"},
	{"rajesh", "helena", model.TieInfluences, "Signs off engineering headcount"},
	{"jonas", "helena", model.TieInfluences, "On the promotion panel; Helena trusts his read on people"},
	{"sophie", "helena", model.TieInfluences, "Runs calibration for Engineering"},
	{"max", "helena", model.TieCloseTo, "Joined together from the same company"},
	{"gregor", "rajesh", model.TieCloseTo, "Old colleagues; lunch every other Friday"},
	{"gregor", "daniel", model.TieAtOddsWith, "Clashed over who owns the ledger service"},
	{"camille", "brian", model.TieAtOddsWith, "Disagree about the enterprise roadmap"},
	{"ingrid", "max", model.TieCloseTo, ""},
	{"daniel", "fatima", model.TieCloseTo, "Came up as managers together"},
	{"bartholomew", "brian", model.TieInfluences, "Biggest customer; Brian listens to him"},
	{"thandiwe", "nadia", model.TieInfluences, ""},
	{"hannah", "gregor", model.TieInfluences, "Writes the programme status Gregor reads"},
	{"marcus", "chloe", model.TieCloseTo, "Chloe placed him at Quillstone"},
	{"ingrid", "leila", model.TieCloseTo, "Worked together at Fernhill"},
	{"rosa", "nadia", model.TieCloseTo, "Has run Nadia's offsites since the start"},
	{"lucas", "gregor", model.TieCloseTo, ""},
	{"elif", "camille", model.TieCloseTo, ""},
}

// castMeeting is a hand-made meeting. A held one gets an outcome
// interaction with summary and notes.
type castMeeting struct {
	key      string // for promises made there
	who      string
	kind     model.MeetingKind
	day      int // negative: past; positive: ahead; 0 with recur: next standing day
	hour     int
	min      int
	minutes  int
	location string
	agenda   string
	recur    model.Recurrence
	reminder int
	status   model.MeetingStatus
	summary  string
	notes    string
}

// standingDay is the weekday of the user's one-on-one with their manager.
const standingDay = time.Tuesday

var castMeetings = []castMeeting{
	{key: "fatima-coffee", who: "fatima", kind: model.MeetingCoffee, day: -4, hour: 10, min: 30, minutes: 30,
		location: "Copper Kettle, 3rd St", status: model.MeetingHeld,
		agenda:  "- What is she working on this quarter?\n- Offer a platform-side review of the idempotency RFC\n- Ask about her first year as an EM\n- Listen 80% of the time",
		summary: "Coffee with Fatima: she needs a platform-side reviewer for the idempotency-keys RFC",
		notes:   "Mostly listened. On her first year as EM: \"the hardest part is saying no to your old work.\" Offered to review the RFC by Friday."},
	{key: "helena-explore", who: "helena", kind: model.MeetingExploratory, day: -25, hour: 14, min: 0, minutes: 45,
		location: "Room 5.12 (Helena's office)", status: model.MeetingHeld, reminder: 15,
		agenda:  "- What would make the Platform/Infrastructure split a success for her?\n- What does she need from Platform next quarter?\n- Ask: what would she want to see from me to be ready for an EM role?",
		summary: "Exploratory with Helena: what would make the Platform/Infrastructure split a success",
		notes:   "She wants fewer escalations reaching her and one owner per problem. Said she'd give me feedback on EM readiness after calibration."},
	{key: "ingrid-lunch", who: "ingrid", kind: model.MeetingLunch, day: -32, hour: 12, min: 30, minutes: 60,
		location: "Little Saigon Kitchen, Oak St", status: model.MeetingHeld,
		agenda:  "- How did she run her first performance review?\n- London, long term: keep it between us\n- Ask what she is stuck on at the review board",
		summary: "Monthly lunch with Ingrid: how to run a first performance review",
		notes:   "Her advice: write the review before the meeting, share it the day before, never surprise anyone."},
	{key: "zoe-coffee", who: "zoe", kind: model.MeetingCoffee, day: -47, hour: 15, min: 0, minutes: 30,
		location: "Kitchen, 4th floor", status: model.MeetingHeld,
		agenda:  "- Her data-quality alerts: who gets paged today?\n- Offer: route them through the on-call tooling",
		summary: "Coffee with Zoë: her data-quality alerts page nobody",
		notes:   "Offered to get the alerts into the on-call tool. She'd like to present the results at the data guild."},
	{key: "ngozi-coffee", who: "ngozi", kind: model.MeetingCoffee, day: -52, hour: 10, min: 0, minutes: 30,
		location: "Kitchen, 4th floor", status: model.MeetingHeld,
		agenda:  "- How is the onboarding redesign going?\n- Ask when engineers should see designs\n- Offer a review before hand-off",
		summary: "Coffee with Ngozi: engineers see designs too late"},
	{key: "max-explore", who: "max", kind: model.MeetingExploratory, day: -60, hour: 11, min: 0, minutes: 30,
		location: "https://meet.example/mox-qrtv-pla", status: model.MeetingHeld,
		agenda:  "- What is the warehouse migration blocked on?\n- Which leadership forums should I be part of?\n- Thank her for the promotion round",
		summary: "Asked Maxi which leadership forums I should be part of",
		notes:   "Suggested the architecture review board and the quarterly business review. Asked for the observability retro."},
	{key: "gregor-coffee", who: "gregor", kind: model.MeetingCoffee, day: -75, hour: 9, min: 30, minutes: 30,
		location: "Café Lumen, Harbour Rd", status: model.MeetingHeld, reminder: 10,
		agenda:  "- Listen: what went wrong with the ledger migration, from his side?\n- What does good look like from Payments' side?\n- No defending, no excuses",
		summary: "Coffee with Gregor: still sore about the ledger-migration slip",
		notes:   "Listened. What good looks like for him: predictable dates and no surprises. Promised him the latency numbers before the ops review."},
	{key: "kateryna-explore", who: "kateryna", kind: model.MeetingExploratory, day: -38, hour: 16, min: 0, minutes: 30,
		location: "https://meet.example/kat-wbnz-hlx", status: model.MeetingHeld,
		agenda:  "- What do customers ask about the platform most?\n- Offer: a Platform engineer on the Harbourline call",
		summary: "Asked Kateryna what customers ask about the platform most",
		notes:   "Rate limits and status pages. She'll bring me into the next Harbourline call."},
	{key: "rosa-coffee", who: "rosa", kind: model.MeetingCoffee, day: -11, hour: 9, min: 30, minutes: 30,
		location: "Front-desk café, ground floor", status: model.MeetingHeld,
		agenda:  "- Offsite plans: what does she need from Platform?\n- Who is new this month?",
		summary: "Coffee with Rosa: the offsite plans and who is new"},
	{key: "marcus-lunch", who: "marcus", kind: model.MeetingLunch, day: -160, hour: 12, min: 30, minutes: 60,
		location: "Fern & Finch, Mission St", status: model.MeetingHeld,
		agenda:  "- Catch up: how is Quillstone?\n- Thank him for the interview last year, whatever came of it",
		summary: "Lunch with Marcus: catching up on Quillstone"},

	{key: "siddharth-coffee", who: "siddharth", kind: model.MeetingCoffee, day: -3, hour: 11, min: 0, minutes: 30,
		location: "Kitchen, 4th floor", status: model.MeetingPlanned,
		agenda: "- What is blocking the churn model?\n- Offer: event-schema review with Platform"},
	{key: "olusegun-explore", who: "olusegun", kind: model.MeetingExploratory, day: -6, hour: 14, min: 30, minutes: 30,
		location: "https://meet.example/olu-frdr-lsx", status: model.MeetingPlanned,
		agenda: "- What does the fraud-rules redesign need from the platform?\n- How can Platform help?"},
	{key: "rajesh-coffee", who: "rajesh", kind: model.MeetingCoffee, day: -40, hour: 15, min: 30, minutes: 30,
		location: "Room 6.01", status: model.MeetingCanceled,
		agenda: "- Ask how engineering cost reviews could be less painful\n- Offer the Platform cost breakdown"},

	{key: "daniel-1on1", who: "daniel", kind: model.MeetingOneOnOne, day: 0, hour: 10, min: 0, minutes: 30,
		location: "https://meet.example/plt-dano-1on1", recur: model.RecurrenceWeekly, reminder: 10, status: model.MeetingPlanned,
		agenda: "- Hiring-committee rotation: did he put my name forward?\n- Capacity model for Helena: new date\n- Kenji's onboarding\n- Ask: what would make me a clear choice for the EM role?"},
	{key: "kenji-coffee", who: "kenji", kind: model.MeetingCoffee, day: 2, hour: 10, min: 30, minutes: 30,
		location: "Kitchen, 4th floor", status: model.MeetingPlanned,
		agenda: "- How is the first month going, honestly?\n- What would help most: docs, pairing, a buddy?\n- Listen"},
	{key: "camille-coffee", who: "camille", kind: model.MeetingCoffee, day: 3, hour: 15, min: 0, minutes: 30,
		location: "Café Lumen, Harbour Rd", reminder: 15, status: model.MeetingPlanned,
		agenda: "- Reconnect: it has been months\n- What is she working on? The design system rollout\n- Ask what Platform could do better for Design\n- Offer engineering time for the components\n- Listen 80% of the time"},
	{key: "ingrid-lunch-next", who: "ingrid", kind: model.MeetingLunch, day: 6, hour: 12, min: 30, minutes: 60,
		location: "Little Saigon Kitchen, Oak St", reminder: 15, status: model.MeetingPlanned,
		agenda: "- Gap to ask advice on: leading hiring end to end\n- How did she get her first management role?\n- Ask what she needs at the review board"},
	{key: "rajesh-explore", who: "rajesh", kind: model.MeetingExploratory, day: 9, hour: 11, min: 0, minutes: 30,
		location: "Room 6.01", reminder: 15, status: model.MeetingPlanned,
		agenda: "- What would make engineering cost reviews easier for him?\n- Offer the Platform cost breakdown by service\n- Gap to ask advice on: budgeting and headcount planning"},
	{key: "sophie-coffee", who: "sophie", kind: model.MeetingCoffee, day: 11, hour: 14, min: 0, minutes: 45,
		location: "https://meet.example/sop-hrbp-eng", status: model.MeetingPlanned,
		agenda: "- How are EM openings decided, and when?\n- Shadowing the EM interview panel\n- What does she need from engineers for panels?"},
}

// castPromise is a hand-made promise. It is made at a held meeting
// (meeting), or in a new interaction of kind that day, or neither.
type castPromise struct {
	dir      model.Direction
	who      string
	what     string
	made     int // days ago; ignored when made at a meeting
	due      int // days from today (negative: past)
	noDue    bool
	status   model.PromiseStatus
	resolved int // days ago, for resolved promises
	meeting  string
	kind     model.InteractionKind
	summary  string
	notes    string
}

// castPromises are most telling first: a network asked for fewer promises
// takes the head of this list.
var castPromises = []castPromise{
	{dir: model.DirectionMine, who: "priya", what: "Send Priya the migration runbook draft", made: 12, due: -5,
		status: model.PromiseOpen, kind: model.KindMessage,
		summary: "Priya asked for the broker-migration runbook before her cut-over rehearsal"},
	{dir: model.DirectionMine, who: "fatima", what: "Review Fatima's RFC on idempotency keys", due: 3,
		status: model.PromiseOpen, meeting: "fatima-coffee"},
	{dir: model.DirectionTheirs, who: "daniel", what: "Put my name forward for the hiring-committee rotation", made: 26, due: -10,
		status: model.PromiseOpen, kind: model.KindAsk,
		summary: "Asked Daniel about joining the hiring committee; he'll put my name forward"},
	{dir: model.DirectionTheirs, who: "helena", what: "Feedback on my readiness for the EM role, after calibration", due: 4,
		status: model.PromiseOpen, meeting: "helena-explore"},
	{dir: model.DirectionMine, who: "helena", what: "Share the Q3 capacity model with Helena", made: 30, due: 5,
		status: model.PromiseRenegotiated, kind: model.KindMessage,
		summary: "Helena asked for the Q3 capacity model ahead of planning",
		notes:   "Helena agreed to wait for the new cost data."},
	{dir: model.DirectionMine, who: "kenji", what: "Introduce Kenji to the SRE guild leads", made: 8, due: 6,
		status: model.PromiseOpen, kind: model.KindHelpGiven,
		summary: "Walked Kenji through the deploy pipeline; he'd like to meet the SRE guild"},
	{dir: model.DirectionMine, who: "lucas", what: "Fix the flaky deploy check for Payments", made: 170, due: -150,
		status: model.PromiseBroken, resolved: 120, kind: model.KindHelpOffered,
		summary: "Offered Lucas a fix for the flaky deploy check",
		notes:   "Got pulled onto the broker incident and never told him. Apologised in person; he is still wary."},
	{dir: model.DirectionMine, who: "gregor", what: "Send Gregor the latency numbers before the ops review", due: -70,
		status: model.PromiseKeptLate, resolved: 67, meeting: "gregor-coffee",
		notes: "Three days late, the morning of the review. He noticed."},
	{dir: model.DirectionTheirs, who: "jonas", what: "Review my design doc for the queue rewrite", made: 140, due: -130,
		status: model.PromiseBroken, resolved: 110, kind: model.KindAsk,
		summary: "Asked Jonas to review the queue-rewrite design doc",
		notes:   "He never did; the doc shipped without his input and he questioned it in the review."},
	{dir: model.DirectionMine, who: "aroha", what: "Write a guest post for the Platform Summit blog", made: 210, due: -180,
		status: model.PromiseReleased, resolved: 185, kind: model.KindMessage,
		summary: "Aroha invited me to write for the Platform Summit blog",
		notes:   "The blog series was paused; Aroha let me off."},
	{dir: model.DirectionTheirs, who: "kateryna", what: "Bring me into the next Harbourline customer call", due: 12,
		status: model.PromiseOpen, meeting: "kateryna-explore"},
	{dir: model.DirectionMine, who: "daniel", what: "Draft the escalation section of the on-call handbook", made: 15, due: 20,
		status: model.PromiseOpen},
	{dir: model.DirectionMine, who: "kenji", what: "Mentor Kenji through his first design doc", made: 20, noDue: true,
		status: model.PromiseOpen},
	{dir: model.DirectionTheirs, who: "marcus", what: "Tell me if Quillstone opens a Staff or EM role", noDue: true,
		status: model.PromiseOpen, meeting: "marcus-lunch"},
	{dir: model.DirectionMine, who: "aisha", what: "Pair with Aisha on her first on-call shift", made: 90, due: -80,
		status: model.PromiseKept, resolved: 80},
	{dir: model.DirectionMine, who: "ngozi", what: "Give Ngozi engineering feedback on the onboarding flow before hand-off", due: -45,
		status: model.PromiseKept, resolved: 46, meeting: "ngozi-coffee"},
	{dir: model.DirectionMine, who: "rosa", what: "Send Rosa the Platform headcount for the offsite", made: 40, due: -33,
		status: model.PromiseKept, resolved: 35, kind: model.KindMessage,
		summary: "Rosa asked every team for offsite numbers"},
	{dir: model.DirectionMine, who: "max", what: "Share the observability rollout retro with Maxi", due: -50,
		status: model.PromiseKept, resolved: 53, meeting: "max-explore"},
	{dir: model.DirectionMine, who: "zoe", what: "Get Zoë's data-quality alerts into the on-call tool", due: -20,
		status: model.PromiseKept, resolved: 22, meeting: "zoe-coffee"},
	{dir: model.DirectionMine, who: "bartholomew", what: "Connect Harbourline's engineers with our Data team about tracking events", made: 100, due: -90,
		status: model.PromiseKeptLate, resolved: 82, kind: model.KindMessage,
		summary: "Bart asked who at Northwind owns tracking events"},
	{dir: model.DirectionMine, who: "camille", what: "Get a design review booked for the developer portal", made: 110, due: -95,
		status: model.PromiseKeptLate, resolved: 88, kind: model.KindCoffee,
		summary: "Coffee with Camille: she felt design was an afterthought in the developer portal",
		notes:   "Booked it, but two weeks late and only after Elif chased."},
	{dir: model.DirectionMine, who: "rajesh", what: "Send Rajesh the Platform cloud-cost breakdown by service", made: 135, due: -125,
		status: model.PromiseKept, resolved: 126, kind: model.KindExploratory,
		summary: "Budget kickoff: asked Rajesh how engineering cost reviews could hurt less"},
	{dir: model.DirectionTheirs, who: "ingrid", what: "Introduce me to a director who moved from IC to management", made: 240, due: -230,
		status: model.PromiseKept, resolved: 232, kind: model.KindLunch,
		summary: "Lunch with Ingrid: is management for me?"},
	{dir: model.DirectionTheirs, who: "sophie", what: "Send me the EM interview rubric", made: 45, due: -38,
		status: model.PromiseKeptLate, resolved: 31, kind: model.KindAsk,
		summary: "Asked Sophie for the EM interview rubric"},
	{dir: model.DirectionTheirs, who: "max", what: "Mention the observability results in the leadership meeting", made: 190, due: -180,
		status: model.PromiseKept, resolved: 182, kind: model.KindAsk,
		summary: "Asked Maxi whether the observability results could reach the leadership meeting"},
	{dir: model.DirectionTheirs, who: "chloe", what: "Send current market ranges for EM roles", made: 62, due: -55,
		status: model.PromiseKept, resolved: 60, kind: model.KindMessage,
		summary: "Chloe called about an EM role at a fintech; asked her for market ranges instead"},
	{dir: model.DirectionMine, who: "samuel", what: "Register the Harbourline visitors the day before", made: 18, due: -17,
		status: model.PromiseKept, resolved: 17},
}

// castStory is a hand-made interaction; the first person is the main one.
type castStory struct {
	kind    model.InteractionKind
	day     int // days ago
	who     []string
	summary string
	notes   string
}

var castStories = []castStory{
	{model.KindThanksPublic, 20, []string{"priya", "meiling", "tomas"},
		"Thanked Priya, Mei-Ling and Tomás at the Platform all-hands for the zero-downtime broker cut-over", ""},
	{model.KindThanksPublic, 9, []string{"daniel", "aisha"},
		"Emailed Daniel to praise Aisha's work on the deploy-pipeline rewrite", "Copied Aisha."},
	{model.KindIntroduction, 55, []string{"zoe", "meiling"},
		"Introduced Zoë to Mei-Ling: both are building alerting, one pipeline would do", ""},
	{model.KindIntroduction, 33, []string{"kateryna", "bartholomew"},
		"Introduced Kateryna to Bart's team for their API rate-limit questions", ""},
	{model.KindThanksPrivate, 16, []string{"samuel"},
		"Thanked Samuel for sorting the visitor badges for the Harbourline visit", ""},
	{model.KindHelpGiven, 70, []string{"meiling"},
		"Covered Mei-Ling's on-call week while she moved flat", ""},
	{model.KindThanksPrivate, 200, []string{"max"},
		"Thanked Maxi for speaking up for me in the promotion round", "Handwritten card."},
	{model.KindAsk, 140, []string{"nadia"},
		"Asked Nadia at the all-hands Q&A how platform investment fits the London plans", ""},
	{model.KindFeedback, 100, []string{"jonas"},
		"Jonas gave me blunt feedback on the ledger-migration estimates", "He's right about the buffer. Thanked him."},
	{model.KindExploratory, 220, []string{"leila"},
		"Video call with Leila about going from IC to director", "Her advice: get hiring experience first, everything else follows."},
	{model.KindThanksPublic, 80, []string{"rosa", "samuel"},
		"Thanked Rosa and Samuel in #general for running the office-move weekend", ""},
	{model.KindFeedback, 12, []string{"aisha"},
		"Gave Aisha feedback on her incident write-up: clear, needs a timeline", ""},
	{model.KindCoffee, 30, []string{"oliver"},
		"Coffee with Oliver, the new graduate in Payments: how onboarding is going", ""},
	{model.KindMessage, 45, []string{"brian"},
		"Brian asked for a Platform engineer on the Harbourline renewal call", ""},
	{model.KindHelpGiven, 125, []string{"hyejin"},
		"Helped Hye-jin get read access to the metrics store", ""},
	{model.KindExploratory, 65, []string{"thandiwe"},
		"Asked Thandiwe what Product needs from Platform next year", "Predictable capacity; fewer surprise migrations."},
	{model.KindCoffee, 150, []string{"amara"},
		"Coffee with Amara about the new career framework", ""},
	{model.KindMessage, 28, []string{"wei"},
		"Wei asked whether Platform could lend an engineer to the warehouse migration", ""},
	{model.KindAsk, 85, []string{"sophie"},
		"Asked Sophie how EM openings are decided and who sits on the panel", ""},
	{model.KindThanksPrivate, 58, []string{"daniel"},
		"Thanked Daniel for backing me in the incident review", ""},
	{model.KindLunch, 95, []string{"elif", "meiling"},
		"Lunch with Elif and Mei-Ling after the portal launch", ""},
	{model.KindHelpGiven, 36, []string{"pedro"},
		"Answered Pedro's access-review tickets for the whole team in one go", ""},
}

// castDisclosure is a hand-made entry in the private log.
type castDisclosure struct {
	who     string
	topic   string
	sens    model.Sensitivity
	day     int    // days ago
	meeting string // shared at this held meeting, whose day wins
	notes   string
}

var castDisclosures = []castDisclosure{
	{"ingrid", "Considering a move to London in a couple of years", model.SensitivityHigh, 32, "ingrid-lunch", "Asked her to keep it between us."},
	{"marcus", "Interviewed at Quillstone last year", model.SensitivityHigh, 160, "marcus-lunch", "He was on the panel; he knows why I said no."},
	{"zoe", "Would apply for the EM role if Daniel moves", model.SensitivityHigh, 47, "zoe-coffee", "Said it before anything was announced. She's discreet, but still."},
	{"lucas", "Frustrated with how the ledger incident review went", model.SensitivityHigh, 118, "", "Said more about Gregor than I should have, to someone in his org."},
	{"daniel", "Kid starting school in September; need later starts on Mondays", model.SensitivityMedium, 58, "", ""},
	{"fatima", "Parent in hospital in the spring", model.SensitivityMedium, 121, "", ""},
	{"priya", "Training for a half marathon", model.SensitivityLow, 20, "", ""},
	{"tomas", "Learning Spanish with an app", model.SensitivityLow, 90, "", "He offered to practise at lunch."},
}
