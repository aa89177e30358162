"""Links between statements: link, links, contradictions, compare, similar, eval, settings
(review is in review.py)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from tracker.cli import _typer
from tracker.cli.options import (
    CsvOption,
    DbOption,
    JsonOption,
    LimitOption,
    NlOption,
    SinceFilter,
    SourceFilter,
    SpeakerFilter,
    UntilFilter,
    checked,
    database,
    judging,
    one_of,
    output_format,
)
from tracker.cli.render import Column
from tracker.model import ConfirmedBy, ReviewStatus, status_label


class RelationChoice(StrEnum):
    """The relations a person can give a link (unrelated: reject it instead)."""

    AGREES = "agrees"
    CONTRADICTS = "contradicts"
    RELATED = "related"


class LiveStatus(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    ALL = "all"


class AnyStatus(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    ALL = "all"


class StoredRelation(StrEnum):
    AGREES = "agrees"
    CONTRADICTS = "contradicts"
    RELATED = "related"


# the reasons say 'in a' and 'in b': the columns are named so
PAIR_COLUMNS: list[Column] = [
    ("id", "link"),
    ("claim_id", "claim"),
    ("relation", "relation"),
    ("status", "status"),
    ("score", "score"),
    ("statement_a", "statement a"),
    ("statement_b", "statement b"),
    ("reason", "why"),
]
PAIR_MACHINE = [
    "id",
    "relation",
    "status",
    "score",
    "flip",
    "reason",
    "a_id",
    "a_ref",
    "a_text",
    "a_speaker",
    "a_source",
    "a_date",
    "b_id",
    "b_ref",
    "b_text",
    "b_speaker",
    "b_source",
    "b_date",
    "engine",
    "created_at",
    "reviewed_at",
    "reviewed_by",
    "claim_id",  # a pair set apart by a claim, not a link (last: the columns before keep their place)
    "confirmed_by",  # person, or engine (sure of itself); empty unless confirmed
]
SIMILAR_COLUMNS: list[Column] = [
    ("score", "score"),
    ("id", "id"),
    ("ref", "ref"),
    ("speaker", "speaker"),
    ("text", "text"),
    ("source", "source"),
]

link_app = _typer(
    help="Link related statements; with no subcommand, relink everything.\n\nExample: tracker link --timings"
)
link_app.info.no_args_is_help = False
settings_app = _typer(
    help="Show the linking thresholds, the longest statement text and the semantic layer, or "
    "change one with `settings set KEY VALUE`.\n\n"
    "Example: tracker settings --csv"
)
settings_app.info.no_args_is_help = False


def register(app: typer.Typer) -> None:
    from tracker.cli.review import review

    app.add_typer(link_app, name="link")
    app.command("links")(links)
    app.command("contradictions")(contradictions)
    app.command("review")(review)
    app.command("compare")(compare)
    app.command("similar")(similar)
    app.command("eval")(eval_)
    app.add_typer(settings_app, name="settings")


def _reviewer() -> str | None:
    """Who reviews: the OS user (decisions record it as reviewed_by)."""
    from tracker.store.corrections import os_user

    return os_user()


def _pairs(rows: list[dict[str, Any]], fmt: str, *, title: str, empty: str, relation: bool = True) -> None:
    from tracker.cli.render import emit

    if fmt in ("json", "nl"):
        emit(rows, [], fmt=fmt)
    elif fmt == "table":
        shown = [
            {
                **row,
                "status": status_label(row["status"], row["confirmed_by"]),
                **{f"statement_{side}": _one_line(row, side) for side in "ab"},
            }
            for row in rows
        ]
        columns = [c for c in PAIR_COLUMNS if relation or c[0] != "relation"]
        emit(shown, columns, fmt=fmt, title=title, empty=empty)
    else:
        emit(rows, [(c, c) for c in PAIR_MACHINE], fmt=fmt)


def _one_line(row: dict[str, Any], side: str) -> str:
    """`#11 India (Caliber.Az, 2025-05-10): text` — a statement with its provenance."""
    from tracker.speakers import said_where

    where = ", ".join(str(v) for v in (row[f"{side}_source"], row[f"{side}_date"]) if v)
    where = said_where(str(row[f"{side}_speaker"]), where)
    return f"#{row[f'{side}_id']} {row[f'{side}_speaker']}{f' ({where})' if where else ''}: {row[f'{side}_text']}"


# --- link ------------------------------------------------------------------------------------


@link_app.callback(invoke_without_command=True)
def link(
    ctx: typer.Context,
    db_path: DbOption = None,
    timings: Annotated[bool, typer.Option("--timings", help="Also say how long each stage took.")] = False,
) -> None:
    """Relink every statement (reviewed links keep their decision)."""
    if ctx.invoked_subcommand is not None:
        return
    from tracker.cli.render import progress, status
    from tracker.link import relink_all
    from tracker.reports import stored_links

    db = database(db_path)
    with progress("Linking") as bar:
        stats = relink_all(db, progress=bar)
    status(
        f"{stats.candidates} candidate pairs, {stats.judged} close enough to judge: "
        f"{_stored_summary(stored_links(db))}; "
        f"{stats.removed} stale link{'s' if stats.removed != 1 else ''} removed."
    )
    if timings:
        status(f"Took {sum(stats.seconds.values()):.1f} s: {stats.timings()}.")


def _stored_summary(counts: dict[str, int]) -> str:
    """`5 links (1 agrees, 4 related), 1 rejected`: what the ledger holds after a relink, with
    the relations people gave, rather than what the engine judged."""
    rejected = counts.pop(ReviewStatus.REJECTED.value, 0)
    total = sum(counts.values())
    parts = ", ".join(f"{n} {relation}" for relation, n in counts.items())
    summary = f"{total} link{'s' if total != 1 else ''}" + (f" ({parts})" if parts else "")
    return summary + (f", {rejected} rejected by a person" if rejected else "")


LinkId = Annotated[int, typer.Argument(help="The link's id.", metavar="ID")]


@link_app.command("confirm")
def confirm(link_id: LinkId, db_path: DbOption = None) -> None:
    """Confirm a link; relinking never changes it again.

    Example: tracker link confirm 6
    """
    _decide(link_id, db_path, ReviewStatus.CONFIRMED)


@link_app.command("reject")
def reject(link_id: LinkId, db_path: DbOption = None) -> None:
    """Reject a link; it is never listed or suggested again.

    Example: tracker link reject 6
    """
    _decide(link_id, db_path, ReviewStatus.REJECTED)


@link_app.command("relabel")
def relabel(
    link_id: LinkId,
    relation: Annotated[
        RelationChoice, typer.Argument(help="agrees, contradicts or related.", metavar="RELATION")
    ],
    db_path: DbOption = None,
) -> None:
    """Say how a link's two statements stand: it is confirmed with that relation.

    Relinking never changes it again; `tracker audit` records what it replaced.

    Example: tracker link relabel 6 related
    """
    from tracker.cli.render import status
    from tracker.link import relabel_link

    db = judging(db_path)
    if _unchanged(db, link_id, ReviewStatus.CONFIRMED, relation.value):
        return
    relabel_link(db, link_id, relation.value, by=_reviewer())
    status(f"Link {link_id} confirmed as {relation}.")


def _decide(link_id: int, db_path: Any, decision: Any) -> None:
    from tracker.cli.render import status
    from tracker.link import confirm_link, reject_link

    db = judging(db_path)
    if _unchanged(db, link_id, decision):
        return
    record = confirm_link if decision is ReviewStatus.CONFIRMED else reject_link
    record(db, link_id, by=_reviewer())
    status(f"Link {link_id} {decision.value}.")


def _unchanged(db: Any, link_id: int, decision: ReviewStatus, relation: str | None = None) -> bool:
    """Say so when a person already reviewed the link this way (nothing is written)."""
    from tracker.cli.render import status
    from tracker.link.review import already_decided, link_decision

    link = link_decision(db, link_id)
    if not already_decided(link, decision, relation):
        return False
    as_ = f" as {link['relation']}" if decision is ReviewStatus.CONFIRMED else ""
    by = f" by {link['reviewed_by']}" if link["reviewed_by"] else ""
    status(f"Nothing changed: link {link_id} is already {decision.value}{as_}{by}.")
    return True


# --- reading links ---------------------------------------------------------------------------


def links(
    relation: Annotated[StoredRelation | None, typer.Option(help="Only this relation.")] = None,
    status: Annotated[
        AnyStatus, typer.Option(help="Review status; all = every link not rejected.")
    ] = AnyStatus.ALL,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """List links between statements, strongest first.

    Example: tracker links --relation agrees --status confirmed
    """
    from tracker.reports import list_links

    fmt = output_format(json_, csv, nl)
    rows = list_links(
        database(db_path),
        relation=relation.value if relation else None,
        status=status.value,
        limit=limit,
    )
    _pairs(rows, fmt, title="Links", empty="No links.")


def contradictions(
    speaker: SpeakerFilter = None,
    source: SourceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    flips: Annotated[bool, typer.Option("--flips", help="Only a speaker contradicting themself.")] = False,
    status: Annotated[
        LiveStatus, typer.Option(help="Review status; rejected links are never listed.")
    ] = LiveStatus.ALL,
    fail_if_any: Annotated[
        bool, typer.Option("--fail-if-any", help="Exit with code 3 when any contradiction is listed.")
    ] = False,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Pairs of statements that contradict each other, with both sides and the reason.

    Example: tracker contradictions --flips --limit 10
    """
    from tracker import reports
    from tracker.store import StatementFilter

    fmt = output_format(json_, csv, nl)
    rows = reports.contradictions(
        database(db_path),
        StatementFilter(speaker=speaker, source=source, since=since, until=until),
        flips=flips,
        status=status.value,
    )[:limit]
    _pairs(
        rows, fmt, title="Flips" if flips else "Contradictions", empty="No contradictions.", relation=False
    )  # every one contradicts
    if fmt == "table":
        _how_to_decide(rows)
    if fail_if_any and rows:
        raise typer.Exit(3)


def _how_to_decide(rows: list[dict[str, Any]]) -> None:
    """Under the table: how a person decides the open ones (links, and claims' sides)."""
    from tracker.cli.render import status, unreviewed

    auto = [row for row in rows if row["confirmed_by"] == ConfirmedBy.ENGINE.value]
    suggested = [row for row in rows if row["status"] == ReviewStatus.SUGGESTED.value]
    open_rows = suggested + auto
    links = [row for row in open_rows if row["id"] is not None]
    claims = sorted({row["claim_id"] for row in open_rows if row["id"] is None})
    ways = []
    if links:
        ways.append("`tracker review --relation contradicts` (or `tracker link confirm ID`) for links")
    ways += [f"`tracker claim review --claim {claim}` for the sides of claim {claim}" for claim in claims]
    if ways:
        status(f"To decide the {unreviewed(bool(suggested), bool(auto))} ones: {'; '.join(ways)}.")


# --- judging text ----------------------------------------------------------------------------


def compare(
    text_a: Annotated[str, typer.Argument(help="The first statement.", metavar="TEXT_A")],
    text_b: Annotated[str, typer.Argument(help="The second statement.", metavar="TEXT_B")],
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
) -> None:
    """Judge how TEXT_B stands to TEXT_A, with the reasons; nothing is stored.

    Example: tracker compare "Missiles hit Kabul." "No missiles hit Kabul."
    """
    from tracker.cli.render import emit_record, record
    from tracker.judge import relate
    from tracker.model import InvalidInput

    fmt = output_format(json_, csv, nl)
    if not text_a.strip() or not text_b.strip():
        raise InvalidInput("both texts must have words")
    judgement = relate(text_a, text_b)
    if fmt != "table":
        emit_record(judgement.to_dict(), fmt=fmt)
        return
    record(
        [("relation", judgement.relation.value), ("score", judgement.score)]
        + [(reason.code, reason.detail) for reason in judgement.reasons]
    )


def similar(
    text: Annotated[str, typer.Argument(help="A statement, claim or post; - reads stdin.")],
    limit: Annotated[int, typer.Option(min=1, help="At most this many results.")] = 10,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Stored statements most like TEXT, best first: has this been said or checked before?

    Example: tracker similar "Pakistan asked for the ceasefire"
    """
    from tracker import search
    from tracker.cli.render import emit

    fmt = output_format(json_, csv, nl)
    if text == "-":
        from tracker.export import read_text

        text = read_text("-", what="text")
    db = database(db_path)
    rows = search.similar(db, text, limit)
    # a ledger that judges by meaning ranks by it too, and shows each row's cosine
    columns = (
        [SIMILAR_COLUMNS[0], ("meaning", "meaning"), *SIMILAR_COLUMNS[1:]]
        if rows and "meaning" in rows[0]
        else SIMILAR_COLUMNS
    )
    emit(rows, columns, fmt=fmt, empty="Nothing similar.")
    if rows and "meaning" in rows[0] and (missing := search.unstored(db)):
        from tracker.cli.render import status

        status(
            f"Note: {missing} statement{'s have' if missing != 1 else ' has'} no stored vector: encoded"
            " for this search only; `tracker link` stores them."
        )


def _mapping(value: str) -> None:
    from tracker.calibrate import parse_mapping

    parse_mapping(value)


def eval_(
    file: Annotated[str, typer.Argument(help="A labelled CSV or TSV file; - for stdin.", metavar="FILE")],
    a: Annotated[str, typer.Option("--a", help="Column with the first statement.")],
    b: Annotated[str, typer.Option("--b", help="Column with the second statement.")],
    label: Annotated[str, typer.Option("--label", help="Column with the gold label.")],
    mapping: Annotated[
        str | None,
        typer.Option(
            "--map",
            callback=checked(_mapping),
            help="Labels to relations: for=agrees,against=contradicts,observing=related.",
        ),
    ] = None,
    related_threshold: Annotated[
        float | None,
        typer.Option(
            "--related-threshold",
            min=0,
            max=100,
            help="Similarity below which a pair is unrelated (0: every pair is about the same thing).",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            callback=one_of("--format", lambda: ["csv", "tsv"]),
            help="csv or tsv (default: from the extension).",
        ),
    ] = None,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
) -> None:
    """Measure the judge on labelled pairs: accuracy, precision / recall / F1, confusion.

    With --csv, one row per relation (precision, recall, F1, support); --json and --nl
    give the whole report.

    Example: tracker eval pairs.csv --a claim --b headline --label relation
    """
    from tracker.calibrate import evaluate_pairs, parse_mapping, read_pairs
    from tracker.cli.render import emit, emit_record, record, table

    out = output_format(json_, csv, nl)
    pairs = read_pairs(file, a=a, b=b, label=label, mapping=parse_mapping(mapping), fmt=fmt)
    report = evaluate_pairs(pairs, related_threshold=related_threshold)
    if out == "csv":
        emit(
            [{"relation": name, **scores} for name, scores in report["per_label"].items()],
            [(k, k) for k in ("relation", "precision", "recall", "f1", "support")],
            fmt=out,
        )
        return
    if out != "table":
        emit_record(report, fmt=out)
        return
    record(
        [
            ("pairs", report["n"]),
            ("accuracy", f"{report['accuracy']:.3f}"),
            ("macro F1", f"{report['macro_f1']:.3f}"),
            ("engine", report["engine"]),
        ]
    )
    table(
        [
            {"relation": name, **{k: f"{v:.3f}" if k != "support" else v for k, v in scores.items()}}
            for name, scores in report["per_label"].items()
        ],
        [
            ("relation", "relation"),
            ("precision", "precision"),
            ("recall", "recall"),
            ("f1", "F1"),
            ("support", "support"),
        ],
    )
    labels = list(report["confusion"])
    table(
        [{"gold": gold, **row} for gold, row in report["confusion"].items()],
        [("gold", "gold \\ predicted")] + [(name, name) for name in labels],
        title="Confusion",
    )
    if "per_phenomenon" in report:
        table(
            [
                {
                    "phenomenon": name,
                    "n": row["n"],
                    "right": row["right"],
                    "accuracy": f"{row['accuracy']:.3f}",
                }
                for name, row in report["per_phenomenon"].items()
            ],
            [("phenomenon", "phenomenon"), ("n", "pairs"), ("right", "right"), ("accuracy", "accuracy")],
            title="Per phenomenon",
        )


# --- settings --------------------------------------------------------------------------------


@settings_app.callback(invoke_without_command=True)
def settings(
    ctx: typer.Context,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """Show the linking thresholds, the longest statement text and the semantic layer."""
    fmt = output_format(json_, csv, nl)
    if ctx.invoked_subcommand is not None:
        return
    from tracker.cli.render import emit
    from tracker.link import settings as current
    from tracker.semantic.store import semantic_settings
    from tracker.store.settings import store_settings

    db = database(db_path)
    emit(
        current(db) + store_settings(db) + semantic_settings(db),
        [("key", "key"), ("value", "value"), ("default", "default"), ("description", "description")],
        fmt=fmt,
    )


@settings_app.command("set")
def settings_set(
    key: Annotated[
        str,
        typer.Argument(
            help="suggest_threshold, confirm_threshold, max_text_chars or semantic.", metavar="KEY"
        ),
    ],
    value: Annotated[
        str,
        typer.Argument(
            help="A threshold: 0 to 100; max_text_chars: 1 to 1,000,000; semantic: on or off.",
            metavar="VALUE",
        ),
    ],
    db_path: DbOption = None,
) -> None:
    """Change a setting; after a threshold or `semantic`, run `tracker link` to relink with it.

    `semantic on` judges by meaning as well as words (sentence vectors of all-MiniLM-L6-v2,
    stored in the ledger); it needs `pip install 'tracker[semantic]'`.

    Example: tracker settings set suggest_threshold 50
    """
    from tracker.cli.render import status
    from tracker.link import SETTINGS, set_threshold
    from tracker.model import InvalidInput
    from tracker.semantic import store as semantic
    from tracker.store.settings import MAX_TEXT_SETTING, set_max_text_chars

    known = [*SETTINGS, MAX_TEXT_SETTING, semantic.SETTING]
    if key not in known:
        raise InvalidInput(f"unknown setting {key!r}: use one of {', '.join(known)}")
    if key == semantic.SETTING:
        on = semantic.set_enabled(database(db_path), value)
        print(f"{key} = {'on' if on else 'off'}", file=sys.stderr)
        status("Run `tracker link` to relink with it (it encodes every statement once).")
        return
    if key == MAX_TEXT_SETTING:
        chars = set_max_text_chars(database(db_path), value)
        print(f"{key} = {chars}", file=sys.stderr)
        return
    stored = set_threshold(database(db_path), key, value)
    print(f"{key} = {stored:g}", file=sys.stderr)
    status("Run `tracker link` to relink with the new threshold.")
