"""The queries behind the reports: contradictions, links, timeline, report."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from tracker.model import ConfirmedBy, InvalidInput, Relation, ReviewStatus, status_label
from tracker.speakers import is_generic
from tracker.store import StatementFilter, confirmed_by_sql, filter_clause, query_rows

# "all" means every live link: rejected ones are shown only when asked for by name.
LINK_STATUSES = ("suggested", "confirmed", "rejected", "all")

# One speaker over time, unless nobody names them ("police", "officials") and the two are from
# different (or unknown) sources: two reports' police are not one speaker, whatever a ledger
# from before unnamed speakers were kept per report filed them under.
SAME_SPEAKER = (
    "(a.speaker_id = b.speaker_id AND (NOT tracker_unnamed(spa.name) OR a.source_id = b.source_id))"
)
_PAIR_SELECT = f"""
    SELECT l.id, l.relation, l.status, {confirmed_by_sql("l")} AS confirmed_by, l.score, l.reasons,
           l.engine, l.created_at,
           l.reviewed_at, l.reviewed_by,
           coalesce(l.relation = 'contradicts' AND {SAME_SPEAKER}, 0) AS flip,
           a.id AS a_id, a.ref AS a_ref, a.text AS a_text, spa.name AS a_speaker,
           srca.outlet AS a_source, coalesce(a.said_on, a.reported_on) AS a_date,
           b.id AS b_id, b.ref AS b_ref, b.text AS b_text, spb.name AS b_speaker,
           srcb.outlet AS b_source, coalesce(b.said_on, b.reported_on) AS b_date
    FROM links l
    JOIN statements a ON a.id = l.a_id
    JOIN speakers spa ON spa.id = a.speaker_id
    LEFT JOIN sources srca ON srca.id = a.source_id
    JOIN statements b ON b.id = l.b_id
    JOIN speakers spb ON spb.id = b.speaker_id
    LEFT JOIN sources srcb ON srcb.id = b.source_id
"""


def know_unnamed(conn: sqlite3.Connection) -> None:
    """Let SQL ask whether a speaker's name names nobody in particular (SAME_SPEAKER)."""
    conn.create_function("tracker_unnamed", 1, is_generic, deterministic=True)


def _status_clause(status: str, *, allow_rejected: bool = True) -> tuple[str, list[Any]]:
    allowed = LINK_STATUSES if allow_rejected else tuple(s for s in LINK_STATUSES if s != "rejected")
    if status not in allowed:
        raise InvalidInput(f"invalid status {status!r}: use one of {', '.join(allowed)}")
    if status == "all":
        return "l.status != ?", [ReviewStatus.REJECTED.value]
    return "l.status = ?", [status]


def reason_text(reasons: list[dict[str, Any]]) -> str:
    """The reasons that decided a link, in one line; similarity is already in the score."""
    telling = [r for r in reasons if r.get("code") != "similarity"]
    return "; ".join(f"{r['code']}: {r['detail']}" for r in telling) or "similar wording"


def _pair_row(row: dict[str, Any]) -> dict[str, Any]:
    row["flip"] = bool(row["flip"])
    row["reasons"] = json.loads(row["reasons"] or "[]")
    row["reason"] = reason_text(row["reasons"])
    first = ("id", "relation", "status", "confirmed_by", "score", "flip", "reason")
    return {**{key: row[key] for key in first}, **row}


def contradictions(
    db: Database,
    where: StatementFilter | None = None,
    *,
    flips: bool = False,
    status: str = "all",
) -> list[dict[str, Any]]:
    """Contradicting pairs, strongest first; never rejected ones.

    A pair is listed when either of its statements matches the filter; with `flips`, only
    pairs whose two statements have the same speaker.
    """
    clauses, params = [], []
    clause, values = _status_clause(status, allow_rejected=False)
    clauses.append(clause)
    params.extend(values)
    clauses.append("l.relation = ?")
    params.append(Relation.CONTRADICTS.value)
    _pair_filter(db, where, flips, clauses, params)
    sql = f"{_PAIR_SELECT} WHERE {' AND '.join(clauses)} ORDER BY l.score DESC, l.id"
    know_unnamed(db.conn)
    rows = [{**_pair_row(row), "claim_id": None} for row in query_rows(db, sql, params)]
    linked = {(row["a_id"], row["b_id"]) for row in rows}
    sides = [
        row
        for row in _claim_pairs(db, where, flips=flips, status=status)
        if (row["a_id"], row["b_id"]) not in linked
    ]
    return sorted(
        rows + sides,
        key=lambda row: (-row["score"], row["id"] is None, row["id"] or 0, row["a_id"], row["b_id"]),
    )


def _pair_filter(
    db: Database, where: StatementFilter | None, flips: bool, clauses: list[str], params: list[Any]
) -> None:
    """Add the conditions for pairs `a`, `b`: either side matching the filter; the same speaker."""
    know_unnamed(db.conn)
    if flips:
        clauses.append(SAME_SPEAKER)
    if where is not None:
        clause_a, params_a = filter_clause(db, where, "a")
        clause_b, params_b = filter_clause(db, where, "b")
        if clause_a != "1":
            clauses.append(f"(({clause_a}) OR ({clause_b}))")
            params.extend(params_a + params_b)


def _claim_pairs(
    db: Database, where: StatementFilter | None, *, flips: bool, status: str
) -> list[dict[str, Any]]:
    select = _PAIR_SELECT.replace("FROM links l", "FROM l").replace(
        "l.reviewed_by,", "l.reviewed_by, l.claim_id,"
    )
    clauses, params = [], []
    if status in ("suggested", "confirmed"):
        clauses.append("l.status = ?")
        params.append(status)
    _pair_filter(db, where, flips, clauses, params)
    from tracker.claims.records import OPPOSING_PAIRS

    sql = f"{OPPOSING_PAIRS} {select} WHERE {' AND '.join(clauses) or '1'}"
    best: dict[tuple[int, int], dict[str, Any]] = {}
    for row in query_rows(db, sql, params):
        pair = _pair_row(row)
        key = (pair["a_id"], pair["b_id"])
        if key not in best or pair["score"] > best[key]["score"]:
            best[key] = pair  # one row a pair, however many claims set them apart
    return list(best.values())


def stored_links(db: Database) -> dict[str, int]:
    """How many links the ledger holds by relation as they stand now (a person's relabel
    counts as the relation given), not rejected; and under "rejected", those a person rejected."""
    counts: dict[str, int] = dict(
        db.execute(
            "SELECT relation, count(*) FROM links WHERE status != ? GROUP BY relation ORDER BY relation",
            [ReviewStatus.REJECTED.value],
        ).fetchall()
    )
    rejected = db.execute("SELECT count(*) FROM links WHERE status = ?", [ReviewStatus.REJECTED.value])
    return {**counts, ReviewStatus.REJECTED.value: int(rejected.fetchone()[0])}


def list_links(
    db: Database,
    *,
    relation: str | None = None,
    status: str = "all",
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Links with both statements, strongest first."""
    clause, params = _status_clause(status)
    clauses = [clause]
    if relation is not None:
        stored = [r for r in Relation.values() if r != Relation.UNRELATED.value]
        if relation not in stored:
            raise InvalidInput(f"invalid relation {relation!r}: use one of {', '.join(stored)}")
        clauses.append("l.relation = ?")
        params.append(relation)
    sql = f"{_PAIR_SELECT} WHERE {' AND '.join(clauses)} ORDER BY l.score DESC, l.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    know_unnamed(db.conn)
    return [_pair_row(row) for row in query_rows(db, sql, params)]


# --- report and timeline -----------------------------------------------------------------------


@dataclass
class Section:
    """One part of `tracker report`: a heading, a sentence saying what it counts, and rows."""

    key: str
    title: str
    about: str
    columns: list[tuple[str, str]]  # (key in the row, header)
    rows: list[dict[str, Any]] = field(default_factory=list)


def _selected_ids(db: Database, where: StatementFilter | None) -> set[int]:
    clause, params = filter_clause(db, where or StatementFilter())
    return {row[0] for row in db.execute(f"SELECT s.id FROM statements s WHERE {clause}", params)}


def agrees_clusters(db: Database) -> list[list[int]]:
    """Groups of statements joined by agrees links (not rejected), ids sorted; two or more each.
    A link between two statements that each support a claim, none the same, joins nothing:
    they make different claims, and neither speaker goes onto the other's."""
    from tracker.verdicts import agrees_neighbours

    neighbours = agrees_neighbours(db)
    supported = supported_claims(db)
    seen: set[int] = set()
    clusters = []
    for start in sorted(neighbours):
        if start in seen:
            continue
        group: set[int] = set()
        todo = [start]
        while todo:
            sid = todo.pop()
            if sid not in group:
                group.add(sid)
                todo.extend(other for other in neighbours[sid] - group if _same_claim(supported, sid, other))
        seen |= group
        if len(group) >= 2:
            clusters.append(sorted(group))
    return clusters


def supported_claims(db: Database) -> dict[int, set[int]]:
    """Statement id -> the claims it supports (attachments no person took off)."""
    out: dict[int, set[int]] = {}
    for sid, claim_id in db.execute(
        """SELECT cs.statement_id, cs.claim_id FROM claim_statements cs
           JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
           WHERE cs.status != 'rejected' AND cs.stance = 'supports'"""
    ):
        out.setdefault(sid, set()).add(claim_id)
    return out


def _same_claim(supported: dict[int, set[int]], a: int, b: int) -> bool:
    """Can two statements an agrees link joins make one claim: unless both support claims and
    share none of them."""
    return not (supported.get(a) and supported.get(b)) or bool(supported[a] & supported[b])


def _names(values: Any) -> list[str]:
    """Distinct non-empty names, in first-seen order."""
    return list(dict.fromkeys(v for v in values if v))


# how sure an agrees link is, weakest first: what a speaker in a cluster is marked with
_TRUST = ("suggested", "auto-confirmed", "confirmed")


def _agrees_trust(db: Database) -> dict[int, dict[int, str]]:
    """Statement id -> the statements it agrees with (links no one rejected) -> how sure that
    link is (_TRUST: suggested, auto-confirmed, or confirmed by a person)."""
    out: dict[int, dict[int, str]] = {}
    for a, b, status, confirmed_by in db.execute(
        f"SELECT a_id, b_id, status, {confirmed_by_sql('l')} FROM links l WHERE relation = ? AND status != ?",
        [Relation.AGREES.value, ReviewStatus.REJECTED.value],
    ):
        label = status_label(status, confirmed_by)
        out.setdefault(a, {})[b] = out.setdefault(b, {})[a] = label
    return out


def _marked_speakers(
    row: dict[str, Any], statements: dict[int, dict[str, Any]], trust: dict[int, dict[int, str]]
) -> dict[str, Any]:
    """A cluster's speakers, each marked by the surest agrees link of theirs within it when a
    person confirmed none: as `tracker claims` marks a side only suggested (SUGGESTED_MARK)."""
    from tracker.claims.records import AUTO_MARK, SUGGESTED_MARK

    members = set(row["ids"])
    surest: dict[str, int] = {}
    for sid in row["ids"]:
        levels = [_TRUST.index(label) for other, label in trust.get(sid, {}).items() if other in members]
        name = statements[sid]["speaker"]
        surest[name] = max([surest.get(name, 0), *levels])
    mark = {0: SUGGESTED_MARK, 1: AUTO_MARK, 2: ""}
    return {**row, "speakers": [name + mark[surest[name]] for name in row["speakers"]]}


def _cluster_row(
    members: list[int],
    statements: dict[int, dict[str, Any]],
    repeats: dict[int, list[dict[str, Any]]],
    supported: dict[int, set[int]] | None = None,
) -> dict[str, Any]:
    """A claim as the statements that agree on it make it: a repeat of one of them in another
    outlet counts as that outlet reporting it, and every appearance counts as a repetition.
    The claim is the first statement's; a member that supports other claims only (joined
    through a chain of links) is left out: its speaker never said this one."""
    head = members[0]
    members = [m for m in members if _same_claim(supported or {}, head, m)]
    rows = [statements[m] for m in members]
    again = [a for m in members for a in repeats.get(m, ())]
    return {
        "statement_id": members[0],  # the cluster's first statement (not a claims-table id)
        "claim": rows[0]["text"],
        "statements": len(members),
        "appearances": len(members) + len(again),
        "ids": members,
        "speakers": _names(r["speaker"] for r in rows),
        "outlets": _names([*(r["source"] for r in rows), *(a["source"] for a in again)]),
    }


def _claims_section(db: Database, selected: set[int]) -> Section:
    """The claims table's view: each claim two or more statements take a side on, or that
    someone supports and someone denies, with who stands on each side. A claim counts when
    any selected statement is attached to it, and is then shown whole (as `tracker claims`
    shows it: disputed claims first)."""
    from tracker.claims import list_claims, marked_speakers

    attached: set[int] = set()
    wanted = sorted(selected)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        attached.update(
            row[0]
            for row in db.execute(
                f"SELECT claim_id FROM claim_statements WHERE status != 'rejected' "
                f"AND statement_id IN ({marks})",
                chunk,
            )
        )
    rows = [
        {
            "claim_id": c["id"],
            "claim": c["text"],
            "supports": c["supports"],
            "denies": c["denies"],
            "discusses": c["discusses"],
            "for": marked_speakers(c, "supports"),
            "against": marked_speakers(c, "denies"),
            "outlets_for": c["supports_outlets"],
            "outlets_against": c["denies_outlets"],
            "verdict": c["verdict"],
        }
        for c in list_claims(db)
        if c["id"] in attached
        and ((c["supports"] and c["denies"]) or c["supports"] + c["denies"] + c["discusses"] >= 2)
    ]
    return Section(
        "claims",
        "Claims",
        "Claims that two or more statements take a side on, or that one supports and another "
        "denies (disputed claims first), with the speakers on each side and how many others "
        "discuss it; `tracker claim show ID` lists the statements.",
        [
            ("claim_id", "#"),
            ("claim", "claim"),
            ("for", "for"),
            ("against", "against"),
            ("discusses", "others"),
            ("verdict", "verdict"),
        ],
        rows,
    )


# how `why` names the two statements of a pair: its reasons say 'in a' and 'in b'
REASON_LEGEND = "In *why*, a is the row's first statement and b its second."


REVIEWED = "reviewed"
_STATE_ORDER = ("open", "auto-confirmed", REVIEWED)


def review_state(pair: dict[str, Any]) -> str:
    """A pair's state as a report says it: open (suggested), auto-confirmed (the engine, sure
    of itself: a person may still reject it), or reviewed (a person confirmed it)."""
    if pair["status"] == ReviewStatus.SUGGESTED.value:
        return "open"
    return REVIEWED if pair["confirmed_by"] == ConfirmedBy.PERSON.value else "auto-confirmed"


def decide_command(pair: dict[str, Any]) -> str:
    """The command that decides an open contradiction: its link's, or its claim's review."""
    if pair.get("id") is not None:
        return f"tracker link confirm {pair['id']} (or reject {pair['id']})"
    return f"tracker claim review --claim {pair['claim_id']}"


def _sided_claims(db: Database) -> dict[int, set[int]]:
    """Statement id -> the claims it supports or denies (not taken off by a person)."""
    out: dict[int, set[int]] = {}
    for sid, claim_id in db.execute(
        """SELECT cs.statement_id, cs.claim_id FROM claim_statements cs
           JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
           WHERE cs.status != 'rejected' AND cs.stance IN ('supports', 'denies')"""
    ):
        out.setdefault(sid, set()).add(claim_id)
    return out


def _rated_claims(db: Database) -> set[int]:
    """The claims whose verdict says more than `unverified`."""
    from tracker.verdicts import claim_verdicts

    return {cid for cid, verdict in claim_verdicts(db).items() if verdict["rating"] != "unverified"}


def _claim_sides(db: Database) -> dict[int, dict[str, dict[int, str]]]:
    """Claim id -> stance (supports, denies) -> statement id -> its attachment's status."""
    out: dict[int, dict[str, dict[int, str]]] = {}
    for claim_id, sid, stance, status in db.execute(
        """SELECT cs.claim_id, cs.statement_id, cs.stance, cs.status FROM claim_statements cs
           JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
           WHERE cs.status != 'rejected' AND cs.stance IN ('supports', 'denies')"""
    ):
        out.setdefault(claim_id, {"supports": {}, "denies": {}})[stance][sid] = status
    return out


def _rated_words(text: str, answers: str | None) -> str:
    """What a verdict row shows it rated: a reply's words with what it answers ("Completely
    untrue." says nothing by itself)."""
    return f"{text} (answers: {answers})" if answers else text


def _disputed_section(
    db: Database,
    pairs: list[dict[str, Any]],
    selected: set[int],
    cluster_of: dict[int, list[int]],
    everyone: dict[int, dict[str, Any]],
) -> Section:
    """Each disputed claim once: a claim someone supports and someone denies, with who is on
    each side; then contradicting pairs no claim sets apart (each side's claim, or, on none,
    what its statements say), once per two sides however many links join them."""
    from tracker.claims import list_claims, marked_speakers

    sides = _claim_sides(db)
    claims = {claim["id"]: claim for claim in list_claims(db)}
    rows: list[dict[str, Any]] = []
    apart: set[tuple[int, int]] = set()  # pairs a claim sets on opposite sides
    for claim in claims.values():
        if not (claim["supports"] and claim["denies"]):
            continue
        by_stance = sides.get(claim["id"], {"supports": {}, "denies": {}})
        members = set(by_stance["supports"]) | set(by_stance["denies"])
        if not members & selected:
            continue
        apart |= {(min(s, d), max(s, d)) for s in by_stance["supports"] for d in by_stance["denies"]}
        pending = (  # a side suggested, or only the engine confirmed, waits for a person
            ReviewStatus.SUGGESTED.value in {*by_stance["supports"].values(), *by_stance["denies"].values()}
            or bool(claim["supports_auto"] or claim["denies_auto"])
        )
        rows.append(
            {
                "claim_id": claim["id"],
                "claim": claim["text"],
                "for": marked_speakers(claim, "supports"),
                "against": marked_speakers(claim, "denies"),
                "for_ids": sorted(by_stance["supports"]),
                "against_ids": sorted(by_stance["denies"]),
                "counter_claim": None,
                "verdict": claim["verdict"],
                "review": f"tracker claim review --claim {claim['id']}" if pending else None,
            }
        )
    supported: dict[int, int] = {}  # statement -> the claim it supports (the lowest id)
    for claim_id in sorted(sides, reverse=True):
        for sid in sides[claim_id]["supports"]:
            supported[sid] = claim_id

    def side(sid: int) -> dict[str, Any]:
        """One side of a pair: the claim its statement supports, else what the statements
        that agree with it say."""
        if sid in supported:
            claim = claims[supported[sid]]
            return {
                "key": ("claim", claim["id"]),
                "claim_id": claim["id"],
                "claim": claim["text"],
                "speakers": claim["supports_speakers"],
                "ids": sorted(sides[claim["id"]]["supports"]),
                "verdict": claim["verdict"],
            }
        members = cluster_of.get(sid, [sid])
        return {
            "key": ("statements", members[0]),
            "claim_id": None,
            "claim": everyone[members[0]]["text"],
            "speakers": _names(everyone[i]["speaker"] for i in members),
            "ids": members,
            "verdict": None,
        }

    # Pairs no claim sets apart, by the claim (or statements) of their first side: each claim
    # once, folded into its row above if it has one. `contradicted by` is what the statements on
    # the other end of the links say, never a claim's text: a claim is not anyone's words.
    by_claim = {row["claim_id"]: row for row in rows}
    by_first: dict[tuple[Any, ...], dict[str, Any]] = {}
    for p in pairs:
        if p["id"] is None or (p["a_id"], p["b_id"]) in apart:
            continue  # a claim's two sides: its row above says so
        (first, other), _ = sorted(
            [(side(p["a_id"]), p["b_id"]), (side(p["b_id"]), p["a_id"])], key=lambda one: one[0]["key"]
        )
        row = by_claim.get(first["claim_id"]) if first["claim_id"] is not None else None
        if row is None:
            row = by_first.setdefault(
                first["key"],
                {
                    "claim_id": first["claim_id"],
                    "claim": first["claim"],
                    "for": first["speakers"],
                    "against": [],
                    "for_ids": first["ids"],
                    "against_ids": [],
                    "counter_claim": None,
                    "verdict": first["verdict"],
                    "review": None,
                },
            )
        second = side(other)  # who stands with the other end: its claim's supporters, or its agreeing
        row["against_ids"] = sorted({*row["against_ids"], *second["ids"]})
        row["against"] = _names([*row["against"], *second["speakers"]])
        words = [w for w in (row["counter_claim"] or "").split(" / ") if w]
        row["counter_claim"] = " / ".join(_names([*words, everyone[other]["text"]]))
        if row["review"] is None and review_state(p) != REVIEWED:
            row["review"] = decide_command(p)
    rows.sort(key=lambda r: r["claim_id"])
    rows += sorted(by_first.values(), key=lambda r: (r["for_ids"], r["against_ids"]))
    return Section(
        "disputed",
        "Disputed claims",
        "Each claim that some statements support and others deny, once, with who stands on each "
        "side; then statements that contradict one another without a claim between them "
        "(`contradicted by` is what the other side says). `decide with` names the review still open.",
        [
            ("claim_id", "#"),
            ("claim", "claim"),
            ("for", "for"),
            ("against", "against"),
            ("counter_claim", "contradicted by"),
            ("verdict", "verdict"),
            ("review", "decide with"),
        ],
        rows,
    )


def _days(said: str | None, reported: str | None) -> int | None:
    """Days from said to reported, only when both are full dates (partial ones are skipped)."""
    from datetime import date

    if not said or not reported or len(said) < 10 or len(reported) < 10:
        return None
    return (date.fromisoformat(reported[:10]) - date.fromisoformat(said[:10])).days


def report(db: Database, where: StatementFilter | None = None) -> list[Section]:
    """Every section of `tracker report` for the statements the filter selects.

    Counts, verdicts and lags cover the selected statements; a link counts when either of
    its statements is selected, and an agrees cluster when any of its members is (the
    cluster is then shown whole, since corroboration is about the claim).
    """
    from statistics import mean, median

    from tracker.store import further_appearances, get_statements
    from tracker.verdicts import current_verdicts

    selected = _selected_ids(db, where)
    repeats = further_appearances(db)
    statements = get_statements(db, selected)
    sections = []

    per_speaker: dict[str, int] = {}
    per_outlet: dict[str, int] = {}
    for row in statements.values():
        per_speaker[row["speaker"]] = per_speaker.get(row["speaker"], 0) + 1
        # an outlet that repeated a statement reported it too (once, however often)
        for outlet in _names(
            [row["source"] or "(no source)", *(a["source"] for a in repeats.get(row["id"], ()))]
        ):
            per_outlet[outlet] = per_outlet.get(outlet, 0) + 1
    sections.append(
        Section(
            "speakers",
            "Statements per speaker",
            "How many statements each speaker made.",
            [("speaker", "speaker"), ("statements", "statements")],
            [
                {"speaker": k, "statements": v}
                for k, v in sorted(per_speaker.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
            ],
        )
    )
    sections.append(
        Section(
            "outlets",
            "Statements per outlet",
            "How many statements each outlet reported (first or as a repeat).",
            [("outlet", "outlet"), ("statements", "statements")],
            [
                {"outlet": k, "statements": v}
                for k, v in sorted(per_outlet.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
            ],
        )
    )

    pairs = [p for p in contradictions(db) if p["a_id"] in selected or p["b_id"] in selected]
    contradiction_rows = [
        {
            "link": p["id"],
            "claim": p.get("claim_id"),
            "state": review_state(p),
            "flip": p["flip"],
            "a_id": p["a_id"],
            "a_speaker": p["a_speaker"],
            "a_text": p["a_text"],
            "b_id": p["b_id"],
            "b_speaker": p["b_speaker"],
            "b_text": p["b_text"],
            "reason": p["reason"],
            "review": decide_command(p) if review_state(p) != REVIEWED else None,
        }
        # a pair set apart by a claim has no link id: after the links, in statement order
        for p in sorted(
            pairs,
            key=lambda p: (
                _STATE_ORDER.index(review_state(p)),
                -p["score"],
                p["id"] is None,
                p["id"] or 0,
                p["a_id"],
                p["b_id"],
            ),
        )
    ]
    sections.append(
        Section(
            "contradictions",
            "Contradictions",
            "Pairs of statements that contradict each other: open ones still need a review "
            "(`decide with` says how), auto-confirmed ones the engine was sure of and no person "
            "checked, reviewed ones a person confirmed; rejected ones are left out. "
            "A pair with a claim and no link stands on opposite sides of that claim. "
            f"{REASON_LEGEND}",
            [
                ("link", "link"),
                ("claim", "claim"),
                ("state", "state"),
                ("a_id", "#"),
                ("a_speaker", "speaker"),
                ("a_text", "says"),
                ("b_id", "#"),
                ("b_speaker", "speaker"),
                ("b_text", "says"),
                ("reason", "why"),
                ("review", "decide with"),
            ],
            contradiction_rows,
        )
    )

    flips = []
    for p in (p for p in pairs if p["flip"]):
        # earlier first: by date, undated last, then by id
        a_key = (p["a_date"] is None, p["a_date"] or "", p["a_id"])
        b_key = (p["b_date"] is None, p["b_date"] or "", p["b_id"])
        earlier, later = ("a", "b") if a_key <= b_key else ("b", "a")
        flips.append(
            {
                "speaker": p["a_speaker"],
                "link": p["id"],
                "state": review_state(p),
                "earlier_id": p[f"{earlier}_id"],
                "earlier_date": p[f"{earlier}_date"],
                "earlier_text": p[f"{earlier}_text"],
                "later_id": p[f"{later}_id"],
                "later_date": p[f"{later}_date"],
                "later_text": p[f"{later}_text"],
            }
        )
    sections.append(
        Section(
            "flips",
            "Flips",
            "Speakers who contradicted themselves.",
            [
                ("speaker", "speaker"),
                ("earlier_id", "#"),
                ("earlier_date", "date"),
                ("earlier_text", "said"),
                ("later_id", "#"),
                ("later_date", "date"),
                ("later_text", "then said"),
                ("state", "state"),
            ],
            sorted(flips, key=lambda f: (f["speaker"].casefold(), f["earlier_id"], f["later_id"])),
        )
    )

    sections.append(_claims_section(db, selected))

    clusters = agrees_clusters(db)
    cluster_of = {m: members for members in clusters for m in members}
    everyone = get_statements(db, set(cluster_of) | {i for p in pairs for i in (p["a_id"], p["b_id"])})
    touched = [c for c in clusters if selected.intersection(c)]
    supported = supported_claims(db)
    trust = _agrees_trust(db)
    # a reply ("Completely untrue.") says nothing in its own words: two replies agreeing word
    # for word corroborate no claim, and one beside a speaker repeating themself is no second voice
    said = [own for c in touched if len(own := [m for m in c if not everyone[m]["answers"]]) >= 2]
    cluster_rows = [
        _marked_speakers(_cluster_row(c, everyone, repeats, supported), everyone, trust) for c in said
    ]
    corroborated = [r for r in cluster_rows if len(r["outlets"]) >= 2 and len(r["speakers"]) >= 2]
    sections.append(
        Section(
            "corroborated",
            "Corroborated claims",
            "Claims that statements by different speakers, reported by at least two outlets, agree on. "
            "A speaker whose agreement only tracker suggested is marked (suggested), one only the "
            "engine confirmed, sure of itself, (auto-confirmed). A reply that names no claim in its "
            'words ("Completely untrue.") corroborates nothing: its side is on the claim it answers.',
            [
                ("statement_id", "statement"),
                ("claim", "claim"),
                ("statements", "statements"),
                ("appearances", "appearances"),
                ("speakers", "speakers"),
                ("outlets", "outlets"),
            ],
            sorted(corroborated, key=lambda r: (-r["statements"], r["statement_id"])),
        )
    )

    sections.append(_disputed_section(db, pairs, selected, cluster_of, everyone))

    verdicts = current_verdicts(db)
    covers: dict[int, list[int]] = {}
    for v in verdicts:
        if v["inherited_from"] is not None:
            covers.setdefault(v["inherited_from"], []).append(v["statement_id"])
    verdict_rows = [
        {
            "statement_id": v["statement_id"],
            "speaker": v["speaker"],
            "claim": _rated_words(v["text"], v["answers"]),
            "rating": v["rating"],
            "by": v["by"],
            "date": v["created_at"][:10],
            "evidence_url": v["evidence_url"],
            "covers": covers.get(v["statement_id"], []),
        }
        for v in verdicts
        if v["inherited_from"] is None and v["statement_id"] in selected
    ]
    sections.append(
        Section(
            "verdicts",
            "Verdicts",
            "The latest rating of each rated claim; `also covers` lists the statements that "
            "agree with it and inherit the rating.",
            [
                ("statement_id", "#"),
                ("speaker", "speaker"),
                ("claim", "claim"),
                ("rating", "rating"),
                ("by", "by"),
                ("date", "date"),
                ("evidence_url", "evidence"),
                ("covers", "also covers"),
            ],
            verdict_rows,
        )
    )

    rated = {v["statement_id"] for v in verdicts if v["rating"] != "unverified"}
    # a statement on either side of a claim someone rated is about a rated claim
    rated_claims = _rated_claims(db)
    rated |= {sid for sid, claim_ids in _sided_claims(db).items() if claim_ids & rated_claims}
    # a statement no other agrees with is repeated too when it appeared again
    alone = sorted(sid for sid in selected.intersection(repeats) if sid not in cluster_of)
    repeated = cluster_rows + [_cluster_row([sid], statements, repeats) for sid in alone]
    unverified = [r for r in repeated if not rated.intersection(r["ids"])]
    sections.append(
        Section(
            "unverified",
            "Unverified claims repeated",
            "Claims that several statements agree on, or that one statement made again on "
            "another date or in another outlet, but that nobody has rated yet (or rated only "
            "`unverified`), most repeated first.",
            [
                ("statement_id", "statement"),
                ("claim", "claim"),
                ("statements", "statements"),
                ("appearances", "appearances"),
                ("speakers", "speakers"),
                ("outlets", "outlets"),
            ],
            sorted(unverified, key=lambda r: (-r["appearances"], -r["statements"], r["statement_id"])),
        )
    )

    lags: dict[str, list[int]] = {}
    for row in statements.values():
        days = _days(row["said_on"], row["reported_on"])
        if days is not None:
            lags.setdefault(row["source"] or "(no source)", []).append(days)
    sections.append(
        Section(
            "lag",
            "Reporting lag per outlet",
            "Days between when a statement was said and when it was reported, over statements "
            "with both dates known to the day (partial dates are left out).",
            [
                ("outlet", "outlet"),
                ("statements", "statements"),
                ("mean_days", "mean days"),
                ("median_days", "median days"),
                ("max_days", "max days"),
            ],
            [
                {
                    "outlet": outlet,
                    "statements": len(days),
                    "mean_days": round(float(mean(days)), 1),
                    "median_days": float(median(days)),
                    "max_days": max(days),
                }
                for outlet, days in sorted(lags.items(), key=lambda kv: kv[0].casefold())
            ],
        )
    )
    return sections


def _timeline_key(row: dict[str, Any]) -> tuple[bool, str, int, bool]:
    """Said, else reported, date; undated last; a partial date sorts before full dates in it;
    a repeat after its statement's first appearance on the same date."""
    date = row["said_on"] or row["reported_on"]
    return (date is None, date or "", row["id"], bool(row.get("repeat_of")))


def _in_window(date: str | None, where: StatementFilter) -> bool:
    """Whether a date falls between --since and --until as filter_clause compares them."""
    from tracker.dates import lower_bound, parse_date, upper_bound

    since, until = parse_date(where.since), parse_date(where.until)
    if since and not (date and (date + "-99-99")[:10] >= lower_bound(since)):
        return False
    return not until or bool(date and (date + "-00-00")[:10] <= upper_bound(until))


def _repeats(db: Database, where: StatementFilter) -> list[dict[str, Any]]:
    """The further appearances of the statements a filter selects, as timeline rows of their
    own: at the date of the repeat (--since/--until read that date, not the first one's)."""
    from dataclasses import replace

    from tracker.store import further_appearances, list_statements

    undated = replace(where, since=None, until=None, limit=None)
    statements = {row["id"]: row for row in list_statements(db, undated)}
    rows = []
    for sid, appearances in further_appearances(db, statements).items():
        for appearance in appearances:
            if _in_window(appearance["said_on"] or appearance["reported_on"], where):
                rows.append(
                    {
                        **statements[sid],
                        "source": appearance["source"],
                        "said_on": appearance["said_on"],
                        "reported_on": appearance["reported_on"],
                        "repeat_of": sid,
                    }
                )
    return rows


UNCHECKED = "agrees, unchecked"  # an agrees link no person confirmed: suggested, or auto-confirmed
CONFLICTING = "conflicting"  # judged both to agree and to contradict, and no person settled which

# what each of a timeline row's marks means: one mark per earlier statement
TIMELINE_LEGEND = (
    "✗ #id contradicts that earlier statement · ✓ #id agrees with it, as a person confirmed · "
    "≈ #id agrees, as only the engine judged · ± #id judged both to agree and to contradict, "
    "no person has settled which (review it) · ↻ a repeat of that statement"
)


def timeline_marks(
    contradicts: list[Any],
    confirmed: list[Any],
    unchecked: list[Any],
    conflicting: list[Any] | None = None,
) -> str:
    """A timeline row's marks (TIMELINE_LEGEND): ✗ contradicts, ✓ agrees as a person confirmed,
    ≈ agrees as only the engine judged (suggested, or confirmed sure of itself), ± both."""
    return " ".join(
        [f"✗ #{i}" for i in contradicts]
        + [f"✓ #{i}" for i in confirmed]
        + [f"≈ #{i}" for i in unchecked]
        + [f"± #{i}" for i in conflicting or []]
    )


def _one_mark(judged: dict[str, bool]) -> str:
    """The one mark of a pair of statements from what it was judged (relation -> whether a
    person confirmed it): agreeing and contradicting at once is settled by a person's word
    on one of them only, else it is said to be conflicting."""
    agrees, contradicts = judged.get(Relation.AGREES.value), judged.get(Relation.CONTRADICTS.value)
    if agrees is None:
        return Relation.CONTRADICTS.value
    if contradicts is None or (agrees and not contradicts):
        return Relation.AGREES.value if agrees else UNCHECKED
    return Relation.CONTRADICTS.value if contradicts and not agrees else CONFLICTING


def timeline(db: Database, where: StatementFilter | None = None) -> list[dict[str, Any]]:
    """Statements in date order, each with the earlier statements it contradicts or agrees with,
    and each repeat of a statement (another date or outlet) at its own date, marked as one.

    "Earlier" is by the same order over all statements, so a filtered timeline still
    points at the earlier statements it leaves out.
    """
    from tracker.store import list_statements

    where = where or StatementFilter()
    rows = list_statements(db, where) + _repeats(db, where)
    order = {
        sid: position
        for position, (_, _, sid) in enumerate(
            sorted(
                (r[1] is None and r[2] is None, r[1] or r[2] or "", r[0])
                for r in db.execute("SELECT id, said_on, reported_on FROM statements")
            )
        )
    }
    # what `tracker contradictions` lists (links, and statements on opposite sides of a claim)
    # and what agrees links join, each with whether a person confirmed it
    pairs = [
        (p["a_id"], p["b_id"], Relation.CONTRADICTS.value, review_state(p) == REVIEWED)
        for p in contradictions(db)
    ]
    pairs += [
        (a, b, Relation.AGREES.value, by == ConfirmedBy.PERSON.value)
        for a, b, by in db.execute(
            f"SELECT a_id, b_id, {confirmed_by_sql('l')} FROM links l WHERE relation = ? AND status != ?",
            [Relation.AGREES.value, ReviewStatus.REJECTED.value],
        )
    ]
    judged: dict[tuple[int, int], dict[str, bool]] = {}
    for a, b, relation, person in pairs:
        later, earlier = (a, b) if order[a] > order[b] else (b, a)
        seen = judged.setdefault((later, earlier), {})
        seen[relation] = seen.get(relation, False) or person
    marks: dict[int, dict[str, set[int]]] = {}
    for (later, earlier), seen in judged.items():
        marks.setdefault(later, {}).setdefault(_one_mark(seen), set()).add(earlier)
    result = []
    for row in sorted(rows, key=_timeline_key):
        repeat_of = row.get("repeat_of")
        found = {} if repeat_of else marks.get(row["id"], {})
        contradicts = sorted(found.get(Relation.CONTRADICTS.value, []))
        confirmed, unchecked = sorted(found.get(Relation.AGREES.value, [])), sorted(found.get(UNCHECKED, []))
        conflicting = sorted(found.get(CONFLICTING, []))
        result.append(
            {
                "id": row["id"],
                "date": row["said_on"] or row["reported_on"],
                "speaker": row["speaker"],
                "source": row["source"],
                "text": row["text"],
                "contradicts": contradicts,
                "agrees": sorted(confirmed + unchecked),
                "agrees_unchecked": unchecked,  # agreeing by the engine's judgement only
                "conflicting": conflicting,  # judged both ways, no person settled which
                "repeat_of": repeat_of,
                "marks": f"↻ repeat of #{repeat_of}"
                if repeat_of
                else timeline_marks(contradicts, confirmed, unchecked, conflicting),
            }
        )
    return result


def statements_for_export(db: Database, where: StatementFilter | None = None) -> list[dict[str, Any]]:
    """Statements with every field `tracker import` reads back, so an export re-imports
    losslessly: their further appearances (another date or outlet) as a list."""
    from tracker.export.readers import APPEARANCE_FIELDS
    from tracker.store import further_appearances, list_statements

    rows = list_statements(db, where or StatementFilter())
    speaker_kinds = dict(db.execute("SELECT id, kind FROM speakers").fetchall())
    published = dict(db.execute("SELECT id, published FROM sources").fetchall())
    appearances = further_appearances(db)
    for row in rows:
        row["speaker_kind"] = speaker_kinds.get(row["speaker_id"])
        row["published"] = published.get(row["source_id"])
        row["appearances"] = [
            {key: a[key] for key in APPEARANCE_FIELDS} for a in appearances.get(row["id"], [])
        ]
    return rows
