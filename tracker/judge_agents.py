"""Who or what did one act: two causes of one event ("caused by a gas leak" / "a drone attack
caused the explosion"), two agents of one passive ("launched by the Free Valta Front" /
"launched by Ostria"), and an agent against an origin ("launched by X" / "launched from Y").

Kept apart from tracker.parts, which compares one word for one word: an agent or a cause is
often a phrase ("a gas leak", "the Free Valta Front").
"""

from __future__ import annotations

from tracker.judge_roles import active
from tracker.model import Reason
from tracker.parts import canonical_tokens, proper_names
from tracker.patterns import lazy

# Verbs that say what brought an event about: two such causes of one event exclude each other
# (unless one contains the other: "a leak" / "a gas leak").
_CAUSE_VERBS = frozenset({"caused", "triggered", "sparked"})

# "the blast was blamed on a gas leak" and "a gas leak was to blame for the blast" say that
# the leak caused the blast.
_BLAMED_ON = lazy(r"^(?P<event>.+?)\s+(?:was|were|has been|had been|is|are)\s+blamed\s+on\s+(?P<cause>.+)$")
_TO_BLAME = lazy(r"^(?P<cause>.+?)\s+(?:was|were|is|are)\s+to\s+blame(?:\s+for\s+(?P<event>.+))?$")

# A passive that says by whom or from where a thing was done: "the drone was launched from ostria".
_BY_OR_FROM = lazy(
    r"^(?P<patient>.+?)\s+(?:was|were|is|are|has been|have been|had been)\s+(?P<verb>[a-z]+ed)\s+"
    r"(?P<prep>by|from)\s+(?P<filler>.+)$"
)

_AGENT_WORDS = 6


def _as_cause(active: str) -> str:
    """A claim of blame as a claim of cause: "x was blamed on y" → "y caused x"."""
    if "blame" not in active:  # what both patterns need: most claims blame no one
        return active
    m = _BLAMED_ON.match(active)
    if m:
        return f"{m.group('cause')} caused {m.group('event')}"
    m = _TO_BLAME.match(active)
    if m:
        return f"{m.group('cause')} caused {m.group('event') or ''}".strip()
    return active


def blame_as_cause(a: str, b: str) -> tuple[str, str] | None:
    """Both propositions as claims of cause, when either is a claim of blame (else None)."""
    ca, cb = _as_cause(active(a)), _as_cause(active(b))
    if ca == active(a) and cb == active(b):
        return None
    return ca, cb


def _content(tokens: tuple[tuple[str, str], ...]) -> frozenset[str]:
    return frozenset(c for c, w in tokens if len(w) > 2)


def _named(words: tuple[tuple[str, str], ...], names: frozenset[str]) -> bool:
    return any(w in names or c.startswith(("country:", "city:", "group:")) for c, w in words)


def other_agent(active_a: str, active_b: str, text_a: str, text_b: str, *, passive: bool) -> Reason | None:
    """One act said to have been done (or caused) by two different doers: the words after the
    doer are the same act on the same thing, the doers share no word. For an act other than
    causing, one side must name its doer in a passive's by-phrase and each doer must be a name,
    a country or a group ("officers" / "police" arrested a man may be one set of people; "the
    Pentagon" / "the US Defense Department" confirmed a strike may be one body)."""
    a, b = _as_cause(active_a), _as_cause(active_b)
    ta, tb = canonical_tokens(a), canonical_tokens(b)
    ca, cb = [c for c, _ in ta], [c for c, _ in tb]
    shared = 0
    while shared < min(len(ca), len(cb)) and ca[-1 - shared] == cb[-1 - shared]:
        shared += 1
    if shared == 0:
        return None
    verb_a = ta[len(ta) - shared]
    cause = verb_a[1] in _CAUSE_VERBS
    if not cause:
        if not passive or shared < 2 or not _BY_PASSIVE_VERB.fullmatch(verb_a[1]):
            return None
        return _named_agents(ta, tb, shared, text_a, text_b)
    agent_a, agent_b = ta[: len(ta) - shared], tb[: len(tb) - shared]
    return _disjoint(agent_a, agent_b)


_BY_PASSIVE_VERB = lazy(r"[a-z]+ed")


def _disjoint(agent_a: tuple[tuple[str, str], ...], agent_b: tuple[tuple[str, str], ...]) -> Reason | None:
    wa, wb = _content(agent_a), _content(agent_b)
    if not wa or not wb or len(agent_a) > _AGENT_WORDS or len(agent_b) > _AGENT_WORDS or wa & wb:
        return None
    shown_a = " ".join(w for _, w in agent_a)
    shown_b = " ".join(w for _, w in agent_b)
    return Reason("agent", f"'{shown_a}' in a vs '{shown_b}' in b")


def _named_agents(
    ta: tuple[tuple[str, str], ...], tb: tuple[tuple[str, str], ...], shared: int, text_a: str, text_b: str
) -> Reason | None:
    agent_a, agent_b = ta[: len(ta) - shared], tb[: len(tb) - shared]
    if not (_named(agent_a, proper_names(text_a)) and _named(agent_b, proper_names(text_b))):
        return None
    return _disjoint(agent_a, agent_b)


def agent_or_origin(prop_a: str, prop_b: str) -> Reason | None:
    """ "launched by the front" / "launched from ostria": who did it against where it came from,
    two parts of one act; neither says the other's."""
    ma, mb = _BY_OR_FROM.match(prop_a), _BY_OR_FROM.match(prop_b)
    if not ma or not mb or ma.group("prep") == mb.group("prep"):
        return None
    if (ma.group("patient"), ma.group("verb")) != (mb.group("patient"), mb.group("verb")):
        return None
    side = "a" if ma.group("prep") == "from" else "b"
    return Reason("origin", f"where from in {side}, by whom in the other", side)
