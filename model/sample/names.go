package sample

import (
	"strings"

	"rapport/model"
)

// Word lists for procedurally generated people and their interactions.

var firstNames = []string{
	"Aaliyah", "Abebe", "Adaeze", "Adrián", "Ahmed", "Aiko", "Akua", "Alejandra", "Aleksander", "Alice",
	"Amani", "Amir", "Ana", "Anders", "Andile", "Anh", "Anjali", "Antoine", "Arash", "Astrid",
	"Ayşe", "Bao", "Beatriz", "Benjamin", "Björn", "Bongani", "Carmen", "Chidi", "Chiara", "Chinedu",
	"Claire", "Darius", "Dawit", "Deepika", "Divya", "Dmitri", "Eamon", "Efua", "Eleni", "Emeka",
	"Emma", "Esra", "Farah", "Femi", "Finn", "Francesca", "Gabriel", "Grace", "Hamza", "Hana",
	"Hiroshi", "Ifeoma", "Ikaika", "Imani", "Inès", "Isabela", "Ivan", "Jae-won", "Jamal", "Javier",
	"Jia", "Joaquín", "João", "Julia", "Kai", "Kalani", "Karim", "Kavya", "Kofi", "Lars",
	"Layla", "Leilani", "Lena", "Li", "Lior", "Liam", "Lucía", "Luka", "Malik", "Maria",
	"Mariam", "Marta", "Matías", "Maya", "Mehmet", "Min-jun", "Miriam", "Naledi", "Nam", "Nasrin",
	"Niamh", "Nikhil", "Nils", "Noa", "Nomvula", "Omar", "Oskar", "Paulo", "Priyanka", "Quentin",
	"Rahul", "Rania", "Ravi", "Renée", "Rin", "Rohan", "Ruth", "Saanvi", "Sakura", "Salma",
	"Santiago", "Sara", "Seo-yeon", "Shira", "Sipho", "Siobhán", "Søren", "Tariq", "Thabo", "Tiago",
	"Tuan", "Valentina", "Vikram", "Wanjiru", "Xavier", "Yara", "Yaw", "Yuki", "Zainab", "Zanele",
}

var lastNames = []string{
	"Abiodun", "Acheampong", "Agarwal", "Ahmadi", "Akhtar", "Alvarez", "Andersson", "Asante", "Bakker", "Banerjee",
	"Bianchi", "Boateng", "Castillo", "Chakraborty", "Chen", "Cohen", "Costa", "Dahl", "Dias", "Dimitriou",
	"Dubois", "Eriksen", "Estrada", "Fernández", "Fischer", "Flores", "Fofana", "Gallagher", "García", "Ghosh",
	"Gonçalves", "Gupta", "Hakimi", "Hansen", "Hashemi", "Hoang", "Horváth", "Hosseini", "Ibrahim", "Ito",
	"Jansen", "Jovanović", "Kamau", "Kang", "Kaur", "Khan", "Kim", "Kowalski", "Kruger", "Kumar",
	"Lambert", "Le", "Lee", "Lindberg", "Liu", "López", "Mahlangu", "Malik", "Mansour", "Martin",
	"Mendes", "Moreau", "Müller", "Murphy", "Nair", "Ndlovu", "Nguyen", "Novak", "Nwankwo", "O'Brien",
	"Obi", "Odhiambo", "Okonkwo", "Olsen", "Ortiz", "Osei", "Özdemir", "Patel", "Pereira", "Petrov",
	"Pham", "Popescu", "Quispe", "Rahman", "Reddy", "Rossi", "Saito", "Schmidt", "Shah", "Singh",
	"Suzuki", "Svensson", "Takahashi", "Tanaka", "Tran", "van der Berg", "Varga", "Wagner", "Walsh", "Wang",
	"Wiśniewski", "Wu", "Yamamoto", "Yıldız", "Zhou", "Zulu", "Kealoha", "Tuilagi", "Mwangi", "Begum",
}

// jobTitle is a title a procedurally generated person can hold.
type jobTitle struct {
	name  string
	level int  // typical influence
	lead  bool // manages people
}

// teamSpec describes one team of Northwind Labs for procedural people.
type teamSpec struct {
	name    string
	weight  int      // share of procedurally generated people
	head    string   // cast key of who the team's managers report to
	leads   []string // cast keys of the team's managers in the cast
	titles  []jobTitle
	topics  []string
	working []string
	needs   []string
}

var teams = []teamSpec{
	{
		name: "Platform", weight: 14, head: "helena", leads: []string{"daniel"},
		titles: []jobTitle{
			{"Software Engineer", 2, false}, {"Senior Software Engineer", 2, false}, {"Senior Software Engineer", 2, false},
			{"Staff Engineer", 3, false}, {"Site Reliability Engineer", 2, false}, {"Senior Site Reliability Engineer", 2, false},
			{"Security Engineer", 2, false}, {"Developer Experience Engineer", 2, false}, {"Junior Software Engineer", 1, false},
			{"Engineering Manager", 3, true}, {"Principal Engineer", 4, false},
		},
		topics: []string{"the Kubernetes upgrade", "the on-call rota", "the deploy pipeline", "the observability rollout",
			"the service-mesh pilot", "cloud cost", "the incident review process", "the runbook clean-up", "the broker migration",
			"the developer portal"},
		working: []string{"Upgrading the clusters to the next Kubernetes release.", "Cutting deploy time under ten minutes.",
			"The incident-review template and its follow-ups.", "Tagging every cloud resource with an owner.",
			"Moving secrets into the new vault.", "Load-testing the public API before the holiday peak."},
		needs: []string{"Fewer pages at night.", "A second reviewer for infrastructure changes.", "Time for the backlog of toil.",
			"Product teams to adopt the new deploy pipeline.", "Clear owners for legacy services."},
	},
	{
		name: "Payments", weight: 18, head: "gregor", leads: []string{"fatima"},
		titles: []jobTitle{
			{"Software Engineer", 2, false}, {"Senior Software Engineer", 2, false}, {"Senior Software Engineer", 2, false},
			{"Staff Engineer", 3, false}, {"QA Engineer", 1, false}, {"Fraud Analyst", 1, false}, {"Payments Operations Analyst", 1, false},
			{"Product Manager", 3, false}, {"Engineering Manager", 3, true}, {"Senior Product Manager", 3, false},
		},
		topics: []string{"the ledger migration", "idempotency keys", "the PCI audit", "checkout latency", "the refunds backlog",
			"the fraud-rules engine", "chargebacks", "the new card processor"},
		working: []string{"Shaving 80 ms off checkout.", "The PCI audit evidence.", "Clearing the refunds backlog.",
			"Integrating a second card processor.", "Tuning the fraud rules for the holiday peak."},
		needs: []string{"Platform support for a low-latency store.", "Stable deploys on Fridays.", "A reviewer who knows the ledger.",
			"Faster answers from Finance.", "Better test data."},
	},
	{
		name: "Data", weight: 16, head: "max", leads: []string{"wei"},
		titles: []jobTitle{
			{"Data Engineer", 2, false}, {"Senior Data Engineer", 2, false}, {"Data Scientist", 2, false}, {"Senior Data Scientist", 2, false},
			{"Analytics Engineer", 1, false}, {"Machine Learning Engineer", 2, false}, {"Data Analyst", 1, false},
			{"Engineering Manager", 3, true}, {"Head of Analytics", 4, true},
		},
		topics: []string{"the warehouse migration", "the dbt models", "data-quality alerts", "the churn model", "the metrics layer",
			"the event schema", "the exec dashboard", "data retention"},
		working: []string{"Moving the last jobs onto the warehouse.", "A single definition of an active customer.",
			"Cleaning up the event schema.", "The quarterly churn forecast.", "Data-retention rules for the audit."},
		needs: []string{"Cleaner events from product teams.", "Warehouse credits.", "An owner for every dashboard.",
			"Engineers who read the data contracts.", "Two more data engineers."},
	},
	{
		name: "Design", weight: 8, head: "camille", leads: []string{"camille"},
		titles: []jobTitle{
			{"Product Designer", 2, false}, {"Senior Product Designer", 2, false}, {"UX Researcher", 1, false}, {"Content Designer", 1, false},
			{"Design Systems Engineer", 2, false}, {"Design Manager", 3, true},
		},
		topics: []string{"the design system", "the onboarding flow", "accessibility fixes", "the usability study", "the dashboard mock-ups",
			"the developer portal"},
		working: []string{"Components for the design system.", "An accessibility pass on checkout.", "A usability study of onboarding.",
			"The new empty states across the app."},
		needs: []string{"Engineers in design reviews, early.", "Participants for research sessions.", "Time on the roadmap for polish."},
	},
	{
		name: "Sales", weight: 16, head: "brian", leads: []string{"brian"},
		titles: []jobTitle{
			{"Account Executive", 1, false}, {"Senior Account Executive", 2, false}, {"Sales Development Representative", 1, false},
			{"Solutions Engineer", 2, false}, {"Customer Success Manager", 2, false}, {"Sales Operations Analyst", 1, false},
			{"Partnerships Lead", 3, false}, {"Sales Manager, EMEA", 3, true}, {"Head of Customer Success", 4, true},
		},
		topics: []string{"the Harbourline renewal", "the enterprise pilot", "the pricing page", "the security questionnaire",
			"the Q3 pipeline", "API rate limits", "the status page"},
		working: []string{"Closing the quarter.", "A security questionnaire for a bank.", "The enterprise pilot with a retailer.",
			"Renewals for the top twenty accounts."},
		needs: []string{"Engineers on customer calls.", "A status page customers trust.", "Straight answers on the roadmap.",
			"Faster security reviews."},
	},
	{
		name: "People", weight: 6, head: "amara", leads: []string{"amara"},
		titles: []jobTitle{
			{"Technical Recruiter", 2, false}, {"Senior Technical Recruiter", 2, false}, {"People Partner", 2, false},
			{"Workplace Coordinator", 1, false}, {"Payroll Specialist", 1, false}, {"Office Assistant", 1, false},
			{"Learning and Development Lead", 3, true}, {"Talent Acquisition Manager", 3, true},
		},
		topics: []string{"the promotion process", "the engagement survey", "the office move", "the mentoring programme",
			"the hiring plan", "the offsite"},
		working: []string{"The spring promotion cycle.", "The engagement survey follow-ups.", "Hiring plans for next year.",
			"The mentoring programme pilot."},
		needs: []string{"Interviewers.", "Managers to finish reviews on time.", "Volunteers for the mentoring pilot."},
	},
	{
		name: "Leadership", weight: 2, head: "nadia", leads: []string{"nadia"},
		titles: []jobTitle{
			{"Chief of Staff", 4, true}, {"Executive Assistant", 2, false}, {"General Counsel", 4, true}, {"VP Marketing", 4, true},
			{"Financial Analyst", 1, false}, {"Head of Finance Operations", 3, true},
		},
		topics: []string{"the annual plan", "the reorg", "headcount for next year", "the board deck", "the engineering strategy",
			"the London office"},
		working: []string{"The annual plan.", "The board deck.", "The London office opening."},
		needs:   []string{"Numbers on time.", "Fewer surprises.", "Leaders who bring solutions with their problems."},
	},
}

// organisation is an invented company outside Northwind Labs.
type organisation struct {
	name   string
	domain string
	client bool
}

var organisations = []organisation{
	{"Brightpath Talent", "brightpath.example", false},
	{"Quillstone Systems", "quillstone.example", false},
	{"Harbourline Logistics", "harbourline.example", true},
	{"Fernhill Analytics", "fernhill.example", false},
	{"Platform Summit", "platformsummit.example", false},
	{"Cobalt & Finch Consulting", "cobaltfinch.example", false},
	{"Tidewater Health", "tidewater.example", true},
	{"Larkspur Bank", "larkspur.example", true},
	{"Emberline Games", "emberline.example", false},
	{"Oakhaven University", "oakhaven.example", false},
}

var externalTitles = []jobTitle{
	{"Engineering Manager", 2, false}, {"Technical Recruiter", 2, false}, {"Founder", 2, false}, {"Staff Engineer", 2, false},
	{"Head of Platform", 3, false}, {"Developer Advocate", 1, false}, {"Consultant", 1, false}, {"CTO", 3, false},
	{"Product Lead", 2, false}, {"Meetup Organiser", 1, false}, {"Professor of Computer Science", 2, false},
	{"VP Engineering", 3, false},
}

var externalTopics = []string{"the job market", "conference talks", "the meetup", "platform teams elsewhere",
	"hiring senior engineers", "their API integration", "on-call practices", "engineering management"}

var externalWorking = []string{"Building a platform team from scratch.", "Hiring for three senior roles.",
	"A talk for the spring conference season.", "Their migration onto our API.", "A book on engineering management."}

var externalNeeds = []string{"Speakers for their meetup.", "Referrals.", "A contact in our Data team.",
	"Advice on running on-call.", "Beta testers."}

var personNotes = []string{
	"Prefers a message to a meeting.",
	"Met at the autumn offsite.",
	"Very direct; appreciates the same.",
	"Goes quiet when overloaded; check in gently.",
	"Knows the history of every legacy service.",
	"Came over in the Emberline acquisition.",
	"Part-time, Mondays to Thursdays.",
	"Mornings only: picks up the kids at three.",
	"Big on written proposals.",
	"Runs the internal book club.",
}

var tieNotes = map[model.TieKind][]string{
	model.TieCloseTo:    {"Sit next to each other", "Came up together from support", "Same running club", "Old friends from a previous job"},
	model.TieInfluences: {"Their opinion carries in planning", "Mentors them informally", "Reviews all their proposals"},
	model.TieAtOddsWith: {"Disagreed over the roadmap", "Friction since the reorg", "Competing for the same headcount"},
}

// kinds of interaction each relation brings, with weights.
var kindMix = map[model.Relation][]weighted[model.InteractionKind]{
	model.RelationManager: {{model.KindMessage, 35}, {model.KindFeedback, 15}, {model.KindAsk, 15}, {model.KindHelpGiven, 10},
		{model.KindThanksPrivate, 8}, {model.KindHelpOffered, 10}, {model.KindCoffee, 7}},
	model.RelationSkipLevel: {{model.KindExploratory, 20}, {model.KindMessage, 25}, {model.KindAsk, 15}, {model.KindFeedback, 10},
		{model.KindThanksPrivate, 10}, {model.KindCoffee, 15}, {model.KindOther, 5}},
	model.RelationTeamMate: {{model.KindMessage, 25}, {model.KindHelpGiven, 18}, {model.KindThanksPublic, 12}, {model.KindCoffee, 12},
		{model.KindFeedback, 8}, {model.KindLunch, 10}, {model.KindAsk, 8}, {model.KindHelpOffered, 5}, {model.KindThanksPrivate, 2}},
	model.RelationDirectReport: {{model.KindOneOnOne, 30}, {model.KindHelpGiven, 20}, {model.KindFeedback, 15}, {model.KindMessage, 15},
		{model.KindThanksPublic, 10}, {model.KindCoffee, 5}, {model.KindThanksPrivate, 5}},
	model.RelationPeer: {{model.KindCoffee, 20}, {model.KindMessage, 25}, {model.KindHelpGiven, 12}, {model.KindExploratory, 8},
		{model.KindLunch, 8}, {model.KindAsk, 10}, {model.KindThanksPrivate, 7}, {model.KindThanksPublic, 4}, {model.KindHelpOffered, 4},
		{model.KindIntroduction, 2}},
	model.RelationLeader: {{model.KindExploratory, 25}, {model.KindMessage, 25}, {model.KindCoffee, 15}, {model.KindAsk, 10},
		{model.KindThanksPrivate, 10}, {model.KindFeedback, 5}, {model.KindOther, 10}},
	model.RelationMentor: {{model.KindCoffee, 30}, {model.KindLunch, 20}, {model.KindAsk, 25}, {model.KindThanksPrivate, 10},
		{model.KindMessage, 15}},
	model.RelationSponsor: {{model.KindCoffee, 25}, {model.KindOneOnOne, 10}, {model.KindThanksPrivate, 15}, {model.KindAsk, 15},
		{model.KindMessage, 25}, {model.KindExploratory, 10}},
	model.RelationClient: {{model.KindMessage, 30}, {model.KindCoffee, 10}, {model.KindLunch, 15}, {model.KindHelpGiven, 25},
		{model.KindIntroduction, 10}, {model.KindThanksPrivate, 10}},
	model.RelationExternal: {{model.KindMessage, 40}, {model.KindCoffee, 20}, {model.KindLunch, 10}, {model.KindIntroduction, 10},
		{model.KindHelpGiven, 10}, {model.KindAsk, 10}},
	model.RelationOther: {{model.KindThanksPrivate, 25}, {model.KindThanksPublic, 10}, {model.KindMessage, 25}, {model.KindHelpGiven, 15},
		{model.KindCoffee, 15}, {model.KindOther, 10}},
}

// Summary templates: {n} is the main person's first name, {o} and {p} the
// others', {t} a topic from the main person's world.
var summaries = map[model.InteractionKind][]string{
	model.KindCoffee: {"Coffee with {n}: talked about {t}", "Coffee with {n}; mostly listened, {t} is weighing on them",
		"Quick coffee with {n} about {t}", "Walk-and-talk coffee with {n}", "Coffee with {n}: what they need for {t}"},
	model.KindOneOnOne: {"1:1 with {n}: {t}", "1:1 with {n}, went through {t}", "1:1: {n} wanted an update on {t}",
		"1:1 with {n}: career goals, then {t}"},
	model.KindExploratory: {"Asked {n} what they need this quarter and how I can help", "Exploratory chat with {n}: what would success on {t} look like?",
		"Asked {n} what is hardest about {t} right now", "Exploratory with {n}: their plans for {t}"},
	model.KindHelpOffered: {"Offered to help {n} with {t}", "Offered {n} a review of their work on {t}", "Offered to pair with {n} on {t}"},
	model.KindHelpGiven: {"Helped {n} with {t}", "Reviewed {n}'s doc on {t}", "Paired with {n} on {t} for an afternoon",
		"Unblocked {n} on {t}", "Answered {n}'s questions about {t}"},
	model.KindThanksPrivate: {"Sent {n} a thank-you note for their help with {t}", "Thanked {n} privately for covering for me",
		"Thanked {n} for the advice on {t}", "Thanked {n} for their patience on {t}"},
	model.KindThanksPublic: {"Thanked {n} at the all-hands for the work on {t}", "Shout-out to {n} in #kudos for {t}",
		"Emailed {n}'s manager praising their work on {t}", "Credited {n} in the weekly update for {t}"},
	model.KindIntroduction: {"Introduced {n} to {o}: both working on {t}", "Introduced {n} to {o} about {t}",
		"Put {n} in touch with {o} for advice on {t}"},
	model.KindAsk: {"Asked {n} for advice on {t}", "Asked {n} to review my proposal on {t}", "Asked {n} for a favour: an extra pair of eyes on {t}",
		"Asked {n} for an introduction to someone who knows {t}"},
	model.KindFeedback: {"Gave {n} feedback on {t}", "{n} gave me feedback on {t}", "Asked {n} for feedback on how I handled {t}"},
	model.KindLunch:    {"Lunch with {n}", "Lunch with {n}; talked about {t}", "Lunch with {n}: mostly not about work"},
	model.KindMessage: {"Sent {n} a note about {t}", "{n} pinged me about {t}; answered the same day", "Shared an article on {t} with {n}",
		"Checked in with {n} on chat", "Congratulated {n} on shipping {t}"},
	model.KindOther: {"Ran into {n} at the offsite", "Sat next to {n} at quarterly planning", "Bumped into {n} in the lift; chatted about {t}"},
}

var groupSummaries = map[model.InteractionKind][]string{
	model.KindThanksPublic: {"Thanked {n} and {o} at the all-hands for the work on {t}", "Shout-out to {n} and {o} in #kudos for {t}"},
	model.KindLunch:        {"Lunch with {n} and {o}", "Team lunch with {n} and {o}; talked about {t}"},
	model.KindCoffee:       {"Coffee with {n} and {o} about {t}"},
}

var trioSummaries = []string{"Thanked {n}, {o} and {p} at the all-hands for {t}", "Shout-out to {n}, {o} and {p} in #kudos for {t}"}

var interactionNotes = []string{
	"Mostly listened.", "Follow up in two weeks.", "Under pressure from above; offered help.",
	"Good energy; worth a coffee next month.", "Mentioned they might move teams.", "Asked about my plans; kept it short.",
	"They'd like to be kept in the loop.", "Promised nothing; said I'd think about it.",
}

var managerTopics = []string{"the on-call rota", "my readiness for the EM role", "Kenji's onboarding", "the Q3 plan",
	"the Platform/Infrastructure split", "hiring for the SRE role", "feedback from calibration", "the broker migration",
	"Aisha's promotion case", "the incident review", "the capacity model", "what Helena is hearing about Platform"}

var mineWhat = []string{
	"Send {n} my notes on {t}", "Review {n}'s proposal on {t}", "Find {n} a reviewer for {t}", "Get {n} the numbers on {t}",
	"Put {n} in touch with the right person for {t}", "Pair with {n} on {t} for an afternoon", "Share my write-up on {t} with {n}",
	"Book a follow-up coffee with {n}", "Send {n} the slides from my talk", "Recommend {n} a book on management",
	"Answer {n}'s questions about {t} in writing", "Draft the Platform section of {n}'s doc on {t}",
}

var theirsWhat = []string{
	"Send me the draft on {t}", "Introduce me to someone who worked on {t}", "Feedback on my proposal for {t}",
	"Share the dashboard for {t}", "Add me to the review of {t}", "Send the notes from the meeting on {t}",
	"Look over my slides", "Tell me how the decision on {t} went", "Put in a word for me about {t}",
}

var externalMineWhat = []string{
	"Send {n} my notes on {t}", "Introduce {n} to someone in our Data team", "Recommend a speaker to {n}",
	"Refer a senior engineer to {n}", "Book a follow-up coffee with {n}", "Send {n} the slides from my talk",
}

var externalTheirsWhat = []string{
	"Send me the speaker guidelines", "Introduce me to their head of platform", "Share their notes on {t}",
	"Tell me when the next meetup is", "Send me the job description", "Share how they run on-call",
}

// shared is a topic of the private log with its sensitivity.
type shared struct {
	topic string
	sens  model.Sensitivity
}

var disclosureTopics = []weighted[shared]{
	{shared{"Training for a marathon", model.SensitivityLow}, 3},
	{shared{"Moving house in the spring", model.SensitivityLow}, 3},
	{shared{"Learning to play the cello", model.SensitivityLow}, 2},
	{shared{"Looking after an elderly parent", model.SensitivityMedium}, 2},
	{shared{"Thinking about a sabbatical", model.SensitivityMedium}, 2},
	{shared{"Expecting a second child", model.SensitivityMedium}, 1},
	{shared{"Burnt out after the launch", model.SensitivityHigh}, 1},
	{shared{"Had a call with a recruiter", model.SensitivityHigh}, 1},
}

// fill replaces {n}, {o}, {p} and {t} in template.
func fill(template, n, o, p, t string) string {
	var b strings.Builder
	b.Grow(len(template) + len(n) + len(t) + 8)
	for i := 0; i < len(template); i++ {
		if template[i] == '{' && i+2 < len(template) && template[i+2] == '}' {
			switch template[i+1] {
			case 'n':
				b.WriteString(n)
			case 'o':
				b.WriteString(o)
			case 'p':
				b.WriteString(p)
			case 't':
				b.WriteString(t)
			default:
				b.WriteString(template[i : i+3])
			}
			i += 2
			continue
		}
		b.WriteByte(template[i])
	}
	return b.String()
}

// asciiFold maps the letters with diacritics used in the name lists to
// plain ASCII.
var asciiFold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'å': "a", 'ã': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ę': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ı': "i",
	'ñ': "n", 'ń': "n",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'ø': "o", 'õ': "o", 'ő': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y",
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ł': "l", 'ś': "s", 'ş': "s", 'š': "s",
	'ğ': "g", 'ž': "z", 'ź': "z", 'ż': "z", 'đ': "d", 'ð': "d", 'þ': "th",
}

// emailPart turns a name into the local part of an address: lower case,
// ASCII, no spaces or apostrophes ("Zoë" → "zoe", "van der Berg" →
// "vanderberg", "O'Brien" → "obrien").
func emailPart(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-':
			if b.Len() > 0 {
				b.WriteRune(r)
			}
		default:
			b.WriteString(asciiFold[r])
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "someone"
	}
	return s
}
