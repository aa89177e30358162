"""The semantic layer in a ledger: its setting, stored vectors, and judging by meaning."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tracker import search
from tracker.link import Thresholds, status_for
from tracker.link import meaning as link_meaning
from tracker.model import Judgement, Reason, Relation, ReviewStatus
from tracker.semantic import EXTRA_MESSAGE, errors, store
from tracker.semantic import encoder as enc

LAID_OFF = "The company laid off 500 workers."
LOST_JOBS = "Five hundred employees lost their jobs at the firm."
NO_LAYOFFS = "The company did not lay off any workers."
FLOOD = "Heavy rain flooded the coastal highway near the port city overnight."


@pytest.fixture(scope="session")
def model() -> Any:
    """The model, loaded once for the session."""
    return enc.encoder()


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if `pip install 'tracker[semantic]'` had not been run."""
    monkeypatch.setattr(errors, "available", lambda: False)


def _rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql).fetchall()


def _vectors(db_path: Path) -> dict[int, tuple[str, str, Any]]:
    return {
        owner_id: (model_name, digest, np.frombuffer(blob, dtype=np.float32))
        for owner_id, model_name, digest, blob in _rows(
            db_path,
            "SELECT owner_id, model, digest, vector FROM semantic_vectors WHERE owner = 'statement' ORDER BY owner_id",
        )
    }


def _add(cli, text: str, speaker: str, source: str) -> int:
    return int(cli.ok("add", text, "--speaker", speaker, "--source", source).strip())


# --- the setting ---------------------------------------------------------------------------


def test_semantic_is_off_in_a_new_ledger_and_turns_on_and_off(cli, db_path: Path) -> None:
    cli.ok("db", "init")
    assert {r["key"]: r["value"] for r in cli.json("settings")}["semantic"] == "off"
    result = cli("settings", "set", "semantic", "on")
    assert (result.exit_code, result.stderr) == (
        0,
        "semantic = on\nRun `tracker link` to relink with it (it encodes every statement once).\n",
    )
    assert _rows(db_path, "SELECT value FROM settings WHERE key = 'semantic'") == [("on",)]
    row = next(r for r in cli.json("settings") if r["key"] == "semantic")
    assert row == {
        "key": "semantic",
        "value": "on",
        "default": "off",
        "description": "judge by meaning too: sentence vectors (pip install 'tracker[semantic]')",
    }
    cli.ok("settings", "set", "semantic", "off")
    assert _rows(db_path, "SELECT value FROM settings WHERE key = 'semantic'") == [("off",)]


def test_a_value_other_than_on_or_off_is_refused(cli, db_path: Path) -> None:
    cli.ok("db", "init")
    assert (
        cli.fails("settings", "set", "semantic", "maybe")
        == "Error: semantic must be on or off, not 'maybe'\n"
    )
    assert _rows(db_path, "SELECT value FROM settings WHERE key = 'semantic'") == []


def test_turning_it_on_without_the_extra_is_one_error_and_writes_nothing(
    cli, db_path: Path, no_extra
) -> None:
    cli.ok("db", "init")
    assert cli.fails("settings", "set", "semantic", "on") == f"Error: {EXTRA_MESSAGE}\n"
    assert EXTRA_MESSAGE == "the semantic layer needs the extra: pip install 'tracker[semantic]'"
    assert _rows(db_path, "SELECT value FROM settings WHERE key = 'semantic'") == []
    cli.ok("settings", "set", "semantic", "off")  # turning it off needs nothing


def test_a_ledger_with_it_on_stores_nothing_without_the_extra(cli, db_path: Path, monkeypatch) -> None:
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    monkeypatch.setattr(errors, "available", lambda: False)
    assert cli.fails("add", LAID_OFF, "--speaker", "Union") == f"Error: {EXTRA_MESSAGE}\n"
    assert _rows(db_path, "SELECT count(*) FROM statements") == [(0,)]
    assert cli.fails("link") == f"Error: {EXTRA_MESSAGE}\n"


def test_an_edit_of_the_words_without_the_extra_changes_nothing(cli, db_path: Path, monkeypatch) -> None:
    cli.ok("add", LAID_OFF, "--speaker", "Union", "--no-link")
    cli.ok("settings", "set", "semantic", "on")
    monkeypatch.setattr(errors, "available", lambda: False)
    assert cli.fails("edit", "1", "--text", "No worker was laid off.") == f"Error: {EXTRA_MESSAGE}\n"
    assert _rows(db_path, "SELECT text FROM statements") == [(LAID_OFF,)]
    assert _rows(db_path, "SELECT count(*) FROM audit") == [(0,)]
    cli.ok("edit", "1", "--speaker", "Workers' union")  # other fields relink nothing: allowed


def test_decisions_that_judge_again_write_nothing_without_the_extra(cli, db_path: Path, monkeypatch) -> None:
    cli.ok("add", LAID_OFF, "--speaker", "Union", "--no-link")
    cli.ok("add", "The firm laid off 500 workers on Friday.", "--speaker", "Reuters desk")
    cli.ok("delete", "1", "--yes")
    cli.ok("settings", "set", "semantic", "on")
    monkeypatch.setattr(errors, "available", lambda: False)
    before = [_rows(db_path, f"SELECT * FROM {t}") for t in ("statements", "claims", "links", "audit")]
    for command in (["restore", "1"], ["claim", "add", "Jobs were cut"], ["link", "reject", "1"]):
        assert cli.fails(*command) == f"Error: {EXTRA_MESSAGE}\n", command
    assert [
        _rows(db_path, f"SELECT * FROM {t}") for t in ("statements", "claims", "links", "audit")
    ] == before


def test_the_encoder_refuses_to_load_without_the_extra(no_extra) -> None:
    with pytest.raises(errors.SemanticUnavailable, match=r"pip install 'tracker\[semantic\]'"):
        enc.Encoder()


def test_with_it_off_linking_never_loads_the_model(tmp_path: Path) -> None:
    # (numpy itself may be imported: sqlite-utils imports it whenever it is installed)
    script = (
        "import sys\n"
        "from tracker.model import NewStatement\n"
        "from tracker.store import open_db, add_statement\n"
        "from tracker.link import link_new\n"
        f"db = open_db({str(tmp_path / 'plain.db')!r})\n"
        f"a = add_statement(db, NewStatement(text={LAID_OFF!r}, speaker='Union')).id\n"
        f"b = add_statement(db, NewStatement(text={LOST_JOBS!r}, speaker='Reporter')).id\n"
        "link_new(db, [a, b])\n"
        "print(*(name in sys.modules for name in ('tracker.semantic.encoder', 'tokenizers', 'safetensors')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout == "False False False\n"


# --- stored vectors ----------------------------------------------------------------------


def test_vectors_are_stored_once_reused_and_encoded_again_after_an_edit(cli, db_path: Path, model) -> None:
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    first = _add(cli, LAID_OFF, "Union", "Daily A")
    second = _add(cli, FLOOD, "Reporter", "Daily B")
    stored = _vectors(db_path)
    assert sorted(stored) == [first, second]
    for sid, text in ((first, LAID_OFF), (second, FLOOD)):
        name, digest, vector = stored[sid]
        assert (name, digest) == ("all-MiniLM-L6-v2", store.digest(text))
        np.testing.assert_allclose(vector, model.encode([text])[0], atol=1e-6)

    def refuse(texts: Any) -> Any:
        raise AssertionError(f"encoded again: {texts}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(enc, "encode", refuse)
        cli.ok("link")  # every vector is read back, none encoded
    cli.ok("edit", str(first), "--text", NO_LAYOFFS)
    edited = _vectors(db_path)
    assert edited[first][1] == store.digest(NO_LAYOFFS)
    np.testing.assert_allclose(edited[first][2], model.encode([NO_LAYOFFS])[0], atol=1e-6)
    np.testing.assert_array_equal(edited[second][2], stored[second][2])


def test_a_deleted_statements_vector_goes_at_the_next_link(cli, db_path: Path) -> None:
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    first = _add(cli, LAID_OFF, "Union", "Daily A")
    second = _add(cli, FLOOD, "Reporter", "Daily B")
    cli.ok("delete", str(first), "--yes")
    cli.ok("link")
    assert sorted(_vectors(db_path)) == [second]


def test_with_it_off_no_vector_is_stored(cli, db_path: Path) -> None:
    _add(cli, LAID_OFF, "Union", "Daily A")
    _add(cli, LOST_JOBS, "Reporter", "Daily B")
    cli.ok("link")
    assert _rows(db_path, "SELECT count(*) FROM semantic_vectors") == [(0,)]


def test_link_timings_name_the_encoding_stage(cli) -> None:
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    cli.ok("add", LAID_OFF, "--speaker", "Union", "--no-link")
    result = cli("link", "--timings")
    assert result.exit_code == 0
    assert "encoding" in result.stderr
    assert "finding neighbours" in result.stderr


# --- linking by meaning ------------------------------------------------------------------


def _links(cli) -> list[dict[str, Any]]:
    return [
        {key: link[key] for key in ("a_id", "b_id", "relation", "status", "score", "reasons")}
        for link in cli.json("links", "--status", "all")
    ]


def test_two_wordings_of_one_claim_link_only_with_semantic_on(cli, model) -> None:
    first = _add(cli, LAID_OFF, "Union", "Daily A")
    second = _add(cli, LOST_JOBS, "Reporter", "Daily B")
    assert cli.json("links", "--status", "all") == []  # they share no word

    cli.ok("settings", "set", "semantic", "on")
    result = cli("link")
    assert result.exit_code == 0
    cosine = enc.cosine(*model.encode([LAID_OFF, LOST_JOBS]))
    assert round(cosine, 2) == 0.69
    [link] = cli.json("links", "--status", "all")
    assert (link["a_id"], link["b_id"], link["relation"], link["status"]) == (
        first,
        second,
        "agrees",
        "suggested",
    )
    assert link["score"] == round(100 * cosine, 1)
    assert link["reason"].startswith("meaning: cosine 0.69")

    cli.ok("settings", "set", "semantic", "off")
    cli.ok("link")  # a relink without the layer drops what only meaning found
    assert cli.json("links", "--status", "all") == []


def test_a_link_found_by_meaning_is_never_confirmed_automatically(cli) -> None:
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    cli.ok("settings", "set", "confirm_threshold", "30")  # every other link of 30 or more is confirmed
    _add(cli, LAID_OFF, "Union", "Daily A")
    _add(cli, LOST_JOBS, "Reporter", "Daily B")
    [link] = cli.json("links", "--status", "all")
    assert (link["relation"], link["status"]) == ("agrees", "suggested")


def test_status_for_keeps_any_meaning_judgement_suggested() -> None:
    meant = Judgement(Relation.AGREES, 100.0, (Reason("meaning", "cosine 0.99"),))
    worded = Judgement(Relation.AGREES, 100.0, (Reason("similarity", "100/100"),))
    assert status_for(meant, Thresholds()) is ReviewStatus.SUGGESTED
    assert status_for(worded, Thresholds()) is ReviewStatus.CONFIRMED


def test_opposite_polarities_close_in_meaning_contradict() -> None:
    judgement = link_meaning.judge_by_meaning(NO_LAYOFFS, LOST_JOBS, 0.70)
    assert judgement is not None
    assert judgement.relation is Relation.CONTRADICTS
    assert judgement.score == 70.0
    assert [str(r) for r in judgement.reasons] == [
        "negation: 'not' in a",
        "meaning: cosine 0.70",
        "similarity: 0/100",
    ]


def test_meaning_below_the_floor_judges_nothing() -> None:
    assert link_meaning.judge_by_meaning(LAID_OFF, LOST_JOBS, link_meaning.MEANING_FLOOR - 0.01) is None


STOCK_WIN = "A schoolboy earned 72 million dollars on the stock market."
MADE_UP = "The young trader admits he made it all up."
INTERVIEW = "The young trader gave an interview to a magazine."


def test_a_refutation_below_the_floor_is_linked_as_a_contradiction() -> None:
    cosine = (link_meaning.REFUTATION_FLOOR + link_meaning.MEANING_FLOOR) / 2
    judgement = link_meaning.judge_by_meaning(STOCK_WIN, MADE_UP, cosine)
    assert judgement is not None
    assert (judgement.relation, judgement.score) == (Relation.CONTRADICTS, round(100 * cosine, 1))
    assert [str(r) for r in judgement.reasons] == [
        "denial: 'made it all up' in b",
        f"meaning: cosine {cosine:.2f}",
        "similarity: 0/100",
    ]


def test_below_the_floor_an_agreement_is_not_linked_by_meaning() -> None:
    assert link_meaning.judge_by_meaning(LAID_OFF, LOST_JOBS, 0.70) is not None
    assert link_meaning.judge_by_meaning(LAID_OFF, LOST_JOBS, link_meaning.REFUTATION_FLOOR + 0.01) is None
    assert link_meaning.judge_by_meaning(STOCK_WIN, INTERVIEW, link_meaning.REFUTATION_FLOOR + 0.01) is None


def test_below_the_refutation_floor_even_a_refutation_is_not_linked() -> None:
    assert link_meaning.judge_by_meaning(STOCK_WIN, MADE_UP, link_meaning.REFUTATION_FLOOR - 0.01) is None


def test_a_ledger_links_a_refutation_worded_apart_from_its_claim(cli, model: Any) -> None:
    cosine = enc.cosine(*model.encode([STOCK_WIN, MADE_UP]))
    assert link_meaning.REFUTATION_FLOOR <= cosine < link_meaning.MEANING_FLOOR  # what is tested
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    claim = _add(cli, STOCK_WIN, "Tabloid", "Daily A")
    _add(cli, "Shares in the bank fell sharply on Monday.", "Reporter", "Daily C")
    denial = _add(cli, MADE_UP, "Reporter", "Daily B")
    links = cli.json("links", "--status", "all")
    assert [(k["a_id"], k["b_id"], k["relation"], k["status"]) for k in links] == [
        (claim, denial, "contradicts", "suggested")
    ]
    assert links[0]["reason"] == f"denial: 'made it all up' in b; meaning: cosine {cosine:.2f}"


def test_one_actor_another_event_stays_unrelated_whatever_the_cosine() -> None:
    a = "India's air force struck a base near Lahore on Monday."
    b = "India's cricket team won a match in Lahore on Monday."
    assert link_meaning.judge_by_meaning(a, b, 0.99) is None


def test_the_judges_refusals_hold_below_its_relatedness_threshold_too() -> None:
    # few shared words (below relate's 25), one actor, another act: two claims, not agreement
    a, b = "Hamas seized a cargo ship near the coast.", "Hamas destroyed a bridge in Gaza."
    assert link_meaning.judge_by_meaning(a, b, 0.58) is None
    # two things of one kind opening both claims
    assert link_meaning.judge_by_meaning("Route 9 is closed", "Route 4 is shut", 0.9) is None


def test_a_negation_and_an_antonym_that_cancel_still_agree_by_meaning() -> None:
    judgement = link_meaning.judge_by_meaning(
        "The bill was not approved by the senate.", "Senators rejected the legislation.", 0.8
    )
    assert judgement is not None
    assert (judgement.relation, [r.code for r in judgement.reasons]) == (
        Relation.AGREES,
        ["negation", "antonym", "meaning", "similarity"],
    )


def test_a_side_found_by_meaning_needs_the_suggest_threshold_as_one_found_by_words(cli) -> None:
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    cli.ok("settings", "set", "suggest_threshold", "85")
    sid = _add(cli, LAID_OFF, "Union", "Daily A")
    claim = cli.ok("claim", "add", LOST_JOBS).split()[0]
    assert [s["id"] for s in cli.json("claim", "show", claim)["statements"] if s["id"] == sid] == []


def test_a_claim_worded_otherwise_is_joined_by_meaning(cli) -> None:
    cli.ok("db", "init")
    claim = cli.ok("claim", "add", LOST_JOBS).split()[0]
    sid = _add(cli, LAID_OFF, "Union", "Daily A")
    assert all(s["id"] != sid for s in cli.json("claim", "show", claim)["statements"])

    cli.ok("settings", "set", "semantic", "on")
    cli.ok("link")
    shown = cli.json("claim", "show", claim)["statements"]
    [joined] = [s for s in shown if s["id"] == sid]
    assert (joined["stance"], joined["status"]) == ("supports", "suggested")
    assert joined["score"] == 69.0


def test_neighbours_are_the_k_nearest_above_the_floor_in_any_chunking(monkeypatch) -> None:
    vectors = np.array(
        [[1.0, 0.0], [0.9, np.sqrt(1 - 0.81)], [0.0, 1.0], [0.6, 0.8], [-1.0, 0.0]], dtype=np.float32
    )
    ids = [10, 20, 30, 40, 50]
    expected = {(10, 20): 0.9, (10, 40): 0.6, (20, 40): 0.8887, (30, 40): 0.8, (20, 30): 0.4359}
    assert store.neighbours(ids, vectors, None, 2, 0.4) == expected
    monkeypatch.setattr(store, "NEIGHBOUR_CHUNK", 2)
    assert store.neighbours(ids, vectors, None, 2, 0.4) == expected
    assert store.neighbours(ids, vectors, [10], 1, 0.0) == {(10, 20): 0.9}
    assert store.neighbours(ids, vectors, [50], 3, 0.5) == {}
    assert store.pair_cosines(ids, vectors, [(10, 30), (10, 99)]) == {(10, 30): 0.0}


def test_stored_vectors_are_float32_blobs_of_384(cli, db_path: Path) -> None:
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    _add(cli, LAID_OFF, "Union", "Daily A")
    assert _rows(db_path, "SELECT length(vector) FROM semantic_vectors") == [(384 * 4,)]
    assert json.loads(cli.ok("settings", "--json"))[-1]["value"] == "on"


def test_a_claim_recorded_later_finds_a_statement_worded_otherwise(cli) -> None:
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    sid = _add(cli, LAID_OFF, "Union", "Daily A")
    claim = cli.ok("claim", "add", LOST_JOBS).split()[0]
    [joined] = [s for s in cli.json("claim", "show", claim)["statements"] if s["id"] == sid]
    assert (joined["stance"], joined["status"], joined["score"]) == ("supports", "suggested", 69.0)


def test_the_migration_makes_the_vector_table(db_path: Path) -> None:
    from tracker.store import open_db

    open_db(db_path).close()
    columns = _rows(db_path, "SELECT name, type, pk FROM pragma_table_info('semantic_vectors')")
    assert columns == [
        ("owner", "TEXT", 1),
        ("owner_id", "INTEGER", 2),
        ("model", "TEXT", 3),
        ("digest", "TEXT", 0),
        ("vector", "BLOB", 0),
    ]


def test_neighbours_match_a_brute_force_ranking(monkeypatch) -> None:
    rng = np.random.default_rng(3)
    centres = rng.standard_normal((4, 16))
    vectors = (centres[rng.integers(0, 4, 60)] + 0.5 * rng.standard_normal((60, 16))).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = list(range(100, 160))
    expected: dict[tuple[int, int], float] = {}
    for i, a in enumerate(ids):
        ranked = sorted(
            ((float(vectors[i] @ vectors[j]), b) for j, b in enumerate(ids) if b != a), reverse=True
        )
        for cosine, b in ranked[:3]:
            if cosine >= 0.5:
                expected[(min(a, b), max(a, b))] = round(cosine, 4)
    monkeypatch.setattr(store, "NEIGHBOUR_CHUNK", 7)
    found = store.neighbours(ids, vectors, None, 3, 0.5)
    assert found.keys() == expected.keys()
    assert all(abs(found[pair] - expected[pair]) < 1e-4 for pair in expected)
    assert len(expected) > 60  # the clusters give most statements three neighbours


# --- similar, by meaning -----------------------------------------------------------------


def test_similar_finds_by_meaning_what_shares_no_word_and_shows_the_cosine(cli, model: Any) -> None:
    cli.ok("db", "init")
    laid_off = _add(cli, LAID_OFF, "Union", "Daily A")
    _add(cli, FLOOD, "Reporter", "Daily B")
    assert cli.json("similar", LOST_JOBS) == []  # by words: nothing in common

    cli.ok("settings", "set", "semantic", "on")
    cosines = model.encode([LOST_JOBS, LAID_OFF, FLOOD]) @ model.encode([LOST_JOBS])[0]
    rows = cli.json("similar", LOST_JOBS)
    assert [(r["id"], r["meaning"]) for r in rows] == [
        (laid_off, round(100 * float(cosines[1]), 1)),
        (laid_off + 1, round(100 * float(cosines[2]), 1)),
    ]
    assert rows[0]["score"] == round(search.W_MEANING * 100 * float(cosines[1]), 1)
    table = cli.ok("similar", LOST_JOBS).splitlines()
    assert table[1].split() == ["score", "meaning", "id", "speaker", "text", "source"]  # no ref: none has one
    assert table[3].split()[:3] == [f"{rows[0]['score']:.1f}", f"{rows[0]['meaning']:.1f}", str(laid_off)]
    assert cli.ok("similar", LOST_JOBS, "--csv").startswith("score,meaning,id,ref,speaker,text,source\n")


def test_similar_by_meaning_combines_the_cosine_with_the_words(cli, model: Any) -> None:
    # two statements with the query's rare word; the one that also means the same ranks first
    cli.ok("db", "init")
    worded = _add(cli, "Protesters marched past the Kirchmeier bakery on Sunday.", "Reporter", "Daily A")
    meant = _add(cli, "Sheriff Kirchmeier ordered the arrest of pipeline protesters.", "Reporter", "Daily B")
    query = "Kirchmeier had the pipeline demonstrators detained"
    cli.ok("settings", "set", "semantic", "on")
    by_meaning = cli.json("similar", query)
    assert [r["id"] for r in by_meaning] == [meant, worded]
    cosines = model.encode([query, by_meaning[0]["text"], by_meaning[1]["text"]]) @ model.encode([query])[0]
    assert [r["meaning"] for r in by_meaning] == [round(100 * float(c), 1) for c in cosines[1:]]
    cli.ok("settings", "set", "semantic", "off")
    by_words = cli.json("similar", query)
    assert {r["id"] for r in by_words} == {meant, worded}
    assert all("meaning" not in r for r in by_words)
    for words, both in zip(
        sorted(by_words, key=lambda r: r["id"]), sorted(by_meaning, key=lambda r: r["id"]), strict=True
    ):
        expected = (1 - search.W_MEANING) * words["score"] + search.W_MEANING * both["meaning"]
        assert abs(both["score"] - expected) <= 0.1  # both shown rounded to 0.1


def test_similar_in_a_ledger_judging_by_meaning_needs_the_extra(cli, db_path: Path, monkeypatch) -> None:
    cli.ok("db", "init")
    _add(cli, LAID_OFF, "Union", "Daily A")
    cli.ok("settings", "set", "semantic", "on")
    before = _rows(db_path, "SELECT count(*) FROM semantic_vectors")
    monkeypatch.setattr(errors, "available", lambda: False)
    assert cli.fails("similar", LOST_JOBS) == f"Error: {EXTRA_MESSAGE}\n"
    assert _rows(db_path, "SELECT count(*) FROM semantic_vectors") == before


# --- a claim a person records: is it one recorded already? ------------------------------------

SINGER = "The singer died."
VOCALIST = "The vocalist passed away."  # no word in common: words alone find nothing


def test_claim_add_names_a_claim_close_in_meaning_only_on_a_ledger_judging_by_meaning(cli, db_path) -> None:
    cli.ok("db", "init")
    cli.ok("claim", "add", SINGER)
    cli.ok("settings", "set", "semantic", "on")
    result = cli("claim", "add", VOCALIST)
    # the score linking gives the pair: by meaning, since the words link nothing (cosine 0.845)
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        f"Error: claim 1 says nearly the same: {SINGER!r} (score 84.5); use it, or give --new to record this one too\n",
    )
    assert _rows(db_path, "SELECT id, text FROM claims ORDER BY id") == [(1, SINGER)]
    cli.ok("settings", "set", "semantic", "off")
    assert cli.ok("claim", "add", VOCALIST).strip() == "2"  # words only: as before, two claims
    assert _rows(db_path, "SELECT id, text FROM claims ORDER BY id") == [(1, SINGER), (2, VOCALIST)]


def test_claim_add_finds_a_claim_a_statement_founded_by_the_statements_meaning(cli, db_path) -> None:
    cli.ok("db", "init")
    cli.ok("settings", "set", "semantic", "on")
    _add(cli, SINGER, "Record label", "Daily A")
    assert _rows(db_path, "SELECT id, origin FROM claims") == [(1, "statement")]
    stderr = cli.fails("claim", "add", VOCALIST)
    assert stderr.startswith(f"Error: claim 1 says nearly the same: {SINGER!r} (score 84.5)")
    assert cli.ok("claim", "add", VOCALIST, "--new").strip() == "2"


def test_the_words_judgement_stands_where_the_words_link_a_claim_as_in_linking(db) -> None:  # type: ignore[no-untyped-def]
    from tracker.claims.records import claim_judgement

    words = claim_judgement(db, "The singer died on Sunday.", "The singer passed away on Sunday.", None)
    by_meaning = claim_judgement(db, "The singer died on Sunday.", "The singer passed away on Sunday.", 0.91)
    assert (words.relation, words.score) == (Relation.AGREES, 66.6)
    assert by_meaning == words  # linked by words at 66.6: meaning does not raise it, as in `tracker link`
    unlinked = claim_judgement(db, SINGER, VOCALIST, 0.845)
    assert unlinked is not None
    assert (unlinked.relation, unlinked.score, unlinked.reasons[0].code) == (Relation.AGREES, 84.5, "meaning")


# --- similar reads, never writes --------------------------------------------------------------


def test_similar_writes_no_vector_and_encodes_an_unstored_statement_in_memory(cli, db_path, model) -> None:
    cli.ok("db", "init")
    laid_off = _add(cli, LAID_OFF, "Union", "Daily A")  # stored without vectors: the layer is off
    cli.ok("settings", "set", "semantic", "on")
    result = cli("similar", LOST_JOBS, "--json")
    cosine = float(model.encode([LAID_OFF])[0] @ model.encode([LOST_JOBS])[0])
    assert (result.exit_code, [(r["id"], r["meaning"]) for r in json.loads(result.stdout)]) == (
        0,
        [(laid_off, round(100 * cosine, 1))],
    )
    assert result.stderr == (
        "Note: 1 statement has no stored vector: encoded for this search only; `tracker link` stores them.\n"
    )
    assert _rows(db_path, "SELECT count(*) FROM semantic_vectors") == [(0,)]
    cli.ok("link")
    assert _rows(db_path, "SELECT owner, owner_id FROM semantic_vectors") == [("statement", laid_off)]
    again = cli("similar", LOST_JOBS, "--json")
    assert (json.loads(again.stdout)[0]["meaning"], again.stderr) == (round(100 * cosine, 1), "")


def test_similar_reads_the_stored_vectors_once_while_none_changes(db, model) -> None:  # type: ignore[no-untyped-def]
    from tracker.semantic.store import set_enabled
    from tracker.store import NewStatement, add_statements

    set_enabled(db, "on")
    add_statements(db, [NewStatement(text=LAID_OFF, speaker="Union"), NewStatement(text=FLOOD, speaker="R")])
    store.vectors(
        db, store.STATEMENT, {int(r[0]): r[1] for r in db.execute("SELECT id, text FROM statements")}
    )
    executed: list[str] = []
    db.conn.set_trace_callback(executed.append)
    first = search.similar(db, LOST_JOBS)
    second = search.similar(db, LOST_JOBS)
    db.conn.set_trace_callback(None)
    assert first == second
    assert sum("SELECT owner_id, digest, vector" in sql for sql in executed) == 1
    add_statements(db, [NewStatement(text=NO_LAYOFFS, speaker="Firm")])
    store.vectors(
        db, store.STATEMENT, {int(r[0]): r[1] for r in db.execute("SELECT id, text FROM statements")}
    )
    db.conn.set_trace_callback(executed.append)
    third = search.similar(db, LOST_JOBS)
    db.conn.set_trace_callback(None)
    assert (
        sum("SELECT owner_id, digest, vector" in sql for sql in executed) == 2
    )  # a vector was stored: read again
    assert [r["meaning"] for r in third] == [r["meaning"] for r in search.similar(db, LOST_JOBS)]
    assert len(third) == 3
