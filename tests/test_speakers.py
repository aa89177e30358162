import pytest

from tracker.model import SpeakerKind
from tracker.speakers import (
    Candidate,
    Mention,
    Name,
    Resolution,
    fuller_fits,
    gender_of,
    generic_key,
    key,
    likely_duplicates,
    names_fit,
    office_holder,
    parse_name,
    resolve,
    said_where,
    scope_label,
    scoped,
    split_mention,
    with_source,
)


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


@pytest.mark.parametrize(
    "mention, name, role, kind",
    [
        ("Writer 4", "Writer 4", None, SpeakerKind.UNKNOWN),
        (
            "Indian Defence Minister Rajnath Singh",
            "Rajnath Singh",
            "Indian Defence Minister",
            SpeakerKind.PERSON,
        ),
        ("Deputy PM Ishaq Dar", "Ishaq Dar", "Deputy PM", SpeakerKind.PERSON),
        ("Deputy Prime Minister Ishaq Dar", "Ishaq Dar", "Deputy Prime Minister", SpeakerKind.PERSON),
        ("Senator Marco Rubio", "Marco Rubio", "Senator", SpeakerKind.PERSON),
        ("Lt Gen Ahmed Sharif Chaudhry", "Ahmed Sharif Chaudhry", "Lt Gen", SpeakerKind.PERSON),
        ("Lt. Gen. Ahmed Sharif Chaudhry", "Ahmed Sharif Chaudhry", "Lt. Gen.", SpeakerKind.PERSON),
        ("Foreign Minister Ishaq Dar", "Ishaq Dar", "Foreign Minister", SpeakerKind.PERSON),
        (
            "ISPR Director General Lt Gen Ahmed Sharif Chaudhry",
            "Ahmed Sharif Chaudhry",
            "ISPR Director General Lt Gen",
            SpeakerKind.PERSON,
        ),
        (
            "UN Secretary-General Antonio Guterres",
            "Antonio Guterres",
            "UN Secretary-General",
            SpeakerKind.PERSON,
        ),
        (
            "Prime Minister of Pakistan Shehbaz Sharif",
            "Shehbaz Sharif",
            "Prime Minister of Pakistan",
            SpeakerKind.PERSON,
        ),
        (
            "Bank of England Governor Andrew Bailey",
            "Andrew Bailey",
            "Bank of England Governor",
            SpeakerKind.PERSON,
        ),
        (
            "Foreign Office spokesperson Mumtaz Zahra Baloch",
            "Mumtaz Zahra Baloch",
            "Foreign Office spokesperson",
            SpeakerKind.PERSON,
        ),
        ("Dar, Ishaq", "Ishaq Dar", None, SpeakerKind.UNKNOWN),
        (
            "Ishaq Dar, Pakistan's Foreign Minister",
            "Ishaq Dar",
            "Pakistan's Foreign Minister",
            SpeakerKind.PERSON,
        ),
        ("Paris, France", "Paris, France", None, SpeakerKind.UNKNOWN),
        ("State Bank of Pakistan", "State Bank of Pakistan", None, SpeakerKind.ORGANISATION),
        ("Air India", "Air India", None, SpeakerKind.ORGANISATION),
        ("Bank of England", "Bank of England", None, SpeakerKind.ORGANISATION),
        ("Ministry of External Affairs", "Ministry of External Affairs", None, SpeakerKind.GOVERNMENT),
        ("Department of Commerce", "Department of Commerce", None, SpeakerKind.GOVERNMENT),
        ("Pakistan Air Force", "Pakistan Air Force", None, SpeakerKind.MILITARY),
        ("White House", "White House", None, SpeakerKind.GOVERNMENT),
        ("Jack White", "Jack White", None, SpeakerKind.UNKNOWN),
        ("India", "India", None, SpeakerKind.GOVERNMENT),
        ("New Delhi", "New Delhi", None, SpeakerKind.GOVERNMENT),
        # a capitalised word after "in", "at", "from" is where the speakers are, not who
        ("Officials in Arland", "Officials in Arland", None, SpeakerKind.UNKNOWN),
        ("Steelmakers in Arland", "Steelmakers in Arland", None, SpeakerKind.UNKNOWN),
        ("Police in Karachi", "Police in Karachi", None, SpeakerKind.GOVERNMENT),
        ("Residents in Gaza City", "Residents in Gaza City", None, SpeakerKind.UNKNOWN),
        # the role's head noun says what the name names
        ("The catering company, Brightplate", "Brightplate", "catering company", SpeakerKind.ORGANISATION),
        ("The newspaper Dawn", "Dawn", "newspaper", SpeakerKind.MEDIA),
        ("Radio Leeds", "Radio Leeds", None, SpeakerKind.MEDIA),
        ("Analyst at Crisis Group Lina Haddad", "Lina Haddad", "Analyst at Crisis Group", SpeakerKind.PERSON),
        ("The board chairwoman, Linda Park", "Linda Park", "board chairwoman", SpeakerKind.PERSON),
    ],
)
def test_split_mention_reads_titles_inverted_names_and_organisations(mention, name, role, kind):
    assert split_mention(mention) == Mention(name, role, kind)


def person(id_: int, name: str) -> Candidate:
    return Candidate(id_, name, frozenset({key(name)}), "unknown")


@pytest.mark.parametrize(
    "name, pool, expected",
    [
        ("Writer 3", [person(1, "Writer 4")], Resolution(None)),
        ("Jon Smith", [person(1, "John Smith")], Resolution(None)),
        ("Manmohan Singh", [person(1, "Rajnath Singh")], Resolution(None)),
        ("Rajnath Singh", [person(1, "Singh")], Resolution(None)),  # fuller than the stored name
        ("Singh", [person(1, "Rajnath Singh")], Resolution(1, partial=True)),
        (
            "Singh",
            [person(1, "Rajnath Singh"), person(2, "Manmohan Singh")],
            Resolution(None, (1, 2), partial=True),
        ),
        ("I. Dar", [person(1, "Ishaq Dar"), person(2, "Ahmad Dar")], Resolution(1, partial=True)),
        ("Donald Trump", [person(1, "Donald J. Trump")], Resolution(1, partial=True)),
        ("John Trump", [person(1, "Donald John Trump")], Resolution(None)),
        ("Writer 4", [person(1, "Writer 4")], Resolution(1)),
    ],
)
def test_resolve_files_a_name_only_where_an_editor_would(name, pool, expected):
    assert resolve(name, pool) == expected


def test_organisations_and_places_resolve_by_their_whole_name_only():
    india = Candidate(1, "India", frozenset({"india"}), "government")
    assert resolve("Air India", [india], SpeakerKind.ORGANISATION) == Resolution(None)
    airline = Candidate(2, "Air India", frozenset({"air india"}), "organisation")
    assert resolve("India", [airline]) == Resolution(None)
    assert resolve("air india", [india, airline]) == Resolution(2)


def test_names_fit_only_shorter_forms_with_the_same_numbers():
    assert names_fit(parse_name("dar"), parse_name("ishaq dar"))
    assert names_fit(parse_name("i dar"), parse_name("ishaq dar"))
    assert not names_fit(parse_name("ishaq dar"), parse_name("dar"))
    assert not names_fit(parse_name("imran dar"), parse_name("ishaq dar"))
    assert not names_fit(parse_name("writer 3"), parse_name("writer 4"))
    assert parse_name("writer 4") == Name((), "writer", ("4",))
    assert not parse_name("writer 4").partial and parse_name("i dar").partial


def test_likely_duplicates_never_pairs_different_numbers_or_organisations():
    pool = [
        person(1, "Writer 3"),
        person(2, "Writer 4"),
        person(3, "John Smith"),
        person(4, "Jon Smith"),
        Candidate(5, "India", frozenset({"india"}), "government"),
        Candidate(6, "Air India", frozenset({"air india"}), "organisation"),
    ]
    assert likely_duplicates(pool) == {3: [4], 4: [3]}


@pytest.mark.parametrize(
    "name_key", ["ishaq dar", "dar", "donald j trump", "writer 4", "martin luther king jr", "i", ""]
)
def test_the_quick_surname_is_the_parsed_one(name_key):
    from tracker.speakers import surname

    assert surname(name_key) == parse_name(name_key).surname


@pytest.mark.parametrize(
    "mention, kind",
    [
        ("Trusted Leadership PAC", SpeakerKind.ORGANISATION),
        ("Republican Jewish Coalition", SpeakerKind.ORGANISATION),
        ("Pac", SpeakerKind.ORGANISATION),
        ("Obama Campaign", SpeakerKind.ORGANISATION),
        ("Scott Garrett", SpeakerKind.UNKNOWN),
    ],
)
def test_groups_with_a_surname_like_last_word_are_organisations(mention, kind):
    assert split_mention(mention) == Mention(mention, None, kind)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("police", "police"),
        ("Police", "police"),
        ("the police", "police"),
        ("local police", "local police"),
        ("officials", "officials"),
        ("Indian officials", "indian officials"),
        ("a senior official", "senior official"),
        ("Sources", "sources"),
        ("a spokesman", "spokesman"),
        ("a police spokesman", "police spokesman"),
        ("the ministry", "ministry"),
        ("residents", "residents"),
        ("analysts", "analysts"),
        ("local authorities", "local authorities"),
        ("Police (Dawn, 2025-05-10)", "police"),
        # people in a place are still nobody named; an institution of a place is named
        ("Officials in Arland", "officials in arland"),
        ("Residents of Lahore", "residents of lahore"),
        ("Doctors at the hospital", "doctors at the hospital"),
        ("Police in Karachi", None),
        ("Ministry of Defence", None),
        # named: whose police, which office, which military
        ("Punjab Police", None),
        ("Foreign Office", None),
        ("the Indian military", None),
        ("Pakistan's military", None),
        ("Ministry of External Affairs", None),
        ("Water ministry", None),
        ("Ishaq Dar", None),
        ("unresolved (“He”, a.txt:10)", None),
    ],
)
def test_generic_key_names_the_speakers_nobody_names(name, expected):
    assert generic_key(name) == expected


def test_a_scope_label_says_which_report_an_unnamed_speaker_is_from():
    assert scope_label("police", "Dawn", "2025-05-10") == "Police (Dawn, 2025-05-10)"
    assert scope_label("officials", "Dawn", None) == "Officials (Dawn)"
    assert scope_label("spokesman", None, "2025-05-12") == "Spokesman (no source, 2025-05-12)"
    assert scope_label("officials", None, None) == "Officials (no source)"
    assert scope_label("a senior U.S. official", "Dawn", None) == "Senior U.S. official (Dawn)"
    assert scoped("Police (Dawn, 2025-05-10)") == ("Police", "Dawn, 2025-05-10")
    assert scoped("Police") == ("Police", None)


def test_a_scope_label_names_an_outlet_of_the_speakers_own_name_once():
    assert scope_label("Daily Observer", "Daily Observer", None) == "Daily Observer"
    assert scope_label("the Daily Observer", "daily observer", "2025-05-10") == "Daily Observer (2025-05-10)"
    assert scope_label("Daily Observer", "Dawn", None) == "Daily Observer (Dawn)"
    assert with_source("Daily Observer", 2) == "Daily Observer (source 2)"
    assert with_source("Police (Dawn, 2025-05-10)", 2) == "Police (Dawn, 2025-05-10, source 2)"


def test_a_statements_provenance_adds_only_what_its_speakers_name_does_not_say():
    assert said_where("Daily Observer", "Daily Observer") == ""
    assert said_where("Daily Observer", "Daily Observer, 2025-05-10") == "2025-05-10"
    assert said_where("Daily Observer (2025-05-10)", "Daily Observer, 2025-05-10") == ""
    assert said_where("Police (Dawn, 2025-05-10)", "Dawn, 2025-05-10") == ""
    assert said_where("India", "Caliber.Az, 2025-05-10") == "Caliber.Az, 2025-05-10"
    assert said_where("India", "") == ""


def test_a_bare_unnamed_speaker_means_every_one_kept_per_report_and_a_label_one_of_them():
    pool = [
        Candidate(1, "Police (Dawn, 2025-05-10)", frozenset({"police dawn 2025 05 10"}), "government"),
        Candidate(2, "Police (Reuters)", frozenset({"police reuters"}), "government"),
        Candidate(3, "Punjab Police", frozenset({"punjab police"}), "government"),
    ]
    assert resolve("police", pool) == Resolution(None, (1, 2), exact=True)
    assert resolve("Police (Reuters)", pool) == Resolution(2)
    assert resolve("Punjab Police", pool) == Resolution(3)


@pytest.mark.parametrize(
    "mention, name, honorific, gender",
    [
        ("Mr. Sharif", "Sharif", "Mr.", "male"),
        ("Dr Ayesha Khan", "Ayesha Khan", "Dr", None),
        ("Ms Baloch", "Baloch", "Ms", "female"),
        ("Sir Keir Starmer", "Keir Starmer", "Sir", "male"),
        ("Mrs. Gandhi", "Gandhi", "Mrs.", "female"),
        ("Foreign Minister Mr. Dar", "Dar", "Mr.", "male"),
        ("Begum Nusrat Bhutto", "Nusrat Bhutto", "Begum", "female"),
        ("Shri Narendra Modi", "Narendra Modi", "Shri", "male"),
        ("Maulana Fazlur Rehman", "Fazlur Rehman", "Maulana", "male"),
        ("Mian Nawaz Sharif", "Nawaz Sharif", "Mian", "male"),
        ("Ishaq Dar", "Ishaq Dar", None, None),
    ],
)
def test_an_honorific_leaves_the_name_and_shows_a_person_and_their_gender(mention, name, honorific, gender):
    parsed = split_mention(mention)
    assert (parsed.name, parsed.honorific, parsed.gender) == (name, honorific, gender)
    assert parsed.kind is (SpeakerKind.PERSON if honorific or parsed.role else SpeakerKind.UNKNOWN)
    assert parsed.as_written == (f"{honorific} {name}" if honorific else name)


def test_gender_comes_from_the_honorifics_among_the_aliases_and_rules_out_the_other():
    assert gender_of({"gandhi", "mrs gandhi"}) == "female"
    assert gender_of({"keir starmer", "sir keir starmer"}) == "male"
    assert gender_of({"ayesha khan", "dr ayesha khan"}) is None
    assert gender_of({"sharif", "mr sharif", "mrs sharif"}) is None  # evidence disagrees: none
    mrs = Candidate(1, "Gandhi", frozenset({"gandhi", "mrs gandhi"}))
    rahul = Candidate(2, "Rahul Gandhi", frozenset({"rahul gandhi"}))
    assert resolve("Gandhi", [mrs], gender="male") == Resolution(None, partial=True)
    assert resolve("Gandhi", [mrs, rahul], gender="male") == Resolution(2, partial=True)
    assert resolve("Gandhi", [mrs], gender="female") == Resolution(1, partial=True)


def test_an_honorific_alias_is_no_fuller_name_than_the_surname_it_carries():
    assert fuller_fits("sharif", [(1, "sharif"), (1, "mr sharif"), (2, "shehbaz sharif")]) == [2]


@pytest.mark.parametrize(
    "mention, name, role",
    [
        ("Baroness Ashton", "Ashton", "Baroness"),
        ("Ayatollah Ali Khamenei", "Ali Khamenei", "Ayatollah"),
        ("Cardinal Pietro Parolin", "Pietro Parolin", "Cardinal"),
        ("Field Marshal Asim Munir", "Asim Munir", "Field Marshal"),
        ("Senator Angus King", "Angus King", "Senator"),  # a surname that is a title word
        ("Prime Minister John Major", "John Major", "Prime Minister"),
    ],
)
def test_titles_of_clergy_nobility_and_rank_go_to_the_role(mention, name, role):
    parsed = split_mention(mention)
    assert (parsed.name, parsed.role, parsed.kind) == (name, role, SpeakerKind.PERSON)


@pytest.mark.parametrize(
    "mention", ["Israeli President", "Opposition Leader", "Deputy Chief", "US Secretary"]
)
def test_a_title_alone_is_no_name_whatever_stands_before_it(mention):
    assert split_mention(mention).role is None


def _government(speaker_id, name, kind="government"):
    return Candidate(speaker_id, name, frozenset({key(name)}), kind)


def test_a_capital_is_offered_as_its_countrys_government_never_merged():
    speakers = [
        _government(1, "India"),
        _government(2, "New Delhi"),
        _government(3, "the Indian government"),
        _government(4, "Pakistan"),
        _government(5, "Islamabad"),
        _government(6, "Washington"),
        _government(7, "US State Department"),
        _government(8, "White House"),
        _government(9, "Indian military", "military"),
        _government(10, "the Kremlin"),
        _government(11, "Russia"),
        _government(12, "Kyiv"),
        _government(13, "Kiev"),
    ]
    assert likely_duplicates(speakers) == {
        1: [2],
        2: [1, 3],
        3: [2],  # India and its government are not offered as one: only a capital for either
        4: [5],
        5: [4],
        10: [11],
        11: [10],
        12: [13],
        13: [12],
    }


def test_a_person_or_an_outlet_named_like_a_capital_is_not_offered_as_a_government():
    speakers = [
        _government(1, "United States"),
        _government(2, "Washington", "person"),  # a person of that name
        _government(3, "Paris", "media"),
        _government(4, "France"),
    ]
    assert likely_duplicates(speakers) == {}


@pytest.mark.parametrize(
    "name, expected",
    [
        # an office with no name beside it: nobody named, kept per report
        ("the mayor", "mayor"),
        ("Mayor", "mayor"),
        ("a minister", "minister"),
        ("the foreign minister", "foreign minister"),
        ("Pakistani foreign minister", "pakistani foreign minister"),
        ("Naz's lawyer", "naz lawyer"),
        ("the town mayor", "town mayor"),
        ("mayor of Kessel", "mayor of kessel"),
        ("Water Minister", "water minister"),
        ("Prime Minister", "prime minister"),
        ("Police Chief", "police chief"),
        ("Mayor (Dawn, 2025-05-10)", "mayor"),
        # names that end in an office word are names
        ("Angus King", None),
        ("John Major", None),
        ("King", None),
        ("Head", None),
        ("Tomas Brandt", None),
    ],
)
def test_an_office_nobody_holds_by_name_is_unnamed(name, expected):
    assert generic_key(name) == expected


@pytest.mark.parametrize(
    "mention, kind",
    [
        ("Ministry (Northern Herald)", SpeakerKind.GOVERNMENT),
        ("Defence ministry spokesman (Northern Herald)", SpeakerKind.GOVERNMENT),
        ("Mayor (Dawn)", SpeakerKind.PERSON),
        ("Unknown (Radio Kessel, 2026-03-06)", SpeakerKind.UNKNOWN),
        ("Officials (Dawn, source 3)", SpeakerKind.UNKNOWN),
    ],
)
def test_a_label_kept_for_one_report_is_never_split_inside_its_parentheses(mention, kind):
    assert split_mention(mention) == Mention(mention, None, kind)


def test_an_office_named_once_in_a_report_is_held_by_the_person_named_with_it():
    named = [("Ines Roth", "Mayor"), ("Tomas Brandt", "Water Minister"), ("Ana Ruiz", "Foreign Minister")]
    assert office_holder("the mayor", named) == ("Ines Roth", "Mayor")
    assert office_holder("the foreign minister", named) == ("Ana Ruiz", "Foreign Minister")
    assert office_holder("the minister", named) is None  # two ministers
    assert office_holder("the mayor of Kessel", named) is None  # which town's is not said
    assert office_holder("Tomas Brandt", named) is None
    assert office_holder("the mayor", [("Ines Roth", None)]) is None
    # the whole office: a longer title is another office, and whose office it is may differ
    assert office_holder("The president", [("Jane Doe", "Vice President")]) is None
    assert office_holder("The minister", [("Omar Aziz", "Prime Minister")]) is None
    assert office_holder("the mayor", [("Ada Lind", "Former Mayor")]) is None
    assert office_holder("the foreign minister", [("Ana Ruiz", "Spain's Foreign Minister")]) is None
