"""Outlets: one outlet however a statement names it, so corroboration is never faked."""

from __future__ import annotations

import sqlite3

import pytest

from tracker.store.lookup import _outlet_from_url


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://user:pw@edition.cnn.com:443/2025/05/10/story", "edition.cnn.com"),
        ("http://www.Dawn.com/news/1", "dawn.com"),
        ("https://m.dawn.com/news/1", "dawn.com"),
        ("https://amp.theguardian.com/world/x", "theguardian.com"),
        ("dawn.com/news/1", "dawn.com"),
    ],
)
def test_the_outlet_taken_from_a_url_is_its_bare_host(url: str, outlet: str) -> None:
    assert _outlet_from_url(url) == outlet


def test_a_url_on_an_outlets_own_domain_is_that_outlet(cli, db_path) -> None:  # type: ignore[no-untyped-def]
    cli.ok(
        "add", "The dam was breached overnight.", "--speaker", "Official A", "--source", "Dawn", "--no-link"
    )
    cli.ok(
        "add",
        "The dam was breached overnight, officials said.",
        "--speaker",
        "Official B",
        "--url",
        "https://www.dawn.com/news/1",
        "--no-link",
    )
    cli.ok(
        "add",
        "The talks ended without a deal.",
        "--speaker",
        "Official C",
        "--source",
        "The Hindu",
        "--no-link",
    )
    cli.ok(
        "add",
        "The talks ended without any deal.",
        "--speaker",
        "Official D",
        "--url",
        "https://user:pw@www.thehindu.com:443/news/2",
        "--no-link",
    )
    cli.ok(
        "add",
        "Heavy rain closed the port.",
        "--speaker",
        "Official E",
        "--url",
        "https://example.org/x",
        "--no-link",
    )
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT outlet, url FROM sources ORDER BY id").fetchall()
    assert rows == [
        ("Dawn", None),
        ("Dawn", "https://www.dawn.com/news/1"),
        ("The Hindu", None),
        ("The Hindu", "https://www.thehindu.com:443/news/2"),  # never the password
        ("example.org", "https://example.org/x"),
    ]


@pytest.mark.parametrize(
    ("url", "stored"),
    [
        ("https://user:pw@edition.cnn.com:443/x", "https://edition.cnn.com:443/x"),
        ("HTTP://bob@Dawn.com/news/1?page=2", "HTTP://Dawn.com/news/1?page=2"),
        ("https://u:p@ss@dawn.com/a", "https://dawn.com/a"),  # an unescaped @ in the password
        ("https://dawn.com/news?from=a@b.com", "https://dawn.com/news?from=a@b.com"),
        ("https://x.com/@dawn_com/status/1", "https://x.com/@dawn_com/status/1"),
        ("mailto:desk@dawn.com", "mailto:desk@dawn.com"),
    ],
)
def test_a_url_is_stored_without_its_user_and_password(url, stored) -> None:  # type: ignore[no-untyped-def]
    from tracker.store.validation import without_credentials

    assert without_credentials(url) == stored


def test_credentials_in_a_url_are_never_stored_by_add_or_import(cli, db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cli.ok("add", "The dam held.", "-s", "A", "--url", "https://user:pw@edition.cnn.com:443/x", "--no-link")
    path = tmp_path / "in.csv"
    path.write_text("text,speaker,url\nThe dam broke.,B,https://bob:secret@www.Dawn.com/n?x=1\n")
    cli.ok("import", str(path), "--no-link")
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT outlet, url FROM sources ORDER BY id").fetchall() == [
        ("edition.cnn.com", "https://edition.cnn.com:443/x"),
        ("dawn.com", "https://www.Dawn.com/n?x=1"),
    ]
    dump = "\n".join(conn.iterdump())
    assert "pw@" not in dump and "secret" not in dump
