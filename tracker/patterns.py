"""Regular expressions compiled on first use, not at import.

The judge, the extractor and the store keep hundreds of patterns at module level; compiling
them all took about a third of every `tracker` command's start (`tracker add`, `--help`),
while one command uses a fraction of them. `lazy()` is `re.compile()` that waits:

    _NEGATION = lazy(r"\\b(?:not|never|no)\\b", re.I)
    _NEGATION.search(text)      # compiled here, once; later calls cost what a compiled one's do
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, Generic, cast

# what a compiled pattern offers; copied onto a deferred one when it is first used
_FORWARDED = (
    "search",
    "match",
    "fullmatch",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _Deferred(Generic[AnyStr]):
    """A pattern's source until its first use. Then the compiled pattern's methods become this
    object's own attributes, so later lookups find them directly, without __getattr__."""

    def __init__(self, pattern: AnyStr, flags: int) -> None:
        self._source: tuple[AnyStr, int] = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy and pickle probe for dunders; _source unset while unpickling
            raise AttributeError(name)
        pattern, flags = self._source
        compiled = re.compile(pattern, flags)
        for attribute in _FORWARDED:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r}, {re.RegexFlag(self._source[1])!r})"


def lazy(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, compiled when first used; typed as the compiled pattern it
    stands for (it is not one to isinstance, and the re module's functions do not take it)."""
    return cast("re.Pattern[AnyStr]", _Deferred(pattern, flags))
