"""`tracker serve`: Datasette on the ledger, read-only; its metadata and canned queries."""

from __future__ import annotations

import asyncio
import re
import socket
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from tracker.serve import QUERIES, app, metadata

SEED = Path(__file__).resolve().parent.parent / "data" / "seed-statements.jsonl"
INDIA = "India's missiles did not strike targets in Afghanistan; the allegations are false and baseless."
PAKISTAN = "Indian missiles struck targets in Afghanistan."


@pytest.fixture
def seeded(cli, db_path: Path) -> Path:
    cli.ok("import", str(SEED))
    return db_path


def query(path: Path, name: str, **params: str) -> list[dict[str, Any]]:
    """A canned query's rows, on a connection with tracker's SQL functions (as Datasette's)."""
    from tracker.reports import know_unnamed

    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        know_unnamed(conn)
        return [dict(row) for row in conn.execute(QUERIES[name]["sql"], params)]


def get(path: Path, url: str) -> tuple[int, Any]:
    datasette = app(path)

    async def fetch() -> tuple[int, Any]:
        await datasette.invoke_startup()
        response = await datasette.client.get(url)
        return response.status_code, response.json() if url.split("?")[0].endswith(".json") else response.text

    return asyncio.run(fetch())


def test_without_the_web_extra_serve_says_how_to_install_it(cli, seeded, monkeypatch):
    monkeypatch.setitem(sys.modules, "datasette", None)
    monkeypatch.setitem(sys.modules, "datasette.app", None)
    assert cli.fails("serve") == (
        "Error: tracker serve needs Datasette: pip install -e '.[web]' in tracker's folder (make demo installs it)\n"
    )


def test_serve_refuses_a_ledger_that_does_not_exist_and_creates_nothing(cli, tmp_path):
    missing = tmp_path / "nothing.db"
    assert cli.fails("serve", "--db", str(missing)) == (
        f"Error: no ledger at {missing}: import or extract some statements first\n"
    )
    assert not missing.exists()


def test_serve_refuses_a_port_in_use(cli, seeded):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        stderr = cli.fails("serve", "--port", str(port))
    assert stderr == f"Error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def _stored_link(path: Path, link_id: int) -> dict[str, Any]:
    """A link as the ledger stores it: what the judge decided, which the query must show."""
    import json

    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        row = dict(conn.execute("SELECT * FROM links WHERE id = ?", [link_id]).fetchone())
    row["reasons"] = json.loads(row["reasons"])
    return row


def test_contradictions_side_by_side(seeded):
    """Score, status and reasons are the judge's, read back from the ledger: a recalibrated
    judge changes them there and here alike, while a query that shows them wrong still fails."""
    link = _stored_link(seeded, 1)
    assert (link["a_id"], link["b_id"], link["relation"]) == (5, 6, "contradicts")
    assert "denial" in [r["code"] for r in link["reasons"]]  # the seed pair contradicts by India's denial
    why = "; ".join(f"{r['code']}: {r['detail']}" for r in link["reasons"] if r["code"] != "similarity")
    assert query(seeded, "contradictions") == [
        {
            "link": 1,
            "claim": None,
            "status": link["status"],
            "confirmed_by": None if link["status"] == "suggested" else "engine",
            "score": round(link["score"], 1),
            "statement": 5,
            "speaker": "India",
            "says": INDIA,
            "outlet": "Caliber.Az",
            "date": "2025-05-10",
            "other_statement": 6,
            "other_speaker": "Pakistan's military",
            "other_says": PAKISTAN,
            "other_outlet": "Caliber.Az",
            "other_date": "2025-05-10",
            "why": why or "similar wording",
        }
    ]


def test_a_pair_on_opposite_sides_of_a_claim_without_a_link_is_a_contradiction_too(seeded):
    with sqlite3.connect(seeded) as conn:
        conn.execute("DELETE FROM links")
    rows = query(seeded, "contradictions")
    assert [(r["link"], r["claim"], r["statement"], r["other_statement"], r["why"]) for r in rows] == [
        (None, 4, 5, 6, f"opposite sides of claim 4: {PAKISTAN}"),
    ]


def test_flips_are_a_speaker_against_themself(cli, seeded):
    assert query(seeded, "flips") == []
    with sqlite3.connect(seeded) as conn:
        conn.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status) "
            "VALUES (1, 2, 'contradicts', 70, '[]', 'confirmed')"
        )
    assert [(r["link"], r["speaker"], r["other_speaker"], r["why"]) for r in query(seeded, "flips")] == [
        (2, "Ishaq Dar", "Ishaq Dar", "similar wording"),
    ]


def test_claims_with_who_is_on_each_side_and_the_disputed_one(seeded):
    sides = query(seeded, "sides")
    assert [(r["claim"], r["supports"], r["supported_by"], r["denies"], r["denied_by"]) for r in sides] == [
        (1, 1, "Ishaq Dar", 0, None),
        (2, 1, "Ishaq Dar", 0, None),
        (3, 1, "US State Department", 0, None),
        (4, 1, "Pakistan's military", 1, "India"),
        (5, 1, "Indian military", 0, None),
    ]
    assert query(seeded, "disputed") == [
        {
            "claim": 4,
            "text": PAKISTAN,
            "supports": 1,
            "supported_by": "Pakistan's military",
            "denies": 1,
            "denied_by": "India",
            "discusses": 0,
            "discussed_by": None,
            "supporting_outlets": "Caliber.Az",
        }
    ]


def test_corroborated_needs_two_speakers_and_two_outlets(cli, seeded, tmp_path):
    assert query(seeded, "corroborated") == []
    extra = tmp_path / "more.jsonl"
    extra.write_text(
        '{"text": "Indian missiles hit targets in Afghanistan.", "speaker": "Taliban spokesman '
        'Zabihullah Mujahid", "source": "Dawn", "said_on": "2025-05-09"}\n'
    )
    cli.ok("import", str(extra))
    rows = query(seeded, "corroborated")
    assert [(r["claim"], r["supported_by"], r["supporting_outlets"]) for r in rows] == [
        (4, "Pakistan's military; Zabihullah Mujahid", "Caliber.Az; Dawn"),
    ]


@pytest.mark.parametrize("who", ["Ishaq Dar", "ishaq dar", "1"])
def test_a_speakers_timeline_by_name_alias_or_id(seeded, who):
    rows = query(seeded, "speaker_timeline", speaker=who)
    assert [(r["statement"], r["date"], r["speaker"], r["contradicts"]) for r in rows] == [
        (1, "2025-05-10", "Ishaq Dar", None),
        (2, "2025-05-10", "Ishaq Dar", None),
    ]
    assert query(seeded, "speaker_timeline", speaker="India")[0]["contradicts"] == "6"


def test_what_awaits_review(seeded):
    assert [
        (r["item"], r["judged"], r["speaker"], r["against"]) for r in query(seeded, "awaiting_review")
    ] == [
        ("claim 4", "denies", "India", PAKISTAN),
        ("link 1", "contradicts", "India", PAKISTAN),
    ]


def test_datasette_serves_the_canned_queries_facets_and_search(seeded):
    name = seeded.stem
    status, rows = get(seeded, f"/{name}/contradictions.json?_shape=array")
    assert (status, [(r["speaker"], r["other_speaker"]) for r in rows]) == (
        200,
        [("India", "Pakistan's military")],
    )
    status, data = get(seeded, f"/{name}/statements.json?_search=missiles&_shape=objects")
    assert (status, [r["id"] for r in data["rows"]]) == (200, [5, 6])
    facets = data["facet_results"]
    assert list(facets) == ["speaker_id", "source_id", "kind", "polarity", "modality"]
    speakers = {v["label"] for v in facets["speaker_id"]["results"]}
    assert speakers == {"India", "Pakistan's military"}  # foreign keys shown as names
    status, page = get(seeded, f"/{name}")
    assert status == 200
    listed = re.findall(rf'<li><a href="/{name}/(\w+)" title="[^"]*">', page)
    assert listed == list(QUERIES)


def test_datasette_cannot_write_to_the_ledger(seeded):
    status, data = get(seeded, f"/{seeded.stem}.json?sql=DELETE+FROM+statements")
    assert (status, data["error"]) == (400, "Statement must be a SELECT")
    with sqlite3.connect(seeded) as conn:
        assert conn.execute("SELECT count(*) FROM statements").fetchone() == (6,)


def test_metadata_names_the_database_and_hides_the_bookkeeping():
    meta = metadata("desk")
    assert list(meta["databases"]) == ["desk"]
    tables = meta["databases"]["desk"]["tables"]
    assert {k for k, v in tables.items() if v.get("hidden")} == {"_sqlite_migrations", "settings"}
    assert tables["links"]["facets"] == ["relation", "status"]
    assert tables["claim_statements"]["facets"] == ["stance", "status"]
    assert tables["verdicts"]["facets"] == ["rating"]


def test_serve_starts_datasette_where_asked_and_opens_a_browser_on_request(cli, seeded, monkeypatch):
    import webbrowser

    import uvicorn

    calls: list[tuple[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(("uvicorn", (kw["host"], kw["port"]))))
    monkeypatch.setattr(webbrowser, "open", lambda url: calls.append(("browser", url)))
    port = str(free_port())
    result = cli("serve", "--port", port, "--open")
    assert (result.exit_code, result.stderr) == (
        0,
        f"Serving {seeded} read-only at http://127.0.0.1:{port}/ (Ctrl-C stops).\n",
    )
    assert calls == [("browser", f"http://127.0.0.1:{port}/"), ("uvicorn", ("127.0.0.1", int(port)))]
    calls.clear()
    cli.ok("serve", "--port", port, "--host", "localhost")
    assert calls == [("uvicorn", ("localhost", int(port)))]


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


def test_an_outlet_that_repeated_a_supporting_statement_counts_for_corroboration(cli, seeded, tmp_path):
    taliban = '"speaker": "Taliban spokesman Zabihullah Mujahid"'
    extra = tmp_path / "same-outlet.jsonl"
    extra.write_text(
        f'{{"text": "Indian missiles hit targets in Afghanistan.", {taliban}, "source": "Caliber.Az"}}\n'
    )
    cli.ok("import", str(extra))
    assert query(seeded, "corroborated") == []  # two speakers, one outlet
    repeat = tmp_path / "repeat.jsonl"
    repeat.write_text(
        f'{{"text": "Indian missiles hit targets in Afghanistan.", {taliban}, "source": "Dawn",'
        ' "said_on": "2025-05-12"}\n'
    )
    assert (
        cli("import", str(repeat)).stderr
        == "Imported 0 new statements, 1 new appearance (0 already recorded).\n"
    )
    rows = query(seeded, "corroborated")
    assert [(r["claim"], r["supported_by"], r["supporting_outlets"]) for r in rows] == [
        (4, "Pakistan's military; Zabihullah Mujahid", "Caliber.Az; Dawn"),
    ]


def test_flips_agree_with_tracker_contradictions_for_a_speaker_nobody_names(cli, db_path):
    cli.ok("add", "The protesters were armed.", "-s", "police", "--source", "Dawn", "--no-link")
    cli.ok("add", "The protesters were not armed.", "-s", "police", "--source", "Geo", "--no-link")
    cli.ok("add", "The march was peaceful.", "-s", "police", "--source", "Geo", "--no-link")
    cli.ok("add", "The march was not peaceful.", "-s", "police", "--source", "Geo", "--no-link")
    with sqlite3.connect(db_path) as conn:
        # a ledger from before unnamed speakers were kept per report: one "police" for all
        conn.execute("UPDATE statements SET speaker_id = 1")
        conn.execute(
            "INSERT INTO links (id, a_id, b_id, relation, score, reasons, status) VALUES"
            " (1, 1, 2, 'contradicts', 80, '[]', 'confirmed'), (2, 3, 4, 'contradicts', 80, '[]', 'confirmed')"
        )
    flips = [link["id"] for link in cli.json("contradictions", "--flips")]
    assert flips == [2]  # two reports' police are not one speaker; one report's are
    assert [row["link"] for row in query(db_path, "flips")] == flips
    status, served = get(db_path, f"/{db_path.stem}/flips.json?_shape=array")
    assert (status, [row["link"] for row in served]) == (200, flips)


def test_who_confirmed_a_link_or_a_side_shows_beside_its_status(cli, seeded):
    """As the command line says it: a person, or the engine sure of itself; none when only suggested."""
    decided = [(r["item"], r["judged"], r["status"], r["confirmed_by"]) for r in query(seeded, "decisions")]
    assert decided == [
        ("claim 1", "supports", "confirmed", "engine"),
        ("claim 2", "supports", "confirmed", "engine"),
        ("claim 3", "supports", "confirmed", "engine"),
        ("claim 4", "supports", "confirmed", "engine"),
        ("claim 4", "denies", "suggested", None),
        ("claim 5", "supports", "confirmed", "engine"),
        ("link 1", "contradicts", "suggested", None),
    ]
    cli.ok("link", "confirm", "1")
    cli.ok("claim", "attach", "5", "4", "--stance", "denies")
    assert [(r["item"], r["status"], r["confirmed_by"]) for r in query(seeded, "decisions")][4:] == [
        ("claim 4", "confirmed", "person"),
        ("claim 5", "confirmed", "engine"),
        ("link 1", "confirmed", "person"),
    ]
    assert [(r["link"], r["status"], r["confirmed_by"]) for r in query(seeded, "contradictions")] == [
        (1, "confirmed", "person")
    ]
    with sqlite3.connect(seeded) as conn:
        conn.execute("DELETE FROM links")
    # a pair of sides: a person's only when a person confirmed both (the supporting side is the engine's)
    assert [(r["claim"], r["status"], r["confirmed_by"]) for r in query(seeded, "contradictions")] == [
        (4, "confirmed", "engine")
    ]
