"""Extraction's word lists and patterns: reporting cues, speaker phrases, quotes, bylines."""

from __future__ import annotations

import re

from tracker.lexicon import TITLE_ABBREVIATIONS, words
from tracker.patterns import lazy

# Reporting verbs in finite forms, by lemma; CUE_FORMS maps each form back to its lemma.
_CUE_LEMMAS = {
    "say": "say says said",
    "tell": "tell tells told",
    "add": "add adds added",
    "write": "write writes wrote",
    "note": "note notes noted",
    "argue": "argue argues argued",
    "claim": "claim claims claimed",
    "insist": "insist insists insisted",
    "warn": "warn warns warned",
    "urge": "urge urges urged",
    "announce": "announce announces announced",
    "confirm": "confirm confirms confirmed",
    "reiterate": "reiterate reiterates reiterated",
    "state": "state states stated",
    "explain": "explain explains explained",
    "stress": "stress stresses stressed",
    "emphasize": "emphasize emphasizes emphasized emphasise emphasises emphasised",
    "acknowledge": "acknowledge acknowledges acknowledged",
    "admit": "admit admits admitted",
    "assert": "assert asserts asserted",
    "declare": "declare declares declared",
    "contend": "contend contends contended",
    "maintain": "maintain maintains maintained",
    "suggest": "suggest suggests suggested",
    "predict": "predict predicts predicted",
    "promise": "promise promises promised",
    "pledge": "pledge pledges pledged",
    "vow": "vow vows vowed",
    "allege": "allege alleges alleged",
    "complain": "complain complains complained",
    "recall": "recall recalls recalled",
    "disclose": "disclose discloses disclosed",
    "reveal": "reveal reveals revealed",
    "indicate": "indicate indicates indicated",
    "concede": "concede concedes conceded",
    "counter": "counter counters countered",
    "reply": "reply replies replied",
    "respond": "respond responds responded",
    "ask": "ask asks asked",
    "report": "report reports reported",
    "deny": "deny denies denied",
    "reject": "reject rejects rejected",
    "dismiss": "dismiss dismisses dismissed",
    "refute": "refute refutes refuted",
    "dispute": "dispute disputes disputed",
    "retract": "retract retracts retracted",
    "recant": "recant recants recanted",
    "call": "call calls called",
    "describe": "describe describes described",
    "tweet": "tweet tweets tweeted",
    "believe": "believe believes believed",
    "think": "think thinks thought",
    "feel": "feel feels felt",
    "find": "find finds found",
    "show": "show shows showed",
    "agree": "agree agrees agreed",
    "defend": "defend defends defended",
    "cite": "cite cites cited",
    "mention": "mention mentions mentioned",
    "charge": "charge charges charged",
    "demand": "demand demands demanded",
    "propose": "propose proposes proposed",
    "question": "question questions questioned",
    "echo": "echo echoes echoed",
    "accuse": "accuse accuses accused",
    "criticize": "criticize criticizes criticized criticise criticises criticised",
    "blast": "blast blasts blasted",
    "praise": "praise praises praised",
    "tout": "tout touts touted",
    "want": "want wants",
    "continue": "continued",
    "testify": "testify testifies testified",
    "observe": "observe observes observed",
    "remark": "remark remarks remarked",
    "boast": "boast boasts boasted",
    "lament": "lament laments lamented",
    "hint": "hint hints hinted",
    "forecast": "forecast forecasts",
    "expect": "expect expects",
    "hope": "hope hopes hoped",
    "fear": "fear fears feared",
    "worry": "worry worries worried",
    "discuss": "discuss discusses discussed",
    "attack": "attack attacks attacked",
    "slam": "slam slams slammed",
    "mock": "mock mocks mocked",
    "endorse": "endorse endorses endorsed",
    "condemn": "condemn condemns condemned",
    "decry": "decry decries decried",
    "welcome": "welcome welcomes welcomed",
    "applaud": "applaud applauds applauded",
    "lambaste": "lambaste lambastes lambasted",
    "liken": "liken likens likened",
    "highlight": "highlights highlighted",
    "outline": "outlines outlined",
    "unveil": "unveil unveils unveiled",
    "detail": "details detailed",
    "recommend": "recommend recommends recommended",
    "advise": "advise advises advised",
    "encourage": "encourage encourages encouraged",
    "conclude": "conclude concludes concluded",
    "estimate": "estimates estimated",
    "wonder": "wonder wonders wondered",
    "speculate": "speculate speculates speculated",
    "caution": "caution cautions cautioned",
    "threaten": "threaten threatens threatened",
    "invoke": "invoke invokes invoked",
    "oppose": "oppose opposes opposed",
    "ridicule": "ridicule ridicules ridiculed",
    "blame": "blame blames blamed",
    "repeat": "repeat repeats repeated",
    "answer": "answer answers answered",
    "retort": "retort retorts retorted",
    "quip": "quip quips quipped",
    "joke": "joke jokes joked",
    "assure": "assure assures assured",
    "reassure": "reassure reassures reassured",
    "affirm": "affirm affirms affirmed",
    "clarify": "clarify clarifies clarified",
    "shout": "shout shouts shouted",
    "exclaim": "exclaim exclaims exclaimed",
    "whisper": "whisper whispers whispered",
    "recount": "recount recounts recounted",
    "point out": "",
    "call on": "",
    "call for": "",
}
CUE_FORMS: dict[str, str] = {form: lemma for lemma, forms in _CUE_LEMMAS.items() for form in forms.split()}
# Verbs with a particle that report what was said about something: "spoke of the legacy of racism".
PARTICLE_CUES: dict[tuple[str, str], str] = {
    **{(form, particle): "speak of" for form in ("speak", "speaks", "spoke") for particle in ("of", "about")},
    **{(form, "about"): "talk about" for form in ("talk", "talks", "talked")},
    **{(form, "on"): "comment on" for form in ("comment", "comments", "commented")},
    **{(form, "against"): "rail against" for form in ("rail", "rails", "railed")},
}
# Cues whose object a relative pronoun stands for: "the attack, which New Delhi blames on …".
RELATIVE_OBJECT_CUES = {"blame", "say", "call", "describe", "claim", "allege", "deny", "dispute"}

# Participles that open a second attribution for the clause's subject: ", saying that …".
PARTICIPLES: dict[str, str] = {
    "saying": "say",
    "adding": "add",
    "noting": "note",
    "arguing": "argue",
    "claiming": "claim",
    "insisting": "insist",
    "warning": "warn",
    "urging": "urge",
    "emphasizing": "emphasize",
    "proposing": "propose",
    "emphasising": "emphasize",
    "stressing": "stress",
    "explaining": "explain",
    "suggesting": "suggest",
    "denying": "deny",
    "dismissing": "dismiss",
    "rejecting": "reject",
    "calling": "call",
    "telling": "tell",
    "writing": "write",
    "asserting": "assert",
    "declaring": "declare",
    "acknowledging": "acknowledge",
    "mentioning": "mention",
    "questioning": "question",
    "accusing": "accuse",
    "criticizing": "criticize",
    "demanding": "demand",
    "defending": "defend",
    "touting": "tout",
    "blasting": "blast",
    "praising": "praise",
    "charging": "charge",
    "admitting": "admit",
    "promising": "promise",
    "pledging": "pledge",
    "vowing": "vow",
    "alleging": "allege",
    "predicting": "predict",
    "asking": "ask",
    "describing": "describe",
    "confirming": "confirm",
    "encouraging": "encourage",
    "announcing": "announce",
    "reiterating": "reiterate",
    "condemning": "condemn",
    "welcoming": "welcome",
    "blaming": "blame",
    "threatening": "threaten",
    "recommending": "recommend",
    "highlighting": "highlight",
}

# Cues that need an explicit "that"-clause, because without one they rarely report speech.
NEEDS_THAT = words("""
believe think feel find show agree suggest recall maintain state tweet dispute counter reply
respond charge observe remark boast lament hint expect hope fear worry testify concede
continue answer retort quip joke shout exclaim whisper recount clarify repeat
""")
# Cues whose object noun phrase is itself the reported content ("announced the launch").
NP_OBJECT = words("""
announce confirm deny reject dismiss refute report disclose reveal acknowledge admit predict
promise pledge vow claim allege indicate reiterate cite mention demand propose question echo
accuse criticize blast praise tout want defend forecast discuss attack slam mock endorse
condemn decry welcome applaud lambaste liken highlight outline unveil detail recommend
advise encourage invoke oppose ridicule threaten blame retract recant
""") | {"call for", "speak of", "talk about", "comment on", "rail against"}
# Nouns by which a cue names its content before "that": "denied reports that …".
CONTENT_NOUNS = words("""
claims claim reports report allegations suggestions stance position view belief assertion
accusations rumors speculation fears
""")
# Time words between a cue and its content: "said Tuesday that …".
TIME_WORDS = words("on monday tuesday wednesday thursday friday saturday sunday yesterday today")
# Words opening what may follow a cue without being content: time, place, medium ("said on Tuesday");
# the comma is an insertion's ("CLAUSE, X said, on Tuesday.").
TAIL_OPENERS = TIME_WORDS | words("""
in at during last earlier later this to told , recently afterward afterwards then previously
again of about while when after before
""")
# Words after a cue that start no clause of reported speech: "said to", "said nothing", "asked how".
NON_CLAUSE_OPENERS = words("to not so nothing anything how what whether if why when")
# Cues followed by an addressee before the content ("told Rubio that …", "urged both to …").
ADDRESSEE = {"tell", "urge", "warn", "ask", "promise", "call on"}
DENIAL = {"deny", "reject", "dismiss", "refute", "dispute", "retract", "recant"}
# Cues whose complement rates the object ("called the claims false") rather than quoting.
RATING = {"call", "describe", "dismiss", "reject"}

# Words that open an insertion between a speaker and the cue: "X, who chairs the panel, said".
INSERTION_OPENERS = words("""
who whose which of at in on from with during after before like as also an a the then now
formerly once himself herself for by among one asked pressed questioned interviewed contacted reached
""")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
PERSON_PRONOUNS = {"he", "she"}
DETERMINERS = words("""
the a an this these those his her their its our my one two three four five several some many
most other another both all few no each every any such
""")
# Lowercase head nouns that can stand for a speaker without a capitalised name.
SPEAKER_NOUNS = words("""
official officials spokesman spokeswoman spokesperson spokespeople source sources aide aides
adviser advisers advisor advisors campaign government military army navy ministry department
agency police president minister secretary senator governor leader leaders lawmaker lawmakers
analyst analysts expert experts critic critics supporter supporters voter voters report
reports poll polls survey surveys study studies statement lawyer lawyers attorney attorneys
candidate candidates nominee chairman chairwoman chair director executive representative
representatives committee group organization organisation researchers researcher economists
economist people residents resident witnesses witness officers officer prosecutors
prosecutor judge court mayor council party administration office team manager strategist
strategists staff staffer staffers member members writer author reporter reporters
newspaper paper documents document data figures research website authorities observers
activists activist protesters chief commander ambassador envoy diplomat diplomats friend
friends father mother wife husband son daughter man woman someone others democrats
republicans organizers scientists doctors doctor historian historians professor
pollster pollsters memo letter filing complaint lawsuit article editorial column book
ad ads advertisement video tweet post site review audit analysis estimate estimates
investigators investigation commission board panel coalition union spokesmen
press network station outlet media president-elect nominees delegates delegate
company companies firm firms bank banks university school hospital
embassy consulate regime state states country countries nation city county district
regulators regulator inspector inspectors unions groups
family families respondents percent majority
""")
# Lowercase words that open a speaker phrase before a speaker noun: "local officials said",
# "senior police officials said", "foreign diplomats said".
SPEAKER_MODIFIERS = words("""
local senior junior top chief foreign state federal regional provincial municipal national
international military police health security intelligence government western eastern
unnamed anonymous former retired independent opposition rebel rival leading prominent
""")
# Nouns for what an organisation is, heading a role set off beside its name: "The operator,
# Velden Power," is a company, which "she" or "he" never stands for.
ORGANISATION_ROLES = words("""
operator company companies firm utility group corporation carrier producer manufacturer maker
developer supplier owner insurer lender bank agency ministry department authority regulator
union party newspaper paper outlet broadcaster network station publisher retailer airline
charity organisation organization association federation council committee board coalition
contractor builder consortium venture subsidiary conglomerate startup start-up provider
""")
# Last words by which a name reads as an organisation's: "Velden Power", "Brightplate Ltd".
ORGANISATION_NAME_WORDS = words("""
power energy electric electricity gas oil petroleum corp corp. corporation inc inc. ltd ltd.
llc plc co co. group holdings bank airlines airways motors systems industries partners capital
media press news times post herald courier tribune journal gazette telegraph chronicle
authority council committee ministry office agency party union university institute
foundation association company technologies labs pharmaceuticals mining steel resources
telecom railways railway utilities services international networks fund trust
chemicals shipyards shipping logistics construction engineering foods textiles
""")
# Last words by which an organisation's name reads as a business's, the one "the company"
# or "the firm" of a report can stand for ("Dobrogea Chemicals … The company said").
BUSINESS_NAME_WORDS = words("""
power energy electric electricity gas oil petroleum corp corp. corporation inc inc. ltd ltd.
llc plc co co. group holdings airlines airways motors systems industries partners company
technologies labs pharmaceuticals mining steel resources telecom railways railway utilities
chemicals shipyards shipping logistics construction engineering foods textiles
""")
# Nouns by which a report calls a business it named: "the company", "the firm".
BUSINESS_NOUNS = words("company firm")
# Words marking a personal title, after which a name follows: "Foreign Minister Ishaq Dar".
TITLES = words("""
president minister secretary senator sen. governor gov. rep. representative mayor judge
gen. general adm. admiral chairman chairwoman chief director speaker leader spokesman
spokeswoman spokesperson ambassador adviser advisor nominee candidate attorney commander
ceo founder manager strategist aide official lt. col. sgt. capt. officer professor prof.
economist analyst chair pope king queen prince justice
""")
# Occupations that can stand before a name as its title, capitalised or not ("Chief Engineer
# Farah Naz", "said senior engineer Farah Naz"), beside TITLES and SPEAKER_NOUNS.
ROLE_NOUNS = words("""
engineer engineers inspector superintendent surgeon physician nurse pilot captain lecturer
correspondent commissioner coordinator administrator negotiator mediator deputy vice head
campaigner organiser planner architect contractor farmer shopkeeper trader worker student
teacher principal priest imam cleric pastor scholar barrister solicitor auditor accountant
broker banker trustee warden coach player striker skipper actor actress singer novelist poet
technician employee guard driver miner docker
""")
HONORIFICS = words("mr. mrs. ms. dr. rev. sir dame lord")
# Lowercase nouns after a name that make it a place's: "Valmora province", "the Mamaia Sat district".
PLACE_NOUNS = words("province district county state region city town village neighbourhood neighborhood")
# Function words that end a speaker noun phrase when scanning away from the cue.
NP_STOPS = words("""
that which who whom whose what when where while because as if than then so to in on at by
with from after before since about into over under during is was were are be been being
am has have had do does did not but or nor and also said says say told added
though although unless until whether why how there here just only even still yet
""")
# Adverbs that place a speech act among others: when ("originally said", "later said", "has
# since denied"), how often ("repeatedly", "again", "twice") or beside what ("also").
SEQUENCE_ADVERBS = words("""
first originally initially earlier previously once later subsequently eventually finally
ultimately belatedly recently since then now already still again repeatedly twice also
""")
# After a cue these are words of the content ("said first responders …", "said since the war
# began …", "said twice as many …"): only a speaker phrase's end skips them.
SPEAKER_END_ADVERBS = words("first since twice")
# Words between a speaker and its cue, or a cue and its content, that are neither: adverbs of
# sequence, of stance ("reportedly") and of manner ("flatly"), and the auxiliaries before a cue.
ADVERBS = (SEQUENCE_ADVERBS - SPEAKER_END_ADVERBS) | words("""
reportedly allegedly apparently purportedly strongly publicly privately often further flatly
quickly firmly has had have would will could may might long frequently immediately
simply directly explicitly clearly openly angrily emphatically categorically vehemently
separately likewise similarly last week never always has've just
barely briefly quietly loudly sharply bluntly forcefully emotionally pointedly falsely wrongly
correctly proudly cautiously confidently bitterly mistakenly erroneously specifically
essentially effectively routinely consistently increasingly tacitly implicitly
""")
CAPITAL_STOPS = words("""
in on at after but and when while if as however meanwhile earlier later still yet now then
also since for with during before so instead asked speaking according by from to though
although because what that this there here last over under among despite without like unlike
or nor where why how who even only just
""")

# --- regexes ----------------------------------------------------------------------------

# A word or a punctuation mark of raw text; tracker.text matches words of normalised text.
WORD_OR_MARK = lazy(
    r"(?:[A-Za-z]\.){2,}"  # U.S., D.C.: the periods belong to the word
    r"|(?i:" + "|".join(sorted(TITLE_ABBREVIATIONS)) + r")\.(?=\s+[A-Z])"
    r"|\w(?:[\w&-]|['’.](?=\w))*"
    r"|[^\w\s]"
)
# A sentence's end inside a paragraph (paragraphs are lines), typographic quotes included;
# tracker.text splits whole statements and passages, breaking at lines too.
SENTENCE_END_IN_PARAGRAPH = lazy(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
# Words before a quoted name rather than speech: "a show called “…”", "the book “…”".
TITLE_LEADS = words("of on in at from for by with about the a an called named titled dubbed")
QUOTE_MARK = lazy(r"''|[\"“”]")  # two apostrophes are a double quote in some archives
# A quote in single marks ('false and baseless', ‘we will not’): an opening mark after a space,
# a closing one not followed by a letter; an apostrophe between letters ("won't") stays inside.
SINGLE_QUOTED = lazy(
    r"(?<![\w'’‘])(?P<open>['‘])(?=[A-Za-z])"
    r"(?:[^'‘’\n]|(?<=[A-Za-z])['’](?=[A-Za-z])){2,400}?"
    r"(?<=[^\s'‘’])(?P<close>['’])(?![\w'’])"
)
PARAGRAPH = lazy(r"[^\n]+")
VIA_PATTERNS = [
    lazy(
        r"\b(?:spoke|speaking|talking|talked|said|told|writing|wrote)\s+(to\s+[^,.;“”\"]{3,60}?)(?=[,.;“”\"]|\s+(?:on|that|as|in)\b|$)"
    ),
    lazy(r"\b(citing\s+[^,.;“”\"]{3,60}?)(?=[,.;“”\"]|$)"),
    lazy(
        r"\b(in\s+(?:a|an|his|her|their|its)\s+(?:\w+\s+)?(?:statement|interview|tweet|post|letter|speech|op-ed|email|memo|press release|television interview|radio interview|video)(?:\s+(?:with|on|to)\s+[^,.;“”\"]{2,40}?)?)(?=[,.;“”\"]|\s+(?:that|on)\b|$)",
        re.IGNORECASE,
    ),
    lazy(
        r"\b(on\s+(?:Twitter|Facebook|Instagram|X|CNN|MSNBC|Fox News|Fox|NBC|CBS|ABC|NPR|television|TV|radio))\b"
    ),
]
OUTLET = lazy(r"\b((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)\s+(?:reports|reported)\s*(?=citing\b|[,.;]|$)")
OUTLET_TRAIL = lazy(r",\s*((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)\s+(?:reports|reported)\s*[.;]")
_PERSON_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|el|ul))*"
# The small words inside an outlet's name: "El Correo del Sur", "Agencia Sur de Noticias", "Voice of the People".
_NAME_PARTICLES = r"de|del|della|di|da|do|dos|das|du|des|la|le|el|los|las|y|of|the|for|am|im|der|die|den"
# "By Maria Okafor", "By Maria Okafor, Dawn", "By Maria Okafor | Reuters", "By A and B".
BYLINE = lazy(
    r"^\s*By:?\s+(?P<author>"
    + _PERSON_NAME
    + r"(?:\s*(?:,|and|&)\s*(?!"
    + r"[A-Z][\w.&'’-]*\s*$)"
    + _PERSON_NAME
    + r")*?)"
    r"(?:\s*(?:,|\||—|–|/|\s-)\s*(?P<outlet>[A-Z][\w.&'’-]*"
    + r"(?:(?:\s+(?:"
    + _NAME_PARTICLES
    + r"))*\s+[A-Z][\w.&'’-]*){0,3}))?\s*$"
)
# "ISLAMABAD (Dawn) —", "NEW DELHI, May 10 (Reuters) -", "KARACHI:", "WASHINGTON —" opening the body.
DATELINE = lazy(
    r"\s*(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    # "NAVODARI, Romania —", "NAVODARI, Romania, Wednesday —": the country, then the day
    r"(?:,\s*(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?=\s*[,—–(-]))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?"
    r"(?:\s*\((?P<outlet>[A-Z][\w.&'’ -]{1,40})\))?"
    r"\s*(?:[—–:]|-{1,2}(?=\s))\s*(?=\S)"
)
# Words of a byline's or dateline's tail that are a desk or a title, not an outlet.
NOT_OUTLETS = words("""
staff reporter reporters correspondent correspondents writer writers editor editors bureau
contributor contributors desk news-desk agencies agency web monitoring special
""")
APPOS_AFTER = lazy(r",\s*([^,.;:“”\"]{3,60}?)(?:[,.;]|$)")
APPOS_BEFORE = lazy(r"(?:^|(?<=[.;:]\s)|(?<=\n))((?:the|The|a|A|an|An)\s[^,.;:“”\"]{3,60}),\s*$")
LABEL = lazy(r"[\"“]?((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*):\s+(?=\S)")
# Words before a colon that name no speaker: "Update: …", "Editor’s note: …".
NOT_LABELS = words("""
update updated note photo related watch read source sources correction video breaking abstract
advertisement credit caption tags share listen click image posted published contact email
follow transcript partial key here also plus the latest disclosure bottom q a question answer
warning result results why how what when where who background context more see analysis opinion
editorial commentary review exclusive live timeline
""") | {"editor's note", "editor’s note"}
MODAL_IF = lazy(r"^\W*(?:if|unless|provided|should)\b|\bif\b.+\bthen\b", re.IGNORECASE | re.DOTALL)
# A commitment is the speaker's own future: "we will", "I'll", a refusal ("will not", "won't"),
# or a reported pledge whose subject is the speaker ("it would not escalate"). A "would" or a
# third party's "will" elsewhere is backshift or forecast: an assertion.
MODAL_COMMIT = lazy(
    r"\b(?:I|we)\s+(?:(?:also|still|never|not|then|certainly|definitely|absolutely|now)\s+)?"
    r"(?:will|shall|won[’']t|am going to|are going to)\b|\b(?:I|we)[’']ll\b|\bwe[’']re going to\b|"
    r"\bwill not\b|\bwon[’']t\b",
    re.IGNORECASE,
)
MODAL_OWN = lazy(
    r"\W*(?:he|she|it|they|we|I)\s+(?:(?:also|still|never|not|then|now)\s+)?(?:will|would|shall|won[’']t|wouldn[’']t)\b",
    re.IGNORECASE,
)
MODAL_COND = lazy(r"\b(?:if|unless|provided(?: that)?|as long as|on condition)\b", re.IGNORECASE)
COMMIT_CUES = {"promise", "pledge", "vow"}
# Cue forms that are as often plural nouns: in a title-case headline they are not read as cues.
NOUN_LIKE_CUES = words("""
claims reports questions states calls charges demands promises hopes fears worries remarks
echoes forecasts counters replies pledges vows tweets thinks wants expects notes proposed
""")
# Words that attach a participle cue to the clause's subject: "responded by saying …".
PARTICIPLE_LEADS = words("by and after before while despite when also then")
# Verbs whose subject performs the cue of the infinitive after them: "continued to call for".
CATENATIVES = words("""
continued continues continue went goes began begins begin started starts tried tries sought
seeks appeared appears seemed seems moved rushed hastened vowed promised used wants wanted
plans planned
""")
TITLE_SMALL = words("a an the of to in on for and or at by with from as vs")
# Finite verbs and auxiliaries that show a clause follows a cue without "that".
CLAUSE_VERBS = words("""
is are was were will would can could should may might must has have had does did do
isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't
doesn't didn't don't isn’t aren’t wasn’t weren’t won’t wouldn’t can’t couldn’t shouldn’t
hasn’t haven’t hadn’t doesn’t didn’t don’t
""")
# Cues by which a poll, study or record "shows" or "finds" something, content without "that".
EVIDENCE_CUES = {"show", "find", "suggest", "indicate"}
EVIDENCE_NOUNS = words("""
poll survey study report data figure research analysis review audit investigation video
footage document record statistic number result finding evidence chart graph slide
assessment estimate model projection test count tally exam examination inquiry probe
average
""") | {"analyses"}

# --- who the speaker is: gender the text shows, anonymous sources ---------------------------

# Words next to a name that show a person's gender: titles, honorifics, roles.
FEMALE_WORDS = words("""
ms ms. mrs mrs. miss madam madame lady dame spokeswoman chairwoman congresswoman
businesswoman councilwoman anchorwoman stateswoman woman mother wife daughter sister
grandmother aunt queen princess duchess empress actress widow sister-in-law
""")
MALE_WORDS = words("""
mr mr. sir lord spokesman chairman congressman businessman councilman anchorman statesman
man father husband son brother grandfather uncle king prince duke emperor actor widower
""")
# Phrases that mark a source as anonymous: kept as the statement's hedge, never its content.
ANONYMITY = lazy(
    r"\b(?:on (?:the )?condition (?:of|that (?:he|she|they) not be (?:named|identified))(?: anonymity)?"
    r"|who (?:declined|asked|(?:did|does) not (?:want|wish)|(?:did|does)n[’']t want) (?:not )?to be (?:named|identified)"
    r"|(?:speaking|spoke|talking) anonymously|not authori[sz]ed to (?:speak|talk|comment)(?: publicly)?"
    r"(?: on the matter| on the record)?)",
    re.IGNORECASE,
)
# Speaker phrases that name no one: "sources said", "people familiar with the matter".
UNNAMED_SOURCES = lazy(
    r"^(?:(?:the|a|an|two|three|several|some|many|other|one|senior|unnamed|anonymous|diplomatic"
    r"|government|military|security|official|intelligence|western|indian|pakistani|us|u\.s\.)\s+)*"
    r"(?:sources?|officials?|people|persons?|insiders?|diplomats?|aides?|officers?)"
    r"(?:\s+(?:familiar with|close to|with (?:direct )?knowledge of|briefed on|involved in|aware of"
    r"|in|at|from)\b.*)?$",
    re.IGNORECASE,
)
# Who an unnamed source is said to be, just before the cue: "people familiar with the matter said".
SOURCE_BEFORE_CUE = lazy(
    r"((?:(?:two|three|several|some|other|senior|unnamed|anonymous|western|diplomatic)\s+)*"
    r"(?:sources|people|persons|a person|a source|officials|an official|insiders|diplomats)\s+"
    r"(?:familiar with|close to|with (?:direct )?knowledge of|briefed on|involved in|aware of)"
    r"\s+(?:the\s+)?[\w-]+(?:\s+(?:talks|plans|discussions|negotiations|matter|deliberations))?)"
    r"(?:,\s*(?:who|speaking)[^,]*,)?\s*$",
    re.IGNORECASE,
)

# --- what a denial or reply answers -----------------------------------------------------------

_CLAIM_NOUN = (
    r"(?:reports?|claims?|allegations?|suggestions?|accusations?|rumou?rs?|assertions?|speculation|charges?)"
)
# "the US account as “baseless”", "reports that X as completely untrue": object, then rating.
RATED_AS = lazy(r"(?P<obj>[^“”\"]{2,200}?)\s+as\s+(?P<rating>(?:[“\"]|a\b|an\b|\w+\b).*)$", re.DOTALL)
# "called the figure “a fabrication”", "called the plan a good first step": object, then rating.
CALLED = lazy(
    r"(?P<obj>(?:the|this|that|these|those|such|his|her|their|its)\s+[\w'’-]+(?:\s+[\w'’-]+)?)\s+(?P<rating>[“\"].+)$",
    re.DOTALL,
)
# "reports that the dam had been breached" → the claim.
NAMED_CLAIM = lazy(
    r"(?:the\s+|these\s+|those\s+)?"
    + _CLAIM_NOUN
    + r"\s+(?:(?:by|from|in)\s+[^,;]{2,60}?\s+)?that\s+(?P<claim>.+)$",
    re.IGNORECASE | re.DOTALL,
)
# "claims by Pakistani media that", "reports in the Indian press that": who made the claim.
CLAIMANT = lazy(
    r"\b(?P<noun>" + _CLAIM_NOUN + r")\s+(?:by|from)\s+(?P<who>[^,;]{2,60}?)\s+that\s*$", re.IGNORECASE
)
# A claim named in a sentence around an elliptical reply.
REPLIED_CLAIM = lazy(
    r"\b"
    + _CLAIM_NOUN
    + r"\s+(?:(?:by|from|in)\s+[^,;]{2,60}?\s+)?that\s+(?P<claim>[^,;:“”\"?]+?)(?=\s*(?:[,;:.!?“”\"]|\s+as\b|$))"
    r"|\basked\s+(?:[A-Z][\w'’.-]*\s+){0,3}(?:whether|if)\s+(?P<question>[^,;:?“”\"]+)",
    re.IGNORECASE,
)
# Replies that deny without saying what: "Completely untrue.", "a fabrication".
ELLIPTICAL_DENIAL = lazy(
    r"\b(?:untrue|not true|false|baseless|unfounded|groundless|fabricat\w*|nothing of the sort|no such thing"
    r"|never happened|did not happen|didn[’']t happen|nonsense|rubbish|lies?|propaganda|fake news|fiction)\b",
    re.IGNORECASE,
)
# A reply that is nothing but a denial, whatever it answers: "Completely untrue", "This is a
# fabrication from start to finish", "Pure propaganda" (not "the village lies on the border").
BARE_DENIAL = lazy(
    r"(?:(?:this|that|it|all|these|those)\s+(?:is|was|are|were)\s+|it['’]s\s+|that['’]s\s+)?"
    r"(?:(?:a|an|complete|completely|total|totally|utter|utterly|absolute|absolutely|entirely|wholly"
    r"|pure|purely|simply|just|blatant|blatantly|malicious|baseless|and)\s+)*"
    r"(?:untrue|not true|false|baseless|unfounded|groundless|fabricat\w*|nonsense|rubbish|lies|a lie"
    r"|propaganda|fake news|fiction|nothing of the sort|no such thing)\b",
    re.IGNORECASE,
)
# A bare "no" to a question: a denial only where the text names the question it answers.
_NO = (
    r"(?:no|never|none(?: whatsoever)?|nope|absolutely not|certainly not|of course not|definitely not"
    r"|not at all|not once|not in the least|by no means|not ever)"
)
NEGATIVE_REPLY = lazy(rf"{_NO}(?:[.,!]+\s*{_NO})*", re.IGNORECASE)
# A question the article asks in its own voice before the answer: "Was the dam breached?"
DIRECT_QUESTION = lazy(
    r"(?:was|were|is|are|did|does|do|has|have|had|will|would|can|could|should)\s+[^?“”\"]{3,200}\?",
    re.IGNORECASE,
)
# A denial's object that only points back at a claim named before: "denied the reports".
ANAPHORIC_CLAIM = lazy(
    r"(?:the|this|that|these|those|such)\s+(?:"
    + _CLAIM_NOUN[3:-1]
    + r"|figures?|accounts?|statements?|remarks?|stor(?:y|ies)|versions?|numbers?|tally)|them|it",
    re.IGNORECASE,
)
# Plural nouns for people at a place, which a speaker phrase may extend: "engineers at the site".
GROUP_NOUNS = words("""
engineers workers doctors nurses teachers officials sources diplomats officers experts
scientists analysts residents witnesses investigators staff employees soldiers rescuers
""")
