"""The public Python API: every exported name is the documented object, however and in
whatever order the submodules are imported."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import tracker


def _submodules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(tracker.__path__, "tracker."))


def test_no_public_name_is_the_name_of_a_submodule() -> None:
    shadowing = {name.split(".")[1] for name in _submodules()} & set(tracker.__all__)
    assert shadowing == set()


def test_every_public_name_is_its_home_object_after_every_submodule_is_imported() -> None:
    for name in _submodules():
        if name != "tracker.__main__":
            importlib.import_module(name)
    for name in tracker.__all__:
        value = getattr(tracker, name)
        assert not isinstance(value, ModuleType), name
        home = importlib.import_module(tracker._HOMES[name])
        assert value is getattr(home, name), name
        assert inspect.getdoc(value), f"{name} has no docstring"


def test_relate_works_twice_when_the_judge_module_was_imported_first() -> None:
    script = (
        "import tracker.judge, tracker.link, tracker\n"
        "print(tracker.relate('Pakistan requested a ceasefire', 'Pakistan never requested a ceasefire').relation)\n"
        "print(tracker.relate('Pakistan requested a ceasefire', 'Pakistan asked for a ceasefire').relation)\n"
        "from tracker import relate\n"
        "print(relate('India struck Lahore', 'India struck Lahore').relation)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["contradicts", "agrees", "agrees"]


def test_the_package_says_it_is_typed() -> None:
    assert Path(tracker.__path__[0], "py.typed").read_text() == ""


def test_a_python_user_can_do_what_the_cli_does(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tracker.open_db(tmp_path / "api.db")
    first = tracker.add_statement(
        db,
        tracker.NewStatement(
            text="Indian missiles struck targets in Afghanistan.", speaker="Pakistan's military"
        ),
    )
    second = tracker.add_statement(
        db,
        tracker.NewStatement(
            text="India denied that its missiles struck targets in Afghanistan.", speaker="India"
        ),
    )
    tracker.relink_all(db)
    (pair,) = tracker.contradictions(db)
    assert (pair["a_id"], pair["b_id"], pair["relation"]) == (first.id, second.id, "contradicts")
    claim = tracker.add_claim(db, "Indian missiles struck Afghanistan", ref="afghanistan", new=True)
    assert [(s["id"], s["stance"]) for s in claim["statements"]] == [
        (first.id, "supports"),
        (second.id, "denies"),
    ]
    assert [row["id"] for row in tracker.similar(db, "missiles Afghanistan")] == [first.id, second.id]
