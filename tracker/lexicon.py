"""Word lists shared by the judging and extraction code, each named for what it is for."""

from __future__ import annotations

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
