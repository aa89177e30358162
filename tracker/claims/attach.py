"""Attaching statements to the claims they take a side on, after they are linked."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from tracker.judge_denials import names_no_claim
from tracker.model import Judgement, Polarity, Relation, ReviewStatus, reason_dicts
from tracker.store.connection import write_transaction

if TYPE_CHECKING:
    from tracker.link import Thresholds

from tracker.claims.records import (
    _OPPOSITE,
    _STANCE_OF,
    CANDIDATE,
    CANDIDATE_CLAIMS,
    STATEMENTS_PER_CLAIM,
    Origin,
    Stance,
    _now,
)
from tracker.claims.wording import accused_of, is_accusation, opens_with_pronoun, word_claim

# --- attaching ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    claim_id: int
    statement_id: int
    stance: Stance
    judgement: Judgement
    founder: bool = False


def _stance(judgement: Judgement) -> Stance | None:
    return _STANCE_OF.get(judgement.relation)


def _judge(claim_text: str, statement_text: str, threshold: float) -> Judgement | None:
    from tracker.judge import relate

    judgement = relate(claim_text, statement_text)
    if judgement.relation is Relation.UNRELATED or judgement.score < threshold:
        return None
    return judgement


def _status(judgement: Judgement, stance: Stance, limits: Thresholds) -> ReviewStatus:
    from tracker.link import status_for

    if stance is Stance.DISCUSSES:
        return ReviewStatus.SUGGESTED
    return status_for(judgement, limits)


def _store(db: Database, found: Iterable[_Found], limits: Thresholds) -> int:
    """Write attachments; a person's decision (confirmed or rejected by someone) stays."""
    stamp = _now()
    rows = [
        (
            f.claim_id,
            f.statement_id,
            f.stance.value,
            f.judgement.score,
            json.dumps(reason_dicts(f.judgement.reasons)),
            _status(f.judgement, f.stance, limits).value,
            stamp,
            int(f.founder),
        )
        for f in found
    ]
    db.conn.executemany(
        """INSERT INTO claim_statements (claim_id, statement_id, stance, score, reasons, status, created_at, founder)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (claim_id, statement_id) DO UPDATE SET
               stance = excluded.stance, score = excluded.score, reasons = excluded.reasons,
               status = excluded.status, created_at = excluded.created_at
           WHERE claim_statements.reviewed_by IS NULL AND claim_statements.founder = 0""",
        rows,
    )
    return len(rows)


def _claim_query(words: Sequence[str]) -> str:
    from tracker.link.candidates import fts_query

    return fts_query(list(words))


def attach_to_claim(db: Database, claim_id: int, claim_text: str) -> int:
    """Judge the statements full-text search finds for one claim, and attach those that take a
    side on it or discuss it."""
    from tracker.link import rare_terms, thresholds

    limits = thresholds(db)
    words = rare_terms(db, claim_text, k=12)
    found = []
    threshold = limits.suggest
    for row in (
        db.query(
            """SELECT s.id, s.text FROM statements_fts f JOIN statements s ON s.id = f.rowid
           WHERE statements_fts MATCH ? ORDER BY rank LIMIT ?""",
            [_claim_query(words), STATEMENTS_PER_CLAIM],
        )
        if words
        else ()
    ):
        judgement = _judge(claim_text, row["text"], threshold)
        stance = _stance(judgement) if judgement else None
        if judgement is not None and stance is not None:
            found.append(_Found(claim_id, row["id"], stance, judgement))
    found += _near_in_meaning(db, claim_id, claim_text, {f.statement_id for f in found})
    # a statement already near another recorded claim, far nearer than to this one, stays there
    elsewhere = dict(
        db.execute(
            """SELECT cs.statement_id, max(cs.score) FROM claim_statements cs
               JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL AND c.origin IN ('user', 'denial')
               WHERE cs.claim_id != ? AND cs.status != 'rejected' GROUP BY cs.statement_id""",
            [claim_id],
        ).fetchall()
    )
    found = [f for f in found if f.judgement.score >= elsewhere.get(f.statement_id, 0.0) - NEAREST_MARGIN]
    return _store(db, found, limits)


def attach_statements(db: Database, ids: Sequence[int]) -> int:
    """Attach new statements to the claims they take a side on, after they are linked.

    First the claims people recorded: full-text search finds the likeliest, and the judge
    decides the stance; a statement near several keeps those within NEAREST_MARGIN of its
    nearest. Then the claims statements founded: a statement joins the claim of the statement
    on a claim it is most strongly linked to (agrees: that statement's side; contradicts: the
    other side), unless that link is far below its strongest (see `_through_founders`), and a
    statement linked to none founds a claim of its own: what it asserts, or, for "denied
    claims that X", claim X. Returns how many attachments were written.

    The judging against recorded claims is done before the write lock is taken, so that other
    writers need not wait for it; under the lock, it is done again only if those claims or
    the thresholds changed meanwhile.

    Linking judges (`judge_attachments`) before it takes the write lock, and writes the links
    and the attachments (`store_attachments`) in one transaction: a ledger never holds links
    without the sides on claims they imply.
    """
    return store_attachments(db, judge_attachments(db, ids))


@dataclass(frozen=True)
class Judged:
    """The statements to attach and how they stand to the recorded claims, judged with no lock
    held: what `store_attachments` writes under the lock, judging again if it changed."""

    wanted: list[int]
    said: dict[int, dict[str, Any]]
    replies: list[dict[str, Any]]
    limits: Thresholds
    recorded: list[int]
    found: list[_Found]
    denials: dict[int, Any]
    forget: bool


def judge_attachments(db: Database, ids: Iterable[int], *, forget: bool = False) -> Judged:
    """The part of attaching `ids` that needs no lock; with `forget`, what tracker attached
    them to before (not a person's decision, not a claim they founded) is to be deleted when
    they are stored."""
    from tracker.link import thresholds

    wanted = sorted(set(ids))
    rows = {
        row["id"]: row
        for chunk in _chunks(wanted, 500)
        for row in db.query(
            f"SELECT {', '.join(_FOUNDING_COLUMNS)} FROM statements"
            f" WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
    }
    said = {sid: row for sid, row in rows.items() if not row["answers"]}
    limits, recorded = thresholds(db), _recorded_claims(db)  # as judged: what the write re-checks
    found = _nearest(_with_meaning(db, said, _to_recorded_claims(db, said, limits)))
    replies = [row for row in rows.values() if row["answers"]]
    return Judged(wanted, said, replies, limits, recorded, found, _denial_analyses(rows.values()), forget)


def store_attachments(db: Database, judged: Judged) -> int:
    """Write what `judge_attachments` found, under the write lock (the caller's, or its own),
    judging again against the recorded claims if they or the thresholds changed meanwhile;
    then the joins through links, and the claims statements found. Returns how many
    attachments were written."""
    from tracker.link import thresholds

    if not judged.wanted:
        return 0
    said, replies, denials, limits, found = (
        judged.said,
        judged.replies,
        judged.denials,
        judged.limits,
        judged.found,
    )
    with write_transaction(db):
        if judged.forget:
            _forget(db, judged.wanted)
        if (thresholds(db), _recorded_claims(db)) != (limits, judged.recorded):  # changed meanwhile
            limits = thresholds(db)
            found = _nearest(_with_meaning(db, said, _to_recorded_claims(db, said, limits)))
        sided = {f.statement_id for f in found if f.stance is not Stance.DISCUSSES}
        written = _store(db, found, limits)
        # One by one, so that a claim founded here is one the next may join; assertions
        # first, so that a claim is worded as someone asserted it and its denials join it.
        sided |= _already_sided(db, judged.wanted)  # founders, and statements a person placed
        founders = _founders(db)
        members = _judged_members(db)
        linked = _links_of(db, judged.wanted)
        joined: list[_Found] = []
        through: dict[int, tuple[int, Stance]] = {}  # what statements joined through links here
        for sid in sorted(said, key=lambda sid: (said[sid]["polarity"] != Polarity.AFFIRM.value, sid)):
            if sid not in sided:
                joined.extend(
                    _through_founders(db, said[sid], linked.get(sid, ()), founders, denials, members, through)
                )
        written += _store(db, joined, limits)
        # Replies last: the claim one answers may have been founded just now.
        answered = _by_statement(db, [row for row in replies if row["id"] not in sided], limits)
        written += _store(db, answered, limits)
        sided |= {f.statement_id for f in answered if f.stance is not Stance.DISCUSSES}
        # One by one again: a denial and the reply after it ("rejected claims that X" … "The
        # allegations are baseless") answer one claim, which the first founds and the next joins.
        founded_here = False
        for row in replies:
            if row["id"] in sided:
                continue
            if founded_here:
                again = _by_statement(db, [row], limits)
                written += _store(db, again, limits)
                if any(f.stance is not Stance.DISCUSSES for f in again):
                    sided.add(row["id"])
                    continue
            founded = _found_claim(db, row, denials)
            if founded is not None:
                written += _store(db, [founded], limits)
                founded_here = True
    return written


def _near_in_meaning(db: Database, claim_id: int, claim_text: str, found: set[int]) -> list[_Found]:
    """With the semantic layer on: the statements nearest a new claim in meaning, judged on it."""
    from tracker.semantic.store import enabled

    if not enabled(db):
        return []
    from tracker.link import thresholds
    from tracker.link.meaning import statements_near_claim

    suggest = thresholds(db).suggest  # as for a side found by words
    out = []
    for statement_id, judgement in statements_near_claim(db, claim_id, claim_text, found):
        stance = _stance(judgement)
        if stance is not None and judgement.score >= suggest:
            out.append(_Found(claim_id, statement_id, stance, judgement))
    return _unless_a_person_said_otherwise(db, out)


def _with_meaning(db: Database, rows: dict[int, dict[str, Any]], found: list[_Found]) -> list[_Found]:
    """With the semantic layer on (link/meaning.py): the statements the judge placed on no
    recorded claim are judged against the recorded claims nearest them in meaning too."""
    from tracker.semantic.store import enabled

    if not enabled(db):
        return found
    from tracker.link import thresholds
    from tracker.link.meaning import claims_by_meaning

    suggest = thresholds(db).suggest  # as for a side found by words
    sided = {f.statement_id for f in found if f.stance is not Stance.DISCUSSES}
    extra = []
    for claim_id, statement_id, judgement in claims_by_meaning(db, rows.values(), sided):
        stance = _stance(judgement)
        if stance is not None and judgement.score >= suggest:
            extra.append(_Found(claim_id, statement_id, stance, judgement))
    return found + _unless_a_person_said_otherwise(db, extra)


# a reviewed link to a statement on the claim (`?` the claim, then the side found) that says
# the two do not stand as that side says: rejected, or confirmed as another relation
_SAID_OTHERWISE = """l.reviewed_at IS NOT NULL AND cs.claim_id = ? AND cs.status != 'rejected'
                 AND cs.stance IN ('supports', 'denies')
                 AND (l.status = 'rejected' OR l.relation != CASE WHEN cs.stance = ?
                      THEN 'agrees' ELSE 'contradicts' END)"""


def _unless_a_person_said_otherwise(db: Database, found: list[_Found]) -> list[_Found]:
    """Sides found by meaning, less those a person's decision on a link takes back: a side on
    a claim says how the statement stands with the claim's other statements (agrees with those
    on its side, contradicts those on the other), and a person who rejected the link to one of
    them, or confirmed it as another relation, said it does not (the link and the side rest on
    the same meaning: "The dam was built in 1978" kept 'supports' on "The dam was in danger of
    collapse" after its contradiction with the denial was rejected)."""
    out = []
    for f in found:
        if f.stance is Stance.DISCUSSES:
            out.append(f)
            continue
        # from the statement's own links a person reviewed (a few), not the claim's members (many)
        said = db.execute(
            f"""SELECT 1 FROM links l JOIN claim_statements cs ON cs.statement_id = l.b_id
                WHERE l.a_id = ? AND {_SAID_OTHERWISE}
                UNION ALL
                SELECT 1 FROM links l JOIN claim_statements cs ON cs.statement_id = l.a_id
                WHERE l.b_id = ? AND {_SAID_OTHERWISE}
                LIMIT 1""",
            [f.statement_id, f.claim_id, f.stance.value, f.statement_id, f.claim_id, f.stance.value],
        ).fetchone()
        if said is None:
            out.append(f)
    return out


# A statement the judge finds near several recorded claims is about the nearest: those it scores
# more than this far below its best are dropped. On Emergent's dev half (a headline is about one
# claim, 120 claims) 20 points drop two in five of the attachments to other claims (18.0 % of
# headlines attached to a claim not theirs -> 10.7 %) and 0.3 % of those to their own.
NEAREST_MARGIN = 20.0


def _nearest(found: list[_Found]) -> list[_Found]:
    """Of each statement's attachments to recorded claims, those within NEAREST_MARGIN of its best."""
    best: dict[int, float] = {}
    for f in found:
        best[f.statement_id] = max(best.get(f.statement_id, 0.0), f.judgement.score)
    return [f for f in found if f.judgement.score >= best[f.statement_id] - NEAREST_MARGIN]


def _recorded_claims(db: Database) -> list[int]:
    """The claims people recorded and denials named, as the judging against them saw them."""
    return [
        row[0]
        for row in db.execute(
            "SELECT id FROM claims c WHERE origin IN ('user', 'denial') AND merged_into IS NULL"
            f" AND {CANDIDATE} ORDER BY id"
        )
    ]


def _denial_analyses(rows: Iterable[dict[str, Any]]) -> dict[int, Any]:
    """The analysis of each denial that may found a claim (pure: computed before the lock)."""
    from tracker.text import analyse_full

    return {
        row["id"]: analyse_full(row["text"])
        for row in rows
        if row["polarity"] == Polarity.DENY.value and not row["answers"]
    }


def _forget(db: Database, ids: list[int]) -> None:
    for chunk in _chunks(ids, 500):
        db.execute(
            "DELETE FROM claim_statements WHERE reviewed_by IS NULL AND founder = 0"
            f" AND statement_id IN ({','.join('?' * len(chunk))})",
            chunk,
        )


def _founders(db: Database) -> dict[int, tuple[int, Stance]]:
    """Statement id -> the claim it founded and its stance on it."""
    return {
        sid: (claim_id, Stance(stance))
        for sid, claim_id, stance in db.execute(
            """SELECT cs.statement_id, cs.claim_id, cs.stance FROM claim_statements cs
               JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
               WHERE cs.founder = 1 AND cs.status != 'rejected'"""
        )
    }


def _judged_members(db: Database) -> dict[int, tuple[int, Stance]]:
    """Statement id -> the recorded claim the judge found it taking a side on, and its side
    (its strongest, if it takes sides on several). A statement linked to one joins that claim
    as it would join a founder's; members that joined through a link are left out, so that no
    chain of links leads a statement to a claim it was never judged near."""
    best: dict[int, tuple[float, int, Stance]] = {}
    for sid, claim_id, stance, score, reasons in db.execute(
        """SELECT cs.statement_id, cs.claim_id, cs.stance, cs.score, cs.reasons FROM claim_statements cs
           JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL AND c.origin IN ('user', 'denial')
           WHERE cs.founder = 0 AND cs.status != 'rejected' AND cs.stance != 'discusses'"""
    ):
        if any(reason.get("code") == "claim" for reason in json.loads(reasons or "[]")):
            continue  # joined through a link
        if sid not in best or score > best[sid][0]:
            best[sid] = (score, claim_id, Stance(stance))
    return {sid: (claim_id, stance) for sid, (_, claim_id, stance) in best.items()}


# A statement's agrees and contradicts links no one rejected, by `column` (a_id or b_id) IN the
# marks. `+relation`: the column's index finds them (see _links_of).
_SIDED_LINKS = """SELECT a_id, b_id, relation, score, reviewed_at IS NOT NULL FROM links
    WHERE {} IN ({}) AND status != 'rejected' AND +relation IN ('agrees', 'contradicts')"""


def _links_of(db: Database, ids: list[int]) -> dict[int, list[tuple[float, int, str, bool]]]:
    """Statement id -> its agrees and contradicts links that no one rejected: (score, other,
    relation, whether a person reviewed it).

    `+relation`: the statements' own indexes (a_id, b_id) find their links; left to itself,
    SQLite read them through the index on relation, i.e. every agrees and contradicts link of
    the ledger for each chunk of 500 statements (a relink at 100k: 80 of its 90 s attaching)."""
    out: dict[int, list[tuple[float, int, str, bool]]] = defaultdict(list)
    wanted = set(ids)
    for chunk in _chunks(ids, 500):
        marks = ",".join("?" * len(chunk))
        for column in ("a_id", "b_id"):
            for a, b, relation, score, reviewed in db.execute(_SIDED_LINKS.format(column, marks), chunk):
                if column == "a_id" or a not in wanted:  # a link between two wanted ids: once each way
                    out[a].append((score, b, relation, bool(reviewed)))
                    out[b].append((score, a, relation, bool(reviewed)))
    return out


def _placed(db: Database, ids: list[int]) -> dict[int, tuple[int, Stance]]:
    """Statement id -> the claim it takes a side on and its side, for those of the given
    statements that take one (the strongest, if several)."""
    best: dict[int, tuple[float, int, Stance]] = {}
    for chunk in _chunks(ids, 500):
        for sid, claim_id, stance, score in db.execute(
            f"""SELECT cs.statement_id, cs.claim_id, cs.stance, cs.score FROM claim_statements cs
                JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
                WHERE cs.status != 'rejected' AND cs.stance != 'discusses'
                AND cs.statement_id IN ({",".join("?" * len(chunk))})""",
            chunk,
        ):
            if sid not in best or score > best[sid][0]:
                best[sid] = (score, claim_id, Stance(stance))
    return {sid: (claim_id, stance) for sid, (_, claim_id, stance) in best.items()}


def reattach(db: Database, ids: Sequence[int]) -> int:
    """Attach some statements again (their links changed): what tracker attached them to
    before, other than claims they founded and a person's decisions, is found anew."""
    return store_attachments(db, judge_attachments(db, ids, forget=True))


def reattach_all(db: Database) -> int:
    """After a relink: every attachment tracker made (not a person's, not a claim's founder) is
    found again from the new links and judgements."""
    ids = [row[0] for row in db.execute("SELECT id FROM statements ORDER BY id")]
    return store_attachments(
        db, judge_attachments(db, ids, forget=True)
    )  # those stored meanwhile keep theirs


def _to_recorded_claims(db: Database, rows: dict[int, dict[str, Any]], limits: Thresholds) -> list[_Found]:
    """The stances statements take on the claims people recorded and the claims denials named
    (those are few; the claims statements founded are joined through links instead)."""
    from tracker.link import rare_terms

    recorded = db.execute(
        f"SELECT count(*) FROM claims c WHERE origin IN ('user', 'denial') AND merged_into IS NULL AND {CANDIDATE}"
    ).fetchone()[0]
    if not recorded:
        return []
    found: list[_Found] = []
    if len(rows) > 4 * recorded:
        # Many statements, few claims: each claim looks for its statements.
        for claim in db.query(
            f"SELECT id, text FROM claims c WHERE origin IN ('user', 'denial') AND merged_into IS NULL AND {CANDIDATE}"
        ):
            words = rare_terms(db, claim["text"], k=12)
            if not words:
                continue
            for hit in db.query(
                "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rank LIMIT ?",
                [_claim_query(words), STATEMENTS_PER_CLAIM],
            ):
                row = rows.get(hit["rowid"])
                if row is not None:
                    found.extend(_judged(claim["id"], claim["text"], row, limits))
        return found
    return _by_statement(db, list(rows.values()), limits)


def _by_statement(db: Database, rows: list[dict[str, Any]], limits: Thresholds) -> list[_Found]:
    """Each statement looks for its claims; a reply looks among every claim for the one it
    answers (what it answers is a claim someone made: it may be any statement's)."""
    from tracker.link import rare_terms
    from tracker.link.candidates import _DocFrequency

    found: list[_Found] = []
    in_claims = _DocFrequency(db, "claims_fts")
    for row in rows:
        # what a reply answers is in no statement's words ("Completely untrue."): its words
        # are weighed by the claims that hold them
        words = (
            rare_terms(db, row["answers"], k=8, df=in_claims)
            if row["answers"]
            else rare_terms(db, row["text"], k=8)
        )
        if not words:
            continue
        origins = "" if row["answers"] else "AND c.origin IN ('user', 'denial')"
        for claim in db.query(
            f"""SELECT c.id, c.text FROM claims_fts f JOIN claims c ON c.id = f.rowid
                WHERE claims_fts MATCH ? {origins} AND c.merged_into IS NULL AND {CANDIDATE}
                ORDER BY rank LIMIT ?""",
            [_claim_query(words), CANDIDATE_CLAIMS],
        ):
            found.extend(_judged(claim["id"], claim["text"], row, limits))
    return found


def _already_sided(db: Database, ids: list[int]) -> set[int]:
    sided: set[int] = set()
    for chunk in _chunks(ids, 500):
        sided.update(
            row[0]
            for row in db.execute(
                "SELECT statement_id FROM claim_statements WHERE stance != 'discusses' AND status != 'rejected'"
                f" AND statement_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    return sided


def _judged(claim_id: int, claim_text: str, row: dict[str, Any], limits: Thresholds) -> list[_Found]:
    if row["answers"]:
        return _judged_answer(claim_id, claim_text, row, limits)
    judgement = _judge(claim_text, row["text"], limits.suggest)
    stance = _stance(judgement) if judgement else None
    if judgement is None or stance is None:
        return []
    return [_Found(claim_id, row["id"], stance, judgement)]


def _judged_answer(claim_id: int, claim_text: str, row: dict[str, Any], limits: Thresholds) -> list[_Found]:
    """A reply ("Completely untrue.") takes its side on the claim it answers, not on its words:
    the claim is judged against what it answers, and the reply's polarity gives the side."""
    from tracker.model import Reason

    judgement = _judge(claim_text, row["answers"], limits.suggest)
    if judgement is None or judgement.relation is Relation.CONTRADICTS:
        return []
    if judgement.relation is Relation.RELATED:
        stance = Stance.DISCUSSES
    else:
        stance = Stance.DENIES if row["polarity"] == Polarity.DENY.value else Stance.SUPPORTS
    reason = Reason("answers", f"answers '{row['answers']}'")
    return [_Found(claim_id, row["id"], stance, judgement.led_by(reason))]


def _through_founders(
    db: Database,
    row: dict[str, Any],
    links: Iterable[tuple[float, int, str, bool]],
    founders: dict[int, tuple[int, Stance]],
    denials: dict[int, Any],
    members: dict[int, tuple[int, Stance]] | None = None,
    joined: dict[int, tuple[int, Stance]] | None = None,
) -> list[_Found]:
    """The statement joins the claim of the neighbour on a claim it is most strongly linked
    to: the claim that neighbour founded, or the one it takes a side on (judged on a recorded
    claim, `members`; joined through a link, in this batch, `joined`, or before); a statement
    linked to none founds a claim. A link more than OVERSHADOW_MARGIN below the statement's
    strongest does not take it to a claim unless a person reviewed it: a statement far nearer
    another statement than any on a claim is about that one's claim, not about what it shares
    a few words with (LIAR corpus, 100k: such joins were 720 of the 1,400 to another claim's
    founder, and 12 of the 40,700 to the statement's own). Members of recorded claims are
    joined as before: the claim was judged, not only a statement. What the statement joins
    is added to `joined`, so that the next in the batch may join through it."""
    from tracker.link.config import OVERSHADOW_MARGIN
    from tracker.model import Reason

    members = members or {}
    joined = {} if joined is None else joined
    links = list(links)
    floor = max((score for score, _, _, _ in links), default=0.0) - OVERSHADOW_MARGIN
    near = [
        (score, other, relation) for score, other, relation, reviewed in links if reviewed or score >= floor
    ]
    # what the neighbours founded or joined (a founder's claim first, then a member's): only
    # theirs, since a copy of every claim taken so far costs O(n) a statement, O(n²) a relink
    known: dict[int, tuple[int, Stance]] = {}
    for _, other, _, _ in links:
        if other not in known:
            place = founders.get(other) or members.get(other) or joined.get(other)
            if place is not None:
                known[other] = place
    unknown = [other for _, other, _ in near if other not in known]
    if unknown and max(score for score, other, _ in near if other in unknown) >= max(
        (score for score, other, _ in near if other in known), default=-1.0
    ):
        known = {**_placed(db, unknown), **known}  # attached before this batch
    routes = [
        (score, -other, relation)
        for score, other, relation, _ in links
        if other in members or (other in known and (score, other, relation) in near)
    ]
    best = max(routes, default=None)
    if best is None:
        founded = _found_claim(db, row, denials)
        if founded is None:
            return []
        founders[row["id"]] = (founded.claim_id, founded.stance)
        return [founded]
    score, negated, relation = best
    founder = -negated
    claim_id, stance = _side_through(known[founder], relation)
    sides = {_side_through(known[-n], r)[1] for _, n, r in routes if known[-n][0] == claim_id}
    if len(sides) > 1:
        # the links to the claim's statements take both sides ("at least 40 arrested" agrees
        # with "40 arrested", which denies "more than 60 arrested", and with "more than 60"
        # itself): agreeing is not passed on along a chain, so the claim itself decides
        return _judged_on_claim(db, row, claim_id, joined)
    role = "founded the claim" if founder in founders else f"{known[founder][1].value} the claim"
    reason = Reason("claim", f"{relation} with statement {founder}, which {role}")
    joined[row["id"]] = (claim_id, stance)
    return [_Found(claim_id, row["id"], stance, Judgement(Relation(relation), score, (reason,)))]


def _side_through(place: tuple[int, Stance], relation: str) -> tuple[int, Stance]:
    """The claim and side a statement takes through a neighbour on it: the neighbour's side
    if they agree, the other side if they contradict."""
    claim_id, stance = place
    if relation == Relation.CONTRADICTS.value:
        stance = _OPPOSITE.get(stance, stance)
    return claim_id, stance


def _judged_on_claim(
    db: Database, row: dict[str, Any], claim_id: int, joined: dict[int, tuple[int, Stance]]
) -> list[_Found]:
    """The side a statement takes on a claim its links disagree about, judged against the
    claim's words; a claim that judgement takes no side on is one the statement discusses."""
    from tracker.judge import relate
    from tracker.model import Reason

    (claim_text,) = db.execute("SELECT text FROM claims WHERE id = ?", [claim_id]).fetchone()
    judgement = relate(claim_text, row["text"])
    stance = _stance(judgement) or Stance.DISCUSSES
    reason = Reason("claim", "its links to the claim's statements take both sides: judged on the claim")
    if stance is not Stance.DISCUSSES:
        joined[row["id"]] = (claim_id, stance)
    return [_Found(claim_id, row["id"], stance, judgement.led_by(reason))]


def _found_claim(db: Database, row: dict[str, Any], denials: dict[int, Any]) -> _Found | None:
    """The claim a statement founds: what it says; for "denied claims that X", claim X
    (`denials`: the analysis of each denial, by statement id)."""
    founding = _founding(db, row, denials)
    if founding is None:
        return None
    text, proposition, origin, stance, reason = founding
    cursor = db.execute(
        "INSERT INTO claims (text, proposition, origin, created_at) VALUES (?, ?, ?, ?)",
        [text, proposition, origin.value, _now()],
    )
    judgement = Judgement(Relation.AGREES, 100.0, (reason,))
    return _Found(int(cursor.lastrowid or 0), row["id"], stance, judgement, founder=True)


# What founding a claim reads of a statement.
_FOUNDING_COLUMNS = ("id", "text", "proposition", "polarity", "modality", "answers", "cue")


def _founding(
    db: Database, row: dict[str, Any], denials: dict[int, Any]
) -> tuple[str, str, Origin, Stance, Any] | None:
    """(text, proposition, origin, stance, reason) of the claim the statement `row` founds;
    None for a question, or a denial whose words name no claim, which found none."""
    from tracker.model import Modality, Reason

    if row["modality"] == Modality.QUESTION.value:
        return None
    if row["answers"]:
        # A reply founds the claim it answers: "Completely untrue." denies "the dam was breached".
        denies = row["polarity"] == Polarity.DENY.value
        return (
            _sentence(_worded(db, row["id"], row["answers"], reported=True)),
            row["answers"],
            Origin.DENIAL if denies else Origin.STATEMENT,
            Stance.DENIES if denies else Stance.SUPPORTS,
            Reason("answers", f"answers '{row['answers']}'"),
        )
    if row["polarity"] == Polarity.DENY.value and names_no_claim(row["text"]):
        return None  # "denied the accusation", "denied any involvement in …": no claim in its words
    analysis = denials.get(row["id"])
    wrapped = (
        [cue for cue in analysis.cues if cue.kind == "denial" and cue.span[1] <= analysis.prop_offset]
        if analysis is not None
        else []
    )
    proposition = analysis.proposition if analysis is not None else row["proposition"]
    if analysis is not None and wrapped and analysis.proposition:
        # The denial names what it denies: that is the claim, and someone must have made it.
        text = _sentence(
            _worded(db, row["id"], _as_written(row["text"], analysis.proposition), reported=True)
        )
        reason = Reason("claim", f"'{wrapped[0].text}' names the claim it denies")
        return text, proposition, Origin.DENIAL, Stance.DENIES, reason
    reason = Reason("claim", "founded the claim")
    deed = accused_of(row["text"]) if is_accusation(row["cue"]) else None
    return _worded(db, row["id"], deed or row["text"]), proposition, Origin.STATEMENT, Stance.SUPPORTS, reason


def reword_founded(db: Database, statement_id: int) -> dict[int, str]:
    """Word again the claims the statement founded, as founding them now would (after its
    speaker changed, an opening pronoun stands for the new speaker, or is marked unresolved);
    a claim a person recorded keeps its words. Returns the claims reworded: id -> new text."""
    found = db.execute(
        f"SELECT {', '.join(_FOUNDING_COLUMNS)} FROM statements WHERE id = ?", [statement_id]
    ).fetchone()
    if found is None:
        return {}
    row = dict(zip(_FOUNDING_COLUMNS, found, strict=True))
    founding = _founding(db, row, _denial_analyses([row]))
    if founding is None:
        return {}
    reworded: dict[int, str] = {}
    for claim_id, text in db.execute(
        "SELECT c.id, c.text FROM claim_statements cs JOIN claims c ON c.id = cs.claim_id"
        " WHERE cs.statement_id = ? AND cs.founder = 1 AND c.origin IN ('statement', 'denial')"
        " ORDER BY c.id",
        [statement_id],
    ).fetchall():
        if text != founding[0]:
            db.execute("UPDATE claims SET text = ? WHERE id = ?", [founding[0], claim_id])
            reworded[int(claim_id)] = founding[0]
    return reworded


def _as_written(text: str, proposition: str) -> str:
    """The proposition as the statement wrote it (its capitals and quotes), where it can be found."""
    lowered = text.lower().replace("’", "'")
    start = lowered.find(proposition[:24])
    return text[start : start + len(proposition)] if start >= 0 else proposition


def _sentence(proposition: str) -> str:
    """A claim named inside a denial, as a sentence: "India denied claims that its missiles
    struck Afghanistan" names "India's missiles struck Afghanistan." """
    text = proposition.strip().rstrip(".;:,")
    return text[:1].upper() + text[1:] + "."


def _worded(db: Database, statement_id: int, text: str, *, reported: bool = False) -> str:
    """`text` as a claim: an opening pronoun given the speaker's name, or marked unresolved
    (claims/wording.py); the speaker is read only for a text that opens with one."""
    if not opens_with_pronoun(text):
        return text
    return word_claim(text, **_wording(db, statement_id, reported=reported))


def _wording(db: Database, statement_id: int, *, reported: bool = False) -> dict[str, Any]:
    """Who a statement's opening pronoun can stand for: its speaker's name, kind and the gender
    the speaker's honorifics show, and whether the words are the speaker's own (a direct
    quote); `reported`: words the article wrote (what a reply answers, what a denial names:
    "India denied claims that its missiles …"), never a quote."""
    from tracker.speakers import gender_of

    found = db.execute(
        """SELECT sp.id, sp.name, sp.kind, s.kind, s.role, sp.role FROM statements s
           JOIN speakers sp ON sp.id = s.speaker_id WHERE s.id = ?""",
        [statement_id],
    ).fetchone()
    if found is None:
        return {"speaker": None, "speaker_kind": None, "gender": None, "direct": False}
    keys = [row[0] for row in db.execute("SELECT key FROM speaker_aliases WHERE speaker_id = ?", [found[0]])]
    return {
        # a speaker nobody names is kept per report ("Police (Daily Post, 2025-05-10)"): a claim
        # says who, not which report's label
        "speaker": re.sub(r"\s+\([^()]*\)$", "", str(found[1])),
        "speaker_kind": found[2],
        "gender": gender_of(keys) or _role_gender(found[4], found[5]),
        "direct": found[3] == "direct" and not reported,
    }


def _role_gender(*roles: str | None) -> str | None:
    """The gender a speaker's role shows ("spokeswoman": female, "chairman": male), as
    extraction reads it of a role; None when it shows none, or both."""
    from tracker.extract.resolution import gender_of as shown_gender

    return {"f": "female", "m": "male"}.get(shown_gender(" ".join(r for r in roles if r)) or "")


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
