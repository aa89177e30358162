"""The extractor: one pass over the text finding direct quotes, labels and reported speech.

The scan's state and the statements under construction are in `scan`; direct quotes and
transcript labels in `direct`; reported speech and describe-as forms in `reported`; what a
denial or reply answers in `answers`.
"""

from __future__ import annotations

from tracker.extract.direct import DirectQuotes
from tracker.extract.reported import ReportedSpeech
from tracker.extract.scan import Found

__all__ = ["Extractor", "Found"]


class Extractor(DirectQuotes, ReportedSpeech):
    """Holds the text and the statements found so far while scanning it once."""
