"""Word lists that claim analysis (tracker.text) and attribution (tracker.extract) share.

One place to add an abbreviation, a hedge or a denial word. Where the two uses need different
lists, both are here side by side, named for their use, with the reason they differ.
"""

from __future__ import annotations

import re

__all__ = [
    "ABBREVIATIONS",
    "DENIAL_LABELS",
    "DENIAL_RATINGS",
    "HEDGES_IN_ATTRIBUTION",
    "HEDGES_IN_CLAIMS",
    "NUMBER_ABBREVIATIONS",
    "TITLE_ABBREVIATIONS",
    "words",
]


def words(text: str) -> frozenset[str]:
    """The words of a word list written as one whitespace-separated string."""
    return frozenset(text.split())


# ---------------------------------------------------------------- abbreviations

# Abbreviated titles before a name, whose period ends no sentence: "Sen. Warren", "Dr. Fauci".
TITLE_ABBREVIATIONS = words("mr mrs ms dr sen rep gov gen lt col sgt capt adm st jr sr rev prof")
# Every abbreviation whose period ends no sentence ("Jan. 6", "U.S."), without that period.
ABBREVIATIONS = TITLE_ABBREVIATIONS | words(
    """vs inc corp co ltd mt ft fig approx est jan feb mar apr jun jul aug sep sept oct nov
    dec u.s u.k u.n d.c e.g i.e"""
)

# Abbreviations only before a number: "ranked No. 1", but "He said no. Then he left."
NUMBER_ABBREVIATIONS = words("no")

# ---------------------------------------------------------------- hedges

# Adverbs by which a writer keeps a distance from what they report: "Dar reportedly told".
HEDGES_IN_ATTRIBUTION = ("reportedly", "allegedly", "apparently", "purportedly", "supposedly")
# Words that leave a claim unsettled, in normalised text: the attribution hedges and far more
# ("may", "sources say", "viral video"). Beside a reporting verb most of these belong to the
# content, not to the attribution ("said the plan could fail"), hence two lists.
HEDGES_IN_CLAIMS = re.compile(
    r"\b(?:" + "|".join(HEDGES_IN_ATTRIBUTION) + r"|alleged|presumably|possibly"
    r"|probably|likely|unlikely|perhaps|maybe|may|might|could|rumou?rs?|rumou?red"
    r"|unconfirmed|unverified|claims?|claimed|claiming|according to|report:|reports? (?:say|said|claim|suggest)s?"
    r"|sources?(?: say| said|:)?|believed to|said to be|thought to|suspected|speculat\w+"
    r"|appears? to|seems? to"
    r"|hints?|hinted|suggests?|suggested|if true|so-called|may have|could have|might have"
    r"|investigat\w+|probe|probing|questions?|mystery|confusion|viral|video shows?"
    r"|photos? shows?|purported)\b"
)

# ---------------------------------------------------------------- denials

# Labels by which a text calls a claim false, in normalised text, fact-check style: "hoax",
# "photoshopped", "doubts about". They count only as a predicate ("is a hoax", "hoax:").
DENIAL_LABELS = re.compile(
    r"\b(?:hoax(?:es|er|ers)?|fake|fakes|faked|fabricated|fabrication|false|falsely|untrue"
    r"|not true|baseless|bogus|debunk(?:ed|s|ing)?|myth|myths|nope|prank|satire|satirical"
    r"|fraud|fraudulent|phony|phoney|made up|misleading|no evidence|no truth|unfounded"
    r"|rumou?r (?:is )?false|not real|isn't real|isn't true|wasn't true|setting the record straight"
    r"|set the record straight|doctored|photoshopped|spoof|scam|made (?:it|\w+|the \w+)(?: all)? up"
    r"|doubts? (?:that|whether|about|over|on)|cast(?:s|ing)? doubts?|rais(?:es|ed|ing) doubts?|doubtful"
    r"|troll(?:ed|s|ing)|duped|dupes|fooled|misinformation|erroneous|libel|bs)\b"
)
# Words by which a rating verb's complement calls its object false: "called the claims baseless".
# After "called" an opinion word ("lies", "wrong", "absurd") can only rate the object; as a label
# anywhere in a headline it may judge something else, and added to the labels these words move
# the judge's Emergent figures (up on dev, down on check): two lists until that is measured out.
DENIAL_RATINGS = re.compile(
    r"\b(?:false|baseless|untrue|unfounded|groundless|bogus|fake|fabricated|lies?|"
    r"nonsense|ridiculous|absurd|not true|misleading|incorrect|wrong|fiction)\b",
    re.IGNORECASE,
)
