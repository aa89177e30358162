"""The `tracker` command line: one module per command family, options and output only."""

from __future__ import annotations

import copy
import os
import re
import signal
import sqlite3
import sys
import threading
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from tracker.cli.options import DbOption
from tracker.model import TrackerError
from tracker.patterns import lazy


def _import_sqlite_utils() -> None:
    """Import sqlite-utils for the command line, without what it loads that tracker never uses.

    - numpy and pandas stay hidden, unless loaded already: sqlite-utils imports both when it
      finds them, only to store their values, which tracker never hands it (vectors are stored
      as bytes). With the semantic extra installed, numpy alone took 80 of a command's ~450 ms;
      a ledger that judges by meaning imports it when it encodes.
    - Its plugins are not looked for: finding them reads the entry points of every installed
      package (about 20 ms of each command), and tracker takes none (a plugin's SQL functions
      would be set up on the ledger's connection unasked).
    - Its own patterns are compiled on first use (tracker.patterns): one, for the names of
      virtual tables, took 20 ms to compile, and no command of tracker's uses it.
    - dateutil's parser loads on first use: sqlite-utils imports it for its date recipes
      (`sqlite-utils convert`), which tracker never calls, and loading it took about 30 ms
      of CPU, a tenth of a `tracker add`.

    Only the command line does this, when it runs a command (help loads no database code):
    the Python API leaves sqlite-utils as it is.
    """
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return

    class Hidden:
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name.partition(".")[0] in ("numpy", "pandas"):
                raise ImportError(name)

    compile_now = re.compile

    def compile_its_own_later(pattern: str, flags: int = 0) -> re.Pattern[str]:
        if sys._getframe(1).f_globals.get("__name__", "").startswith("sqlite_utils"):
            return lazy(pattern, flags)
        return compile_now(pattern, flags)

    _load_on_first_use("dateutil.parser")
    hidden = Hidden()
    sys.meta_path.insert(0, hidden)
    re.compile = compile_its_own_later  # type: ignore[assignment]
    try:
        import sqlite_utils.plugins
    finally:
        re.compile = compile_now
        sys.meta_path.remove(hidden)
    sqlite_utils.plugins._plugins_loaded = True  # what Database() checks before it looks for them


def _load_on_first_use(name: str) -> None:
    """Put a module in sys.modules that runs its code when one of its attributes is first
    read (importlib's LazyLoader): importing it costs nothing until it is used."""
    if name in sys.modules:
        return
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return  # not installed: the import that needs it says so
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one `Error: …` line on stderr; raise the returned Exit to stop with `code`."""
    print(f"Error: {message}", file=sys.stderr)
    return typer.Exit(code)


class Terminated(BaseException):
    """SIGTERM, raised where the command is, so its transaction rolls back as for Ctrl-C
    (a BaseException, as KeyboardInterrupt is: `except Exception` must not swallow it)."""


_MAIN_PID = os.getpid()


def _terminate(signum: int, frame: object) -> None:
    if os.getpid() != _MAIN_PID:
        # a worker just forked, before it set its own handling: die as SIGTERM should
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    raise Terminated


class TrackerGroup(TyperGroup):
    """Turns every TrackerError into one `Error: …` line and exit code 1, never a traceback;
    usage errors are one line too, with exit code 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> object:
        # click handles errors and exits itself in standalone mode: this method does both instead
        extra.update(standalone_mode=False, windows_expand_args=windows_expand_args)
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, **extra)
        main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None
        try:
            code = super().main(args, prog_name, complete_var, **extra)
        except (EOFError, typer.Abort):  # a prompt cut short: Exceptions, so before the next
            print("Aborted.", file=sys.stderr)
            sys.exit(1)
        except Exception as error:
            # click's usage and parameter errors (typer may vendor click: matched by shape)
            if not (hasattr(error, "format_message") and hasattr(error, "exit_code")):
                raise
            if type(error).__name__ == "NoArgsIsHelpError":  # a bare group: its help is the answer
                print(error.format_message())
                sys.exit(0)
            context = getattr(error, "ctx", None)
            hint = f" (see '{context.command_path} --help')" if context is not None else ""
            print(f"Error: {error.format_message()}{hint}", file=sys.stderr)
            sys.exit(error.exit_code)
        except Terminated:  # before or after the command ran
            print("Terminated.", file=sys.stderr)
            sys.exit(143)
        finally:
            if main_thread:
                signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
        sys.exit(code if isinstance(code, int) else 0)

    # typer passes a typer.Context; the base class names the (vendored, private) click Context
    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        _import_sqlite_utils()  # a command runs: `tracker --help` never gets here
        try:
            return super().invoke(ctx)
        except TrackerError as error:
            raise fail(str(error)) from None
        except sqlite3.DatabaseError as error:
            raise fail(f"database: {error}") from None
        except (KeyboardInterrupt, Terminated) as stop:
            # every write is one transaction, rolled back on the way out; a command that had
            # committed one already adds a note saying what is stored
            notes = getattr(stop, "__notes__", None)
            what = "Interrupted" if isinstance(stop, KeyboardInterrupt) else "Terminated"
            print(f"{what}: {notes[-1] if notes else 'nothing was written.'}", file=sys.stderr)
            raise typer.Exit(130 if isinstance(stop, KeyboardInterrupt) else 143) from None


HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}  # subcommands inherit them


def _typer(*, add_completion: bool = False, **kwargs: object) -> typer.Typer:
    return typer.Typer(
        cls=TrackerGroup,
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        add_completion=add_completion,
        context_settings=HELP_OPTIONS,
        **kwargs,  # type: ignore[arg-type]
    )


app = _typer(
    add_completion=True,
    help="Keep a ledger of who said what, where, when and through whom; link statements "
    "that make the same claim and flag those that contradict each other.",
)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"tracker {version('tracker')}")
        raise typer.Exit()


@app.callback()
def _root(
    db_path: DbOption = None,
    show_version: Annotated[
        bool,
        typer.Option("--version", is_eager=True, callback=_print_version, help="Print the version and exit."),
    ] = False,
) -> None:
    """Options here apply to every command; a command's own --db must name the same file."""


def _register() -> None:
    from tracker.cli import claims, corrections, db, extract, io, links, reports, serve, speakers, statements

    statements.register(app)
    corrections.register(app)
    extract.register(app)
    io.register(app)
    links.register(app)
    claims.register(app)
    reports.register(app)
    speakers.register(app)
    db.register(app)
    serve.register(app)


_register()

_VALUED_ROOT_OPTIONS = ("--db",)  # the root options that take a value (tested against the app's)


def command_named(args: Sequence[str]) -> str | None:
    """The name of the command that `args` run, when they plainly run one (before it, only
    root options that take a value); None when they ask the root for help, its version,
    completion, or give no command."""
    words = iter(args)
    for word in words:
        if word in _VALUED_ROOT_OPTIONS:
            next(words, None)
        elif not word.startswith(tuple(f"{option}=" for option in _VALUED_ROOT_OPTIONS)):
            return None if word.startswith("-") else word
    return None


def app_for(args: Sequence[str]) -> typer.Typer:
    """The app with only the command that `args` run. Typer turns every registered command into
    a click command at each start, reading its signature and type hints (about 50 ms for 52
    commands), and a command needs only its own. Root help and completion (which reads no
    arguments) get every command, and so does a name that is none's, so that click's error
    and its suggestions are the whole app's."""
    name = command_named(args)
    commands = [info for info in app.registered_commands if info.name == name]
    groups = [info for info in app.registered_groups if info.name == name]
    if name is None or not (commands or groups):
        return app
    only = copy.copy(app)  # a shallow copy: the app that tests and docs use keeps every command
    only.registered_commands, only.registered_groups = commands, groups
    return only


def main() -> None:
    try:
        app_for(sys.argv[1:])()
    except SystemExit as done:
        from tracker.parallel import abandoned

        if abandoned():  # a pool that would not stop: its exit handler would wait on it forever
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(done.code if isinstance(done.code, int) else 1)
        raise
