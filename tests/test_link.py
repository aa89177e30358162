from __future__ import annotations

import json
import math
from collections import Counter

import pytest

from conftest import OTHER
from tracker import link, search
from tracker.judge import CONTAINMENT_WEIGHT, DICE_WEIGHT, ENGINE_VERSION, TOKEN_SET_WEIGHT, TOKEN_SORT_WEIGHT
from tracker.link import blocking, candidates, config, index, pipeline, prefilter, ranking
from tracker.model import InvalidInput, Judgement, NotFound, Reason, Relation, ReviewStatus
from tracker.parallel import fan_out, in_parallel, kept_workers
from tracker.store import NewStatement, add_statements

STRUCK = "Indian missiles struck targets in Afghanistan."
DENIED = "India denied that its missiles struck targets in Afghanistan."


def _add(db, *texts: str, speaker: str = "Someone") -> list[int]:  # type: ignore[no-untyped-def]
    added = add_statements(db, [NewStatement(text=t, speaker=speaker) for t in texts])
    return [a.id for a in added]


def _links(db) -> list[dict]:  # type: ignore[no-untyped-def]
    rows = db.execute("SELECT a_id, b_id, relation, status, engine, reasons, reviewed_at FROM links")
    names = ["a_id", "b_id", "relation", "status", "engine", "reasons", "reviewed_at"]
    return [dict(zip(names, row, strict=True)) for row in rows]


def test_fts_candidates_find_the_statement_sharing_rare_words(db) -> None:
    ids = _add(db, *OTHER, STRUCK)
    found = [sid for sid, _ in link.fts_candidates(db, DENIED)]
    assert found[0] == ids[-1]


def test_rare_terms_prefer_words_few_statements_have_and_drop_unknown_ones(db) -> None:
    _add(db, "Missiles struck the city.", "Missiles struck the port.", STRUCK)
    terms = link.rare_terms(db, "Missiles struck Afghanistan and Zanzibar", k=2)
    assert terms == ["afghanistan", "missiles"]


def test_rare_terms_of_a_stored_statement_do_not_count_its_own_words(db) -> None:
    stored, new = _add(
        db,
        "Two workers died after ammonia leaked at the Dobrogea plant in Navodari.",
        "Three people were killed when ammonia escaped from the Dobrogea fertiliser plant on Monday.",
    )
    text = "Three people were killed when ammonia escaped from the Dobrogea fertiliser plant on Monday."
    # counted with itself, the words only it holds ("fertiliser", "escaped") looked rarest
    assert link.rare_terms(db, text, k=3, own=new) == ["dobrogea", "ammonia", "plant"]
    assert [sid for sid, _ in link.fts_candidates(db, text, exclude=new)] == [stored]
    stats = link.link_new(db, [new])
    assert stats.stored == Counter({"contradicts": 1})  # two dead against three


def test_fts_term_searches_every_spelling_of_what_a_word_names() -> None:
    assert candidates.fts_term("islamabad") == '("islamabad" OR "pakistan" OR "pakistani")'
    assert candidates.fts_term("army") == '("army" OR "military" OR "troops" OR "soldier" OR "armed forces")'
    assert candidates.fts_term("goldfish") == '"goldfish"'  # a word the lexicon does not know
    # bounded: at most SPELLINGS phrases however many the lexicon lists
    assert candidates.fts_term("struck").count('"') == 2 * candidates.SPELLINGS


def test_rare_terms_count_two_names_of_one_thing_once(db) -> None:
    _add(db, "Pakistan closed its airspace.", STRUCK)
    # "pakistan" names what "islamabad" does; "border" is in no statement
    assert link.rare_terms(db, "Islamabad said Pakistan closed the border", k=6) == ["islamabad", "closed"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Islamabad asked for a truce.", "Pakistan requested a ceasefire."),
        ("Washington brokered the truce.", "The United States mediated a ceasefire."),
        ("The army attacked the convoy.", "The military struck a convoy."),
    ],
)
def test_statements_sharing_only_what_their_words_name_are_linked(db, first: str, second: str) -> None:
    ids = _add(db, *OTHER, first, second)
    stats = link.link_new(db, ids[-1:])  # one new statement: linked through an FTS query
    assert stats.stored == {"agrees": 1}
    assert [(r["a_id"], r["b_id"], r["relation"]) for r in _links(db)] == [(ids[-2], ids[-1], "agrees")]


def test_block_candidates_pair_statements_sharing_rare_words() -> None:
    texts = dict(enumerate([*OTHER, STRUCK, DENIED], start=1))
    assert link.block_candidates(texts) == {(5, 6)}  # the two about missiles, smaller id first
    assert link.block_candidates(texts, focus=[6]) == {(5, 6)}


def test_link_new_stores_relation_score_reasons_and_engine(db) -> None:
    ids = _add(db, *OTHER, STRUCK, DENIED)
    stats = link.link_new(db, ids)
    assert stats.stored == {"contradicts": 1}
    (row,) = _links(db)
    assert (row["a_id"], row["b_id"], row["relation"]) == (ids[4], ids[5], "contradicts")
    assert row["engine"] == ENGINE_VERSION
    assert {"code": "denial", "detail": "'denied' in b", "side": "b", "span": [6, 12]} in json.loads(
        row["reasons"]
    )
    # a contradiction this similar is still only suggested: a person confirms accusations
    assert row["status"] == "suggested"


def test_batch_and_per_statement_linking_find_the_same_links(db, monkeypatch) -> None:
    ids = _add(db, *OTHER, STRUCK, DENIED, "Indian missiles did strike targets in Afghanistan.")
    stages = ["preparing", "finding candidates", "judging", "writing", "attaching claims"]
    stats = link.link_new(db, ids)
    one_by_one = _links(db)
    assert sorted(stats.seconds) == sorted(stages) and all(s >= 0 for s in stats.seconds.values())
    db.execute("DELETE FROM links")
    monkeypatch.setattr(pipeline, "BATCH_MIN", 1)
    stats = link.link_new(db, ids)
    assert _links(db) == one_by_one and len(one_by_one) == 3
    assert list(stats.seconds) == stages  # in the order they ran


def test_unrelated_pairs_are_never_stored(db) -> None:
    link.link_new(db, _add(db, *OTHER))
    assert _links(db) == []


def test_thresholds_come_from_settings_and_are_validated(db) -> None:
    assert link.thresholds(db) == link.Thresholds(30.0, 90.0)
    link.set_threshold(db, "confirm_threshold", "80")
    link.set_threshold(db, "suggest_threshold", "60.5")
    assert link.thresholds(db) == link.Thresholds(60.5, 80.0)
    for key, value, message in [
        ("suggest_threshold", "81", "suggest_threshold (81) must not be above confirm_threshold (80)"),
        ("confirm_threshold", "101", "confirm_threshold must be a number from 0 to 100, not '101'"),
        ("confirm_threshold", "high", "confirm_threshold must be a number from 0 to 100, not 'high'"),
        ("colour", "1", "unknown setting 'colour': use one of suggest_threshold, confirm_threshold"),
    ]:
        with pytest.raises(InvalidInput, match=f"^{message.replace('(', '.').replace(')', '.')}$"):
            link.set_threshold(db, key, value)
    assert link.thresholds(db) == link.Thresholds(60.5, 80.0)


def test_the_suggest_threshold_decides_what_is_stored(db) -> None:
    ids = _add(
        db,
        *OTHER,
        STRUCK,
        "India's missiles did not strike targets in Afghanistan; the allegations are false and baseless.",
    )
    link.set_threshold(db, "suggest_threshold", "90")
    assert link.link_new(db, ids).links == 0  # the seed pair scores about 86
    link.set_threshold(db, "suggest_threshold", "45")
    assert link.relink_all(db).links == 1


def test_status_confirms_only_agreement_automatically_unless_nearly_identical() -> None:
    limits = link.Thresholds(45, 90)
    sim = Reason("similarity", "95/100")
    agree = Judgement(Relation.AGREES, 95, (sim,))
    contra = Judgement(Relation.CONTRADICTS, 95, (Reason("denial", "'denied' in b"), sim))
    hedged = Judgement(Relation.RELATED, 95, (Reason("hedge", "'reportedly' in b"), sim))
    assert link.status_for(agree, limits) is ReviewStatus.CONFIRMED
    assert link.status_for(Judgement(Relation.AGREES, 89.9, (sim,)), limits) is ReviewStatus.SUGGESTED
    assert link.status_for(contra, limits) is ReviewStatus.SUGGESTED
    assert link.status_for(hedged, limits) is ReviewStatus.SUGGESTED
    assert (
        link.status_for(Judgement(Relation.CONTRADICTS, 98, contra.reasons), limits) is ReviewStatus.CONFIRMED
    )


def test_identical_wording_is_confirmed_automatically(db) -> None:
    ids = _add(db, "Inflation fell to 3 percent in May, the minister said.", speaker="A")
    ids += _add(db, "Inflation fell to 3 percent in May, the minister said.", speaker="B")
    link.link_new(db, ids)
    assert [(r["relation"], r["status"]) for r in _links(db)] == [("agrees", "confirmed")]


def test_relinking_never_overwrites_a_reviewed_link(db) -> None:
    ids = _add(db, *OTHER, STRUCK, DENIED, "Indian missiles did strike targets in Afghanistan.")
    link.link_new(db, ids)
    by_pair = {(r["a_id"], r["b_id"]): r for r in _links(db)}
    link_ids = dict(db.execute("SELECT a_id || '-' || b_id, id FROM links").fetchall())
    rejected = link_ids[f"{ids[4]}-{ids[5]}"]
    confirmed = link_ids[f"{ids[4]}-{ids[6]}"]
    link.reject_link(db, rejected, by="ana")
    link.confirm_link(db, confirmed, by="ana")
    db.execute("UPDATE links SET relation = 'related', score = 50 WHERE id IN (?, ?)", [rejected, confirmed])
    link.set_threshold(db, "confirm_threshold", "100")
    link.set_threshold(db, "suggest_threshold", "97")  # nothing would be found now
    stats = link.relink_all(db)
    rows = {r[0]: r[1:] for r in db.execute("SELECT id, status, relation, score, reviewed_by FROM links")}
    assert rows == {
        rejected: ("rejected", "related", 50.0, "ana"),
        confirmed: ("confirmed", "related", 50.0, "ana"),
    }
    assert stats.removed == len(by_pair) - 2


def test_relink_keeps_the_id_of_a_link_found_again(db) -> None:
    ids = _add(db, *OTHER, STRUCK, DENIED)
    link.link_new(db, ids)
    before = db.execute("SELECT id, relation, score FROM links").fetchall()
    link.relink_all(db)
    assert db.execute("SELECT id, relation, score FROM links").fetchall() == before


def test_confirm_and_reject_unknown_link_raise_not_found(db) -> None:
    with pytest.raises(NotFound, match=r"^no link with id 7$"):
        link.confirm_link(db, 7)
    with pytest.raises(NotFound, match=r"^no link with id 7$"):
        link.reject_link(db, 7)


def test_similar_ranks_the_closest_statement_first(db) -> None:
    ids = _add(db, *OTHER, STRUCK, "Missiles were tested in the desert.")
    rows = search.similar(db, "Did Indian missiles strike Afghanistan? https://t.co/x #IndiaPakistan", 3)
    assert rows[0]["id"] == ids[4]
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert set(rows[0]) == {"id", "ref", "text", "speaker", "source", "score"}


def test_query_text_drops_links_posting_handles_and_dates_and_splits_hashtags() -> None:
    text = "Wow #AustralianFires pic.twitter.com/abc — Bio Div (@CenterForBioDiv) January 14, 2020"
    assert search.query_words(text) == ["wow", "australian", "fires", "bio", "div"]


CORPUS = [
    *OTHER,
    STRUCK,
    DENIED,
    "Indian missiles did strike targets in Afghanistan.",
    "Reportedly, Indian missiles hit several targets inside Afghanistan on Monday.",
    "The central bank raised rates by half a point, its governor said on Tuesday.",
    "The central bank did not raise interest rates on Tuesday.",
    "Flooding closed the coastal highway near the port city overnight.",
    "Says the club paid a record fee for a Brazilian striker.",
    "Farmers say water tariffs will ruin them.",
    "It is false that farmers protested against water tariffs.",
]


def test_prefilter_never_drops_a_pair_relate_would_store() -> None:
    from tracker.judge import relate

    shapes = {text: prefilter._shape(text) for text in CORPUS}
    stored = 0
    for a in CORPUS:
        for b in CORPUS:
            judgement = relate(a, b, related_threshold=link.DEFAULT_SUGGEST)
            if judgement.relation in pipeline._STORED and judgement.score >= link.DEFAULT_SUGGEST:
                stored += 1
                assert link.could_link(shapes[a], shapes[b], link.DEFAULT_SUGGEST), (a, b)
    assert stored > len(CORPUS)  # the corpus has pairs to link, not only identical ones
    assert link.could_link(shapes[OTHER[0]], shapes[OTHER[1]], link.DEFAULT_SUGGEST) is False


def test_a_pair_scoring_exactly_the_threshold_is_still_linked(db) -> None:
    from tracker.judge import relate

    denial = "India's missiles did not strike targets in Afghanistan; the allegations are false and baseless."
    ids = _add(db, *OTHER, STRUCK, denial)
    score = relate(STRUCK, denial).score
    link.set_threshold(db, "suggest_threshold", f"{score:g}")
    assert link.relink_all(db).links == 1
    link.set_threshold(db, "suggest_threshold", f"{score + 0.1:g}")
    assert link.relink_all(db).links == 0
    assert ids


def test_worker_processes_find_the_same_links_as_one_process(db, monkeypatch) -> None:
    ids = _add(db, *CORPUS)
    monkeypatch.setattr(config, "PARALLEL_MIN", 1)
    one = link.relink_all(db, workers=1)
    single = _links(db)
    db.execute("DELETE FROM links")
    two = link.relink_all(db, workers=2)
    assert _links(db) == single and len(single) >= 4
    assert (one.candidates, one.judged, one.stored) == (two.candidates, two.judged, two.stored)
    assert ids


def test_a_reviewed_link_survives_a_parallel_relink(db, monkeypatch) -> None:
    ids = _add(db, *CORPUS)
    link.link_new(db, ids)
    link_id = db.execute("SELECT id FROM links WHERE a_id = ? AND b_id = ?", [ids[4], ids[5]]).fetchone()[0]
    link.reject_link(db, link_id, by="ana")
    monkeypatch.setattr(config, "PARALLEL_MIN", 1)
    link.relink_all(db, workers=2)
    row = db.execute("SELECT status, reviewed_by FROM links WHERE id = ?", [link_id]).fetchone()
    assert tuple(row) == ("rejected", "ana")


def test_blocking_keeps_a_short_partner_sharing_only_common_words_over_long_ones() -> None:
    # every filler holds the same three stems as the pair, plus many words of its own: summed
    # rarity ties them with the short partner, relate's overlap bound does not
    fillers = [
        f"Water tariffs rose while {' '.join(f'w{i}x{j}' for j in range(12))} happened." for i in range(10)
    ]
    texts = dict(enumerate([*fillers, "Water tariffs rose.", "Water tariffs rose, farmers said."], start=1))
    pairs = link.block_candidates(texts, per=3)
    assert (11, 12) in pairs


def test_batch_relink_finds_the_same_links_as_per_statement_queries(db, monkeypatch) -> None:
    ids = _add(db, *CORPUS)
    monkeypatch.setattr(pipeline, "BATCH_MIN", len(ids) + 1)  # FTS top-50 each: exhaustive here
    link.link_new(db, ids)
    queried = _links(db)
    db.execute("DELETE FROM links")
    link.relink_all(db)
    assert _links(db) == queried and len(queried) >= 4


def test_blocking_finds_every_pair_brute_force_would_link() -> None:
    import random

    from tracker.judge import relate

    rng = random.Random(3)
    words = (
        "missiles struck targets afghanistan india denied border army troops minister "
        "election votes budget taxes rates bank farmers water tariffs flooded highway"
    ).split()
    texts = {i: " ".join(rng.sample(words, rng.randint(3, 9))).capitalize() + "." for i in range(1, 121)}
    texts[121], texts[122] = STRUCK, DENIED
    shapes = prefilter._shapes(texts, texts, 1)
    truth = {
        (a, b)
        for a in texts
        for b in texts
        if a < b and relate(texts[a], texts[b], related_threshold=45).score >= 45
    }
    assert len(truth) > 20
    assert truth <= link.block_candidates(texts, shapes=shapes, threshold=45)
    focus = [121, 5, 40]
    assert {p for p in truth if set(p) & set(focus)} <= link.block_candidates(
        texts, focus=focus, threshold=45
    )


def test_one_shared_word_and_similar_spelling_no_longer_link(db) -> None:
    _add(
        db,
        "Years front linked texas deny on says between obama is to have the.",
        "In his first TV interview as president, Obama said we should talk to Iran.",
    )
    assert link.relink_all(db).links == 0


def _random_corpus(seed: int, n: int) -> dict[int, str]:
    import random

    rng = random.Random(seed)
    words = (
        "missiles struck targets afghanistan india denied border army troops minister "
        "election votes budget taxes rates bank farmers water tariffs flooded highway "
        "rebels ceasefire talks pakistan claimed officials"
    ).split()
    return {
        i: " ".join(rng.choice(words) for _ in range(rng.choice([1, 2, 3, 5, 8, 13, 21, 34]))).capitalize()
        + "."
        for i in range(1, n + 1)
    }


@pytest.mark.parametrize("threshold", [30, 45, 70])
def test_blocking_finds_exactly_the_pairs_the_pre_filter_passes(threshold, monkeypatch) -> None:
    # statements of 1 to 21 words from a small vocabulary share 1 to 21 stems: every band of
    # partner weights, and every number of stems counted through pair keys, is exercised
    texts = _random_corpus(11, 160)
    shapes = prefilter._shapes(texts, texts, 1)
    every = {
        (a, b) for a in texts for b in texts if a < b and link.could_link(shapes[a], shapes[b], threshold)
    }
    assert len(every) > 100
    assert link.block_candidates(texts, shapes=shapes, threshold=threshold) == every
    focus = {3, 50, 77, 120}
    assert link.block_candidates(texts, shapes=shapes, focus=focus, threshold=threshold) == {
        p for p in every if set(p) & focus
    }
    # a few new statements among many: only they are indexed, everyone looks them up
    assert blocking._block_few(shapes, focus, threshold, 1)[0] == {p for p in every if set(p) & focus}
    monkeypatch.setattr(config, "PARALLEL_MIN", 1)
    assert link.block_candidates(texts, shapes=shapes, threshold=threshold, workers=2) == every
    assert blocking._block_few(shapes, focus, threshold, 2)[0] == {p for p in every if set(p) & focus}


def test_the_heaviest_partner_is_where_sharing_stops_being_enough() -> None:
    from tracker.judge import FULL_DICE

    def bound(shared: float, mine: float, theirs: float) -> float:
        dice = 2 * shared / (mine + theirs)
        edit = TOKEN_SET_WEIGHT + TOKEN_SORT_WEIGHT  # both edit-distance terms at their best
        return (DICE_WEIGHT * dice + CONTAINMENT_WEIGHT * shared / mine + edit) * min(1.0, dice / FULL_DICE)

    for shared, mine, share in [(1.3, 1.3, 0.44), (2.6, 6.0, 0.44), (5.0, 9.0, 0.489), (9.0, 9.0, 0.3)]:
        heaviest = prefilter._heaviest_partner(shared, mine, share)
        assert bound(shared, mine, heaviest) == pytest.approx(share, abs=1e-6)
        assert bound(shared, mine, heaviest * 1.01) < share
    assert prefilter._heaviest_partner(0.5, 10.0, 0.44) < 10.0  # too little shared for any partner


def test_the_prefix_holds_the_first_shared_stems_of_any_close_partner() -> None:
    order = [(0, 1.0), (1, 1.0), (2, 1.0), (3, 1.0), (4, 1.0)]
    # sharing 3 of 5: the first shared stem is among the first 3, the second among the first 4
    assert index._prefix(order, 3.0, 1) == [0, 1, 2]
    assert index._prefix(order, 3.0, 2) == [0, 1, 2, 3]
    assert index._prefix(order, 3.0, 3) == [0, 1, 2, 3, 4]
    assert index._prefix(order, 6.0, 1) == []  # no partner can share more than everything


def test_prefix_sizes_are_the_prefixes_lengths() -> None:
    import random

    rng = random.Random(5)
    for _ in range(300):
        order = [(rank, rng.choice([0.72, 1.08, 1.32, 1.56, 1.6])) for rank in range(rng.randint(0, 12))]
        need = rng.uniform(0, sum(w for _, w in order) + 1)
        assert index._prefix_sizes(order, need, 4) == [
            len(index._prefix(order, need, k)) for k in range(1, 5)
        ]


def test_passage_partners_are_the_same_in_one_process_and_two(monkeypatch) -> None:
    monkeypatch.setattr(config, "PARALLEL_MIN", 1)
    union = {
        i: frozenset(t.lower().rstrip(".").split())
        for i, t in enumerate([*OTHER, STRUCK, DENIED] * 3, start=1)
    }
    df = Counter(w for words in union.values() for w in words)
    weights = {i: (float(len(w)), float(len(w))) for i, w in union.items()}
    args = (union, df, list(union), None, 5, 8, 1000, weights)
    assert blocking._passage_partners(*args, workers=2) == blocking._passage_partners(*args, workers=1)


def test_relinking_reports_each_stage_to_the_end_and_counts_what_it_examined(db) -> None:
    _add(db, *CORPUS)
    seen: list[tuple[int, int, str]] = []
    stats = link.relink_all(db, progress=lambda done, total, stage: seen.append((done, total, stage)))
    stages = list(dict.fromkeys(stage for _, _, stage in seen))
    assert stages == ["finding candidates (1/2)", "finding candidates (2/2)", "judging pairs"]
    for stage in stages:
        done, total, _ = [step for step in seen if step[2] == stage][-1]
        assert done == total
    assert stats.candidates >= stats.judged >= stats.links > 0


def test_work_in_the_background_process_returns_its_result_or_raises_its_error() -> None:
    both = in_parallel(lambda: ({(1, 2), (3, 4)}, 7), lambda: ({(1, 2), (5, 6)}, 3))
    assert both == (({(1, 2), (3, 4)}, 7), ({(1, 2), (5, 6)}, 3))

    def fails() -> tuple[set[tuple[int, int]], int]:
        raise ValueError("index too large")

    with pytest.raises(RuntimeError, match="ValueError: index too large"):
        in_parallel(fails, lambda: (set(), 0))


def test_forked_workers_inherit_what_a_fan_out_shares_and_return_results_in_order() -> None:
    squares = {i: i * i for i in range(100)}
    chunks = [list(range(start, 100, 7)) for start in range(7)]

    def work(shared: dict[int, int], chunk: list[int]) -> list[int]:  # a closure: never pickled
        return [shared[i] for i in chunk]

    with fan_out(work, chunks, squares) as here:
        expected = list(here)
    with fan_out(work, chunks, squares, 2) as workers:
        assert list(workers) == expected
    with fan_out(work, chunks, squares, 2, ordered=False) as workers:
        assert sorted(map(tuple, workers)) == sorted(map(tuple, expected))
    assert expected[1][:2] == [1, 64]


def test_kept_workers_serve_every_batch_from_one_pool_started_by_the_first_sent_them() -> None:
    import os

    def work(seen: list[int], chunk: list[int]) -> tuple[int, int]:
        seen.extend(chunk)  # what a worker keeps from batch to batch
        return os.getpid(), len(seen)

    with kept_workers(work, [], 2) as kept:
        assert list(kept.map([[1], [2]], here=True)) == [(os.getpid(), 1), (os.getpid(), 2)]
        first = list(kept.map([[3, 4]] * 6))
        again = list(kept.map([[5]] * 6, here=True))  # started: `here` no longer keeps it here
    assert os.getpid() not in {pid for pid, _ in first + again}
    # the same workers served both batches, each keeping all it was sent: forked after the two
    # chunks done here, each worker's count grows from 2 by each chunk it took (2 then 1 items)
    last: dict[int, int] = {}
    for i, (pid, seen) in enumerate(first + again):
        assert seen == last.get(pid, 2) + (2 if i < 6 else 1)
        last[pid] = seen
    assert len(last) <= 2 and sum(n - 2 for n in last.values()) == 6 * 2 + 6 * 1


def test_a_pair_scored_from_its_shapes_is_judged_as_relate_judges_it_and_a_stale_score_is_ignored() -> None:
    from tracker.judge import relate, relate_scored
    from tracker.text import analyse_full

    texts = _linked_corpus(3, 60)
    shapes = prefilter._shapes(dict(enumerate(texts)), range(len(texts)), 1)
    compared = 0
    for i, a in enumerate(texts):
        for j, b in enumerate(texts):
            score = prefilter.link_score(shapes[i], shapes[j], 30.0)
            if score is None or score < 30.0 - prefilter.MARGIN:
                continue
            propositions = analyse_full(a).proposition, analyse_full(b).proposition
            expected = relate(a, b, related_threshold=30.0)
            assert relate_scored(a, b, 30.0, (*propositions, score)) == expected, (a, b)
            # propositions other than relate finds (an older analysis): their score is not used
            assert relate_scored(a, b, 30.0, ("old", propositions[1], 99.0)) == expected, (a, b)
            compared += 1
    assert compared > 300


def test_a_few_new_statements_among_many_link_as_a_full_relink_would(db, monkeypatch) -> None:
    texts = _random_corpus(11, 160)
    ids = _add(db, *texts.values())
    new = ids[-12:]  # under a tenth of the database, and (here) a batch
    monkeypatch.setattr(pipeline, "BATCH_MIN", 10)
    monkeypatch.setattr(config, "MAX_LINKS", 10**6)  # candidates alone: the bound is tested apart
    monkeypatch.setattr(config, "OVERSHADOW_MARGIN", math.inf)  # and so are overshadowed links
    used = []
    monkeypatch.setattr(blocking, "_block_few", lambda *a, **k: used.append(1) or _BLOCK_FEW(*a, **k))
    stats = link.link_new(db, new)
    assert used == [1] and stats.links > 0
    found = {(r["a_id"], r["b_id"], r["relation"]) for r in _links(db)}
    db.execute("DELETE FROM links")
    link.relink_all(db)
    expected = {
        (r["a_id"], r["b_id"], r["relation"]) for r in _links(db) if {r["a_id"], r["b_id"]} & set(new)
    }
    assert found == expected


_BLOCK_FEW = blocking._block_few


def test_a_statement_keeps_only_the_links_both_sides_count_among_their_strongest(db, monkeypatch) -> None:
    monkeypatch.setattr(config, "MAX_LINKS", 2)
    hub = "Officials said the new bridge over the river will reopen to traffic in May"
    near = [
        "Officials said the new bridge over the river will reopen to traffic in May next year",
        "Officials said the new bridge over the river will reopen to all traffic in May",
        "Officials said the bridge over the river will reopen to traffic in May",
        "The new bridge over the river will reopen to traffic in May, officials said",
    ]
    ids = _add(db, hub, *near)
    link.relink_all(db)
    rows = _links(db)
    per: dict[int, int] = {}
    for r in rows:
        per[r["a_id"]] = per.get(r["a_id"], 0) + 1
        per[r["b_id"]] = per.get(r["b_id"], 0) + 1
    assert len(rows) >= 2 and max(per.values()) <= 2 and set(per) <= set(ids)
    monkeypatch.setattr(config, "MAX_LINKS", 10**6)
    assert len(link.relink_all(db).stored and _links(db)) == 10  # unbounded: every pair of the five


def _events(seed: int, n: int) -> list[str]:
    """Statements of one actor in one place doing different things: relate refuses many of
    their pairs (two events in one setting) whatever their score."""
    import random

    rng = random.Random(seed)
    actors = ["Pakistan", "India", "The governor", "The senator"]
    acts = [
        "shelled villages",
        "held elections",
        "built new schools",
        "opened a bridge",
        "vetoed the budget",
        "pardoned two prisoners",
        "signed a trade deal",
        "closed the border",
    ]
    settings = ["in Kashmir", "in Texas", "in Lahore in May", "in Ohio on Friday"]
    return [f"{rng.choice(actors)} {rng.choice(acts)} {rng.choice(settings)}." for _ in range(n)]


def _linked_corpus(seed: int, n: int) -> list[str]:
    """Random statements sharing vocabulary, the corpus above, statements of other events in
    one setting, and two passages (judged by sentence: only relate scores a pair with one)."""
    passage = " ".join(CORPUS[4:10]) + " " + " ".join(CORPUS[4:8])
    other_passage = " ".join(reversed(CORPUS[6:])) + " Officials said more would follow."
    return [*_random_corpus(seed, n).values(), *CORPUS, *_events(seed, n // 4), passage, other_passage]


def _whole(db) -> set[tuple[int, int, str, float, str, str]]:  # type: ignore[no-untyped-def]
    """Linking as it was before ranking streamed: judge every candidate, keep the strongest."""
    texts = pipeline._texts(db)
    shapes = prefilter._shapes(texts, texts, 1, pipeline._propositions(db))
    limits = config.thresholds(db)
    pairs = sorted(link.block_candidates(texts, shapes=shapes, threshold=limits.suggest))
    found, _ = pipeline._judge(pairs, texts, limits, None, shapes=shapes)
    return {
        (
            a,
            b,
            j.relation.value,
            j.score,
            status.value,
            json.dumps(j.to_dict()["reasons"], ensure_ascii=False),
        )
        for a, b, j, status in pipeline.shaded(pipeline.strongest(found), limits)
    }


def _stored(db) -> set[tuple[int, int, str, float, str, str]]:  # type: ignore[no-untyped-def]
    return {tuple(r) for r in db.execute("SELECT a_id, b_id, relation, score, status, reasons FROM links")}


def test_the_score_computed_from_shapes_is_relates_and_only_a_pair_sharing_an_event_lead_is_refused() -> None:
    from tracker.judge import relate

    texts = _linked_corpus(5, 120)
    leads: dict[int, prefilter.Lead] = {}
    shapes = prefilter._shapes(dict(enumerate(texts)), range(len(texts)), 1, None, leads)
    scored = refused = 0
    for i, a in enumerate(texts):
        for j, b in enumerate(texts):
            score = prefilter.link_score(shapes[i], shapes[j], 30.0)
            judgement = relate(a, b, related_threshold=30.0)
            if shapes[j][1]:
                assert score is None
            elif judgement.score >= 30.0:
                # a short pair reaching the threshold is stored at the same score, or refused as
                # two events in one setting, which only a pair sharing an event lead can be
                assert score == judgement.score, (a, b)
                if judgement.relation not in pipeline._STORED:
                    assert [r.code for r in judgement.reasons[:1]] in (["event"], ["name"]), (a, b)
                    assert prefilter.could_refuse(leads[i], leads[j]), (a, b)
                    refused += 1
                scored += 1
            else:
                assert score == 0.0 or score == judgement.score, (a, b)
    assert scored > 500 and refused > 20


def test_event_leads_are_the_opening_informative_word_of_proposition_and_text() -> None:
    lead = prefilter._prepared("India struck Lahore on Monday.", None, leads=True)[1]
    assert lead == prefilter._prepared("India's cricket team won in Lahore.", None, leads=True)[1]
    assert lead is not None and lead[0] is not None and lead[0].split()[0] == "country:india"
    # a title's capitals say nothing of names: relate never refuses it as another event
    assert prefilter._prepared("Scorpion Stings Woman On Plane", None, leads=True)[1] is None
    other = prefilter._prepared("Rain fell on Lahore.", None, leads=True)[1]
    assert not prefilter.could_refuse(None, None) and not prefilter.could_refuse(lead, other)


def test_claims_that_open_with_names_of_one_kind_can_be_refused_and_only_they() -> None:
    """relate-7 calls "Route 9 is closed" / "Route 4 is closed" two things (`name`), however
    many words they share: the ranked relink must know such a pair can be refused."""
    from tracker.judge import relate

    route9, route4, platform9, platform4 = (
        prefilter._prepared(text, None, leads=True)[1]
        for text in (
            "Route 9 is closed to traffic",
            "Route 4 is closed to traffic",
            "The night train leaves from platform 9",
            "The night train leaves from platform 4",
        )
    )
    assert (
        relate("Route 9 is closed to traffic", "Route 4 is closed to traffic").relation is Relation.UNRELATED
    )
    assert route9 is not None and route9[1] == frozenset({"route"})
    assert prefilter.could_refuse(route9, route4)
    # a name later in the claim fills a part: relate contradicts, it does not refuse
    assert (
        relate("The night train leaves from platform 9", "The night train leaves from platform 4").relation
        is Relation.CONTRADICTS
    )
    assert platform9 is not None and platform9[1] == frozenset() == (platform4 or (None, None))[1]


@pytest.mark.parametrize("k", [1, 3, 12])
def test_streamed_relinking_keeps_exactly_the_links_judging_every_pair(db, monkeypatch, k) -> None:
    _add(db, *_linked_corpus(7, 200))
    monkeypatch.setattr(config, "MAX_LINKS", k)
    expected = _whole(db)
    stats = link.relink_all(db)
    assert _stored(db) == expected and len(expected) > 30 * k**0.5
    # the kept links, the pairs with a passage and some relate could refuse were judged:
    # fewer pairs than judging every candidate
    every = len(_judged_whole(db))
    assert stats.links == len(expected) <= stats.judged < every


def _judged_whole(db) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    texts = pipeline._texts(db)
    shapes = prefilter._shapes(texts, texts, 1)
    return [
        p
        for p in link.block_candidates(texts, shapes=shapes)
        if link.could_link(shapes[p[0]], shapes[p[1]], link.DEFAULT_SUGGEST)
    ]


def test_streamed_relinking_in_workers_keeps_the_same_links(db, monkeypatch) -> None:
    _add(db, *_linked_corpus(8, 200))
    monkeypatch.setattr(config, "MAX_LINKS", 3)
    monkeypatch.setattr(config, "PARALLEL_MIN", 1)
    expected = _whole(db)
    link.relink_all(db, workers=2)
    assert _stored(db) == expected and len(expected) > 60


def _doubt(monkeypatch, rescore: bool) -> None:  # type: ignore[no-untyped-def]
    """Linking judges by a judge that refuses many pairs the shapes score as stored (and, with
    `rescore`, scores others lower), whether it is given their score or not."""
    from tracker.judge import Scored, relate, relate_scored

    def doubted(a: str, b: str, judgement: Judgement) -> Judgement:
        if judgement.score >= 30 and len(a + b) % 3 == 0:
            return Judgement(Relation.UNRELATED, judgement.score, judgement.reasons)
        if rescore and judgement.score >= 30 and len(a + b) % 3 == 1:
            return Judgement(judgement.relation, max(30.0, round(judgement.score - 20, 1)), judgement.reasons)
        return judgement

    def judge(a: str, b: str, *, related_threshold: float | None = None) -> Judgement:
        return doubted(a, b, relate(a, b, related_threshold=related_threshold))

    def judge_scored(a: str, b: str, threshold: float, scored: Scored) -> Judgement:
        return doubted(a, b, relate_scored(a, b, threshold, scored))

    monkeypatch.setattr(pipeline, "relate", judge)
    monkeypatch.setattr(pipeline, "relate_scored", judge_scored)


def test_streamed_relinking_where_relate_refuses_many_pairs_keeps_the_same_links(db, monkeypatch) -> None:
    _add(db, *_linked_corpus(9, 200))
    monkeypatch.setattr(config, "MAX_LINKS", 3)
    monkeypatch.setattr(ranking, "MAYBE_CAP", 1)  # refusals run past what is held: whole rankings are made
    _doubt(monkeypatch, rescore=False)
    monkeypatch.setattr(pipeline, "could_refuse", lambda a, b: True)  # this judge refuses anything
    expected = _whole(db)
    made = []
    whole = pipeline._whole_rankings
    monkeypatch.setattr(pipeline, "_whole_rankings", lambda *a: made.append(a[1]) or whole(*a))
    stats = link.relink_all(db)
    assert _stored(db) == expected and len(expected) > 40
    assert made and stats.judged < len(_judged_whole(db))  # some rankings made whole, not all judged


@pytest.mark.parametrize("refusable", [True, False])
def test_when_relate_disagrees_with_the_shapes_every_candidate_is_judged(db, monkeypatch, refusable) -> None:
    # another score than the shapes', or a refusal where no event lead joins the pair: the
    # ranking cannot be trusted, and relinking judges every candidate as it did before
    _add(db, *_linked_corpus(9, 200))
    monkeypatch.setattr(config, "MAX_LINKS", 3)
    _doubt(monkeypatch, rescore=refusable)
    monkeypatch.setattr(pipeline, "could_refuse", lambda a, b: refusable)
    expected = _whole(db)
    stats = link.relink_all(db)
    assert _stored(db) == expected and len(expected) > 40
    assert stats.judged > len(_judged_whole(db))  # the ranked pairs, then every candidate


def test_settling_rankings_keeps_what_ranking_the_whole_list_of_stored_links_keeps() -> None:
    import random

    rng = random.Random(4)
    candidates = {
        ranking.pack(a, b): round(rng.uniform(30, 100), 1)
        for a in range(1, 80)
        for b in range(a + 1, 80)
        if rng.random() < 0.3
    }
    # ties: the other statement's id decides
    candidates[ranking.pack(1, 2)] = candidates[ranking.pack(1, 3)] = candidates[ranking.pack(2, 3)] = 100.0
    refusable = {code for code in candidates if rng.random() < 0.4}
    refused = {code for code in refusable if rng.random() < 0.5}
    stored = [(c >> 32, c & ranking.LOW, s) for c, s in candidates.items() if c not in refused]
    for k, cap in ((4, 64), (4, 2), (1, 1), (12, 64), (12, 3)):
        expected = ranking.strongest_pairs(stored, k)
        top = ranking.Ranking(k, cap)
        offers = list(candidates.items())
        rng.shuffle(offers)
        for code, score in offers + offers[:50]:  # a pair offered twice changes nothing
            top.offer(code >> 32, code & ranking.LOW, score, code in refusable)
        rankings, verdicts, judged, wholes = top.rankings(), {}, set(), 0
        settler = ranking.Settler(rankings, top.cut, k, verdicts, refusable.__contains__)
        while True:
            kept, todo, short = ranking.settle(rankings, top.cut, k, verdicts, refusable.__contains__)
            assert settler.settle() == (kept, todo, short)  # redoing only what changed settles the same
            todo |= kept - verdicts.keys()
            for sid in short:  # the whole ranking of a statement its cut ranking cannot settle
                rankings[sid] = sorted(
                    (ranking.key(s, b if a == sid else a) for (a, b, s) in stored if sid in (a, b)),
                    reverse=True,
                )
                top.cut.pop(sid, None)
                wholes += 1
            if not todo and not short:
                break
            verdicts.update({code: None if code in refused else candidates[code] for code in todo})
            judged |= todo
        assert kept == expected and len(expected) > 10, (k, cap)
        # judged: the links kept and pairs relate could refuse, not every candidate
        assert kept <= judged and judged - kept <= refusable and len(judged) < len(candidates)
        assert (wholes > 0) == (cap < 64), (k, cap)


# --- overshadowed links: a side taken far below what both statements say elsewhere

VETO = "The governor vetoed the school budget bill in Ohio on Friday."
VETO_AGAIN = "On Friday the governor vetoed the school budget bill in Ohio."
PAY = "The school budget bill in Ohio will raise teacher pay by ten percent."
NOT_PAY = "It is false that the school budget bill in Ohio will raise teacher pay by ten percent."


def _relations(db) -> dict[tuple[int, int], tuple[str, float, str]]:  # type: ignore[no-untyped-def]
    return {
        (a, b): (relation, score, json.loads(reasons)[0]["code"])
        for a, b, relation, score, reasons in db.execute(
            "SELECT a_id, b_id, relation, score, reasons FROM links"
        )
    }


def test_a_link_far_below_the_strongest_of_both_its_statements_is_overshadowed() -> None:
    assert config.OVERSHADOW_MARGIN == 20.0
    links = [(1, 2, 95.0), (3, 4, 92.0), (1, 3, 40.0), (2, 5, 40.0), (1, 4, 72.1)]
    # (2, 5): statement 5 has nothing stronger; (1, 4): 72.1 is not more than 20 below 92
    assert pipeline.overshadowed(links) == {(1, 3): (95.0, 92.0)}
    # a statement's strongest stored link counts though it is not among those given
    assert pipeline.overshadowed(links, {5: 80.0}) == {(1, 3): (95.0, 92.0), (2, 5): (95.0, 80.0)}


def test_relinking_stores_an_overshadowed_side_as_related_and_says_which_it_was(db) -> None:
    veto, again, pay, not_pay = _add(db, VETO, VETO_AGAIN, PAY, NOT_PAY)
    link.relink_all(db)
    assert _relations(db) == {
        (veto, again): ("agrees", 100.0, "similarity"),
        (pay, not_pay): ("contradicts", 97.4, "denial"),
        (veto, pay): ("related", 50.2, "overshadowed"),
        (veto, not_pay): ("related", 46.9, "overshadowed"),
        (again, pay): ("related", 50.2, "overshadowed"),
        (again, not_pay): ("related", 46.9, "overshadowed"),
    }
    reasons = db.execute("SELECT reasons FROM links WHERE a_id = ? AND b_id = ?", [veto, not_pay]).fetchone()[
        0
    ]
    assert json.loads(reasons) == [
        {
            "code": "overshadowed",
            "detail": "contradicts at 47, far below the strongest links of both statements (100, 97)",
        },
        {"code": "denial", "detail": "'false' in b", "side": "b", "span": [6, 11]},
        {"code": "similarity", "detail": "47/100"},
    ]
    assert db.execute("SELECT DISTINCT status FROM links WHERE relation = 'related'").fetchall() == [
        ("suggested",)
    ]


def test_a_statement_with_no_stronger_link_keeps_its_side_however_weak(db) -> None:
    veto, again, pay = _add(db, VETO, VETO_AGAIN, PAY)
    link.relink_all(db)
    assert _relations(db) == {
        (veto, again): ("agrees", 100.0, "similarity"),
        (veto, pay): ("agrees", 50.2, "similarity"),
        (again, pay): ("agrees", 50.2, "similarity"),
    }


def test_new_links_overshadow_the_stored_ones_they_outrank_as_a_relink_does(db) -> None:
    veto, pay = _add(db, VETO, PAY)
    assert link.link_new(db, [veto, pay]).stored == {"agrees": 1}
    again, not_pay = _add(db, VETO_AGAIN, NOT_PAY)
    stats = link.link_new(db, [again, not_pay])
    # the new statements' two links to the other claim are counted as what they are stored as
    assert stats.stored == {"agrees": 1, "contradicts": 1, "related": 3}
    added = _relations(db)
    assert added[(veto, pay)] == ("related", 50.2, "overshadowed")  # stored before, overshadowed now
    link.relink_all(db)
    assert _relations(db) == added


def test_a_side_a_person_confirmed_is_never_overshadowed(db) -> None:
    veto, pay = _add(db, VETO, PAY)
    link.link_new(db, [veto, pay])
    confirmed = db.execute("SELECT id FROM links").fetchone()[0]
    link.confirm_link(db, confirmed, by="ana")
    link.link_new(db, _add(db, VETO_AGAIN, NOT_PAY))
    link.relink_all(db)
    assert db.execute("SELECT relation, status FROM links WHERE id = ?", [confirmed]).fetchone() == (
        "agrees",
        "confirmed",
    )


def test_a_statement_that_joined_a_claim_through_a_side_now_overshadowed_is_attached_again(db) -> None:
    veto, pay = _add(db, VETO, PAY)
    link.link_new(db, [veto, pay])
    again, not_pay = _add(db, VETO_AGAIN, NOT_PAY)
    link.link_new(db, [again, not_pay])
    rows = db.execute(
        "SELECT c.text, cs.statement_id, cs.stance, cs.founder FROM claim_statements cs"
        " JOIN claims c ON c.id = cs.claim_id ORDER BY cs.claim_id, cs.statement_id"
    ).fetchall()
    # PAY no longer supports the veto claim, which it joined through the link now overshadowed:
    # it founds its own, as a relink has it, and the negated copy of it denies that claim
    assert rows == [
        (VETO, veto, "supports", 1),
        (VETO, again, "supports", 0),
        (PAY, pay, "supports", 1),
        (PAY, not_pay, "denies", 0),
    ]
    link.relink_all(db)
    assert (
        db.execute(
            "SELECT c.text, cs.statement_id, cs.stance, cs.founder FROM claim_statements cs"
            " JOIN claims c ON c.id = cs.claim_id ORDER BY cs.claim_id, cs.statement_id"
        ).fetchall()
        == rows
    )


def test_a_rejected_link_overshadows_nothing_in_a_relink_as_when_statements_are_added(db) -> None:
    veto, again = _add(db, VETO, VETO_AGAIN)
    link.link_new(db, [veto, again])
    link.reject_link(db, db.execute("SELECT id FROM links").fetchone()[0], by="ana")
    for text in (PAY, NOT_PAY):
        link.link_new(db, _add(db, text))
    pay, not_pay = veto + 2, veto + 3
    added = _relations(db)
    assert added[(veto, pay)] == ("agrees", 50.2, "similarity")  # the rejected 100 is no link
    assert added[(again, not_pay)] == ("contradicts", 46.9, "denial")
    link.relink_all(db)
    assert _relations(db) == added


def test_rejecting_the_link_that_overshadowed_others_gives_them_back_their_side_as_a_relink_does(db) -> None:
    veto, again, pay, not_pay = _add(db, VETO, VETO_AGAIN, PAY, NOT_PAY)
    link.link_new(db, [veto, again, pay, not_pay])
    assert _relations(db)[(veto, pay)] == ("related", 50.2, "overshadowed")
    copy = db.execute("SELECT id FROM links WHERE a_id = ? AND b_id = ?", [veto, again]).fetchone()[0]
    link.reject_link(db, copy, by="ana")
    rejected = _relations(db)
    assert rejected == {
        (veto, again): ("agrees", 100.0, "similarity"),  # rejected, as it was
        (pay, not_pay): ("contradicts", 97.4, "denial"),
        (veto, pay): ("agrees", 50.2, "similarity"),
        (veto, not_pay): ("contradicts", 46.9, "denial"),
        (again, pay): ("agrees", 50.2, "similarity"),
        (again, not_pay): ("contradicts", 46.9, "denial"),
    }
    statuses = db.execute("SELECT a_id, b_id, status FROM links WHERE a_id = ? AND b_id = ?", [veto, pay])
    assert statuses.fetchall() == [(veto, pay, "suggested")]
    claims = db.execute(
        "SELECT claim_id, statement_id, stance FROM claim_statements ORDER BY statement_id"
    ).fetchall()
    link.relink_all(db)
    assert _relations(db) == rejected
    assert (
        db.execute(
            "SELECT claim_id, statement_id, stance FROM claim_statements ORDER BY statement_id"
        ).fetchall()
        == claims
    )


def _claim_sides(db) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return db.execute(
        "SELECT claim_id, statement_id, stance FROM claim_statements ORDER BY claim_id, statement_id"
    ).fetchall()


def test_deleting_the_statement_whose_link_overshadowed_others_gives_them_back_their_side(db) -> None:
    from tracker.store.corrections import delete_statement, restore_statement

    veto, again, pay, not_pay = _add(db, VETO, VETO_AGAIN, PAY, NOT_PAY)
    link.link_new(db, [veto, again, pay, not_pay])
    shaded, shaded_sides = _relations(db), _claim_sides(db)
    assert shaded[(veto, pay)] == ("related", 50.2, "overshadowed")
    delete_statement(db, again, by="ana")
    # VETO's strongest link (to its copy) went with the copy: its links take their side again
    assert _relations(db) == {
        (pay, not_pay): ("contradicts", 97.4, "denial"),
        (veto, pay): ("agrees", 50.2, "similarity"),
        (veto, not_pay): ("contradicts", 46.9, "denial"),
    }
    deleted, deleted_sides = _relations(db), _claim_sides(db)
    link.relink_all(db)
    assert (_relations(db), _claim_sides(db)) == (deleted, deleted_sides)  # as a relink has it

    restore_statement(db, again, by="ana")
    # the copy's link is back, and overshadows them again, as before the deletion
    assert _relations(db) == shaded
    assert db.execute("SELECT DISTINCT status FROM links WHERE relation = 'related'").fetchall() == [
        ("suggested",)
    ]
    restored_sides = _claim_sides(db)
    link.relink_all(db)
    assert (_relations(db), _claim_sides(db)) == (shaded, restored_sides)
    assert restored_sides == shaded_sides


def test_undoing_the_rejection_of_an_overshadowing_link_overshadows_the_others_again(db) -> None:
    veto, again, pay, not_pay = _add(db, VETO, VETO_AGAIN, PAY, NOT_PAY)
    link.link_new(db, [veto, again, pay, not_pay])
    shaded, sides = _relations(db), _claim_sides(db)
    copy = db.execute("SELECT id FROM links WHERE a_id = ? AND b_id = ?", [veto, again]).fetchone()[0]
    before = link.link_decision(db, copy)
    link.reject_link(db, copy, by="ana")
    assert _relations(db)[(veto, pay)] == ("agrees", 50.2, "similarity")
    link.restore_link(db, copy, before)
    assert _relations(db) == shaded
    assert db.execute("SELECT status, reviewed_at FROM links WHERE id = ?", [copy]).fetchone() == (
        "confirmed",  # as tracker had stored it: sure enough
        None,
    )
    assert _claim_sides(db) == sides
    link.relink_all(db)
    assert (_relations(db), _claim_sides(db)) == (shaded, sides)


def test_a_new_link_that_bounds_away_a_statements_strongest_gives_its_overshadowed_links_their_side(
    db, monkeypatch
) -> None:
    # 2's strongest link (to 1, 60) kept its link to 3 (35) related: 35 is more than 20 below
    # both 60 and 3's own strongest (90). A new statement 5 takes 1's only place (MAX_LINKS 1):
    # the link 1-2 goes, and 2-3 is 2's strongest now, no longer overshadowed.
    a, b, c, d = _add(db, "one", "two", "three", "four")
    similarity = Reason("similarity", "x/100")
    shaded = pipeline._overshadow(Judgement(Relation.AGREES, 35.0, (similarity,)), (60.0, 90.0))
    rows = [
        (a, b, Judgement(Relation.AGREES, 60.0, (similarity,))),
        (b, c, shaded),
        (c, d, Judgement(Relation.AGREES, 90.0, (similarity,))),
    ]
    for x, y, judgement in rows:
        data = judgement.to_dict()
        db.execute(
            "INSERT INTO links (a_id, b_id, relation, score, reasons, status, engine, created_at)"
            " VALUES (?, ?, ?, ?, ?, 'suggested', 'test', '2025-01-01')",
            [x, y, data["relation"], data["score"], json.dumps(data["reasons"])],
        )
    db.conn.commit()
    (new,) = _add(db, "five")
    monkeypatch.setattr(config, "MAX_LINKS", 1)
    monkeypatch.setattr(pipeline, "_pairs_for", lambda *args: ({(a, new)}, None))
    strong = Judgement(Relation.AGREES, 95.0, (similarity,))
    monkeypatch.setattr(
        pipeline, "_judge", lambda *args, **kw: ([(a, new, strong, ReviewStatus.SUGGESTED)], 1)
    )
    stats = link.link_new(db, [new])
    assert stats.removed == 1
    assert _relations(db) == {
        (b, c): ("agrees", 35.0, "similarity"),
        (c, d): ("agrees", 90.0, "similarity"),
        (a, new): ("agrees", 95.0, "similarity"),
    }


@pytest.mark.parametrize(
    "reasons",
    [
        (),
        (Reason("similarity", "87/100"),),
        (Reason("denial", "'denied' in b", "b", (6, 12)), Reason("number", "'12' vs 'twelve'", None, (0, 2))),
        (Reason("hedge", "'reportedly' in a", "a"), Reason("place", "'Lahore' in a vs 'Karachi' in b")),
    ],
)
def test_links_reasons_are_written_as_the_judgements_dict_says_them(reasons) -> None:  # type: ignore[no-untyped-def]
    judgement = Judgement(Relation.CONTRADICTS, 72.0, reasons)
    expected = json.dumps(judgement.to_dict()["reasons"], ensure_ascii=False)
    assert pipeline._reasons_json(judgement.reasons) == expected


def test_editing_away_the_words_whose_link_overshadowed_others_gives_them_back_their_side(db) -> None:
    from tracker.store.corrections import edit_statement, relink

    veto, again, pay, not_pay = _add(db, VETO, VETO_AGAIN, PAY, NOT_PAY)
    link.link_new(db, [veto, again, pay, not_pay])
    assert _relations(db)[(veto, pay)] == ("related", 50.2, "overshadowed")
    edit_statement(db, again, text=OTHER[1], by="ana")
    relink(db, again)
    # VETO's strongest link (to its copy) went with the copy's words: its links take their side
    # again, and the copy, linked to nothing now, founds a claim of its own
    assert _relations(db) == {
        (pay, not_pay): ("contradicts", 97.4, "denial"),
        (veto, pay): ("agrees", 50.2, "similarity"),
        (veto, not_pay): ("contradicts", 46.9, "denial"),
    }
    assert _claim_sides(db) == [
        (1, veto, "supports"),
        (2, pay, "supports"),
        (2, not_pay, "denies"),
        (3, again, "supports"),
    ]
    edited, sides = _relations(db), _claim_sides(db)
    link.relink_all(db)
    assert (_relations(db), _claim_sides(db)) == (edited, sides)  # as a relink has it


def test_editing_without_relinking_gives_the_neighbours_links_back_their_side(db) -> None:
    from tracker.store.corrections import drop_stale_links, edit_statement

    veto, again, pay, not_pay = _add(db, VETO, VETO_AGAIN, PAY, NOT_PAY)
    link.link_new(db, [veto, again, pay, not_pay])
    edit_statement(db, again, text=OTHER[1], by="ana")
    assert drop_stale_links(db, again) == 3
    assert _relations(db) == {
        (pay, not_pay): ("contradicts", 97.4, "denial"),
        (veto, pay): ("agrees", 50.2, "similarity"),
        (veto, not_pay): ("contradicts", 46.9, "denial"),
    }
    assert [side for side in _claim_sides(db) if side[1] == again] == []  # attached at the next link


def test_editing_away_the_words_a_claim_was_joined_through_takes_the_other_side_off_it(db) -> None:
    from tracker.store.corrections import edit_statement, relink

    founder, joined = _add(
        db,
        "Crews closed the leaking valve at the fertiliser plant.",
        "Crews closed the leaking valve at the plant.",
    )
    link.link_new(db, [founder, joined])
    assert _claim_sides(db) == [(1, founder, "supports"), (1, joined, "supports")]
    edit_statement(db, founder, text=OTHER[1], by="ana")
    relink(db, founder)
    assert _relations(db) == {}
    # the side rested on the link that went: the other statement now founds a claim of its own
    assert _claim_sides(db) == [(1, founder, "supports"), (2, joined, "supports")]
    sides = _claim_sides(db)
    link.relink_all(db)
    assert _claim_sides(db) == sides  # as a relink has it


AGREES_50 = ("agrees", 50.2, "similarity")


def _injected(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise RuntimeError("injected: the re-attachment failed")


@pytest.mark.parametrize("change", ["delete", "restore", "reject", "undo", "edit"])
def test_a_failure_while_reattaching_claims_leaves_nothing_of_the_change_written(
    db, monkeypatch, change
) -> None:
    import tracker.claims
    from tracker.store.corrections import (
        delete_statement,
        drop_stale_links,
        edit_statement,
        restore_statement,
    )

    veto, again, pay, not_pay = _add(db, VETO, VETO_AGAIN, PAY, NOT_PAY)
    link.link_new(db, [veto, again, pay, not_pay])
    copy = db.execute("SELECT id FROM links WHERE a_id = ? AND b_id = ?", [veto, again]).fetchone()[0]
    decision = link.link_decision(db, copy)
    if change == "restore":
        delete_statement(db, again, by="ana")
    if change == "undo":
        link.reject_link(db, copy, by="ana")
    if change == "edit":
        edit_statement(db, again, text=OTHER[1], by="ana")
    before = list(db.conn.iterdump())
    monkeypatch.setattr(tracker.claims, "reattach", _injected)
    run = {
        "delete": lambda: delete_statement(db, again, by="ana"),
        "restore": lambda: restore_statement(db, again, by="ana"),
        "reject": lambda: link.reject_link(db, copy, by="ana"),
        "undo": lambda: link.restore_link(db, copy, decision),
        "edit": lambda: drop_stale_links(db, again),
    }[change]
    with pytest.raises(RuntimeError, match="injected"):
        run()
    assert not db.conn.in_transaction
    assert list(db.conn.iterdump()) == before  # not the deletion, its audit record, nor a link's side
    monkeypatch.undo()
    run()  # and once it works, the change is made whole
    shaded = ("related", 50.2, "overshadowed")
    side = {"delete": AGREES_50, "restore": shaded, "reject": AGREES_50, "undo": shaded, "edit": AGREES_50}
    assert _relations(db)[(veto, pay)] == side[change]


def test_an_added_statements_candidates_are_shaped_from_their_stored_propositions_as_analysis_shapes_them(
    db, monkeypatch
) -> None:
    texts = [
        DENIED,
        "Officials said that Indian missiles struck targets in Afghanistan.",
        "Indian missiles did not strike targets in Afghanistan, the ministry said.",
        "Is it true that Indian missiles struck targets in Afghanistan?",
    ]
    stored = _add(db, *texts)
    (new,) = _add(db, STRUCK)
    every = pipeline._texts(db)
    propositions = pipeline._propositions(db, stored)
    assert prefilter._shapes(every, stored, 1, propositions) == prefilter._shapes(every, stored, 1)
    analysed: list[str] = []
    analyse_full = prefilter.analyse_full
    monkeypatch.setattr(prefilter, "analyse_full", lambda text: analysed.append(text) or analyse_full(text))
    stats = link.link_new(db, [new])
    assert analysed == [] and stats.links == 4  # nothing analysed again, and every link found
