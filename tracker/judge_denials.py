"""A denial that names no claim: "the Free Valta Front has rejected the accusation", "denied
the charges", "dismissed the allegations". It denies whatever accusation its context names,
which the claim alone does not say: beside another claim it is at most related, never agreeing
(its polarity is a denial's, though no negation word is written) and never contradicting a
denial it may well repeat ("did not attack the depot")."""

from __future__ import annotations

from tracker.model import Reason
from tracker.patterns import lazy

_BARE_DENIAL = lazy(
    r"\b(?P<verb>(?:has |have |had )?(?:rejected|denied|dismissed|refuted|rebuffed|disputed|rejects|denies"
    r"|dismisses|refutes|disputes))\s+(?:the|these|this|that|those|such|all|any|all the|its|their)\s+"
    r"(?P<what>accusations?|charges?|allegations?|claims?|reports?|suggestions?)$"
)


def bare_denial(proposition: str) -> str | None:
    """The denial as written, if the proposition ends in one that names no claim."""
    m = _BARE_DENIAL.search(proposition.rstrip(" ."))
    return f"{m.group('verb')} the {m.group('what')}" if m else None


def unnamed_denial(prop_a: str, prop_b: str) -> Reason | None:
    """One side denies an accusation it does not name; the other is some other claim."""
    da, db = bare_denial(prop_a), bare_denial(prop_b)
    if bool(da) == bool(db):
        return None
    side, text = ("a", da) if da else ("b", db)
    return Reason("denial", f"'{text}' in {side} denies an accusation it does not name", side)
