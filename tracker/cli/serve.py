"""Browsing the ledger: `tracker serve` starts Datasette on it, read-only."""

from __future__ import annotations

from typing import Annotated

import typer

from tracker.cli.options import DbOption, default_db_path


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8001,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (0.0.0.0: every interface).")
    ] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open the ledger in a web browser.")] = False,
    db_path: DbOption = None,
) -> None:
    """Browse the ledger in Datasette, read-only: facets, full-text search and canned queries
    (contradictions side by side, flips, who is on each side of a claim, disputed and
    corroborated claims, a speaker's timeline, what awaits review, and every link and side with
    who confirmed it: a person, or the engine).

    Needs the web extra: pip install -e '.[web]' in tracker's folder. Ctrl-C stops it.
    """
    from tracker import serve as web
    from tracker.cli.render import status, upgrading

    path = db_path or default_db_path()
    with upgrading() as shown:
        datasette = web.app(path, shown)
    web.check_address(host, port)
    status(f"Serving {path} read-only at {web.url(host, port)} (Ctrl-C stops).")
    web.run(datasette, host, port, open_browser=open_browser)
