package gensite

// Word lists for Finnish-looking and English-looking text. The Finnish
// words are real words of public administration with ä and ö, so slugs,
// heading IDs and typography see the characters real content has.

var fiWords = []string{
	"avoin", "hallinto", "kunta", "kuntalainen", "asukas", "osallistuminen", "osallisuus", "dialogi",
	"keskustelu", "luottamus", "päätöksenteko", "valmistelu", "toimintaohjelma", "sitoumus", "toimenpide",
	"hyvinvointialue", "ministeriö", "virasto", "järjestö", "kansalaisyhteiskunta", "nuoret", "lapset",
	"ikääntyneet", "palvelu", "julkinen", "digitaalinen", "selkeä", "kieli", "selkokieli", "viestintä",
	"tieto", "avoin data", "tietopohja", "tutkimus", "kokeilu", "innovaatio", "kehittäminen", "arviointi",
	"ennakointi", "tulevaisuus", "yhteistyö", "verkosto", "kumppanuus", "vuorovaikutus", "kuuleminen",
	"lausunto", "aloite", "äänestys", "vaalit", "demokratia", "yhdenvertaisuus", "saavutettavuus",
	"läpinäkyvyys", "vastuullisuus", "ymmärrettävyys", "kokemus", "oppiminen", "osaaminen", "koulutus",
	"työpaja", "tilaisuus", "kysely", "palaute", "tulos", "vaikutus", "tavoite", "mittari", "seuranta",
	"raportti", "suositus", "periaate", "käytäntö", "malli", "menetelmä", "työkalu", "alusta", "sivusto",
	"verkkopalvelu", "sovellus", "asiakas", "käyttäjä", "työntekijä", "virkamies", "päättäjä", "valtuusto",
	"hallitus", "eduskunta", "lainsäädäntö", "ohjelma", "hanke", "rahoitus", "budjetti", "resurssi",
	"alue", "maakunta", "kaupunki", "kylä", "yhteisö", "ryhmä", "kohtaaminen", "kuunteleminen",
	"jakaminen", "levittäminen", "vahvistaa", "edistää", "tukee", "kehittää", "kokoaa", "yhdistää",
	"parantaa", "lisää", "helpottaa", "mahdollistaa", "tarjoaa", "kertoo", "näyttää", "selvittää",
	"hyödyntää", "arvioi", "kokeilee", "jakaa", "kutsuu", "kuulee", "ottaa", "mukaan", "yhdessä",
	"paikallisesti", "kansallisesti", "alueellisesti", "kansainvälisesti", "avoimesti", "nopeasti",
	"pysyvästi", "jatkuvasti", "myös", "sekä", "että", "jotta", "koska", "kun", "ja", "tai", "sekä",
	"uusi", "hyvä", "tärkeä", "yhteinen", "laaja", "pieni", "suuri", "monipuolinen", "käytännöllinen",
	"ennakoiva", "luotettava", "turvallinen", "kestävä", "vihreä", "älykäs", "nykyinen", "entinen",
	"kokemusasiantuntija", "vertaistuki", "lähidemokratia", "osallistava budjetointi", "asukasraati",
	"kansalaisraati", "yhteiskehittäminen", "palvelumuotoilu", "tekoäly", "algoritmi", "etiikka",
	"disinformaatio", "medialukutaito", "kriisi", "varautuminen", "pandemia", "poikkeusaika",
}

var enWords = []string{
	"open", "government", "municipality", "resident", "citizen", "participation", "inclusion", "dialogue",
	"conversation", "trust", "decision-making", "preparation", "action plan", "commitment", "measure",
	"wellbeing services county", "ministry", "agency", "organisation", "civil society", "young people",
	"children", "older people", "service", "public", "digital", "plain", "language", "communication",
	"information", "open data", "knowledge base", "research", "experiment", "innovation", "development",
	"evaluation", "foresight", "future", "cooperation", "network", "partnership", "interaction",
	"consultation", "statement", "initiative", "vote", "elections", "democracy", "equality",
	"accessibility", "transparency", "accountability", "understandability", "experience", "learning",
	"competence", "training", "workshop", "event", "survey", "feedback", "result", "impact", "goal",
	"indicator", "monitoring", "report", "recommendation", "principle", "practice", "model", "method",
	"tool", "platform", "website", "online service", "application", "customer", "user", "employee",
	"civil servant", "decision-maker", "council", "government", "parliament", "legislation", "programme",
	"project", "funding", "budget", "resource", "region", "city", "village", "community", "group",
	"encounter", "listening", "sharing", "diffusion", "strengthens", "promotes", "supports", "develops",
	"brings together", "connects", "improves", "increases", "eases", "enables", "offers", "tells",
	"shows", "explores", "uses", "assesses", "tests", "shares", "invites", "hears", "involves",
	"together", "locally", "nationally", "regionally", "internationally", "openly", "quickly",
	"permanently", "continuously", "also", "and", "that", "so that", "because", "when", "or", "with",
	"new", "good", "important", "common", "broad", "small", "large", "versatile", "practical",
	"anticipatory", "reliable", "safe", "sustainable", "green", "smart", "current", "former",
	"expert by experience", "peer support", "local democracy", "participatory budgeting", "residents' panel",
	"citizens' jury", "co-creation", "service design", "artificial intelligence", "algorithm", "ethics",
	"disinformation", "media literacy", "crisis", "preparedness", "pandemic", "lockdown",
	"the", "of", "in", "for", "to", "a", "on", "by", "their", "its",
}

var fiOrganisations = []string{
	"Valtiovarainministeriö", "Oikeusministeriö", "Opetus- ja kulttuuriministeriö", "Sosiaali- ja terveysministeriö",
	"Helsingin kaupunki", "Tampereen kaupunki", "Oulun kaupunki", "Turun kaupunki", "Jyväskylän kaupunki",
	"Espoon kaupunki", "Vantaan kaupunki", "Kuopion kaupunki", "Pirkanmaan hyvinvointialue",
	"Varsinais-Suomen hyvinvointialue", "Lapin hyvinvointialue", "Digi- ja väestötietovirasto",
	"Kansalaisareena ry", "Dialogiakatemia", "Suomen Kuntaliitto", "Kielitoimisto", "Sitra",
	"Ruotsin hallitus", "Norjan digitalisaatiovirasto", "Irlannin pääministerin kanslia", "Gipuzkoan maakuntahallinto",
}

var enOrganisations = []string{
	"Ministry of Finance", "Ministry of Justice", "Ministry of Education and Culture", "Ministry of Social Affairs and Health",
	"City of Helsinki", "City of Tampere", "City of Oulu", "City of Turku", "City of Jyväskylä",
	"City of Espoo", "City of Vantaa", "City of Kuopio", "Pirkanmaa Wellbeing Services County",
	"Southwest Finland Wellbeing Services County", "Lapland Wellbeing Services County", "Digital and Population Data Services Agency",
	"Kansalaisareena", "Dialogue Academy", "Association of Finnish Municipalities", "Language Planning Office", "Sitra",
	"Government of Sweden", "Norwegian Digitalisation Agency", "Department of the Taoiseach", "Provincial Council of Gipuzkoa",
}

// Vocabulary ids of content/_vocabularies.toml.
var (
	themeIDs      = []string{"dialogue", "participation", "democracy", "trust", "plain-language", "public-services", "digital-services", "disinformation", "open-data", "civil-society", "youth", "artificial-intelligence", "anticipatory-governance", "foresight", "experimentation", "research"}
	levelIDs      = []string{"national", "regional", "wellbeing-services-county", "municipal", "multi-level"}
	principleIDs  = []string{"embrace-innovation", "equip-public-servants", "partnerships-voices", "exploration-testing", "diffuse-lessons"}
	stageIDs      = []string{"identification", "ideas", "proposals", "implementation", "evaluation", "diffusion"}
	statusIDs     = []string{"planned", "ongoing", "completed"}
	countryIDs    = []string{"FI", "SE", "NO", "IE", "ES"}
	countryWeight = []int{70, 8, 8, 7, 7} // most practices are Finnish
)

var fiHeadings = []string{
	"Mistä on kyse", "Miten se toimii", "Miten työ etenee", "Mitä muut voivat oppia",
	"Tulokset", "Taustaa", "Kenelle", "Miksi tämä on tärkeää?", "Seuraavat askeleet",
}

var enHeadings = []string{
	"What it is", "How it works", "How the work is progressing", "What others can learn",
	"Results", "Background", "Who it is for", "Why this matters", "Next steps",
}
