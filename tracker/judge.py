"""Judging two statements: similarity, polarity, numbers, dates and antonyms → relation + reasons.

The similarity of the wording is in tracker.judge_similarity; numbers, dates and times in
tracker.judge_numbers; antonyms, acts and roles in tracker.judge_roles. This module judges,
and re-exports their public names (and the few private ones it uses), so that importers need
know only tracker.judge.
"""

from __future__ import annotations

import re

from tracker.judge_agents import agent_or_origin, blame_as_cause, other_agent
from tracker.judge_denials import unnamed_denial
from tracker.judge_numbers import (
    _number_conflicts,
    _other_counts,
    _other_names,
    _other_purposes,
    nil_sum,
    one_frame,
)
from tracker.judge_roles import (
    ROLE_OVERLAP,
    _antonym,
    _roles_swapped,
    _shared_players,
    active,
    unknown_parties,
)
from tracker.judge_similarity import (
    CONTAINMENT_WEIGHT,
    DICE_WEIGHT,
    FULL_DICE,
    ONE_WORD_DAMPING,
    TEXT_SIDE_FACTOR,
    TOKEN_SET_WEIGHT,
    TOKEN_SORT_WEIGHT,
    length_damping,
    similarity,
    stem_list,
    stem_weight,
)
from tracker.judge_tolls import toll_relation, toll_similarity
from tracker.lexicon import NEGATIVE_CONCEPTS, PROSPECTIVE
from tracker.model import Judgement, Modality, Polarity, Reason, Relation
from tracker.parts import kindred_words, other_event, part_conflicts, proper_names, title_case
from tracker.patterns import lazy
from tracker.text import (
    STOP_WORDS,
    Analysis,
    Cue,
    analyse_full,
    concepts,
    cue_density,
    informative_words,
    sentences,
    stem,
    tokens,
)

__all__ = [
    "AGREE_THRESHOLD",
    "CONTAINMENT_WEIGHT",
    "DICE_WEIGHT",
    "ENGINE_VERSION",
    "FULL_DICE",
    "LONG_WORDS",
    "ONE_WORD_DAMPING",
    "PASSAGE_HEDGE",
    "PASSAGE_REFUTE",
    "RELATED_THRESHOLD",
    "ROLE_OVERLAP",
    "TEXT_SIDE_FACTOR",
    "TOKEN_SET_WEIGHT",
    "TOKEN_SORT_WEIGHT",
    "Scored",
    "active",
    "is_passage",
    "length_damping",
    "relate",
    "relate_scored",
    "similarity",
    "stem_list",
    "stem_weight",
]

ENGINE_VERSION = "relate-10"
RELATED_THRESHOLD = 25.0  # below this similarity two statements are unrelated
AGREE_THRESHOLD = 25.0  # an unhedged pair this similar, with nothing in conflict, is said to agree

# ---------------------------------------------------------------- judging


_CLAUSE_STOP = lazy(r"[,;:.?!\"(]|\s-\s|\b(?:and|but|if|because|while|when|after|before|as|so|who|which)\b")


def _aligned(negated: Analysis, other: Analysis) -> bool:
    """Does a plain negation bear on words the other side asserts?

    "Four reasons not to give up hope if Apple buys Path" negates hope, not the purchase.
    Denial verbs and labels always bear on the claim they wrap.
    """
    theirs = frozenset(stem_list(other.proposition))
    denials = [cue for cue in negated.cues if cue.kind != "negation"]
    if any(not _wraps(cue, negated) for cue in denials):
        return True  # a label ("is a hoax") or a reply ("no,") judges the whole report
    if denials:
        # "The plant denied that any chlorine leaked" denies the leak, not "the plant must
        # close": a denial bears on a claim whose content it denies (bare "denied the
        # allegations" names none, and denies whatever the other side claims)
        denied = frozenset(stem_list(negated.proposition)) - _CLAIM_WORDS
        if _AGENCY.match(negated.proposition) and not theirs & _AGENCY_STEMS:
            # "denied she ordered the evacuation", "denied involvement in the bombing": who
            # did it or had a hand in it is denied, not that it happened ("the town was
            # evacuated"); it bears only on a side that names someone's part in it
            return False
        return not denied or bool(theirs & denied)
    norm = negated.norm
    for cue in negated.cues:
        left = norm[: cue.span[0]]
        stops = list(_CLAUSE_STOP.finditer(left))
        before = left[stops[-1].end() :] if stops else left
        after_text = norm[cue.span[1] :]
        stop = _CLAUSE_STOP.search(after_text)
        after = after_text[: stop.start()] if stop else after_text
        if _JUDGES_THE_WHOLE.match(after):
            return True  # "update: not true" says the whole report is false
        # "no soldiers were killed" denies soldiers, not the killing: it bears on the other side
        # only if that side names them
        window = stem_list(after)[:1] if cue.text == "no" else stem_list(before)[-3:] + stem_list(after)[:6]
        if theirs & frozenset(window):
            return True
    return False


def _wraps(cue: Cue, analysis: Analysis) -> bool:
    """Is a denial cue a wrapper around the claim it denies ("denied that …", "rejected
    reports that …"), rather than a label or a reply?"""
    return cue.span[0] < analysis.prop_offset and cue.text not in ("no", "nope", "wrong")


# What a denial's object says when it only points at a claim: "denied the allegations".
_CLAIM_WORDS = frozenset(
    stem(w)
    for w in """allegation allegations claim claims report reports rumour rumours rumor rumors
    story stories accusation accusations charge charges suggestion suggestions speculation
    assertion assertions news notion idea talk it this that""".split()
)
# A denied clause that is about someone's part in an act, not the act: "(she) (had) ordered
# …", "ordering …", "involvement in …", "responsibility for …", "any role in …", "(it was)
# behind …". A short subject and auxiliaries may come first.
_AGENCY_WORDS = (
    r"order(?:ed|ing|s)?|authori[sz](?:ed|ing|e)|sanction(?:ed|ing)|orchestrat(?:ed|ing)"
    r"|mastermind(?:ed|ing)?|instigat(?:ed|ing)|organi[sz](?:ed|ing)"
    r"|involvement in|involved in|responsibility for|responsible for|(?:a |any )?role in"
    r"|(?:a |any )part in|(?:a |any )hand in|behind|links? (?:to|with)|complicity in|complicit in"
    r"|anything to do with|knowledge of"
)
_AGENCY = lazy(
    r"(?:(?:[a-z'-]+\s+){0,4}?)(?:(?:had|has|have|was|were|is|are|been|being|ever|personally|"
    r"directly|any|no)\s+)*(?:" + _AGENCY_WORDS + r")\b"
)
_AGENCY_STEMS = frozenset(
    stem(w)
    for w in """order authorise authorize sanction orchestrate mastermind instigate organise
    organize involvement involved responsibility responsible role part hand behind link links
    complicity complicit knowledge blame blamed""".split()
)
_JUDGES_THE_WHOLE = lazy(r"\s*(?:true|real|correct|accurate|the case)\b")
_LABEL_NOUN = lazy(
    r"\b(?:hoax(?:es)?|fake[sd]?|fabricat\w+|false|bogus|myths?|pranks?|spoofs?|scams?|satire|libel)\b"
)
_LABEL_UNDONE = lazy(r"(?:\bno|\bnot|\bnot a|\bnot an|n't a|n't an)\s+(?:\w+\s+)?$")
_DEATH = frozenset("dead death deaths died dies die dying".split())


def _content_stem(word: str) -> str:
    return "die" if word in _DEATH else stem(word)


def _label_on_claim(xa: Analysis, xb: Analysis) -> Reason | None:
    """A falsity label that modifies the claim's own words: "another death hoax" for "X is dead".

    analyse() only trusts predicative labels ("is a hoax"); as a modifier a label says what
    is false, so it denies the claim when it modifies a word of the claim.
    """
    theirs = frozenset(_content_stem(w) for w in informative_words(xa.proposition))
    norm = xb.norm
    for m in _LABEL_NOUN.finditer(norm):
        left = norm[max(0, m.start() - 30) : m.start()]
        if _LABEL_UNDONE.search(left) or _in_question_text(norm, m.start()):
            continue
        before = re.findall(r"[a-z0-9']+", left)[-1:]
        if before and before[0].endswith("'s"):
            continue  # "the actor's fake account": the label is the account's, not the actor's
        if before and before[0] not in STOP_WORDS and _content_stem(before[0]) in theirs:
            return Reason("denial", f"'{before[0]} {m.group(0)}' in b", "b", m.span())
    return None


def _in_question_text(norm: str, position: int) -> bool:
    end = re.search(r"[.!?]", norm[position:])
    return bool(end and end.group(0) == "?")


def _polarity_reason(side: str, analysis: Analysis) -> Reason:
    cue = analysis.cues[0]
    code = "negation" if cue.kind == "negation" else "denial"
    return Reason(code, f"'{cue.text}' in {side}", side, cue.span)


# A denial label the writer hedges: "probably fabricated", "likely untrue", "almost certainly
# false" deny, but only as far as the writer is sure.
_HEDGED_LABEL = lazy(
    r"\b(?P<hedge>probably|(?:most |very )?likely|almost certainly|possibly|perhaps|maybe|apparently"
    r"|seemingly|in all likelihood|(?:may|might|could) (?:well )?be)\s+(?:an?\s+)?$"
)
_LABEL_REACH = 30  # characters before a denial label in which its hedge stands


def _hedged_denial(side: str, analysis: Analysis) -> Reason | None:
    """The hedge on a side's denial label, as a `hedge` reason: the pair still contradicts (the
    label leans against the claim), but no more surely than the writer says it."""
    for cue in analysis.cues:
        if cue.kind == "negation":
            continue
        hedge = _HEDGED_LABEL.search(analysis.norm, max(0, cue.span[0] - _LABEL_REACH), cue.span[0])
        if hedge:
            return Reason("hedge", f"'{hedge.group('hedge')}' in {side}", side, hedge.span("hedge"))
    return None


def _hedge_gap(xa: Analysis, xb: Analysis) -> list[Reason]:
    """Hedges (or question / conditional modality) that one side has and the other lacks.

    A side hedged in any way ("may have", "allegedly", "believed to") only reports what a firm
    side asserts or denies; two hedged sides report one claim alike ("could" / "may"). Of a's
    hedges only its attribution's and the tentative ones count: relate(a, b) asks how b stands
    to a's claim, and a claim may name what it is about ("video shows", "claim").
    """
    ha = tuple(h for h in xa.hedges if _outside(h, xa) or _TENTATIVE.fullmatch(h.text))
    # a word a's claim itself holds is what both claims are about ("opened an investigation"
    # / "launched an investigation"), not a hedge that only b has
    topic = frozenset(h.text for h in xa.hedges if h not in ha)
    hb = tuple(h for h in xb.hedges if h.text not in topic)
    if ha and hb:
        return []
    reasons = []
    for side, hedges, analysis, other in (("a", ha, xa, xb), ("b", hb, xb, xa)):
        if hedges:
            reasons.append(Reason("hedge", f"'{hedges[0].text}' in {side}", side, hedges[0].span))
        elif analysis.modality in _UNASSERTED and other.modality not in _UNASSERTED:
            reasons.append(Reason("modality", f"{analysis.modality.value} in {side}", side))
    if not reasons:
        appeal = _appeal_gap(xa, xb) or _prospective_gap(xa, xb)
        if appeal:
            reasons.append(appeal)
    return reasons


PROSPECTIVE_REACH = 5  # words of the act, from its first, in which a word of the other claim must stand


def _prospective(analysis: Analysis, other: Analysis) -> Cue | None:
    """An attempt, negotiation or deliberation over an act the other side claims: "Microsoft
    trying to buy Mojang", "in talks to acquire", "considering opening a restaurant" against
    "Microsoft buys Mojang". The act is a verb ("to buy", "buying"), and the words from it on
    share a word with the other claim: "tried to impress his girlfriend" attempts another act."""
    theirs = frozenset(concepts(other.proposition))
    for m in PROSPECTIVE.finditer(analysis.norm):
        act = re.findall(r"[a-z][\w'-]*", analysis.norm[m.start("act") :])[:PROSPECTIVE_REACH]
        if not act or not (m.group(0).endswith(" to " + m.group("act")) or act[0].endswith("ing")):
            continue  # "the near east", "eyes a summer release": no act attempted
        if theirs & frozenset(concepts(" ".join(act))):
            return Cue("hedge", m.group(0)[:-1].strip(), (m.start(), m.start("act")))
    return None


def _prospective_gap(xa: Analysis, xb: Analysis) -> Reason | None:
    """b attempts, negotiates or weighs the act a claims: it discusses the claim, neither
    agreeing nor contradicting ("X in talks to buy Y" / "X buys Y"). a's own attempt is its
    claim ("ISIS is trying to sell the remains" / "ISIS is selling the body": b's firm report
    bears it out), so only b's counts, and not when a attempts, negotiates or weighs too."""
    cue = _prospective(xb, xa)
    if cue is None or _prospective(xa, xb) is not None or PROSPECTIVE.search(xa.norm):
        return None
    return Reason("modality", f"'{cue.text}' in b", "b", cue.span)


_APPEAL = lazy(r"\b(?:call(?:s|ed|ing)? (?:on|upon)|press(?:es|ed|ing)?)\b[^,;:]{1,40}?\bto [a-z]")


def _appeals(analysis: Analysis) -> bool:
    """Does a claim report an appeal ("urged India and Pakistan to de-escalate", "called on
    Israel to halt", "asked for a truce") rather than what was done?"""
    if "?" in analysis.proposition:
        return False  # "asks doctors: how's it going?" is a question, not an appeal
    return "request" in concepts(analysis.proposition) or bool(_APPEAL.search(analysis.proposition))


def _appeal_gap(xa: Analysis, xb: Analysis) -> Reason | None:
    """An appeal on one side only: "Rubio urged India and Pakistan to de-escalate" says what
    was asked, not that "the onus for de-escalation lies with New Delhi", nor that they did."""
    pa, pb = _appeals(xa), _appeals(xb)
    if pa == pb:
        return None
    side = "a" if pa else "b"
    return Reason("modality", f"an appeal in {side}", side)


# Hedges by which a side says a thing may have happened, not that it is said to have: such a
# report stands beside a denial as well as beside a firm claim ("reportedly captured Goma" /
# "did not capture Goma"). "Claims", "reports", "rumours" are what denials deny.
_TENTATIVE = lazy(
    r"may|might|could|may have|might have|could have|possibly|probably|likely|perhaps|maybe"
    r"|reportedly|allegedly|apparently|purportedly|supposedly|presumably|believed to|thought to"
    r"|suspected|suspects?|appears? to|seems? to|(?:is|are|was|were) expected to|not sure"
    r"|unconfirmed|unverified|suggests?|suggested|rumou?red|exit polls?"
)


def _hedged_claim_denied(hedges: list[Reason], xa: Analysis, xb: Analysis) -> bool:
    """A tentative report against a firm denial: "reportedly captured Goma" / "did not capture
    Goma" (a denial that is itself hedged, "likely a hoax", still leans against the claim)."""
    for reason in hedges:
        mine, other = (xa, xb) if reason.side == "a" else (xb, xa)
        tentative = reason.code == "modality" or any(_TENTATIVE.fullmatch(h.text) for h in mine.hedges)
        if tentative and mine.polarity is Polarity.AFFIRM and other.polarity is Polarity.DENY:
            return True
    return False


_UNASSERTED = (Modality.QUESTION, Modality.CONDITIONAL)


def _outside(cue: Cue, analysis: Analysis) -> bool:
    """Is a hedge in the attribution around a's claim rather than inside the claim itself?

    relate(a, b) asks how b stands to a's claim: a claim that is itself tentative ("X could
    be traded") is simply the claim; only b's hedging, or a's attribution, withholds support.
    """
    start = cue.span[0]
    return start < analysis.prop_offset or start >= analysis.prop_offset + len(analysis.proposition)


def _negative_act(a: Analysis, b: Analysis) -> Reason | None:
    """A side that says an act was refused, ruled out or abandoned ("refused bail", "ruled out
    scrapping") says what a negation says; counted only where the other side lacks it."""
    ca, cb = frozenset(concepts(a.proposition)), frozenset(concepts(b.proposition))
    for side, mine, theirs, analysis in (("a", ca, cb, a), ("b", cb, ca, b)):
        if analysis.polarity is Polarity.DENY:
            continue  # "refused to join": the negation already says it
        for word in sorted((mine - theirs) & NEGATIVE_CONCEPTS):
            return Reason("negation", f"'{word}' in {side}", side)
    return None


_NIL_WORDS = lazy(r"\b(?:had|has|have|any|a single|no)\s+")


def _nil_plain(proposition: str) -> str:
    """A side of a nil sum as its act alone, to compare who did it and when: "france had not
    contributed any money to the fund" → "france contributed money to the fund"."""
    return _NIL_WORDS.sub("", _unnegated(proposition))


# what a caller computed of two statements already: their propositions and the score of their
# wording (relate_scored)
Scored = tuple[str, str, float]


def _judge_short(a: str, b: str, threshold: float, scored: Scored | None = None) -> Judgement:
    xa, xb = analyse_full(a), analyse_full(b)
    if scored is not None and scored[:2] == (xa.proposition, xb.proposition):
        score = scored[2]
    else:
        score = round(
            max(similarity(xa.proposition, xb.proposition), similarity(xa.norm, xb.norm) * TEXT_SIDE_FACTOR),
            1,
        )
    blamed = blame_as_cause(xa.proposition, xb.proposition)
    if blamed:
        # "the blast was blamed on a leak" / "a leak caused the blast": one claim of cause
        score = max(score, round(similarity(*blamed), 1))
    unnamed = unnamed_denial(xa.proposition, xb.proposition)
    if unnamed:
        # "has rejected the accusation" / "carried out the attack": what it denies is elsewhere
        relation = Relation.RELATED if score >= threshold else Relation.UNRELATED
        return Judgement(relation, score, (unnamed, Reason("similarity", f"{score:.0f}/100")))
    toll_score = toll_similarity(xa.proposition, xb.proposition)
    if toll_score is not None:
        # "the death toll had risen to 14" / "the explosion killed 12 people": one measure
        score = max(score, toll_score)
    nil = nil_sum(xa, xb)
    if nil and nil[0].code == "aspect":
        if score < threshold:
            return Judgement(Relation.UNRELATED, score, (Reason("similarity", f"{score:.0f}/100"),))
        return Judgement(Relation.RELATED, score, (nil[0], Reason("similarity", f"{score:.0f}/100")))
    if nil:
        # "had not contributed any money" / "had paid 5 million euros": the sum is money, and
        # the two acts one act of handing it over, so the pair is as alike as it reads so said
        score = max(score, round(similarity(nil[1], nil[2]), 1))
    sim_reason = Reason("similarity", f"{score:.0f}/100")
    if score < threshold:
        return Judgement(Relation.UNRELATED, score, (sim_reason,))
    if nil and not _hedge_gap(xa, xb):
        # the sum against no money bears on one act: by another actor, on another day, it is
        # another claim ("Germany paid …" / "France had not contributed any money …")
        apart = part_conflicts(
            active(_nil_plain(nil[1])), active(_nil_plain(nil[2])), proper_names(a), proper_names(b)
        )
        if apart:
            return Judgement(
                Relation.RELATED, score, (*(Reason(p.part, p.detail) for p in apart), sim_reason)
            )
        return Judgement(Relation.CONTRADICTS, score, (nil[0], sim_reason))

    persons = unknown_parties(xa, xb, a, b)
    if persons:
        # "your government attacked us" / "we attacked your government": the parties are
        # whoever each speaker means, unknown here, so the claims are only about one thing
        return Judgement(Relation.RELATED, score, (persons, sim_reason))
    conflicts: list[Reason] = []
    flips = 0
    off_claim: Reason | None = None  # a negation about something the other side does not claim
    if xa.polarity != xb.polarity:
        side, analysis, other = ("a", xa, xb) if xa.cues else ("b", xb, xa)
        if _aligned(analysis, other):
            flips += 1
            conflicts.append(_polarity_reason(side, analysis))
            label_hedge = _hedged_denial(side, analysis)
            if label_hedge:
                conflicts.append(label_hedge)
        else:
            off_claim = _polarity_reason(side, analysis)
    elif xb.polarity is Polarity.AFFIRM:
        label = _label_on_claim(xa, xb)
        if label:
            flips += 1
            conflicts.append(label)
    antonym = _antonym(xa, xb)
    names = proper_names(a) | proper_names(b)
    if antonym and antonym.code == "converse" and _shared_players(xa, xb, names) < 2:
        antonym = None  # "gave a man 100" / "the man received 100": one event, told from each side
    if antonym:
        flips += 1
        conflicts.append(antonym)
    else:
        refusal = _negative_act(xa, xb)
        if refusal:
            flips += 1
            conflicts.append(refusal)
    numeric = _number_conflicts(xa, xb)
    counts = _casualty_counts(xa, xb) if not flips else None
    if counts and _counts_decide(counts, bool(numeric), xa, xb):
        # casualties counted, where the numbers alone judge wrong: a toll they miss ("death
        # toll was 14" / "killed 12"), two measures they call a conflict ("taken to hospital" /
        # "remained in hospital"), or a toll counted again later ("had risen to"): an update
        return Judgement(counts[0], score, (counts[1], sim_reason))
    roles = _roles_swapped(xa, xb, names) if not numeric else None
    if roles and roles.code == "reciprocal":
        return Judgement(Relation.RELATED, score, (roles, sim_reason))
    if roles:
        flips += 1
        conflicts.append(roles)
    if numeric:
        conflicts.extend(numeric)

    other_name = _other_names(xa, xb)
    if other_name and other_name[1]:
        # Claims about two things of one kind ("Route 9" / "Route 4 is closed"): neither bears
        # on the other, however many words they share.
        return Judgement(Relation.UNRELATED, score, (other_name[0], sim_reason))
    if other_name and flips % 2 == 0 and not _hedge_gap(xa, xb):
        # One thing said to stand in two named places ("leaves from platform 9" / "platform 4")
        return Judgement(Relation.CONTRADICTS, score, (other_name[0], *conflicts, sim_reason))
    named = other_name[0] if other_name else (None if numeric else _other_counts(xa, xb))
    if named:
        # About another thing of the same kind: neither agreeing nor contradicting.
        return Judgement(Relation.RELATED, score, (named, sim_reason))
    hedges = _hedge_gap(xa, xb)
    if hedges and (flips % 2 == 0 or _hedged_claim_denied(hedges, xa, xb)):
        # One side only reports, asks or supposes what the other asserts or denies.
        return Judgement(Relation.RELATED, score, (*hedges, *conflicts, sim_reason))
    if off_claim and score >= AGREE_THRESHOLD:
        # "No soldiers were killed" / "Four civilians were killed": the denial is of another thing
        return Judgement(Relation.RELATED, score, (off_claim, *conflicts, sim_reason))
    event = _other_event(a, b, xa, xb) if not flips and not numeric and threshold > 0 else None
    if event:
        # One actor, one place, another thing done: two claims, neither said of the other (what
        # was done is not a part refilled: "removed the president" / "approved the budget").
        return Judgement(Relation.UNRELATED, score, (event, sim_reason))
    kindred = kindred_words(xa.proposition, xb.proposition) if not flips and not numeric else None
    if kindred:
        # "blamed the police" / "blamed the policy": one letter apart, two things; neither side
        # says anything of the other's
        return Judgement(
            Relation.RELATED,
            score,
            (Reason("word", f"'{kindred[0]}' in a vs '{kindred[1]}' in b"), sim_reason),
        )
    purposes = _other_purposes(xa, xb) if not flips and not numeric else None
    if purposes:
        # "$5 million to the hospital" / "$2 million to the museum": two sums, neither said of
        # the other's purpose (what they are for is no part refilled: they need not conflict)
        return Judgement(Relation.RELATED, score, (purposes, sim_reason))
    doer = _doer(a, b, xa, xb) if not flips and not numeric and not roles else None
    if doer:
        # one act by two doers conflicts; by whom against from where are two parts of it
        relation = Relation.CONTRADICTS if doer.code == "agent" else Relation.RELATED
        return Judgement(relation, score, (doer, sim_reason))
    found = part_conflicts(
        active(_unnegated(xa.proposition)),
        active(_unnegated(xb.proposition)),
        proper_names(a),
        proper_names(b),
    )
    # a refilled word that is also an antonym is the antonym's flip, not another filler
    shown = {
        w for r in conflicts if r.code in ("antonym", "converse") for w in re.findall(r"'([^']+)'", r.detail)
    }
    parts = tuple(Reason(p.part, p.detail) for p in found if not {p.a, p.b} & shown)
    if parts and not roles:
        # One part filled differently: the same claim about another actor, target, place or
        # time. Both asserting it, they conflict; one denying it, they need not.
        if flips % 2 == 0:
            return Judgement(Relation.CONTRADICTS, score, (*parts, *conflicts, sim_reason))
        return Judgement(Relation.RELATED, score, (*parts, *conflicts, sim_reason))
    if flips % 2 == 1 or numeric:
        frame = one_frame(xa, xb) if numeric and not flips else None
        return Judgement(Relation.CONTRADICTS, score, (*conflicts, *([frame] if frame else []), sim_reason))
    if flips:
        # Two flips cancel: "X did not win" against "X lost" says the same thing.
        return Judgement(Relation.AGREES, score, (*conflicts, sim_reason))
    if score >= AGREE_THRESHOLD or threshold <= 0:
        return Judgement(Relation.AGREES, score, (sim_reason,))
    return Judgement(Relation.RELATED, score, (sim_reason,))


def _casualty_counts(xa: Analysis, xb: Analysis) -> tuple[Relation, Reason] | None:
    """Two plain counts of casualties (tracker.judge_tolls), both asserted and unhedged."""
    if not (xa.polarity is xb.polarity is Polarity.AFFIRM) or _hedge_gap(xa, xb):
        return None
    return toll_relation(xa.proposition, xb.proposition)


def _counts_decide(counts: tuple[Relation, Reason], numeric: bool, xa: Analysis, xb: Analysis) -> bool:
    """Does the casualty reading decide, where the number rules say nothing or say wrong? A
    conflict of numbers they found stands with its own reason, as does their "two things
    counted" ("5 killed" / "20 injured")."""
    if counts[1].code == "update":
        return True
    if counts[0] is Relation.CONTRADICTS:
        return not numeric
    return numeric or _other_counts(xa, xb) is None


def _doer(a: str, b: str, xa: Analysis, xb: Analysis) -> Reason | None:
    """Who did (or what caused) one act, compared as phrases: tracker.judge_agents."""
    pa, pb = _unnegated(xa.proposition), _unnegated(xb.proposition)
    passive = active(pa) != pa or active(pb) != pb
    return agent_or_origin(pa, pb) or other_agent(active(pa), active(pb), a, b, passive=passive)


_NEGATION_WORDS = lazy(
    r"\b(?:(?:do|does|did)\s+not|(?:don|doesn|didn)'t|not|never|no longer|no)\s+|(?<=\w)n't\b"
)


def _unnegated(proposition: str) -> str:
    """The proposition without its negation words, so that the parts of two claims are
    compared whatever their polarity ("did not export" is "export"): "I am not asking for
    favours" / "I am asking for a recount" fill what is asked for differently, and a negation
    of one thing is no contradiction of another (polarity is judged apart)."""
    return _NEGATION_WORDS.sub("", proposition)


def _other_event(a: str, b: str, xa: Analysis, xb: Analysis) -> Reason | None:
    """Two sentences sharing only who acted, where and when, each saying something else was
    done ("India struck Lahore" / "India's cricket team won in Lahore"). Titles are left alone:
    their capitals do not say which words are names."""
    if title_case(a) or title_case(b):
        return None
    names_a, names_b = proper_names(a), proper_names(b)
    done = other_event(active(xa.proposition), active(xb.proposition), names_a, names_b)
    # the whole sentences too: a claim read as what its speaker "declared" is not all they say
    if done is None or other_event(active(xa.norm), active(xb.norm), names_a, names_b) is None:
        return None
    return Reason("event", f"'{done[0]}' in a vs '{done[1]}' in b")


LONG_WORDS = 60  # a text of more words than this (and more than two sentences) is a passage


def is_passage(text: str) -> bool:
    """Is text a passage, judged by its sentences closest to the claim rather than as a whole?"""
    return len(tokens(text)) > LONG_WORDS and len(sentences(text)) > 2


def _best_sentences(a: str, passage: str, k: int = 3) -> list[tuple[float, str]]:
    """The k sentences of passage that share the most informative words with a."""
    target = frozenset(stem_list(a))
    scored = []
    for position, sentence in enumerate(sentences(passage)):
        words = frozenset(stem_list(sentence))
        if not words:
            continue
        shared = sum(stem_weight(t) for t in target & words)
        # The opening of a news body restates the headline's claim most often.
        scored.append((shared * (1.15 if position < 3 else 1.0), sentence))
    scored.sort(key=lambda item: -item[0])
    return scored[:k]


PASSAGE_REFUTE = 0.35  # refuting words per 100 words above which a passage disputes a claim
PASSAGE_HEDGE = 1.2  # hedging words per 100 words above which a passage only reports a claim


def _judge_passage(a: str, b: str, threshold: float) -> Judgement:
    target = frozenset(stem_list(a))
    body = frozenset(stem_list(b))
    if not target:
        return Judgement(Relation.UNRELATED, 0.0, (Reason("similarity", "0/100"),))
    cover = sum(stem_weight(t) for t in target & body) / sum(stem_weight(t) for t in target)
    best = _best_sentences(a, b)
    judged = [_judge_short(a, sentence, 0.0) for _, sentence in best]
    top = max((j.score for j in judged), default=0.0)
    score = round(min(100.0, 0.6 * 100 * cover + 0.4 * top), 1)
    sim_reason = Reason("similarity", f"{score:.0f}/100 (passage)")
    if score < threshold:
        return Judgement(Relation.UNRELATED, score, (sim_reason,))
    claim = analyse_full(a)
    refute, hedge = cue_density(b)
    density = Reason("passage", f"{refute:.1f} refuting and {hedge:.1f} hedging words per 100", "b")
    cue_reasons = tuple(r for j in judged for r in j.reasons if r.code in ("denial", "negation"))[:1]
    if claim.hedges or claim.modality is Modality.QUESTION:
        # A hedged claim can only be reported on, whatever the passage says.
        return Judgement(
            Relation.RELATED, score, (Reason("hedge", f"'{claim.hedge or '?'}' in a", "a"), sim_reason)
        )
    if refute >= PASSAGE_REFUTE:
        relation = Relation.AGREES if claim.polarity is Polarity.DENY else Relation.CONTRADICTS
        return Judgement(relation, score, (*cue_reasons, density, sim_reason))
    lead = [
        j
        for j in judged[:1]
        if j.relation is Relation.CONTRADICTS and any(r.code == "denial" for r in j.reasons)
    ]
    if lead:
        return Judgement(Relation.CONTRADICTS, score, (*lead[0].reasons[:1], density, sim_reason))
    if hedge <= PASSAGE_HEDGE:
        return Judgement(Relation.AGREES, score, (density, sim_reason))
    return Judgement(Relation.RELATED, score, (density, sim_reason))


def relate(a: str, b: str, *, related_threshold: float | None = None) -> Judgement:
    """Judge how statement b stands to statement a: agrees, contradicts, related or unrelated.

    b may be a whole passage (an article body); then the few sentences most related to a
    decide. related_threshold (0-100) overrides RELATED_THRESHOLD; 0 treats every pair as
    being about the same thing (a stance task).
    """
    threshold = RELATED_THRESHOLD if related_threshold is None else related_threshold
    if is_passage(b):
        return _judge_passage(a, b, threshold)
    return _judge_short(a, b, threshold)


def relate_scored(a: str, b: str, threshold: float, scored: Scored) -> Judgement:
    """relate(a, b, related_threshold=threshold) of two short statements (b no passage) whose
    score the caller computed already: `scored` is (a's proposition, b's, the score) with the
    score max(similarity of the propositions, of the normalised texts × TEXT_SIDE_FACTOR),
    rounded to a tenth, as relate computes it. The linker has it from the statements' shapes
    (link.prefilter.link_score): a fifth of judging a pair, not done twice. Propositions
    other than the ones relate finds (stored by an older analysis) and the score is relate's."""
    return _judge_short(a, b, threshold, scored)
