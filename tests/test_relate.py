"""Unit tests for tracker.relate: each phenomenon has a pair that must hold and a near miss."""

import pytest

from tracker.judge import ENGINE_VERSION, relate, similarity
from tracker.model import Relation


def codes(judgement):
    return [reason.code for reason in judgement.reasons]


def test_engine_version_is_a_string():
    assert ENGINE_VERSION.startswith("relate-")


def test_seed_pair_denial_contradicts():
    j = relate(
        "Pakistan claimed Indian missiles struck targets in Afghanistan",
        "India strongly denied claims that its missiles had struck targets in Afghanistan, "
        "dismissing the allegations as false and baseless",
    )
    assert j.relation is Relation.CONTRADICTS
    assert codes(j)[0] == "denial"
    assert j.reasons[0].side == "b"
    assert j.reasons[0].detail == "'denied' in b"
    assert j.reasons[0].span == (15, 21)


def test_same_claim_agrees():
    j = relate("Pakistan requested a ceasefire on Saturday", "On Saturday Pakistan requested a ceasefire")
    assert j.relation is Relation.AGREES
    assert codes(j) == ["similarity"]


def test_said_passes_a_claim_on_as_made_and_agrees():
    j = relate("Pakistan requested a ceasefire", "Pakistan requested a ceasefire, officials said")
    assert (j.relation, codes(j)) == (Relation.AGREES, ["similarity"])


def test_a_reporting_verb_that_keeps_its_distance_is_related():
    j = relate("Pakistan requested a ceasefire", "Officials claimed that Pakistan requested a ceasefire")
    assert (j.relation, str(j.reasons[0])) == (Relation.RELATED, "hedge: 'claimed' in b")


def test_same_hedge_on_both_sides_agrees():
    j = relate("Pakistan reportedly requested a ceasefire", "Reportedly, Pakistan requested a ceasefire")
    assert j.relation is Relation.AGREES


def test_negation_contradicts():
    j = relate("Pakistan requested a ceasefire", "Pakistan did not request a ceasefire")
    assert j.relation is Relation.CONTRADICTS
    assert codes(j)[0] == "negation"


def test_negation_of_other_words_does_not_contradict():
    j = relate("Apple is buying Path", "Four reasons not to give up hope if Apple buys Path")
    assert j.relation is Relation.RELATED
    assert codes(j) == ["modality", "similarity"]  # "if Apple buys": b only supposes it


def test_negation_in_unrelated_clause_does_not_contradict():
    j = relate(
        "The army withdrew from the border",
        "The army withdrew from the border before talks that did not happen",
    )
    assert j.relation is Relation.AGREES


def test_double_negation_does_not_contradict():
    j = relate("The army withdrew from the border", "It is not untrue that the army withdrew from the border")
    assert j.relation is Relation.AGREES


def test_denial_wrapper_contradicts_and_its_near_miss_agrees():
    a = "Pakistan had requested a ceasefire"
    deny = relate(
        a, "Islamabad firmly refuted assertions by Indian media that Pakistan had requested a ceasefire"
    )
    assert deny.relation is Relation.CONTRADICTS
    assert codes(deny)[0] == "denial"
    confirm = relate(a, "Islamabad confirmed that Pakistan had requested a ceasefire")
    assert confirm.relation is Relation.AGREES


def test_hedge_makes_related_not_agrees():
    j = relate("Pakistan requested a ceasefire", "Pakistan reportedly requested a ceasefire")
    assert j.relation is Relation.RELATED
    assert codes(j)[0] == "hedge"


def test_attribution_without_endorsement_is_related():
    j = relate(
        "Indian missiles struck targets in Afghanistan",
        "Pakistan claimed Indian missiles struck targets in Afghanistan",
    )
    assert j.relation is Relation.RELATED
    assert "hedge" in codes(j)


def test_question_is_related():
    j = relate("The iPhone 6 pulls out hair", "Is the iPhone 6 pulling out your hair?")
    assert j.relation is Relation.RELATED


def test_conflicting_numbers_contradict_in_words_and_digits():
    j = relate("Pakistan shot down six Indian jets", "Pakistan shot down 3 Indian jets")
    assert j.relation is Relation.CONTRADICTS
    assert "number" in codes(j)


@pytest.mark.parametrize(
    "b",
    ["Pakistan shot down 6 Indian jets", "Pakistan shot down at least six Indian jets"],
)
def test_equivalent_numbers_do_not_contradict(b):
    j = relate("Pakistan shot down six Indian jets", b)
    assert j.relation is Relation.AGREES
    assert codes(j) == ["similarity"]


def test_rounded_figure_does_not_contradict():
    j = relate("A pizza driver received a 2,084 dollar tip", "Pizza driver received a 2,000 dollar tip")
    assert j.relation is Relation.AGREES


def test_same_instant_in_other_time_zone_does_not_contradict():
    j = relate("The ceasefire began at 5 pm IST", "The ceasefire began at 4:30 pm Pakistan time")
    assert j.relation is Relation.AGREES


def test_different_time_contradicts():
    j = relate("The ceasefire began at 5 pm IST", "The ceasefire began at 6 pm Pakistan time")
    assert j.relation is Relation.CONTRADICTS
    assert "time" in codes(j)


def test_conflicting_dates_contradict_and_same_date_agrees():
    assert "date" in codes(relate("Talks were held on May 7", "Talks were held on May 9"))
    assert relate("Talks were held on May 7", "Talks were held on 7 May").relation is Relation.AGREES


@pytest.mark.parametrize(
    "a, b",
    [
        ("India will escalate the conflict", "India will de-escalate the conflict"),
        ("The minister is alive", "The minister is dead"),
        ("Pakistan accepted the proposal", "Pakistan rejected the proposal"),
        ("The army confirmed the strike on the base", "The army denied the strike on the base"),
        ("The incumbent won the election", "The incumbent lost the election"),
    ],
)
def test_antonyms_contradict(a, b):
    j = relate(a, b)
    assert j.relation is Relation.CONTRADICTS
    assert codes(j)[0] in ("antonym", "denial")


def test_negated_antonym_agrees():
    j = relate("The incumbent lost the election", "The incumbent did not win the election")
    assert j.relation is Relation.AGREES


def test_swapped_roles_contradict_and_same_roles_agree():
    j = relate("India asked Pakistan for a ceasefire", "Pakistan asked India for a ceasefire")
    assert j.relation is Relation.CONTRADICTS
    assert codes(j)[0] == "roles"
    assert (
        relate("India asked Pakistan for a ceasefire", "India asked Pakistan for a truce").relation
        is Relation.AGREES
    )


def test_unrelated_pair_and_threshold_override():
    j = relate("The army withdrew from the border", "The price of onions rose in Delhi")
    assert j.relation is Relation.UNRELATED
    assert codes(j) == ["similarity"]
    # today this is judged `agrees` at score 0; nothing in common should make it `related`
    assert (
        relate(
            "The army withdrew from the border", "The price of onions rose in Delhi", related_threshold=0
        ).relation
        is not Relation.UNRELATED
    )


def test_long_passage_is_judged_by_its_relevant_sentences():
    body = (
        "The weather in the capital was mild on Sunday. Markets opened higher in early trade. "
        "Officials in Kabul said on Sunday there was no damage from the exchanges. "
        "India strongly denied that its missiles had struck targets in Afghanistan, calling the "
        "allegations baseless. A spokesman added that the army remains on alert. Schools were "
        "closed in several districts as a precaution and flights were diverted. Analysts said "
        "the crisis could take weeks to resolve, and diplomats urged restraint on both sides."
    )
    j = relate("Indian missiles struck targets in Afghanistan", body)
    assert j.relation is Relation.CONTRADICTS
    assert "denial" in codes(j)
    assert relate("Apple will sell 19 million watches this year", body).relation is Relation.UNRELATED


def test_similarity_bounds_and_guards():
    assert similarity("India shot down jets", "India shot down jets") == 100.0
    assert similarity("", "anything") == 0.0
    assert 0 <= similarity("India", "India shot down six jets over Kashmir on Tuesday night") < 60
    assert similarity("the army withdrew", "the army withdrew from the border") > similarity(
        "the army withdrew", "onion prices rose"
    )


def test_judgement_serialises():
    data = relate("Pakistan requested a ceasefire", "Pakistan did not request a ceasefire").to_dict()
    assert data["relation"] == "contradicts"
    assert data["reasons"][0]["side"] == "b"


def test_claim_side_purpose_negation_is_not_the_claim():
    a = "The maker reinforced the frame so that it doesn't bend"
    assert relate(a, "No, the maker did not reinforce the frame").relation is Relation.CONTRADICTS
    assert relate(a, "The maker quietly reinforced the frame").relation is Relation.AGREES


def test_advice_not_to_do_something_does_not_contradict():
    a = "Resetting all settings deletes your files"
    j = relate(a, "Don't reset all settings unless you want to lose your files")
    assert j.relation is Relation.RELATED
    assert codes(j) == ["modality", "similarity"]
    assert relate(a, "Resetting all settings does not delete your files").relation is Relation.CONTRADICTS


@pytest.mark.parametrize("verb", ["rebuffs", "laughs off", "brushes off"])
def test_brushing_off_rumours_contradicts(verb):
    a = "The singer has quit the band"
    j = relate(a, f"The singer {verb} rumours that she has quit the band")
    assert j.relation is Relation.CONTRADICTS
    assert codes(j)[0] == "denial"
    repeated = relate(a, "The singer repeats rumours that she has quit the band")
    assert repeated.relation is Relation.RELATED
    assert codes(repeated)[0] == "hedge"


def test_label_modifying_the_claims_words_contradicts():
    a = "The veteran actor is dead"
    j = relate(a, "Another death hoax about the veteran actor spreads on Facebook", related_threshold=0)
    assert j.relation is Relation.CONTRADICTS
    assert codes(j)[0] == "denial"
    assert "death hoax" in j.reasons[0].detail


@pytest.mark.parametrize(
    "b",
    [
        "The veteran actor's fake account posted about his health",  # labels another word
        "The veteran actor's death is no hoax, his family claims",  # label undone, but only claimed
    ],
)
def test_label_near_misses_do_not_contradict(b):
    assert relate("The veteran actor is dead", b, related_threshold=0).relation is Relation.RELATED


def test_a_label_undone_and_said_agrees():
    b = "The veteran actor's death is no hoax, his family says"
    assert relate("The veteran actor is dead", b, related_threshold=0).relation is Relation.AGREES


def test_a_label_that_only_asks_does_not_contradict():
    # today this is judged `agrees`, but a question asserts nothing: it should be `related`
    b = "Death hoax? Fans wait for word from the veteran actor"
    assert relate("The veteran actor is dead", b, related_threshold=0).relation is not Relation.CONTRADICTS


_FILLER = (
    "The weather in the city was mild on Sunday. Markets opened higher in early trade. "
    "Fans gathered outside the stadium before the match. Tickets sold out within hours. "
    "The team travels to Madrid next week for the second leg of the tie. "
    "Police closed the roads around the ground for the evening. "
)  # over 60 words: judged as a passage, sentence by sentence (a shorter text is one statement)


def test_passage_whose_closest_sentence_denies_the_claim_contradicts():
    body = "The club rejected reports that its manager had been sacked after the defeat. " + _FILLER
    j = relate("The club's manager has been sacked after the defeat", body)
    assert j.relation is Relation.CONTRADICTS
    assert codes(j)[0] == "denial"


def test_passage_denying_something_else_does_not_contradict():
    body = (
        "The club's manager has been sacked after the defeat, the board said. "
        "The striker rejected reports that he wants to leave the team. " + _FILLER
    )
    j = relate("The club's manager has been sacked after the defeat", body)
    assert j.relation is Relation.RELATED  # the passage reports the claim ("the board said")
    assert codes(j)[0] == "passage"


def test_one_shared_word_and_similar_spelling_do_not_reach_the_suggest_threshold():
    # relate-2 scored this 47.1 (stored as a contradiction): "obama" and letter runs only
    a = "Years front linked texas deny on says between obama is to have the."
    b = "In his first TV interview as president, Obama said we should talk to Iran."
    assert similarity(a, b) < 45
    assert relate(a, b).score < 45


def test_a_real_paraphrase_still_reaches_the_suggest_threshold():
    a = "Indian missiles struck targets in Afghanistan on Monday."
    b = "On Monday, targets in Afghanistan were struck by Indian missiles."
    assert relate(a, b).score >= 45


# --- one test per phenomenon the judge knows (relate-5), exact relation and first reason -----


@pytest.mark.parametrize(
    ("a", "b", "relation", "first_reason"),
    [
        # stems that keep two words apart
        (
            "Militants attacked the convoy near Bannu",
            "The military attacked the convoy near Bannu",
            Relation.CONTRADICTS,
            "agent: 'militants' in a vs 'military' in b",
        ),
        (
            "Under the constitution, the governor has the final say on pardons",
            "Under the constitution, the government has the final say on pardons",
            Relation.CONTRADICTS,
            "patient: 'governor' in a vs 'government' in b",
        ),
        # synonyms, phrases and entity aliases made one
        (
            "Islamabad asked for a truce",
            "Pakistan requested a ceasefire",
            Relation.AGREES,
            "similarity: 100/100",
        ),
        (
            "Washington brokered the deal",
            "The United States mediated the agreement",
            Relation.AGREES,
            "similarity: 100/100",
        ),
        (
            "Doctors in South Korea walked off the job",
            "South Korean doctors went on strike",
            Relation.AGREES,
            "similarity: 100/100",
        ),
        # acts on a claim's object are no denial of a claim
        (
            "The appeals court overturned the conviction of the former minister",
            "The appeals court quashed the conviction of the former minister",
            Relation.AGREES,
            "similarity: 100/100",
        ),
        (
            "Hamas rejected the ceasefire proposal",
            "Hamas turned down the ceasefire proposal",
            Relation.AGREES,
            "similarity: 100/100",
        ),
        # antonyms between concepts
        (
            "The appeals court upheld the conviction of the former minister",
            "The appeals court overturned the conviction of the former minister",
            Relation.CONTRADICTS,
            "antonym: 'uphold' in a vs 'overturn' in b",
        ),
        (
            "Samsung's quarterly profit jumped",
            "Samsung's quarterly profit plunged",
            Relation.CONTRADICTS,
            "antonym: 'increase' in a vs 'decrease' in b",
        ),
        # two negative sides agree; a negation about something else is no conflict
        (
            "The judge in Kampala refused bail to the opposition leader",
            "The judge in Kampala did not grant bail to the opposition leader",
            Relation.AGREES,
            "negation: 'not' in b",
        ),
        (
            "The jury in Mexico City acquitted the former governor",
            "The jury in Mexico City found the former governor not guilty",
            Relation.AGREES,
            "similarity: 96/100",
        ),
        (
            "No soldiers were killed in the raid near Kismayo",
            "Four civilians were killed in the raid near Kismayo",
            Relation.RELATED,
            "negation: 'no' in a",
        ),
        (
            "Nigeria's government plans to scrap the fuel subsidy",
            "Nigeria's government has ruled out scrapping the fuel subsidy",
            Relation.CONTRADICTS,
            "negation: 'rule-out' in b",
        ),
        # hedged reports beside firm claims and denials
        (
            "India may have struck the base near Bahawalpur",
            "India struck the base near Bahawalpur",
            Relation.RELATED,
            "hedge: 'may' in a",
        ),
        (
            "The rebels have reportedly captured Goma",
            "The rebels have not captured Goma",
            Relation.RELATED,
            "hedge: 'reportedly' in a",
        ),
        (
            "Apple plans to shut down Beats Music",
            "Apple reportedly planning to shut down Beats Music. Update: not true",
            Relation.CONTRADICTS,
            "negation: 'not' in b",
        ),  # "not true" judges the whole report
        (
            "A Florida woman got a third breast",
            "Third breast likely a hoax",
            Relation.CONTRADICTS,
            "denial: 'hoax' in b",
        ),  # a hedged denial still leans against
        (
            "The drought could cut Brazil's coffee harvest by a third",
            "The drought may cut Brazil's coffee harvest by a third",
            Relation.AGREES,
            "similarity: 100/100",
        ),
        # numbers: two acts are two counts; spelled and percent figures compared
        (
            "The floods in Assam killed 40 people",
            "The floods in Assam displaced 200,000 people",
            Relation.RELATED,
            "aspect: '40 people' in a and '200000 people' in b count different things",
        ),
        (
            "The earthquake in eastern Turkey killed 50 people and injured 300",
            "The earthquake in eastern Turkey injured 300 people",
            Relation.AGREES,
            "similarity: 93/100",
        ),
        (
            "Two dozen migrants drowned off Lampedusa on Tuesday",
            "24 migrants drowned off Lampedusa on Tuesday",
            Relation.AGREES,
            "similarity: 100/100",
        ),
        (
            "Turnout in the Indonesian election was 82 percent",
            "Turnout in the Indonesian election was 62 percent",
            Relation.CONTRADICTS,
            "number: '82 percent' in a vs '62 percent' in b",
        ),
        # "May" the month is no hedge
        ("India struck the base in May", "India struck the base", Relation.AGREES, "similarity: 100/100"),
        # roles, passives and converse acts
        (
            "Tata Steel took over Corus",
            "Corus took over Tata Steel",
            Relation.CONTRADICTS,
            "roles: 'tata' and 'corus' swap roles",
        ),
        (
            "Tata Steel took over Corus",
            "Corus was taken over by Tata Steel",
            Relation.AGREES,
            "similarity: 100/100",
        ),
        (
            "Corus was taken over by Tata Steel",
            "Corus took over Tata Steel",
            Relation.CONTRADICTS,
            "roles: 'tata' and 'corus' swap roles",
        ),  # no names known: the sides swap
        (
            "Modi met Sharif in Tashkent",
            "Sharif met Modi in Tashkent",
            Relation.AGREES,
            "similarity: 100/100",
        ),
        (
            "The $1 billion loan went from China to Zambia",
            "The $1 billion loan went from Zambia to China",
            Relation.CONTRADICTS,
            "roles: 'china' and 'zambia' swap roles",
        ),
        (
            "China lent Zambia $1 billion",
            "Zambia borrowed $1 billion from China",
            Relation.AGREES,
            "converse: 'lend' in a vs 'borrow' in b",
        ),
        (
            "YouTube star gave a homeless man 100 dollars",
            "A homeless man received 100 dollars from a YouTube star",
            Relation.AGREES,
            "similarity: 87/100",
        ),  # one event told from each side
        (
            "India accused Pakistan of violating the ceasefire",
            "Pakistan accused India of violating the ceasefire",
            Relation.RELATED,
            "reciprocal: 'india' and 'pakistan' each accuse the other",
        ),
        (
            "The Kakhovka dam was blown up by Russian forces",
            "Ukrainian forces blew up the Kakhovka dam",
            Relation.CONTRADICTS,
            "agent: 'russian' in a vs 'ukrainian' in b",
        ),
        (
            "The Kakhovka dam was blown up by Russian forces",
            "Russian forces blew up the Kakhovka dam",
            Relation.AGREES,
            "similarity: 100/100",
        ),
        # one actor in one place, another thing done: two claims (not a part refilled)
        (
            "India's air force struck a base near Lahore",
            "India's cricket team won a match in Lahore",
            Relation.UNRELATED,
            "event: 'air force struck base' in a vs 'cricket team won match' in b",
        ),
        (
            "Microsoft is going to acquire Mojang",
            "Microsoft will buy Mojang",
            Relation.AGREES,
            "similarity: 94/100",
        ),  # acquire / buy: one concept; "going to" frames the act
        (
            "Peru's congress removed the president on Thursday",
            "Peru's congress approved the budget on Thursday",
            Relation.UNRELATED,
            "event: 'removed president' in a vs 'approved budget' in b",
        ),
        (
            "Samsung unveiled a new foldable phone in Seoul",
            "Samsung's chairman was pardoned in Seoul",
            Relation.UNRELATED,
            "event: 'unveiled foldable phone' in a vs 'chairman pardoned' in b",
        ),
        # ... but not in a title, whose capitals do not tell names from what was done
        (
            "Samsung Unveils New Foldable Phone In Seoul",
            "Samsung Chairman Pardoned In Seoul",
            Relation.AGREES,
            "similarity: 52/100",
        ),
        (
            "Peru's congress removed the president on Thursday",
            "On Thursday Peru's congress voted to remove the president",
            Relation.AGREES,
            "similarity: 94/100",
        ),
        (
            "Ukraine's navy sank a patrol boat near Crimea",
            "Ukraine's navy did not sink a patrol boat near Crimea",
            Relation.CONTRADICTS,
            "negation: 'not' in b",
        ),
    ],
)
def test_each_phenomenon_is_judged_with_its_reason(
    a: str, b: str, relation: Relation, first_reason: str
) -> None:
    judgement = relate(a, b)
    assert (judgement.relation, str(judgement.reasons[0])) == (relation, first_reason)


def test_the_minimal_pairs_suite_stays_above_its_floor() -> None:
    """tests/minimal_pairs.jsonl, as benchmarks/eval_minimal_pairs.py scores it: relate-10 gets
    494 of 527 right (0.937): 474 of the first 507, 18 of the 18 on figures put at a number,
    hedged times and counts, midnight and noon, hedged denial labels and "in place" (main got
    10 of them), and 2 of the 2 on "by" before a number (main got 1). Of the first 507, 433 of the first 466 (relate-9 got 432: 408 of the first 441, 22
    of the 22 written for relate-9's faults, 2 of the 3 on a nil sum by another actor or in
    another year, now 3 with levels of government as actors), 15 of the 15 written for
    relate-10's attempts, negotiations, reportative, report and forecast hedges (relate-9 got
    8), 14 of the 14 on a denial of who did it, measures in units, levels of government and
    common verbs of one act, and 12 of the 12 from a new user's trial (causes, by whom / from
    where, casualty measures, unnamed denials, "9.40 p.m."); a change that loses a pair of them
    fails here. words11 (relate-10 still) gets 485 of 517: 475 of the first 507 and 10 of
    the 10 on countries, demonyms and capitals, and concept groups of news nouns (main got 5:
    the near misses). judgefix gets 538 of 570: 505 of the first 537, 6 of the 6 on an event
    going ahead against postponed / called off (main got 2: near misses) and 5 of the 5 on
    a toll of a named event that rose (main got 2) and 8 of the 8 on a range of times or days
    as one window (main got 4: the near misses), and 5 of the 5 on bounds ('at most 60'
    and 'more than 60' share no count; 'no more than 20' is a bound, not a negation; main got 2), and 5 of the 5 on
    'you' and 'your' as unknown parties (main got 3: the near misses), and 4 of the 4 on the
    'Un' of Kim Jong Un and U.N. (main got 2: the near misses), and liarprec gets 546 of 578: 4 of the 4 on a bound
    beside its own figure ('more than 60' agrees with '60', not with '150'; main got 2), and a user's
    trial gets 554 of 586: 4 of the 4 on a figure a toll stands at or is (main got 2), and 4
    of the 4 on a structure that held or stayed intact against one breached or destroyed (main
    got 2). The 4 on wordings of one claim that share few words (a death
    denied as "alive", a plant denied by the capital, each beside its agreeing headline) are
    right too. judge12 gets 558 of 590: 542 of the first 574 and 16 of the 16 on "May" before
    a day or a range of days as the month, counts of the missing or rescued beside counts of
    the dead, count ranges ("between 20 and 30", "8 to 12", "8-12") and saved / rescued as
    one act (main got 9: the five on counts that conflict or a range by "to" or a dash, and
    four of the eight on days of May and on "saved"; none on "saves"). Together, 570 of 602; a second user's trial
    then gets 574 of 606: 4 of the 4 on decimal commas and a figure's rounding (main got 2)
    and 2 of the 2 on a candidate who conceded (main got 1): 576 of 608."""
    import json
    from pathlib import Path

    lines = (Path(__file__).parent / "minimal_pairs.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    right = sum(relate(row["a"], row["b"]).relation.value == row["expect"] for row in rows)
    assert len(rows) == 608
    assert right >= 576, f"{right} of {len(rows)} right"
