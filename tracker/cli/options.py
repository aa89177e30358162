"""Options shared by many commands, and the output-format helper every read command uses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:  # sqlite_utils costs ~70 ms to import: only commands that open a DB pay it
    from sqlite_utils import Database

_WRITTEN_DB = "tracker.db"  # in ctx.meta, shared by a command and the groups above it


def _db_written_once(ctx: typer.Context, param: typer.CallbackParam, value: Path | None) -> Path | None:
    """`--db` applies wherever it is written (`tracker --db x list`, `tracker link --db x
    confirm 6`): a level without its own takes the one written above; two that differ are
    a usage error, never one silently winning."""
    source = ctx.get_parameter_source(param.name or "db_path")
    if value is not None and value.is_dir():
        where = "$TRACKER_DB" if getattr(source, "name", None) == "ENVIRONMENT" else "--db"
        raise typer.BadParameter(f"{value} is a directory, not a ledger file", param_hint=where)
    written: Path | None = ctx.meta.get(_WRITTEN_DB)
    if getattr(source, "name", None) != "COMMANDLINE" or value is None:
        return written if written is not None else value
    if written is not None and written.resolve() != value.resolve():
        raise typer.BadParameter(f"two different files given: {written} and {value}", param_hint="--db")
    ctx.meta[_WRITTEN_DB] = value
    return value


class InvalidOption(typer.BadParameter):
    """A value an option cannot take, said in the words of the check that refused it: a usage
    error (exit code 2, `Error: … (see 'tracker X --help')`), found before any file is opened."""

    def format_message(self) -> str:
        return self.message


def checked(check: Callable[[str], object]) -> Callable[[typer.Context, typer.CallbackParam, Any], Any]:
    """An option callback running `check` on each value given (a repeated option's too): the
    InvalidInput it raises is the usage error InvalidOption; the value passes on unchanged."""

    def callback(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> Any:
        from tracker.model import InvalidInput

        try:
            for each in value if isinstance(value, (list, tuple)) else [value]:
                if each is not None:
                    check(each)
        except InvalidInput as error:
            raise InvalidOption(str(error)) from None
        return value

    return callback


def a_date(option: str, field: str | None = None) -> Callable[[typer.Context, typer.CallbackParam, Any], Any]:
    """The callback of a date option: a partial ISO 8601 date, as tracker.dates reads it."""

    def check(value: str) -> None:
        from tracker.dates import parse_date

        parse_date(value, field=field or f"{option} date")

    return checked(check)


def one_of(
    field: str, allowed: Callable[[], list[str]], *, blank: bool = False
) -> Callable[[typer.Context, typer.CallbackParam, Any], Any]:
    """The callback of an option taking one of `allowed()`, in any case (`blank`: empty means
    the default)."""

    def check(value: str) -> None:
        from tracker.model import InvalidInput

        if (value.strip() or not blank) and value.strip().lower() not in allowed():
            raise InvalidInput(
                f"invalid {field} {value.strip().lower()!r}: use one of {', '.join(allowed())}"
            )

    return checked(check)


def _ratings() -> list[str]:
    from tracker.model import Rating

    return Rating.values()


def _kinds() -> list[str]:
    from tracker.model import Kind

    return Kind.values()


def _encoding(value: str) -> None:
    from tracker.export import check_encoding

    check_encoding(value)


EncodingCheck = checked(_encoding)
RatingCheck = one_of("rating", _ratings)
KindCheck = one_of("kind", _kinds, blank=True)


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="TRACKER_DB",
        callback=_db_written_once,
        metavar="<file>",
        help="Database file (default: $TRACKER_DB, else a per-user data file).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Output JSON.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Output CSV.")]
NlOption = Annotated[bool, typer.Option("--nl", help="Output JSON lines.")]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="At most this many rows.")]
SpeakerFilter = Annotated[str | None, typer.Option("--speaker", help="Only this speaker (name or id).")]
SourceFilter = Annotated[
    str | None, typer.Option("--source", help="Only what this outlet (or URL) reported, first or again.")
]
TagFilter = Annotated[str | None, typer.Option("--tag", help="Only statements with this tag.")]
ClaimFilter = Annotated[
    str | None, typer.Option("--claim", help="Only the statements attached to this claim (id or ref).")
]
SinceFilter = Annotated[
    str | None,
    typer.Option("--since", callback=a_date("--since"), help="Said (or reported) on or after this date."),
]
UntilFilter = Annotated[
    str | None,
    typer.Option("--until", callback=a_date("--until"), help="Said (or reported) on or before this date."),
]


def output_format(json_: bool = False, csv: bool = False, nl: bool = False) -> str:
    chosen = [name for name, flag in (("json", json_), ("csv", csv), ("nl", nl)) if flag]
    if len(chosen) > 1:
        raise typer.BadParameter("choose one of --json, --csv, --nl")
    return chosen[0] if chosen else "table"


def default_db_path() -> Path:
    """$TRACKER_DB, else a per-user data file in the platform's app directory."""
    import os

    env = os.environ.get("TRACKER_DB")
    return Path(env) if env else Path(typer.get_app_dir("tracker")) / "tracker.db"


def open_showing_upgrade(path: Path, *, create: bool, create_dir: bool) -> tuple[Database, bool]:
    """open_ledger, showing on stderr how far an upgrade it makes has got (`render.upgrading`)."""
    from tracker.cli.render import upgrading
    from tracker.store import open_ledger

    with upgrading() as shown:
        return open_ledger(path, create=create, create_dir=create_dir, progress=shown)


def database(path: Path | None, *, create: bool = False) -> Database:
    """The ledger at `path` (else the default one). Only commands that store statements pass
    `create`, and a ledger they create is announced on stderr; the others never make one."""
    chosen = default_db_path() if path is None else path
    db, created = open_showing_upgrade(chosen, create=create, create_dir=path is None)
    if created:
        from tracker.cli.render import status

        status(f"Created ledger {chosen}.")
    return db


@contextmanager
def creating(path: Path | None) -> Iterator[Database]:
    """database(path, create=True) around what stores a command's input: a ledger this call
    creates is announced once that succeeded, and deleted again (with its -wal and -shm) when
    it failed, so that bad input leaves no empty ledger behind."""
    from tracker.store.connection import discard_new_ledger

    chosen = default_db_path() if path is None else path
    db, created = open_showing_upgrade(chosen, create=True, create_dir=path is None)
    try:
        _semantic_usable(db)  # a ledger that judges by meaning needs the extra: else store nothing
        yield db
    except BaseException:
        if created:
            discard_new_ledger(db)
        raise
    if created:
        from tracker.cli.render import status

        status(f"Created ledger {chosen}.")


def judging(path: Path | None) -> Database:
    """database(path) for a command whose writes may judge again (a decision reattaches
    claims, a restore relinks): on a ledger that judges by meaning, the extra must be there
    first, so that nothing is written and then left half done."""
    db = database(path)
    _semantic_usable(db)
    return db


def _semantic_usable(db: Database) -> None:
    from tracker.semantic.store import enabled

    if enabled(db):
        from tracker.semantic import require_extra

        require_extra()


@contextmanager
def after_commit(new: int, note: str | None = None) -> Iterator[None]:
    """Around what a command does once its `new` statements are committed: stopped there
    (Ctrl-C, SIGTERM), it must say what is stored (`note`, else how many), not that nothing
    was written. The innermost note wins."""
    from tracker.cli import Terminated

    try:
        yield
    except (KeyboardInterrupt, Terminated) as stop:
        if new and not getattr(stop, "__notes__", None):
            counted = "the new statement is stored." if new == 1 else f"the {new} new statements are stored."
            stop.add_note(note or counted)
        raise


def link_added(db: Database, ids: list[int]) -> None:
    """Link new statements to the stored ones (a progress bar for a batch); a summary on stderr."""
    from tracker.cli.render import progress, status
    from tracker.link import link_new

    many = len(ids) != 1
    unlinked = (
        f"the new statement{'s are' if many else ' is'} stored, not linked yet "
        f"(`tracker link` links {'them' if many else 'it'})."
    )
    with after_commit(len(ids), unlinked):
        if many:
            with progress("Linking") as bar:
                stats = link_new(db, ids, progress=bar)
        else:
            stats = link_new(db, ids)
    if stats.links:
        status(f"Linked: {stats.summary()}.")
