"""Word lists that claim analysis (tracker.text), judging (tracker.judge, tracker.parts) and
attribution (tracker.extract) share.

One place to add an abbreviation, a hedge, a denial word, a country's names or a group of
people. Where two uses need different lists, both are here side by side, named for their use,
with the reason they differ.
"""

from __future__ import annotations

import re

__all__ = [
    "ABBREVIATIONS",
    "ACTOR_GROUPS",
    "CAPITALS",
    "DENIAL_LABELS",
    "DENIAL_RATINGS",
    "ENTITY_ALIASES",
    "HEDGES_IN_ATTRIBUTION",
    "HEDGES_IN_CLAIMS",
    "IDENTIFIER_NOUNS",
    "MONTHS",
    "MULTIWORD_ALIASES",
    "NUMBER_ABBREVIATIONS",
    "PLACE_PREPOSITIONS",
    "SLOT_FILLERS_TO_SKIP",
    "TITLE_ABBREVIATIONS",
    "WEEKDAYS",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The words of a word list written as one whitespace-separated string."""
    return frozenset(text.split())


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
HEDGES_IN_CLAIMS = re.compile(
    r"\b(?:" + "|".join(HEDGES_IN_ATTRIBUTION) + r"|alleged|presumably|possibly"
    r"|probably|likely|unlikely|perhaps|maybe|may|might|could|rumou?rs?|rumou?red"
    r"|unconfirmed|unverified|claims?|claimed|claiming|according to|report:|reports? (?:say|said|claim|suggest)s?"
    r"|sources?(?: say| said|:)?|believed to|said to be|thought to|suspected|speculat\w+"
    r"|appears? to|seems? to"
    r"|hints?|hinted|suggests?|suggested|if true|so-called|may have|could have|might have"
    r"|investigat\w+|probe|probing|questions?|mystery|confusion|viral|video shows?"
    r"|photos? shows?|purported)\b"
)

# ---------------------------------------------------------------- denials

# Labels by which a text calls a claim false, in normalised text, fact-check style: "hoax",
# "photoshopped", "doubts about". They count only as a predicate ("is a hoax", "hoax:").
DENIAL_LABELS = re.compile(
    r"\b(?:hoax(?:es|er|ers)?|fake|fakes|faked|fabricated|fabrication|false|falsely|untrue"
    r"|not true|baseless|bogus|debunk(?:ed|s|ing)?|myth|myths|nope|prank|satire|satirical"
    r"|fraud|fraudulent|phony|phoney|made up|misleading|no evidence|no truth|unfounded"
    r"|rumou?r (?:is )?false|not real|isn't real|isn't true|wasn't true|setting the record straight"
    r"|set the record straight|doctored|photoshopped|spoof|scam|made (?:it|\w+|the \w+)(?: all)? up"
    r"|doubts? (?:that|whether|about|over|on)|cast(?:s|ing)? doubts?|rais(?:es|ed|ing) doubts?|doubtful"
    r"|troll(?:ed|s|ing)|duped|dupes|fooled|misinformation|erroneous|libel|bs)\b"
)
# Words by which a rating verb's complement calls its object false: "called the claims baseless".
# After "called" an opinion word ("lies", "wrong", "absurd") can only rate the object; as a label
# anywhere in a headline it may judge something else, and added to the labels these words move
# the judge's Emergent figures (up on dev, down on check): two lists until that is measured out.
DENIAL_RATINGS = re.compile(
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
australia: australian australians | canberra
bangladesh: bangladeshi bangladeshis | dhaka
brazil: brazilian brazilians | brasilia
canada: canadian canadians | ottawa
china: chinese prc | beijing
egypt: egyptian egyptians | cairo
ethiopia: ethiopian ethiopians | addis-ababa
france: french | paris elysee
germany: german germans | berlin
india: indian indians | delhi new-delhi
indonesia: indonesian indonesians | jakarta
iran: iranian iranians | tehran
iraq: iraqi iraqis | baghdad
israel: israeli israelis
italy: italian italians | rome
japan: japanese | tokyo
kenya: kenyan kenyans | nairobi
mexico: mexican mexicans
nigeria: nigerian nigerians | abuja
north-korea: dprk | pyongyang
pakistan: pakistani pakistanis | islamabad
palestine: palestinian palestinians
philippines: filipino filipinos | manila
poland: polish | warsaw
russia: russian russians | moscow kremlin
saudi-arabia: saudi saudis | riyadh
south-africa:  | pretoria
south-korea:  | seoul
sudan: sudanese | khartoum
syria: syrian syrians | damascus
turkey: turkish turkiye | ankara
ukraine: ukrainian ukrainians | kyiv kiev
united-kingdom: britain british uk | whitehall
united-states: american americans us usa america | washington
venezuela: venezuelan venezuelans | caracas
vietnam: vietnamese | hanoi
"""

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
    "south korea": "country:south-korea",
    "south africa": "country:south-africa",
    "saudi arabia": "country:saudi-arabia",
    "addis ababa": "country:ethiopia",
    "islamic state": "group:islamic-state",
    "european union": "group:european-union",
    "united nations": "group:united-nations",
}

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
MONTHS: dict[str, str] = {name: name for name in _MONTH_NAMES.split()} | {
    name[:3]: name for name in _MONTH_NAMES.split()
} | {"sept": "september"}
WEEKDAYS: frozenset[str] = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Prepositions after which a country or group names where something happened.
PLACE_PREPOSITIONS: frozenset[str] = frozenset(
    "in at near over across outside inside into from to towards toward around within".split()
)
# Words that stand before a part's filler without being one; dropped before aligning parts.
SLOT_FILLERS_TO_SKIP: frozenset[str] = frozenset("the a an its their his her our some".split())

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
