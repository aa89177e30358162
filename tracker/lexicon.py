"""Word lists that claim analysis (tracker.text), judging (tracker.judge, tracker.parts) and
attribution (tracker.extract) share.

One place to add an abbreviation, a hedge, a denial word, a country's names or a group of
people. Where two uses need different lists, both are here side by side, named for their use,
with the reason they differ.
"""

from __future__ import annotations

import re

from tracker.patterns import lazy

__all__ = [
    "ABBREVIATIONS",
    "ACTOR_GROUPS",
    "CAPITALS",
    "CONCEPT_ANTONYMS",
    "CONVERSE_CONCEPTS",
    "COUNTED_OUTCOMES",
    "DENIAL_LABELS",
    "DENIAL_RATINGS",
    "DISMISSALS",
    "DISMISSED_WORDS",
    "ENTITY_ALIASES",
    "GENERIC_FILLERS",
    "GENERIC_SPEAKER_INSTITUTIONS",
    "GENERIC_SPEAKER_PEOPLE",
    "GENERIC_SPEAKER_QUALIFIERS",
    "HEDGES_IN_ATTRIBUTION",
    "HEDGES_IN_CLAIMS",
    "HONORIFIC_GENDERS",
    "IDENTIFIER_NOUNS",
    "IRREGULAR_FORMS",
    "MONTHS",
    "MULTIWORD_ALIASES",
    "NEGATIVE_CONCEPTS",
    "NUMBER_ABBREVIATIONS",
    "PLACE_PREPOSITIONS",
    "PROSPECTIVE",
    "RECIPROCAL_ACTS",
    "SLOT_FILLERS_TO_SKIP",
    "STEM_EXCEPTIONS",
    "SYMMETRIC_ACTS",
    "SYNONYM_PHRASES",
    "SYNONYM_WORDS",
    "TITLE_ABBREVIATIONS",
    "WEEKDAYS",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The words of a word list written as one whitespace-separated string."""
    return frozenset(text.split())


# ---------------------------------------------------------------- audiences and outlets

# Words by which a name reads as a news outlet's (its last word, or "Radio …" first): the
# reporter of a clause ("…, the Northern Herald reports"), which is its `via`, not its speaker.
OUTLET_NAME_WORDS = words("""
herald times post news courier tribune journal gazette telegraph chronicle guardian observer
independent express mail mirror standard dispatch inquirer bulletin daily weekly radio tv
television broadcaster broadcasting channel newspaper paper magazine press wire reuters afp ap
bloomberg bbc cnn xinhua tass pti ani interfax yonhap kyodo nhk
""")
# Head nouns of whom a speaker told or spoke to that are an audience, not a link in the
# reporting chain: "told reporters", "told parliament", "told a rally" (but "told the BBC",
# "told Rubio", "to local television" are whom it reached us through: `via`).
AUDIENCE_NOUNS = words("""
reporters journalists newsmen correspondents press parliament congress senate house assembly
lawmakers legislators senators mps deputies council committee panel hearing court judge jury
tribunal commission inquiry supporters followers crowd crowds rally rallies audience audiences
gathering meeting conference briefing summit delegates students workers voters residents
protesters demonstrators troops soldiers members colleagues staff employees nation people
citizens villagers farmers mourners worshippers congregation party cabinet
""")


# ---------------------------------------------------------------- abbreviations

# Abbreviated titles before a name, whose period ends no sentence: "Sen. Warren", "Dr. Fauci".
TITLE_ABBREVIATIONS = words("mr mrs ms dr sen rep gov gen lt col sgt capt adm st jr sr rev prof")
# Every abbreviation whose period ends no sentence ("Jan. 6", "U.S."), without that period.
ABBREVIATIONS = TITLE_ABBREVIATIONS | words(
    """vs inc corp co ltd mt ft fig approx est jan feb mar apr jun jul aug sep sept oct nov
    dec u.s u.k u.n d.c e.g i.e"""
)

# Abbreviations only before a number: "ranked No. 1", but "He said no. Then he left."
NUMBER_ABBREVIATIONS = words("no")

# ---------------------------------------------------------------- hedges

# Adverbs by which a writer keeps a distance from what they report: "Dar reportedly told".
HEDGES_IN_ATTRIBUTION = ("reportedly", "allegedly", "apparently", "purportedly", "supposedly")
# Words that leave a claim unsettled, in normalised text: the attribution hedges and far more
# ("may", "sources say", "viral video"). Beside a reporting verb most of these belong to the
# content, not to the attribution ("said the plan could fail"), hence two lists.
HEDGES_IN_CLAIMS = lazy(
    r"\b(?:" + "|".join(HEDGES_IN_ATTRIBUTION) + r"|alleged|presumably|possibly"
    r"|probably|likely|unlikely|perhaps|maybe|may|might|could|rumou?rs?|rumou?red"
    r"|unconfirmed|unverified|claims?|claimed|claiming|according to|report:|reports? (?:say|said|claim|suggest)s?"
    r"|sources?(?= ?:)|(?<=: )sources?|sources? (?:says?|said|suggests?|tells?|told)|believed to|said to be|(?:is|are|was|were) said to|thought to|analysts? (?:says?|said|sees?|expects?|predicts?)|suspected|speculat\w+"
    r"|appears? to|seems? to|(?:is|are|was|were) expected to"
    r"|hints?|hinted|suggests?|suggested|if true|so-called|may have|could have|might have"
    r"|investigat(?!ors?\b)\w+|probe|probing|questions?|mystery|confusion|viral|video shows?"
    r"|photos? shows?|purported|purports? to"
    # reportative: "Cook said to confirm …", "Apple reported to be near …" (not "said to reporters")
    r"|(?:reported|said|tipped|understood) to(?! (?:me|him|her|them|us|you|the|a|an|his|their|reporters|journalists)\b)"
    # a forecast or a possibility is no report of what is: "Munster predicts $499", "possible attack"
    r"|predicts?|predicted|forecasts?|forecasted|pegs|(?<!as )(?<!made )possible(?! to\b)"
    # a report named as the source: "new report tips …", "on reports of …", "… - report"
    r"|(?:new|media|news|press|latest|local|unconfirmed|conflicting|several|some|early|initial) reports?"
    r"|on reports?(?= (?:of|that)\b)|(?<!progress )(?<!to )report(?=\s*[.!]?\s*$))\b"
)

# Predicates by which a report says an act is attempted, negotiated or weighed, not done:
# "Microsoft trying to buy Mojang", "in talks to acquire", "considering opening", "near a
# deal to buy". Over the act another side claims, they only discuss it (Emergent's
# "observing"). Plans and intentions ("plans to", "set to", "intends to") are left out: they
# say what a claim about the future ("will introduce") says. The group "act" is where the
# act begins.
PROSPECTIVE = lazy(
    r"\b(?:(?:try|tries|trying|tried|attempt(?:s|ing|ed)?|seek(?:s|ing)?|sought|bid(?:s|ding)?"
    r"|look(?:s|ing)|aim(?:s|ing|ed)?|struggl(?:es|ing|ed)|scrambl(?:es|ing|ed)|push(?:es|ing)"
    r"|(?:in|holds?|holding|opens?|opened)\s+(?:\w+\s+)?(?:talks|discussions|negotiations)"
    r"|negotiat(?:es|ing|ed)|near(?:s|ing)?\s+(?:a\s+)?deal|close\s+to\s+(?:a\s+)?deal)\s+to"
    r"|near(?:s|ing)?|close to|consider(?:s|ing|ed)?|mull(?:s|ing|ed)?|weigh(?:s|ing|ed)?"
    r"|explor(?:es|ing|ed)|eye(?:s|ing|ed)?|ponder(?:s|ing|ed)?|thinking (?:of|about))\s+(?P<act>[a-z])"
)

# ---------------------------------------------------------------- denials

# Labels by which a text calls a claim false, in normalised text, fact-check style: "hoax",
# "photoshopped", "doubts about". They count only as a predicate ("is a hoax", "hoax:").
DENIAL_LABELS = lazy(
    r"\b(?:hoax(?:es|er|ers)?|fake|fakes|faked|fabricated|fabrication|false|falsely|untrue"
    r"|not true|baseless|bogus|debunk(?:ed|s|ing)?|myth|myths|nope|prank|satire|satirical"
    r"|fraud|fraudulent|phony|phoney|made up|misleading|no evidence|no truth|unfounded"
    r"|rumou?r (?:is )?false|not real|isn't real|isn't true|wasn't true|setting the record straight"
    r"|set the record straight|doctored|photoshopped|spoof|scam|made (?:it|\w+|the \w+)(?: all)? up"
    r"|doubts? (?:that|whether|about|over|on)|cast(?:s|ing)? doubts?|rais(?:es|ed|ing) doubts?|doubtful"
    r"|troll(?:ed|s|ing)|duped|dupes|fooled|misinformation|erroneous|libel|bs)\b"
)
# Verbs that dismiss a rumour or report named beside them, which they deny as a label does:
# "Snyder kills stolen Batmobile rumour", "shoots down reports", "pokes fun at the claims",
# "the rumour was put to rest". With another object they are acts ("killed the soldier").
DISMISSALS = lazy(
    r"\b(?:kill(?:s|ed|ing)?|squash(?:es|ed|ing)?|squelch(?:es|ed|ing)?|scotch(?:es|ed|ing)?"
    r"|shoot(?:s|ing)? down|shot down|put(?:s|ting)? to rest|lays? to rest|laid to rest"
    r"|(?:makes?|made|making|pok(?:es|ed|ing)) fun (?:at|of)|mock(?:s|ed|ing)?|ridicul(?:es|ed|ing)"
    r"|laugh(?:s|ed|ing)? off|slap(?:s|ped)? down|knock(?:s|ed)? down)"
    r"\s+(?:(?:the|a|an|this|that|these|those|all|its|his|her|their)\s+)?(?:[a-z][\w'-]*\s+){0,3}?"
    r"(?:rumou?rs?|reports?|claims?|stor(?:y|ies)|speculation|allegations?)\b"
    r"|\b(?:rumou?rs?|reports?|claims?|stor(?:y|ies)|speculation)\s+(?:(?:is|are|was|were|been|gets?|got)\s+)?"
    r"(?:put|laid|finally put|finally laid) to rest\b"
)
# a word DISMISSALS needs, one of which a text must have for the pattern to be worth a scan
DISMISSED_WORDS = ("rumo", "report", "claim", "stor", "speculation", "allegation")
# Words by which a rating verb's complement calls its object false: "called the claims baseless".
# After "called" an opinion word ("lies", "wrong", "absurd") can only rate the object; as a label
# anywhere in a headline it may judge something else, and added to the labels these words move
# the judge's Emergent figures (up on dev, down on check): two lists until that is measured out.
DENIAL_RATINGS = lazy(
    r"\b(?:false|baseless|untrue|unfounded|groundless|bogus|fake|fabricated|lies?|"
    r"nonsense|ridiculous|absurd|not true|misleading|incorrect|wrong|fiction)\b",
    re.IGNORECASE,
)


# --- names of countries and who speaks for them -------------------------------------------
# country: its demonyms and short names | capitals and seats of government that news uses
# for its government ("New Delhi said", "the Kremlin denied"). A statement naming any of them names
# the country, so "Indian drones" and "India's drones" are one filler and "Pakistani" another.
_COUNTRIES = """
afghanistan: afghan afghans taliban-led | kabul
albania: albanian albanians | tirana
algeria: algerian algerians | algiers
andorra: andorran andorrans
angola: angolan angolans | luanda
antigua-and-barbuda: antigua antiguan antiguans
argentina: argentine argentinian argentinians | buenos-aires
armenia: armenian armenians | yerevan
australia: australian australians | canberra
austria: austrian austrians | vienna
azerbaijan: azerbaijani azerbaijanis | baku
bahamas: bahamian bahamians
bahrain: bahraini bahrainis | manama
bangladesh: bangladeshi bangladeshis | dhaka
barbados: barbadian barbadians bajan | bridgetown
belarus: belarusian belarusians | minsk
belgium: belgian belgians | brussels
belize: belizean belizeans | belmopan
benin: beninese | porto-novo
bhutan: bhutanese | thimphu
bolivia: bolivian bolivians | la-paz sucre
bosnia-and-herzegovina: bosnia bosnian bosnians | sarajevo
botswana: motswana batswana | gaborone
brazil: brazilian brazilians | brasilia
brunei: bruneian bruneians | bandar-seri-begawan
bulgaria: bulgarian bulgarians
burkina-faso: burkinabe | ouagadougou
burundi: burundian burundians | gitega
cabo-verde: cape-verde
cambodia: cambodian cambodians | phnom-penh
cameroon: cameroonian cameroonians | yaounde
canada: canadian canadians | ottawa
central-african-republic:  | bangui
chad: chadian chadians
chile: chilean chileans
china: chinese prc | beijing
colombia: colombian colombians | bogota
comoros: comoran comorans comorian comorians
costa-rica:
croatia: croatian croatians | zagreb
cuba: cuban cubans | havana
cyprus: cypriot cypriots | nicosia
czech-republic: czechia czech czechs | prague
democratic-republic-of-the-congo: drc congo-kinshasa | kinshasa
denmark: danish danes | copenhagen
djibouti: djiboutian djiboutians
dominica:  | roseau
dominican-republic: dominican dominicans | santo-domingo
ecuador: ecuadorian ecuadorians | quito
egypt: egyptian egyptians | cairo
el-salvador: salvadoran salvadorans salvadorean salvadoreans | san-salvador
equatorial-guinea: equatoguinean equatoguineans | malabo
eritrea: eritrean eritreans | asmara
estonia: estonian estonians | tallinn
eswatini: swaziland swazi swazis | mbabane
ethiopia: ethiopian ethiopians | addis-ababa
fiji: fijian fijians | suva
finland: finnish | helsinki
france: french | paris elysee
gabon: gabonese | libreville
gambia: gambian gambians | banjul
georgia: georgian georgians | tbilisi
germany: german germans | berlin
ghana: ghanaian ghanaians | accra
greece: greek greeks | athens
grenada: grenadian grenadians
guatemala: guatemalan guatemalans
guinea:  | conakry
guinea-bissau: bissau-guinean bissau-guineans | bissau
guyana: guyanese
haiti: haitian haitians
honduras: honduran hondurans | tegucigalpa
hungary: hungarian hungarians | budapest
iceland: icelandic icelanders | reykjavik
india: indian indians | delhi new-delhi
indonesia: indonesian indonesians | jakarta
iran: iranian iranians | tehran
iraq: iraqi iraqis | baghdad
ireland: irish | dublin
israel: israeli israelis
italy: italian italians | rome
ivory-coast: ivorian ivorians | yamoussoukro
jamaica: jamaican jamaicans
japan: japanese | tokyo
jordan: jordanian jordanians | amman
kazakhstan: kazakh kazakhs | astana
kenya: kenyan kenyans | nairobi
kiribati:  | tarawa
kosovo: kosovar kosovars | pristina
kuwait: kuwaiti kuwaitis
kyrgyzstan: kyrgyz | bishkek
laos: lao laotian laotians | vientiane
latvia: latvian latvians | riga
lebanon: lebanese | beirut
lesotho: basotho | maseru
liberia: liberian liberians | monrovia
libya: libyan libyans | tripoli
liechtenstein:  | vaduz
lithuania: lithuanian lithuanians | vilnius
luxembourg: luxembourgish luxembourger luxembourgers
madagascar: malagasy | antananarivo
malawi: malawian malawians | lilongwe
malaysia: malaysian malaysians | kuala-lumpur
maldives: maldivian maldivians
mali: malian malians | bamako
malta: maltese | valletta
marshall-islands: marshallese | majuro
mauritania: mauritanian mauritanians | nouakchott
mauritius: mauritian mauritians | port-louis
mexico: mexican mexicans
micronesia: micronesian micronesians | palikir
moldova: moldovan moldovans | chisinau
monaco: monegasque monegasques
mongolia: mongolian mongolians | ulaanbaatar
montenegro: montenegrin montenegrins | podgorica
morocco: moroccan moroccans | rabat
mozambique: mozambican mozambicans | maputo
myanmar: burma burmese | naypyidaw yangon
namibia: namibian namibians | windhoek
nauru: nauruan nauruans
nepal: nepali nepalese | kathmandu
netherlands: dutch holland | amsterdam
new-zealand:  | wellington
nicaragua: nicaraguan nicaraguans | managua
niger: nigerien nigeriens | niamey
nigeria: nigerian nigerians | abuja
north-korea: dprk | pyongyang
north-macedonia:  | skopje
norway: norwegian norwegians | oslo
oman: omani omanis | muscat
pakistan: pakistani pakistanis | islamabad
palau: palauan palauans
palestine: palestinian palestinians
panama: panamanian panamanians
papua-new-guinea:  | port-moresby
paraguay: paraguayan paraguayans | asuncion
peru: peruvian peruvians | lima
philippines: filipino filipinos | manila
poland: polish | warsaw
portugal: portuguese | lisbon
qatar: qatari qataris | doha
republic-of-the-congo: congo-brazzaville | brazzaville
romania: romanian romanians | bucharest
russia: russian russians | moscow kremlin
rwanda: rwandan rwandans | kigali
saint-kitts-and-nevis:  | basseterre
saint-lucia:  | castries
saint-vincent-and-the-grenadines:  | kingstown
samoa: samoan samoans | apia
san-marino: sammarinese
sao-tome-and-principe:
saudi-arabia: saudi saudis | riyadh
senegal: senegalese | dakar
serbia: serbian serbians serb serbs | belgrade
seychelles: seychellois
sierra-leone:  | freetown
singapore: singaporean singaporeans
slovakia: slovak slovaks slovakian slovakians | bratislava
slovenia: slovenian slovenians slovene slovenes | ljubljana
solomon-islands:  | honiara
somalia: somali somalis | mogadishu
south-africa:  | pretoria
south-korea:  | seoul
south-sudan:  | juba
spain: spanish spaniard spaniards | madrid
sri-lanka:  | colombo
sudan: sudanese | khartoum
suriname: surinamese | paramaribo
sweden: swedish swede swedes | stockholm
switzerland: swiss | bern
syria: syrian syrians | damascus
taiwan: taiwanese | taipei
tajikistan: tajik tajiks | dushanbe
tanzania: tanzanian tanzanians | dodoma
thailand: thai thais | bangkok
timor-leste: east-timor timorese | dili
togo: togolese | lome
tonga: tongan tongans
trinidad-and-tobago: trinidad trinidadian trinidadians | port-of-spain
tunisia: tunisian tunisians | tunis
turkey: turkish turkiye | ankara
turkmenistan: turkmen | ashgabat
tuvalu: tuvaluan tuvaluans | funafuti
uganda: ugandan ugandans | kampala
ukraine: ukrainian ukrainians | kyiv kiev
united-arab-emirates: uae emirati emiratis | abu-dhabi
united-kingdom: britain british uk | whitehall
united-states: american americans us usa america | washington
uruguay: uruguayan uruguayans | montevideo
uzbekistan: uzbek uzbeks | tashkent
vanuatu:  | port-vila
vatican: holy-see
venezuela: venezuelan venezuelans | caracas
vietnam: vietnamese | hanoi
yemen: yemeni yemenis | sanaa
zambia: zambian zambians | lusaka
zimbabwe: zimbabwean zimbabweans | harare
"""

# Countries whose names are also first names: before a surname ("Jordan Peterson", "Georgia
# Meloni", "Chad Smith") the name is a person's; alone ("Jordan said on Monday") the country's.
PERSON_NAME_COUNTRIES = words("jordan georgia chad")

# Organisations news names in several ways.
_ORGANISATIONS = """
islamic-state: isis isil daesh
european-union: eu
united-nations: un
nato: otan
"""

ENTITY_ALIASES: dict[str, str] = {}
# Capitals stand for their country as a speaker or actor ("New Delhi said"), but where a thing
# happened, a capital is a place like any other city ("talks in Doha" / "talks in Cairo").
CAPITALS: set[str] = set()
for _line in _ORGANISATIONS.strip().splitlines():
    _org, _names = _line.split(":")
    for _name in [_org, *_names.split()]:
        ENTITY_ALIASES[_name.replace("-", "")] = f"group:{_org}"
for _line in _COUNTRIES.strip().splitlines():
    _country, _names = _line.split(":")
    _short, _, _capitals = _names.partition("|")
    CAPITALS.update(_name.replace("-", "") for _name in _capitals.split())
    for _name in [_country, *_short.split(), *_capitals.split()]:
        ENTITY_ALIASES[_name.replace("-", "")] = f"country:{_country}"

# Names of more than one word, as tokens() spells them (hyphens joined, "'s" dropped).
MULTIWORD_ALIASES: dict[str, str] = {
    "new delhi": "country:india",  # a capital: see CAPITALS
    "indian government": "country:india",
    "government of india": "country:india",
    "pakistani government": "country:pakistan",
    "government of pakistan": "country:pakistan",
    "united states": "country:united-states",
    "the united states": "country:united-states",
    "u s": "country:united-states",
    "white house": "country:united-states",
    "state department": "country:united-states",
    "united kingdom": "country:united-kingdom",
    "downing street": "country:united-kingdom",
    "north korea": "country:north-korea",
    "north korean": "country:north-korea",
    "south korean": "country:south-korea",
    "south african": "country:south-africa",
    "south korea": "country:south-korea",
    "south africa": "country:south-africa",
    "saudi arabia": "country:saudi-arabia",
    "new zealand": "country:new-zealand",
    "sri lanka": "country:sri-lanka",
    "sri lankan": "country:sri-lanka",
    "czech republic": "country:czech-republic",
    "united arab emirates": "country:united-arab-emirates",
    "buenos aires": "country:argentina",
    "kuala lumpur": "country:malaysia",
    "phnom penh": "country:cambodia",
    "abu dhabi": "country:united-arab-emirates",
    "addis ababa": "country:ethiopia",
    "islamic state": "group:islamic-state",
    "european union": "group:european-union",
    "united nations": "group:united-nations",
    "u n": "group:united-nations",  # "U.N.", as "U.S." is "u s"
    "cape verde": "country:cabo-verde",
    "east timor": "country:timor-leste",
    "holy see": "country:vatican",
    "dr congo": "country:democratic-republic-of-the-congo",
    "south sudanese": "country:south-sudan",
    "costa rican": "country:costa-rica",
    "sierra leonean": "country:sierra-leone",
    "north macedonian": "country:north-macedonia",
}
# A country's or capital's name of several words is a phrase too ("Burkina Faso", "La Paz").
for _line in _COUNTRIES.strip().splitlines():
    _country, _names = _line.split(":")
    for _name in [_country, *_names.partition("|")[2].split()]:
        if "-" in _name:
            MULTIWORD_ALIASES.setdefault(_name.replace("-", " "), f"country:{_country}")

# --- the kinds of filler whose members exclude each other in one part of a claim ----------
# Groups of people that news names as those who acted or were acted on: "militants" and "the
# military", "civilians" and "soldiers" are never one another.
ACTOR_GROUPS: frozenset[str] = frozenset(
    """militants militant military army armies soldiers soldier troops police policemen
    officers civilians civilian rebels rebel insurgents insurgent terrorists terrorist
    fighters guerrillas separatists jihadists protesters protestors demonstrators students
    children women men journalists reporters doctors nurses workers farmers refugees migrants
    tourists pilgrims fishermen teachers patients prisoners hostages settlers villagers
    government opposition ministers lawmakers senators judges voters residents navy airforce
    paramilitaries militia militias""".split()
)
_MONTH_NAMES = "january february march april may june july august september october november december"
# Month names and their abbreviations, each mapped to the full name.
MONTHS: dict[str, str] = (
    {name: name for name in _MONTH_NAMES.split()}
    | {name[:3]: name for name in _MONTH_NAMES.split()}
    | {"sept": "september"}
)
WEEKDAYS: frozenset[str] = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Prepositions after which a country or group names where something happened.
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    "in at near over across outside inside into from to towards toward around within".split()
)
# Words that stand before a part's filler without being one; dropped before aligning parts.
SLOT_FILLERS_TO_SKIP: frozenset[str] = frozenset("the a an its their his her our some".split())

# Words that describe a filler loosely rather than name another one: "gunmen attacked" does
# not conflict with "militants attacked", nor "30 people" with "30 civilians".
GENERIC_FILLERS: frozenset[str] = frozenset(
    """people persons person individuals forces gunmen attackers assailants men group groups
    officials someone somebody others those""".split()
)

# --- numbers that name rather than count ---------------------------------------------------
# Nouns after which a number is a name: "Route 9", "Flight 370", "Article 370", "Writer 3".
# Two statements about Route 9 and Route 4 are about two roads, not two counts of one thing.
IDENTIFIER_NOUNS: frozenset[str] = frozenset(
    """route flight writer speaker statement article section resolution phase level grade
    chapter rule clause amendment proposition prop measure bill district ward unit room gate
    terminal platform highway road line bus train no number case item point paragraph page
    volume episode season round game week stage sector block zone camp team group player
    candidate model version type category class tier division battalion brigade regiment
    corps squadron reactor runway pier berth apollo agenda plan exhibit lot precinct""".split()
)

# --- words that say one thing in news claims ----------------------------------------------
# Each line: a concept, then the words news uses for it (any inflection of a word listed here
# is the concept: the list is matched on stems). Judging compares concepts, so that "Islamabad
# asked for a truce" and "Pakistan requested a ceasefire" share their words. Only words whose
# every common news sense is the concept: "strike" (an attack or a walkout) is an attack
# unless a phrase below says otherwise; "forces" is left out ("forced from their homes").
_SYNONYMS = """
request: request ask seek sought urge plead appeal demand
mediate: mediate mediator broker intervene facilitate arbitrate
ceasefire: ceasefire truce armistice halt
attack: attack strike struck raid assault bomb bombard bombing shell shelling airstrike hit
kill: kill dead die died death slain slay fatal fatality murder assassinate behead
explosion: explosion explode blast detonate detonation
happen: happen occur
injure: injure injury wound hurt
arrest: arrest detain apprehend
rescue: rescue save
agreement: agreement deal accord pact treaty
negotiate: negotiate negotiation talks
missile: missile rocket projectile
drone: drone uav
military: military army troops troop soldier soldiers
buy: buy bought acquire acquisition purchase
sell: sell sold sale
protest: protest protester protestor demonstration demonstrator rally
resign: resign quit resignation
win: win won victory triumph beat defeat
lose: lose lost
relations: relations ties
plan: plan intend
approve: approve pass adopt
lend: lend lent loan
borrow: borrow
receive: receive
hand: hand give gave
election: election vote poll ballot
reject: reject spurn rebuff
refuse: refuse
increase: increase rise rose raise hike grow grew expand jump surge climb soar boost
decrease: decrease fall fell drop decline reduce plunge slump shrink shrank lower slash trim
unchanged: unchanged steady
displace: displace flee fled evacuate uproot homeless
flood: flood floodwater inundate deluge
overturn: overturn quash annul nullify invalidate
uphold: uphold upheld
acquit: acquit
convict: convict
suspend: suspend revoke scrap abolish pause
put: put placed set
open: open reopen
close: close shut
cancel: cancel cancellation
postpone: postpone postponement delay defer reschedule
proceed: proceed
lead: lead led
write: write wrote draft compose
rule-out: ruleout
kidnap: kidnap abduct abduction
prisoner: prisoner detainee inmate captive
break: break fracture
reveal: reveal disclose
ban: ban prohibit outlaw forbid
steal: steal theft thief
vanish: vanish disappear
investigate: investigate probe inquiry
teenager: teenager teen teenage adolescent
child: child children kid
woman: woman women
baby: baby infant newborn
mother: mother mum mom
father: father dad
photo: photo photograph
aircraft: aircraft plane airplane aeroplane jetliner
car: car vehicle automobile
phone: phone smartphone cellphone telephone
"""
# Phrases for a concept, written as words: they are matched on stems before single words,
# so "went on strike" is a walkout, not an attack, and "asked for" a request.
_SYNONYM_PHRASES = """
request: ask for | call for | appeal for | plead for
reject: turn down | vote down
refuse: decline to | refuse to
abandon-plan: abandon plans | abandoned plans | abandon its plans | abandoned its plans | drop plans | dropped plans | scrap plans | scrapped plans
ceasefire: cease fire | halt in fighting | end to fighting | stop fighting
walkout: go on strike | went on strike | on strike | walk off the job | walked off the job | walk out
overturn: strike down | struck down | set aside
unchanged: kept unchanged | keep unchanged | hold steady | held steady | on hold
in-force: in force | in effect | in place
displace: forced from their homes | driven from their homes | leave home | left their homes
happen: take place | took place | taken place | takes place | taking place
resign: step down | stepped down | stand down
acquit: not guilty | found not guilty
convict: found guilty
win: came first
rule-out: rule out | ruled out | rules out
military: armed forces
cancel: call off | called off | calls off
proceed: go ahead | goes ahead | went ahead | gone ahead | on schedule | as scheduled | as planned
"""
# Concepts that say opposite things of one subject ("the court upheld" / "overturned").
CONCEPT_ANTONYMS: frozenset[frozenset[str]] = frozenset(
    frozenset(pair.split(":"))
    for pair in """increase:decrease increase:unchanged decrease:unchanged overturn:uphold
    acquit:convict suspend:in-force open:close win:lose proceed:postpone proceed:cancel
    proceed:suspend""".split()
)
# Concepts that say one event from its other side: "China lent Zambia" is "Zambia borrowed
# from China", so a converse with its parties swapped agrees, and without the swap it conflicts.
CONVERSE_CONCEPTS: frozenset[frozenset[str]] = frozenset(
    frozenset(pair.split(":")) for pair in "lend:borrow hand:receive win:lose".split()
)
# Words that say a sum is money, after it: "5 million euros" (as "€5 million" does before it).
# Each word goes to its currency's sign where "$5 million" says it by one, else to its name.
_CURRENCIES = {"dollar": "$", "euro": "€", "pound": "£", "rupee": "₹", "yen": "¥"} | {
    name: name
    for name in "yuan franc shekel naira shilling peso rand ringgit dirham riyal lira rouble".split()
}
CURRENCY_WORDS: dict[str, str] = {
    form: sign for name, sign in _CURRENCIES.items() for form in (name, name + "s")
} | {"yens": "¥", "rands": "rand", "liras": "lira", "lire": "lira"}
# Outcomes that news counts, as concepts (their words are in _SYNONYMS: "injured", "hurt",
# "wounded"; "killed", "dead"; "arrested", "detained"; "rescued", "saved"; "miss" is the stem
# of "missing"): "14 workers were injured" and "9 were hurt" are two counts of one outcome,
# "14 killed" and "9 injured" counts of two, as are "12 missing" and "30 dead".
COUNTED_OUTCOMES: frozenset[str] = frozenset("kill injure arrest displace rescue miss".split())
# Concepts by which a claim says something will not happen or was not done, as a negation
# does: "refused bail" says what "did not grant bail" says.
NEGATIVE_CONCEPTS: frozenset[str] = frozenset("refuse rule-out abandon-plan".split())
# Acts that two parties can each do to the other: "India accused Pakistan" and "Pakistan
# accused India" are two claims, not one with its roles swapped.
RECIPROCAL_ACTS: frozenset[str] = frozenset(
    "accuse blame warn criticise criticize condemn threaten sue".split()
)
# Acts that are the same act whichever party is named first: "Modi met Sharif" is "Sharif met Modi".
SYMMETRIC_ACTS: frozenset[str] = frozenset("meet met talk clash fight battle marry married negotiate".split())
# Irregular verbs, each with its past tense and past participle: any of them is the verb, so
# that "broke" is "break", "was taken" is "take" and "has fought" is "fight" to the judge
# (Snowball stems only regular inflections). Forms with a common second sense in news are
# left out: "left" (the side), "fed" (the Fed), "bit" (a bit), "bore", "lay", "saw".
_IRREGULAR_VERBS = """
arise arose arisen | awake awoke awoken | beat beat beaten | become became | begin began begun
bend bent | bite bitten | blow blew blown | break broke broken | bring brought | build built
buy bought | catch caught | choose chose chosen | come came | dig dug | draw drew drawn
drink drank drunk | drive drove driven | eat ate eaten | fall fell fallen | feel felt | fight fought
find found | flee fled | fly flew flown | forbid forbade forbidden | forget forgot forgotten
forgive forgave forgiven | freeze froze frozen | give gave given | go went gone | grow grew grown
hang hung | hear heard | hide hid hidden | hold held | keep kept | know knew known | lead led
lend lent | lose lost | make made | mean meant | meet met | overtake overtook overtaken | pay paid
ride rode ridden | ring rang | rise rose risen | run ran | seek sought | sell sold | send sent
shake shook shaken | shoot shot | show showed shown | sing sang sung | sink sank sunk
speak spoke spoken | spend spent | stand stood | steal stole stolen | stick stuck | sting stung
strike struck stricken | swear swore sworn | swim swam swum | take took taken | teach taught
tear tore torn | think thought | throw threw thrown | undertake undertook undertaken
understand understood | wake woke woken | wear wore worn | win won | withdraw withdrew withdrawn
write wrote written
"""
# Every irregular form, to its verb: "blown" → "blow", "took" → "take".
IRREGULAR_FORMS: dict[str, str] = {
    form: forms.split()[0]
    for line in _IRREGULAR_VERBS.strip().splitlines()
    for forms in line.split("|")
    for form in forms.split()[1:]
    if form != forms.split()[0]
}
SYNONYM_WORDS: dict[str, str] = {
    word: concept
    for line in _SYNONYMS.strip().splitlines()
    for concept, _, listed in [line.partition(":")]
    for word in [concept, *listed.split()]
}
SYNONYM_PHRASES: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): concept
    for line in _SYNONYM_PHRASES.strip().splitlines()
    for concept, _, listed in [line.partition(":")]
    for phrase in listed.split("|")
}
# Where Snowball's English stemmer makes one stem of two words that news keeps apart.
STEM_EXCEPTIONS: dict[str, str] = {
    "authorities": "authority",
    "authority": "authority",
    "officer": "officer",
    "officers": "officer",
    "conservative": "conservative",
    "conservatives": "conservative",
    "organisation": "organisation",
    "organization": "organisation",
    "organisations": "organisation",
    "organizations": "organisation",
    "generous": "generous",
    "news": "news",
    "us": "us",
}


# ---------------------------------------------------------------- speakers nobody names

# Who says a thing without being named: "officials", "a spokesman", "sources", "residents".
# Two articles' "police" or "officials" are not one speaker, so these are kept apart per
# source (tracker.speakers.is_generic). People: unnamed whatever qualifies them ("Indian
# officials", "a senior police spokesman" are still nobody in particular).
GENERIC_SPEAKER_PEOPLE = words(
    """official officials source sources spokesman spokesmen spokeswoman spokeswomen
    spokesperson spokespersons spokespeople resident residents analyst analysts witness
    witnesses eyewitness eyewitnesses expert experts observer observers diplomat diplomats
    officer officers aide aides insider insiders people critic critics local locals villager
    villagers medic medics doctor doctors rescuer rescuers activist activists protester
    protesters investigator investigators person persons someone unknown worker workers
    employee employees staffer staffers nurse nurses technician technicians guard guards
    driver drivers miner miners docker dockers"""
)
# Institutions: unnamed only when nothing names whose they are ("the ministry", "police",
# "local authorities"); "Punjab police" and "the Indian military" are named.
GENERIC_SPEAKER_INSTITUTIONS = words(
    """police ministry government army military authorities authority department office
    embassy administration agency company firm plant factory mine port terminal union
    hospital clinic school operator contractor"""
)
# Words before an institution that still say nothing of whose it is ("local police", "the
# ministry"); a department's name does ("Foreign Office", "Interior Ministry" are named).
GENERIC_SPEAKER_QUALIFIERS = words("a an the some local regional provincial district city unnamed anonymous")

# Honorifics and the gender they show, as evidence for pronouns and against a wrong match
# ("Mrs. Gandhi" is not a "Mr. Gandhi"); "Dr", "Prof" and "Rev" show none.
HONORIFIC_GENDERS: dict[str, str | None] = {
    "mr": "male",
    "sir": "male",
    "lord": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "dame": "female",
    "lady": "female",
    "dr": None,
    "prof": None,
    "rev": None,
    "mx": None,
    # South Asian news: "Begum Nusrat Bhutto", "Shri Narendra Modi", "Maulana Fazlur Rehman"
    "begum": "female",
    "smt": "female",
    "shrimati": "female",
    "shri": "male",
    "sri": "male",
    "mian": "male",
    "maulana": "male",
}
