"""Claims: `tracker claims` and `tracker claim add|show|attach|detach|merge|unmerge|review`."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

import typer

from tracker.cli.options import (
    CsvOption,
    DbOption,
    JsonOption,
    LimitOption,
    NlOption,
    database,
    judging,
    output_format,
)

CLAIM_COLUMNS = [
    ("id", "id"),
    ("text", "claim"),
    ("supports_speakers", "for"),
    ("denies_speakers", "against"),
    ("discusses", "others"),
    ("verdict", "verdict"),
]
CLAIM_MACHINE = [
    "id",
    "ref",
    "text",
    "origin",
    "status",
    "supports",
    "denies",
    "discusses",
    "supports_speakers",
    "denies_speakers",
    "discusses_speakers",
    "supports_outlets",
    "denies_outlets",
    "discusses_outlets",
    "supports_suggested",
    "denies_suggested",
    "discusses_suggested",
    "verdict",
    # last, so that the columns before keep their place: sides only the engine confirmed
    "supports_auto",
    "denies_auto",
    "discusses_auto",
]
ATTACHED_COLUMNS = [
    ("id", "id"),
    ("stance", "stance"),
    ("score", "score"),
    ("status", "status"),
    ("speaker", "speaker"),
    ("outlet", "outlet"),
    ("text", "text"),
]


class StanceChoice(StrEnum):
    SUPPORTS = "supports"
    DENIES = "denies"
    DISCUSSES = "discusses"


ClaimArg = Annotated[str, typer.Argument(help="A claim's id or ref.", metavar="CLAIM")]
StatementArg = Annotated[int, typer.Argument(help="A statement's id.", metavar="STATEMENT")]


def register(app: typer.Typer) -> None:
    from tracker.cli import _typer

    claim = _typer(help="One claim: add, show, attach, detach, merge, unmerge, review.")
    claim.command("add")(add)
    claim.command("show")(show)
    claim.command("attach")(attach)
    claim.command("detach")(detach)
    claim.command("merge")(merge)
    claim.command("unmerge")(unmerge)
    claim.command("review")(review)
    app.add_typer(claim, name="claim")
    app.command("claims")(claims)


def claims(
    disputed: Annotated[
        bool, typer.Option("--disputed", help="Only claims with statements on both sides.")
    ] = False,
    left_over: Annotated[
        bool,
        typer.Option(
            "--left-over",
            help="Only claims statements founded that no statement takes up now (deleted or detached).",
        ),
    ] = False,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv: CsvOption = False,
    nl: NlOption = False,
    db_path: DbOption = None,
) -> None:
    """The claims statements take sides on: how many support, deny or discuss each, and who.

    A claim a statement founded is listed apart (--left-over) once no statement takes it up:
    its statements were deleted (`tracker restore` brings them back with it) or detached.

    Example: tracker claims --disputed
    """
    from tracker.claims import left_over_count, list_claims
    from tracker.cli.render import emit, status, unreviewed

    fmt = output_format(json_, csv, nl)
    db = database(db_path)
    rows = list_claims(db, limit=limit, disputed=disputed, left_over=left_over)
    if fmt != "table":
        emit(rows, [(key, key) for key in CLAIM_MACHINE], fmt=fmt)
        return
    title = "Claims no statement takes up now" if left_over else "Claims"
    emit([_marked(row) for row in rows], CLAIM_COLUMNS, title=title, empty="No claims.")
    apart = 0 if left_over else left_over_count(db)
    if apart:
        claims_ = f"{apart} claim{'s' if apart != 1 else ''}"
        status(
            f"Left out: {claims_} no statement takes up now (deleted or detached);"
            " `tracker claims --left-over` lists them."
        )
    auto = {row["id"] for row in rows if row["supports_auto"] or row["denies_auto"]}
    suggested = {row["id"] for row in rows if row["status"] == "suggested"}
    pending = [row["id"] for row in rows if row["id"] in suggested | auto]
    if pending:
        which = unreviewed(bool(suggested), bool(auto))
        status(
            f"To decide the {which} sides: `tracker review --claims`"
            + (f" (or `tracker claim review --claim {pending[0]}`)." if len(pending) == 1 else ".")
        )


def _marked(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim for the table: a speaker whose side is only suggested says so, as links do."""
    from tracker.claims import marked_speakers

    return {**claim, **{f"{side}_speakers": marked_speakers(claim, side) for side in ("supports", "denies")}}


def add(
    text: Annotated[str, typer.Argument(help="The claim, as a sentence.")],
    ref: Annotated[str | None, typer.Option("--ref", help="Your own id for the claim.")] = None,
    new: Annotated[
        bool, typer.Option("--new", help="Record it even if a recorded claim says nearly the same.")
    ] = False,
    json_: JsonOption = False,
    db_path: DbOption = None,
) -> None:
    """Record a claim; the stored statements that take a side on it are attached to it.

    A claim that says nearly what a recorded one says is refused, naming that one (statements
    and verdicts would split between the two); --new records it all the same.

    Example: tracker claim add "Pakistan requested the ceasefire" --ref ceasefire-request
    """
    from tracker.claims import CloseClaim, add_claim
    from tracker.cli.render import status
    from tracker.model import InvalidInput

    try:
        claim = add_claim(judging(db_path), text, ref=ref, new=new)
    except CloseClaim as close:
        raise InvalidInput(f"{close}; use it, or give --new to record this one too") from None
    if json_:
        print(json.dumps(claim, ensure_ascii=False, indent=2))
        return
    print(claim["id"])  # the result, for scripts: as `tracker add` prints the statement's id
    status(f"Recorded claim {claim['id']}; {_counts(claim)}.")


def _counts(claim: dict[str, Any]) -> str:
    stances = [s["stance"] for s in claim["statements"]]
    if not stances:
        return "no statement takes a side on it yet"
    from tracker.claims import side_label

    parts = []
    for name, label in (("supports", "support it"), ("denies", "deny it"), ("discusses", "discuss it")):
        labels = [side_label(s) for s in claim["statements"] if s["stance"] == name]
        unsure = [f"{labels.count(how)} {how}" for how in ("suggested", "auto-confirmed") if how in labels]
        if labels:
            parts.append(f"{len(labels)} {label}" + (f" ({', '.join(unsure)})" if unsure else ""))
    return ", ".join(parts)


def show(claim: ClaimArg, json_: JsonOption = False, db_path: DbOption = None) -> None:
    """A claim and every statement attached to it, by stance, strongest first.

    Example: tracker claim show ceasefire-request --json
    """
    from tracker.claims import get_claim
    from tracker.cli.render import record, table

    found = get_claim(database(db_path), claim)
    if json_:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return
    record(
        [
            ("claim", found["text"]),
            ("ref", found["ref"]),
            ("from", found["origin"]),
            ("sides", _counts(found)),
        ],
        title=f"Claim {found['id']}",
    )
    from tracker.claims import side_label

    shown = [{**side, "status": side_label(side)} for side in found["statements"]]
    table(shown, ATTACHED_COLUMNS, empty="No statement is attached to it.")


def attach(
    statement: StatementArg,
    claim: ClaimArg,
    stance: Annotated[StanceChoice, typer.Option("--stance", help="The side the statement takes.")],
    db_path: DbOption = None,
) -> None:
    """Attach a statement to a claim with the stance you give (final: relinking keeps it).

    Example: tracker claim attach 12 ceasefire-request --stance denies
    """
    from tracker.claims import attach_statement, attachment_decision
    from tracker.claims.records import already_placed
    from tracker.cli.render import status
    from tracker.model import NotFound

    db = judging(db_path)
    try:
        side = attachment_decision(db, statement, claim)
    except NotFound:
        side = None  # not attached yet (an unknown claim is attach_statement's error)
    found = attach_statement(db, statement, claim, stance.value)
    if already_placed(side, stance.value):
        status(f"Nothing changed: statement {statement} already {stance.value} claim {found['id']}.")
        return
    status(f"Statement {statement} {stance.value} claim {found['id']}.")


def detach(statement: StatementArg, claim: ClaimArg, db_path: DbOption = None) -> None:
    """Take a statement off a claim; it is not attached to it again.

    Example: tracker claim detach 12 ceasefire-request
    """
    from tracker.claims import detach_statement
    from tracker.cli.render import status

    found = detach_statement(judging(db_path), statement, claim)
    status(f"Statement {statement} is no longer attached to claim {found['id']}.")


def merge(
    keep: Annotated[str, typer.Argument(help="The claim that stays (id or ref).", metavar="KEEP")],
    absorb: Annotated[str, typer.Argument(help="The claim folded into it.", metavar="ABSORB")],
    opposite: Annotated[
        bool,
        typer.Option("--opposite", help="ABSORB says the opposite of KEEP: its statements change sides."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Merge claims that contradict, statements keeping their sides.")
    ] = False,
    db_path: DbOption = None,
) -> None:
    """Fold one claim into another: its statements move, its id and ref answer as the other.

    Two claims that contradict each other are refused: give --opposite (the statements that
    move take the other side) or --force (they keep theirs). `claim unmerge ABSORB` undoes it.

    Example: tracker claim merge 3 7
    """
    from tracker.claims import OppositeClaims, merge_claims
    from tracker.cli.render import status
    from tracker.model import InvalidInput

    if opposite and force:
        raise typer.BadParameter("give --opposite or --force, not both", param_hint="'--force'")
    try:
        found = merge_claims(judging(db_path), keep, absorb, opposite=opposite, force=force)
    except OppositeClaims as clash:
        raise InvalidInput(
            f"{clash}; give --opposite to merge it with its statements on the other side, or --force"
        ) from None
    flipped = " (its statements on the other side)" if opposite else ""
    status(
        f"Merged claim {absorb} into claim {found['id']}{flipped}; {_counts(found)};"
        f" undo with `tracker claim unmerge {absorb}`."
    )


def unmerge(
    absorbed: Annotated[
        str, typer.Argument(help="The claim a merge folded into another (id or ref).", metavar="CLAIM")
    ],
    db_path: DbOption = None,
) -> None:
    """Undo a merge: the absorbed claim returns with its statements, on the sides they had.

    Example: tracker claim unmerge 7
    """
    from tracker.claims import unmerge_claim
    from tracker.cli.render import status

    found = unmerge_claim(judging(db_path), absorbed)
    status(f"Unmerged: claim {found['id']} is a claim again; {_counts(found)}.")


def review(
    claim: Annotated[
        str | None, typer.Option("--claim", help="Only this claim's statements (id or ref).")
    ] = None,
    limit: LimitOption = None,
    db_path: DbOption = None,
) -> None:
    """Walk the sides tracker gave statements on claims, the suggested ones strongest first,
    then those it confirmed sure of itself, one key each: c confirm, r reject, s skip, l
    relabel (another stance), f full texts, u undo, q quit.
    What you decide is kept, and relinking never changes it.

    Example: tracker claim review --claim ceasefire-request
    """
    from tracker.cli.review import review_claims

    review_claims(judging(db_path), claim=claim, limit=limit)
