"""What relate-10 mends: a report that attempts, negotiates or weighs the act a claim says was
done, or passes it on ("said to", "reported to", a forecast, "possible"), discusses the claim
rather than agreeing with it. Each rule beside a near miss it must leave alone; the words
differ from the minimal pairs' on purpose."""

from __future__ import annotations

import pytest

from tracker.judge import relate
from tracker.model import Relation
from tracker.text import analyse


def judged(a: str, b: str) -> tuple[Relation, str]:
    judgement = relate(a, b)
    return judgement.relation, str(judgement.reasons[0])


# ---------------------------------------------------------------- attempts, talks, deliberation


@pytest.mark.parametrize(
    ("b", "first_reason"),
    [
        ("The brewer is trying to acquire the distillery", "modality: 'trying to' in b"),
        ("The brewer attempting to purchase the distillery", "modality: 'attempting to' in b"),
        ("The brewer in advanced talks to acquire the distillery", "modality: 'in advanced talks to' in b"),
        ("The brewer near a deal to acquire the distillery", "modality: 'near a deal to' in b"),
        ("The brewer weighing buying the distillery", "modality: 'weighing' in b"),
    ],
)
def test_an_attempt_at_the_claimed_act_only_discusses_it(b: str, first_reason: str) -> None:
    assert judged("The brewer acquired the distillery", b) == (Relation.RELATED, first_reason)


def test_an_attempt_at_another_act_leaves_the_claim_agreed() -> None:
    # "tried to calm investors" attempts calming, not the purchase the claim says was made
    assert judged(
        "The brewer acquired the distillery", "The brewer acquired the distillery and tried to calm investors"
    ) == (Relation.AGREES, "similarity: 82/100")


def test_a_noun_after_near_is_no_act_attempted() -> None:
    # "near the distillery" says where, not that an act is nearly done
    assert judged("The brewer acquired the distillery", "The brewer acquired land near the distillery") == (
        Relation.AGREES,
        "similarity: 87/100",
    )


def test_a_claim_that_is_itself_an_attempt_is_borne_out_by_the_act() -> None:
    # a's own attempt is its claim: b's firm report that the sale is under way bears it out
    assert judged(
        "The gang is trying to sell the stolen painting", "The gang is selling the stolen painting"
    ) == (
        Relation.AGREES,
        "similarity: 94/100",
    )
    # both attempting, in two words: they report one claim alike
    assert judged(
        "The gang is trying to sell the stolen painting", "The gang attempting to sell the stolen painting"
    ) == (Relation.AGREES, "similarity: 82/100")


def test_a_plan_says_what_a_claim_about_the_future_says() -> None:
    assert judged("The port will ban diesel trucks", "The port plans to ban diesel trucks") == (
        Relation.AGREES,
        "similarity: 94/100",
    )
    assert judged("The port will ban diesel trucks", "The port considering banning diesel trucks") == (
        Relation.RELATED,
        "modality: 'considering' in b",
    )


# ---------------------------------------------------------------- reportative and forecast hedges


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("The striker said to have signed for the club", "said to"),
        ("The striker reported to be joining the club", "reported to"),
        ("A video purports to show the striker signing", "purports to"),
        ("Scouts predict the striker will sign for the club", "predict"),
        ("Possible transfer of the striker to the club", "possible"),
        ("The striker signed for the club, says new report", "new report"),
        ("Shares rise on reports of the striker signing for the club", "on reports"),
        ("The striker signed for the club - report", "report"),
    ],
)
def test_reportative_and_forecast_words_hedge_a_claim(text: str, hedge: str) -> None:
    assert analyse(text).hedge == hedge
    assert judged("The striker signed for the club", text)[1] == f"hedge: '{hedge}' in b"


@pytest.mark.parametrize(
    "text",
    [
        "The striker said to reporters that he signed for the club",
        "The striker signed for the club as soon as possible",
        "The striker made possible a move to the club",
        "The striker signed for the club, contrary to report",
        "The striker signed for the club and asked for a progress report",
    ],
)
def test_said_to_someone_and_as_soon_as_possible_hedge_nothing(text: str) -> None:
    assert analyse(text).hedge is None


def test_said_to_before_a_verb_keeps_the_claim_whole() -> None:
    # relate-9 read "said" as a tail wrapper whose speaker was "to have resigned …", and kept
    # only "the minister" as the claim
    analysis = analyse("The minister is said to have resigned over the bribery case")
    assert (analysis.proposition, analysis.hedge) == (
        "the minister is said to have resigned over the bribery case",
        "is said to",
    )


# ---------------------------------------------------------------- m017


def test_m017_derives_propositions_and_the_engines_hedges_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from conftest import reanalysed

    rows: list[tuple[str, str, str | None]] = [
        # relate-8 hedged the claim with the modal of a restrictive relative clause
        ("Envoys warned of miscalculations that could spiral into a wider war", "x", "could"),
        # relate-9 cut "said to have …" down to its subject, and found no hedge
        ("The minister is said to have resigned over the bribery case", "the minister is", "is said to"),
        # a hedge a person set with `add --hedge`: not in the words, it stays
        ("The ferry sank off Sulawesi", "the ferry sank off sulawesi", "unconfirmed"),
        # not the first hedge of the words: the engine would have written "may"
        ("The deal may be off, sources said", "the deal may be off", "sources"),
        # a capitalised hedge is a person's, though the word is in the text
        ("Officials may close the port", "officials may close the port", "May"),
        # a hedge a person corrected with `edit` (in the audit trail) stays, though the
        # analysis would give none
        ("Envoys warned of miscalculations that could spiral into a wider war", "x", "could"),
    ]
    assert reanalysed(
        tmp_path / "old.db",
        "m017_reanalyse_relate10",
        ("Farah Naz", "person"),
        rows,
        columns="hedge, proposition",
        edited=(6,),
    ) == [
        (None, "could spiral into a wider war"),
        ("is said to", "the minister is said to have resigned over the bribery case"),
        ("unconfirmed", "the ferry sank off sulawesi"),
        ("sources", "the deal may be off"),
        ("May", "officials may close the port"),
        ("could", "could spiral into a wider war"),
    ]


def test_m017_records_each_hedge_it_changes_in_the_audit_trail(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from conftest import reanalysed
    from tracker.store.connection import open_db

    path = tmp_path / "old.db"
    reanalysed(
        path,
        "m017_reanalyse_relate10",
        ("Farah Naz", "person"),
        [
            ("Envoys warned of miscalculations that could spiral into a wider war", "x", "could"),
            ("The dam could fail", "the dam could fail", "could"),
        ],
    )
    rows = open_db(path).execute("SELECT by, action, statement_id, note, before, after FROM audit").fetchall()
    assert rows == [
        (
            "tracker",
            "reanalyse",
            1,
            "upgrade m017: the hedge derived again from the words (relate-10)",
            '{"hedge": "could"}',
            '{"hedge": null}',
        )
    ]
