"""Reported speech found sentence by sentence around a cue, and the describe-as forms (what X calls “…”)."""

from __future__ import annotations

import re

from tracker.extract.answers import Answers
from tracker.extract.clauses import (
    AUXILIARIES,
    BLAME_PARTICLES,
    CALL_PARTICLES,
    bare_addressee,
    blame_joint,
    blame_object,
    covers,
    cue_clause,
    demonstrative_claim,
    names_content,
    relative_that,
    split_commas,
)
from tracker.extract.cues import (
    ADDRESSEE,
    ADVERBS,
    ANAPHORIC_CLAIM,
    CATENATIVES,
    CLAUSE_VERBS,
    CONTENT_NOUNS,
    CUE_FORMS,
    DENIAL,
    DETERMINERS,
    EVIDENCE_CUES,
    NEEDS_THAT,
    NEGATIVE_REPLY,
    NOUN_LIKE_CUES,
    NP_OBJECT,
    ORGANISATION_ROLES,
    PARTICIPLE_LEADS,
    PARTICIPLES,
    PRONOUNS,
    QUOTE_MARK,
    RATING,
    RELATIVE_OBJECT_CUES,
    ROLE_NOUNS,
    SOURCE_BEFORE_CUE,
    SPEAKER_NOUNS,
    TAIL_OPENERS,
    TIME_WORDS,
    TITLES,
)
from tracker.extract.phrases import (
    REPORTER_HEDGE,
    call_particle,
    clause_at,
    cue_hedge,
    cue_lemma,
    descriptor_name,
    is_evidence,
    is_outlet,
    np_left,
    np_right,
    subject,
    title_case,
)
from tracker.extract.resolution import looks_like_person, organisation, organisation_role
from tracker.extract.scan import Found
from tracker.extract.spans import Tok, inner_span, inside, tokenize, trim
from tracker.lexicon import DENIAL_RATINGS
from tracker.model import Kind, Polarity, Span
from tracker.patterns import lazy

# A pronoun contracted with its auxiliary before a progressive cue: "He’s claiming …".
_CONTRACTED = lazy(r"(?:he|she|it)['’]s|(?:they|we)['’]re")
# A participle's object that points back at what the sentence's denial named: "calling them …".
_RESTATED = lazy(
    r"(?:the|these|those|such)\s+(?:allegations?|claims?|reports?|accusations?|charges?)\b\s*(?:as\b)?"
    r"|(?:it|them)\b\s*(?:as\b)?",
    re.IGNORECASE,
)


# What an organisation issues; "a statement from X" is X speaking.
_DOCUMENTS = frozenset(("statement", "release", "communique", "communiqué", "letter", "filing", "notice"))


# What a reporter did with a clause it did not say: learned it, was told it, understands it.
_LEARNED = r"(?:has|have)\s+(?:learned|learnt|been\s+told)|learned|learnt|(?:was|were)\s+told|understands|understood|can\s+reveal"
# An outlet that carried the report, closing the reported clause: "…, Northern Herald reports",
# "…, Radio Coastline has learned".
_REPORTED_BY = lazy(
    r",\s*((?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*\s+(?:reports|reported|says|said|writes|wrote|"
    + _LEARNED
    + r"))\s*[.;]?$"
)
# The same closing a sentence nobody else speaks in: the reporter's words, whose source it does not name.
# The same phrase opening a sentence, with the source it learned from if named: "The Herald has
# learned from officials that …", "Radio Coastline was told by two ministers that …".
_REPORTER_OPENING = lazy(
    r"(?P<chain>(?P<who>(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*)\s+(?P<verb>"
    + _LEARNED
    + r"))(?:\s+(?:from|by)\s+(?P<src>[^,;:.!?\"“”]{1,80}?))?\s*,?\s+that\s+"
)
_REPORTER_CLOSING = lazy(
    r",\s*(?P<chain>(?P<who>(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*)\s+(?P<verb>"
    + _LEARNED
    + r"))"
    r"\s*[.;!]?[\"”’]*\s*$"
)


# Cues that close a sentence as its attribution ("…, officials said."); a cue inside the clause
# before them is part of what was said.
_TRAILING_CUES = frozenset(
    (
        "say",
        "add",
        "note",
        "tell",
        "write",
        "claim",
        "explain",
        "argue",
        "warn",
        "insist",
        "report",
        "confirm",
    )
)


# Conjunctions after which a sentence goes on to another clause: "…, Brandt said, but …".
_CONJUNCTIONS = frozenset(("but", "and", "while", "whereas", "yet"))
# "-ing" words that go on with the words said, not a new clause: "21 had died, including six Bolivians".
_PART_OF_CONTENT = frozenset(("including", "excluding"))
# What opens the reporter's own clause after "…, officials said, as …": the scene, not the words.
_NARRATION_OPENERS = frozenset(("as", "amid", "amidst"))
# "as well as", "as much as", "as if": a comparison that goes on with the words, not a scene.
_NOT_NARRATION = frozenset(("well", "much", "many", "long", "far", "soon", "if", "though", "expected"))


# A past-tense verb form: "drew", "angered" (a sentence's main verb after a clause inside it).
_PAST_VERB = lazy(r"[a-z]{3,}ed|[a-z]+(?:ew|ook|ood|ent|ame|ave|oke|ose|ought|aught)")
# Past forms of a clause's main verb that _PAST_VERB's endings miss: "…, who said it, left early".
_IRREGULAR_PAST = frozenset(
    "left met kept held made ran won lost fell felt got paid led put sat stood fled".split()
)
# Cue forms as often adjectives: a cue only before "that" or a mark ("…,” Brandt repeated.").
_ADJECTIVE_CUES = frozenset(("repeated",))
_PASSIVE = frozenset(("was", "were", "been", "being", "is", "are", "be"))
_DENIED_WORDS = 20  # what "was rejected by X" denies: at most a clause's length before it


class ReportedSpeech(Answers):
    """Finds the speaker and the reported clause around each cue of a sentence."""

    # reported speech

    def indirect(self, sent: Span, quotes: list[Span]) -> None:
        text = self.text
        toks = tokenize(text, *sent)
        # Statements already attributed in this sentence give participles their speaker.
        sent_items = [f for f in self.found if f.cue and sent[0] <= f.cue[0] < sent[1]]
        title = title_case(toks)
        trailing = self._trailing_cue(toks, quotes)
        if trailing is not None:
            # "Militants attacked the convoy, officials said.": the officials said all of it, so
            # a cue inside what they said ("attacked") is not read as a statement of its own.
            item = self._indirect_at(toks, trailing[1], trailing[0], sent, sent_items)
            if item is not None:
                self.add(item)
                sent_items.append(item)
        k = 0
        while k < len(toks):
            t = toks[k]
            hit = None if inside(t.start, quotes) or t.start in self.used_cues else cue_lemma(toks, k)
            if (
                hit is None
                and title
                and k > 0
                and t.cap
                and t.low in CUE_FORMS
                and t.low.endswith(("s", "ed", "id", "ld"))
                and t.low not in NOUN_LIKE_CUES
                and not inside(t.start, quotes)
                and t.start not in self.used_cues
            ):
                hit = (CUE_FORMS[t.low], k)  # a headline in title case: "Obama Says Museum Will …"
            if t.low in PARTICIPLES and not inside(t.start, quotes) and t.start not in self.used_cues:
                hit = call_particle(toks, k) or (PARTICIPLES[t.low], k)
            if hit is None or any(covers(f, t.start) for f in self.found):
                k += 1
                continue
            item = self._indirect_at(toks, k, hit, sent, sent_items)
            if item is not None:
                self.add(item)
                sent_items.append(item)
            k = hit[1] + 1

    def _indirect_at(
        self, toks: list[Tok], k: int, hit: tuple[str, int], sent: Span, sent_items: list[Found]
    ) -> Found | None:
        text = self.text
        content: Span | None
        lemma, last = hit
        t = toks[k]
        cue: Span = (t.start, toks[last].end)
        if lemma == "according to":
            sp = np_right(toks, last + 1)
            # "according to" names its source whatever the phrase: take it up to the clause break.
            stop = next((m for m in range(last + 1, len(toks)) if toks[m].text in ',.;:!?—–()"“”'), len(toks))
            if (
                stop - (last + 1) <= 25
                and stop > last + 1
                and (sp is None or sp[1] < stop)
                and (toks[last + 1].low in DETERMINERS or toks[last + 1].word)
            ):
                sp = (last + 1, stop)
            if sp is None:
                return None
            apposed = self._according_apposition(toks, sp)
            stop_role: str | None = None
            phrase_end = sp[1]
            if apposed is not None:
                sp, stop_role, phrase_end = apposed
            document: str | None = None
            if (
                sp[1] - sp[0] > 3
                and toks[sp[0]].low in ("a", "an", "the")
                and toks[sp[0] + 1].low in _DOCUMENTS
                and toks[sp[0] + 2].low in ("from", "by", "of")
            ):
                # "according to a statement from the port authority": the authority speaks
                document = text[toks[sp[0]].start : toks[sp[0] + 1].end]
                sp = (sp[0] + 3, sp[1])
            after = toks[phrase_end] if phrase_end < len(toks) else None
            said = [f for f in sent_items if f.cue and f.cue[1] <= t.start]
            if k > 0 and toks[k - 1].text in ",—–-" and said and (after is None or after.text in ".;!?"):
                # "“…,” she said, according to the Daily Courier.": the paper is how it reached us
                said[-1].via.append(text[t.start : toks[sp[1] - 1].end])
                return None
            if k > 0 and toks[k - 1].text in ",—–-":
                content = trim(text, sent[0], toks[k - 1].start)
            elif k == 0 and after is not None and after.text == ",":
                content = trim(text, after.end, sent[1])
            else:
                return None
            found = self._finish(content, cue, toks[sp[0] : sp[1]], lemma, toks, k)
            if found is not None and document is not None:
                found.via.append(document)
            if found is not None and stop_role is not None:
                found.role = stop_role
            return found
        prev = toks[k - 1] if k else None
        if t.low == "saying" and prev is not None and prev.low == "as":
            return self._quoted_as_saying(toks, k, hit)
        # "Trump is (once again) questioning …", "He’s claiming …": the subject of the auxiliary speaks.
        aux = k - 1
        while aux > 0 and (toks[aux].low in ADVERBS or toks[aux].low in ("once", "again")):
            aux -= 1
        contracted = (
            t.low in PARTICIPLES
            and aux >= 0
            and _CONTRACTED.fullmatch(toks[aux].low) is not None
            and aux + 4 > k
        )
        progressive = contracted or (
            t.low in PARTICIPLES
            and aux >= 0
            and toks[aux].low in ("is", "are", "was", "were", "been")
            and aux + 4 > k
        )
        base = k - 2 if k >= 2 else 0
        if base >= 1 and toks[base].low == "on" and toks[base - 1].low in ("went", "goes", "go", "going"):
            base -= 1
        if (
            prev is not None
            and prev.low == "to"
            and k >= 2
            and t.low in CUE_FORMS
            and toks[base].low in CATENATIVES
        ):
            # "protesters continued to call for …", "Ham went on to explain …": the subject speaks.
            left = np_left(toks, base)
            if left is None:
                return None
            content = self._right_content(toks, last, lemma, toks[left[0] : left[1]])
            return (
                None
                if content is None
                else self._finish(content, cue, toks[left[0] : left[1]], lemma, toks, k)
            )
        if not progressive and prev is not None and prev.low in _PASSIVE and lemma in DENIAL:
            return self._denied_by(toks, k, last, cue, lemma)
        if (
            not progressive
            and prev is not None
            and prev.low
            in ("was", "were", "been", "being", "is", "are", "be", "the", "a", "to", "not", "n't", "never")
        ):
            return None  # passive, "the said agreement", infinitives and negations report nothing
        following = toks[k + 1] if k + 1 < len(toks) else None
        if self._possessed_noun(prev, t, lemma) and following is not None and following.word:
            # "Brandt's claim that …" is Brandt's; "Lazar's claim was rejected" says nothing of
            # Lazar's ("Editor's note:" still labels the editor's words)
            return self._possessor_claimed(toks, k) if following.low == "that" else None
        if t.low in _ADJECTIVE_CUES and k + 1 < len(toks) and toks[k + 1].word and toks[k + 1].low != "that":
            return None  # "despite repeated warnings": an adjective before its noun
        participle = t.low in PARTICIPLES and not progressive
        speaker: list[Tok] | None = None
        name_from: Found | None = None
        if participle and (k == 0 or (k == 1 and prev is not None and prev.low in PARTICIPLE_LEADS)):
            # "After saying her foot was swollen, she …": the main clause's subject said it.
            comma = next((m for m in range(last + 1, len(toks)) if toks[m].text == ","), None)
            if comma is None or comma - last < 3:
                return None
            sp = np_right(toks, comma + 1)
            if sp is None or toks[sp[0]].low in ("it", "there"):
                return None
            return self._finish(
                trim(text, toks[last + 1].start, toks[comma - 1].end),
                cue,
                toks[sp[0] : sp[1]],
                lemma,
                toks,
                k,
            )
        if participle or (prev is not None and prev.low in ("and", "but")):
            if participle and (
                prev is None or (prev.text not in ",—–-" and prev.low not in PARTICIPLE_LEADS)
            ):
                return None
            if sent_items:
                name_from = sent_items[-1]
            else:
                subj = subject(toks[: (k - 1 if prev is not None and prev.low in ("and", "but") else k)])
                if subj is None:
                    return None
                speaker = toks[subj[0] : subj[1]]
        elif contracted:
            pronoun = toks[aux]
            cut = pronoun.text.replace("’", "'").index("'")
            speaker = [Tok(pronoun.text[:cut], pronoun.start, pronoun.start + cut)]
        else:
            left = np_left(toks, aux if progressive else k)
            if progressive and left is not None and left[1] != aux:
                left = None
            if left is None:
                # Inverted order after a clause: "…, said the official."
                if (
                    prev is not None
                    and prev.text == ","
                    and lemma in ("say", "add", "write", "note", "tell", "claim", "explain", "argue", "warn")
                ):
                    sp = np_right(toks, last + 1)
                    if sp is None or (
                        sp[1] < len(toks)
                        and toks[sp[1]].text not in ",.;"
                        and not self._tail_only(toks[sp[1] :])
                    ):
                        return None  # "…, said Farah Naz on Monday.": a time after the name is no content
                    content = trim(text, sent[0], prev.start)
                    if len(text[content[0] : content[1]].split()) < 3:
                        return None
                    return self._finish(content, cue, toks[sp[0] : sp[1]], lemma, toks, k)
                return None
            speaker = toks[left[0] : left[1]]
            unnamed = SOURCE_BEFORE_CUE.search(text, sent[0], t.start)
            if unnamed:  # "people familiar with the matter said": the whole phrase is the source
                speaker = [x for x in toks if unnamed.start(1) <= x.start < unnamed.end(1)]
                left = (toks.index(speaker[0]), toks.index(speaker[-1]) + 1)
            before = toks[left[0] - 1] if left[0] else None
            if (
                before is not None
                and before.low in ("which", "whom")
                and lemma in RELATIVE_OBJECT_CUES
                and left[0] >= 2
                and toks[left[0] - 2].text == ","
            ):
                return self._relative(toks, left[0] - 1, k, last, speaker, lemma)
            rest = toks[self._past_addressee(toks, hit) :]
            closed = self._closes_first_clause(toks, left, prev, rest, sent)
            if closed is not None:
                return self._finish(closed, cue, speaker, lemma, toks, k)
            if (
                before is not None
                and before.text == ","
                and left[0] > 1
                and len(rest) > 3
                and rest[0].text == ","
                and not self._narration_follows(rest)
                and (
                    lemma in ("say", "add", "note", "argue", "explain", "write", "insist", "warn")
                    or rest[1].low in CLAUSE_VERBS  # "All of this, he acknowledges, could be undone"
                )
                and sum(t.word for t in rest) >= 3
            ):
                # "The museum, Mr. Obama said, would make visitors …": the speaker sits inside the
                # reported clause, so the content is the sentence around the insertion.
                return self._finish(trim(text, *sent), cue, speaker, lemma, toks, k)
            if (
                before is not None
                and before.text in ",—–-"
                and left[0] > 1
                and (self._tail_only(rest) or self._narration_follows(rest))
            ):
                # "CLAUSE, X said (on Tuesday)." — the content precedes the speaker.
                outer = np_left(toks, left[0] - 1)
                if outer is not None and outer[0] == 0 and prev is not None and prev.text == ",":
                    return None  # "The plant's operator, Velden Power, said …": a role, not content
                set_off = self._role_before_name(toks, left)
                upto = before.start
                if set_off is not None:
                    mark = toks[set_off[0]]
                    upto = mark.end if mark.text in '"”' else mark.start
                content = trim(text, self._after_earlier(toks, sent, sent_items, upto), upto)
                if len(text[content[0] : content[1]].split()) < 3 and not QUOTE_MARK.match(text, content[0]):
                    return None
                if lemma in ("report", "say", "write") and is_outlet(speaker):
                    said = [f for f in sent_items if f.cue and f.cue[1] <= speaker[0].start]
                    if said:  # "“…,” Brandt said, the Northern Herald reports.": how it reached us
                        said[-1].via.append(text[speaker[0].start : cue[1]])
                        self.used_cues.add(cue[0])
                        return None
                    # "CLAUSE, the Northern Herald reports.": the paper carried it, naming nobody
                    return self._reporters(content, cue, speaker, lemma, toks, k)
                found = self._finish(content, cue, speaker, lemma, toks, k)
                if found is not None and set_off is not None:
                    # "…, a defence analyst, Peter Okoro, said": the role is hers, not the content
                    found.role = set_off[1]
                return found
        content = self._right_content(toks, last, lemma, speaker)
        if content is not None and self._relative_cue(toks, k):
            # "Trump, who said the vote was rigged, left early", "The ministry, which had said on
            # Monday that no one was hurt, now says …": the clause closes where its subject's
            # own verb goes on; the verb after it is a statement of its own when it is a cue.
            closing = self._relative_close(toks, content)
            if closing is not None:
                content = trim(text, content[0], closing)
        if content is None and lemma in ("say", "tell", "reply", "answer", "add", "insist"):
            content = self._bare_reply(toks, last, sent)  # "Did the dam break? The ministry said no."
        if content is None:
            if speaker and toks[-1].text == ":" and len(toks) - last <= 6:
                self.pending = self._finish(cue, cue, speaker, lemma, toks, k)
            return None
        restated = (
            _RESTATED.match(text, content[0], content[1])
            if participle and lemma in RATING and sent_items
            else None
        )
        if restated:
            # "…, dismissing the allegations as false" restates the denial just made; when that
            # denial named only "the reports", the rating is what it said: "calling them 'false'".
            self._rate_denial(sent_items[-1], (restated.end(), content[1]))
            return None
        item = self._finish(content, cue, speaker, lemma, toks, k)
        if item is not None and lemma == "blame" and item.content == content and not item.pieces:
            blame_object(item, toks)
        relative = prev is not None and prev.low in ("who", "which") and k >= 2 and toks[k - 2].text == ","
        if (
            item is not None
            and item.speaker
            and relative
            and prev is not None
            and item.speaker[1] <= prev.start
        ):
            # "Trump, who said …": the mention is "who", the name the phrase it stands for
            item.name = text[item.speaker[0] : item.speaker[1]]
            item.speaker = (prev.start, prev.end)
        if item is not None and name_from is not None:
            item.speaker, item.role, item.name = name_from.speaker, name_from.role, name_from.name
            item.hedge = item.hedge or name_from.hedge
        return item

    def _denied_by(self, toks: list[Tok], k: int, last: int, cue: Span, lemma: str) -> Found | None:
        """ "Lazar's claim was rejected by Barbu": Barbu denies it, as in "Barbu rejected Lazar's
        claim"; what was denied is the subject before the auxiliary. Without "by", nobody
        said to deny it speaks, and nothing is found."""
        by = last + 1
        if by >= len(toks) or toks[by].low != "by":
            return None
        denier = np_right(toks, by + 1)
        opens = next((m + 1 for m in range(k - 2, -1, -1) if not toks[m].word), 0)
        if denier is None or not 0 < k - 1 - opens <= _DENIED_WORDS:
            return None  # "On Monday, the plan was rejected by …": what was denied follows the comma
        rated = denier[1] + 1 < len(toks) and toks[denier[1]].low == "as" and lemma in RATING
        if (denier[1] < len(toks) and toks[denier[1]].word and not rated) or toks[opens].low in PRONOUNS:
            return None  # "he was denied by the court a chance …" withholds; it denies no words
        content = trim(self.text, toks[opens].start, toks[k - 2].end)
        if not rated:
            return self._finish(content, cue, toks[denier[0] : denier[1]], lemma, toks, k)
        # "The figure was dismissed by Hossain as “nonsense”": his words are the rating, and
        # what he denies is the subject, or the claim it points back at
        rating = self._rating(toks[denier[1] + 1].start, toks[-1].end)
        item = self._finish(rating, cue, toks[denier[0] : denier[1]], lemma, toks, k)
        if item is None:
            return None
        item.answers = self.object_answers(item, content)
        item.polarity = Polarity.DENY
        return item

    @staticmethod
    def _possessed_noun(prev: Tok | None, t: Tok, lemma: str) -> bool:
        """ "Brandt's claim that …", "the minister's reports": a cue form after a possessive is a
        noun the possessor owns, not a verb they said something with."""
        return (
            prev is not None
            and prev.low.endswith(("'s", "’s", "s'", "s’"))
            and _CONTRACTED.fullmatch(prev.low) is None
            and (t.low == lemma or t.low in NOUN_LIKE_CUES or t.low == lemma + "s")
        )

    def _according_apposition(
        self, toks: list[Tok], sp: tuple[int, int]
    ) -> tuple[tuple[int, int], str, int] | None:
        """ "according to the mayor, Ines Roth, …" / "according to Naz's lawyer, Mira Hahn": the
        name set off beside a role is who speaks, the role is hers; "according to Ines Roth,
        the mayor, …" likewise. Returns the name's tokens (its end where the phrase ends) and the role."""
        comma = sp[1]
        if comma >= len(toks) or toks[comma].text != ",":
            return None
        nxt = np_right(toks, comma + 1)
        if nxt is None:
            return None
        after = toks[nxt[1]] if nxt[1] < len(toks) else None
        if after is not None and after.text not in ",.;!?":
            return None  # "according to the mayor, the town will …": a clause, not an apposition
        first, second = toks[sp[0] : sp[1]], toks[nxt[0] : nxt[1]]

        def name(ts: list[Tok]) -> bool:
            return all(t.cap for t in ts if t.word) and not any(t.low.endswith(("'s", "’s")) for t in ts)

        def role(ts: list[Tok]) -> bool:
            head = ts[-1].low
            return (
                head in TITLES or head in SPEAKER_NOUNS or head in ROLE_NOUNS or head in ORGANISATION_ROLES
            ) and (ts[0].low in DETERMINERS or not ts[0].cap or ts[0].low.endswith(("'s", "’s")))

        text = self.text
        if after is not None and after.text == "," and not clause_at(toks, nxt[1] + 1):
            return None  # "according to police, Ines Roth, 34, was …": no clause after the name
        if role(first) and name(second) and descriptor_name(second) is None:
            named, called = text[second[0].start : second[-1].end], text[first[0].start : first[-1].end]
            if not (looks_like_person(named) or (organisation_role(called) and organisation(named))):
                return None  # "according to the ministry, Kessel, Brun and Olt …": a list
            return nxt, text[first[0].start : first[-1].end], nxt[1]
        if name(first) and role(second):
            return sp, text[second[0].start : second[-1].end], nxt[1]
        return None

    def _role_before_name(self, toks: list[Tok], left: tuple[int, int]) -> tuple[int, str] | None:
        """ "CLAUSE, a defence analyst, Peter Okoro, said": the role set off before the name, as
        (the index of the comma that opens it, its words); None when the name has no such role."""
        name = toks[left[0] : left[1]]
        if not all(t.cap for t in name if t.word) or left[0] < 3:
            return None
        close = left[0] - 1
        opening = next((m for m in range(close - 1, max(-1, close - 8), -1) if not toks[m].word), None)
        if opening is None or opening == 0 or toks[opening].text not in ',"”':
            return None  # a comma, or a quote closing on its own comma: “We are ready,” the mayor, …
        role = toks[opening + 1 : close]
        if len(role) < 2 or not (role[0].low in ("a", "an", "the") or role[0].low.endswith(("'s", "’s"))):
            return None
        head = role[-1].low
        if not (head in TITLES or head in SPEAKER_NOUNS or head in ROLE_NOUNS or head in ORGANISATION_ROLES):
            return None
        return opening, self.text[role[0].start : role[-1].end]

    def _bare_reply(self, toks: list[Tok], last: int, sent: Span) -> Span | None:
        """ "said no", "replied never": a bare "no" after the cue is content only where it answers
        a question: the article's own just before, or one the sentence says was asked."""
        rest = [t for t in toks[last + 1 :] if t.text not in ".!"]
        if not rest or not NEGATIVE_REPLY.fullmatch(self.text, rest[0].start, rest[-1].end):
            return None
        before = self.text[max(0, sent[0] - 300) : sent[0]].rstrip(' \t\n"”’')
        asked = re.search(
            r"\basked\b.*\b(?:whether|if)\b", self.text[sent[0] : toks[last].start], re.IGNORECASE
        )
        if not before.endswith("?") and asked is None:
            return None  # "Holt said no." without a question: a refusal of what, the text does not say
        return (rest[0].start, rest[-1].end)

    def _possessor_claimed(self, toks: list[Tok], k: int) -> Found | None:
        """ "Naz dismissed Brandt's claim that the crack was small as “nonsense”": Brandt claimed
        the crack was small, named in passing (implied, as "claims by X that …"); the rating
        after "as" is the denier's, not his."""
        owner = toks[k - 1]
        cut = 2 if owner.low.endswith(("'s", "’s")) else 1
        bare = [*toks[: k - 1], Tok(owner.text[:-cut], owner.start, owner.end - cut)]
        left = np_left(bare, k)
        if left is None or k + 2 >= len(toks) or toks[k + 1].low != "that":
            return None
        speaker = bare[left[0] : left[1]]
        # "dismissed X's claim that … as false": the rating after "as" is the dismisser's
        rated = any((h := cue_lemma(toks, m)) and h[0] in DENIAL | RATING for m in range(left[0]))
        end = next(
            (
                m
                for m in range(k + 2, len(toks))
                if toks[m].text in ",;:.!?" or (toks[m].low == "as" and rated)
            ),
            len(toks),
        )
        verbs = [m for m in range(k + 3, end) if toks[m].low in CLAUSE_VERBS]
        if left[0] == 0 and len(verbs) >= 2:
            end = verbs[-1]  # "Brandt's claim that the crack was small was false": the main verb's
        elif left[0] == 0 and verbs:
            # "Brandt's claim that the crack was small drew criticism": a past verb after the
            # clause's own is the sentence's main verb
            end = next(
                (
                    m
                    for m in range(verbs[0] + 2, end)
                    if _PAST_VERB.fullmatch(toks[m].low)
                    and toks[m - 1].word
                    and toks[m - 1].low not in CLAUSE_VERBS
                    and toks[m - 1].low not in ADVERBS
                    and toks[m - 1].low not in DETERMINERS
                    and toks[m].low not in ADVERBS
                ),
                end,
            )
        if end - (k + 2) < 2:
            return None
        content = trim(self.text, toks[k + 2].start, toks[end - 1].end)
        span, role = self.speaker_from(speaker, content)
        return Found(
            content,
            (toks[k].start, toks[k].end),
            span,
            Kind.PARAPHRASE,
            lemma="claim",
            role=role,
            implied=True,
        )

    def _closes_first_clause(
        self, toks: list[Tok], left: tuple[int, int], prev: Tok | None, rest: list[Tok], sent: Span
    ) -> Span | None:
        """ "The dam is safe, Brandt said, but the road is closed, …": an attribution set off
        between a clause and a conjunction closes the clause before it, and what follows the
        conjunction is not its speaker's (another attribution may claim it)."""
        if not (
            left[0] > 1
            and toks[left[0] - 1].text == ","
            and prev is not None
            and prev.text != ","
            and len(rest) > 3
            and rest[0].text == ","
            and rest[1].low in _CONJUNCTIONS
        ):
            return None
        conj = len(toks) - len(rest) + 1
        if not (self._closing_attribution(toks, conj) or self._second_attribution(toks, conj)):
            return None  # "…, he said, and Y": without a speaker of its own, Y is his too
        content = trim(self.text, sent[0], toks[left[0] - 1].start)
        return content if len(self.text[content[0] : content[1]].split()) >= 3 else None

    def _after_earlier(self, toks: list[Tok], sent: Span, sent_items: list[Found], upto: int) -> int:
        """Where the clause a closing attribution says starts: after an earlier statement of the
        sentence and the conjunction that follows it ("…, Brandt said, but the road is closed,
        police said"), else at the sentence's start."""
        earlier = [f for f in sent_items if f.cue and max(f.cue[1], f.content[1]) <= upto]
        if not earlier:
            return sent[0]
        f = earlier[-1]
        assert f.cue is not None
        end = max(f.cue[1], f.content[1], f.speaker[1] if f.speaker else 0)
        m = next((m for m, x in enumerate(toks) if x.start >= end and x.text == ","), None)
        if m is None or toks[m].end >= upto or m + 1 >= len(toks) or toks[m + 1].low not in _CONJUNCTIONS:
            return sent[0]
        return toks[m + 1].end

    def _reporters(
        self, content: Span, cue: Span, reporter: list[Tok], lemma: str, toks: list[Tok], k: int
    ) -> Found | None:
        """A clause an outlet reports or learned with no speaker named: the outlet is its `via`,
        never its speaker, and its source is unnamed."""
        item = self._finish(content, cue, None, lemma, toks, k)
        if item is None:
            return None
        item.via.append(self.text[reporter[0].start : cue[1]])
        item.hedge = "; ".join(h for h in (item.hedge, REPORTER_HEDGE) if h)
        return item

    def reported_by(self, sent: Span, quotes: list[Span]) -> None:
        """ "CLAUSE, Radio Coastline has learned.": what a reporter learned, with nobody named as
        its source (a speaker's clause keeps the phrase as its `via`, see _finish)."""
        text = self.text
        lo, hi = trim(text, *sent)
        m = _REPORTER_CLOSING.search(text, lo, hi)
        if m is None or inside(m.start("verb"), quotes):
            return
        last_word = m.end("verb") - len(m.group("verb").split()[-1])
        if last_word in self.used_cues:
            return  # the chain of a statement found in the sentence already
        said = [f for f in self.found if f.cue and lo <= f.cue[0] < m.start()]
        if said:  # "“…,” he said, Radio Coastline has learned.": how it reached us
            said[-1].via.append(m.group("chain"))
            self.used_cues.add(last_word)
            return
        if any(f.content[0] < m.start() and lo < f.content[1] for f in self.found):
            return
        content = trim(text, lo, m.start())
        if len(text[content[0] : content[1]].split()) < 3:
            return
        toks = tokenize(text, lo, hi)
        k = next((n for n, t in enumerate(toks) if t.start >= m.start("verb")), len(toks) - 1)
        who = [t for t in toks if m.start("who") <= t.start < m.end("who")]
        item = self._reporters(content, (m.start("verb"), m.end("verb")), who, "report", toks, k)
        if item is not None:
            self.add(item)

    def learned_from(self, sent: Span, quotes: list[Span]) -> None:
        """ "The Herald has learned from officials that CLAUSE": the officials are the source and
        the outlet is how it reached us (`via`); with no source named, the outlet reports words
        whose source is unnamed, as in reported_by."""
        text = self.text
        lo, hi = trim(text, *sent)
        m = _REPORTER_OPENING.match(text, lo, hi)
        if m is None or inside(m.start(), quotes):
            return
        toks = tokenize(text, lo, hi)
        who = [t for t in toks if m.start("who") <= t.start < m.end("who")]
        if not is_outlet(who):
            return  # "Brandt has learned that …" is news about Brandt, not a report
        content = trim(text, m.end(), hi)
        inner = [f for f in self.found if f.cue and content[0] <= f.cue[0] < content[1]]
        if inner:  # "The Herald has learned that Brandt said …": how Brandt's words reached us
            inner[0].via.append(m.group("chain"))
            return
        if len(text[content[0] : content[1]].split()) < 3 or any(
            f.content[0] < content[1] and content[0] < f.content[1] for f in self.found
        ):
            return
        cue = (m.start("verb"), m.end("verb"))
        k = next((n for n, t in enumerate(toks) if t.start >= cue[0]), 0)
        if m.group("src") is None:
            item = self._reporters(content, cue, who, "report", toks, k)
        else:
            source = [t for t in toks if m.start("src") <= t.start < m.end("src")]
            item = self._finish(content, cue, source, "report", toks, k)
            if item is not None:
                item.via.append(m.group("chain"))
        if item is not None:
            self.add(item)

    def _rate_denial(self, denial: Found, rest: Span) -> None:
        """Give a denial of "the reports" the rating its participle adds: "calling them 'false'"."""
        text = self.text
        a, b = denial.content
        if denial.polarity is not Polarity.DENY or not ANAPHORIC_CLAIM.fullmatch(text[a:b].strip(" .,")):
            return
        rating = self._rating(*trim(text, *rest))
        if rating[1] <= rating[0]:
            return
        marks = list(QUOTE_MARK.finditer(text, *rating))
        if len(marks) == 2 and marks[0].start() == rating[0] and marks[1].end() == rating[1]:
            denial.content, denial.kind = trim(text, *inner_span(text, *rating), chars=" ,;:."), Kind.DIRECT
        elif len(text[rating[0] : rating[1]].split()) >= 2:
            denial.content = rating

    def _relative(
        self, toks: list[Tok], rel: int, k: int, last: int, speaker: list[Tok], lemma: str
    ) -> Found | None:
        """ "the attack, which New Delhi blames on militants": the relative pronoun is the cue's
        object, so the content runs from the phrase it stands for to the end of the clause."""
        if rel == 0 or toks[rel - 1].text != ",":
            return None
        start = None
        hops = 0
        for m in range(rel - 2, max(-1, rel - 16), -1):
            if not toks[m].word and toks[m].text not in "-'’":
                break
            if toks[m].low in DETERMINERS:
                start = m
                # "the damage to an undersea cable, which …": the phrase the cable belongs to
                if hops < 2 and m >= 2 and toks[m - 1].low in ("of", "to", "on") and toks[m - 2].word:
                    hops += 1
                    continue
                break
        end = next((m for m in range(last + 1, len(toks)) if toks[m].text in ",;.:!?—–()"), len(toks))
        if start is None or end - last < 2:
            return None
        content = trim(self.text, toks[start].start, toks[end - 1].end)
        item = self._finish(content, (toks[k].start, toks[last].end), speaker, lemma, toks, k)
        if item is None or item.content != content:
            return item
        antecedent = trim(self.text, toks[start].start, toks[rel - 1].start)
        if toks[last + 1].low in AUXILIARIES:
            # "the road, which police said was closed": "which" is the subject of what they
            # said, so the words are the phrase it stands for and the clause after the cue
            item.pieces = [antecedent, (toks[last + 1].start, content[1])]
        elif lemma == "blame" and toks[last + 1].low in BLAME_PARTICLES and last + 2 < end:
            # "the attack, which New Delhi blames on militants": New Delhi's claim is that the
            # attack was the militants' doing — "the attack on militants" would say the reverse
            item.pieces = [antecedent, (toks[last + 2].start, content[1])]
            item.joint = blame_joint(toks[start : rel - 1], toks[last + 1].low)
        return item

    def _trailing_cue(self, toks: list[Tok], quotes: list[Span]) -> tuple[tuple[str, int], int] | None:
        """The cue closing "CLAUSE, X said (on Monday)." when the clause has no say-cue of its own.

        Only cues whose object is the content ("attacked", "slammed") are overruled by it.
        """
        for k in range(len(toks) - 1, 1, -1):
            t = toks[k]
            if inside(t.start, quotes) or t.start in self.used_cues:
                continue
            hit = cue_lemma(toks, k)
            if hit is None:
                continue
            if hit[0] not in _TRAILING_CUES or not self._tail_only(toks[self._past_addressee(toks, hit) :]):
                return None
            left = np_left(toks, k)
            if left is None or left[0] < 2 or left[1] != k or toks[left[0] - 1].text not in ",—–":
                return None
            inner = (cue_lemma(toks, m) for m in range(left[0] - 1) if not inside(toks[m].start, quotes))
            if any(h is not None and h[0] not in NP_OBJECT for h in inner):
                return None  # "The ministry said X, the Tribune reported.": the inner speaker said it
            return hit, k
        return None

    @staticmethod
    def _past_addressee(toks: list[Tok], hit: tuple[str, int]) -> int:
        """Where what follows a cue starts, past whom it was said to: "told reporters (on Monday)"."""
        last = hit[1]
        if (
            hit[0] == "tell"
            and (obj := np_right(toks, last + 1) or bare_addressee(toks, last + 1)) is not None
        ):
            return obj[1]
        return last + 1

    def _tail_only(self, rest: list[Tok]) -> bool:
        """Whether what follows a cue is only time, place or medium — no content."""
        if not rest:
            return True
        words = [t for t in rest if t.word]
        if rest[0].text in ".;!?" or (rest[0].text == "," and len(words) < 2):
            return True
        if rest[0].text == ":":
            return False
        upto = []
        for t in rest:
            if t.text in ".;!?":
                break
            upto.append(t)
        if any(t.low == "that" for t in upto):
            return False
        if len(upto) > 1 and upto[0].low == "about" and upto[1].text[:1].isdigit():
            return False  # "said about 300 workers would lose their jobs": a number, not a topic
        return len([t for t in upto if t.word]) <= 7 and (
            not upto or upto[0].low in TAIL_OPENERS or upto[0].low in ADVERBS
        )

    def _narration_follows(self, rest: list[Tok]) -> bool:
        """Whether what follows a closing cue is a time or medium and then the reporter's own
        clause: "…, Bolivian officials said on Thursday, as Peru and Bolivia traded blame." —
        what was said is the clause before the speaker; the "as" clause is the narration's."""
        comma = next((m for m, t in enumerate(rest[:9]) if t.text == ","), None)
        if comma is None or comma + 2 >= len(rest) or not self._tail_only(rest[:comma]):
            return False
        opener, after = rest[comma + 1], rest[comma + 2]
        return opener.low in _NARRATION_OPENERS and after.word and after.low not in _NOT_NARRATION

    def _quoted_as_saying(self, toks: list[Tok], k: int, hit: tuple[str, int]) -> Found | None:
        """ "Reuters quoted X as saying Y": X said Y, and Reuters is the reporting chain."""
        quoted = next(
            (
                m
                for m in range(k - 2, max(-1, k - 16), -1)
                if toks[m].low in ("quoted", "cited", "quotes", "cites")
            ),
            None,
        )
        if quoted is None or quoted + 1 >= k - 1:
            return None
        speaker = toks[quoted + 1 : k - 1]
        parts = [p for p in split_commas(speaker) if p]
        role: str | None = None
        if len(parts) == 2:  # "quoted Lang's brother-in-law, Martin Feld, as saying": the name speaks
            names = [p for p in parts if all(x.cap for x in p if x.word)]
            if len(names) == 1:
                speaker = names[0]
                other = parts[1] if names[0] is parts[0] else parts[0]
                role = self.text[other[0].start : other[-1].end]
        if not speaker or any(x.text in '.;:"“”' for x in speaker):
            return None
        lemma, last = hit
        content = self._right_content(toks, last, lemma, speaker)
        if content is None:
            return None
        item = self._finish(content, (toks[k].start, toks[last].end), speaker, lemma, toks, k)
        if item is not None:
            source = np_left(toks, quoted)
            chain = self.text[toks[source[0]].start if source else toks[quoted].start : toks[quoted].end]
            item.via.append(chain)
            if role is not None:
                item.role = role
        return item

    def _right_content(
        self, toks: list[Tok], last: int, lemma: str, speaker: list[Tok] | None = None
    ) -> Span | None:
        """The reported clause after a cue, or None when nothing reportable follows."""
        text = self.text
        self.hole = None
        j = last + 1
        if j >= len(toks):
            return None
        # Without "that", a thinking or evidence cue reports only a clause ("believes the plan
        # will fail") or, from a poll or study, what it shows ("a poll shows Clinton leading").
        bare_ok = (
            lemma in NEEDS_THAT
            and toks[last].low != "state"
            and (
                clause_at(toks, j)
                or (lemma in EVIDENCE_CUES and bool(speaker and any(is_evidence(x) for x in speaker)))
            )
        )
        if toks[j].text == ":":
            j += 1
        elif lemma in ("call for", "call on", "speak of", "talk about", "comment on", "rail against"):
            pass  # the particle already stands where "that" would: "called for an inquiry"
        else:
            # Skip time and medium phrases between cue and content: "said Tuesday in a statement that".
            that_at = None
            for m in range(j, min(len(toks), j + 14)):
                if m == j and demonstrative_claim(toks, m):
                    break  # "rejected that account": that account is the object, no clause follows
                if toks[m].low == "that" and (m == j or toks[m - 1].text != ","):
                    that_at = m
                    break
                if toks[m].text in ".;:!?":
                    break
                if m > j and (
                    toks[m].low in ("and", "but")
                    or toks[m].low in PARTICIPLES
                    or (not toks[m].cap and CUE_FORMS.get(toks[m].low) and not names_content(toks, m))
                ):
                    break  # "say it's early but noted that …", "said as much, arguing that …": the next cue's
            if that_at is not None and that_at - j <= 12:
                between = toks[j:that_at]
                # "denied reports that …" names what the content is; or only words stand before "that".
                names_it = (
                    lemma in NP_OBJECT | {"reiterate"} and bool(between) and between[-1].low in CONTENT_NOUNS
                )
                if names_it or (
                    all(b.word or b.text in ",'’" for b in between)
                    and not any(b.low in AUXILIARIES for b in between)
                    and not relative_that(between, lemma)
                ):
                    j = that_at + 1
                elif lemma in NEEDS_THAT and not bare_ok:
                    return None
            elif lemma in NEEDS_THAT and not bare_ok:
                return None
            elif lemma in ADDRESSEE:
                obj = np_right(toks, j)
                if obj and obj[1] < len(toks) and toks[obj[1]].low == "to" and lemma != "tell":
                    pass  # "urged both sides to …": the addressee is part of what was urged
                elif obj:
                    j = obj[1]
            else:
                while j < len(toks) and (toks[j].low in TIME_WORDS or toks[j].low in ADVERBS):
                    j += 1
        if j >= len(toks) or toks[j].low in ("citing", "according", "nothing", "anything"):
            return None
        if lemma == "call" and toks[j].low in CALL_PARTICLES:
            return None  # "called into a radio show", "called off the strike": a call, not words
        # The content ends before a participle or a coordinated cue that opens a new statement.
        end = len(toks)
        # a clause ("announced it will hire …, and it will …") may go on; a noun phrase may not
        bare_clause = toks[j].low in PRONOUNS and clause_at(toks, j)
        noun_object = lemma in NP_OBJECT and toks[j - 1].low not in ("that", ":") and not bare_clause
        for m in range(j + 1, len(toks)):
            low = toks[m].low
            if noun_object and self._coordinated_clause(toks, m):
                end = m - 1 if toks[m - 1].text == "," else m
                break  # "blamed the FVF, but officials in Korvik were more cautious": the reporter's
            if (
                toks[m - 1].text in ",—–-"
                and low not in _PART_OF_CONTENT
                and (low in PARTICIPLES or (low.endswith("ing") and len(low) > 5 and not toks[m].cap))
            ):
                end = m - 1  # a participle clause is either a new statement or the reporter's gloss
                break
            if toks[m - 1].text == "," and low in ("which", "whom") and self._attributes(toks, m + 1):
                hole = self._relative_hole(toks, m)
                if hole is not None:
                    # "said the dam is safe, but the road, which police said was closed, is open":
                    # the relative clause is police's, the clause around it is still the speaker's
                    self.hole = (toks[m - 1].start, toks[hole].start)
                    continue
                end = m - 1  # ", which New Delhi blames on …" is a statement of its own
                break
            if low in _CONJUNCTIONS and toks[m - 1].text == "," and self._closing_attribution(toks, m):
                end = m - 1  # "X said A, but B, police said": B is what the police said
                break
            if low in ("and", "but", "while", "whereas") and self._second_attribution(toks, m):
                end = m - 1 if toks[m - 1].text == "," else m
                break  # "Dar said the talks would resume, while Misri said no date had been set"
            if low in ("and", "but") and m + 1 < len(toks):
                nx = m + 1
                while nx < len(toks) and toks[nx].low in ADVERBS:
                    nx += 1
                if (
                    nx < len(toks)
                    and CUE_FORMS.get(toks[nx].low)
                    and toks[nx].low.endswith(("ed", "id", "ld", "te", "ote"))
                ):
                    end = m
                    break
        hi = toks[end - 1].end if end > j else toks[j].end
        content = trim(text, toks[j].start, hi)
        words = text[content[0] : content[1]].split()
        if len(words) < 3 and not (lemma in NP_OBJECT and len(words) >= 2):
            return None
        return content

    @staticmethod
    def _coordinated_clause(toks: list[Tok], m: int) -> bool:
        """Whether a clause with its own subject is coordinated at token m (", but", "; ", ", while",
        ", whereas"): it cannot belong to a cue's noun-phrase object ("blamed the FVF")."""
        if toks[m].text != ";" and not (toks[m].low in _CONJUNCTIONS and toks[m - 1].text == ","):
            return False
        start = m + 1
        while start < len(toks) and toks[start].low in ADVERBS:
            start += 1
        return clause_at(toks, start) or cue_clause(toks, start)

    @staticmethod
    def _relative_cue(toks: list[Tok], k: int) -> bool:
        """Whether the cue at k is a relative clause's set off by commas: ", who said",
        ", which had earlier said"."""
        at = k - 1
        while at > 1 and toks[at].low in ADVERBS:
            at -= 1
        return at >= 1 and toks[at].low in ("who", "which") and toks[at - 1].text == ","

    @staticmethod
    def _relative_close(toks: list[Tok], content: Span) -> int | None:
        """Where a relative clause's content ends: at the comma before the verb of the clause
        around it ("…, now says", "…, left early"); None when no such verb follows, as when the
        clause ends the sentence ("Trump, who had talked about A, to B, to C.")."""
        for m, tok in enumerate(toks[:-1]):
            if not (content[0] < tok.start < content[1] and tok.text == ","):
                continue
            nxt = m + 1
            while nxt < len(toks) - 1 and toks[nxt].low in ADVERBS:
                nxt += 1
            low = toks[nxt].low
            if not toks[nxt].cap and (
                low in CLAUSE_VERBS
                or low in _IRREGULAR_PAST
                or _PAST_VERB.fullmatch(low)
                or (CUE_FORMS.get(low) and low not in NOUN_LIKE_CUES)
            ):
                return tok.start
        return None

    @staticmethod
    def _relative_hole(toks: list[Tok], which: int) -> int | None:
        """Where the clause around ", which X said was closed," resumes: after the comma that
        closes the relative clause, when a verb of the outer clause follows ("…, is open")."""
        for m in range(which + 1, min(len(toks) - 1, which + 16)):
            if toks[m].text in ".;:!?—–()":
                return None
            if toks[m].text == ",":
                nxt = toks[m + 1]
                return m if nxt.low in AUXILIARIES or nxt.low in CLAUSE_VERBS else None
        return None

    @staticmethod
    def _second_attribution(toks: list[Tok], conj: int) -> bool:
        """Whether a speaker phrase and a reporting cue follow the conjunction at conj, opening
        an attribution of their own: "…, while Misri said …", "… but the ministry denied …"."""
        for m in range(conj + 2, min(len(toks), conj + 9)):
            t = toks[m]
            if not t.word and t.text not in "&-'’":
                return False
            hit = cue_lemma(toks, m)
            if hit is None or t.low in PARTICIPLES or t.low.endswith("ing"):
                continue
            if m + 1 >= len(toks) or (not toks[m + 1].word and toks[m + 1].text != ":"):
                return False  # "… and Misri said." ends the sentence: an insertion, not a clause
            return np_left(toks, m) == (conj + 1, m)
        return False

    def _closing_attribution(self, toks: list[Tok], conj: int) -> bool:
        """Whether the clause after the conjunction at conj ends in an attribution of its own:
        "…, but the road is closed, police said (on Monday)."."""
        for m in range(len(toks) - 1, conj + 3, -1):
            hit = cue_lemma(toks, m)
            if hit is None:
                continue
            if hit[0] not in _TRAILING_CUES or not self._tail_only(toks[self._past_addressee(toks, hit) :]):
                return False
            left = np_left(toks, m)
            return (
                left is not None
                and left[1] == m
                and left[0] - 1 > conj + 2
                and toks[left[0] - 1].text == ","
                and not any(cue_lemma(toks, x) for x in range(conj + 1, left[0] - 1))
            )
        return False

    @staticmethod
    def _attributes(toks: list[Tok], j: int) -> bool:
        """Whether a speaker phrase and an object-taking cue follow: "New Delhi blames"."""
        for m in range(j + 1, min(len(toks), j + 6)):
            if not toks[m].word:
                return False
            lemma = CUE_FORMS.get(toks[m].low)
            if lemma in RELATIVE_OBJECT_CUES and not toks[m].cap:
                return np_left(toks[j : m + 1], m - j) == (0, m - j)
        return False

    def _finish(
        self, content: Span, cue: Span, speaker: list[Tok] | None, lemma: str, toks: list[Tok], k: int
    ) -> Found | None:
        text = self.text
        if content[1] <= content[0]:
            return None
        chain = _REPORTED_BY.search(text, content[0], content[1])
        if chain is not None and chain.start() > content[0]:
            content = trim(text, content[0], chain.start())
        if speaker:
            span, role = self.speaker_from(speaker, content)
        else:
            span, role = None, None
        kind = Kind.INDIRECT
        c = text[content[0] : content[1]]
        marks = list(QUOTE_MARK.finditer(c))
        if len(marks) == 2 and marks[0].start() == 0 and marks[1].end() == len(c):
            content = inner_span(text, content[0], content[1])
            kind = Kind.DIRECT
        item = Found(content, cue, span, kind, lemma=lemma, role=role)
        hole, self.hole = self.hole, None
        if hole is not None and content[0] < hole[0] and hole[1] < content[1]:
            item.pieces = [trim(text, content[0], hole[0]), trim(text, hole[1], content[1])]
        if chain is not None and chain.start() > content[0]:
            item.via.append(chain.group(1))
            self.used_cues.add(chain.end(1) - len(chain.group(1).split()[-1]))  # not a statement of its own
        item.hedge = cue_hedge(toks, k)
        if lemma in DENIAL or (lemma in RATING and DENIAL_RATINGS.search(text[content[0] : content[1]])):
            item.polarity = Polarity.DENY
        if lemma == "tell":
            obj = np_right(toks, k + 1) or bare_addressee(toks, k + 1)
            if obj:  # an audience ("told reporters") is left out of the chain: resolution._via
                item.via.append(text[cue[0] : toks[obj[1] - 1].end])
        if lemma in DENIAL or lemma in RATING:
            self._answered(item)
        return item

    # describe-as forms: what X calls “…”

    def described(self, sent: Span, quotes: list[Span]) -> None:
        text = self.text
        for qa, qb in quotes:
            if not (sent[0] <= qa < sent[1]):
                continue
            toks = tokenize(text, sent[0], qa)
            if len(toks) < 3:
                continue
            tail = toks[-6:]
            lows = [t.low for t in tail]
            if lows[-1] == "as":
                lows, tail = lows[:-1], tail[:-1]
            if not tail or (
                CUE_FORMS.get(lows[-1]) not in ("call", "describe")
                and lows[-1] not in ("dubbed", "termed", "labeled", "labelled", "branded")
            ):
                continue
            cue_tok = tail[-1]
            if cue_tok.start in self.used_cues or any(f.content[0] <= qa < f.content[1] for f in self.found):
                continue
            idx = toks.index(cue_tok)
            left = np_left(toks, idx)
            if left is None or idx - left[1] > 2:
                continue
            rel = toks[left[0] - 1].low if left[0] else ""
            if rel not in ("what", "which", "that"):
                continue
            inner = trim(text, *inner_span(text, qa, qb), chars=" ,;:.")
            item = self._finish(
                (qa, qb), (cue_tok.start, cue_tok.end), toks[left[0] : left[1]], "describe", toks, idx
            )
            if item is None:
                continue
            item.content, item.kind = inner, Kind.DIRECT
            acted = self._described_act(toks, left) if rel == "what" else None
            if acted is not None:
                # "targeting what it describes as “terrorist infrastructure”": what is described is
                # what it targeted, and its claim is that it targeted terrorist infrastructure
                item.content, item.kind, item.pieces = (acted[0], qb), Kind.INDIRECT, [acted, (qa, qb)]
            self.add(item)

    @staticmethod
    def _described_act(toks: list[Tok], describer: tuple[int, int]) -> Span | None:
        """The act whose object a free relative describes ("targeting what it describes as …"),
        when the describer is a pronoun standing for the one who acts: the words after the last
        comma (or the sentence's subject) before "what", at most five. "Critics mocked what the
        minister called …" has none: the minister did not mock."""
        if describer[1] - describer[0] != 1 or toks[describer[0]].low not in PRONOUNS:
            return None
        what = describer[0] - 1
        comma = next((m for m in range(what - 1, -1, -1) if toks[m].text in ",;:—–"), None)
        if comma is not None:
            start = comma + 1
        else:
            subj = subject(toks[:what])
            start = subj[1] if subj is not None else 0
        words = toks[start:what]
        if not words or len(words) > 5 or not all(t.word for t in words) or any(t.cap for t in words):
            return None
        return words[0].start, words[-1].end
