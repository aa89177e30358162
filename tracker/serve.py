"""`tracker serve`: the ledger in Datasette, read-only, set up as a fact-checking desk.

`metadata` is pure (titles, descriptions, facets, full-text search and canned queries for a
database of that name); `app` needs the `web` extra (`pip install -e '.[web]'` in the project's folder).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.model import ConfirmedBy, TrackerError
from tracker.reports import SAME_SPEAKER, know_unnamed
from tracker.store.queries import confirmed_by_sql

if TYPE_CHECKING:
    from tracker.migrations import Progress

INSTALL = "pip install -e '.[web]' in tracker's folder (make demo installs it)"


class MissingExtra(TrackerError):
    """An optional dependency is not installed."""


def _text(alias: str) -> str:
    return f"""
  sp{alias}.name AS {"speaker" if alias == "a" else "other_speaker"},
  {alias}.text AS {"says" if alias == "a" else "other_says"},
  src{alias}.outlet AS {"outlet" if alias == "a" else "other_outlet"},
  coalesce({alias}.said_on, {alias}.reported_on) AS {"date" if alias == "a" else "other_date"}"""


# A link's reasons in one line (similarity is already in the score), as tracker.reports says them.
_WHY = """(SELECT group_concat(json_extract(r.value, '$.code') || ': ' || json_extract(r.value, '$.detail'), '; ')
          FROM json_each(l.reasons) r WHERE json_extract(r.value, '$.code') != 'similarity')"""

# Who confirmed a pair of sides on one claim: a person only when a person confirmed both.
_BOTH_CONFIRMED_BY = f"""CASE WHEN sa.status = 'confirmed' AND sd.status = 'confirmed' THEN
           CASE WHEN sa.reviewed_at IS NOT NULL AND sd.reviewed_at IS NOT NULL
                THEN '{ConfirmedBy.PERSON.value}' ELSE '{ConfirmedBy.ENGINE.value}' END END"""

# Contradicting pairs: contradicts links no one rejected, and statements on opposite sides of
# one claim that no link lists already (nor a person said do not contradict) — as `tracker
# contradictions` lists them.
_PAIRS = f"""
WITH pairs AS (
  SELECT l.id AS link, NULL AS claim, l.status, {confirmed_by_sql("l")} AS confirmed_by,
         l.score, l.a_id, l.b_id, coalesce({_WHY}, 'similar wording') AS why
  FROM links l WHERE l.relation = 'contradicts' AND l.status != 'rejected'
  UNION ALL
  SELECT NULL, c.id,
         CASE WHEN sa.status = 'confirmed' AND sd.status = 'confirmed' THEN 'confirmed' ELSE 'suggested' END,
         {_BOTH_CONFIRMED_BY},
         min(sa.score, sd.score), min(sa.statement_id, sd.statement_id), max(sa.statement_id, sd.statement_id),
         'opposite sides of claim ' || c.id || ': ' || c.text
  FROM claim_statements sa
  JOIN claim_statements sd ON sd.claim_id = sa.claim_id AND sd.stance = 'denies'
  JOIN claims c ON c.id = sa.claim_id AND c.merged_into IS NULL
  WHERE sa.stance = 'supports' AND sa.status != 'rejected' AND sd.status != 'rejected'
    AND sa.statement_id != sd.statement_id
    AND NOT EXISTS (SELECT 1 FROM links r
                    WHERE r.a_id = min(sa.statement_id, sd.statement_id)
                      AND r.b_id = max(sa.statement_id, sd.statement_id)
                      AND (r.status = 'rejected' OR r.relation = 'contradicts'))
)
SELECT p.link, p.claim, p.status, p.confirmed_by, round(p.score, 1) AS score,
  a.id AS statement,{_text("a")},
  b.id AS other_statement,{_text("b")},
  p.why
FROM pairs p
JOIN statements a ON a.id = p.a_id JOIN speakers spa ON spa.id = a.speaker_id
LEFT JOIN sources srca ON srca.id = a.source_id
JOIN statements b ON b.id = p.b_id JOIN speakers spb ON spb.id = b.speaker_id
LEFT JOIN sources srcb ON srcb.id = b.source_id"""


# Where each statement appeared: its own source, and those of its further appearances (an
# outlet that repeated a statement carries its claim, as `tracker report` counts outlets).
_APPEARED = (
    "(SELECT id AS statement_id, source_id FROM statements"
    " UNION SELECT statement_id, source_id FROM appearances)"
)


def _side(stance: str, what: str) -> str:
    column = {"name": "sp.name", "outlet": "so.outlet"}[what]
    joins = (
        "JOIN statements s ON s.id = cs.statement_id JOIN speakers sp ON sp.id = s.speaker_id"
        if what == "name"
        else f"JOIN {_APPEARED} s ON s.statement_id = cs.statement_id"
        " LEFT JOIN sources so ON so.id = s.source_id"
    )
    return f"""(SELECT group_concat(x, '; ') FROM (
      SELECT DISTINCT {column} AS x FROM claim_statements cs {joins}
      WHERE cs.claim_id = c.id AND cs.stance = '{stance}' AND cs.status != 'rejected' AND {column} IS NOT NULL))"""


def _count(stance: str, what: str = "*", claim: str = "c.id", *, appeared: bool = False) -> str:
    """How many of the claim's statements on that side (with `appeared`, counting every
    place each appeared: `what` over its sources)."""
    table, key = (_APPEARED, "statement_id") if appeared else ("statements", "id")
    return (
        f"(SELECT count({what}) FROM claim_statements cs JOIN {table} s ON s.{key} = cs.statement_id "
        f"LEFT JOIN sources so ON so.id = s.source_id "
        f"WHERE cs.claim_id = {claim} AND cs.stance = '{stance}' AND cs.status != 'rejected')"
    )


_SIDES = f"""
SELECT c.id AS claim, c.text,
  {_count("supports")} AS supports, {_side("supports", "name")} AS supported_by,
  {_count("denies")} AS denies, {_side("denies", "name")} AS denied_by,
  {_count("discusses")} AS discusses, {_side("discusses", "name")} AS discussed_by,
  {_side("supports", "outlet")} AS supporting_outlets
FROM claims c WHERE c.merged_into IS NULL"""

QUERIES: dict[str, dict[str, str]] = {
    "contradictions": {
        "title": "Contradictions",
        "description": "Pairs of statements that contradict each other, side by side, strongest "
        "first: contradicts links no one rejected, and statements on opposite sides of one claim.",
        "sql": f"{_PAIRS}\nORDER BY p.score DESC, p.link IS NULL, p.link, p.a_id, p.b_id",
    },
    "flips": {
        "title": "Flips",
        "description": "Speakers who contradicted themselves (a speaker nobody names, such as "
        "'police', only within one source), as `tracker contradictions --flips` lists them.",
        "sql": f"{_PAIRS}\nWHERE {SAME_SPEAKER}\nORDER BY speaker, p.a_id, p.b_id",
    },
    "sides": {
        "title": "Claims and who is on each side",
        "description": "Every claim with how many statements support, deny or discuss it, and by whom.",
        "sql": f"{_SIDES}\nORDER BY c.id",
    },
    "disputed": {
        "title": "Disputed claims",
        "description": "Claims that someone supports and someone denies.",
        "sql": f"SELECT * FROM ({_SIDES}) WHERE supports > 0 AND denies > 0 ORDER BY claim",
    },
    "corroborated": {
        "title": "Corroborated claims",
        "description": "Claims supported by at least two speakers, reported by at least two outlets.",
        "sql": f"SELECT * FROM ({_SIDES}) c\nWHERE {_count('supports', 'DISTINCT s.speaker_id', 'c.claim')} >= 2 "
        f"AND {_count('supports', 'DISTINCT so.outlet', 'c.claim', appeared=True)} >= 2 ORDER BY supports DESC, claim",
    },
    "speaker_timeline": {
        "title": "A speaker's timeline",
        "description": "One speaker's statements in date order (said, else reported; undated last), "
        "with the statements each contradicts or agrees with. Give the name, an alias or the id.",
        "sql": """
SELECT s.id AS statement, coalesce(s.said_on, s.reported_on) AS date, sp.name AS speaker, s.text,
  so.outlet, s.kind, s.polarity,
  (SELECT group_concat(CASE WHEN l.a_id = s.id THEN l.b_id ELSE l.a_id END, ', ') FROM links l
   WHERE s.id IN (l.a_id, l.b_id) AND l.relation = 'contradicts' AND l.status != 'rejected') AS contradicts,
  (SELECT group_concat(CASE WHEN l.a_id = s.id THEN l.b_id ELSE l.a_id END, ', ') FROM links l
   WHERE s.id IN (l.a_id, l.b_id) AND l.relation = 'agrees' AND l.status != 'rejected') AS agrees
FROM statements s JOIN speakers sp ON sp.id = s.speaker_id LEFT JOIN sources so ON so.id = s.source_id
WHERE sp.name = :speaker COLLATE NOCASE OR CAST(sp.id AS TEXT) = :speaker
   OR sp.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias = :speaker COLLATE NOCASE)
ORDER BY date IS NULL, date, s.id""",
    },
    "decisions": {
        "title": "Links and sides, and who decided them",
        "description": "Every link between statements and every side a statement takes on a claim, "
        "with its status and who confirmed it (confirmed_by: person, or engine when tracker confirmed "
        "it sure of itself and no person has reviewed it), as the command line shows them.",
        "sql": f"""
SELECT 'link ' || l.id AS item, l.relation AS judged, l.status, {confirmed_by_sql("l")} AS confirmed_by,
  l.reviewed_by, round(l.score, 1) AS score, spa.name AS speaker, a.text AS statement,
  spb.name AS other_speaker, b.text AS against
FROM links l
JOIN statements a ON a.id = l.a_id JOIN speakers spa ON spa.id = a.speaker_id
JOIN statements b ON b.id = l.b_id JOIN speakers spb ON spb.id = b.speaker_id
UNION ALL
SELECT 'claim ' || c.id, cs.stance, cs.status, {confirmed_by_sql("cs")}, cs.reviewed_by,
  round(cs.score, 1), sp.name, s.text, NULL, c.text
FROM claim_statements cs
JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
JOIN statements s ON s.id = cs.statement_id JOIN speakers sp ON sp.id = s.speaker_id
ORDER BY item""",
    },
    "awaiting_review": {
        "title": "Awaiting review",
        "description": "What tracker suggested and no person has confirmed or rejected yet: links "
        "between statements, and the side a statement takes on a claim. Strongest first.",
        "sql": """
SELECT 'link ' || l.id AS item, l.relation AS judged, round(l.score, 1) AS score,
  spa.name AS speaker, a.text AS statement, spb.name AS other_speaker, b.text AS against
FROM links l
JOIN statements a ON a.id = l.a_id JOIN speakers spa ON spa.id = a.speaker_id
JOIN statements b ON b.id = l.b_id JOIN speakers spb ON spb.id = b.speaker_id
WHERE l.status = 'suggested'
UNION ALL
SELECT 'claim ' || c.id, cs.stance, round(cs.score, 1), sp.name, s.text, NULL, c.text
FROM claim_statements cs
JOIN claims c ON c.id = cs.claim_id AND c.merged_into IS NULL
JOIN statements s ON s.id = cs.statement_id JOIN speakers sp ON sp.id = s.speaker_id
WHERE cs.status = 'suggested'
ORDER BY score DESC, item""",
    },
}

TABLES: dict[str, dict[str, Any]] = {
    "statements": {
        "title": "Statements",
        "description": "Who said what, where it was reported and when; search the text above.",
        "label_column": "text",
        "facets": ["speaker_id", "source_id", "kind", "polarity", "modality"],
        "fts_table": "statements_fts",
        "fts_pk": "id",
    },
    "speakers": {
        "title": "Speakers",
        "description": "People and bodies quoted.",
        "label_column": "name",
        "facets": ["kind", "affiliation"],
    },
    "sources": {
        "title": "Sources",
        "description": "Articles and the outlets that published them.",
        "label_column": "outlet",
        "facets": ["outlet"],
    },
    "links": {
        "title": "Links",
        "description": "Pairs of statements judged to agree, contradict or be "
        "related, with why (reasons) and whether a person reviewed them (status).",
        "facets": ["relation", "status"],
    },
    "claims": {
        "title": "Claims",
        "description": "Propositions statements take a side on.",
        "label_column": "text",
    },
    "claim_statements": {
        "title": "Sides taken on claims",
        "description": "Which statement supports, denies or discusses which claim, and why.",
        "facets": ["stance", "status"],
    },
    "verdicts": {
        "title": "Verdicts",
        "description": "Ratings of claims; the latest per statement counts.",
        "facets": ["rating"],
    },
    "speaker_aliases": {"title": "Speaker aliases", "description": "Other names a speaker goes by."},
    "_sqlite_migrations": {"hidden": True},
    "settings": {"hidden": True},
}


def metadata(name: str) -> dict[str, Any]:
    """Datasette metadata for a ledger served as database `name`."""
    return {
        "title": "tracker: who said what",
        "description": "A ledger of attributed statements: who said what, where, when and through whom, "
        "which statements contradict each other, and who stands on which side of a claim. Read-only.",
        "databases": {
            name: {
                "title": "Ledger",
                "tables": TABLES,
                # the SQL stays a click away ("show"): the rows are what a reader came for
                "queries": {key: {**query, "hide_sql": True} for key, query in QUERIES.items()},
            }
        },
    }


def app(path: Path, progress: Progress | None = None) -> Any:
    """A Datasette instance over the ledger at `path` (its schema brought up to date first,
    reporting to `progress` as open_db does),
    opened read-only: Datasette reads with `mode=ro`, so the ledger may go on changing while
    it is served (immutable mode would cache counts and could read a half-written file)."""
    try:
        from datasette.app import Datasette  # type: ignore[import-untyped]
    except ImportError:
        raise MissingExtra(f"tracker serve needs Datasette: {INSTALL}") from None
    from tracker.store import open_db

    if not path.is_file():
        raise TrackerError(f"no ledger at {path}: import or extract some statements first")
    open_db(path, progress=progress).close()
    _register_functions()
    return Datasette(files=[str(path)], metadata=metadata(path.stem), settings={"default_page_size": 50})


def _register_functions() -> None:
    """The SQL functions tracker's own queries use (`tracker_unnamed`), on Datasette's
    connections too: the flips query then asks what `tracker contradictions --flips` asks."""
    from types import ModuleType

    from datasette import hookimpl  # type: ignore[import-untyped]
    from datasette.plugins import pm  # type: ignore[import-untyped]

    if pm.has_plugin("tracker"):
        return

    def prepare_connection(conn: Any) -> None:
        know_unnamed(conn)

    plugin = ModuleType("tracker.serve.functions")  # Datasette lists its plugins as modules
    plugin.prepare_connection = hookimpl(prepare_connection)  # type: ignore[attr-defined]
    pm.register(plugin, name="tracker")


def check_address(host: str, port: int) -> None:
    """Refuse at once, with the reason, an address the server could not listen on."""
    import os
    import socket

    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.create_server((host, port), family=family):
            pass
    except socket.gaierror as error:
        raise TrackerError(f"cannot listen on {host}:{port}: {error.strerror}") from None
    except OSError as error:  # its own message names the address again: the reason alone
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise TrackerError(f"cannot listen on {host}:{port}: {reason}") from None


def run(datasette: Any, host: str, port: int, *, open_browser: bool = False) -> None:
    """Serve until Ctrl-C."""
    import asyncio
    import webbrowser

    import uvicorn

    asyncio.run(datasette.invoke_startup())
    if open_browser:
        webbrowser.open(url(host, port))
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning", lifespan="on")


def url(host: str, port: int) -> str:
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
