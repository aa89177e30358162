"""Privacy: tracker never opens a network connection (no telemetry, no downloads)."""

from __future__ import annotations

import socket

import pytest

from conftest import SEED_ARTICLE, SEED_STATEMENTS


def test_every_command_of_a_session_works_with_the_network_cut_off(cli, monkeypatch, tmp_path):
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("tracker tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    cli.ok("extract", str(SEED_ARTICLE), "--date", "2025-05-10")
    cli.ok("import", str(SEED_STATEMENTS))
    for command in (
        ["list"],
        ["contradictions"],
        ["search", "missiles"],
        ["similar", "missiles struck"],
        ["export", "statements", "--format", "csv"],
        ["db", "check"],
    ):
        cli.ok(*command)
    cli.ok("db", "backup", str(tmp_path / "copy.db"))


@pytest.mark.parametrize("module", ["socket", "urllib.request", "http.client", "requests", "httpx"])
def test_no_tracker_module_imports_a_network_library(module):
    from conftest import ROOT

    sources = {p: p.read_text(encoding="utf-8") for p in (ROOT / "tracker").rglob("*.py")}
    using = [
        str(p.relative_to(ROOT))
        for p, text in sources.items()
        if f"import {module}" in text or f"from {module} import" in text
    ]
    # `tracker serve` listens on the address it is given (127.0.0.1 unless told otherwise)
    allowed = ["tracker/serve.py"] if module == "socket" else []
    assert using == allowed
