"""Claims as records: adding, reading and listing them, and what a person decides about them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from tracker.model import (
    ConfirmedBy,
    InvalidInput,
    Judgement,
    NotFound,
    Relation,
    ReviewStatus,
    StrEnum,
    status_label,
)
from tracker.store.connection import write_transaction
from tracker.store.queries import confirmed_by_sql

if TYPE_CHECKING:
    pass

MAX_CLAIM_CHARS = 2_000
CANDIDATE_CLAIMS = 20  # claims judged against a new statement, the likeliest by full-text search
STATEMENTS_PER_CLAIM = 500  # statements judged against a claim when many statements arrive at once
# A recorded claim the judge finds agreeing with a new one at this score or more is the same
# proposition in other words: `add_claim` names it rather than split verdicts between two.
# Chosen on the dev halves: SemEval STS headline pairs scored 4 or more (of 5) stand for "the
# same claim", pairs under 3 for "not the same", and Emergent's 240 distinct claims, paired, for
# claims a desk keeps apart. At 80: 48.7 % of the same-claim pairs are named, 3.1 % of the
# others and none of Emergent's pairs (check halves: 46.3 %, 2.4 %, 1 of 7,140); at 75:
# 59.7 % / 5.5 %; at 85: 34.6 % / 1.8 %. Judged as a ledger judging by meaning links a pair
# (`claim_judgement`), the same halves name as many same-claim pairs, 0.1 point more of the others
# (check: 0.2) and still 1 Emergent pair of 7,140: meaning scores only what the words leave unlinked.
CLOSE_CLAIM = 80.0


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


class CloseClaim(InvalidInput):
    """A claim that says nearly what a recorded one says: `claim` is that one, with its `score`."""

    def __init__(self, claim: dict[str, Any]) -> None:
        self.claim = claim
        super().__init__(
            f"claim {claim['id']} says nearly the same: {claim['text']!r} (score {claim['score']:.1f})"
        )


def close_claims(db: Database, text: str) -> list[dict[str, Any]]:
    """The recorded claims (any origin, not merged) that say what `text` says in other words:
    the judge finds them agreeing with it at CLOSE_CLAIM or more; closest first. On a ledger
    that judges by meaning too, the claims nearest in meaning are candidates as well, and each
    is judged as linking judges a pair (`claim_judgement`)."""
    from tracker.link.candidates import fts_query
    from tracker.link.meaning import enabled
    from tracker.text import informative_terms

    words = informative_terms(text, 12)
    rows = {
        row["id"]: row
        for row in (
            db.query(
                """SELECT c.id, c.text, c.ref, c.origin FROM claims_fts f JOIN claims c ON c.id = f.rowid
                   WHERE claims_fts MATCH ? AND c.merged_into IS NULL ORDER BY rank LIMIT ?""",
                [fts_query(words), CANDIDATE_CLAIMS],
            )
            if words
            else ()
        )
    }
    cosines: dict[int, float] | None = None
    if enabled(db):
        from tracker.link.meaning import MEANING_FLOOR, REFUTATION_FLOOR

        cosines = claim_cosines(db, text)
        floor = min(MEANING_FLOOR, REFUTATION_FLOOR)
        nearest = sorted((c for c in cosines.items() if c[1] >= floor), key=lambda c: (-c[1], c[0]))
        wanted = [cid for cid, _ in nearest[:CANDIDATE_CLAIMS] if cid not in rows]
        if wanted:
            marks = ", ".join("?" for _ in wanted)
            rows.update(
                (row["id"], row)
                for row in db.query(f"SELECT id, text, ref, origin FROM claims WHERE id IN ({marks})", wanted)
            )
    found = []
    for row in rows.values():
        judgement = claim_judgement(
            db, text, row["text"], None if cosines is None else cosines.get(row["id"])
        )
        if judgement is not None and judgement.relation is Relation.AGREES and judgement.score >= CLOSE_CLAIM:
            found.append({**row, "score": judgement.score})
    return sorted(found, key=lambda c: (-c["score"], c["id"]))


def claim_judgement(db: Database, text: str, claim: str, cosine: float | None) -> Judgement | None:
    """How `text` stands to a recorded claim: by words alone without a `cosine` (relate, as on
    a words-only ledger); with one, as linking judges a pair on a ledger that judges by meaning
    (link/meaning.py): the words' judgement where they link the two, else the judgement by
    meaning (None when neither relates them)."""
    from tracker.judge import relate

    if cosine is None:
        return relate(text, claim)
    from tracker.link import thresholds
    from tracker.link.meaning import judge_by_meaning

    suggest = thresholds(db).suggest
    lexical = relate(text, claim, related_threshold=suggest)
    if lexical.relation is not Relation.UNRELATED and lexical.score >= suggest:
        return lexical
    return judge_by_meaning(text, claim, cosine)


def claim_cosines(db: Database, text: str) -> dict[int, float]:
    """Claim id -> the cosine of `text` (encoded in memory) with each recorded claim not
    merged: with its stored vector for a person's claim or a denial's (as claims are found by
    meaning, link/meaning.py), with its founding statement's for a claim a statement founded
    (its words, pronouns resolved)."""
    from tracker.link.pipeline import _texts
    from tracker.semantic.encoder import encode
    from tracker.semantic.store import CLAIM, STATEMENT, vectors

    probe = encode([text])[0]
    out: dict[int, float] = {}
    recorded = {
        int(r[0]): r[1]
        for r in db.execute(
            "SELECT id, text FROM claims WHERE origin IN ('user', 'denial') AND merged_into IS NULL"
        )
    }
    if recorded:
        ids, matrix = vectors(db, CLAIM, recorded, prune=True)
        out.update(zip(ids, (float(v) for v in matrix @ probe), strict=True))
    founders = dict(
        db.execute(
            """SELECT c.id, cs.statement_id FROM claims c
               JOIN claim_statements cs ON cs.claim_id = c.id AND cs.founder = 1
               WHERE c.origin = 'statement' AND c.merged_into IS NULL"""
        ).fetchall()
    )
    if founders:
        ids, matrix = vectors(db, STATEMENT, _texts(db, founders.values()))
        row_of = {sid: row for row, sid in enumerate(ids)}
        out.update(
            (int(cid), float(matrix[row_of[sid]] @ probe)) for cid, sid in founders.items() if sid in row_of
        )
    return out


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
    db: Database,
    text: str,
    *,
    ref: str | None = None,
    origin: str = Origin.USER,
    new: bool = False,
    by: str | None = None,
) -> dict[str, Any]:
    """Record a claim and attach to it the stored statements that take a side on it.

    A claim that says nearly what a recorded one says (`close_claims`) is refused with
    CloseClaim, naming that claim, unless `new`: two claims for one proposition split the
    statements and verdicts between them."""
    from tracker.text import analyse

    cleaned = _clean_text(text)
    ref = (ref or "").strip() or None
    proposition = analyse(cleaned).proposition
    with write_transaction(db):
        _refuse_repeats(db, cleaned, ref, close=not new)
        cursor = db.execute(
            "INSERT INTO claims (text, proposition, ref, origin, created_at) VALUES (?, ?, ?, ?, ?)",
            [cleaned, proposition, ref, str(origin), _now()],
        )
        claim_id = int(cursor.lastrowid or 0)
        from tracker.claims.attach import attach_to_claim

        attach_to_claim(db, claim_id, cleaned)
        _audit_claim(db, "claim add", None, {"claim": claim_id, "text": cleaned, "ref": ref}, by)
    return get_claim(db, str(claim_id))


def _refuse_repeats(db: Database, text: str, ref: str | None, *, close: bool) -> None:
    """Refuse a claim whose ref is taken or that a recorded one says already (in other words
    too, with `close`). Checked under the write lock: a claim another writer recorded
    meanwhile is one this would repeat."""
    if ref is not None and db.execute("SELECT 1 FROM claims WHERE ref = ?", [ref]).fetchone():
        raise InvalidInput(f"a claim with ref {ref!r} is already recorded")
    same = db.execute(
        "SELECT id FROM claims WHERE origin = 'user' AND merged_into IS NULL AND lower(text) = lower(?)",
        [text],
    ).fetchone()
    if same is not None:
        raise InvalidInput(f"this claim is already recorded as claim {same[0]}")
    if close and (found := close_claims(db, text)):
        raise CloseClaim(found[0])


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


# who confirmed a side (store.confirmed_by_sql): a person, or the engine sure of itself
_CONFIRMED_BY = f"{confirmed_by_sql('cs')} AS confirmed_by"


def side_label(side: Mapping[str, Any]) -> str:
    """A side's status as a person reads it: the claim's founder stands on it by its own words
    (`founder`), and a side the engine confirmed is `auto-confirmed`, never taken for a person's."""
    if side["founder"] and side["confirmed_by"] == ConfirmedBy.ENGINE.value:
        return "founder"
    return status_label(side["status"], side["confirmed_by"])


def get_claim(db: Database, id_or_ref: str) -> dict[str, Any]:
    """A claim with every statement attached to it, strongest first within each stance."""
    row = _claim_row(db, id_or_ref)
    statements = []
    for item in db.query(
        f"""SELECT cs.statement_id AS id, s.ref, s.text, sp.name AS speaker, so.outlet, s.said_on,
                  cs.stance, cs.score, cs.status, {_CONFIRMED_BY}, cs.founder, cs.reasons
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
        item["founder"] = bool(item["founder"])
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
    return [
        {**row, "founder": bool(row["founder"])}
        for row in db.query(
            f"""SELECT c.id, c.text, c.ref, cs.stance, cs.status, {_CONFIRMED_BY}, cs.founder, cs.score
               FROM claim_statements cs JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
               WHERE cs.statement_id = ? AND cs.status != 'rejected'
               ORDER BY cs.founder DESC, cs.score DESC, c.id""",
            [statement_id],
        )
    ]


# SQL: the claim `c` is a candidate for new statements to join: a person's, or one some
# statement still takes up. A left-over claim (`is_left_over`: its statements were deleted
# or taken off it) attracts none, so that a statement never joins, unseen, a claim listed
# apart; a new statement founds its own, and `tracker claim merge` joins the two if a
# restore brings the old one back.
CANDIDATE = (
    "(c.origin = 'user' OR EXISTS (SELECT 1 FROM claim_statements live"
    " WHERE live.claim_id = c.id AND live.status != 'rejected'))"
)


def is_left_over(claim: dict[str, Any]) -> bool:
    """A claim a statement founded (not a person's) that no statement takes up any more: its
    statements were deleted or taken off it. Kept, so that `tracker restore` brings it back
    whole, but listed apart."""
    return claim["origin"] != Origin.USER.value and not (
        claim["supports"] + claim["denies"] + claim["discusses"]
    )


def list_claims(
    db: Database, *, limit: int | None = None, disputed: bool = False, left_over: bool = False
) -> list[dict[str, Any]]:
    """Every claim with how many statements take each side, and who and which outlets do:
    disputed claims first, then the claims most statements take up. A claim left over
    (`is_left_over`) is listed only with `left_over`, which lists only those."""
    rows = list(
        db.query(
            f"""SELECT c.id, c.text, c.ref, c.origin, cs.stance, cs.status, {_CONFIRMED_BY}, cs.founder,
                      sp.name AS speaker, so.outlet
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
    # trust (suggested, auto-confirmed, sure) -> (claim, stance) -> the speakers whose side it is
    trusted: dict[str, dict[tuple[int, str], set[str]]] = {"suggested": {}, "auto-confirmed": {}, "sure": {}}
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
        trust = side_label(row)
        trust = trust if trust in ("suggested", "auto-confirmed") else "sure"
        trusted[trust].setdefault((row["id"], row["stance"]), set()).add(row["speaker"])
        for field, value in (
            (f"{row['stance']}_speakers", row["speaker"]),
            (f"{row['stance']}_outlets", row["outlet"]),
        ):
            if value and value not in claim[field]:
                claim[field].append(value)
    # a statement repeated in another outlet: that outlet reports the claim too
    for row in db.query(
        """SELECT cs.claim_id AS id, cs.stance, so.outlet
           FROM appearances a
           JOIN claim_statements cs ON cs.statement_id = a.statement_id AND cs.status != 'rejected'
           JOIN sources so ON so.id = a.source_id
           ORDER BY a.id"""
    ):
        if row["id"] in claims and row["outlet"] not in (
            outlets := claims[row["id"]][f"{row['stance']}_outlets"]
        ):
            outlets.append(row["outlet"])
    from tracker.verdicts import claim_verdicts

    rated = claim_verdicts(db)
    for claim in claims.values():
        verdict = rated.get(claim["id"])
        claim["verdict"] = verdict["rating"] if verdict else None
        _mark_unsure(claim, trusted)
    # The claims a desk looks at first: disputed ones, then those most statements take up.
    out = sorted(
        claims.values(),
        key=lambda c: (
            not (c["supports"] and c["denies"]),
            -(c["supports"] + c["denies"] + c["discusses"]),
            c["id"],
        ),
    )
    out = [c for c in out if is_left_over(c) == left_over]
    if disputed:
        out = [c for c in out if c["supports"] and c["denies"]]
    return out[:limit] if limit is not None else out


def left_over_count(db: Database) -> int:
    """How many claims `list_claims` leaves out as left over (founded, no statement now)."""
    row = db.execute(
        """SELECT count(*) FROM claims c WHERE c.merged_into IS NULL AND c.origin != ?
           AND NOT EXISTS (SELECT 1 FROM claim_statements cs
                           WHERE cs.claim_id = c.id AND cs.status != 'rejected')""",
        [Origin.USER.value],
    ).fetchone()
    return int(row[0])


SUGGESTED_MARK = " (suggested)"  # after a speaker whose side is tracker's guess, not yet a person's
AUTO_MARK = " (auto-confirmed)"  # after one whose side the engine confirmed, sure of itself


def marked_speakers(claim: dict[str, Any], stance: str) -> list[str]:
    """The speakers on one side of a `list_claims` claim, for people: one whose side there is
    only suggested, or only the engine confirmed, says so, as such a link does."""
    guessed, auto = set(claim[f"{stance}_suggested"]), set(claim[f"{stance}_auto"])
    return [
        name + (SUGGESTED_MARK if name in guessed else AUTO_MARK if name in auto else "")
        for name in claim[f"{stance}_speakers"]
    ]


def _mark_unsure(claim: dict[str, Any], trusted: dict[str, dict[tuple[int, str], set[str]]]) -> None:
    """A claim's `status` (suggested while tracker's guess of any side awaits a person, as a
    link's) and, per stance, the speakers whose side there is only suggested (`*_suggested`),
    or only confirmed by the engine (`*_auto`): a person's decision (or founding the claim)
    on one of their statements makes the speaker's side sure."""
    suggested, auto, sure = trusted["suggested"], trusted["auto-confirmed"], trusted["sure"]
    for stance in Stance:
        key = (claim["id"], stance.value)
        decided = sure.get(key, set())
        only = {
            "suggested": suggested.get(key, set()) - decided - auto.get(key, set()),
            "auto": auto.get(key, set()) - decided,
        }
        for field, names in only.items():
            claim[f"{stance.value}_{field}"] = [
                name for name in claim[f"{stance.value}_speakers"] if name in names
            ]
    sided = [(claim["id"], stance) for stance in (Stance.SUPPORTS.value, Stance.DENIES.value)]
    if any(suggested.get(key) for key in sided):
        claim["status"] = ReviewStatus.SUGGESTED.value
    elif any(sure.get(key) or auto.get(key) for key in sided):
        claim["status"] = ReviewStatus.CONFIRMED.value
    else:
        claim["status"] = None


# --- a person's decisions -----------------------------------------------------------------


def attach_statement(
    db: Database, statement_id: int, claim: str, stance: str, *, by: str | None = None
) -> dict[str, Any]:
    """Attach a statement to a claim with the stance a person gives; final, never relinked."""
    from tracker.store import get_statement

    if stance not in Stance.values():
        raise InvalidInput(f"stance must be one of {', '.join(Stance.values())}, not {stance!r}")
    stamp = _now()
    with write_transaction(db):  # the claim as it is now: merged meanwhile, it is the one it went into
        get_statement(db, statement_id)
        row = _claim_row(db, claim)
        before = db.execute(
            "SELECT stance, score, reasons, status, reviewed_at FROM claim_statements"
            " WHERE claim_id = ? AND statement_id = ?",
            [row["id"], statement_id],
        ).fetchone()
        side = (
            None if before is None else {"stance": before[0], "status": before[3], "reviewed_at": before[4]}
        )
        if already_placed(side, stance):
            return get_claim(db, str(row["id"]))
        before_status = (before[0], before[3]) if before is not None else None
        score, reasons = 100.0, [{"code": "person", "detail": "attached by hand"}]
        if before is not None and before[0] == stance:  # a side tracker gave, confirmed as it was
            score, reasons = before[1], json.loads(before[2] or "[]")
        elif before is not None:
            # relabelled: the person's side, as certain as one attached by hand; the reasons say
            # first who changed it, then why the engine had chosen the old side (as a link's do)
            said = [r for r in json.loads(before[2] or "[]") if r.get("code") not in ("relabelled", "person")]
            change = f"{before[0]} → {stance}" + (f" by {by}" if by else "")
            reasons = [{"code": "relabelled", "detail": change}, *said]
        db.execute(
            """INSERT INTO claim_statements
                   (claim_id, statement_id, stance, score, reasons, status, created_at, reviewed_by, reviewed_at)
               VALUES (?, ?, ?, ?, ?, 'confirmed', ?, ?, ?)
               ON CONFLICT (claim_id, statement_id) DO UPDATE SET stance = excluded.stance,
                   score = excluded.score, reasons = excluded.reasons, status = 'confirmed',
                   reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at""",
            [
                row["id"],
                statement_id,
                stance,
                score,
                json.dumps(reasons, ensure_ascii=False),
                stamp,
                by or "user",
                stamp,
            ],
        )
        # a side it had (not one a person took it off) given another stance is relabelled
        relabelled = before is not None and before[3] != "rejected" and before[0] != stance
        _audit(
            db,
            "claim relabel" if relabelled else "claim attach",
            statement_id,
            {"claim": row["id"], "stance": stance, "status": "confirmed"},
            by,
            before=_side(row["id"], before_status),
        )
    return get_claim(db, str(row["id"]))


def _audit(
    db: Database,
    action: str,
    statement_id: int,
    after: dict[str, Any],
    by: str | None,
    *,
    before: dict[str, Any] | None = None,
) -> None:
    _audit_claim(db, action, statement_id, after, by, before=before)


def _audit_claim(
    db: Database,
    action: str,
    statement_id: int | None,
    after: dict[str, Any],
    by: str | None,
    *,
    before: dict[str, Any] | None = None,
) -> int:
    from tracker.store.corrections import record

    return record(db, action, statement_id=statement_id, before=before, after=after, by=by)


def _side(claim_id: int, found: tuple[str, str] | None) -> dict[str, Any]:
    """An audit record's before of a statement's side on a claim: its stance and status, or
    none when it was not attached."""
    stance, status = found if found is not None else (None, None)
    return {"claim": claim_id, "stance": stance, "status": status}


def _side_now(db: Database, claim_id: int, statement_id: int) -> dict[str, Any]:
    found = db.execute(
        "SELECT stance, status FROM claim_statements WHERE claim_id = ? AND statement_id = ?",
        [claim_id, statement_id],
    ).fetchone()
    return _side(claim_id, (found[0], found[1]) if found is not None else None)


def detach_statement(db: Database, statement_id: int, claim: str, *, by: str | None = None) -> dict[str, Any]:
    """Take a statement off a claim; it stays off when statements are attached again."""
    stamp = _now()
    with write_transaction(db):
        row = _claim_row(db, claim)
        before = _side_now(db, row["id"], statement_id)
        cursor = db.execute(
            """UPDATE claim_statements SET status = 'rejected', reviewed_by = ?, reviewed_at = ?
               WHERE claim_id = ? AND statement_id = ? AND status != 'rejected'""",
            [by or "user", stamp, row["id"], statement_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"statement {statement_id} is not attached to claim {row['id']}")
        after = {**before, "status": "rejected"}
        _audit(db, "claim detach", statement_id, after, by, before=before)
    return get_claim(db, str(row["id"]))


def attachments_to_review(
    db: Database, *, claim: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Attachments waiting for a person: the suggested ones of every stance (a statement only
    discussing a claim may take a side on it after all), strongest first, then the sides
    the engine confirmed sure of itself (not a founder's: the claim is its words); of one
    claim (id or ref) when given."""
    sql = f"""SELECT cs.claim_id, c.text AS claim, cs.statement_id, s.text, sp.name AS speaker,
                    cs.stance, cs.score, cs.status, {_CONFIRMED_BY}, cs.founder, cs.reasons
             FROM claim_statements cs
             JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
             JOIN statements s ON s.id = cs.statement_id
             JOIN speakers sp ON sp.id = s.speaker_id
             WHERE (cs.status = 'suggested' OR (cs.stance != 'discusses' AND cs.status = 'confirmed'
                   AND cs.reviewed_at IS NULL AND cs.founder = 0)) {{only}}
             ORDER BY cs.status = 'confirmed', cs.score DESC, cs.claim_id, cs.statement_id"""
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
    with write_transaction(db):
        row = _claim_row(db, claim)
        before = _side_now(db, row["id"], statement_id)
        cursor = db.execute(
            """UPDATE claim_statements SET status = ?, reviewed_by = ?, reviewed_at = ?
               WHERE claim_id = ? AND statement_id = ?""",
            [status, by or "user", _now(), row["id"], statement_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"statement {statement_id} is not attached to claim {row['id']}")
        _audit(db, "claim review", statement_id, {**before, "status": status}, by, before=before)
    return get_claim(db, str(row["id"]))


_DECISION = ("stance", "score", "reasons", "status", "reviewed_by", "reviewed_at")


def already_placed(side: dict[str, Any] | None, stance: str) -> bool:
    """Whether a person already gave a statement this stance on a claim (`side`: its
    attachment_decision): attaching it so again changes nothing, and the audit records nothing."""
    if side is None or side["reviewed_at"] is None:
        return False
    return bool(side["stance"] == stance and side["status"] == ReviewStatus.CONFIRMED.value)


def attachment_decision(db: Database, statement_id: int, claim: str) -> dict[str, Any]:
    """What a review of a statement's side on a claim would replace (to undo it)."""
    row = _claim_row(db, claim)
    found = list(
        db.query(
            f"SELECT {', '.join(_DECISION)} FROM claim_statements WHERE claim_id = ? AND statement_id = ?",
            [row["id"], statement_id],
        )
    )
    if not found:
        raise NotFound(f"statement {statement_id} is not attached to claim {row['id']}")
    return found[0]


def restore_attachment(
    db: Database, statement_id: int, claim: str, decision: dict[str, Any]
) -> dict[str, Any]:
    """Undo a review: put back the stance, status and reviewer `attachment_decision` returned."""
    with write_transaction(db):
        row = _claim_row(db, claim)
        attachment_decision(db, statement_id, claim)
        before = _side_now(db, row["id"], statement_id)
        db.execute(
            f"UPDATE claim_statements SET {', '.join(f'{key} = ?' for key in _DECISION)}"
            " WHERE claim_id = ? AND statement_id = ?",
            [decision[key] for key in _DECISION] + [row["id"], statement_id],
        )
        after = {"claim": row["id"], "stance": decision["stance"], "status": decision["status"]}
        _audit(db, "claim undo", statement_id, after, None, before=before)
    return get_claim(db, str(row["id"]))


class OppositeClaims(InvalidInput):
    """Two claims to merge that say opposite things: folding one into the other as it is would
    put every statement on the wrong side."""

    def __init__(self, kept: dict[str, Any], gone: dict[str, Any], score: float) -> None:
        self.kept, self.gone, self.score = kept, gone, score
        super().__init__(
            f"claim {gone['id']} ({gone['text']!r}) contradicts claim {kept['id']} ({kept['text']!r},"
            f" score {score:.1f})"
        )


_MERGE_COLUMNS = (
    "claim_id",
    "statement_id",
    "stance",
    "score",
    "reasons",
    "status",
    "created_at",
    "reviewed_by",
    "reviewed_at",
    "founder",
)


def merge_claims(
    db: Database,
    keep: str,
    absorb: str,
    *,
    opposite: bool = False,
    force: bool = False,
    by: str | None = None,
) -> dict[str, Any]:
    """Fold one claim into another: its statements move, and its id and ref answer as `keep`.

    The two texts are judged first: claims that contradict each other are refused with
    OppositeClaims (each statement would land on the wrong side), unless `opposite` (the
    statements that move take the other side: supports <-> denies) or `force` (they keep their
    sides). The merge is audited with every row it moved, and `unmerge_claim` undoes it."""
    from tracker.judge import relate

    kept, gone = _claim_row(db, keep), _claim_row(db, absorb)
    if kept["id"] == gone["id"]:
        raise InvalidInput("a claim cannot be merged into itself")
    if opposite and force:
        raise InvalidInput("--opposite and --force exclude each other: give one")
    judgement = relate(kept["text"], gone["text"])
    if judgement.relation is Relation.CONTRADICTS and not (opposite or force):
        raise OppositeClaims(kept, gone, judgement.score)
    moved = [
        dict(zip(_MERGE_COLUMNS, row, strict=True))
        for row in db.execute(
            f"SELECT {', '.join(_MERGE_COLUMNS)} FROM claim_statements WHERE claim_id = ? ORDER BY statement_id",
            [gone["id"]],
        ).fetchall()
    ]
    with write_transaction(db):
        already = {
            row[0]
            for row in db.execute(
                "SELECT statement_id FROM claim_statements WHERE claim_id = ?", [kept["id"]]
            )
        }
        arrived = []
        for row in moved:
            if row["statement_id"] in already:
                continue  # its side on the kept claim stands
            stance, reasons = row["stance"], row["reasons"]
            if opposite and stance in _OPPOSITE:
                stance = _OPPOSITE[Stance(stance)].value
                said = json.loads(reasons or "[]")
                change = f"claim {gone['id']} says the opposite: {row['stance']} → {stance}"
                reasons = json.dumps([{"code": "merge", "detail": change}, *said], ensure_ascii=False)
            # relinking keeps what moves where it went (`reviewed_by` 'merge'), but a side the
            # engine set stays the engine's: no `reviewed_at`, no person confirmed it (m018)
            db.execute(
                f"INSERT INTO claim_statements ({', '.join(_MERGE_COLUMNS)}) VALUES"
                f" ({', '.join('?' for _ in _MERGE_COLUMNS)})",
                [
                    kept["id"],
                    row["statement_id"],
                    stance,
                    row["score"],
                    reasons,
                    row["status"],
                    row["created_at"],
                    row["reviewed_by"] or "merge",
                    row["reviewed_at"],
                    0,  # it founded the absorbed claim, not this one: an edit of it rewords neither
                ],
            )
            arrived.append({"statement": row["statement_id"], "stance": stance})
        db.execute("DELETE FROM claim_statements WHERE claim_id = ?", [gone["id"]])
        db.execute("UPDATE claims SET merged_into = ? WHERE id = ?", [kept["id"], gone["id"]])
        _audit_claim(
            db,
            "claim merge",
            None,
            {
                "claim": kept["id"],
                "absorbed": gone["id"],
                "opposite": opposite,
                "forced": force and judgement.relation is Relation.CONTRADICTS,
                "moved": arrived,
            },
            by,
            before={"claim": kept["id"], "absorbed": gone["id"], "rows": moved},
        )
    return get_claim(db, str(kept["id"]))


def unmerge_claim(db: Database, absorbed: str, *, by: str | None = None) -> dict[str, Any]:
    """Undo the merge that folded claim `absorbed` (its id or ref) into another: it is a claim
    again, with the rows the merge took from it; the statements the merge moved leave the
    claim they went to (what they had there before the merge stays). Returns the claim back."""
    key = str(absorbed).strip()
    found = list(db.query("SELECT * FROM claims WHERE ref = ?", [key]))
    if not found and key.isdigit():
        found = list(db.query("SELECT * FROM claims WHERE id = ?", [int(key)]))
    if not found:
        raise NotFound(f"no claim {key!r}")
    gone = found[0]
    if gone["merged_into"] is None:
        raise InvalidInput(f"claim {gone['id']} is not merged into another")
    kept_id = gone["merged_into"]
    kept = next(db.query("SELECT id, merged_into FROM claims WHERE id = ?", [kept_id]))
    if kept["merged_into"] is not None:
        raise InvalidInput(
            f"claim {kept_id}, which claim {gone['id']} went into, is merged into claim"
            f" {kept['merged_into']} since: `tracker claim unmerge {kept_id}` first"
        )
    records = [
        (int(row[0]), str(row[1]), json.loads(row[2]), json.loads(row[3]))
        for row in db.execute(
            "SELECT id, at, before, after FROM audit WHERE action = 'claim merge' ORDER BY id DESC"
        ).fetchall()
    ]
    merge = next(
        (
            (rid, at, before, after)
            for rid, at, before, after in records
            if after.get("absorbed") == gone["id"]
        ),
        None,
    )
    if merge is None:
        raise InvalidInput(f"claim {gone['id']} was merged before merges were recorded: it cannot be undone")
    merge_id, merged_at, before, after = merge
    wanted = sorted({int(row["statement_id"]) for row in before["rows"]})
    live = {
        int(r[0])
        for r in db.execute(
            f"SELECT id FROM statements WHERE id IN ({', '.join('?' for _ in wanted)})", wanted
        )
    }
    kept_decisions: list[int] = []
    with write_transaction(db):
        for item in after.get("moved", []):
            sid = item["statement"]
            now = db.execute(
                "SELECT stance, reviewed_by, reviewed_at FROM claim_statements WHERE claim_id = ? AND statement_id = ?",
                [kept_id, sid],
            ).fetchone()
            if now is not None and now[2] is not None and now[2] > merged_at and now[1] != "merge":
                kept_decisions.append(sid)  # a person decided its side there after the merge: it stays
                continue
            db.execute("DELETE FROM claim_statements WHERE claim_id = ? AND statement_id = ?", [kept_id, sid])
        for row in before["rows"]:
            if row["statement_id"] not in live:
                continue  # deleted since: `tracker restore` brings it back with its sides
            db.execute(
                f"INSERT OR REPLACE INTO claim_statements ({', '.join(_MERGE_COLUMNS)}) VALUES"
                f" ({', '.join('?' for _ in _MERGE_COLUMNS)})",
                [gone["id"] if column == "claim_id" else row[column] for column in _MERGE_COLUMNS],
            )
        db.execute("UPDATE claims SET merged_into = NULL WHERE id = ?", [gone["id"]])
        _audit_claim(
            db,
            "claim unmerge",
            None,
            {
                "claim": gone["id"],
                "from": kept_id,
                "sides": len([r for r in before["rows"] if r["statement_id"] in live]),
                "merge": merge_id,
                "kept_on_the_other": kept_decisions,
            },
            by,
            before={"claim": gone["id"], "merged_into": kept_id},
        )
    return get_claim(db, str(gone["id"]))


# --- what claims say about pairs ----------------------------------------------------------


# Pairs of statements on opposite sides of one claim (supports x denies), shaped as links: no
# link id, the claim is the reason; both attachments confirmed make the pair confirmed (by a
# person when a person confirmed both: `reviewed_at` is the later of theirs). A
# person's decision on a link between the two (rejected, or confirmed as agreeing or related)
# says they do not contradict, and leaves the pair out. `tracker contradictions` reads it too.
OPPOSING_PAIRS = """
    WITH l AS (
        SELECT NULL AS id, 'contradicts' AS relation,
               CASE WHEN sa.status = 'confirmed' AND sd.status = 'confirmed'
                    THEN 'confirmed' ELSE 'suggested' END AS status,
               min(sa.score, sd.score) AS score,
               json_array(json_object('code', 'claim', 'detail',
                   'opposite sides of claim ' || c.id || ': ' || c.text)) AS reasons,
               NULL AS engine, NULL AS created_at,
               CASE WHEN sa.reviewed_at IS NOT NULL AND sd.reviewed_at IS NOT NULL
                    THEN max(sa.reviewed_at, sd.reviewed_at) END AS reviewed_at,
               NULL AS reviewed_by,
               min(sa.statement_id, sd.statement_id) AS a_id,
               max(sa.statement_id, sd.statement_id) AS b_id,
               c.id AS claim_id, c.text AS claim
        FROM claim_statements sa
        JOIN claim_statements sd ON sd.claim_id = sa.claim_id AND sd.stance = 'denies'
        JOIN claims c ON c.id = sa.claim_id AND c.merged_into IS NULL
        WHERE sa.stance = 'supports' AND sa.status != 'rejected' AND sd.status != 'rejected'
          AND sa.statement_id != sd.statement_id
          AND NOT EXISTS (  -- a person said these two do not contradict
              SELECT 1 FROM links r
              WHERE (r.status = 'rejected' OR (r.reviewed_at IS NOT NULL AND r.relation != 'contradicts'))
                AND r.a_id = min(sa.statement_id, sd.statement_id)
                AND r.b_id = max(sa.statement_id, sd.statement_id))
    )
"""


def opposing_pairs(db: Database, *, status: str | None = None) -> list[dict[str, Any]]:
    """Every pair of statements on opposite sides of one claim (supports × denies), with the
    claim as the reason, unless a person decided the two do not contradict (OPPOSING_PAIRS, as
    `tracker contradictions` lists them). `status` "confirmed" keeps pairs whose both
    attachments are."""
    only = "WHERE l.status = 'confirmed'" if status == ReviewStatus.CONFIRMED.value else ""
    return list(
        db.query(
            f"""{OPPOSING_PAIRS} SELECT l.a_id, l.b_id, l.claim_id, l.claim, l.status FROM l {only}
                ORDER BY l.claim_id, l.a_id, l.b_id"""
        )
    )
