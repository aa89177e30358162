"""Regular expressions compiled on first use (tracker.patterns): they behave as compiled ones,
and importing tracker compiles none of its own, which keeps every command's start short."""

from __future__ import annotations

import ast
import gc
import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import tracker
from tracker.patterns import _Deferred, lazy


def test_a_lazy_pattern_matches_substitutes_and_splits_as_the_compiled_one():
    pattern = lazy(r"(?P<n>\d+) (troops|soldiers)", re.IGNORECASE)
    text = "12 Troops left, 30 soldiers stayed"
    compiled = re.compile(pattern.pattern, pattern.flags)
    found = pattern.search(text)
    assert found is not None and found.groupdict() == {"n": "12"}
    assert [m.span() for m in pattern.finditer(text)] == [(0, 9), (16, 27)]
    assert pattern.sub(r"\g<n> people", text) == "12 people left, 30 people stayed"
    assert pattern.split(text) == compiled.split(text)
    assert (pattern.groups, pattern.groupindex) == (2, {"n": 1})
    assert pattern.fullmatch("7 soldiers") is not None and pattern.match("left 7 soldiers") is None


def test_a_lazy_pattern_compiles_on_first_use_and_then_answers_without_getattr():
    pattern = lazy(r"ceasefire")
    assert repr(pattern) == "lazy('ceasefire', re.NOFLAG)" and "search" not in vars(pattern)
    assert pattern.search("a ceasefire held") is not None
    assert vars(pattern)["search"].__self__.pattern == "ceasefire"  # the compiled pattern's own


def test_a_lazy_bytes_pattern_matches_bytes():
    assert lazy(rb"[\xc2-\xdf][\x80-\xbf]").findall("Gruß".encode()) == ["ß".encode()]


def test_a_bad_lazy_pattern_fails_when_first_used():
    pattern = lazy(r"(unclosed")
    with pytest.raises(re.error, match="missing \\), unterminated subpattern"):
        pattern.search("text")


def _every_module() -> list[str]:
    names = sorted(info.name for info in pkgutil.walk_packages(tracker.__path__, "tracker."))
    return [name for name in names if name != "tracker.__main__"]


def _module_level_lazy_calls(node: ast.AST) -> int:
    """The lazy(...) calls outside functions: the patterns that exist once a module is imported."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        return 0
    here = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "lazy"
    return int(here) + sum(_module_level_lazy_calls(child) for child in ast.iter_child_nodes(node))


def test_every_lazy_pattern_in_tracker_compiles():
    """A pattern compiled at import failed at once; a lazy one must not wait for its first use
    in a user's command to show a typo."""
    for name in _every_module():
        importlib.import_module(name)
    deferred = [obj for obj in gc.get_objects() if isinstance(obj, _Deferred)]
    sources = Path(tracker.__path__[0]).rglob("*.py")
    assert len(deferred) == sum(_module_level_lazy_calls(ast.parse(path.read_text())) for path in sources)
    for pattern in deferred:
        assert pattern.groups >= 0  # compiles it, or raises re.error naming the pattern


def test_importing_every_module_of_tracker_compiles_only_the_patterns_its_import_uses():
    """Patterns at module level are lazy(), not re.compile(): compiling them all at import took
    a third of `tracker add`'s start. Only concepts.py uses some while importing (to stem its
    synonym table), so only those are compiled."""
    code = (
        "import importlib, re, sys\n"
        "compiled = []\n"
        "original = re._compile\n"
        "def recording(pattern, flags):\n"
        "    caller = sys._getframe(2)\n"
        "    if caller.f_code.co_filename.endswith('/tracker/patterns.py'):  # a lazy one's first use\n"
        "        caller = caller.f_back\n"
        "    if '/tracker/' in caller.f_code.co_filename:\n"
        "        compiled.append(caller.f_code.co_filename.rsplit('/tracker/', 1)[1])\n"
        "    return original(pattern, flags)\n"
        "re._compile = recording\n"
        f"for name in {_every_module()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(set(compiled)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "['concepts.py']\n"
