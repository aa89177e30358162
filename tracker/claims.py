"""Claims: the propositions statements take sides on, and which side each statement takes.

A desk tracks claims, not word pairs. A claim comes from a person (`add_claim`), from the
object of a denial ("denied claims that X" → claim X), or from a statement that no claim
covers yet, which then founds one. Each statement is attached to the claims it takes a side
on with a stance: `supports`, `denies`, or `discusses` (it reports the claim with a hedge, asks
about it or predicts it). Two statements on opposite sides of one claim contradict each other,
whatever words they use.

Attachments found by tracker are `suggested` (or `confirmed` when the judge is sure and no
part of the claim conflicts); a person's decision (attach, detach, review) is final, and
re-attaching never overwrites it.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

if TYPE_CHECKING:
    from tracker.link import Thresholds

from tracker.model import InvalidInput, Judgement, NotFound, Polarity, Relation, ReviewStatus, StrEnum

__all__ = [
    "Stance",
    "add_claim",
    "attach_statement",
    "attach_statements",
    "detach_statement",
    "get_claim",
    "list_claims",
    "merge_claims",
    "opposing_pairs",
    "reattach",
    "reattach_all",
    "review_attachment",
    "statement_claims",
    "suggested_attachments",
]

MAX_CLAIM_CHARS = 2_000
CANDIDATE_CLAIMS = 20  # claims judged against a new statement, the likeliest by full-text search
STATEMENTS_PER_CLAIM = 500  # statements judged against a claim when many statements arrive at once


class Stance(StrEnum):
    SUPPORTS = "supports"
    DENIES = "denies"
    DISCUSSES = "discusses"


class Origin(StrEnum):
    USER = "user"  # `tracker claim add`
    DENIAL = "denial"  # the object of a denial: "denied claims that X"
    STATEMENT = "statement"  # founded by the first statement that made it


_STANCE_OF = {
    Relation.AGREES: Stance.SUPPORTS,
    Relation.CONTRADICTS: Stance.DENIES,
    Relation.RELATED: Stance.DISCUSSES,
}
_OPPOSITE = {Stance.SUPPORTS: Stance.DENIES, Stance.DENIES: Stance.SUPPORTS}


def _now() -> str:
    from tracker.store import now

    return now()


def _clean_text(text: str) -> str:
    cleaned = " ".join((text or "").split())
    if not cleaned:
        raise InvalidInput("a claim needs text")
    if len(cleaned) > MAX_CLAIM_CHARS:
        raise InvalidInput(
            f"a claim is at most {MAX_CLAIM_CHARS:,} characters (this one has {len(cleaned):,})"
        )
    return cleaned


def add_claim(
    db: Database, text: str, *, ref: str | None = None, origin: str = Origin.USER
) -> dict[str, Any]:
    """Record a claim and attach to it the stored statements that take a side on it."""
    from tracker.text import analyse

    cleaned = _clean_text(text)
    ref = (ref or "").strip() or None
    if ref is not None and db.execute("SELECT 1 FROM claims WHERE ref = ?", [ref]).fetchone():
        raise InvalidInput(f"a claim with ref {ref!r} is already recorded")
    same = db.execute(
        "SELECT id FROM claims WHERE origin = 'user' AND merged_into IS NULL AND lower(text) = lower(?)",
        [cleaned],
    ).fetchone()
    if same is not None:
        raise InvalidInput(f"this claim is already recorded as claim {same[0]}")
    proposition = analyse(cleaned).proposition
    with db.conn:
        cursor = db.execute(
            "INSERT INTO claims (text, proposition, ref, origin, created_at) VALUES (?, ?, ?, ?, ?)",
            [cleaned, proposition, ref, str(origin), _now()],
        )
        claim_id = int(cursor.lastrowid or 0)
        _attach_to_claim(db, claim_id, cleaned)
    return get_claim(db, str(claim_id))


def _claim_row(db: Database, id_or_ref: str) -> dict[str, Any]:
    key = str(id_or_ref).strip()
    rows = list(db.query("SELECT * FROM claims WHERE ref = ?", [key]))
    if not rows and key.isdigit():
        rows = list(db.query("SELECT * FROM claims WHERE id = ?", [int(key)]))
    if not rows:
        raise NotFound(f"no claim {key!r}")
    row = rows[0]
    while row["merged_into"] is not None:  # a merged claim answers as the one it went into
        row = next(db.query("SELECT * FROM claims WHERE id = ?", [row["merged_into"]]))
    return row


def get_claim(db: Database, id_or_ref: str) -> dict[str, Any]:
    """A claim with every statement attached to it, strongest first within each stance."""
    row = _claim_row(db, id_or_ref)
    statements = []
    for item in db.query(
        """SELECT cs.statement_id AS id, s.ref, s.text, sp.name AS speaker, so.outlet, s.said_on,
                  cs.stance, cs.score, cs.status, cs.reasons
           FROM claim_statements cs
           JOIN statements s ON s.id = cs.statement_id
           JOIN speakers sp ON sp.id = s.speaker_id
           LEFT JOIN sources so ON so.id = s.source_id
           WHERE cs.claim_id = ? AND cs.status != 'rejected'
           ORDER BY CASE cs.stance WHEN 'supports' THEN 0 WHEN 'denies' THEN 1 ELSE 2 END,
                    cs.score DESC, cs.statement_id""",
        [row["id"]],
    ):
        item["reasons"] = json.loads(item["reasons"] or "[]")
        statements.append(item)
    return {
        "id": row["id"],
        "text": row["text"],
        "ref": row["ref"],
        "origin": row["origin"],
        "created_at": row["created_at"],
        "statements": statements,
    }


def statement_claims(db: Database, statement_id: int) -> list[dict[str, Any]]:
    """The claims a statement is attached to (not those a person took it off), with its side."""
    return list(
        db.query(
            """SELECT c.id, c.text, c.ref, cs.stance, cs.status, cs.score
               FROM claim_statements cs JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
               WHERE cs.statement_id = ? AND cs.status != 'rejected'
               ORDER BY cs.founder DESC, cs.score DESC, c.id""",
            [statement_id],
        )
    )


def list_claims(db: Database, *, limit: int | None = None, disputed: bool = False) -> list[dict[str, Any]]:
    """Every claim with how many statements take each side, and who and which outlets do:
    disputed claims first, then the claims most statements take up."""
    rows = list(
        db.query(
            """SELECT c.id, c.text, c.ref, c.origin, cs.stance, sp.name AS speaker, so.outlet
               FROM claims c
               LEFT JOIN claim_statements cs ON cs.claim_id = c.id AND cs.status != 'rejected'
               LEFT JOIN statements s ON s.id = cs.statement_id
               LEFT JOIN speakers sp ON sp.id = s.speaker_id
               LEFT JOIN sources so ON so.id = s.source_id
               WHERE c.merged_into IS NULL
               ORDER BY c.id"""
        )
    )
    claims: dict[int, dict[str, Any]] = {}
    for row in rows:
        claim = claims.setdefault(
            row["id"],
            {
                "id": row["id"],
                "text": row["text"],
                "ref": row["ref"],
                "origin": row["origin"],
                **{stance.value: 0 for stance in Stance},
                **{f"{stance.value}_speakers": [] for stance in Stance},
                **{f"{stance.value}_outlets": [] for stance in Stance},
            },
        )
        if row["stance"] is None:
            continue
        claim[row["stance"]] += 1
        for field, value in (
            (f"{row['stance']}_speakers", row["speaker"]),
            (f"{row['stance']}_outlets", row["outlet"]),
        ):
            if value and value not in claim[field]:
                claim[field].append(value)
    from tracker.verdicts import claim_verdicts

    rated = claim_verdicts(db)
    for claim in claims.values():
        verdict = rated.get(claim["id"])
        claim["verdict"] = verdict["rating"] if verdict else None
    # The claims a desk looks at first: disputed ones, then those most statements take up.
    out = sorted(
        claims.values(),
        key=lambda c: (
            not (c["supports"] and c["denies"]),
            -(c["supports"] + c["denies"] + c["discusses"]),
            c["id"],
        ),
    )
    if disputed:
        out = [c for c in out if c["supports"] and c["denies"]]
    return out[:limit] if limit is not None else out


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
            json.dumps(f.judgement.to_dict()["reasons"]),
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
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


def _attach_to_claim(db: Database, claim_id: int, claim_text: str) -> int:
    """Judge the statements full-text search finds for one claim, and attach those that take a
    side on it or discuss it."""
    from tracker.link import rare_terms, thresholds

    limits = thresholds(db)
    words = rare_terms(db, claim_text, k=12)
    if not words:
        return 0
    found = []
    threshold = limits.suggest
    for row in db.query(
        """SELECT s.id, s.text FROM statements_fts f JOIN statements s ON s.id = f.rowid
           WHERE statements_fts MATCH ? ORDER BY rank LIMIT ?""",
        [_claim_query(words), STATEMENTS_PER_CLAIM],
    ):
        judgement = _judge(claim_text, row["text"], threshold)
        stance = _stance(judgement) if judgement else None
        if judgement is not None and stance is not None:
            found.append(_Found(claim_id, row["id"], stance, judgement))
    return _store(db, found, limits)


def attach_statements(db: Database, ids: Sequence[int]) -> int:
    """Attach new statements to the claims they take a side on, after they are linked.

    First the claims people recorded: full-text search finds the likeliest, and the judge
    decides the stance. Then the claims statements founded: a statement joins the claim of
    the founder it is most strongly linked to (agrees: the founder's side; contradicts: the
    other side), and a statement linked to no founder founds a claim of its own: what it
    asserts, or, for "denied claims that X", claim X. Joining only through founders keeps one
    wrong link from chaining claims together. Returns how many attachments were written.
    """
    from tracker.link import thresholds

    wanted = sorted(set(ids))
    if not wanted:
        return 0
    limits = thresholds(db)
    rows = {
        row["id"]: row
        for chunk in _chunks(wanted, 500)
        for row in db.query(
            "SELECT id, text, proposition, polarity, modality, answers FROM statements"
            f" WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
    }
    said = {sid: row for sid, row in rows.items() if not row["answers"]}
    replies = [row for row in rows.values() if row["answers"]]
    with db.conn:
        found = _to_recorded_claims(db, said, limits)
        sided = {f.statement_id for f in found if f.stance is not Stance.DISCUSSES}
        written = _store(db, found, limits)
        # One by one, so that a claim founded here is one the next may join; assertions
        # first, so that a claim is worded as someone asserted it and its denials join it.
        sided |= _already_sided(db, wanted)  # founders, and statements a person placed
        founders = _founders(db)
        linked = _links_of(db, wanted)
        joined: list[_Found] = []
        for sid in sorted(said, key=lambda sid: (said[sid]["polarity"] != Polarity.AFFIRM.value, sid)):
            if sid not in sided:
                joined.extend(_through_founders(db, said[sid], linked.get(sid, ()), founders))
        written += _store(db, joined, limits)
        # Replies last: the claim one answers may have been founded just now.
        answered = _by_statement(db, [row for row in replies if row["id"] not in sided], limits)
        written += _store(db, answered, limits)
        sided |= {f.statement_id for f in answered if f.stance is not Stance.DISCUSSES}
        founded = [_found_claim(db, row) for row in replies if row["id"] not in sided]
        written += _store(db, [f for f in founded if f is not None], limits)
    return written


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


def _links_of(db: Database, ids: list[int]) -> dict[int, list[tuple[float, int, str]]]:
    """Statement id -> its agrees and contradicts links that no one rejected: (score, other, relation)."""
    out: dict[int, list[tuple[float, int, str]]] = defaultdict(list)
    wanted = set(ids)
    for chunk in _chunks(ids, 500):
        marks = ",".join("?" * len(chunk))
        for column in ("a_id", "b_id"):
            for a, b, relation, score in db.execute(
                f"""SELECT a_id, b_id, relation, score FROM links WHERE {column} IN ({marks})
                    AND status != 'rejected' AND relation IN ('agrees', 'contradicts')""",
                chunk,
            ):
                if column == "a_id" or a not in wanted:  # a link between two wanted ids: once each way
                    out[a].append((score, b, relation))
                    out[b].append((score, a, relation))
    return out


def reattach(db: Database, ids: Sequence[int]) -> int:
    """Attach some statements again (their links changed): what tracker attached them to
    before, other than claims they founded and a person's decisions, is found anew."""
    with db.conn:
        for chunk in _chunks(sorted(set(ids)), 500):
            db.execute(
                "DELETE FROM claim_statements WHERE reviewed_by IS NULL AND founder = 0"
                f" AND statement_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
    return attach_statements(db, ids)


def reattach_all(db: Database) -> int:
    """After a relink: every attachment tracker made (not a person's, not a claim's founder) is
    found again from the new links and judgements."""
    with db.conn:
        db.execute("DELETE FROM claim_statements WHERE reviewed_by IS NULL AND founder = 0")
    ids = [row[0] for row in db.execute("SELECT id FROM statements ORDER BY id")]
    return attach_statements(db, ids)


def _to_recorded_claims(db: Database, rows: dict[int, dict[str, Any]], limits: Thresholds) -> list[_Found]:
    """The stances statements take on the claims people recorded and the claims denials named
    (those are few; the claims statements founded are joined through links instead)."""
    from tracker.link import rare_terms

    recorded = db.execute(
        "SELECT count(*) FROM claims WHERE origin IN ('user', 'denial') AND merged_into IS NULL"
    ).fetchone()[0]
    if not recorded:
        return []
    found: list[_Found] = []
    if len(rows) > 4 * recorded:
        # Many statements, few claims: each claim looks for its statements.
        for claim in db.query(
            "SELECT id, text FROM claims WHERE origin IN ('user', 'denial') AND merged_into IS NULL"
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

    found: list[_Found] = []
    for row in rows:
        words = rare_terms(db, row["answers"] or row["text"], k=8)
        if not words:
            continue
        origins = "" if row["answers"] else "AND c.origin IN ('user', 'denial')"
        for claim in db.query(
            f"""SELECT c.id, c.text FROM claims_fts f JOIN claims c ON c.id = f.rowid
                WHERE claims_fts MATCH ? {origins} AND c.merged_into IS NULL
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
    return [
        _Found(
            claim_id,
            row["id"],
            stance,
            Judgement(judgement.relation, judgement.score, (reason, *judgement.reasons)),
        )
    ]


def _through_founders(
    db: Database,
    row: dict[str, Any],
    links: Iterable[tuple[float, int, str]],
    founders: dict[int, tuple[int, Stance]],
) -> list[_Found]:
    """The statement joins the claim of the founder it is most strongly linked to, or founds one."""
    from tracker.model import Reason

    best = max(
        ((score, -other, relation) for score, other, relation in links if other in founders), default=None
    )
    if best is None:
        founded = _found_claim(db, row)
        if founded is None:
            return []
        founders[row["id"]] = (founded.claim_id, founded.stance)
        return [founded]
    score, negated, relation = best
    founder = -negated
    claim_id, stance = founders[founder]
    if relation == Relation.CONTRADICTS.value:
        stance = _OPPOSITE.get(stance, stance)
    reason = Reason("claim", f"{relation} with statement {founder}, which founded the claim")
    return [_Found(claim_id, row["id"], stance, Judgement(Relation(relation), score, (reason,)))]


def _found_claim(db: Database, row: dict[str, Any]) -> _Found | None:
    """The claim a statement founds: what it says; for "denied claims that X", claim X."""
    from tracker.model import Modality, Reason
    from tracker.text import analyse_full

    if row["modality"] == Modality.QUESTION.value:
        return None
    if row["answers"]:
        # A reply founds the claim it answers: "Completely untrue." denies "the dam was breached".
        denies = row["polarity"] == Polarity.DENY.value
        cursor = db.execute(
            "INSERT INTO claims (text, proposition, origin, created_at) VALUES (?, ?, ?, ?)",
            [
                _sentence(row["answers"], _speaker_of(db, row["id"])),
                row["answers"],
                (Origin.DENIAL if denies else Origin.STATEMENT).value,
                _now(),
            ],
        )
        reason = Reason("answers", f"answers '{row['answers']}'")
        return _Found(
            int(cursor.lastrowid or 0),
            row["id"],
            Stance.DENIES if denies else Stance.SUPPORTS,
            Judgement(Relation.AGREES, 100.0, (reason,)),
            founder=True,
        )
    analysis = analyse_full(row["text"]) if row["polarity"] == Polarity.DENY.value else None
    wrapped = (
        [cue for cue in analysis.cues if cue.kind == "denial" and cue.span[1] <= analysis.prop_offset]
        if analysis is not None
        else []
    )
    if analysis is not None and wrapped and analysis.proposition:
        # The denial names what it denies: that is the claim, and someone must have made it.
        text = _sentence(_as_written(row["text"], analysis.proposition), _speaker_of(db, row["id"]))
        origin, stance = Origin.DENIAL, Stance.DENIES
        reason = Reason("claim", f"'{wrapped[0].text}' names the claim it denies")
    else:
        text, origin, stance = row["text"], Origin.STATEMENT, Stance.SUPPORTS
        reason = Reason("claim", "founded the claim")
    cursor = db.execute(
        "INSERT INTO claims (text, proposition, origin, created_at) VALUES (?, ?, ?, ?)",
        [text, analysis.proposition if analysis is not None else row["proposition"], origin.value, _now()],
    )
    judgement = Judgement(Relation.AGREES, 100.0, (reason,))
    return _Found(int(cursor.lastrowid or 0), row["id"], stance, judgement, founder=True)


def _as_written(text: str, proposition: str) -> str:
    """The proposition as the statement wrote it (its capitals and quotes), where it can be found."""
    lowered = text.lower().replace("’", "'")
    start = lowered.find(proposition[:24])
    return text[start : start + len(proposition)] if start >= 0 else proposition


_POSSESSIVE = re.compile(r"^(?:its|their)\b", re.IGNORECASE)


def _sentence(proposition: str, speaker: str | None) -> str:
    """A claim named inside a denial, as a sentence: "India denied claims that its missiles
    struck Afghanistan" names "India's missiles struck Afghanistan." """
    text = proposition.strip().rstrip(".;:,")
    if speaker:
        text = _POSSESSIVE.sub(f"{speaker}'s", text)
    return text[:1].upper() + text[1:] + "."


def _speaker_of(db: Database, statement_id: int) -> str | None:
    found = db.execute(
        "SELECT sp.name FROM statements s JOIN speakers sp ON sp.id = s.speaker_id WHERE s.id = ?",
        [statement_id],
    ).fetchone()
    return str(found[0]) if found else None


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# --- a person's decisions -----------------------------------------------------------------


def attach_statement(
    db: Database, statement_id: int, claim: str, stance: str, *, by: str | None = None
) -> dict[str, Any]:
    """Attach a statement to a claim with the stance a person gives; final, never relinked."""
    from tracker.store import get_statement

    if stance not in Stance.values():
        raise InvalidInput(f"stance must be one of {', '.join(Stance.values())}, not {stance!r}")
    get_statement(db, statement_id)
    row = _claim_row(db, claim)
    stamp = _now()
    with db.conn:
        db.execute(
            """INSERT INTO claim_statements
                   (claim_id, statement_id, stance, score, reasons, status, created_at, reviewed_by, reviewed_at)
               VALUES (?, ?, ?, 100, ?, 'confirmed', ?, ?, ?)
               ON CONFLICT (claim_id, statement_id) DO UPDATE SET stance = excluded.stance,
                   status = 'confirmed', reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at""",
            [
                row["id"],
                statement_id,
                stance,
                json.dumps([{"code": "person", "detail": "attached by hand"}]),
                stamp,
                by or "user",
                stamp,
            ],
        )
    return get_claim(db, str(row["id"]))


def detach_statement(db: Database, statement_id: int, claim: str, *, by: str | None = None) -> dict[str, Any]:
    """Take a statement off a claim; it stays off when statements are attached again."""
    row = _claim_row(db, claim)
    stamp = _now()
    with db.conn:
        cursor = db.execute(
            """UPDATE claim_statements SET status = 'rejected', reviewed_by = ?, reviewed_at = ?
               WHERE claim_id = ? AND statement_id = ? AND status != 'rejected'""",
            [by or "user", stamp, row["id"], statement_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"statement {statement_id} is not attached to claim {row['id']}")
    return get_claim(db, str(row["id"]))


def suggested_attachments(
    db: Database, *, claim: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Attachments waiting for a person (a side taken, not only discussed), strongest first;
    of one claim (id or ref) when given."""
    sql = """SELECT cs.claim_id, c.text AS claim, cs.statement_id, s.text, sp.name AS speaker,
                    cs.stance, cs.score, cs.reasons
             FROM claim_statements cs
             JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
             JOIN statements s ON s.id = cs.statement_id
             JOIN speakers sp ON sp.id = s.speaker_id
             WHERE cs.status = 'suggested' AND cs.stance != 'discusses' {only}
             ORDER BY cs.score DESC, cs.claim_id, cs.statement_id"""
    params: list[Any] = []
    only = ""
    if claim is not None:
        only = "AND cs.claim_id = ?"
        params.append(_claim_row(db, claim)["id"])
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    rows = list(db.query(sql.format(only=only), params))
    for row in rows:
        row["reasons"] = json.loads(row["reasons"] or "[]")
    return rows


def review_attachment(
    db: Database, statement_id: int, claim: str, status: str, *, by: str | None = None
) -> dict[str, Any]:
    """A person confirms or rejects the side tracker gave a statement on a claim; final."""
    if status not in (ReviewStatus.CONFIRMED.value, ReviewStatus.REJECTED.value):
        raise InvalidInput(f"a review confirms or rejects, not {status!r}")
    row = _claim_row(db, claim)
    with db.conn:
        cursor = db.execute(
            """UPDATE claim_statements SET status = ?, reviewed_by = ?, reviewed_at = ?
               WHERE claim_id = ? AND statement_id = ?""",
            [status, by or "user", _now(), row["id"], statement_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"statement {statement_id} is not attached to claim {row['id']}")
    return get_claim(db, str(row["id"]))


def merge_claims(db: Database, keep: str, absorb: str) -> dict[str, Any]:
    """Fold one claim into another: its statements move, and its id and ref answer as `keep`."""
    kept, gone = _claim_row(db, keep), _claim_row(db, absorb)
    if kept["id"] == gone["id"]:
        raise InvalidInput("a claim cannot be merged into itself")
    with db.conn:
        # What moves is a person's decision now (the merge): relinking keeps it where it went.
        db.execute(
            """INSERT INTO claim_statements (claim_id, statement_id, stance, score, reasons, status,
                   created_at, reviewed_by, reviewed_at, founder)
               SELECT ?, statement_id, stance, score, reasons, status, created_at,
                   coalesce(reviewed_by, ?), coalesce(reviewed_at, ?), founder
               FROM claim_statements WHERE claim_id = ? AND true
               ON CONFLICT (claim_id, statement_id) DO NOTHING""",
            [kept["id"], "merge", _now(), gone["id"]],
        )
        db.execute("DELETE FROM claim_statements WHERE claim_id = ?", [gone["id"]])
        db.execute("UPDATE claims SET merged_into = ? WHERE id = ?", [kept["id"], gone["id"]])
    return get_claim(db, str(kept["id"]))


# --- what claims say about pairs ----------------------------------------------------------


def opposing_pairs(db: Database, *, status: str | None = None) -> list[dict[str, Any]]:
    """Every pair of statements on opposite sides of one claim (supports × denies), with the
    claim as the reason. `status` "confirmed" keeps pairs whose both attachments are."""
    sides: dict[int, dict[str, list[tuple[int, str]]]] = defaultdict(lambda: defaultdict(list))
    texts: dict[int, str] = {}
    for row in db.query(
        """SELECT cs.claim_id, cs.statement_id, cs.stance, cs.status, c.text
           FROM claim_statements cs JOIN claims c ON c.id = cs.claim_id
           WHERE cs.status != 'rejected' AND cs.stance IN ('supports', 'denies') AND c.merged_into IS NULL"""
    ):
        sides[row["claim_id"]][row["stance"]].append((row["statement_id"], row["status"]))
        texts[row["claim_id"]] = row["text"]
    pairs = []
    for claim_id, by_stance in sides.items():
        for s, s_status in by_stance["supports"]:
            for d, d_status in by_stance["denies"]:
                if s == d:
                    continue
                confirmed = s_status == d_status == ReviewStatus.CONFIRMED.value
                if status == ReviewStatus.CONFIRMED.value and not confirmed:
                    continue
                pairs.append(
                    {
                        "a_id": min(s, d),
                        "b_id": max(s, d),
                        "claim_id": claim_id,
                        "claim": texts[claim_id],
                        "status": "confirmed" if confirmed else "suggested",
                    }
                )
    return pairs
