"""How a founded claim is worded when its statement opens with a pronoun (pure: strings in, a
string out).

"Dar disclosed that he had communicated Pakistan's position to Rubio" is stored as "he had
communicated …": a claim worded so reads as anyone's. A pronoun that the statement's own
speaker can stand for, by its person and kind, becomes the speaker's name ("Ishaq Dar had
communicated …"; "its missiles" of India's denial, "India's missiles"); one it cannot stand for
is kept and marked, "he [unresolved] had communicated …", so that nobody reads the claim as
the speaker's own act when it may be another's.

Who a pronoun can be, from the speaker alone:
  - reported speech (indirect, paraphrase, the claim a denial names): "he"/"she" a person of
    that gender or of none shown; "it" and "they" a government, a military, an organisation or
    an outlet;
  - the speaker's own words (direct): "I" the speaker, "we" a speaker known not to be a person
    (a person's "we" is a group: whose is not known); "he", "she", "it", "they" someone else.
A speaker of unknown kind is neither: a pronoun can stand for it only when an honorific shows
a person ("Ms. Kovač"), and "I" always.
"""

from __future__ import annotations

import re

from tracker.patterns import lazy

UNRESOLVED = "[unresolved]"
_PERSON = "person"
_UNKNOWN = "unknown"

_OPENING = lazy(
    r"^(?P<pronoun>he|she|it|they|we|i|his|her|its|their|our|my)"
    r"(?:(?P<apostrophe>['’])(?P<clitic>s|re|m|ve|ll|d))?\b",
    re.IGNORECASE,
)
_POSSESSIVE = {"his", "her", "its", "their", "our", "my"}
_THIRD = {"he": "male", "she": "female", "his": "male", "her": "female"}
_NOT_PERSON = {"it", "its", "they", "their"}
_FIRST_SINGULAR = {"i", "my"}
_FIRST_PLURAL = {"we", "our"}
# "It is time to …", "it was clear that …", "it seems …": an "it" that stands for nothing
_EXPLETIVE = lazy(
    r"^it(?:['’]s|\s+(?:is|was|would be|will be|has been|had been|may be|might be|could be|became|remains"
    r"|remained))\s+(?:\w+\s+){0,2}?(?:to|that|for|whether|if|time|likely|unlikely|possible|clear|unclear)\b"
    r"|^it\s+(?:seems|seemed|appears|appeared|emerged|transpired)\b",
    re.IGNORECASE,
)
# after "I": the verbs whose form does not change for the speaker's name ("I will" → "X will")
_SAME_FORM = lazy(
    r"^(?:will|would|can|could|shall|should|may|might|must|did|didn['’]t|was|wasn['’]t|had|hadn['’]t"
    r"|never|cannot|can['’]t|won['’]t|wouldn['’]t|couldn['’]t|shouldn['’]t|also|still|only|just|always)\b",
    re.IGNORECASE,
)
_FIRST_PERSON_VERB = {"am": "is", "have": "has", "do": "does", "don't": "doesn't", "don’t": "doesn’t"}
_CLITIC = {"re": "are", "m": "is", "ve": "have", "ll": "will", "d": "would"}


def referent(
    pronoun: str, *, speaker: str | None, speaker_kind: str | None, gender: str | None, direct: bool
) -> str | None:
    """The speaker's name when the speaker can be who the pronoun stands for, else None."""
    low = pronoun.lower()
    if not speaker or speaker.lower().startswith("unresolved"):
        return None  # a speaker nobody knows cannot tell who its pronouns are
    person = speaker_kind == _PERSON or gender is not None  # an honorific shows a person
    known = person or speaker_kind not in (None, _UNKNOWN)
    if direct:
        if low in _FIRST_SINGULAR:
            return speaker
        if low in _FIRST_PLURAL and known and not person:
            return speaker
        return None
    if low in _THIRD:
        # "Senator John Smith said she was fired": she may be anyone; only an honorific that
        # shows the speaker's gender ("Mr.", "Ms.") makes the speaker who the pronoun can be
        return speaker if gender == _THIRD[low] else None
    if low in _NOT_PERSON - {"it", "they"}:
        # "India denied claims that its missiles …": what is the speaker's is the speaker's
        return speaker if known and not person else None
    # "The Health Ministry said it was a hoax", "Police said they were armed": the subject
    # "it" or "they" of reported speech is as often what the speaker talks of as the speaker;
    # "I" or "we" in reported speech is the reporter's, or a group's
    return None


def opens_with_pronoun(text: str) -> bool:
    """Whether `text` opens with a pronoun that stands for someone (word_claim would change it)."""
    return _OPENING.match(text) is not None and _EXPLETIVE.match(text) is None


def word_claim(
    text: str, *, speaker: str | None, speaker_kind: str | None, gender: str | None, direct: bool
) -> str:
    """`text` with an opening pronoun replaced by the speaker it stands for, or marked
    UNRESOLVED when the speaker cannot be who it is; any other text is given back as it is."""
    found = _OPENING.match(text)
    if found is None or _EXPLETIVE.match(text):
        return text
    pronoun, clitic = found.group("pronoun"), (found.group("clitic") or "").lower()
    rest = text[found.end() :]
    name = referent(pronoun, speaker=speaker, speaker_kind=speaker_kind, gender=gender, direct=direct)
    if name is None:
        return f"{found.group(0)} {UNRESOLVED}{rest}"
    low = pronoun.lower()
    if low in _POSSESSIVE:
        return f"{name}'s{rest}"
    if clitic == "s":  # he's been → has been; he's going → is going
        verb = "has" if re.match(r"\s+(?:been|got|had)\b", rest) else "is"
        return f"{name} {verb}{rest}"
    if clitic:
        verb = _CLITIC[clitic]
        if low == "i" and verb == "have":
            verb = "has"
        return f"{name} {verb}{rest}"
    if low == "i":
        following = rest.lstrip()
        word = following.split(" ", 1)[0].rstrip(",.;:").lower() if following else ""
        if word in _FIRST_PERSON_VERB:
            return f"{name} {_FIRST_PERSON_VERB[word]}{following[len(word) :]}"
        if following and not _SAME_FORM.match(following):
            return f"{found.group(0)} [{name}]{rest}"  # "I think …": the verb keeps its form
    return f"{name}{rest}"


# "accused the company of cutting staff": who is accused, what of (a gerund), and the rest.
_ACCUSED_OF = lazy(r"^(?P<who>[^,;:]{1,80}?)\s+of\s+(?P<act>[a-z]+ing)\b(?P<rest>.*)$", re.DOTALL)
_ACCUSING_CUE = lazy(r"^(?:accus|charg)\w*", re.IGNORECASE)
# Gerunds whose verb's past tense is irregular (or that no "-ed" makes): "cutting" → "cut".
_IRREGULAR_GERUNDS = {
    pair.split(":")[0]: pair.split(":")[1]
    for pair in """cutting:cut putting:put hitting:hit shutting:shut setting:set letting:let
    spreading:spread hiding:hid stealing:stole taking:took making:made giving:gave keeping:kept
    leaving:left selling:sold paying:paid sending:sent building:built running:ran breaking:broke
    holding:held telling:told lying:lied misleading:misled buying:bought bringing:brought
    seeking:sought fighting:fought losing:lost winning:won meeting:met spending:spent doing:did
    having:had going:went seeing:saw getting:got knowing:knew writing:wrote driving:drove
    shooting:shot throwing:threw beating:beat hurting:hurt sinking:sank leading:led feeding:fed
    dying:died tying:tied""".split()
}


def is_accusation(cue: str | None) -> bool:
    """Whether a statement's cue accuses someone of something ("accused", "accusing", "charged")."""
    return bool(cue) and _ACCUSING_CUE.match(cue or "") is not None


def accused_of(text: str) -> str | None:
    """An accusation's words as the claim it makes: "the company of cutting staff by half" →
    "the company cut staff by half". None when the words are not "X of <doing>", or the
    doing is not one whose past tense is sure ("of not paying", "of being …" stay as written)."""
    found = _ACCUSED_OF.match(text.strip())
    if found is None:
        return None
    act = _past(found.group("act"))
    if act is None:
        return None
    return f"{found.group('who')} {act}{found.group('rest')}"


def _past(gerund: str) -> str | None:
    if gerund in _IRREGULAR_GERUNDS:
        return _IRREGULAR_GERUNDS[gerund]
    if gerund == "being" or len(gerund) < 5:
        return None  # "of being …": was or were, whoever is meant; "of bring": no gerund
    base = gerund[:-3]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"  # carrying → carried
    return base + "ed"  # harbouring → harboured, ignoring → ignored, stopping → stopped
