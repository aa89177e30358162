"""tracker.store as Python callers use it: the names it exports, and arguments left alone."""

from __future__ import annotations

import copy
from typing import Any

import tracker.store
from tracker.store import NewStatement, add_statement, add_statements, get_statement


def _untidy(ref: str) -> NewStatement:
    return NewStatement(
        text="  Taxes will fall next year.  ",
        speaker="  Jane Doe ",
        role=" finance minister ",
        affiliation=" ",
        source=" The Daily Paper ",
        url=" https://example.com/taxes ",
        title="  ",
        cue=" said ",
        via="",
        ref=f" {ref} ",
        tags=[" economy ", "tax", ""],
    )


def test_add_statement_leaves_the_callers_statement_as_it_was_given(db: Any) -> None:
    new = _untidy("r-1")
    before = copy.deepcopy(new)
    added = add_statement(db, new)
    assert new == before
    stored = get_statement(db, added.id)
    assert {
        k: stored[k]
        for k in ("text", "speaker", "role", "source", "url", "title", "cue", "via", "ref", "tags")
    } == {
        "text": "Taxes will fall next year.",
        "speaker": "Jane Doe",
        "role": "finance minister",
        "source": "The Daily Paper",
        "url": "https://example.com/taxes",
        "title": None,
        "cue": "said",
        "via": None,
        "ref": "r-1",
        "tags": ["economy", "tax"],
    }


def test_add_statements_leaves_every_callers_statement_as_it_was_given(db: Any) -> None:
    rows = [_untidy("r-1"), _untidy("r-2"), NewStatement(text="Clean already.", speaker="Jane Doe")]
    before = copy.deepcopy(rows)
    added = add_statements(db, rows)
    assert rows == before
    assert [a.created for a in added] == [True, False, True]  # the same words, speaker, source


def test_every_exported_name_is_importable_from_the_package() -> None:
    assert sorted(tracker.store.__all__) == sorted(set(tracker.store.__all__))
    missing = [name for name in tracker.store.__all__ if not hasattr(tracker.store, name)]
    assert missing == []
