"""Claim analysis: the cues (wrappers, denials, negation, hedges) that give a statement's
proposition, polarity and modality (re-exported by tracker.text).

Everything here is pure (strings in, values out) so it can be cached and tested in isolation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.lexicon import (
    AUDIENCE_NOUNS,
    DENIAL_LABELS,
    DISMISSALS,
    DISMISSED_WORDS,
    HEDGES_IN_CLAIMS,
    OUTLET_NAME_WORDS,
    words,
)
from tracker.model import Claim, Modality, Polarity
from tracker.patterns import lazy
from tracker.tokenise import TEXT_CACHE, normalise

__all__ = [
    "Analysis",
    "Cue",
    "analyse",
    "analyse_full",
    "cue_density",
    "relative_clauses",
]

# ---------------------------------------------------------------- cues and claims


@dataclass(frozen=True)
class Cue:
    """A cue word or phrase found in the normalised text, with its character span."""

    kind: str  # "denial", "negation", "hedge", "question", "conditional", "commitment"
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class Analysis:
    """Everything analyse() found, kept for relate() to explain its judgement."""

    text: str
    norm: str
    proposition: str
    prop_offset: int  # where the proposition starts in norm
    polarity: Polarity
    modality: Modality
    hedge: str | None
    cues: tuple[Cue, ...]  # denial and negation cues that decided the polarity
    hedges: tuple[Cue, ...]
    ignored: tuple[Cue, ...]  # negations outside the claim's scope, or cancelled
    # reporting verbs that pass a speaker's assertion on without hedging it ("said", "told")
    reported: tuple[Cue, ...] = ()

    def claim(self) -> Claim:
        return Claim(
            text=self.text,
            proposition=self.proposition,
            polarity=self.polarity,
            modality=self.modality,
            hedge=self.hedge,
            cues=tuple(cue.text for cue in self.cues),
        )


# Verbs that deny whatever they take as object ("denied the report", "refuted the story").
_DENY_VERBS = (
    r"(?:denie[sd]|deny(?:ing)?|refut(?:es|ed|ing|e)|debunk(?:s|ed|ing)?|disput(?:es|ed|ing|e)"
    r"|rebut(?:s|ted)?|disprov(?:es|ed|e|en)|deni(?:al)|den(?:y|ies|ied) reports?)"
)
# Verbs that deny a claim only when their object is one ("rejected claims that", "quashed
# rumours"): with another object they are acts ("rejected the proposal", "quashed the conviction").
_DENY_VERBS_OF_CLAIMS = (
    r"(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|contradict(?:s|ed|ing)?|retract(?:s|ed|ing)?"
    r"|dispel(?:s|led)?|rubbish(?:es|ed)?|quash(?:es|ed)?|rebuff(?:s|ed)?"
    r"|(?:laugh(?:s|ed)?|brush(?:es|ed)?|shrug(?:s|ged)?) off)"
)
_CLAIM_NOUNS = (
    r"(?:the |these |those |any |all |such |media |indian |false |baseless )*"
    r"(?:assertions?|claims?|allegations?|reports?|rumou?rs?|suggestions?|accusations?"
    r"|stor(?:y|ies)|speculation|news|charges?|notion|idea|talk"
    # "rebuffs internet rumours that", "dismissed online reports": one word may say whose
    r"|[a-z][\w'-]* (?:claims|allegations|reports|rumou?rs|accusations))"
)
_REPORT_VERBS = (
    r"(?:said|says|say|told|tells|stated|states|announced|announces|added|adds"
    r"|confirmed|confirms|insisted|insists|maintained|maintains|noted|notes"
    r"|declared|declares|wrote|writes|tweeted|tweets|posted|explained|explains"
    r"|argued|argues|revealed|reveals|acknowledged|acknowledges|admitted|admits"
    r"|stressed|stresses|warned|warns|believes|believed|thinks|felt|feels|agreed|agrees"
    r"|suggested|suggests|reported|reports|estimated|estimates|predicted|predicts)"
)
_HEDGE_VERBS = r"(?:claimed|claims|claim|alleged|alleges|allege|suspects?|suspected|fear|feared|suggested|suggests|suggest|speculated|speculates|rumou?red|hints?|hinted|believes?|believed|thinks|predicts?|predicted|estimates?|estimated)"

_WRAP_DENY = lazy(
    rf"^(?P<pre>.{{0,120}}?)\b(?:(?P<cue>{_DENY_VERBS})\b(?P<mid>(?:\s+\w+ly)?(?:\s+(?:{_CLAIM_NOUNS}))?"
    r"(?:\s+(?:by|from|of|in|made by)\s+[^,]{1,60}?)?\s+(?:that|as if|of|about)\s+|(?:\s+\w+ly)?\s+)"
    rf"|(?P<cue2>{_DENY_VERBS_OF_CLAIMS})\b(?:\s+\w+ly)?(?:(?:\s+(?:{_CLAIM_NOUNS}))"
    r"(?:\s+(?:by|from|of|in|made by)\s+[^,]{1,60}?)?\s+(?:that|as if|of|about)?\s*|\s+(?:that|as if)\s+))"
)
_WRAP_THAT = lazy(
    rf"^(?P<pre>.{{0,100}}?)\b(?P<cue>{_REPORT_VERBS}|{_HEDGE_VERBS})\b(?:\s+\w+ly)?"
    r"(?:\s+(?:to\s+)?[\w' ]{1,40}?)?\s+that\s+"
)
_WRAP_SAID = lazy(
    rf"^(?P<pre>[^,\"]{{1,60}}?)\s+(?P<cue>{_REPORT_VERBS}|{_HEDGE_VERBS})(?:\s+on \w+)?\s*[,:]?\s+"
)
# "The report, which could embarrass the minister, says the dam …": the relative clause
# describes the speaker, and what follows the verb is the claim (not "…, says Trump")
_WRAP_SAID_RELATIVE = lazy(
    rf"^(?P<pre>[^,\"]{{1,60}}?),\s*(?:which|who|whose|whom)\b[^,;:.!?\"]{{1,120}}?,\s*"
    # "…, says the coastguard, sank off Sulawesi": a speaker set in, not the claim
    rf"(?P<cue>{_REPORT_VERBS}|{_HEDGE_VERBS})(?:\s+that)?\s+(?![\w.' ]{{1,40}},)"
)


def _trie(words: set[str]) -> str:
    """A regex alternation of words as a prefix tree: the regex engine tries far fewer branches."""
    if "" in words and len(words) == 1:
        return ""
    groups: dict[str, set[str]] = {}
    for word in words:
        if word:
            groups.setdefault(word[0], set()).add(word[1:])
    branches = [re.escape(head) + _trie(tails) for head, tails in sorted(groups.items())]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in words else body


def _spelled(alternation: str) -> set[str]:
    """Every word an alternation of plain words with optional letters (`hints?`) stands for."""
    words: set[str] = set()
    for option in alternation.strip("(?:)").split("|"):
        forms = [""]
        for i, ch in enumerate(option):
            if ch == "?":
                continue
            optional = i + 1 < len(option) and option[i + 1] == "?"
            forms = [f + ch for f in forms] + (forms if optional else [])
        words.update(forms)
    return words


# "…, suspect dead in shooting": after a comma "suspect" or "fear" is more often the noun
_TAIL_VERBS = _trie(_spelled(_REPORT_VERBS) | _spelled(_HEDGE_VERBS) - {"suspect", "suspects", "fear"})
_TAIL_CUE2 = (
    rf"(?P<cue2>{_TAIL_VERBS})\s+(?!(?:we|he|she|they|it|i|you|there|this|that|to)\b)[\w.' ]{{1,50}}?"
)
_TAIL_END = r"(?:\s+(?:on|in|at)\s+[\w ]{1,30})?\s*[.!]?$"
_WRAP_TAIL = lazy(
    rf"[,:;]?\s*(?:\"\s*)?(?:-\s*)?(?:(?:[\w.' ]{{1,50}}?)\s+(?P<cue1>{_TAIL_VERBS})|{_TAIL_CUE2}){_TAIL_END}"
)
# what every _WRAP_TAIL match holds from its cue to the end of the text, with no speaker to
# try at every length: where it finds nothing (most texts whose cue verb is not at their end)
# _WRAP_TAIL cannot match, and its search, the costliest of claim analysis, is spared
_TAIL_FROM_CUE = lazy(rf"(?:\s+(?:{_TAIL_VERBS})|{_TAIL_CUE2}){_TAIL_END}")
_WRAP_TAIL_REACH = 240
# a determiner before a cue makes it a noun: "the governor has the final say on pardons"
_NOUN_BEFORE = lazy(r"\b(?:the|a|an|final|last|no|his|her|their|its|our)\s+$")


def _noun_cue(body: str, tail: re.Match[str]) -> bool:
    """Is the tail's cue a noun after a determiner ("has the final say on pardons")?"""
    group = "cue1" if tail.group("cue1") else "cue2"
    return bool(_NOUN_BEFORE.search(body, 0, tail.start(group)))


def _object_cue(body: str, tail: re.Match[str]) -> bool:
    """Does the tail's cue take an object rather than name a speaker? "The ministry declared
    a curfew" acts; "..., said the minister" and "... says Trump" name who said it. With no
    comma, colon, quote or dash before it, only a verb of speech names a speaker."""
    if not tail.group("cue2"):
        return False
    before = body[tail.start() : tail.start("cue2")]
    return not re.search(r"[,:;\"-]", before) and not _SPEECH.fullmatch(tail.group("cue2"))


_TAIL_CUE = lazy(_TAIL_VERBS)
_AS_REPORTED = lazy(r"\bas\s+(?:(?:first|initially|earlier|previously|originally|widely)\s+)?$")
# a hedging verb ("claimed a record"), or a verb of speech on a subject ("posted about")
_HEDGE_OR_TOPIC = lazy(rf"(?:{_HEDGE_VERBS}\b|{_REPORT_VERBS}\s+(?:about|on)\b).*", re.DOTALL)
_ACCORDING = lazy(r"^(?:\w+\s+)?according to [^,]{1,80},\s*|,?\s*according to [^,]{1,80}$")
_HEADLINE_PREFIX = lazy(r"^(?P<pre>[\w.' &/-]{1,30}):\s+(?=\S)")
# What follows a headline's claim after a colon without being one: a listicle or a pointer.
_FILLER = lazy(
    r"^(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w']+\s+){0,3}?"
    r"(?:facts?|things?|ways?|reasons?|questions?|takeaways?|details?|photos?|pictures?|tweets?|signs?"
    r"|lessons?|answers?|moments?)|(?:what|everything|all)(?=\s+(?:you|we)\b)|here's\s+(?:what|why|how)"
    r"|(?:the\s+)?(?:details|latest|facts|full story|live updates?|explainer|analysis|video|photos?|watch))"
    r"(?:\s+(?:you|we)\s+(?:need to |should |must )?know|\s+to know|\s+(?:it|we) means)?"
    r"(?:\s+about\s+(?:[\w']+)(?:\s+[\w']+)?)?\s*[.!]?$"
)
_PRONOUNS = words("i you he she it we they this that there these those")


def _after_head(norm: str, head: re.Match[str]) -> str | None:
    """What follows a headline's colon when the clause before it is the claim: a source
    ("Bridge closed: police", "Ferry didn't sink: Smith", at most three words), or filler
    ("...: 5 fast facts", given back as ""). None when the part before is a label or a source."""
    after = norm[head.end() :].strip(" .!\"'")
    pre, tail = head.group("pre").split(), after.split()
    if len(pre) < 2 or _SOURCE_WORDS.search(head.group("pre")):
        return None  # "Report: ...", "Pentagon spokesman John Kirby: ...": a label or a source
    if _FILLER.match(after):
        return ""
    if not 1 <= len(tail) <= 3 or tail[0] in _PRONOUNS or _NEGATION.search(after):
        return None
    # a name after the colon may be the one quoted: "Kim Jong Un: nukes ready"; a source word
    # or a negated clause before it says which side is the claim
    if _SOURCE_WORDS.search(after) or _NEGATION.search(head.group("pre")):
        return after
    return None


_NEGATION = lazy(
    r"\b(?:not|never|no longer|nothing|nobody|none|neither|nor|without|cannot|can't|won't|isn't"
    r"|aren't|wasn't|weren't|don't|doesn't|didn't|hasn't|haven't|hadn't|couldn't|wouldn't"
    r"|shouldn't|failed to|fails to|fail to|refused to|refuses to|declined to|declines to|no)\b|\b\w+n't\b"
)
_NEGATION_NO = lazy(r"\bno\b(?!\s*(?:,|\.|!|$|one\b|doubt|surprise|wonder|matter|mistake))")
_NO_PREFIX = lazy(r"^(?:[\w ]{0,20}:\s*)?(?:no|nope|sorry|wrong)\s*(?:[,.!:]|-+)\s*")
# A "no" answering the text's own question: "NHL expansion ahead? No, says Bettman".
_NO_ANSWER = lazy(r"\?\s*(?:no|nope|probably not|not really|not quite)\b")
_CANCELLED = lazy(
    r"\b(?:not|never|n't)\s+(?:\w+\s+)?(?:untrue|false|baseless|fake|unfounded|a hoax|deny|denied|denying|rule out|ruled out)\b"
    r"|\b(?:no|nothing) (?:doubt|denying)\b|\bno (?:hoax|joke|fake|myth|prank)\b|\bnot only\b|\bnot just\b|\bnothing but\b"
    r"|\bnot guilty\b"
    # a bound, not a denial: "no more than 40 were arrested", "not fewer than 12"
    r"|\b(?:no|not)\s+(?:more|fewer|less)\s+than\s+(?=[\d$£€¥₹]|a\s+(?:hundred|thousand|million|billion)\b)"
)
_TRUE_LABEL = lazy(r"\b(?:it's true|is true|confirmed|true story|not a hoax|not fake|no hoax)\b")
_TRUE_WORDS = ("true", "confirmed", "hoax", "fake")  # one of which _TRUE_LABEL needs

_QUESTION_START = lazy(
    r"^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|who|what|why"
    r"|how|when|where|which|whether)\b"
)
_CONDITIONAL = lazy(r"\b(?:if|unless|provided (?:that )?|as long as|in case|on condition)\b")
_COMMITMENT = lazy(
    r"\b(?:will|shall|going to|pledged?|pledges|vow(?:s|ed)?|promis(?:e|es|ed)|commit(?:s|ted)? to"
    r"|guarantee[sd]?|swore|swears|intends? to|plans? to|to be|set to)\b"
)
# Subordinate clauses whose negation says nothing about the main claim.
_SUBORDINATE = lazy(
    r"(?:,\s*|\s)(?:who|whom|whose|which|that|because|although|though|while|whereas|after|before"
    r"|since|when|where|until|unless|despite|even though|as"
    r"|so that|so|to ensure|to make sure|in order to|in order not to|lest)\b"
)
# Negations that do not deny the main clause: "the First Woman, not the First Lady" (a
# contrast that asserts the first half), "Don't reset your phone unless ..." (advice), and
# "has no idea how / isn't sure whether" (ignorance, which only hedges).
_DETERMINER_END = lazy(r"\b(?:the|a|an)$")
_CONTRAST_NOT = lazy(r",\s*(?:but\s+)?not\s+(?:the|a|an|his|her|its|their|our|my|just|only|\d[\d.,]*)\b")
_IMPERATIVE_NOT = lazy(r"^(?:please\s+)?(?:don't|do not)\s+(?!\w+(?:ed|s)\b)[a-z]")
# a word each of _CANCELLED, _CONTRAST_NOT, _IMPERATIVE_NOT and _EPISTEMIC_NOT needs: most
# claims have none, and a substring check spares the four scans
_CANCELLING_WORDS = ("no", "n't", "never", "unsure")
_EPISTEMIC_NOT = lazy(
    r"\b(?:not|no|isn't|aren't|wasn't|don't|doesn't|didn't|unsure)\s+(?:\w+\s+)?"
    r"(?:sure|idea|clue|know|knows|clear|certain|understand)\s+(?:\w+\s+)?(?:how|why|what|whether|if|who|where|when)\b"
)
_SPEECH = lazy(
    r"said|says|say|told|tells|claims|claimed|insists|insisted|warns|warned|admits|admitted|believes|thinks"
    r"|suspects?|suspected|fear|feared"
)
# Reporting verbs by which the writer vouches for the content rather than passing it on.
_ENDORSING = lazy(r"confirm(?:s|ed)?|admit(?:s|ted)?|acknowledg(?:es|ed)|reveal(?:s|ed)|announc(?:es|ed)")
# Reporting verbs that pass a speaker's own assertion on as made, without hedging it: "the
# ministry said the dam had not burst" asserts what "the dam had not burst" does. Only the
# verbs that keep a distance ("claimed", "alleged", "suggested") hedge.
_NEUTRAL_REPORTING = lazy(
    r"said|says|say|told|tells|stated|states|added|adds|declared|declares|wrote|writes"
    r"|explained|explains|noted|notes|stressed|stresses|insisted|insists"
    r"|maintained|maintains|warned|warns"
)
# "warned the ministry about the crack": a verb of telling with its addressee and topic, no
# reported clause after it (with one, "told reporters the dam held", the clause is the claim)
_ADDRESSEE_TOPIC = lazy(r"(?:\w+\s+){1,4}?(?:about|of|over|against)\b")
_TELLING = lazy(r"told|tells|warned|warns")
# Whom a speaker told, before the reported clause without "that": "told reporters the dam
# would hold", "told local television", "told the Northern Herald", "told them". It is not
# part of the claim. Words between a determiner and the head are any but another determiner,
# so "told Smith the press was lying" keeps "the press" in the claim.
_ADDRESSEE = lazy(
    r"(?:(?:me|him|her|us|them|you)\s+|(?:(?:the|a|an)\s+)?(?:(?!(?:the|a|an)\b)[\w'-]+\s+){0,2}?"
    rf"(?:{'|'.join(sorted(AUDIENCE_NOUNS | OUTLET_NAME_WORDS, key=len, reverse=True))})\s+)"
)
_SOURCE_WORDS = lazy(
    r"\b(?:reports?|sources?|rumou?rs?|claims?|allegedly|officials?|police|analysts?|study|survey"
    r"|media|spokes\w+|minist\w+|pentagon|white house|government|army|military|president|ceo"
    r"|experts?|witness\w*|insiders?|poll|nyt|wsj|ap|reuters|afp|bbc|cnn|tmz|paper|papers"
    r"|newspaper|magazine|website|blog|report says|investigators?|prosecutors?|lawyers?)\b"
)
_TAIL_SOURCE = lazy(r"(?::|\s-{1,2})\s*(?P<src>[a-z][\w.']*(?:\s[\w.']+){0,2})\s*[.!]?$")
_TRAILING = lazy(
    r",\s*(?:(?:dismissing|calling|describing|labell?ing|branding|terming|rejecting|denying|saying"
    r"|adding|insisting|stressing|noting|claiming|citing|according)\b)"
)
_DENY_PARTICIPLE = lazy(r"\b(?:dismissing|rejecting|denying)\b")
_CLAUSE_END = lazy(r"[,;:]|\s-\s|\band\b")


_LABEL_BEFORE = lazy(
    r"(?:\b(?:is|was|are|were|be|been|as|a|an|just|totally|all|completely|(?:it|that|this|what|he|she|there|who)'s|called|calls|call|it|story|claim|claims|report|photo|video|image|picture)\s+|^|[:\-]\s*)$"
)
# "is the same hoax", "was an elaborate hoax": a copula, an article and one word before the label
_LABEL_COPULA = lazy(r"\b(?:is|was|are|were)\s+(?:a|an|the|just|all)\s+[a-z]+\s+$")
_LABEL_AFTER = lazy(
    r"^\s*(?:$|[:,.!?;\-)\"']|(?:and|or|but|alert|story|claim|claims|news|report|photos?|video|picture|images?)\b)"
)


# Refuting verbs judge their object wherever they stand ("someone trolled twitter into ...").
_VERBAL_LABELS = ("doubt", "cast", "rais", "troll", "dup", "fool", "debunk")


def _in_question(norm: str, position: int) -> bool:
    """Is position inside a sentence that ends with a question mark?"""
    end = re.search(r"[.!?]", norm[position:])
    return bool(end and end.group(0) == "?")


def _predicative(norm: str, start: int, end: int) -> bool:
    """A denial label judges the claim when used as a predicate ("is a hoax", "hoax:").

    As a modifier ("over fabricated story") it describes something else.
    """
    return bool(
        _LABEL_BEFORE.search(norm[max(0, start - 12) : start])
        or _LABEL_AFTER.match(norm[end : end + 10])
        or _LABEL_COPULA.search(norm[max(0, start - 30) : start])
    )


def _balanced(norm: str, proposition: str, offset: int, end: int) -> tuple[str, int]:
    """The proposition with its quotation marks balanced, and where it starts in norm: a claim
    ending inside a quotation (called it a "provocation.") keeps the closing mark that trimming
    its full stop took, one opening inside it (a "bomb" had gone off) the opening mark before
    it; a lone mark the text itself leaves open is dropped."""
    if proposition.count('"') % 2 == 0:
        return proposition, offset
    if '"' in norm[offset + len(proposition) : end]:
        return proposition + '"', offset
    if offset > 0 and '"' in norm[max(0, offset - 2) : offset]:
        return '"' + proposition, norm.rfind('"', 0, offset)
    if proposition.count('"') == 1:
        return proposition.replace('"', " ").strip().replace("  ", " "), offset
    return proposition, offset


@lru_cache(maxsize=TEXT_CACHE)
def analyse_full(text: str) -> Analysis:
    """Reduce text to its claim, keeping cue spans; see analyse()."""
    norm = normalise(text)

    # Modality comes from the whole text: the wrapper can carry it ("Is it true that ...?").
    if norm.rstrip(" \"'").endswith("?") or _QUESTION_START.match(norm):
        modality = Modality.QUESTION
    elif _CONDITIONAL.search(norm):
        modality = Modality.CONDITIONAL
    elif _COMMITMENT.search(norm):
        modality = Modality.COMMITMENT
    else:
        modality = Modality.ASSERTION

    start, end = 0, len(norm)
    denial: list[Cue] = []
    hedge_words: list[Cue] = []
    reported: list[Cue] = []

    prefix = _NO_PREFIX.match(norm)
    if prefix:
        reply = re.search(r"no|nope|sorry|wrong", prefix.group(0))
        assert reply is not None
        if reply.group(0) != "sorry" or _NEGATION.search(norm[prefix.end() :]):
            denial.append(Cue("denial", reply.group(0), reply.span()))
        start = prefix.end()

    head = _HEADLINE_PREFIX.match(norm, start)
    after_head = _after_head(norm, head) if head else None
    if head and after_head is not None:
        # "Bridge wasn't closed: police" or "Google buying Nest: 7 things to know": the clause
        # before the colon is the claim, and what follows names its source or is filler.
        end = head.start() + len(head.group("pre").rstrip())
        if after_head and _SOURCE_WORDS.search(after_head):
            hedge_words.append(Cue("hedge", after_head, (head.end(), head.end() + len(after_head))))
        head = None
    if head and not _NEGATION.search(head.group("pre")):
        pre = head.group("pre")
        if re.search(r"\b(?:hoax|fake|false|debunk|debunked|myth|fact check|misinformation)\b", pre):
            denial.append(Cue("denial", pre.strip(), (head.start(), head.start() + len(pre))))
        elif _SOURCE_WORDS.search(pre):
            # "Pentagon: ..." or "Report: ...": the text passes on what a source says.
            hedge_words.append(Cue("hedge", pre.strip(), (head.start(), head.start() + len(pre))))
        start = head.end()

    according = _ACCORDING.search(norm, start) if "according to " in norm else None
    if according:
        hedge_words.append(Cue("hedge", "according to", (according.start(), according.end())))
        if according.start() <= start + 10:
            start = according.end()
        else:
            end = according.start()

    # Strip an attribution wrapper: a denial verb first, then "X said that", then "X said".
    body = norm[start:end]
    wrapper_negated = False
    m = _WRAP_DENY.match(body)
    if m and len(body) - m.end() >= 12:
        verb = "cue" if m.group("cue") else "cue2"
        cue_span = (start + m.start(verb), start + m.end(verb))
        if _NEGATION.search(m.group("pre")[-25:]) or re.search(
            r"\b(?:refus\w+|declin\w+|won't|would not) to$", m.group("pre").strip()
        ):
            wrapper_negated = True  # "did not deny": the denial is cancelled
        else:
            denial.append(Cue("denial", m.group(verb), cue_span))
        start += m.end()
    else:
        m = _WRAP_THAT.match(body) or _WRAP_SAID_RELATIVE.match(body)
        bare_said = m is None  # "X said the …", with no "that" after the verb
        if m is None:
            m = _WRAP_SAID.match(body) if len(body.split()) > 4 else None
            if m and (not _SPEECH.fullmatch(m.group("cue")) or body[m.end() :].startswith("to ")):
                m = None  # "Apple added reinforcement": without "that", most verbs take an object
            if m and _TELLING.fullmatch(m.group("cue")) and _ADDRESSEE_TOPIC.match(body, m.end()):
                m = None
            if m and (
                len(m.group("pre").split()) > 6
                or _NEGATION.search(m.group("pre"))
                or _NOUN_BEFORE.search(m.group("pre") + " ")
            ):
                m = None  # "the suspect was extradited": after a determiner the cue is a noun
        if m and len(body) - m.end() >= 12:
            cue = m.group("cue")
            if _NEUTRAL_REPORTING.fullmatch(cue):
                reported.append(Cue("reported", cue, (start + m.start("cue"), start + m.end("cue"))))
            elif not _ENDORSING.fullmatch(cue):
                hedge_words.append(Cue("hedge", cue, (start + m.start("cue"), start + m.end("cue"))))
            addressee = _ADDRESSEE.match(body, m.end()) if bare_said and _TELLING.fullmatch(cue) else None
            start += addressee.end() if addressee and len(body) - addressee.end() >= 12 else m.end()
        else:
            # a tail wrapper needs a cue verb and is at most ~130 characters (spaces are
            # collapsed): checking for the verb first spares the costly search on most texts
            cue_at = _TAIL_CUE.search(body, max(0, len(body) - _WRAP_TAIL_REACH))
            # the speaker before a cue is at most 50 characters, plus a little punctuation
            reach = max(0, cue_at.start() - 64) if cue_at else 0
            tail = _WRAP_TAIL.search(body, reach) if cue_at and _TAIL_FROM_CUE.search(body, reach) else None
            if tail and tail.start() >= 12 and not _noun_cue(body, tail) and not _object_cue(body, tail):
                cue = tail.group("cue1") or tail.group("cue2") or ""
                if tail.group("cue1") and _AS_REPORTED.search(body, tail.start(), tail.start("cue1")):
                    pass  # "..., not 300 as first reported": a correction of an earlier report
                elif _NEUTRAL_REPORTING.fullmatch(cue):
                    reported.append(Cue("reported", cue, (start + tail.start(), start + tail.end())))
                elif not _ENDORSING.fullmatch(cue):
                    hedge_words.append(Cue("hedge", cue, (start + tail.start(), start + tail.end())))
                end = start + tail.start()
            elif (
                tail
                and tail.start() >= 12
                and _object_cue(body, tail)
                and _HEDGE_OR_TOPIC.fullmatch(body, tail.start("cue2"))
            ):
                # "X's account posted about his health": a report that someone spoke on a
                # subject, which asserts nothing about it; the whole text stays the claim
                cue = tail.group("cue2")
                hedge_words.append(Cue("hedge", cue, (start + tail.start("cue2"), start + tail.end("cue2"))))

    source = _TAIL_SOURCE.search(norm, start, end)
    if source and source.start() - start >= 20 and _SOURCE_WORDS.search(source.group("src")):
        hedge_words.append(
            Cue("hedge", source.group("src").strip(), (source.start("src"), source.end("src")))
        )
        end = source.start()
    trailing = _TRAILING.search(norm, start, end)
    if trailing and trailing.start() - start >= 12:
        end = trailing.start()  # ", dismissing the allegations as false": commentary, not the claim
        labels_from = norm[trailing.start() :]
        denial.extend(
            Cue("denial", d.group(0), (trailing.start() + d.start(), trailing.start() + d.end()))
            for d in _DENY_PARTICIPLE.finditer(labels_from)
            if not denial
        )
    proposition = norm[start:end].strip(" ,.:;\"'-")
    offset = norm.find(proposition, start) if proposition else start
    proposition, offset = _balanced(norm, proposition, offset, end)

    # Negation scope: the main clause, cut at subordinate clauses that start after it.
    ignored: list[Cue] = []
    scoped: list[Cue] = []
    sub_spans = []
    for sub in _SUBORDINATE.finditer(proposition):
        if sub.start() < 3 or _DETERMINER_END.search(proposition, 0, sub.start()):
            continue  # "the WHO has decided not to …": after an article the word is a name
        stop = _CLAUSE_END.search(proposition, sub.end())
        sub_spans.append((sub.start(), stop.start() if stop else len(proposition)))
    cancelled: list[tuple[int, int]] = []
    epistemic: list[re.Match[str]] = []
    if any(word in proposition for word in _CANCELLING_WORDS):
        cancelled = [c.span() for c in _CANCELLED.finditer(proposition)]
        cancelled += [(c.start(), c.end()) for c in _CONTRAST_NOT.finditer(proposition)]
        cancelled += [(c.start(), c.end()) for c in _IMPERATIVE_NOT.finditer(proposition)]
        epistemic = list(_EPISTEMIC_NOT.finditer(proposition))
    cancelled += [(c.start(), c.end()) for c in epistemic]
    hedge_words.extend(Cue("hedge", "not sure", (offset + c.start(), offset + c.end())) for c in epistemic)
    for neg in _NEGATION.finditer(proposition):
        word = neg.group(0)
        if word == "no" and not _NEGATION_NO.match(proposition, neg.start()):
            continue
        span = (offset + neg.start(), offset + neg.end())
        cue = Cue("negation", word, span)
        if any(a <= neg.start() < b for a, b in sub_spans) or any(a <= neg.start() < b for a, b in cancelled):
            ignored.append(cue)
        else:
            scoped.append(cue)

    labels = [
        Cue("denial", d.group(0), d.span())
        for d in DENIAL_LABELS.finditer(norm)
        if not any(a <= d.start() - offset < b for a, b in cancelled)
        and (_predicative(norm, d.start(), d.end()) or d.group(0).startswith(_VERBAL_LABELS))
        and not _in_question(norm, d.start())
        and not (
            re.match(r"not true|isn't true|wasn't true", d.group(0))
            and d.start() >= offset
            and any(c.span[0] <= d.start() < c.span[1] for c in scoped)
        )
    ]
    labels.extend(
        Cue("denial", d.group(0), d.span())
        for d in (DISMISSALS.finditer(norm) if any(w in norm for w in DISMISSED_WORDS) else ())
        if not _in_question(norm, d.start()) and not any(c.span[0] <= d.start() < c.span[1] for c in labels)
    )
    # "claims ... false" inside a sub-clause of the claim still labels the claim in headlines.
    label_in_true = any(w in norm for w in _TRUE_WORDS) and bool(_TRUE_LABEL.search(norm)) and not labels

    # Parity: clause negation flips, a denial wrapper flips; labels and "no," only assert denial.
    # Double negation cancels only within one clause: "never not", "not without".
    kept: list[Cue] = []
    for cue in scoped:
        if kept and not _CLAUSE_END.search(norm, kept[-1].span[1], cue.span[0]):
            ignored.extend([kept.pop(), cue])
        else:
            kept.append(cue)
    scoped = kept
    negated = bool(scoped)
    wrapped = any(c.span[0] < offset for c in denial if c.text not in ("no", "nope", "wrong"))
    flipped = negated != wrapped
    answer = _NO_ANSWER.search(norm)
    if answer:
        denial.append(Cue("denial", answer.group(0).lstrip("? "), answer.span()))
    if (
        not flipped
        and (labels or answer or any(c.text in ("no", "nope", "wrong") for c in denial))
        and not label_in_true
    ):
        flipped = True
    polarity = Polarity.DENY if flipped else Polarity.AFFIRM
    if wrapper_negated and not flipped:
        hedge_words.append(Cue("hedge", "did not deny", (0, 0)))

    cues = tuple(denial + labels + (scoped if negated else []))
    if polarity is Polarity.AFFIRM:
        ignored.extend(c for c in cues)
        cues = ()
    # Hedge words inside a denied wrapper ("denied claims that") belong to what is denied.
    hedge_from = offset if denial and denial[0].span[0] < offset else 0
    relative = relative_clauses(norm)
    hedges = tuple(
        Cue("hedge", h.group(0), h.span())
        for h in HEDGES_IN_CLAIMS.finditer(norm, hedge_from)
        if not (h.group(0) == "may" and _month_may(norm, h.start()))
        and not any(a <= h.start() < b for a, b in relative)
    )
    all_hedges = tuple(sorted(hedge_words + list(hedges), key=lambda c: c.span[0]))
    hedge = all_hedges[0].text if all_hedges else None
    return Analysis(
        text=text,
        norm=norm,
        proposition=proposition or norm,
        prop_offset=offset,
        polarity=polarity,
        modality=modality,
        hedge=hedge,
        cues=cues,
        hedges=all_hedges,
        ignored=tuple(ignored),
        reported=tuple(reported),
    )


# A clause set off by commas that describes a noun ("the report, which could embarrass the
# minister, says …", "…, who may stand again"): what it hedges is that noun, not the claim.
_RELATIVE_CLAUSE = lazy(r",\s*(?:which|who|whose|whom)\b[^,;:.!?]*(?=[,;:.!?]|$)")


# A restrictive one whose pronoun is the subject of a modal ("miscalculations that could spiral
# into a broader conflict", "a deal which might end the strike"): the modal qualifies that noun.
# After a verb of saying or thinking, "that" is the claim's own subject ("said that could happen").
_RESTRICTIVE_MODAL = lazy(
    r"(?<=[a-z] )(?P<pronoun>that|which|who)\s+(?:\w+ly\s+)?(?:may|might|could)\b[^,;:.!?]*"
)
_NOT_A_NOUN = lazy(rf"(?:{_REPORT_VERBS}|{_HEDGE_VERBS}|is|are|was|were|be|been|so|such|now|and|or|but)")


def relative_clauses(norm: str) -> list[tuple[int, int]]:
    """The spans of the relative clauses of normalised text that describe a noun: those set off
    by commas, and restrictive ones whose pronoun is the subject of a modal."""
    spans = [m.span() for m in _RELATIVE_CLAUSE.finditer(norm)]
    for m in _RESTRICTIVE_MODAL.finditer(norm):
        before = norm[: m.start()].split()
        if before and not _NOT_A_NOUN.fullmatch(before[-1]):
            spans.append(m.span())
    return spans


_MONTH_CONTEXT = words("in on since by until till from of early late mid last next this during")
_REFUTING = lazy(
    r"\b(?:hoax\w*|fake\w*|false|falsely|debunk\w*|deni(?:ed|es|al)|deny\w*|refut\w+|untrue"
    r"|not true|bogus|fabricat\w+|prank\w*|satir\w+|no evidence|baseless|unfounded|myth"
    r"|nonsense|made up|doctored|photoshopped|spoof)\b"
)
_DOUBTING = lazy(
    r"\b(?:reportedly|allegedly|alleged|claims?|claimed|according to|unconfirmed|rumou?r\w*"
    r"|may|might|could|reports?|reported|appears?|apparently|purported\w*|suggest\w*|if true"
    r"|unverified|believed|possibly|speculat\w+|supposedly)\b"
)


# A day or a year after "may" makes it the month: "may 4", "may 4th", "may 3-5", "may 2019"
# (not "may 10x the budget").
_DAY_OR_YEAR_AFTER = lazy(r"\s+\d+(?:st|nd|rd|th)?(?![a-z\d])")


def _month_may(norm: str, position: int) -> bool:
    """Is the "may" at position the month: after "in", "on", "since", … or before a day or year?"""
    before = norm[max(0, position - 12) : position].split()
    return bool(before and (before[-1] in _MONTH_CONTEXT or before[-1].rstrip("stndrh").isdigit())) or bool(
        _DAY_OR_YEAR_AFTER.match(norm, position + 3)
    )


def cue_density(text: str) -> tuple[float, float]:
    """Refuting and hedging cue words per 100 words of text: a passage's overall stance."""
    norm = normalise(text)
    words = max(1, norm.count(" ") + 1)
    return (100 * len(_REFUTING.findall(norm)) / words, 100 * len(_DOUBTING.findall(norm)) / words)


def analyse(text: str) -> Claim:
    """Reduce a statement to the claim it makes: proposition, polarity, modality, hedge, cues.

    "Islamabad has firmly refuted assertions by Indian media that Pakistan had requested a
    ceasefire" gives proposition "pakistan had requested a ceasefire", polarity DENY, cue
    "refuted".
    """
    return analyse_full(text).claim()
