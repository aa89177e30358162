"""The thresholds a person sets, the status a judged link gets, and the fixed numbers linking
runs with."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from tracker.model import InvalidInput, Judgement, Relation, ReviewStatus
from tracker.parts import CONFLICT_CODES
from tracker.store import get_setting, set_setting, write_transaction

Progress = Callable[[int, int, str], None]  # (done, total, what is being done)

# Settings: name -> (default, what it means). Calibrated on SemEval STS headlines (2013-2015,
# relate's score against the gold 0-5 similarity) and Emergent's headlines (relate-4).
SUGGEST = "suggest_threshold"
CONFIRM = "confirm_threshold"
# 30: 98 % of STS pairs about the same event (gold >= 3) score at least this, and so do most
# headlines of one Emergent claim from different outlets (45 linked 42 % of the agreeing ones,
# 30 links 56 %) while 99.7 % of headlines of different claims stay unlinked. At 25 a short
# statement sharing one country's name with another links ("If India stops here…" / "The ball is
# in India's court"): relate calls such pairs related, but they are not worth a reviewer's time.
DEFAULT_SUGGEST = 30.0
# 90: 97 % of STS pairs scoring this are about the same event, so a person need not check them.
DEFAULT_CONFIRM = 90.0
# A contradiction is an accusation and a hedged pair only reports a claim: a person confirms
# those unless the wording is all but identical.
CAREFUL_CONFIRM = 97.0
SETTINGS: dict[str, tuple[float, str]] = {
    SUGGEST: (DEFAULT_SUGGEST, "score (0-100) from which a link is stored as suggested"),
    CONFIRM: (DEFAULT_CONFIRM, "score (0-100) from which a link is confirmed without review"),
}
_CAREFUL_CODES = frozenset({"hedge", "modality"})
_MEANING = "meaning"  # link.meaning.MEANING: related by the cosine of sentence vectors

# Links a statement keeps: its strongest, by score. Measured on the LIAR corpus (20k), the
# five strongest on both sides kept every right link and dropped two thirds of the wrong ones;
# a claim there has about ten wordings at 100k, so a statement needs room for more than ten.
MAX_LINKS = 12

# A side taken far below what both statements say elsewhere: a link scoring more than this
# below the strongest link of each of its statements is stored as related, not as agrees or
# contradicts (and a statement joins no claim through a link this far below its strongest).
# Two statements that each have a near copy (a rewording scoring 80-100) and share only some
# vocabulary with each other (30-60) are most often about different claims: on the LIAR corpus
# (20k statements copied from 2,000 claims) 20 points take agrees precision from .76 to .94
# and the contradictions shown from .61 to .85, recall the same (.93, .86); 30 points give .93
# and .83, and at 100k fall short of .80 for contradictions. A statement with no link that
# strong keeps its side however weak: nothing overshadows it.
OVERSHADOW_MARGIN = 20.0

WORKERS = min(os.cpu_count() or 1, 8)
# statements: below this, starting worker processes costs more than it saves (read as
# config.PARALLEL_MIN where it is used, so that tests can lower it in one place)
PARALLEL_MIN = 5_000


@dataclass(frozen=True)
class Thresholds:
    suggest: float = DEFAULT_SUGGEST
    confirm: float = DEFAULT_CONFIRM


def thresholds(db: Database) -> Thresholds:
    values = {}
    for name, (default, _) in SETTINGS.items():
        raw = get_setting(db, name)
        values[name] = float(raw) if raw is not None else default
    return Thresholds(values[SUGGEST], values[CONFIRM])


def settings(db: Database) -> list[dict[str, Any]]:
    """Every setting with its value, default and meaning."""
    current = thresholds(db)
    value = {SUGGEST: current.suggest, CONFIRM: current.confirm}
    return [
        {"key": name, "value": value[name], "default": default, "description": text}
        for name, (default, text) in SETTINGS.items()
    ]


def set_threshold(db: Database, name: str, raw: str) -> float:
    """Validate and store one threshold: a number 0-100, suggest never above confirm."""
    if name not in SETTINGS:
        raise InvalidInput(f"unknown setting {name!r}: use one of {', '.join(SETTINGS)}")
    try:
        value = float(raw)
    except ValueError:
        raise InvalidInput(f"{name} must be a number from 0 to 100, not {raw!r}") from None
    if not 0 <= value <= 100 or math.isnan(value):
        raise InvalidInput(f"{name} must be a number from 0 to 100, not {raw!r}")
    with write_transaction(db):  # the other threshold, as the write finds it
        current = thresholds(db)
        suggest = value if name == SUGGEST else current.suggest
        confirm = value if name == CONFIRM else current.confirm
        if suggest > confirm:
            raise InvalidInput(f"{SUGGEST} ({suggest:g}) must not be above {CONFIRM} ({confirm:g})")
        set_setting(db, name, f"{value:g}")
    return value


def status_for(judgement: Judgement, limits: Thresholds) -> ReviewStatus:
    """Suggested, or confirmed when the score is high enough for no one to check it: the
    engine's confirmation, which every display calls auto-confirmed, review still offers, and
    which passes no verdict on (only a person's, stamped `reviewed_at`, does). A pair
    whose parts conflict (another actor, target, place, time, number) is never confirmed
    without a person: the wording that makes it look sure is what the conflict hides in; nor
    is a pair related only by meaning (the semantic layer's `meaning` reason), nor a
    contradiction led by a hedged denial ("likely untrue")."""
    if any(r.code in CONFLICT_CODES or r.code == _MEANING for r in judgement.reasons):
        return ReviewStatus.SUGGESTED
    if judgement.relation is Relation.CONTRADICTS and any(r.code == "hedge" for r in judgement.reasons):
        return ReviewStatus.SUGGESTED  # "probably fabricated": an accusation its writer hedges
    careful = judgement.relation is Relation.CONTRADICTS or any(
        r.code in _CAREFUL_CODES for r in judgement.reasons
    )
    needed = max(limits.confirm, CAREFUL_CONFIRM) if careful else limits.confirm
    return ReviewStatus.CONFIRMED if judgement.score >= needed else ReviewStatus.SUGGESTED
