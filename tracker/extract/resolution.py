"""Resolution: speaker names for pronouns and short names, modality and reporting chain."""

from __future__ import annotations

from tracker.extract.cues import (
    COMMIT_CUES,
    DETERMINERS,
    HONORIFICS,
    MODAL_COMMIT,
    MODAL_COND,
    MODAL_IF,
    MODAL_OWN,
    PERSON_PRONOUNS,
    PRONOUNS,
    SPEAKER_NOUNS,
    TITLES,
    VIA_PATTERNS,
)
from tracker.extract.extractor import Found
from tracker.model import Extracted, Modality, Span


def _looks_like_person(name: str) -> bool:
    parts = name.split()
    if not parts or parts[0].lower() in DETERMINERS:
        return False
    if parts[0].lower() in HONORIFICS:
        return True
    return (
        2 <= len(parts) <= 4
        and all(p[:1].isupper() for p in parts)
        and not any(p.lower() in SPEAKER_NOUNS or p.lower() in TITLES for p in parts)
    )


def _modality(content: str, lemma: str) -> Modality:
    if content.rstrip('”"’ ').endswith("?"):
        return Modality.QUESTION
    if MODAL_IF.search(content):
        return Modality.CONDITIONAL
    if lemma in COMMIT_CUES or MODAL_COMMIT.search(content) or MODAL_OWN.match(content):
        return Modality.COMMITMENT
    if MODAL_COND.search(content):
        return Modality.CONDITIONAL
    return Modality.ASSERTION


def _via(text: str, sent: Span, item: Found) -> list[str]:
    """Reporting-chain phrases in the sentence outside the content: "to local television"."""
    found = list(item.via)
    a, b = item.content
    for rx in VIA_PATTERNS:
        for m in rx.finditer(text, sent[0], sent[1]):
            if a <= m.start(1) < b:
                continue
            phrase = m.group(1).strip()
            if phrase and not any(phrase in f or f in phrase for f in found):
                found.append(phrase)
    return found


def resolve(text: str, found: list[Found], sentences: list[Span]) -> list[Extracted]:
    """Give each statement a speaker name, resolving pronouns and short names backwards."""
    out: list[Extracted] = []
    people: list[str] = []
    others: list[str] = []
    for item in found:
        mention = text[item.speaker[0] : item.speaker[1]] if item.speaker else None
        name = item.name or mention
        if mention is not None and item.name is None:
            low = mention.lower()
            if low in PERSON_PRONOUNS and people:
                name = people[-1]
            elif low in ("it", "they") and others:
                name = others[-1]
            elif " " not in mention and mention[:1].isupper():
                full = next((p for p in reversed(people) if p.split()[-1] == mention), None)
                name = full or mention
            elif mention.split()[0].lower() in HONORIFICS:
                surname = mention.split()[-1]
                name = next(
                    (
                        p
                        for p in reversed(people)
                        if p.split()[-1] == surname and p.split()[0].lower() not in HONORIFICS
                    ),
                    mention,
                )
        if name and name.lower() not in PRONOUNS:
            (people if _looks_like_person(name) else others).append(name)
        sent = next((s for s in sentences if s[0] <= item.content[0] < s[1]), item.content)
        if item.cue:
            sent = next((s for s in sentences if s[0] <= item.cue[0] < s[1]), sent)
        via = _via(text, sent, item)
        content = text[item.content[0] : item.content[1]]
        polarity = item.polarity
        out.append(
            Extracted(
                speaker=name,
                speaker_span=item.speaker,
                cue=text[item.cue[0] : item.cue[1]] if item.cue else None,
                cue_span=item.cue,
                content=content,
                content_span=item.content,
                kind=item.kind,
                polarity=polarity,
                role=item.role,
                hedge=item.hedge,
                via="; ".join(via) or None,
                modality=_modality(content, item.lemma),
            )
        )
    return out
