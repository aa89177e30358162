"""tracker review: walk what tracker suggested (links, or the sides statements take on claims),
one key per decision at a terminal, one line per decision from a pipe."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tracker.cli.links import StoredRelation, _one_line, _reviewer
from tracker.cli.options import DbOption, judging
from tracker.model import ReviewStatus

if TYPE_CHECKING:
    from sqlite_utils import Database

Row = dict[str, Any]
SHORT = 240  # characters of a statement on the card; `f` shows it whole

ACTIONS = {
    "c": "confirm",
    "r": "reject",
    "s": "skip",
    "l": "relabel",
    "f": "full",
    "u": "undo",
    "q": "quit",
    "?": "help",
    "h": "help",
}
PROMPT = "[c]onfirm [r]eject [s]kip re[l]abel [f]ull [u]ndo [q]uit [?]help"
END = "All reviewed: [u]ndo the last decision, any other key quits"
HELP = """\
  c  confirm: the suggestion is right
  r  reject: it is wrong, never suggest it again
  s  skip (or Enter): decide later
  l  relabel: confirm it with another relation (or stance)
  f  full: both texts whole, with speaker, source and date
  u  undo the last decision and show it again
  q  quit: what was decided is kept"""


@dataclass
class Desk:
    """How one kind of suggestion is named, shown, decided and undone."""

    labels: tuple[str, ...]  # what `l` can choose: relations, or stances
    label_key: str  # the row's field holding its label
    name: Callable[[Row], str]  # "link 12"
    show: Callable[[Row, int, int], None]
    full: Callable[[Row], None]
    decide: Callable[[Row, str, str | None], None]  # confirm / reject / relabel (with the label)
    snapshot: Callable[[Row], dict[str, Any]]
    restore: Callable[[Row, dict[str, Any]], None]


# --- reading a key ---------------------------------------------------------------------------


def _read_key(prompt: str) -> str | None:
    """One key at a terminal (no Enter needed), else one line, so decisions can be piped in;
    None at the end of input. Ctrl-C raises KeyboardInterrupt."""
    import click

    print(prompt, end=" ", file=sys.stderr, flush=True)
    if sys.stdin.isatty():
        try:
            key = click.getchar()
        except EOFError:  # Ctrl-D
            key = None
        except KeyboardInterrupt:
            print(file=sys.stderr)  # the interruption's line starts on a line of its own
            raise
        print(key if key and key.isprintable() else "", file=sys.stderr)
        return key
    line = sys.stdin.readline()
    print(file=sys.stderr)
    return line.strip() if line else None


def _action(answer: str) -> tuple[str | None, str]:
    """`c` or `confirm` → confirm; `l agrees` → relabel, with what follows; Enter skips."""
    word, _, rest = answer.strip().partition(" ")
    word = word.lower()
    if not word:
        return "skip", ""
    if word in ACTIONS.values():
        return word, rest.strip()
    return (ACTIONS.get(word) if len(word) == 1 else None), rest.strip()


def _choose(labels: tuple[str, ...], given: str) -> tuple[str | None, str]:
    """(the label picked by number, name or unique prefix, or None to cancel; what was typed)."""
    if not given:
        choices = ", ".join(f"{n} {label}" for n, label in enumerate(labels, start=1))
        given = _read_key(f"  relabel as {choices} (other: back):") or ""
    given = given.strip().lower()
    if given.isdigit() and 1 <= int(given) <= len(labels):
        return labels[int(given) - 1], given
    matches = [label for label in labels if given and label.startswith(given)]
    return (matches[0] if len(matches) == 1 else None), given


# --- the walk --------------------------------------------------------------------------------


@dataclass
class Tally:
    total: int
    done: dict[int, str]  # position → confirm / relabel / reject

    def summary(self) -> str:
        confirmed = sum(action in ("confirm", "relabel") for action in self.done.values())
        relabelled = sum(action == "relabel" for action in self.done.values())
        rejected = sum(action == "reject" for action in self.done.values())
        also = f" ({relabelled} relabelled)" if relabelled else ""
        return f"{confirmed} confirmed{also}, {rejected} rejected, {self.total - confirmed - rejected} left."


def walk(rows: list[Row], desk: Desk) -> Tally:
    """Show each row and take a decision; `u` goes back one. The end of input or `q` stops,
    keeping what was decided; Ctrl-C too, and the summary goes with the interruption."""
    from tracker.cli import Terminated

    tally = Tally(len(rows), {})
    try:
        _walk(rows, desk, tally)
    except (KeyboardInterrupt, Terminated) as stop:
        stop.add_note(f"{tally.summary()[:-1]}; what was decided is kept.")
        raise
    return tally


def _walk(rows: list[Row], desk: Desk, tally: Tally) -> None:
    from tracker.cli.render import status

    history: list[tuple[int, dict[str, Any] | None]] = []  # position, what its decision replaced

    def undo() -> int | None:
        """Back to the last decision, put back what it replaced: its position."""
        if not history:
            status("Nothing to undo.")
            return None
        position, before = history.pop()
        row = rows[position]
        if before is None:
            status(f"↶ back to {desk.name(row)}")
        else:
            desk.restore(row, before)
            tally.done.pop(position, None)
            status(f"↶ {desk.name(row)} back to {before['status']}: {row[desk.label_key]}")
        return position

    position = 0
    while True:
        if position == len(rows):  # the last decision can still be undone
            answer = _read_key(END) if history else None
            if answer is None or _action(answer)[0] != "undo":
                return
            back = undo()
            if back is None:
                return
            position = back
            continue
        row = rows[position]
        desk.show(row, position + 1, len(rows))
        while True:
            answer = _read_key(PROMPT)
            if answer is None:
                return
            action, rest = _action(answer)
            if action == "quit":
                return
            if action == "help":
                status(HELP)
            elif action == "full":
                desk.full(row)
            elif action is None:
                status(f"Unknown key {answer.strip()!r}: press ? for help.")
            elif action == "undo":
                back = undo()
                if back is not None:
                    position = back
                    break
            elif action == "skip":
                history.append((position, None))
                status(f"→ {desk.name(row)} skipped")
                position += 1
                break
            elif _decide(row, desk, action, rest, history, position, tally):
                position += 1
                break


def _decide(
    row: Row,
    desk: Desk,
    action: str,
    rest: str,
    history: list[tuple[int, dict[str, Any] | None]],
    position: int,
    tally: Tally,
) -> bool:
    """Confirm, reject or relabel the row, with a line saying so; False when not relabelled."""
    from tracker.cli.render import status

    label = None
    if action == "relabel":
        label, typed = _choose(desk.labels, rest)
        if label is None:
            named = ", ".join(f"{n} {choice}" for n, choice in enumerate(desk.labels, start=1))
            status(f"Not relabelled: {typed!r} is none of {named}." if typed else "Not relabelled.")
            return False
        if label == row[desk.label_key]:
            action, label = "confirm", None
    before = desk.snapshot(row)
    old = row[desk.label_key]
    desk.decide(row, action, label)
    history.append((position, before))
    tally.done[position] = action
    if action == "relabel":
        status(f"✓ {desk.name(row)} relabelled: {old} → {label} (confirmed)")
    elif action == "confirm":
        status(f"✓ {desk.name(row)} confirmed: {row[desk.label_key]}")
    else:
        status(f"✗ {desk.name(row)} rejected")
    return True


# --- links -----------------------------------------------------------------------------------


def _short(text: str) -> str:
    return text if len(text) <= SHORT else text[: SHORT - 1].rstrip() + "…"


def _statement(statement: dict[str, Any], title: str) -> None:
    from tracker.cli.render import record

    speaker = statement["speaker"] + (f", {statement['role']}" if statement.get("role") else "")
    record(
        [
            ("text", statement["text"]),
            ("speaker", speaker),
            ("cue", statement["cue"]),
            ("via", statement["via"]),
            ("source", statement["source"]),
            ("url", statement["url"]),
            ("said on", statement["said_on"]),
            ("reported on", statement["reported_on"]),
        ],
        title=title,
    )


def _unless_suggested(label: str) -> str | None:
    """A card's status line: only for what is not a plain suggestion (auto-confirmed)."""
    return None if label == ReviewStatus.SUGGESTED.value else label


def _warn(passing: str | None) -> None:
    """Under a card: the verdict a confirmation would pass on, and to whom (verdicts.passed_on)."""
    from tracker.cli.render import status

    if passing:
        status(f"! {passing}")


def link_desk(db: Database, by: str | None) -> Desk:
    from tracker.cli.render import record
    from tracker.link import confirm_link, link_decision, reject_link, relabel_link, restore_link
    from tracker.link.review import DECISION, RELATIONS
    from tracker.model import Relation, status_label
    from tracker.store import get_statements
    from tracker.verdicts import passed_on

    def keep(row: Row, link: dict[str, Any]) -> None:
        row.update({key: link[key] for key in DECISION})

    def show(row: Row, position: int, total: int) -> None:
        record(
            [
                ("a", _short(_one_line(row, "a"))),
                ("b", _short(_one_line(row, "b"))),
                ("relation", row["relation"]),
                ("score", row["score"]),
                ("status", _unless_suggested(status_label(row["status"], row["confirmed_by"]))),
                ("why", row["reason"]),
            ],
            title=f"Link {row['id']} ({position} of {total})",
        )
        if row["relation"] == Relation.AGREES.value:
            _warn(passed_on(db, row["a_id"], [row["b_id"]]))

    def full(row: Row) -> None:
        found = get_statements(db, [row["a_id"], row["b_id"]])
        for side in "ab":
            _statement(found[row[f"{side}_id"]], f"{side}: statement {row[f'{side}_id']}")

    def decide(row: Row, action: str, label: str | None) -> None:
        if action == "relabel" and label is not None:
            keep(row, relabel_link(db, row["id"], label, by=by))
        else:
            keep(row, (confirm_link if action == "confirm" else reject_link)(db, row["id"], by=by))

    def restore(row: Row, before: dict[str, Any]) -> None:
        keep(row, restore_link(db, row["id"], before))

    return Desk(
        labels=RELATIONS,
        label_key="relation",
        name=lambda row: f"link {row['id']}",
        show=show,
        full=full,
        decide=decide,
        snapshot=lambda row: link_decision(db, row["id"]),
        restore=restore,
    )


# --- claims ----------------------------------------------------------------------------------


def claim_desk(db: Database, by: str | None) -> Desk:
    from tracker.claims import (
        Stance,
        attach_statement,
        attachment_decision,
        restore_attachment,
        review_attachment,
        side_label,
    )
    from tracker.cli.render import record, status
    from tracker.store import get_statement
    from tracker.verdicts import passed_on_claim

    def show(row: Row, position: int, total: int) -> None:
        why = "; ".join(
            f"{r['code']}: {r['detail']}" for r in row["reasons"] if r.get("code") != "similarity"
        )
        record(
            [
                ("claim", f"#{row['claim_id']} {_short(row['claim'])}"),
                ("statement", f"#{row['statement_id']} {_short(row['text'])}"),
                ("speaker", row["speaker"]),
                ("stance", row["stance"]),
                ("score", row["score"]),
                ("status", _unless_suggested(side_label(row))),
                ("why", why),
            ],
            title=f"Attachment {position} of {total}",
        )
        if row["stance"] == Stance.SUPPORTS.value:
            _warn(passed_on_claim(db, row["statement_id"], row["claim_id"]))

    def full(row: Row) -> None:
        status(f"claim {row['claim_id']}: {row['claim']}")
        _statement(get_statement(db, row["statement_id"]), f"statement {row['statement_id']}")

    def keys(row: Row) -> tuple[int, str]:
        return row["statement_id"], str(row["claim_id"])

    def keep(row: Row, decision: dict[str, Any]) -> None:
        row.update({**decision, "reasons": json.loads(decision["reasons"] or "[]")})

    def decide(row: Row, action: str, label: str | None) -> None:
        if action == "relabel" and label is not None:
            attach_statement(db, *keys(row), label, by=by)
        else:
            review_attachment(db, *keys(row), "confirmed" if action == "confirm" else "rejected", by=by)
        keep(row, attachment_decision(db, *keys(row)))

    def restore(row: Row, before: dict[str, Any]) -> None:
        restore_attachment(db, *keys(row), before)
        keep(row, before)

    return Desk(
        labels=tuple(Stance.values()),
        label_key="stance",
        name=lambda row: f"statement {row['statement_id']} on claim {row['claim_id']}",
        show=show,
        full=full,
        decide=decide,
        snapshot=lambda row: attachment_decision(db, *keys(row)),
        restore=restore,
    )


def review_claims(db: Database, *, claim: str | None = None, limit: int | None = None) -> None:
    """Walk the suggested claim attachments, then those the engine confirmed (tracker review
    --claims, tracker claim review)."""
    from tracker.claims import attachments_to_review
    from tracker.cli.render import status

    rows = attachments_to_review(db, claim=claim, limit=limit)
    if not rows:
        status("No suggested claim attachments to review.")
        return
    status(walk(rows, claim_desk(db, _reviewer())).summary())


# --- the command -----------------------------------------------------------------------------


def review(
    relation: Annotated[StoredRelation | None, typer.Option(help="Only this relation.")] = None,
    claims: Annotated[
        bool, typer.Option("--claims", help="Review the sides statements take on claims instead.")
    ] = False,
    db_path: DbOption = None,
) -> None:
    """Walk the suggested links, strongest first, then those the engine confirmed sure of
    itself (a person's confirmation is what passes a verdict on; a card says which verdict it
    would pass, and to whom), one key each: c confirm, r reject, s skip, l relabel, f full
    texts, u undo, q quit, ? help. From a pipe, one line per decision.

    Example: tracker review --relation contradicts
    """
    from tracker.cli.render import status
    from tracker.link import links_to_review

    db = judging(db_path)
    if claims:
        review_claims(db)
        return
    rows = links_to_review(db, relation=relation.value if relation else None)
    if not rows:
        status("No suggested links to review.")
        return
    status(walk(rows, link_desk(db, _reviewer())).summary())
