import pytest

from tracker.model import SpeakerKind
from tracker.speakers import Candidate, key, likely_duplicates, resolve, split_mention


@pytest.mark.parametrize(
    "mention, name, role",
    [
        ("Pakistan's Foreign Minister Ishaq Dar", "Ishaq Dar", "Pakistan's Foreign Minister"),
        ("US Secretary of State Marco Rubio", "Marco Rubio", "US Secretary of State"),
        ("Secretary Rubio", "Rubio", "Secretary"),
        ("Ishaq Dar", "Ishaq Dar", None),
        ("Dar", "Dar", None),
        ("Mr. Obama", "Obama", None),
        ("New Delhi", "New Delhi", None),
    ],
)
def test_split_mention_separates_role_from_name(mention, name, role):
    parsed = split_mention(mention)
    assert (parsed.name, parsed.role) == (name, role)


@pytest.mark.parametrize(
    "mention, name, kind",
    [
        ("the Indian military", "Indian military", SpeakerKind.MILITARY),
        ("the US State Department", "US State Department", SpeakerKind.GOVERNMENT),
        ("Pakistan's military", "Pakistan's military", SpeakerKind.MILITARY),
    ],
)
def test_organisations_are_named_by_the_whole_mention(mention, name, kind):
    parsed = split_mention(mention)
    assert (parsed.name, parsed.role, parsed.kind) == (name, None, kind)


def test_key_ignores_case_accents_and_punctuation():
    assert key("  Ishaq  DAR. ") == key("ishaq dar")
    assert key("José Martí") == key("Jose Marti")


DAR = Candidate(1, "Ishaq Dar", frozenset({"ishaq dar"}))
KHAN = Candidate(2, "Imran Khan", frozenset({"imran khan"}))
RUBIO = Candidate(3, "Marco Rubio", frozenset({"marco rubio"}))


@pytest.mark.parametrize("name", ["Ishaq Dar", "ishaq dar", "Dar", "I. Dar", "Ishaq  Dar."])
def test_variants_of_a_name_resolve_to_one_speaker(name):
    assert resolve(name, [DAR, KHAN, RUBIO]).speaker_id == 1


@pytest.mark.parametrize("name", ["Ishaq Khan", "Imran Dar", "Darwin", "Khan Dar"])
def test_different_people_are_not_merged(name):
    assert resolve(name, [DAR, RUBIO]).speaker_id is None


def test_an_ambiguous_surname_is_not_guessed():
    other_dar = Candidate(4, "Ahmad Dar", frozenset({"ahmad dar"}))
    found = resolve("Dar", [DAR, other_dar])
    assert found.speaker_id is None
    assert found.ambiguous_with == (1, 4)


def test_an_alias_resolves_to_its_speaker():
    nickname = Candidate(5, "Donald Trump", frozenset({"donald trump", "the donald"}))
    assert resolve("The Donald", [nickname, DAR]).speaker_id == 5


def test_likely_duplicates_pairs_surname_only_speakers_with_full_names():
    dar_only = Candidate(6, "Dar", frozenset({"dar"}))
    found = likely_duplicates([DAR, dar_only, Candidate(7, "Ahmad Dar"), KHAN])
    assert found == {1: [6], 6: [1, 7], 7: [6]}


def test_a_misspelt_first_name_is_not_merged_but_flagged_as_a_likely_duplicate():
    misspelt = Candidate(8, "Ishak Dar", frozenset({"ishak dar"}))
    assert resolve("Ishak Dar", [DAR]).speaker_id is None
    assert likely_duplicates([DAR, misspelt]) == {1: [8], 8: [1]}
