"""Unit tests for tracker.text: normalising, sentences, terms and claim analysis."""

import re
import unicodedata

import pytest

from tracker import claim_analysis, tokenise
from tracker.model import Modality, Polarity
from tracker.text import (
    analyse,
    analyse_full,
    index_words,
    informative_terms,
    is_adverb,
    normalise,
    sentences,
    tokens,
)


def test_normalise_unifies_quotes_dashes_numbers_and_drops_urls_handles():
    text = "Twenty-five \u201cjets\u201d \u2013 @bob #war https://x.com/a 19M 1,000"
    assert normalise(text) == '25 "jets" - war 19 million 1000'


# _NUMBER_WORD without the lookahead that names the letters a match starts with
_NUMBER_WORD_UNGUARDED = re.compile(re.sub(r"^\(\?=\[[a-z]+\]\)(?=\\b)", "", tokenise._NUMBER_WORD.pattern))


def _normalise_by_every_pattern(text: str) -> str:
    """normalise() as it was written before its pre-checks: every substitution on every text."""
    text = unicodedata.normalize("NFKC", text).translate(tokenise._QUOTES)
    text = tokenise._URL.sub(" ", text)
    text = tokenise._HANDLE.sub(" ", text)
    text = tokenise._HASH.sub("", text).lower()
    text = tokenise._THOUSANDS.sub("", text)
    text = tokenise._DOZENS.sub(tokenise._dozens, text)
    text = _NUMBER_WORD_UNGUARDED.sub(tokenise._number_word, text)
    text = tokenise._SCALE_SUFFIX.sub(tokenise._scale_word, text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Visit WWW.Example.com now", "visit now"),
        ("See Http://X.org/a b", "see b"),
        ("Read wWw.x.io", "read"),
        ("`quoted` words", "'quoted' words"),
        ("tabs\tand\u00a0nbsp\u2003em\u3000wide\x1fsep\n", "tabs and nbsp em wide sep"),
        ("#Tag and ##double", "tag and #double"),
        ("@#x and mail@host", "@x and mail@host"),
        ("1,000,000 and 1,2345", "1000000 and 1,2345"),
        ("Two DOZEN eggs", "24 eggs"),
        ("40m people, $5bn and a 40 m breach", "40 million people, $5 billion and a 40 metres breach"),
        ("\u0663m arabic digit", "\u0663 million arabic digit"),
        ("\u0130stanbul \ufb01le", "i\u0307stanbul file"),
        ("  plain text  ", "plain text"),
        ("Twenty-one jets, eighty eight tanks, A dozen men", "21 jets, 88 tanks, 12 men"),
        ("someone's tone: one, _one, Eleven, fiftyfive", "someone's tone: 1, _one, 11, fiftyfive"),
    ],
)
def test_normalise_skips_only_substitutions_that_cannot_change_the_text(text, expected):
    assert _NUMBER_WORD_UNGUARDED.pattern != tokenise._NUMBER_WORD.pattern
    assert normalise(text) == expected
    assert _normalise_by_every_pattern(text) == expected


def test_tokens_join_hyphenated_words_and_drop_possessive():
    assert tokens("India's de-escalate move") == ("india", "deescalate", "move")


def test_index_words_and_fts_terms_split_hyphenated_words_as_the_fts_index_does():
    assert index_words("122 detainees re‑engaged") == ["122", "detainees", "re", "engaged"]
    assert "engaged" in informative_terms("122 detainees have re-engaged in terrorism")


def test_informative_terms_drop_adverbs_but_keep_other_ly_words():
    terms = informative_terms(
        "The family rally in Italy in July was reportedly deadly, officials strongly said"
    )
    # longest first; the adverbs "reportedly" and "strongly" are dropped, "rally" and "july" kept
    assert terms == ["officials", "family", "deadly", "rally", "italy", "july"]
    assert is_adverb("allegedly") and is_adverb("completely") and not is_adverb("butterfly")


def test_sentences_keep_abbreviations_whole():
    text = "Mr. Smith went to the U.S. embassy. He said no. Then he left!\n\nNew paragraph"
    assert sentences(text) == [
        "Mr. Smith went to the U.S. embassy.",
        "He said no.",
        "Then he left!",
        "New paragraph",
    ]


def test_sentences_keep_no_whole_only_before_a_number():
    text = "He ranked No. 1 in the poll, said Rev. Jones. He said no. Then he left."
    assert sentences(text) == [
        "He ranked No. 1 in the poll, said Rev. Jones.",
        "He said no.",
        "Then he left.",
    ]


def test_informative_terms_are_plain_words_without_stop_or_cue_words():
    terms = informative_terms("India strongly denied claims that its missiles had struck targets")
    assert set(terms) == {"india", "missiles", "struck", "targets"}
    assert all(t.isalnum() and t == t.lower() for t in terms)
    assert informative_terms("a b c the of and one two three four five", k=2) == ["1", "2"]


def test_analyse_strips_denial_wrapper_and_denies():
    claim = analyse(
        "Islamabad has firmly refuted assertions by Indian media that Pakistan had requested a ceasefire"
    )
    assert claim.proposition == "pakistan had requested a ceasefire"
    assert claim.polarity is Polarity.DENY
    assert claim.cues == ("refuted",)


def test_analyse_reporting_wrapper_is_not_the_claim():
    claim = analyse("The foreign office said that Pakistan had requested a ceasefire")
    assert claim.proposition == "pakistan had requested a ceasefire"
    assert claim.polarity is Polarity.AFFIRM


def test_analyse_trailing_attribution_is_dropped():
    claim = analyse("Woman detained in Lebanon is not al-Baghdadi's wife, Iraq says")
    assert claim.proposition == "woman detained in lebanon is not al-baghdadi's wife"
    assert claim.polarity is Polarity.DENY
    assert claim.cues == ("not",)


def test_analyse_drops_trailing_commentary_but_keeps_its_denial():
    claim = analyse(
        "India strongly denied claims that its missiles had struck targets in Afghanistan, "
        "dismissing the allegations as false and baseless"
    )
    assert claim.proposition == "its missiles had struck targets in afghanistan"
    assert claim.polarity is Polarity.DENY
    assert claim.cues[0] == "denied"
    assert claim.hedge is None  # "claims" belongs to what is denied


@pytest.mark.parametrize(
    "text, cue",
    [
        ("No, Argentina's president did not adopt a werewolf", "no"),
        ("The video of a bird pooping on Putin is a hoax", "hoax"),
        ("Story about the priest meeting God is fake", "fake"),
        ("Apple never changed the iPhone internals", "never"),
        ("Apple didn't change the iPhone internals", "didn't"),
        ("Debunked: Apple changed the iPhone internals", "debunked"),
    ],
)
def test_analyse_denial_and_negation_cues(text, cue):
    claim = analyse(text)
    assert claim.polarity is Polarity.DENY
    assert cue in claim.cues


def test_attributive_label_does_not_deny():
    assert analyse("Anchor wants reporter fired over fabricated helicopter story").polarity is Polarity.AFFIRM
    assert analyse("Woman with three breasts: real or hoax?").polarity is Polarity.AFFIRM


def test_double_negation_affirms():
    assert analyse("It is not untrue that the army withdrew").polarity is Polarity.AFFIRM
    assert analyse("India did not deny that its missiles struck targets").polarity is Polarity.AFFIRM


def test_negation_in_relative_clause_is_out_of_scope():
    claim = analyse("Men kept a burger for a friend who never showed up")
    assert claim.polarity is Polarity.AFFIRM
    assert claim.cues == ()


def test_negation_in_coordinated_clause_is_in_scope():
    assert analyse("The watch has a port for developers, but won't when it ships").polarity is Polarity.DENY


@pytest.mark.parametrize(
    "text, hedge",
    [
        ("Pakistan reportedly requested a ceasefire", "reportedly"),
        ("Report: Apple to sell six million watches", "report"),
        ("According to officials, the army withdrew", "according to"),
        ("Pakistan claimed Indian missiles struck targets", "claimed"),
        ("The army may have withdrawn", "may"),
        ("Unconfirmed rumour says the army withdrew", "unconfirmed"),
    ],
)
def test_hedges(text, hedge):
    assert analyse(text).hedge == hedge


def test_unhedged_statement_has_no_hedge():
    assert analyse("The army withdrew from the border").hedge is None


def test_a_warning_is_reported_not_hedged_and_warning_someone_about_a_thing_is_the_claim():
    warned = analyse("she had warned the ministry about the crack in January")
    assert (warned.proposition, warned.hedge) == (
        "she had warned the ministry about the crack in january",
        None,
    )
    clause = analyse("the engineer warned that the dam would fail")
    assert (clause.proposition, clause.hedge) == ("the dam would fail", None)


def test_a_correction_of_a_number_does_not_deny():
    corrected = analyse("Repairs will take two years, not two months")
    assert (corrected.polarity, corrected.proposition) == (
        Polarity.AFFIRM,
        "repairs will take 2 years, not 2 months",
    )
    assert analyse("Repairs will not take two years").polarity is Polarity.DENY


@pytest.mark.parametrize(
    "text, modality",
    [
        ("If India stops here, then we will consider to stop here.", Modality.CONDITIONAL),
        ("India pledged to stop", Modality.COMMITMENT),
        ("The army will withdraw", Modality.COMMITMENT),
        ("Is the iPhone 6 pulling out your hair?", Modality.QUESTION),
        ("whether the town would be evacuated", Modality.QUESTION),  # what "asked whether" asked
        ("The ball is in India's court.", Modality.ASSERTION),
    ],
)
def test_modality(text, modality):
    assert analyse(text).modality is modality


def test_doubt_refutes_and_label_in_a_question_only_asks():
    assert analyse("Scientists cast doubt on the meteorite claim").polarity is Polarity.DENY
    assert analyse("Bigfoot hoax? New footage sparks debate").polarity is Polarity.AFFIRM
    assert analyse("Is it real? Biologist says the photo must be a hoax").polarity is Polarity.DENY


def test_question_answered_no_denies():
    claim = analyse("NHL expansion ahead? No, says Gary Bettman")
    assert claim.polarity is Polarity.DENY
    assert claim.cues == ("no",)


@pytest.mark.parametrize(
    "text",
    [
        "The maker reinforced the frame to ensure it doesn't bend",  # purpose clause
        "The senator said she should be called the First Woman, not the First Lady",  # contrast
        "Don't reset your settings unless you want to lose your files",  # advice
    ],
)
def test_negation_that_does_not_deny_the_main_clause(text):
    claim = analyse(text)
    assert claim.polarity is Polarity.AFFIRM
    assert claim.cues == ()


@pytest.mark.parametrize(
    "text",
    ["The frame doesn't bend", "She is not the First Lady", "Users don't reset their settings"],
)
def test_main_clause_negation_near_misses_still_deny(text):
    assert analyse(text).polarity is Polarity.DENY


def test_not_knowing_how_hedges_rather_than_denies():
    claim = analyse("The plumber has no idea how his truck ended up in Syria")
    assert claim.polarity is Polarity.AFFIRM
    assert claim.hedge == "not sure"
    assert analyse("The plumber has no truck in Syria").polarity is Polarity.DENY


def test_no_hoax_and_possessive_labels_do_not_deny():
    assert analyse("The actor's death is no hoax, his family says").polarity is Polarity.AFFIRM
    assert analyse("The actor's fake account posted about his health").polarity is Polarity.AFFIRM
    assert analyse("The actor's death is a hoax").polarity is Polarity.DENY
    assert analyse("That's fake, the actor says").polarity is Polarity.DENY


def test_stem_is_snowball_and_keeps_apart_what_news_keeps_apart():
    from tracker.text import stem

    assert [stem(w) for w in ("militants", "military", "governor", "government", "attacked", "attacks")] == [
        "milit",
        "militari",
        "governor",
        "govern",
        "attack",
        "attack",
    ]
    assert stem("authorities") != stem("author")  # Snowball joins them; news does not
    assert stem("2024") == "2024"


def test_concepts_make_synonyms_phrases_and_entity_aliases_one():
    from tracker.text import concepts

    assert concepts("Islamabad asked for a truce") == ("country:pakistan", "request", "ceasefire")
    assert concepts("The United States brokered the deal") == (
        "country:united-states",
        "mediate",
        "agreement",
    )
    assert concepts("Doctors went on strike") == ("doctor", "walkout")  # a strike that is no attack
    # an irregular verb's past and participle are the verb, which Snowball leaves apart
    assert concepts("The dam was blown up") == ("dam", "blow")
    assert concepts("Kim broke both ankles") == concepts("Kim breaks both ankles") == ("kim", "break", "ankl")
    assert concepts("The tomb was found") == ("tomb", "find")


def test_similarity_reads_a_hyphenated_compound_as_its_words_unless_a_prefix_binds_it():
    from tracker.judge_similarity import stem_list

    assert stem_list("rat-infested offices") == ("rat", "infest", "offic")
    assert stem_list("a 12-inch laptop") == ("12", "inch", "laptop")
    assert stem_list("talks to de-escalate") == ("negotiate", "deescal")
    assert stem_list("the ex-minister") == ("exminist",)
    assert stem_list("an x-rated film") == ("xrate", "film")


def test_said_passes_a_claim_on_without_hedging_it_and_claimed_hedges():
    said = analyse("The ministry said the dam in Derna had not burst")
    assert (said.proposition, said.polarity, said.hedge) == (
        "the dam in derna had not burst",
        Polarity.DENY,
        None,
    )
    assert analyse("The ministry claimed the dam in Derna had burst").hedge == "claimed"


@pytest.mark.parametrize(
    ("text", "proposition", "polarity"),
    [
        (
            "The appeals court quashed the conviction",
            "the appeals court quashed the conviction",
            Polarity.AFFIRM,
        ),
        ("Hamas rejected the ceasefire proposal", "hamas rejected the ceasefire proposal", Polarity.AFFIRM),
        (
            "Hamas rejected claims that it had accepted the proposal",
            "it had accepted the proposal",
            Polarity.DENY,
        ),
        (
            "The government declined to declare an emergency",
            "the government declined to declare an emergency",
            Polarity.DENY,
        ),
        ("The jury found him not guilty", "the jury found him not guilty", Polarity.AFFIRM),
    ],
)
def test_acts_on_an_object_are_no_denial_and_declining_negates(text, proposition, polarity):
    claim = analyse(text)
    assert (claim.proposition, claim.polarity) == (proposition, polarity)


def test_may_the_month_is_no_hedge_and_may_the_modal_is():
    assert analyse("India struck the base in May").hedge is None
    assert analyse("Talks were held on 7 May").hedge is None
    assert analyse("India may strike the base").hedge == "may"


def test_dozens_are_counted():
    assert (
        normalise("Two dozen migrants, a dozen boats and 3 dozen tents")
        == "24 migrants, 12 boats and 36 tents"
    )


def test_a_noun_after_a_determiner_is_no_tail_attribution():
    assert analyse("Under the constitution, the governor has the final say on pardons").proposition == (
        "under the constitution, the governor has the final say on pardons"
    )


def test_a_label_after_a_copula_and_one_word_denies():
    claim = analyse("Banksy arrested, real identity revealed is the same hoax from last year")
    assert (claim.polarity, claim.cues) == (Polarity.DENY, ("hoax",))


@pytest.mark.parametrize(
    ("text", "proposition", "polarity", "hedge"),
    [
        # a negated clause before the colon is the claim, and the short part after is its source
        ("Ferry wasn't sunk: Coastguard", "ferry wasn't sunk", Polarity.DENY, None),
        ("The tower didn't collapse: police", "the tower didn't collapse", Polarity.DENY, "police"),
        ("Bridge reopened: officials", "bridge reopened", Polarity.AFFIRM, "officials"),
        # a listicle or pointer after the colon is filler, not the claim
        (
            "Google Buying A Drone Maker: 6 Quick Facts You Need to Know",
            "google buying a drone maker",
            Polarity.AFFIRM,
            None,
        ),
        (
            "Tesla recalls its trucks: what you need to know",
            "tesla recalls its trucks",
            Polarity.AFFIRM,
            None,
        ),
        # a label or a source before the colon is still no claim
        ("Report: the mayor resigned", "the mayor resigned", Polarity.AFFIRM, "report"),
        (
            "Army spokesman Jan Novak: rebels retreated",
            "rebels retreated",
            Polarity.AFFIRM,
            "army spokesman jan novak",
        ),
        ("Kim Jong Un: missiles ready", "missiles ready", Polarity.AFFIRM, None),
        # content after "everything you need to know about" is more than filler
        (
            "Jane Doe Smith: everything you need to know about the singer's new husband",
            "everything you need to know about the singer's new husband",
            Polarity.AFFIRM,
            None,
        ),
    ],
)
def test_a_headline_colon_keeps_the_clause_that_is_the_claim(text, proposition, polarity, hedge):
    claim = analyse(text)
    assert (claim.proposition, claim.polarity, claim.hedge) == (proposition, polarity, hedge)


@pytest.mark.parametrize(
    ("text", "proposition", "hedge"),
    [
        # a verb that takes an object acts: it names no speaker after it
        (
            "Peru's health ministry declared an outbreak in the north",
            "peru's health ministry declared an outbreak in the north",
            None,
        ),
        ("The carmaker announced a recall of its vans", "the carmaker announced a recall of its vans", None),
        ("The bank reported a loss for the year", "the bank reported a loss for the year", None),
        # a verb of speech, or punctuation before the verb, still names who said it
        ("The levee held, said a spokesman", "the levee held", None),
        ("The levee held says the mayor", "the levee held", None),
        ("The levee held - announced the council", "the levee held", None),
        # speaking on a subject asserts nothing about it: the whole text, hedged
        (
            "The singer's manager posted about her health",
            "the singer's manager posted about her health",
            "posted",
        ),
    ],
)
def test_a_reporting_verb_with_an_object_is_no_tail_attribution(text, proposition, hedge):
    claim = analyse(text)
    assert (claim.proposition, claim.hedge) == (proposition, hedge)


def test_a_correction_of_an_earlier_report_is_no_hedge():
    claim = analyse("The mill cut 40 jobs in Leeds, not 60 as first reported")
    assert (claim.proposition, claim.polarity, claim.hedge) == (
        "the mill cut 40 jobs in leeds",
        Polarity.AFFIRM,
        None,
    )
    # a source named after "as" still passes the claim on
    assert (
        analyse("The mill cut 40 jobs in Leeds, as the union said").proposition
        == "the mill cut 40 jobs in leeds"
    )


@pytest.mark.parametrize(
    ("text", "proposition"),
    [
        ("Brandt told reporters the dam would hold", "the dam would hold"),
        ("Brandt told local television the dam would hold", "the dam would hold"),
        ("Brandt told the Northern Herald the dam would hold", "the dam would hold"),
        ("Brandt told them the dam would hold", "the dam would hold"),
        ("Brandt warned residents the river would rise", "the river would rise"),
        # whom one told is left out only before a bare clause: after "that" the clause is whole
        ("Brandt told parliament that the press was lying", "the press was lying"),
        # a name is not an audience: "the press" stays in the claim
        ("Brandt told Smith the press was lying about it", "smith the press was lying about it"),
    ],
)
def test_whom_a_speaker_told_is_not_part_of_the_claim(text: str, proposition: str) -> None:
    assert analyse(text).proposition == proposition


@pytest.mark.parametrize(
    ("text", "proposition", "reported"),
    [
        (
            "Six jets were shot down near the border, officials said",
            "6 jets were shot down near the border",
            ["said"],
        ),
        ("Six jets were shot down, said officials on Monday", "6 jets were shot down", ["said"]),
        (
            "The army will not escalate, the minister told reporters in Delhi.",
            "the army will not escalate, the minister",
            ["told"],
        ),
        ("Dar reportedly that six jets were shot down", "dar reportedly that 6 jets were shot down", []),
        (
            "The minister reportedly that a ceasefire was requested on May 10",
            "the minister reportedly that a ceasefire was requested on may 10",
            [],
        ),
    ],
)
def test_a_tail_wrapper_is_searched_for_only_where_its_cue_can_end_the_text(text, proposition, reported):
    analysis = analyse_full(text)
    assert (analysis.proposition, [c.text for c in analysis.reported]) == (proposition, reported)
    # every match of the tail wrapper holds what the cheap search looks for
    body = normalise(text)
    tail = claim_analysis._WRAP_TAIL.search(body)
    assert (tail is not None) is bool(reported)
    assert (claim_analysis._TAIL_FROM_CUE.search(body) is not None) is bool(reported)


def test_british_and_american_spellings_stem_alike_and_words_no_rule_touches_are_left_alone():
    from tracker.concepts import stem

    words = "colour color organise organize centre theatre defence catalogue counsellor adviser advisor"
    assert [stem(w) for w in words.split()] == [
        "color", "color", "organiz", "organiz", "center", "theater", "defens", "catalog", "counselor", "advis", "advis",
    ]  # fmt: skip
    # near misses of each rule, and a stem with none of the letter runs the rules need
    assert [stem(w) for w in "four flour pastor success sponsor attack".split()] == [
        "four", "flour", "pastor", "success", "sponsor", "attack",
    ]  # fmt: skip
