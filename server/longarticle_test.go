package main

import (
	"math/rand/v2"
	"strings"
)

// longArticle returns an English news text of about n bytes (never more)
// written for the cancellation tests: paragraphs of three to six sentences
// drawn from templates written for this file, with names, places, numbers
// and dates varied by a seeded generator, so the text is the same on every
// run but does not repeat itself the way a pasted paragraph would (the
// analysers see new names, quotes, dates and figures all along).
func longArticle(n int) string {
	r := rand.New(rand.NewPCG(9, 26))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	fill := func(t string) string {
		var b strings.Builder
		for {
			i := strings.IndexByte(t, '{')
			if i < 0 {
				b.WriteString(t)
				return b.String()
			}
			j := strings.IndexByte(t[i:], '}') + i
			b.WriteString(t[:i])
			switch t[i+1 : j] {
			case "person":
				b.WriteString(pick(firstNames) + " " + pick(lastNames))
			case "last":
				b.WriteString(pick(lastNames))
			case "city":
				b.WriteString(pick(cities))
			case "country":
				b.WriteString(pick(countries))
			case "org":
				b.WriteString(pick(orgs))
			case "role":
				b.WriteString(pick(roles))
			case "day":
				b.WriteString(pick(days))
			case "month":
				b.WriteString(pick(months))
			case "n":
				b.WriteString(itoa(2 + r.IntN(97)))
			case "big":
				b.WriteString(itoa(100 + r.IntN(9900)))
			case "year":
				b.WriteString(itoa(1990 + r.IntN(40)))
			case "date":
				b.WriteString(pick(months) + " " + itoa(1+r.IntN(28)))
			case "pct":
				b.WriteString(itoa(1+r.IntN(40)) + "." + itoa(r.IntN(10)) + " percent")
			case "topic":
				b.WriteString(pick(topics))
			case "verb":
				b.WriteString(pick(saidVerbs))
			}
			t = t[j+1:]
		}
	}
	var b strings.Builder
	b.Grow(n)
	for {
		var p strings.Builder
		for range 3 + r.IntN(4) {
			if p.Len() > 0 {
				p.WriteByte(' ')
			}
			p.WriteString(fill(pick(sentenceTemplates)))
		}
		p.WriteString("\n\n")
		if b.Len()+p.Len() > n {
			return strings.TrimSpace(b.String())
		}
		b.WriteString(p.String())
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d [20]byte
	i := len(d)
	for ; n > 0; n /= 10 {
		i--
		d[i] = byte('0' + n%10)
	}
	return string(d[i:])
}

var (
	firstNames = []string{"Ellen", "Marcus", "Priya", "Tomasz", "Aisha", "Daniel", "Mei", "Olu", "Sofia", "Henrik",
		"Grace", "Rafael", "Nadia", "Kwame", "Laura", "Yusuf", "Claire", "Ivan", "Hana", "Patrick"}
	lastNames = []string{"Park", "Okafor", "Lindqvist", "Moreau", "Sharma", "Kowalski", "Brennan", "Tanaka",
		"Haddad", "Fischer", "Mensah", "Castillo", "O'Neill", "Novak", "Adeyemi", "Reyes", "Whitfield", "Chen"}
	cities = []string{"Harbourton", "Springfield", "Lisbon", "Nairobi", "Osaka", "Leeds", "Toronto", "Kraków",
		"Valparaíso", "Dublin", "Pune", "Marseille", "Brisbane", "Accra", "Denver"}
	countries = []string{"Portugal", "Kenya", "Japan", "Canada", "Poland", "Chile", "Ireland", "India",
		"France", "Australia", "Ghana", "Norway", "Brazil", "Germany"}
	orgs = []string{"the city council", "the Ministry of Transport", "Northwind Energy", "the central bank",
		"the regional health authority", "Atlas Logistics", "the university hospital", "the teachers' union",
		"the port authority", "Meridian Airlines", "the national statistics office", "Greenfield Foods"}
	roles = []string{"the mayor", "a spokeswoman for the ministry", "the company's chief executive",
		"a local shopkeeper", "the union's general secretary", "an economist at the university",
		"the head of the fire service", "a senior police officer", "the opposition leader", "a resident"}
	days   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
	topics = []string{"the new bridge", "the bus network", "rents in the old town", "the hospital waiting lists",
		"the harbour expansion", "school meals", "the drought", "the wind farm", "the tram line", "fuel prices",
		"the housing plan", "the river clean-up", "the night trains", "the budget for libraries"}
	saidVerbs = []string{"said", "told reporters", "said in a statement", "added", "wrote on its website", "warned"}

	sentenceTemplates = []string{
		"{org} voted on {day} to approve {topic}, {person} {verb}.",
		"\"We have waited {n} years for this,\" {role} {verb} in {city}.",
		"The plan will cost ${big} million and is due to open in {month} {year}, according to {org}.",
		"Prices rose by {pct} in the year to {month}, the fastest pace since {year}.",
		"{person}, who has led {org} since {year}, declined to comment on {topic}.",
		"Critics say {topic} has been delayed {n} times and that residents of {city} were never asked.",
		"On {date}, about {big} people marched through the centre of {city} to protest against {topic}.",
		"\"It is not enough, and it comes too late,\" said {person}, a teacher from {city}.",
		"The report, published on {day}, found that {n} of every 100 households in {country} struggle to pay for energy.",
		"Talks between {org} and the government resumed last week after a pause of {n} days.",
		"Mr. {last} told the committee that the figures would be revised before the end of {month}.",
		"Ms. {last} said the company expected sales to grow by {pct} next year.",
		"Shares in {org} fell {pct} in early trading in {city} after the announcement.",
		"Rain is expected to return to {city} by {day}, forecasters said, easing fears about {topic}.",
		"Two weeks ago the minister promised a decision on {topic} within a month.",
		"Will the money arrive in time? {role} was not sure.",
		"In {year}, a similar scheme in {country} was abandoned after costs doubled.",
		"The council has set aside ${n}.{n} million for repairs, which will start in the spring.",
		"\"Nobody here wants to lose the station,\" {person} said, standing outside the shuttered ticket office.",
		"The inquiry heard evidence from {n} witnesses over {n} days, including engineers from {org}.",
		"Officials in {country} said they were watching {topic} in {city} closely.",
		"According to the national statistics office, unemployment fell to {pct} in {month}.",
		"The vote passed by {n} votes to {n}, with several members abstaining.",
		"{person} of {org} said the delay was caused by a shortage of steel and skilled workers.",
		"Local businesses, from bakeries to bicycle shops, say the roadworks have cut their takings by a third.",
		"The first trains are scheduled to run on {date}, three months later than planned.",
		"Since {year}, the population of {city} has grown by more than {big} people.",
		"Asked whether she would resign, {role} said: \"My job is to finish what we started.\"",
		"The agreement still needs the approval of parliament, which returns from its recess on {day}.",
		"Every weekday morning, some {big} commuters cross the river by ferry.",
		"Environmental groups welcomed the decision but warned that {topic} must not come at the cost of the wetlands.",
		"A spokesman for {org} said the company would appeal against the ruling.",
		"Last {month}, the regulator fined three suppliers a total of ${n} million.",
		"The mayor, {person}, will meet residents at the town hall on {day} evening.",
		"Police said a {n}-year-old man had been arrested and later released on bail.",
		"The hospital treated {big} patients in its emergency department last winter, a record.",
		"Farmers near {city} say the dry summer has halved their harvest of wheat and barley.",
		"Tickets will cost between ${n} and ${n}, and children under five travel free.",
		"The ministry did not say when the results of the review would be made public.",
		"For now, the old bridge remains open to pedestrians and cyclists only.",
	}
)
