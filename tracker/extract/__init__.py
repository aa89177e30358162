"""Who said what: attributed statements found in article text, with character offsets.

Rule-based and pure (strings in, values out). Direct quotes are attributed first, at
paragraph level, so that quotes spanning several sentences stay whole; reported speech is
then found sentence by sentence around a lexicon of reporting cues, with the speaker taken
from the noun phrase next to the cue.

The modules, in the order the work happens: `cues` (word lists and patterns), `spans`
(tokens, quotes, sentences), `phrases` (speaker phrases around a cue), `extractor` (the
scan, built from `scan`, its state; `direct`, direct quotes and transcript labels; `reported`,
reported speech; `answers`, what a denial or reply answers), `resolution` (names, modality,
reporting chain) and `article` (the entry points).
Word lists shared with tracker.text (abbreviations, hedges, denial words) are in tracker.lexicon.
"""

from __future__ import annotations

from tracker.extract.article import extract_article, extract_statements

__all__ = ["extract_article", "extract_statements"]
