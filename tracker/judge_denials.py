"""A denial that names no claim: "the Free Valta Front has rejected the accusation", "denied
the charges", "dismissed the allegations". It denies whatever accusation its context names,
which the claim alone does not say: beside another claim it is at most related, never agreeing
(its polarity is a denial's, though no negation word is written) and never contradicting a
denial it may well repeat ("did not attack the depot")."""

from __future__ import annotations

import re

from tracker.model import Reason
from tracker.patterns import lazy

_DENIAL_VERB = (
    r"(?:has |have |had )?(?:rejected|denied|dismissed|refuted|rebuffed|disputed|rejects|denies"
    r"|dismisses|refutes|disputes)"
)
_POINTER = r"(?:the|these|this|that|those|such|all|any|all the|its|their)"
_BARE_DENIAL = lazy(
    rf"\b(?P<verb>{_DENIAL_VERB})\s+{_POINTER}\s+"
    r"(?P<what>accusations?|charges?|allegations?|claims?|reports?|suggestions?)$"
)
# What a denial's object may be without naming a claim of its own: an accusation it points back
# at ("the accusation", "them"), or a part the denier is said to have had in an event ("any
# involvement in the attack": the claim would be that they were involved, which no words say).
_UNNAMED_OBJECT = (
    rf"(?:{_POINTER}\s+(?:accusations?|charges?|allegations?|claims?|reports?|suggestions?|rumou?rs?)"
    r"|it|them|(?:any\s+)?wrongdoing"
    r"|(?:any\s+)?(?:involvement|role|part|hand)\s+in\s+.+|(?:any\s+)?responsibility\s+for\s+.+)"
)
_NAMES_NO_CLAIM = lazy(rf"(?:^|\b{_DENIAL_VERB}\s+){_UNNAMED_OBJECT}$", re.IGNORECASE)


# What _BARE_DENIAL must end with ($ also matches before a final newline): most propositions
# end otherwise, and the scan for a denial verb is spared them
_BARE_ENDS = tuple(
    f"{w}{s}" for w in "accusation charge allegation claim report suggestion".split() for s in ("", "s")
)


def bare_denial(proposition: str) -> str | None:
    """The denial as written, if the proposition ends in one that names no claim."""
    stripped = proposition.rstrip(" .")
    if not stripped.endswith((*_BARE_ENDS, "\n")):
        return None
    m = _BARE_DENIAL.search(stripped)
    return f"{m.group('verb')} the {m.group('what')}" if m else None


def names_no_claim(denial: str) -> bool:
    """Whether a denial, with its verb or without, names no claim it could found: "denied the
    accusation", "any involvement in the attack" (what was denied is another statement's, or
    not in words)."""
    return _NAMES_NO_CLAIM.search(denial.strip().rstrip(".")) is not None


def unnamed_denial(prop_a: str, prop_b: str) -> Reason | None:
    """One side denies an accusation it does not name; the other is some other claim."""
    da, db = bare_denial(prop_a), bare_denial(prop_b)
    if bool(da) == bool(db):
        return None
    side, text = ("a", da) if da else ("b", db)
    return Reason("denial", f"'{text}' in {side} denies an accusation it does not name", side)
