"""The rules of relate-7 and relate-8, one phenomenon at a time: each judged with its first reason, beside a
near miss that the rule must leave alone. The words differ from the minimal pairs' on purpose."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from tracker.claim_analysis import relative_clauses
from tracker.judge import ENGINE_VERSION, relate
from tracker.migrations import migrations
from tracker.model import Relation
from tracker.parts import kindred_words, part_conflicts
from tracker.store.connection import open_db
from tracker.text import analyse, analyse_full, normalise


def judged(a: str, b: str) -> tuple[Relation, str]:
    judgement = relate(a, b)
    return judgement.relation, str(judgement.reasons[0])


def test_the_engine_is_relate_10() -> None:
    assert ENGINE_VERSION == "relate-10"


# ---------------------------------------------------------------- negation bears on its own claim


@pytest.mark.parametrize(
    ("a", "b", "relation", "first_reason"),
    [
        (
            "The nurses are not asking for a bonus",
            "The nurses are asking for overtime",
            Relation.RELATED,
            "patient: 'bonus' in a vs 'overtime' in b",
        ),
        (
            "Chile did not sell lithium to Korea",
            "Chile sold cobalt to Korea",
            Relation.RELATED,
            "patient: 'lithium' in a vs 'cobalt' in b",
        ),
        (
            "The militia didn't burn the school in Ituri",
            "The militia burned the clinic in Ituri",
            Relation.RELATED,
            "patient: 'school' in a vs 'clinic' in b",
        ),
    ],
)
def test_a_negation_of_one_thing_does_not_contradict_another(
    a: str, b: str, relation: Relation, first_reason: str
) -> None:
    assert judged(a, b) == (relation, first_reason)


@pytest.mark.parametrize(
    ("a", "b", "first_reason"),
    [
        (
            "The nurses are not asking for a bonus",
            "The nurses are asking for a bonus",
            "negation: 'not' in a",
        ),
        ("Chile did not sell lithium to Korea", "Chile sold lithium to Korea", "negation: 'not' in a"),
        ("The UN did not condemn the coup", "The UN condemned the coup", "negation: 'not' in a"),
    ],
)
def test_a_negation_of_the_same_claim_still_contradicts(a: str, b: str, first_reason: str) -> None:
    assert judged(a, b) == (Relation.CONTRADICTS, first_reason)


def test_a_name_after_the_is_no_relative_clause_that_hides_a_negation() -> None:
    """ "The WHO" is a name: the negation after it is the claim's."""
    assert analyse("The WHO has chosen not to renew the mandate").polarity.value == "deny"
    assert analyse("Aid reached the families who had not eaten").polarity.value == "affirm"


# ---------------------------------------------------------------- a verb swapped is no part refilled


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The lake in Bolivia dried up last year", "The lake in Bolivia vanished last year"),
        ("Insurgents overran the base in Mali", "Insurgents captured the base in Mali"),
        (
            "The judge in Lusaka denied bail to the banker",
            "The judge in Lusaka did not grant bail to the banker",
        ),
    ],
)
def test_two_verbs_for_one_act_agree(a: str, b: str) -> None:
    assert relate(a, b).relation is Relation.AGREES


def test_a_noun_refilled_after_the_verb_still_conflicts() -> None:
    assert judged("Insurgents overran the base in Mali", "Insurgents overran the town in Mali") == (
        Relation.CONTRADICTS,
        "patient: 'base' in a vs 'town' in b",
    )


def test_a_verb_swapped_is_not_a_part_conflict() -> None:
    assert part_conflicts("the lake dried up last year", "the lake vanished up last year") == ()


# ---------------------------------------------------------------- antonym families


@pytest.mark.parametrize(
    ("a", "b", "first_reason"),
    [
        (
            "The water pumps in Dhaka worked",
            "The water pumps in Dhaka failed",
            "antonym: 'worked' in a vs 'failed' in b",
        ),
        (
            "The president signed the budget",
            "The president vetoed the budget",
            "antonym: 'signed' in a vs 'vetoed' in b",
        ),
        (
            "Brazil will attend the climate talks",
            "Brazil will skip the climate talks",
            "antonym: 'attend' in a vs 'skip' in b",
        ),
        (
            "The rector resigned after the scandal",
            "The rector will stay on after the scandal",
            "antonym: 'resigned' in a vs 'stay' in b",
        ),
        (
            "The rebels accepted the offer",
            "The rebels declined the offer",
            "antonym: 'accepted' in a vs 'declined' in b",
        ),
        # verbs swapped are one act said two ways unless they are opposites
        (
            "The council approved the new stadium",
            "The council blocked the new stadium",
            "antonym: 'approved' in a vs 'blocked' in b",
        ),
        (
            "Peace talks in Doha collapsed",
            "Peace talks in Doha succeeded",
            "antonym: 'collapsed' in a vs 'succeeded' in b",
        ),
        (
            "Government troops captured the port",
            "Government troops lost the port",
            "antonym: 'captured' in a vs 'lost' in b",
        ),
        (
            "The judge granted the activist bail",
            "The judge refused the activist bail",
            "antonym: 'granted' in a vs 'refused' in b",
        ),
        (
            "Chile's economy grew last quarter",
            "Chile's economy shrank last quarter",
            "antonym: 'increase' in a vs 'decrease' in b",  # the concepts name them
        ),
    ],
)
def test_antonym_families_contradict(a: str, b: str, first_reason: str) -> None:
    assert judged(a, b) == (Relation.CONTRADICTS, first_reason)


def test_a_negated_antonym_agrees() -> None:
    assert judged("The judge refused the activist bail", "The judge did not grant the activist bail")[0] == (
        Relation.AGREES
    )


def test_a_denial_of_an_antonym_agrees() -> None:
    assert judged(
        "Engineers denied that the water pumps in Dhaka had failed", "The water pumps in Dhaka worked"
    ) == (
        Relation.AGREES,
        "denial: 'denied' in a",
    )


# ---------------------------------------------------------------- hedges


def test_a_hedge_word_both_claims_hold_is_their_topic() -> None:
    assert judged(
        "Seoul opened an investigation into the crash", "South Korea opened an investigation into the crash"
    ) == (
        Relation.AGREES,
        "similarity: 100/100",
    )


def test_a_hedge_word_only_one_side_holds_still_withholds_agreement() -> None:
    assert judged(
        "The crash killed nine people in Seoul",
        "An investigation found the crash killed nine people in Seoul",
    ) == (
        Relation.RELATED,
        "hedge: 'investigation' in b",
    )


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("The ferry, which could carry 400 people, sank off Sulawesi", None),
        ("The envoy, who may retire next year, flew to Doha", None),
        ("The ferry could sink off Sulawesi", "could"),
        ("The ferry, which sank off Sulawesi, may be raised", "may"),
    ],
)
def test_a_hedge_in_a_relative_clause_hedges_its_noun_not_the_claim(text: str, hedge: str | None) -> None:
    assert analyse(text).hedge == hedge


def test_relative_clauses_are_the_comma_clauses_of_who_and_which() -> None:
    norm = normalise("The ferry, which could carry 400 people, sank off Sulawesi")
    assert [norm[a:b] for a, b in relative_clauses(norm)] == [", which could carry 400 people"]


@pytest.mark.parametrize(
    ("a", "b", "first_reason"),
    [
        (
            "Police suspect the fire in Lagos was arson",
            "The fire in Lagos was arson",
            "hedge: 'suspect' in a",
        ),
        (
            "The talks are expected to resume in Geneva",
            "The talks resumed in Geneva",
            "hedge: 'are expected to' in a",
        ),
    ],
)
def test_a_suspicion_or_a_forecast_only_reports_the_claim(a: str, b: str, first_reason: str) -> None:
    assert judged(a, b) == (Relation.RELATED, first_reason)


def test_a_fear_reports_what_it_fears() -> None:
    assert judged(
        "Residents fear the levee near Basra has breached", "The levee near Basra has breached"
    ) == (
        Relation.RELATED,
        "hedge: 'fear' in a",
    )
    assert analyse_full("Ebola fears grow as the ward in Freetown closes").hedges == ()


def test_the_suspect_as_a_noun_hedges_nothing() -> None:
    assert analyse_full("The suspect was flown from Peru to Spain").hedges == ()


# ---------------------------------------------------------------- numbers that name


@pytest.mark.parametrize(
    ("a", "b", "relation", "first_reason"),
    [
        (
            "Terminal 2 at Changi is closed",
            "Terminal 3 at Changi is closed",
            Relation.UNRELATED,
            "name: 'terminal 2' in a vs 'terminal 3' in b",
        ),
        (
            "The express to Porto leaves from platform 6",
            "The express to Porto leaves from platform 2",
            Relation.CONTRADICTS,
            "name: 'platform 6' in a vs 'platform 2' in b",
        ),
        (
            "The express to Porto may leave from platform 6",
            "The express to Porto leaves from platform 2",
            Relation.RELATED,
            "name: 'platform 6' in a vs 'platform 2' in b",
        ),
    ],
)
def test_a_number_name_opening_both_claims_names_two_things_and_later_fills_a_part(
    a: str, b: str, relation: Relation, first_reason: str
) -> None:
    assert judged(a, b) == (relation, first_reason)


# ---------------------------------------------------------------- words of one root


def test_words_of_one_root_spelled_alike_are_two_things() -> None:
    assert (
        judged("The storm flooded the station in Hull", "The storm flooded the station in Hull")[0]
        is Relation.AGREES
    )
    assert kindred_words("the report blamed the police", "the report blamed the policy") == (
        "police",
        "policy",
    )
    assert judged("The fire gutted the capitol in Salem", "The fire gutted the capital in Salem") == (
        Relation.RELATED,
        "word: 'capitol' in a vs 'capital' in b",
    )


def test_words_of_two_lengths_are_left_to_the_parts() -> None:
    assert kindred_words("the award went to the universe", "the award went to the university") is None
    assert judged("The grenade hit the officer", "The grenade hit the office")[0] is Relation.CONTRADICTS


# ---------------------------------------------------------------- passives without an agent


def test_an_agentless_passive_swaps_no_roles() -> None:
    assert judged(
        "Only girls were admitted to the school in Herat", "The school in Herat admitted only girls"
    ) == (
        Relation.AGREES,
        "similarity: 90/100",
    )
    assert judged("Peru extradited the banker to Chile", "Chile extradited the banker to Peru") == (
        Relation.CONTRADICTS,
        "roles: 'peru' and 'chile' swap roles",
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "France killed the militant leader in a drone strike",
            "Militant leader killed in French drone strike",
        ),
        (
            "Kenya killed Ali Hassan Omar in an airstrike",
            "Rebel commander Ali Hassan Omar killed in Kenyan airstrike",
        ),
    ],
)
def test_a_headline_passive_without_its_auxiliary_swaps_no_roles(a: str, b: str) -> None:
    assert relate(a, b).relation is Relation.AGREES


@pytest.mark.parametrize(
    ("a", "b", "first_reason"),
    [
        (
            "Syrian troops killed the commander in Idlib",
            "The commander killed Syrian troops in Idlib",
            "roles: 'syria' and 'command' swap roles",
        ),
        (
            "Turkish forces captured the general near Afrin",
            "The general captured Turkish forces near Afrin",
            "roles: 'turkey' and 'general' swap roles",
        ),
    ],
)
def test_parties_swapped_before_a_shared_place_still_swap(a: str, b: str, first_reason: str) -> None:
    assert judged(a, b) == (Relation.CONTRADICTS, first_reason)


# ---------------------------------------------------------------- m012: stored hedges


def test_m012_derives_hedges_from_relative_clauses_again_and_keeps_what_a_person_set(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    old = Database(sqlite3.connect(path))
    migrations.apply(old, stop_before=["m012_hedges_outside_relative_clauses"])
    old.execute("INSERT INTO speakers (name, kind) VALUES ('Port Desk', 'organisation')")
    rows = [
        ("The ferry, which could carry 400 people, sank off Sulawesi", "could", "h1"),  # the old analysis
        (
            "The envoy, who may retire next year, said the ferry might sink",
            "may",
            "h2",
        ),  # "might" is the claim's
        ("The ferry sank off Sulawesi", "my note", "h3"),  # a person's
        ("The ferry could sink off Sulawesi", "could", "h4"),  # the claim's own hedge
        ("Divers suspect the ferry sank off Sulawesi", None, "h5"),  # "suspect" wraps the claim now
    ]
    for text, hedge, key in rows:
        old.execute(
            "INSERT INTO statements (text, speaker_id, kind, polarity, modality, proposition, hedge, content_hash) "
            "VALUES (?, 1, 'direct', 'affirm', 'assertion', ?, ?, ?)",
            [text, text.lower(), hedge, key],
        )
    old.conn.commit()
    old.conn.close()
    db = open_db(path)
    assert db.execute("SELECT hedge FROM statements ORDER BY id").fetchall() == [
        (None,),
        ("might",),
        ("my note",),
        ("could",),
        (None,),
    ]
    assert db.execute("SELECT proposition FROM statements WHERE id = 5").fetchone() == (
        "the ferry sank off sulawesi",
    )
